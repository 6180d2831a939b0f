#pragma once
// questionBox: the app's one way to ask a yes/no-style question — a window-modal QMessageBox that
// deletes itself on close and shows the app's own question icon instead of the platform's old
// bitmap. The caller adds its named buttons and open()s it. GUI thread.

#include <QMessageBox>

namespace encore {

QMessageBox *questionBox(QWidget *parent, const QString &title, const QString &text);

} // namespace encore
