#include "concert.h"

#include "jsonreader.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace encore {

bool isKnownTimeZone(const QString &ianaName)
{
    // Only "Area/City" style names and UTC: Qt also accepts offsets such as "UTC+09:00", which
    // are not venue zones (no daylight rules, no abbreviation).
    const QByteArray id = ianaName.toUtf8();
    return !id.isEmpty() && id.size() <= 64 && !id.startsWith("UTC+") && !id.startsWith("UTC-")
        && QTimeZone::isTimeZoneIdAvailable(id);
}

QTimeZone venueTimeZone(const QString &ianaName)
{
    if (isKnownTimeZone(ianaName))
        return QTimeZone(ianaName.toUtf8());
    return QTimeZone(kDefaultVenueTimeZone);
}

QTimeZone zoneOfConcert(const QList<Concert> &concerts, qint64 concertId)
{
    for (const Concert &c : concerts) {
        if (c.id == concertId)
            return c.zone();
    }
    return venueTimeZone({});
}

QTimeZone zoneOfSchedule(const QList<Concert> &concerts, qint64 scheduleId)
{
    for (const Concert &c : concerts) {
        for (const Schedule &s : c.schedules) {
            if (s.id == scheduleId)
                return c.zone();
        }
    }
    return venueTimeZone({});
}

bool Schedule::isBookable(const QDateTime &now) const
{
    return !cancelledAt.isValid() && salesOpenAt <= now && now < salesCloseAt && availableSeats > 0;
}

QJsonObject Schedule::toJson() const
{
    return {{u"id"_s, id},
            {u"concertId"_s, concertId},
            {u"startsAt"_s, isoTime(startsAt)},
            {u"salesOpenAt"_s, isoTime(salesOpenAt)},
            {u"salesCloseAt"_s, isoTime(salesCloseAt)},
            {u"availableSeats"_s, availableSeats},
            {u"totalSeats"_s, totalSeats},
            {u"minPrice"_s, minPrice},
            {u"maxPrice"_s, maxPrice},
            {u"cancelledAt"_s, isoTimeOrNull(cancelledAt)}};
}

Result<Schedule> Schedule::fromJson(const QJsonObject &json)
{
    JsonReader r(json);
    Schedule s;
    s.id = r.integer(u"id"_s, 1, std::numeric_limits<qint64>::max());
    s.concertId
        = r.optionalInteger(u"concertId"_s, 0, std::numeric_limits<qint64>::max()).value_or(0);
    s.startsAt = r.dateTime(u"startsAt"_s);
    s.salesOpenAt = r.dateTime(u"salesOpenAt"_s);
    s.salesCloseAt = r.optionalDateTime(u"salesCloseAt"_s).value_or(s.startsAt);
    s.availableSeats = int(r.integer(u"availableSeats"_s, 0, 1000));
    s.totalSeats = int(r.integer(u"totalSeats"_s, 0, 1000));
    s.minPrice = r.integer(u"minPrice"_s, 0, money::kMaxPrice);
    s.maxPrice = r.integer(u"maxPrice"_s, 0, money::kMaxPrice);
    s.cancelledAt = r.optionalDateTime(u"cancelledAt"_s).value_or(QDateTime());
    if (!r.ok())
        return r.error();
    return s;
}

QJsonObject Concert::toJson() const
{
    QJsonArray list;
    for (const Schedule &s : schedules)
        list.append(s.toJson());
    return {{u"id"_s, id},
            {u"title"_s, title},
            {u"artist"_s, artist},
            {u"venue"_s, venue},
            {u"description"_s, description},
            {u"timeZone"_s, timeZone},
            {u"schedules"_s, list}};
}

Result<Concert> Concert::fromJson(const QJsonObject &json)
{
    JsonReader r(json);
    Concert c;
    c.id = r.integer(u"id"_s, 1, std::numeric_limits<qint64>::max());
    c.title = r.string(u"title"_s);
    c.artist = r.optionalString(u"artist"_s).value_or(QString());
    c.venue = r.optionalString(u"venue"_s).value_or(QString());
    c.description = r.optionalString(u"description"_s).value_or(QString());
    c.timeZone
        = r.optionalString(u"timeZone"_s, 64).value_or(QString::fromLatin1(kDefaultVenueTimeZone));
    const QJsonArray list = r.array(u"schedules"_s);
    if (!r.ok())
        return r.error();
    for (const QJsonValue &v : list) {
        auto s = Schedule::fromJson(v.toObject());
        if (!s)
            return s.error();
        c.schedules.append(s.value());
    }
    return c;
}

} // namespace encore
