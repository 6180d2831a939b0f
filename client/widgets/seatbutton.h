#pragma once
// SeatButton: one seat of the map — number, tier, status colour and cue, tooltip and accessible
// name; knows nothing about selection rules (SeatMapWidget decides). GUI thread.

#include "models/seat.h"

#include <QAbstractButton>

namespace encore {

class SeatButton : public QAbstractButton {
    Q_OBJECT

public:
    explicit SeatButton(int number, QWidget *parent = nullptr);

    int number() const { return m_seat.number; }
    const Seat &seat() const { return m_seat; }
    void setSeat(const Seat &seat);
    bool isSeatSelected() const { return m_selected; }
    void setSeatSelected(bool selected);
    // Whether a click may select it (greys the cursor and tooltip hint otherwise).
    void setSelectable(bool selectable);
    // Held for this user from the waiting list: said in the seat's description.
    void setOffered(bool offered);
    bool isOffered() const { return m_offered; }
    bool isSelectable() const { return m_selectable; }
    void refreshTexts();

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    Seat m_seat;
    bool m_selected = false;
    bool m_selectable = true;
    bool m_offered = false;
};

} // namespace encore
