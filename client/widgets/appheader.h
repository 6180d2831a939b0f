#pragma once
// AppHeader: the top bar of both windows — the Encore mark on the left, the window's own items
// after it, a stretch, then the items on the right. GUI thread.

#include <QWidget>

class QHBoxLayout;

namespace encore {

class AppHeader : public QWidget {
    Q_OBJECT

public:
    explicit AppHeader(QWidget *parent = nullptr);

    void addLeft(QWidget *widget);
    void addLeftSpacing(int pixels);
    void addRight(QWidget *widget);

private:
    QHBoxLayout *m_layout;
    int m_stretchIndex = 0;
};

} // namespace encore
