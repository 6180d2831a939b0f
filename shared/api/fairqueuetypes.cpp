#include "fairqueuetypes.h"

#include "api/admintypes.h"
#include "api/apitypes.h"
#include "jsonreader.h"
#include "models/staffops.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace encore {

namespace {
constexpr qint64 kMaxCount = std::numeric_limits<qint64>::max() / 2;
} // namespace

QJsonObject PreQueueEntry::toJson() const
{
    return {{u"userId"_s, userId.toString(QUuid::WithoutBraces)},
            {u"username"_s, username},
            {u"joinedAt"_s, isoTimeOrNull(joinedAt)}};
}

Result<PreQueueEntry> PreQueueEntry::fromJson(const QJsonObject &json)
{
    JsonReader r(json);
    PreQueueEntry e;
    e.userId = r.uuid(u"userId"_s);
    e.username = r.string(u"username"_s, 0, 64);
    e.joinedAt = r.optionalDateTime(u"joinedAt"_s).value_or(QDateTime());
    if (!r.ok())
        return r.error();
    return e;
}

QJsonObject PreQueueOpening::toJson() const
{
    return {{u"opensAt"_s, isoTimeOrNull(opensAt)},
            {u"shuffledAt"_s, isoTimeOrNull(shuffledAt)},
            {u"placed"_s, placed}};
}

Result<PreQueueOpening> PreQueueOpening::fromJson(const QJsonObject &json)
{
    JsonReader r(json);
    PreQueueOpening o;
    o.opensAt = r.dateTime(u"opensAt"_s);
    o.shuffledAt = r.dateTime(u"shuffledAt"_s);
    o.placed = r.integer(u"placed"_s, 0, kMaxCount);
    if (!r.ok())
        return r.error();
    return o;
}

QJsonObject PreQueueView::toJson() const
{
    return {{u"concertId"_s, concertId},
            {u"opensAt"_s, isoTimeOrNull(opensAt)},
            {u"acceptsJoinsFrom"_s, isoTimeOrNull(acceptsJoinsFrom)},
            {u"preQueueMinutes"_s, preQueueMinutes},
            {u"count"_s, count},
            {u"entries"_s, encodeList(entries)},
            {u"openings"_s, encodeList(openings)}};
}

Result<PreQueueView> PreQueueView::fromJson(const QJsonObject &json)
{
    auto entries = decodeList<PreQueueEntry>(json, u"entries"_s);
    if (!entries)
        return entries.error();
    auto openings = decodeList<PreQueueOpening>(json, u"openings"_s);
    if (!openings)
        return openings.error();
    JsonReader r(json);
    PreQueueView v;
    v.concertId = r.integer(u"concertId"_s, 1, kMaxCount);
    v.opensAt = r.optionalDateTime(u"opensAt"_s).value_or(QDateTime());
    v.acceptsJoinsFrom = r.optionalDateTime(u"acceptsJoinsFrom"_s).value_or(QDateTime());
    v.preQueueMinutes = int(r.integer(u"preQueueMinutes"_s, 0, kMaxPreQueueMinutes));
    v.count = r.integer(u"count"_s, 0, kMaxCount);
    v.entries = std::move(entries).value();
    v.openings = std::move(openings).value();
    if (!r.ok())
        return r.error();
    return v;
}

QJsonObject PreQueueNotOpen::toJson() const
{
    return {{u"opensAt"_s, isoTime(opensAt)},
            {u"acceptsJoinsFrom"_s, isoTime(acceptsJoinsFrom)},
            {u"preQueueMinutes"_s, preQueueMinutes},
            {u"timeZone"_s, timeZone}};
}

Result<PreQueueNotOpen> PreQueueNotOpen::fromJson(const QJsonObject &json)
{
    JsonReader r(json);
    PreQueueNotOpen v;
    v.opensAt = r.dateTime(u"opensAt"_s);
    v.acceptsJoinsFrom = r.dateTime(u"acceptsJoinsFrom"_s);
    v.preQueueMinutes = int(r.integer(u"preQueueMinutes"_s, 0, kMaxPreQueueMinutes));
    v.timeZone = r.string(u"timeZone"_s, 1, 64);
    if (!r.ok())
        return r.error();
    return v;
}

QJsonObject AbuseCounter::toJson() const
{
    return {{u"kind"_s, wordOf(kind)}, {u"subject"_s, subject},
            {u"count"_s, count},       {u"limit"_s, limit},
            {u"refused"_s, refused},   {u"resetsAt"_s, isoTimeOrNull(resetsAt)}};
}

Result<AbuseCounter> AbuseCounter::fromJson(const QJsonObject &json)
{
    JsonReader r(json);
    AbuseCounter c;
    const QString kind = r.string(u"kind"_s, 1, 64);
    c.subject = r.string(u"subject"_s, 0, 200);
    c.count = r.integer(u"count"_s, 0, kMaxCount);
    c.limit = r.integer(u"limit"_s, 0, kMaxCount);
    c.refused = r.integer(u"refused"_s, 0, kMaxCount);
    c.resetsAt = r.optionalDateTime(u"resetsAt"_s).value_or(QDateTime());
    if (!r.ok())
        return r.error();
    const auto k = enumFromWord<LimitKind>(kind);
    if (!k)
        return ApiError(ErrorCode::BadRequest, Msg::FieldUnknownWord, {u"kind"_s, kind});
    c.kind = *k;
    return c;
}

QJsonObject ClearCountersRequest::toJson() const
{
    QJsonObject o {{u"reason"_s, reason}};
    if (kind) {
        o.insert(u"kind"_s, wordOf(*kind));
        o.insert(u"subject"_s, subject);
    }
    return o;
}

Result<ClearCountersRequest> ClearCountersRequest::fromJson(const QJsonObject &json)
{
    auto reason = ReasonRequest::fromJson(json);
    if (!reason)
        return reason.error();
    JsonReader r(json);
    ClearCountersRequest out;
    out.reason = reason->reason;
    const auto kind = r.optionalString(u"kind"_s, 64);
    out.subject = r.optionalString(u"subject"_s, 200).value_or(QString());
    if (!r.ok())
        return r.error();
    if (kind) {
        out.kind = enumFromWord<LimitKind>(*kind);
        if (!out.kind)
            return ApiError(ErrorCode::ValidationFailed, Msg::FieldUnknownWord, {u"kind"_s, *kind});
    }
    return out;
}

} // namespace encore
