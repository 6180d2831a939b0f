#include "wallet.h"

#include "jsonreader.h"

using namespace Qt::StringLiterals;

namespace encore {

namespace {
constexpr qint64 kMaxAmount = std::numeric_limits<qint64>::max() / 2;
} // namespace

QJsonObject Wallet::toJson() const
{
    return {{u"balance"_s, balance},
            {u"currency"_s, QString::fromUtf16(money::kCurrency)},
            {u"updatedAt"_s, isoTimeOrNull(updatedAt)}};
}

Result<Wallet> Wallet::fromJson(const QJsonObject &json)
{
    JsonReader r(json);
    Wallet w;
    w.balance = r.integer(u"balance"_s, 0, kMaxAmount);
    w.updatedAt = r.optionalDateTime(u"updatedAt"_s).value_or(QDateTime());
    if (!r.ok())
        return r.error();
    return w;
}

QJsonObject LedgerEntry::toJson() const
{
    return {{u"id"_s, id},
            {u"amount"_s, amount},
            {u"balanceAfter"_s, balanceAfter},
            {u"kind"_s, wordOf(kind)},
            {u"reference"_s, reference},
            {u"createdAt"_s, isoTime(createdAt)}};
}

Result<LedgerEntry> LedgerEntry::fromJson(const QJsonObject &json)
{
    JsonReader r(json);
    LedgerEntry e;
    e.id = r.integer(u"id"_s, 1, std::numeric_limits<qint64>::max());
    e.amount = r.integer(u"amount"_s, -kMaxAmount, kMaxAmount);
    e.balanceAfter = r.integer(u"balanceAfter"_s, 0, kMaxAmount);
    const auto kind = enumFromWord<LedgerKind>(r.string(u"kind"_s));
    e.reference = r.optionalString(u"reference"_s).value_or(QString());
    e.createdAt = r.dateTime(u"createdAt"_s);
    if (!r.ok())
        return r.error();
    if (!kind)
        return ApiError::unknownWord(u"kind"_s, json.value(u"kind"_s));
    e.kind = *kind;
    return e;
}

} // namespace encore
