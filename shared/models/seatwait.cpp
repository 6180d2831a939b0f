#include "seatwait.h"

#include "apipaths.h"
#include "jsonreader.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace encore {

namespace {

constexpr qint64 kMaxId = std::numeric_limits<qint64>::max();
constexpr int kMaxTierLength = 16;

QJsonArray numberArray(const QList<int> &numbers)
{
    QJsonArray a;
    for (int n : numbers)
        a.append(n);
    return a;
}

QList<int> toInts(const QList<qint64> &numbers)
{
    return QList<int>(numbers.begin(), numbers.end());
}

} // namespace

QJsonObject SeatOffer::toJson() const
{
    return {{u"reservationId"_s, reservationId.toString(QUuid::WithoutBraces)},
            {u"seat"_s, seat},
            {u"price"_s, price},
            {u"offeredUntil"_s, isoTimeOrNull(offeredUntil)}};
}

Result<SeatOffer> SeatOffer::fromJson(const QJsonObject &json)
{
    JsonReader r(json);
    SeatOffer o;
    o.reservationId = r.uuid(u"reservationId"_s);
    o.seat = int(r.integer(u"seat"_s, 1, api::kSeatsPerSchedule));
    o.price = r.integer(u"price"_s, 0, kMaxId / 2);
    o.offeredUntil = r.dateTime(u"offeredUntil"_s);
    if (!r.ok())
        return r.error();
    return o;
}

QJsonObject SeatWait::toJson() const
{
    QJsonObject o {{u"id"_s, id},
                   {u"scheduleId"_s, scheduleId},
                   {u"concertId"_s, concertId},
                   {u"seats"_s, numberArray(seats)},
                   {u"tier"_s, tier.isEmpty() ? QJsonValue() : QJsonValue(tier)},
                   {u"status"_s, wordOf(status)},
                   {u"createdAt"_s, isoTimeOrNull(createdAt)},
                   {u"offer"_s, offer ? QJsonValue(offer->toJson()) : QJsonValue()},
                   {u"concertTitle"_s, concertTitle},
                   {u"startsAt"_s, isoTimeOrNull(startsAt)}};
    if (!userId.isNull()) {
        o.insert(u"userId"_s, userId.toString(QUuid::WithoutBraces));
        o.insert(u"username"_s, username);
    }
    return o;
}

Result<SeatWait> SeatWait::fromJson(const QJsonObject &json)
{
    JsonReader r(json);
    SeatWait w;
    w.id = r.integer(u"id"_s, 1, kMaxId);
    w.scheduleId = r.integer(u"scheduleId"_s, 1, kMaxId);
    w.concertId = r.optionalInteger(u"concertId"_s, 0, kMaxId).value_or(0);
    w.seats
        = toInts(r.integerList(u"seats"_s, 0, api::kMaxSeatsPerHold, 1, api::kSeatsPerSchedule));
    w.tier = r.optionalString(u"tier"_s, kMaxTierLength).value_or(QString());
    const QString statusWord = r.string(u"status"_s);
    w.createdAt = r.optionalDateTime(u"createdAt"_s).value_or(QDateTime());
    const QJsonValue offer = json.value(u"offer"_s);
    w.concertTitle = r.optionalString(u"concertTitle"_s).value_or(QString());
    w.startsAt = r.optionalDateTime(u"startsAt"_s).value_or(QDateTime());
    if (json.contains(u"userId"_s)) {
        w.userId = r.uuid(u"userId"_s);
        w.username = r.optionalString(u"username"_s, 64).value_or(QString());
    }
    if (!r.ok())
        return r.error();
    const auto status = enumFromWord<SeatWaitStatus>(statusWord);
    if (!status)
        return ApiError(ErrorCode::BadRequest, Msg::FieldUnknownWord, {u"status"_s, statusWord});
    w.status = *status;
    if (offer.isObject()) {
        auto o = SeatOffer::fromJson(offer.toObject());
        if (!o)
            return o.error();
        w.offer = o.value();
    }
    return w;
}

QJsonObject SeatWaitRequest::toJson() const
{
    if (!tier.isEmpty())
        return {{u"scheduleId"_s, scheduleId}, {u"tier"_s, tier}};
    return {{u"scheduleId"_s, scheduleId}, {u"seats"_s, numberArray(seats)}};
}

Result<SeatWaitRequest> SeatWaitRequest::fromJson(const QJsonObject &json)
{
    JsonReader r(json);
    SeatWaitRequest w;
    w.scheduleId = r.integer(u"scheduleId"_s, 1, kMaxId);
    const bool hasTier = !json.value(u"tier"_s).isUndefined() && !json.value(u"tier"_s).isNull();
    const bool hasSeats = !json.value(u"seats"_s).isUndefined() && !json.value(u"seats"_s).isNull();
    if (hasTier && hasSeats)
        r.fail(ErrorCode::ValidationFailed, u"tier"_s, Msg::SeatWaitSeatsOrTier);
    else if (hasTier)
        w.tier = r.string(u"tier"_s, 1, kMaxTierLength);
    else
        w.seats = toInts(
            r.integerList(u"seats"_s, 1, api::kMaxSeatsPerHold, 1, api::kSeatsPerSchedule));
    if (!r.ok())
        return r.error();
    return w;
}

QJsonObject SeatWaitsCleared::toJson() const
{
    return {{u"scheduleId"_s, scheduleId}, {u"cleared"_s, cleared}};
}

Result<SeatWaitsCleared> SeatWaitsCleared::fromJson(const QJsonObject &json)
{
    JsonReader r(json);
    SeatWaitsCleared c;
    c.scheduleId = r.integer(u"scheduleId"_s, 1, kMaxId);
    c.cleared = int(r.integer(u"cleared"_s, 0, std::numeric_limits<int>::max()));
    if (!r.ok())
        return r.error();
    return c;
}

} // namespace encore
