#pragma once
// ReceiptDialog: proof of a finished purchase — concert, date, seats, amount, when, reference and
// the new balance — with a way on to My tickets. Shows, calls nothing. GUI thread.

#include "api/apitypes.h"

#include <QDialog>

class QLabel;
class QPushButton;

namespace encore {

class ReceiptDialog : public QDialog {
    Q_OBJECT

public:
    explicit ReceiptDialog(QWidget *parent = nullptr);

    // `balance` < 0: not known (a receipt opened later from My tickets).
    void setReceipt(const Reservation &reservation, const QDateTime &paidAt, Money balance,
                    const QString &reference);
    // Whether the user chose "View my tickets".
    bool wantsTickets() const { return m_wantsTickets; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();

    Reservation m_reservation;
    QDateTime m_paidAt;
    Money m_balance = -1;
    QString m_reference;
    bool m_wantsTickets = false;
    QLabel *m_heading;
    QLabel *m_body;
    QPushButton *m_tickets;
    QPushButton *m_close;
};

} // namespace encore
