#include "apitypes.h"

#include "jsonreader.h"

using namespace Qt::StringLiterals;

namespace encore {

namespace {
constexpr qint64 kMaxAmount = std::numeric_limits<qint64>::max() / 2;
}

QJsonObject Session::toJson() const
{
    return {{u"user"_s, user.toJson()}, {u"token"_s, token}, {u"expiresAt"_s, isoTime(expiresAt)}};
}

Result<Session> Session::fromJson(const QJsonObject &json)
{
    auto user = decodeField<User>(json, u"user"_s);
    if (!user)
        return user.error();
    JsonReader r(json);
    Session s;
    s.user = std::move(user).value();
    s.token = r.string(u"token"_s, 1, 1024);
    s.expiresAt = r.optionalDateTime(u"expiresAt"_s).value_or(QDateTime());
    if (!r.ok())
        return r.error();
    return s;
}

QJsonObject WalletInfo::toJson() const
{
    QJsonObject o = wallet.toJson();
    o.insert(u"limits"_s,
             QJsonObject {{u"minTopUp"_s, limits.minTopUp},
                          {u"maxTopUp"_s, limits.maxTopUp},
                          {u"maxBalance"_s, limits.maxBalance}});
    return o;
}

Result<WalletInfo> WalletInfo::fromJson(const QJsonObject &json)
{
    auto wallet = Wallet::fromJson(json);
    if (!wallet)
        return wallet.error();
    WalletInfo info;
    info.wallet = std::move(wallet).value();
    // Older servers send no limits: the shared constants are the same numbers.
    const QJsonObject limits = json.value(u"limits"_s).toObject();
    if (!limits.isEmpty()) {
        JsonReader r(limits);
        info.limits.minTopUp
            = r.optionalInteger(u"minTopUp"_s, 1, kMaxAmount).value_or(money::kMinTopUp);
        info.limits.maxTopUp
            = r.optionalInteger(u"maxTopUp"_s, 1, kMaxAmount).value_or(money::kMaxTopUp);
        info.limits.maxBalance
            = r.optionalInteger(u"maxBalance"_s, 1, kMaxAmount).value_or(money::kMaxBalance);
        if (!r.ok())
            return r.error();
    }
    return info;
}

QJsonObject TopUpResult::toJson() const
{
    return {{u"balance"_s, balance}, {u"entry"_s, entry.toJson()}, {u"order"_s, order.toJson()}};
}

Result<TopUpResult> TopUpResult::fromJson(const QJsonObject &json)
{
    auto entry = decodeField<LedgerEntry>(json, u"entry"_s);
    if (!entry)
        return entry.error();
    JsonReader r(json);
    TopUpResult t;
    t.balance = r.integer(u"balance"_s, 0, kMaxAmount);
    t.entry = std::move(entry).value();
    if (!r.ok())
        return r.error();
    auto order = TopUpOrder::fromJson(json.value(u"order"_s).toObject());
    if (!order)
        return order.error();
    t.order = std::move(order).value();
    return t;
}

QJsonObject PaymentReceipt::toJson() const
{
    return {{u"payment"_s, payment.toJson()},
            {u"reservation"_s, reservation.toJson()},
            {u"balance"_s, balance}};
}

Result<PaymentReceipt> PaymentReceipt::fromJson(const QJsonObject &json)
{
    auto payment = decodeField<Payment>(json, u"payment"_s);
    if (!payment)
        return payment.error();
    auto reservation = decodeField<Reservation>(json, u"reservation"_s);
    if (!reservation)
        return reservation.error();
    JsonReader r(json);
    PaymentReceipt p;
    p.payment = std::move(payment).value();
    p.reservation = std::move(reservation).value();
    p.balance = r.integer(u"balance"_s, 0, kMaxAmount);
    if (!r.ok())
        return r.error();
    return p;
}

} // namespace encore
