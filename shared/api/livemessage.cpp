#include "livemessage.h"

#include "jsonreader.h"
#include "models/user.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace encore {

namespace {
const QString kToken = u"token"_s;
const QString kScheduleId = u"scheduleId"_s;
const QString kQueueToken = u"queueToken"_s;
const QString kRole = u"role"_s;
const QString kAvailability = u"availability"_s;
const QString kFull = u"full"_s;
const QString kStatus = u"status"_s;
const QString kConcertId = u"concertId"_s;
const QString kError = u"error"_s;
const QString kSubscription = u"subscription"_s;
// The status word of a queue frame that ends the ticket (a ticket's own are QueueStatus words).
const QString kEnded = u"ENDED"_s;
constexpr int kMaxTokenLength = 128;
constexpr qint64 kMaxId = std::numeric_limits<qint64>::max();
} // namespace

QJsonObject LiveAuth::toJson() const
{
    return liveMessage(LiveMessageType::Auth, {{kToken, token}});
}

Result<LiveAuth> LiveAuth::fromJson(const QJsonObject &json)
{
    JsonReader r(json);
    LiveAuth a {r.string(kToken, 1, kMaxTokenLength)};
    if (!r.ok())
        return r.error();
    return a;
}

LiveSubscription LiveSubscription::seats(qint64 scheduleId, const QString &queueToken)
{
    return {true, LiveTopic::Seats, scheduleId, queueToken, false};
}

LiveSubscription LiveSubscription::staffSeats(qint64 scheduleId)
{
    return {true, LiveTopic::Seats, scheduleId, {}, true};
}

LiveSubscription LiveSubscription::queue(const QString &queueToken)
{
    return {true, LiveTopic::Queue, 0, queueToken, false};
}

LiveSubscription LiveSubscription::availability()
{
    return {true, LiveTopic::Availability, 0, {}, false};
}

LiveSubscription LiveSubscription::ended() const
{
    // An unsubscribe names what it ends, nothing more.
    LiveSubscription s {false, topic, scheduleId, {}, false};
    if (topic == LiveTopic::Queue)
        s.queueToken = queueToken;
    return s;
}

QJsonObject LiveSubscription::toJson() const
{
    QJsonObject o;
    switch (topic) {
    case LiveTopic::Availability:
        o.insert(kAvailability, true);
        break;
    case LiveTopic::Seats:
        o.insert(kScheduleId, scheduleId);
        if (asStaff)
            o.insert(kRole, wordOf(Role::Staff));
        if (!queueToken.isEmpty())
            o.insert(kQueueToken, queueToken);
        break;
    case LiveTopic::Queue:
        o.insert(kQueueToken, queueToken);
        break;
    }
    return liveMessage(subscribe ? LiveMessageType::Subscribe : LiveMessageType::Unsubscribe, o);
}

Result<LiveSubscription> LiveSubscription::fromJson(const QJsonObject &json)
{
    const auto type = liveMessageType(json);
    if (type != LiveMessageType::Subscribe && type != LiveMessageType::Unsubscribe)
        return ApiError::unknownWord(u"type"_s, json.value(u"type"_s));
    JsonReader r(json);
    LiveSubscription s;
    s.subscribe = type == LiveMessageType::Subscribe;
    if (json.contains(kAvailability)) {
        s.topic = LiveTopic::Availability;
        // {"type":"subscribe","availability":false} stops following, like an unsubscribe.
        s.subscribe = r.boolean(kAvailability) && s.subscribe;
    } else if (json.contains(kScheduleId)) {
        s.topic = LiveTopic::Seats;
        s.scheduleId = r.integer(kScheduleId, 1, kMaxId);
        s.queueToken = r.optionalString(kQueueToken, kMaxTokenLength).value_or(QString());
        if (const auto role = r.optionalString(kRole, 16); role && r.ok()) {
            const auto known = enumFromWord<Role>(*role);
            if (!known)
                return ApiError::unknownWord(kRole, json.value(kRole));
            s.asStaff = *known == Role::Staff;
        }
    } else {
        s.topic = LiveTopic::Queue;
        s.queueToken = r.string(kQueueToken, 1, kMaxTokenLength);
    }
    if (!r.ok())
        return r.error();
    return s;
}

QJsonObject LiveSeats::toJson() const
{
    QJsonArray seats;
    for (const Seat &s : map.seats)
        seats.append(s.toJson());
    QJsonObject o {{kScheduleId, map.scheduleId}, {u"version"_s, map.version}, {u"seats"_s, seats}};
    if (map.concertId > 0)
        o.insert(kConcertId, map.concertId);
    if (full)
        o.insert(kFull, true);
    return liveMessage(LiveMessageType::Seats, o);
}

Result<LiveSeats> LiveSeats::fromJson(const QJsonObject &json)
{
    auto map = SeatMap::fromJson(json);
    if (!map)
        return map.error();
    JsonReader r(json);
    LiveSeats s {std::move(map).value(), r.optionalBoolean(kFull).value_or(false)};
    if (!r.ok())
        return r.error();
    return s;
}

bool LiveTurnEnded::isEnded(const QJsonObject &json)
{
    return json.value(kStatus).toString() == kEnded;
}

QJsonObject LiveTurnEnded::toJson() const
{
    return liveMessage(LiveMessageType::Queue,
                       {{kStatus, kEnded}, {kConcertId, concertId}, {kError, reason.toJson()}});
}

Result<LiveTurnEnded> LiveTurnEnded::fromJson(const QJsonObject &json)
{
    if (!isEnded(json))
        return ApiError::unknownWord(kStatus, json.value(kStatus));
    JsonReader r(json);
    LiveTurnEnded e {r.integer(kConcertId, 0, kMaxId), ApiError::fromEnvelope(json)};
    if (!r.ok())
        return r.error();
    return e;
}

QJsonObject LiveRefusal::toJson() const
{
    QJsonObject o {{kError, error.toJson()}};
    if (topic)
        o.insert(kSubscription, wordOf(*topic));
    if (topic == LiveTopic::Seats)
        o.insert(kScheduleId, scheduleId);
    return liveMessage(LiveMessageType::Error, o);
}

Result<LiveRefusal> LiveRefusal::fromJson(const QJsonObject &json)
{
    JsonReader r(json);
    LiveRefusal out;
    if (const auto word = r.optionalString(kSubscription, 32)) {
        out.topic = enumFromWord<LiveTopic>(*word);
        if (!out.topic)
            return ApiError::unknownWord(kSubscription, json.value(kSubscription));
    }
    out.scheduleId = r.optionalInteger(kScheduleId, 0, kMaxId).value_or(0);
    if (!r.ok())
        return r.error();
    out.error = ApiError::fromEnvelope(json);
    return out;
}

} // namespace encore
