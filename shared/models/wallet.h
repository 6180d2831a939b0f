#pragma once
// Wallet and LedgerEntry: a customer's KRW balance and the entries that add up to it.

#include "money.h"
#include "result.h"

#include <QDateTime>
#include <QJsonObject>

namespace encore {

struct Wallet
{
    Money balance = 0;
    QDateTime updatedAt;

    QJsonObject toJson() const;
    static Result<Wallet> fromJson(const QJsonObject &json);
};

// TOPUP: paid by card (one per top-up order); ADJUSTMENT: a staff correction; CARD_REFUND: a
// top-up given back to the card by staff.
enum class LedgerKind { TopUp, Payment, Refund, Adjustment, CardRefund };
QString ledgerKindName(LedgerKind kind); // "TOPUP" | "PAYMENT" | "REFUND" | "ADJUSTMENT" | ...
std::optional<LedgerKind> ledgerKindFromName(const QString &name);

struct LedgerEntry
{
    qint64 id = 0;
    Money amount = 0;        // signed: top-ups and refunds positive, payments negative
    Money balanceAfter = 0;
    LedgerKind kind = LedgerKind::TopUp;
    QString reference;
    QDateTime createdAt;

    QJsonObject toJson() const;
    static Result<LedgerEntry> fromJson(const QJsonObject &json);
};

} // namespace encore
