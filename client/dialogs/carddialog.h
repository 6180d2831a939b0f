#pragma once
// CardDialog: takes a card for one top-up — number (grouped as typed, Luhn-checked), expiry,
// CVC and holder — and hands it back as a gateway card entry; the wallet sends it to the card
// gateway only. Shows the outcome (approved, or declined with the reason in words) and, for cards
// that ask for it, a second step (a one-time code). Keeps nothing of the card after it closes.
// GUI thread.

#include "apierror.h"
#include "money.h"
#include "payments/gatewaypayment.h"

#include <QDate>
#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;

namespace encore {

class CardDialog : public QDialog {
    Q_OBJECT

public:
    explicit CardDialog(Money amount, QWidget *parent = nullptr);
    ~CardDialog() override;

    // What is wrong with the card as typed, or empty (today: for the expiry check).
    static QString cardProblem(const QString &number, const QString &expiry, const QString &cvc,
                               QDate today);
    // "12/29" → {12, 2029}; {0, 0} when not MM/YY.
    static std::pair<int, int> parseExpiry(const QString &text);

    void setBusy(const QString &text);
    void showDeclined(const ApiError &error);
    void askForCode(const QString &challenge);
    void showApproved(const QString &text);

Q_SIGNALS:
    // The card as entered (orderId and amount are the wallet's to fill in).
    void submitted(const encore::gateway::CardAuthorization &card);
    void codeSubmitted(const QString &code);

protected:
    void changeEvent(QEvent *event) override;

private:
    void regroup();
    void validate();
    void submit();
    void setFormEnabled(bool enabled);
    void retranslate();

    Money m_amount;
    bool m_busy = false;
    bool m_askingCode = false;
    QLabel *m_title;
    QLabel *m_numberCaption;
    QLineEdit *m_number;
    QLabel *m_expiryCaption;
    QLineEdit *m_expiry;
    QLabel *m_cvcCaption;
    QLineEdit *m_cvc;
    QLabel *m_holderCaption;
    QLineEdit *m_holder;
    QLabel *m_codeCaption;
    QLineEdit *m_code;
    QLabel *m_status;
    QLabel *m_notice;
    QPushButton *m_pay;
    QPushButton *m_cancel;
};

} // namespace encore
