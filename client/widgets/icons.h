#pragma once
// Icons: the app's small set of line icons, drawn with QPainter so they stay crisp at any size
// and need no image plugin. GUI thread.

#include <QColor>
#include <QIcon>

namespace encore {

enum class IconKind { App, Wallet, Ticket, Concerts, Refresh, Logout, Back, Queue, Question };

struct Icons {
    static QIcon icon(IconKind kind, const QColor &color = QColor(0x37, 0x41, 0x51));
    static QPixmap pixmap(IconKind kind, int size, const QColor &color = QColor(0x37, 0x41, 0x51));
};

} // namespace encore
