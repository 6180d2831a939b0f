#include "walletservice.h"

#include "storage/database.h"
#include "storage/sqlvalues.h"

#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace encore::server {

WalletService::WalletService(Database &db)
    : m_db(db)
{
}

Wallet WalletService::get(const QUuid &userId)
{
    QSqlQuery &q = m_db.exec(u"SELECT balance, updated_at FROM wallets WHERE user_id = ?::uuid"_s,
                             {sql::uuid(userId)});
    if (!q.next())
        throw ApiError(ErrorCode::NotFound, Msg::NoWallet);
    return {q.value(0).toLongLong(), q.value(1).toDateTime()};
}

LedgerEntry WalletService::record(const QUuid &userId, Money amount, Money balanceAfter,
                                  LedgerKind kind, const QString &reference, const QUuid &orderId)
{
    QSqlQuery &q = m_db.exec(
        u"INSERT INTO wallet_ledger(user_id, amount, balance_after, kind, reference, "
        "top_up_order_id) VALUES (?::uuid, ?, ?, ?, ?, ?::uuid) RETURNING id, created_at"_s,
        {sql::uuid(userId), amount, balanceAfter, wordOf(kind), reference,
         orderId.isNull() ? QVariant(QMetaType::fromType<QString>()) : sql::uuid(orderId)});
    q.next();
    return {q.value(0).toLongLong(), amount, balanceAfter, kind, reference,
            q.value(1).toDateTime()};
}

QList<LedgerEntry> WalletService::ledger(const QUuid &userId, int limit,
                                         std::optional<qint64> before)
{
    QSqlQuery &q = m_db.exec(
        u"SELECT id, amount, balance_after, kind, reference, created_at FROM wallet_ledger "
        "WHERE user_id = ?::uuid AND id < ? ORDER BY id DESC LIMIT ?"_s,
        {sql::uuid(userId), before.value_or(std::numeric_limits<qint64>::max()), limit});
    QList<LedgerEntry> out;
    while (q.next())
        out.append({q.value(0).toLongLong(), q.value(1).toLongLong(), q.value(2).toLongLong(),
                    enumFromWord<LedgerKind>(q.value(3).toString()).value_or(LedgerKind::TopUp),
                    q.value(4).toString(), q.value(5).toDateTime()});
    return out;
}

Money WalletService::lockBalance(const QUuid &userId)
{
    QSqlQuery &q = m_db.exec(u"SELECT balance FROM wallets WHERE user_id = ?::uuid FOR UPDATE"_s,
                             {sql::uuid(userId)});
    if (!q.next())
        throw ApiError(ErrorCode::NotFound, Msg::NoWallet);
    return q.value(0).toLongLong();
}

Money WalletService::debit(const QUuid &userId, Money amount, const QString &reference)
{
    QSqlQuery &q = m_db.exec(u"UPDATE wallets SET balance = balance - ?, updated_at = now() "
                             "WHERE user_id = ?::uuid AND balance >= ? RETURNING balance"_s,
                             {amount, sql::uuid(userId), amount});
    if (!q.next()) {
        const Money balance = get(userId).balance;
        throw ApiError(
            ErrorCode::InsufficientBalance, Msg::BalanceTooLow,
            {money::format(amount), money::format(balance), money::format(amount - balance)},
            {{api::details::kBalance, balance},
             {api::details::kRequired, amount},
             {u"shortfall"_s, amount - balance}});
    }
    const Money after = q.value(0).toLongLong();
    if (amount != 0)
        record(userId, -amount, after, LedgerKind::Payment, reference);
    return after;
}

std::pair<Wallet, LedgerEntry> WalletService::postForOrder(const QUuid &userId, Money signedAmount,
                                                           LedgerKind kind, const QUuid &orderId)
{
    QSqlQuery &q = m_db.exec(u"UPDATE wallets SET balance = balance + ?, updated_at = now() "
                             "WHERE user_id = ?::uuid AND balance + ? >= 0 "
                             "RETURNING balance, updated_at"_s,
                             {signedAmount, sql::uuid(userId), signedAmount});
    if (!q.next()) {
        const Money balance = get(userId).balance;
        throw ApiError(
            ErrorCode::InsufficientBalance, Msg::TopUpMoneyGone,
            messageArgs(money::format(balance), money::format(-signedAmount)),
            {{api::details::kBalance, balance}, {api::details::kRequired, -signedAmount}});
    }
    const Wallet wallet {q.value(0).toLongLong(), q.value(1).toDateTime()};
    const QString reference = orderId.toString(QUuid::WithoutBraces);
    return {wallet, record(userId, signedAmount, wallet.balance, kind, reference, orderId)};
}

Money WalletService::credit(const QUuid &userId, Money amount, LedgerKind kind,
                            const QString &reference)
{
    QSqlQuery &q = m_db.exec(u"UPDATE wallets SET balance = balance + ?, updated_at = now() "
                             "WHERE user_id = ?::uuid RETURNING balance"_s,
                             {amount, sql::uuid(userId)});
    q.next();
    const Money after = q.value(0).toLongLong();
    if (amount != 0)
        record(userId, amount, after, kind, reference);
    return after;
}

} // namespace encore::server
