#pragma once
// Seat and SeatMap: one date's 50 seats with their live status. Value types.

#include "api/wordtable.h"
#include "money.h"
#include "result.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>

namespace encore {

enum class SeatStatus { Available, Held, Sold, Blocked };
template<> struct EnumWords<SeatStatus> {
    static constexpr std::array<EnumWord<SeatStatus>, 4> words {
        {{SeatStatus::Available, u"AVAILABLE"},
         {SeatStatus::Held, u"HELD"},
         {SeatStatus::Sold, u"SOLD"},
         {SeatStatus::Blocked, u"BLOCKED"}}};
};

struct Seat {
    int number = 0;
    SeatStatus status = SeatStatus::Available;
    Money price = 0;
    QString tier; // "VIP", "R", "S", "A"
    bool mine = false;
    QDateTime heldUntil;
    qint64 version = 0;
    // Held, and someone is on the waiting list for it: when the hold ends the seat is offered to
    // them, not put back on sale (so a run-out hold of it is still taken until then).
    bool awaited = false;

    // Whether the seat can be held at `now`: free, or held by a hold that has run out and that
    // nobody waits for (the server's rule; the sweeper frees such holds within a second).
    bool isOnSale(const QDateTime &now) const
    {
        return status == SeatStatus::Available
            || (status == SeatStatus::Held && heldUntil.isValid() && heldUntil <= now && !awaited);
    }

    QJsonObject toJson() const;
    static Result<Seat> fromJson(const QJsonObject &json);
    friend bool operator==(const Seat &, const Seat &) = default;
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
    friend bool operator==(const SeatMap &, const SeatMap &) = default;
};

} // namespace encore
