#pragma once
// TicketsPage: "My tickets" — the user's reservations with status; cancel a hold, refund a paid
// ticket, see its receipt. Emits what the user asks for; calls nothing. GUI thread.

#include <QWidget>

class QLabel;
class QPushButton;
class QTableView;

namespace encore {

class ReservationListModel;
struct Reservation;

class TicketsPage : public QWidget {
    Q_OBJECT

public:
    explicit TicketsPage(ReservationListModel *model, QWidget *parent = nullptr);

    const Reservation *selected() const;
    void select(int row);

Q_SIGNALS:
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
    QPushButton *m_cancelHold;
    QPushButton *m_refund;
};

} // namespace encore
