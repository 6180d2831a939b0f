#pragma once
// TicketsPage: "My tickets" — the user's reservations with status; pay or cancel a kept hold (its
// countdown shown), refund a paid ticket, see its receipt. Emits what the user asks for; calls
// nothing. GUI thread.

#include <QUuid>
#include <QWidget>

class QLabel;
class QPushButton;
class QTableView;

namespace encore {

class HoldCountdown;
class ReservationListModel;
struct Reservation;

class TicketsPage : public QWidget {
    Q_OBJECT

public:
    explicit TicketsPage(ReservationListModel *model, QWidget *parent = nullptr);

    const Reservation *selected() const;
    void select(int row);
    // While the server is away the actions that need it are disabled (the banner says why).
    void setServerReachable(bool reachable);

Q_SIGNALS:
    void payHoldRequested(const encore::Reservation &reservation);
    void cancelHoldRequested(const encore::Reservation &reservation);
    void refundRequested(const encore::Reservation &reservation);
    void receiptRequested(const encore::Reservation &reservation);
    void refreshRequested();

protected:
    void changeEvent(QEvent *event) override;

private:
    void updateButtons();
    void retranslate();

    ReservationListModel *m_model;
    QTableView *m_view;
    QLabel *m_heading;
    QLabel *m_empty;
    QPushButton *m_refresh;
    QPushButton *m_receipt;
    QPushButton *m_payHold;
    HoldCountdown *m_countdown;
    QUuid m_countdownFor; // the reservation the countdown counts for
    QUuid m_keepSelected; // the selected reservation across a reset of the list
    QPushButton *m_cancelHold;
    QPushButton *m_refund;
    bool m_reachable = true;
};

} // namespace encore
