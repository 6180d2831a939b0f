#pragma once
// PaymentConfirmDialog: the last look before paying — concert, date, seats, total, balance before
// and after — with Confirm and Back; offers a top-up when the balance is short. Collects a yes,
// calls nothing. GUI thread.

#include "models/reservation.h"

#include <QDialog>

class QLabel;
class QPushButton;

namespace encore {

class PaymentConfirmDialog : public QDialog {
    Q_OBJECT

public:
    explicit PaymentConfirmDialog(QWidget *parent = nullptr);

    void setReservation(const Reservation &reservation, const QString &concertTitle,
                        const QDateTime &startsAt);
    void setBalance(Money balance);
    bool canPay() const { return m_balance >= m_reservation.total; }

Q_SIGNALS:
    void topUpRequested(encore::Money shortBy);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();

    Reservation m_reservation;
    QString m_title;
    QDateTime m_startsAt;
    Money m_balance = 0;
    QLabel *m_heading;
    QList<QLabel *> m_captions;
    QList<QLabel *> m_values;
    QLabel *m_warning;
    QPushButton *m_topUp;
    QPushButton *m_confirm;
    QPushButton *m_back;
};

} // namespace encore
