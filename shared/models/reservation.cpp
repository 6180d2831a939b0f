#include "reservation.h"

#include "apipaths.h"
#include "jsonreader.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace encore {

QJsonObject Reservation::toJson() const
{
    QJsonArray seatList;
    for (int n : seats)
        seatList.append(n);
    return {{u"id"_s, id.toString(QUuid::WithoutBraces)},
            {u"scheduleId"_s, scheduleId},
            {u"concertId"_s, concertId},
            {u"seats"_s, seatList},
            {u"status"_s, wordOf(status)},
            {u"total"_s, total},
            {u"heldUntil"_s, isoTimeOrNull(heldUntil)},
            {u"createdAt"_s, isoTimeOrNull(createdAt)},
            {u"paidAt"_s, isoTimeOrNull(paidAt)},
            {u"concertTitle"_s, concertTitle},
            {u"startsAt"_s, isoTimeOrNull(startsAt)}};
}

Result<Reservation> Reservation::fromJson(const QJsonObject &json)
{
    JsonReader r(json);
    Reservation res;
    res.id = r.uuid(u"id"_s);
    res.scheduleId = r.integer(u"scheduleId"_s, 1, std::numeric_limits<qint64>::max());
    res.concertId
        = r.optionalInteger(u"concertId"_s, 0, std::numeric_limits<qint64>::max()).value_or(0);
    for (qint64 n : r.integerList(u"seats"_s, 1, api::kSeatsPerSchedule, 1, api::kSeatsPerSchedule))
        res.seats.append(int(n));
    const auto status = enumFromWord<ReservationStatus>(r.string(u"status"_s));
    res.total = r.integer(u"total"_s, 0, std::numeric_limits<qint64>::max() / 2);
    res.heldUntil = r.optionalDateTime(u"heldUntil"_s).value_or(QDateTime());
    res.createdAt = r.optionalDateTime(u"createdAt"_s).value_or(QDateTime());
    res.paidAt = r.optionalDateTime(u"paidAt"_s).value_or(QDateTime());
    res.concertTitle = r.optionalString(u"concertTitle"_s).value_or(QString());
    res.startsAt = r.optionalDateTime(u"startsAt"_s).value_or(QDateTime());
    if (!r.ok())
        return r.error();
    if (!status)
        return ApiError::unknownWord(u"status"_s, json.value(u"status"_s));
    res.status = *status;
    return res;
}

} // namespace encore
