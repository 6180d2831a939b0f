#pragma once
// Wallet and LedgerEntry: a customer's KRW balance and the entries that add up to it.

#include "api/wordtable.h"
#include "money.h"
#include "result.h"

#include <QDateTime>
#include <QJsonObject>

namespace encore {

struct Wallet {
    Money balance = 0;
    QDateTime updatedAt;

    QJsonObject toJson() const;
    static Result<Wallet> fromJson(const QJsonObject &json);
    friend bool operator==(const Wallet &, const Wallet &) = default;
};

// TOPUP: paid by card (one per top-up order); ADJUSTMENT: a staff correction with a reason;
// CARD_REFUND: a top-up given back to the card by staff.
enum class LedgerKind { TopUp, Payment, Refund, Adjustment, CardRefund };
template<> struct EnumWords<LedgerKind> {
    static constexpr std::array<EnumWord<LedgerKind>, 5> words {
        {{LedgerKind::TopUp, u"TOPUP"},
         {LedgerKind::Payment, u"PAYMENT"},
         {LedgerKind::Refund, u"REFUND"},
         {LedgerKind::Adjustment, u"ADJUSTMENT"},
         {LedgerKind::CardRefund, u"CARD_REFUND"}}};
};

struct LedgerEntry {
    qint64 id = 0;
    Money amount = 0; // signed: top-ups and refunds positive, payments negative
    Money balanceAfter = 0;
    LedgerKind kind = LedgerKind::TopUp;
    QString reference;
    QDateTime createdAt;

    QJsonObject toJson() const;
    static Result<LedgerEntry> fromJson(const QJsonObject &json);
    friend bool operator==(const LedgerEntry &, const LedgerEntry &) = default;
};

} // namespace encore
