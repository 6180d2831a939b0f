#include "seatavailability.h"

#include "jsonreader.h"

#include <limits>

using namespace Qt::StringLiterals;

namespace encore {

QJsonObject SeatAvailability::toJson() const
{
    return {{u"scheduleId"_s, scheduleId},
            {u"availableSeats"_s, availableSeats},
            {u"totalSeats"_s, totalSeats}};
}

Result<SeatAvailability> SeatAvailability::fromJson(const QJsonObject &json)
{
    JsonReader r(json);
    SeatAvailability a;
    a.scheduleId = r.integer(u"scheduleId"_s, 1, std::numeric_limits<qint64>::max());
    a.totalSeats = int(r.integer(u"totalSeats"_s, 0, 1000));
    a.availableSeats = int(r.integer(u"availableSeats"_s, 0, a.totalSeats));
    if (!r.ok())
        return r.error();
    return a;
}

} // namespace encore
