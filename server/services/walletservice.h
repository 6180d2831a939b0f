#pragma once
// WalletService: balances and the ledger whose sum always equals the balance. Money comes in by
// card top-ups (TopUpService) and leaves by payments; credit/debit/postForOrder run inside the
// caller's transaction. Any worker thread.

#include "models/wallet.h"

#include <QUuid>

namespace encore::server {

class Database;

class WalletService {
public:
    explicit WalletService(Database &db);

    Wallet get(const QUuid &userId);
    // The newest `limit` entries, or those older than entry `before` (newest first).
    QList<LedgerEntry> ledger(const QUuid &userId, int limit,
                              std::optional<qint64> before = std::nullopt);

    // In the caller's transaction: move money and write the ledger entry. debit throws
    // INSUFFICIENT_BALANCE when the balance is short.
    Money debit(const QUuid &userId, Money amount, const QString &reference);
    Money credit(const QUuid &userId, Money amount, LedgerKind kind, const QString &reference);
    Money lockBalance(const QUuid &userId); // SELECT ... FOR UPDATE
    // In the caller's transaction: the wallet side of a card top-up order — +amount as TOPUP or
    // -amount as CARD_REFUND (INSUFFICIENT_BALANCE when the wallet no longer holds it). The
    // ledger allows one entry of each kind per order, so a repeat fails instead of paying twice.
    std::pair<Wallet, LedgerEntry> postForOrder(const QUuid &userId, Money signedAmount,
                                                LedgerKind kind, const QUuid &orderId);

private:
    LedgerEntry record(const QUuid &userId, Money amount, Money balanceAfter, LedgerKind kind,
                       const QString &reference, const QUuid &orderId = {});

    Database &m_db;
};

} // namespace encore::server
