#pragma once
// OverlayStrip: a column of notices (the connection banner, the notice bar) floating over a corner
// of a target widget instead of taking layout space, so a notice that appears or goes never moves
// what is under the mouse. Owns only its layout; follows the target's size. GUI thread.

#include <QPointer>
#include <QWidget>

class QVBoxLayout;

namespace encore {

class OverlayStrip : public QWidget {
    Q_OBJECT

public:
    // Floats over `corner` of `target` (which must share this strip's parent), `inset` pixels
    // from its edges, at most `maxWidth` wide, growing away from that corner as notices are
    // added. Pick the corner where the target's pages keep no actions: the customer window's
    // pages keep theirs on the right (bottom-left, like a desktop snackbar); the staff console's
    // tabs keep the row right of their tab bar and title free (top-right).
    OverlayStrip(QWidget *target, int inset, int maxWidth, QWidget *parent,
                 Qt::Corner corner = Qt::BottomLeftCorner);

    // Adds a notice widget; the strip shows while any of them is visible.
    void addNotice(QWidget *notice);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    bool event(QEvent *event) override;

private:
    void place();

    QPointer<QWidget> m_target;
    int m_inset;
    int m_maxWidth;
    Qt::Corner m_corner;
    QVBoxLayout *m_layout;
    QList<QWidget *> m_notices;
};

} // namespace encore
