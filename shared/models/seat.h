#pragma once
// Seat and SeatMap: one date's 50 seats with their live status. Value types.

#include "money.h"
#include "result.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>

namespace encore {

enum class SeatStatus { Available, Held, Sold, Blocked };
QString seatStatusName(SeatStatus status); // "AVAILABLE" ...
std::optional<SeatStatus> seatStatusFromName(const QString &name);

struct Seat {
    int number = 0;
    SeatStatus status = SeatStatus::Available;
    Money price = 0;
    QString tier; // "VIP", "R", "S", "A"
    bool mine = false;
    QDateTime heldUntil;
    qint64 version = 0;

    QJsonObject toJson() const;
    static Result<Seat> fromJson(const QJsonObject &json);
};

struct SeatMap {
    qint64 scheduleId = 0;
    qint64 concertId = 0;
    qint64 version = 0;
    QList<Seat> seats;

    // The compact JSON body, written directly: the seat map is the most read answer of all, and
    // building it through QJsonObject (50 objects of 7 fields) cost more than the database.
    QByteArray toJsonBytes() const;
    QJsonObject toJson() const; // the same, as an object
    static Result<SeatMap> fromJson(const QJsonObject &json);
};

} // namespace encore
