#pragma once
// Concert and Schedule (one date of a concert) as the API lists them. Value types.

#include "money.h"
#include "result.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QTimeZone>

namespace encore {

struct Schedule {
    qint64 id = 0;
    qint64 concertId = 0;
    QDateTime startsAt;
    QDateTime salesOpenAt;
    QDateTime salesCloseAt;
    int availableSeats = 0;
    int totalSeats = 0;
    Money minPrice = 0;
    Money maxPrice = 0;
    QDateTime cancelledAt; // set when staff cancelled the date: off sale for good

    // Bookable: not cancelled, sales are open now and seats remain.
    bool isBookable(const QDateTime &now) const;

    QJsonObject toJson() const;
    static Result<Schedule> fromJson(const QJsonObject &json);
    friend bool operator==(const Schedule &, const Schedule &) = default;
};

// The venue time zone of concerts that name none (the demo data's, and the column default).
inline constexpr char kDefaultVenueTimeZone[] = "Asia/Seoul";

// The zone an IANA name stands for; the default venue zone when the name is empty or unknown
// (the server refuses unknown names, so that only happens with an older server).
QTimeZone venueTimeZone(const QString &ianaName);
// Whether the time-zone database knows `ianaName`.
bool isKnownTimeZone(const QString &ianaName);

struct Concert {
    qint64 id = 0;
    QString title;
    QString artist;
    QString venue;
    QString description;
    QList<Schedule> schedules;
    QString timeZone = QString::fromLatin1(kDefaultVenueTimeZone); // IANA name of the venue's zone

    QTimeZone zone() const { return venueTimeZone(timeZone); }

    QJsonObject toJson() const;
    static Result<Concert> fromJson(const QJsonObject &json);
    friend bool operator==(const Concert &, const Concert &) = default;
};

// The venue zone of concert `concertId` among `concerts` (the default zone when it is not there).
QTimeZone zoneOfConcert(const QList<Concert> &concerts, qint64 concertId);
// The venue zone of the concert that date `scheduleId` belongs to (likewise).
QTimeZone zoneOfSchedule(const QList<Concert> &concerts, qint64 scheduleId);

} // namespace encore
