#pragma once
// ConcertService: concerts, their dates (schedules) with seat counts and price ranges, and a
// date's live seat map. Also creates concerts and dates with their 50 priced seats (demo data,
// staff). Any worker thread.

#include "models/concert.h"
#include "models/seat.h"

#include <QMap>
#include <QUuid>

namespace encore::server {

class Database;
class SnapshotCache;

// Price per tier; seats 1–10 VIP, 11–20 R, 21–35 S, 36–50 A.
struct TierPrices
{
    Money vip = 165'000;
    Money r = 132'000;
    Money s = 99'000;
    Money a = 77'000;
};

class ConcertService
{
public:
    ConcertService(Database &db, SnapshotCache &cache);

    QList<Concert> list();
    Concert get(qint64 concertId);
    QList<Schedule> schedules(qint64 concertId, bool bookableOnly);
    SeatMap seatMap(qint64 scheduleId, const QUuid &viewer);

    qint64 createConcert(const QString &title, const QString &artist, const QString &venue,
                         const QString &description);
    qint64 createSchedule(qint64 concertId, const QDateTime &startsAt, const QDateTime &salesOpenAt,
                          const QDateTime &salesCloseAt, const TierPrices &prices);
    // Staff changed concerts or dates: drop the cached listing.
    void invalidateListing();
    // A write committed: drop the cached seat map so the writer reads its own change.
    void invalidateSeatMap(qint64 scheduleId);

private:
    QList<Schedule> loadSchedules(const QList<qint64> &concertIds, bool bookableOnly);
    QByteArray loadSeatRows(qint64 scheduleId);

    Database &m_db;
    SnapshotCache &m_cache;
};

} // namespace encore::server
