#pragma once
// ConcertService: concerts, their dates (schedules) with seat counts and price ranges, and a
// date's live seat map. Also creates concerts and dates with their 50 priced seats (demo data,
// staff). Any worker thread.

#include "api/admintypes.h"
#include "models/concert.h"
#include "models/seat.h"
#include "models/seatavailability.h"

#include <QHash>
#include <QJsonObject>
#include <QMap>
#include <QUuid>

#include <memory>
#include <mutex>

namespace encore::server {

class Database;
class SnapshotCache;

// Price per tier; seats 1–10 VIP, 11–20 R, 21–35 S, 36–50 A.
struct TierPrices {
    Money vip = 165'000;
    Money r = 132'000;
    Money s = 99'000;
    Money a = 77'000;
};

// A date's seats as stored (status before expiry is applied, holder's id), shared by every
// viewer of the date.
struct SeatRows {
    struct Row {
        int number = 0;
        QString tier;
        Money price = 0;
        SeatStatus status = SeatStatus::Available;
        QDateTime heldUntil;
        QUuid holder;
        qint64 version = 0;
        // Someone waits for this seat: once its hold runs out it is the waiting list's (the
        // sweeper offers it), not free.
        bool awaited = false;
    };
    qint64 concertId = 0;
    QList<Row> rows;
    // The date's sales window, so a hold can be refused from this copy too.
    QDateTime salesOpenAt;
    QDateTime salesCloseAt;
    bool cancelled = false;

    bool onSale(const QDateTime &now) const
    {
        return !cancelled && now >= salesOpenAt && now < salesCloseAt;
    }
    // The seats of `numbers` that this copy shows taken (held in time, sold, blocked) or that
    // the date does not have.
    QList<int> unavailable(const QList<int> &numbers, const QDateTime &now) const;
    // The map `viewer` sees at `now`: a hold that ran out shows free (unless the seat is awaited),
    // `mine` marks the viewer's live holds and purchases.
    SeatMap view(qint64 scheduleId, const QUuid &viewer, const QDateTime &now) const;
    // True when view() would mark a seat `mine` for this viewer (a null viewer holds nothing).
    bool holdsAny(const QUuid &viewer, const QDateTime &now) const;
    // The first moment after `now` at which view() changes by itself (a live hold runs out), in
    // ms since the epoch; max() when none will.
    qint64 nextChangeMs(const QDateTime &now) const;

    // This copy with a seat notice (a seat_notices() / trigger payload: the changed seats' new
    // rows) taken in: `copy` itself when it already has every seat at that version or newer,
    // nullptr when the notice cannot be taken in (another date, a seat the copy lacks,
    // unreadable). A seat the notice makes HELD counts as awaited (the notice does not say):
    // should that hold run out before the copy is re-read, it shows taken until then, not free.
    static std::shared_ptr<const SeatRows> withNotice(std::shared_ptr<const SeatRows> copy,
                                                      qint64 scheduleId, const QJsonObject &notice);

    QByteArray encode() const;
    // nullptr when `bytes` is not a copy encode() wrote.
    static std::shared_ptr<const SeatRows> decode(const QByteArray &bytes);
};

class ConcertService {
public:
    ConcertService(Database &db, SnapshotCache &cache);

    QList<Concert> list();
    Concert get(qint64 concertId);
    // The venue's IANA zone of a concert, from the cached listing (no round trip when warm).
    QString timeZoneOf(qint64 concertId);
    QList<Schedule> schedules(qint64 concertId, bool bookableOnly);
    SeatMap seatMap(qint64 scheduleId, const QUuid &viewer);
    // GET /schedules/{id}/seats: the encoded map and the date's concert. Viewers who hold nothing
    // on the date (almost all) share one body per copy of the seats, built once and reused until
    // the copy changes or a hold in it runs out; a holder's map is built for them.
    struct SeatMapBody {
        QByteArray body;
        qint64 concertId = 0;
    };
    SeatMapBody seatMapBody(qint64 scheduleId, const QUuid &viewer);
    // The seats still for sale on these dates, counted now (no cache: it follows a change).
    QList<SeatAvailability> availability(const QList<qint64> &scheduleIds);
    // A date's seats as this process last read them: at most SnapshotCache::kSeatMapBoundMs
    // old, and dropped on every seat change any instance announces. Empty: no such date.
    std::shared_ptr<const SeatRows> seatRows(qint64 scheduleId);

    // A concert from a validated draft (an empty time zone takes the column's default).
    qint64 createConcert(const ConcertDraft &draft);
    qint64 createSchedule(qint64 concertId, const QDateTime &startsAt, const QDateTime &salesOpenAt,
                          const QDateTime &salesCloseAt, const TierPrices &prices);
    // Staff changed concerts or dates: drop the cached listing once the caller's transaction
    // commits (at once outside one; never when it rolls back).
    void invalidateListing();
    // A seat of this date changed (a local commit, or a NOTIFY from any instance): drop the
    // cached seats, in this process and in Redis — likewise after the commit.
    void invalidateSeatMap(qint64 scheduleId);
    // A decision of this process changed seats of the date, as these notices say: once the
    // caller's transaction commits, this process's copy takes them in (no re-read for the next
    // request) and Redis's is dropped. Without notices: invalidateSeatMap().
    void seatsChanged(qint64 scheduleId, const QStringList &notices);
    // A seat notice from any instance (the listener): this process's copy takes it in (or is
    // dropped when it cannot), Redis's is dropped. The copy keeps its expiry, so the bound on
    // what it may miss is unchanged; a notice it already has (its own commit's) changes nothing.
    void applySeatNotice(const QByteArray &payload);

private:
    void applyToLocalCopy(qint64 scheduleId, const QJsonObject &notice);
    QList<Schedule> loadSchedules(const QList<qint64> &concertIds, bool bookableOnly);

    Database &m_db;
    SnapshotCache &m_cache;
    // In-process copy in front of Redis (every worker shares it); same bound as the Redis TTL.
    struct LocalRows {
        std::shared_ptr<const SeatRows> rows;
        qint64 expiresAtMs = 0;
    };
    std::mutex m_localMutex;
    QHash<qint64, LocalRows> m_local;
    // The shared seat-map body per date: valid for exactly that copy, until validUntilMs.
    struct SharedBody {
        std::shared_ptr<const SeatRows> rows;
        qint64 validUntilMs = 0;
        QByteArray body;
    };
    QHash<qint64, SharedBody> m_bodies; // under m_localMutex
};

} // namespace encore::server
