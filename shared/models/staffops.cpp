#include "staffops.h"

#include "jsonreader.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace encore {

namespace {

constexpr qint64 kMaxId = std::numeric_limits<qint64>::max();
constexpr qint64 kMaxAmount = std::numeric_limits<qint64>::max() / 2;
constexpr std::array kNoticeKinds {u"REFUNDED", u"DATE_CANCELLED", u"WALLET_ADJUSTED",
                                   u"QUEUE_REMOVED", u"HOLD_RELEASED"};

QString readReason(JsonReader &r)
{
    return r.string(u"reason"_s, staffops::kMinReason, staffops::kMaxReason).trimmed();
}

// A reason of blanks passes the length check but says nothing.
template<typename T> Result<T> withReason(JsonReader &r, T value)
{
    if (!r.ok())
        return r.error();
    if (value.reason.size() < staffops::kMinReason)
        return ApiError(ErrorCode::ValidationFailed, Msg::FieldTooShort,
                        messageArgs(u"reason"_s, staffops::kMinReason),
                        {{u"field"_s, u"reason"_s}});
    return value;
}

template<typename T> QJsonArray toArray(const QList<T> &items)
{
    QJsonArray out;
    for (const T &item : items)
        out.append(item.toJson());
    return out;
}

// Decodes every element of `array` with T::fromJson; the first bad one is the error.
template<typename T> std::optional<ApiError> readList(const QJsonArray &array, QList<T> &out)
{
    for (const QJsonValue &v : array) {
        auto item = T::fromJson(v.toObject());
        if (!item)
            return item.error();
        out.append(item.value());
    }
    return std::nullopt;
}

} // namespace

QJsonObject ReasonRequest::toJson() const
{
    return {{u"reason"_s, reason}};
}

Result<ReasonRequest> ReasonRequest::fromJson(const QJsonObject &json)
{
    JsonReader r(json);
    ReasonRequest out;
    out.reason = readReason(r);
    return withReason(r, out);
}

QJsonObject StaffRefundRequest::toJson() const
{
    QJsonObject o {{u"reason"_s, reason}};
    if (!seats.isEmpty()) {
        QJsonArray a;
        for (int n : seats)
            a.append(n);
        o.insert(u"seats"_s, a);
    }
    return o;
}

Result<StaffRefundRequest> StaffRefundRequest::fromJson(const QJsonObject &json)
{
    JsonReader r(json);
    StaffRefundRequest out;
    out.reason = readReason(r);
    if (json.contains(u"seats"_s) && !json.value(u"seats"_s).isNull()) {
        for (qint64 n : r.integerList(u"seats"_s, 1, 50, 1, 50))
            out.seats.append(int(n));
    }
    return withReason(r, out);
}

QJsonObject WalletAdjustmentRequest::toJson() const
{
    return {{u"amount"_s, amount}, {u"reason"_s, reason}};
}

Result<WalletAdjustmentRequest> WalletAdjustmentRequest::fromJson(const QJsonObject &json)
{
    JsonReader r(json);
    WalletAdjustmentRequest out;
    out.amount = r.integer(u"amount"_s, -staffops::kMaxAdjustment, staffops::kMaxAdjustment);
    out.reason = readReason(r);
    if (r.ok() && out.amount == 0)
        return ApiError(ErrorCode::ValidationFailed, Msg::FieldNotZero, messageArgs(u"amount"_s),
                        {{u"field"_s, u"amount"_s}});
    return withReason(r, out);
}

QJsonObject QueueBlockRequest::toJson() const
{
    return {{u"userId"_s, userId.toString(QUuid::WithoutBraces)}, {u"reason"_s, reason}};
}

Result<QueueBlockRequest> QueueBlockRequest::fromJson(const QJsonObject &json)
{
    JsonReader r(json);
    QueueBlockRequest out;
    out.userId = r.uuid(u"userId"_s);
    out.reason = readReason(r);
    return withReason(r, out);
}

QJsonObject ScheduleCancellation::toJson() const
{
    return {{u"schedule"_s, schedule.toJson()},
            {u"releasedHolds"_s, releasedHolds},
            {u"refundedReservations"_s, refundedReservations},
            {u"refundedTotal"_s, refundedTotal}};
}

Result<ScheduleCancellation> ScheduleCancellation::fromJson(const QJsonObject &json)
{
    JsonReader r(json);
    ScheduleCancellation out;
    const QJsonObject schedule = r.object(u"schedule"_s);
    out.releasedHolds = int(r.integer(u"releasedHolds"_s, 0, 1'000'000));
    out.refundedReservations = int(r.integer(u"refundedReservations"_s, 0, 1'000'000));
    out.refundedTotal = r.integer(u"refundedTotal"_s, 0, kMaxAmount);
    if (!r.ok())
        return r.error();
    auto s = Schedule::fromJson(schedule);
    if (!s)
        return s.error();
    out.schedule = s.value();
    return out;
}

QJsonObject WalletAdjustment::toJson() const
{
    return {{u"balance"_s, balance}, {u"entry"_s, entry.toJson()}};
}

Result<WalletAdjustment> WalletAdjustment::fromJson(const QJsonObject &json)
{
    JsonReader r(json);
    WalletAdjustment out;
    out.balance = r.integer(u"balance"_s, 0, kMaxAmount);
    const QJsonObject entry = r.object(u"entry"_s);
    if (!r.ok())
        return r.error();
    auto e = LedgerEntry::fromJson(entry);
    if (!e)
        return e.error();
    out.entry = e.value();
    return out;
}

QJsonObject QueueBlock::toJson() const
{
    return {{u"concertId"_s, concertId},
            {u"concertTitle"_s, concertTitle},
            {u"userId"_s, userId.toString(QUuid::WithoutBraces)},
            {u"reason"_s, reason},
            {u"createdAt"_s, isoTime(createdAt)}};
}

Result<QueueBlock> QueueBlock::fromJson(const QJsonObject &json)
{
    JsonReader r(json);
    QueueBlock out;
    out.concertId = r.integer(u"concertId"_s, 1, kMaxId);
    out.concertTitle = r.optionalString(u"concertTitle"_s, 200).value_or(QString());
    out.userId = r.uuid(u"userId"_s);
    out.reason = r.string(u"reason"_s, 0, staffops::kMaxReason);
    out.createdAt = r.dateTime(u"createdAt"_s);
    if (!r.ok())
        return r.error();
    return out;
}

QJsonObject CustomerSummary::toJson() const
{
    return {{u"id"_s, id.toString(QUuid::WithoutBraces)},
            {u"username"_s, username},
            {u"role"_s, wordOf(role)},
            {u"balance"_s, balance}};
}

Result<CustomerSummary> CustomerSummary::fromJson(const QJsonObject &json)
{
    JsonReader r(json);
    CustomerSummary out;
    out.id = r.uuid(u"id"_s);
    out.username = r.string(u"username"_s, 1, 64);
    const auto role = enumFromWord<Role>(r.string(u"role"_s));
    out.balance = r.integer(u"balance"_s, 0, kMaxAmount);
    if (!r.ok())
        return r.error();
    if (!role)
        return ApiError::unknownWord(u"role"_s, json.value(u"role"_s));
    out.role = *role;
    return out;
}

QJsonObject CustomerList::toJson() const
{
    return {{u"users"_s, toArray(users)}};
}

Result<CustomerList> CustomerList::fromJson(const QJsonObject &json)
{
    JsonReader r(json);
    const QJsonArray users = r.array(u"users"_s);
    if (!r.ok())
        return r.error();
    CustomerList out;
    if (auto error = readList(users, out.users))
        return *error;
    return out;
}

QJsonObject CustomerDetail::toJson() const
{
    return {{u"user"_s, user.toJson()},
            {u"wallet"_s, wallet.toJson()},
            {u"reservations"_s, toArray(reservations)},
            {u"payments"_s, toArray(payments)},
            {u"ledger"_s, toArray(ledger)},
            {u"queueTickets"_s, toArray(queueTickets)},
            {u"queueBlocks"_s, toArray(queueBlocks)}};
}

Result<CustomerDetail> CustomerDetail::fromJson(const QJsonObject &json)
{
    JsonReader r(json);
    const QJsonObject user = r.object(u"user"_s);
    const QJsonObject wallet = r.object(u"wallet"_s);
    const QJsonArray reservations = r.array(u"reservations"_s);
    const QJsonArray payments = r.array(u"payments"_s);
    const QJsonArray ledger = r.array(u"ledger"_s);
    const QJsonArray tickets = r.array(u"queueTickets"_s);
    if (!r.ok())
        return r.error();
    CustomerDetail out;
    auto u = User::fromJson(user);
    if (!u)
        return u.error();
    out.user = u.value();
    auto w = Wallet::fromJson(wallet);
    if (!w)
        return w.error();
    out.wallet = w.value();
    for (auto error : {readList(reservations, out.reservations), readList(payments, out.payments),
                       readList(ledger, out.ledger), readList(tickets, out.queueTickets),
                       readList(json.value(u"queueBlocks"_s).toArray(), out.queueBlocks)}) {
        if (error)
            return *error;
    }
    return out;
}

QString accountNoticeKindName(AccountNoticeKind kind)
{
    return QString::fromUtf16(kNoticeKinds[std::size_t(kind)]);
}

std::optional<AccountNoticeKind> accountNoticeKindFromName(const QString &name)
{
    for (std::size_t i = 0; i < kNoticeKinds.size(); ++i) {
        if (name == QStringView(kNoticeKinds[i]))
            return AccountNoticeKind(i);
    }
    return std::nullopt;
}

QJsonObject AccountNotice::toJson() const
{
    QJsonObject o {{u"type"_s, u"account"_s},
                   {u"userId"_s, userId.toString(QUuid::WithoutBraces)},
                   {u"kind"_s, accountNoticeKindName(kind)},
                   {u"amount"_s, amount},
                   {u"reason"_s, reason}};
    if (reservation)
        o.insert(u"reservation"_s, reservation->toJson());
    if (concertId != 0)
        o.insert(u"concertId"_s, concertId);
    return o;
}

Result<AccountNotice> AccountNotice::fromJson(const QJsonObject &json)
{
    JsonReader r(json);
    AccountNotice out;
    out.userId = r.uuid(u"userId"_s);
    const auto kind = accountNoticeKindFromName(r.string(u"kind"_s));
    out.amount = r.optionalInteger(u"amount"_s, -kMaxAmount, kMaxAmount).value_or(0);
    out.concertId = r.optionalInteger(u"concertId"_s, 0, kMaxId).value_or(0);
    out.reason = r.optionalString(u"reason"_s, staffops::kMaxReason).value_or(QString());
    if (!r.ok())
        return r.error();
    if (!kind)
        return ApiError::unknownWord(u"kind"_s, json.value(u"kind"_s));
    out.kind = *kind;
    if (json.value(u"reservation"_s).isObject()) {
        auto res = Reservation::fromJson(json.value(u"reservation"_s).toObject());
        if (!res)
            return res.error();
        out.reservation = res.value();
    }
    return out;
}

} // namespace encore
