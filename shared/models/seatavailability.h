#pragma once
// SeatAvailability: how many of a date's seats are still for sale — the live feed's
// {"type":"availability",...} frame that keeps the concert list's counts current. Value type.

#include "result.h"

#include <QJsonObject>

namespace encore {

struct SeatAvailability {
    qint64 scheduleId = 0;
    int availableSeats = 0; // a hold that ran out counts as available unless the seat is awaited
    int totalSeats = 0;

    // {"scheduleId", "availableSeats", "totalSeats"} (the live frame adds its "type").
    QJsonObject toJson() const;
    static Result<SeatAvailability> fromJson(const QJsonObject &json);
    friend bool operator==(const SeatAvailability &, const SeatAvailability &) = default;
};

} // namespace encore
