#pragma once
// Concert and Schedule (one date of a concert) as the API lists them. Value types.

#include "money.h"
#include "result.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>

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

struct Concert {
    qint64 id = 0;
    QString title;
    QString artist;
    QString venue;
    QString description;
    QList<Schedule> schedules;

    QJsonObject toJson() const;
    static Result<Concert> fromJson(const QJsonObject &json);
    friend bool operator==(const Concert &, const Concert &) = default;
};

} // namespace encore
