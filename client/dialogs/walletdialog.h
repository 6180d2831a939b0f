#pragma once
// WalletDialog: the balance, quick and custom top-ups checked against the server's limits, and
// the ledger. Does its own calls; a top-up keeps one Idempotency-Key until the server answers.
// GUI thread.

#include "api/apitypes.h"

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;

namespace encore {

class ApiClient;
class LedgerModel;

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
    void validateAmount();
    void retranslate();

    ApiClient *m_api;
    WalletInfo m_info;
    LedgerModel *m_ledger;
    QString m_pendingKey; // the key of the top-up in flight or interrupted
    Money m_pendingAmount = 0;
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
    QLabel *m_ledgerCaption;
    QTableView *m_ledgerView;
    QPushButton *m_close;
};

} // namespace encore
