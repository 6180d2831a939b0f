#pragma once
// WalletDialog: the balance, quick and custom top-ups checked against the server's limits, and
// the ledger. A top-up is paid by card: an order at Encore, the card to the gateway (CardDialog,
// PaymentGatewayClient), the confirmation at Encore with one Idempotency-Key kept (PendingTopUp)
// until it is answered — resumed after a crash or an outage, charged once. GUI thread.

#include "api/apitypes.h"
#include "net/pendingtopup.h"
#include "payments/gatewaypayment.h"

#include <QPointer>

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;

namespace encore {

class ApiClient;
class CardDialog;
class LedgerModel;
class PaymentGatewayClient;

class WalletDialog : public QDialog {
    Q_OBJECT

public:
    static constexpr Money kQuickAmounts[] = {10'000, 50'000, 100'000, 500'000};

    explicit WalletDialog(ApiClient *api, QWidget *parent = nullptr);

    // Loads balance, limits and ledger.
    void refresh();
    void setWallet(const WalletInfo &info);
    void setLedger(const QList<LedgerEntry> &entries);
    // Why the wallet was opened ("this hold needs 40,000 KRW more") and a suggested amount.
    void setReason(const QString &text, Money suggestedAmount = 0);
    Money balance() const { return m_info.wallet.balance; }
    // While the server is away Top up is disabled (the window's banner says why).
    void setServerReachable(bool reachable);

    // The problem with topping up `text` (as typed) on `balance`, or empty if it is fine.
    static QString amountProblem(const QString &text, Money balance, const WalletLimits &limits);
    // "12,000" → 12000; -1 if it is not a whole positive number of won.
    static qint64 parseAmount(const QString &text);

Q_SIGNALS:
    void balanceChanged(encore::Money balance);

protected:
    void changeEvent(QEvent *event) override;

private:
    void topUp();
    void payWithCard(Money amount, gateway::CardAuthorization card);
    void authenticate(const QString &code);
    void confirm(const PendingTopUp &pending);
    void finishTopUp(const Result<TopUpResult> &result);
    void validateAmount();
    void retranslate();

    // A card that asked for its second step, waiting for the one-time code.
    struct Authentication {
        PaymentGatewayInfo gateway;
        QUuid orderId;
        QString paymentKey;
        Money amount = 0;
    };

    ApiClient *m_api;
    PaymentGatewayClient *m_gateway;
    WalletInfo m_info;
    LedgerModel *m_ledger;
    std::optional<PendingTopUp> m_pending; // authorised by the card, confirmation unanswered
    std::optional<Authentication> m_authentication;
    bool m_confirming = false;
    bool m_reachable = true;
    QPointer<CardDialog> m_cardDialog;
    QString m_reasonText;
    QLabel *m_balanceCaption;
    QLabel *m_balance;
    QLabel *m_reason;
    QLabel *m_quickCaption;
    QList<QPushButton *> m_quick;
    QLabel *m_amountCaption;
    QLineEdit *m_amount;
    QLabel *m_amountNote;
    QPushButton *m_topUp;
    QLabel *m_refundNote;
    QLabel *m_ledgerCaption;
    QTableView *m_ledgerView;
    QPushButton *m_close;
};

} // namespace encore
