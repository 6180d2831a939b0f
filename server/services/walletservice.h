#pragma once
// WalletService: balances, top-ups (capped) and the ledger whose sum always equals the balance.
// credit/debit run inside the caller's transaction. Any worker thread.

#include "models/wallet.h"

#include <QUuid>

namespace encore::server {

class Database;

class WalletService {
public:
    explicit WalletService(Database &db);

    Wallet get(const QUuid &userId);
    // Adds `amount` (1..kMaxTopUp) unless the balance would pass kMaxBalance.
    std::pair<Wallet, LedgerEntry> topUp(const QUuid &userId, Money amount);
    // The newest `limit` entries, or those older than entry `before` (newest first).
    QList<LedgerEntry> ledger(const QUuid &userId, int limit,
                              std::optional<qint64> before = std::nullopt);

    // In the caller's transaction: move money and write the ledger entry. debit throws
    // INSUFFICIENT_BALANCE when the balance is short.
    Money debit(const QUuid &userId, Money amount, const QString &reference);
    Money credit(const QUuid &userId, Money amount, LedgerKind kind, const QString &reference);
    Money lockBalance(const QUuid &userId); // SELECT ... FOR UPDATE

private:
    LedgerEntry record(const QUuid &userId, Money amount, Money balanceAfter, LedgerKind kind,
                       const QString &reference);

    Database &m_db;
};

} // namespace encore::server
