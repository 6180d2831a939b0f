#pragma once
// SeatWaitPanel: the waiting list in the customer window, above every page — after seats were
// taken it asks "tell me if they come back?", then says what the customer waits for, and when a
// seat comes back it shows the offer: the seat, its price, a countdown and "Pay" / "Decline".
// Emits what the customer asks for; calls nothing. GUI thread.

#include "models/seatwait.h"

#include <QWidget>

#include <optional>

class QLabel;
class QPushButton;

namespace encore {

class HoldCountdown;

class SeatWaitPanel : public QWidget {
    Q_OBJECT

public:
    enum class Mode { Hidden, Ask, Waiting, Offer };

    explicit SeatWaitPanel(QWidget *parent = nullptr);

    // These seats of the date were just taken from under the customer: offer to wait for them.
    void askToWait(qint64 scheduleId, const QList<int> &seats);
    // The customer is on the list (joined just now, or found at start).
    void showWaiting(const SeatWait &wait);
    // A seat came back for the customer: held for them until the offer's end.
    void showOffer(const SeatWait &wait);
    // The wait or offer ended (paid, declined, left): hide, unless another one is shown.
    void finish(qint64 waitId);
    void dismiss();

    Mode mode() const { return m_mode; }
    const std::optional<SeatWait> &wait() const { return m_wait; }
    HoldCountdown *countdown() const { return m_countdown; }

Q_SIGNALS:
    void joinRequested(qint64 scheduleId, const QList<int> &seats);
    void leaveRequested(qint64 waitId);
    void payRequested(const encore::SeatWait &wait);
    void declineRequested(qint64 waitId);
    // The offer ran out on screen; the seat has gone to the next person.
    void offerLapsed(const encore::SeatWait &wait);

protected:
    void changeEvent(QEvent *event) override;

private:
    void setMode(Mode mode);
    void retranslate();

    Mode m_mode = Mode::Hidden;
    std::optional<SeatWait> m_wait;
    qint64 m_askSchedule = 0;
    QList<int> m_askSeats;
    QLabel *m_text;
    HoldCountdown *m_countdown;
    QPushButton *m_join;
    QPushButton *m_leave;
    QPushButton *m_pay;
    QPushButton *m_decline;
    QPushButton *m_close;
};

} // namespace encore
