#include "concertservice.h"

#include "cache/snapshotcache.h"
#include "jsonreader.h"
#include "storage/database.h"
#include "storage/sqlvalues.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>

#include <algorithm>
#include <limits>

using namespace Qt::StringLiterals;

namespace encore::server {

namespace {
const QString kSelectConcert
    = u"SELECT id, title, artist, venue, description, time_zone FROM concerts "_s;

Concert concertFromRow(const QSqlQuery &q)
{
    Concert c;
    c.id = q.value(0).toLongLong();
    c.title = q.value(1).toString();
    c.artist = q.value(2).toString();
    c.venue = q.value(3).toString();
    c.description = q.value(4).toString();
    c.timeZone = q.value(5).toString();
    return c;
}
} // namespace

ConcertService::ConcertService(Database &db, SnapshotCache &cache)
    : m_db(db)
    , m_cache(cache)
{
}

void ConcertService::invalidateListing()
{
    // After the commit: dropped earlier, a reader could refill the cache with the old rows.
    m_db.afterCommit([this] { m_cache.invalidate(SnapshotCache::listingKey()); });
}

void ConcertService::invalidateSeatMap(qint64 scheduleId)
{
    m_db.afterCommit([this, scheduleId] {
        {
            std::lock_guard lock(m_localMutex);
            m_local.remove(scheduleId);
            m_bodies.remove(scheduleId);
        }
        m_cache.invalidate(SnapshotCache::seatMapKey(scheduleId));
    });
}

void ConcertService::applyToLocalCopy(qint64 scheduleId, const QJsonObject &notice)
{
    std::lock_guard lock(m_localMutex);
    const auto it = m_local.find(scheduleId);
    if (it == m_local.end())
        return;
    if (auto next = SeatRows::withNotice(it->rows, scheduleId, notice)) {
        it->rows = std::move(next); // same expiry: the copy may miss no more than before
    } else {
        m_local.erase(it);
        m_bodies.remove(scheduleId);
    }
}

void ConcertService::seatsChanged(qint64 scheduleId, const QStringList &notices)
{
    if (notices.isEmpty()) {
        invalidateSeatMap(scheduleId);
        return;
    }
    m_db.afterCommit([this, scheduleId, notices] {
        for (const QString &payload : notices)
            applyToLocalCopy(scheduleId, QJsonDocument::fromJson(payload.toUtf8()).object());
        m_cache.invalidate(SnapshotCache::seatMapKey(scheduleId));
    });
}

void ConcertService::applySeatNotice(const QByteArray &payload)
{
    const QJsonObject notice = QJsonDocument::fromJson(payload).object();
    const qint64 scheduleId = notice.value(u"scheduleId"_s).toInteger();
    if (scheduleId <= 0)
        return;
    applyToLocalCopy(scheduleId, notice);
    m_cache.invalidate(SnapshotCache::seatMapKey(scheduleId));
}

std::shared_ptr<const SeatRows> SeatRows::withNotice(std::shared_ptr<const SeatRows> copy,
                                                     qint64 scheduleId, const QJsonObject &notice)
{
    const QJsonArray seats = notice.value(u"seats"_s).toArray();
    if (notice.value(u"scheduleId"_s).toInteger() != scheduleId || seats.isEmpty())
        return nullptr;
    std::shared_ptr<SeatRows> next;
    for (const QJsonValue &v : seats) {
        const QJsonObject seat = v.toObject();
        const int number = seat.value(u"number"_s).toInt();
        const qint64 version = seat.value(u"version"_s).toInteger(-1);
        const auto status = enumFromWord<SeatStatus>(seat.value(u"status"_s).toString());
        const SeatRows &current = next ? *next : *copy;
        const auto at = std::find_if(current.rows.cbegin(), current.rows.cend(),
                                     [number](const Row &r) { return r.number == number; });
        if (at == current.rows.cend() || version < 0 || !status)
            return nullptr;
        if (at->version >= version)
            continue; // already in this copy (or something newer is)
        if (!next)
            next = std::make_shared<SeatRows>(*copy);
        Row &row = next->rows[at - current.rows.cbegin()];
        row.status = *status;
        row.tier = seat.value(u"tier"_s).toString(row.tier);
        row.price = seat.value(u"price"_s).toInteger(row.price);
        row.heldUntil = *status == SeatStatus::Held
            ? parseIsoTime(seat.value(u"heldUntil"_s).toString())
            : QDateTime();
        const QString holder = seat.value(u"holder"_s).toString();
        row.holder = holder.isEmpty() ? QUuid() : QUuid::fromString(holder);
        row.version = version;
        // Migration 016's notices say whether the hold is awaited; without the flag, a hold is
        // taken as awaited (never offered for sale when it runs out) until the copy is re-read.
        row.awaited = *status == SeatStatus::Held && seat.value(u"awaited"_s).toBool(true);
    }
    return next ? next : copy;
}

QByteArray SeatRows::encode() const
{
    QJsonArray list;
    for (const Row &r : rows)
        list.append(
            QJsonArray {r.number, r.tier, r.price, wordOf(r.status), isoTimeOrNull(r.heldUntil),
                        r.holder.isNull() ? QString() : r.holder.toString(QUuid::WithoutBraces),
                        r.version, r.awaited});
    return QJsonDocument(QJsonObject {{u"concertId"_s, concertId},
                                      {u"rows"_s, list},
                                      {u"salesOpenAt"_s, isoTimeOrNull(salesOpenAt)},
                                      {u"salesCloseAt"_s, isoTimeOrNull(salesCloseAt)},
                                      {u"cancelled"_s, cancelled}})
        .toJson(QJsonDocument::Compact);
}

std::shared_ptr<const SeatRows> SeatRows::decode(const QByteArray &bytes)
{
    const QJsonObject o = QJsonDocument::fromJson(bytes).object();
    // Not a copy this version wrote (another version's, or damaged): not a copy at all.
    if (!o.contains(u"salesCloseAt"_s) || o.value(u"rows"_s).toArray().isEmpty())
        return nullptr;
    auto out = std::make_shared<SeatRows>();
    out->concertId = o.value(u"concertId"_s).toInteger();
    out->salesOpenAt = parseIsoTime(o.value(u"salesOpenAt"_s).toString());
    out->salesCloseAt = parseIsoTime(o.value(u"salesCloseAt"_s).toString());
    out->cancelled = o.value(u"cancelled"_s).toBool();
    for (const QJsonValue &v : o.value(u"rows"_s).toArray()) {
        const QJsonArray a = v.toArray();
        out->rows.append({a[0].toInt(), a[1].toString(), a[2].toInteger(),
                          enumFromWord<SeatStatus>(a[3].toString()).value_or(SeatStatus::Blocked),
                          parseIsoTime(a[4].toString()), QUuid::fromString(a[5].toString()),
                          a[6].toInteger(), a[7].toBool()});
    }
    return out;
}

QList<int> SeatRows::unavailable(const QList<int> &numbers, const QDateTime &now) const
{
    QList<int> out;
    for (int n : numbers) {
        const auto row
            = std::find_if(rows.cbegin(), rows.cend(), [n](const Row &r) { return r.number == n; });
        const bool free = row != rows.cend()
            && (row->status == SeatStatus::Available
                || (row->status == SeatStatus::Held && row->heldUntil < now && !row->awaited));
        if (!free)
            out.append(n);
    }
    return out;
}

QList<Schedule> ConcertService::loadSchedules(const QList<qint64> &concertIds, bool bookableOnly)
{
    // Seats whose hold has run out count as available even before the sweeper frees them,
    // unless someone waits for them (seat_on_sale, migration 016).
    QSqlQuery &q = m_db.exec(
        u"SELECT sc.id, sc.concert_id, sc.starts_at, sc.sales_open_at, sc.sales_close_at, "
        " count(*) FILTER (WHERE seat_on_sale(s)), "
        " count(s.number), coalesce(min(s.price), 0), coalesce(max(s.price), 0), sc.cancelled_at "
        "FROM schedules sc LEFT JOIN seats s ON s.schedule_id = sc.id "
        "WHERE sc.concert_id = ANY(?::bigint[]) "
        "GROUP BY sc.id ORDER BY sc.concert_id, sc.starts_at"_s,
        {sql::intArray(concertIds)});
    QList<Schedule> out;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    while (q.next()) {
        Schedule s;
        s.id = q.value(0).toLongLong();
        s.concertId = q.value(1).toLongLong();
        s.startsAt = q.value(2).toDateTime();
        s.salesOpenAt = q.value(3).toDateTime();
        s.salesCloseAt = q.value(4).toDateTime();
        s.availableSeats = q.value(5).toInt();
        s.totalSeats = q.value(6).toInt();
        s.minPrice = q.value(7).toLongLong();
        s.maxPrice = q.value(8).toLongLong();
        s.cancelledAt = q.value(9).toDateTime();
        if (!bookableOnly || s.isBookable(now))
            out.append(s);
    }
    return out;
}

QList<Concert> ConcertService::list()
{
    if (const auto cached = m_cache.get(SnapshotCache::listingKey())) {
        QList<Concert> concerts;
        for (const QJsonValue &v : QJsonDocument::fromJson(*cached).array()) {
            if (auto c = Concert::fromJson(v.toObject()))
                concerts.append(c.value());
        }
        return concerts;
    }
    QList<Concert> concerts;
    QList<qint64> ids;
    {
        QSqlQuery &q = m_db.exec(kSelectConcert + u"ORDER BY id"_s);
        while (q.next()) {
            concerts.append(concertFromRow(q));
            ids.append(concerts.last().id);
        }
    }
    const QList<Schedule> all = loadSchedules(ids, false);
    QJsonArray json;
    for (Concert &c : concerts) {
        for (const Schedule &s : all) {
            if (s.concertId == c.id)
                c.schedules.append(s);
        }
        json.append(c.toJson());
    }
    if (m_cache.enabled() && !m_db.inTransaction())
        m_cache.put(SnapshotCache::listingKey(), QJsonDocument(json).toJson(QJsonDocument::Compact),
                    SnapshotCache::kListingTtlMs);
    return concerts;
}

QString ConcertService::timeZoneOf(qint64 concertId)
{
    for (const Concert &c : list()) {
        if (c.id == concertId)
            return c.timeZone;
    }
    return QString::fromLatin1(kDefaultVenueTimeZone);
}

Concert ConcertService::get(qint64 concertId)
{
    QSqlQuery &q = m_db.exec(kSelectConcert + u"WHERE id = ?"_s, {concertId});
    if (!q.next())
        throw ApiError(ErrorCode::NotFound, Msg::NoSuchConcert);
    Concert c = concertFromRow(q);
    c.schedules = loadSchedules({concertId}, false);
    return c;
}

QList<Schedule> ConcertService::schedules(qint64 concertId, bool bookableOnly)
{
    QSqlQuery &q = m_db.exec(u"SELECT 1 FROM concerts WHERE id = ?"_s, {concertId});
    if (!q.next())
        throw ApiError(ErrorCode::NotFound, Msg::NoSuchConcert);
    return loadSchedules({concertId}, bookableOnly);
}

// A date's seats: from this process's copy, else Redis, else PostgreSQL (one round trip, which
// also gives the date's concert). Who sees "mine" and whether a hold ran out is decided per read.
std::shared_ptr<const SeatRows> ConcertService::seatRows(qint64 scheduleId)
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    {
        std::lock_guard lock(m_localMutex);
        const auto it = m_local.constFind(scheduleId);
        if (it != m_local.cend() && it->expiresAtMs > now)
            return it->rows;
    }
    const QByteArray key = SnapshotCache::seatMapKey(scheduleId);
    std::shared_ptr<const SeatRows> rows;
    const auto cached = m_cache.get(key);
    if (cached)
        rows = SeatRows::decode(*cached);
    if (!rows) {
        QSqlQuery &q
            = m_db.exec(u"SELECT s.number, s.tier, s.price, s.status, s.held_until, "
                        u"r.user_id, s.version, sc.concert_id, sc.sales_open_at, "
                        u"sc.sales_close_at, sc.cancelled_at IS NOT NULL, "
                        "s.status = 'HELD' AND seat_awaited(s.schedule_id, s.number, s.tier) "
                        "FROM seats s JOIN schedules sc ON sc.id = s.schedule_id "
                        "LEFT JOIN reservations r ON r.id = s.reservation_id "
                        "WHERE s.schedule_id = ? ORDER BY s.number"_s,
                        {scheduleId});
        auto fresh = std::make_shared<SeatRows>();
        while (q.next()) {
            fresh->rows.append(
                {q.value(0).toInt(), q.value(1).toString(), q.value(2).toLongLong(),
                 enumFromWord<SeatStatus>(q.value(3).toString()).value_or(SeatStatus::Blocked),
                 q.value(4).toDateTime(), QUuid::fromString(q.value(5).toString()),
                 q.value(6).toLongLong(), q.value(11).toBool()});
            fresh->concertId = q.value(7).toLongLong();
            fresh->salesOpenAt = q.value(8).toDateTime();
            fresh->salesCloseAt = q.value(9).toDateTime();
            fresh->cancelled = q.value(10).toBool();
        }
        // Nothing worth keeping for no such date; and a transaction may see its own uncommitted
        // writes, which no other reader must get from a cache.
        if (fresh->rows.isEmpty() || m_db.inTransaction())
            return fresh;
        if (m_cache.enabled() && !cached) // an unreadable copy is left to its writer
            m_cache.put(key, fresh->encode(), SnapshotCache::kSeatMapTtlMs);
        rows = std::move(fresh);
    }
    std::lock_guard lock(m_localMutex);
    m_local.insert(scheduleId, {rows, now + SnapshotCache::kSeatMapTtlMs});
    return rows;
}

SeatMap SeatRows::view(qint64 scheduleId, const QUuid &viewer, const QDateTime &now) const
{
    SeatMap map;
    map.scheduleId = scheduleId;
    map.concertId = concertId;
    map.seats.reserve(rows.size());
    for (const Row &row : rows) {
        Seat seat;
        seat.number = row.number;
        seat.tier = row.tier;
        seat.price = row.price;
        const bool liveHold = row.status == SeatStatus::Held && row.heldUntil > now;
        // A hold that ran out is free again, whether or not the sweeper has been by — unless
        // someone waits for the seat: then it is theirs next (the sweeper offers it).
        seat.status = row.status == SeatStatus::Held && !liveHold && !row.awaited
            ? SeatStatus::Available
            : row.status;
        seat.heldUntil = liveHold ? row.heldUntil : QDateTime();
        seat.mine = (liveHold || row.status == SeatStatus::Sold) && !row.holder.isNull()
            && row.holder == viewer;
        seat.version = row.version;
        seat.awaited = row.awaited;
        map.version = std::max(map.version, seat.version);
        map.seats.append(seat);
    }
    return map;
}

bool SeatRows::holdsAny(const QUuid &viewer, const QDateTime &now) const
{
    if (viewer.isNull())
        return false;
    return std::any_of(rows.cbegin(), rows.cend(), [&](const Row &row) {
        return row.holder == viewer
            && (row.status == SeatStatus::Sold
                || (row.status == SeatStatus::Held && row.heldUntil > now));
    });
}

qint64 SeatRows::nextChangeMs(const QDateTime &now) const
{
    qint64 next = std::numeric_limits<qint64>::max();
    for (const Row &row : rows) {
        if (row.status == SeatStatus::Held && row.heldUntil > now)
            next = std::min(next, row.heldUntil.toMSecsSinceEpoch());
    }
    return next;
}

SeatMap ConcertService::seatMap(qint64 scheduleId, const QUuid &viewer)
{
    const std::shared_ptr<const SeatRows> snapshot = seatRows(scheduleId);
    if (snapshot->rows.isEmpty())
        throw ApiError(ErrorCode::NotFound, Msg::NoSuchDate);
    return snapshot->view(scheduleId, viewer, QDateTime::currentDateTimeUtc());
}

ConcertService::SeatMapBody ConcertService::seatMapBody(qint64 scheduleId, const QUuid &viewer)
{
    const std::shared_ptr<const SeatRows> snapshot = seatRows(scheduleId);
    if (snapshot->rows.isEmpty())
        throw ApiError(ErrorCode::NotFound, Msg::NoSuchDate);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (snapshot->holdsAny(viewer, now))
        return {snapshot->view(scheduleId, viewer, now).toJsonBytes(), snapshot->concertId};
    const qint64 nowMs = now.toMSecsSinceEpoch();
    {
        std::lock_guard lock(m_localMutex);
        const auto it = m_bodies.constFind(scheduleId);
        // The same copy (not merely an equal one: a refresh may have changed any seat), and no
        // hold in it has run out since the body was built.
        if (it != m_bodies.cend() && it->rows == snapshot && nowMs < it->validUntilMs)
            return {it->body, snapshot->concertId};
    }
    SharedBody shared {snapshot, snapshot->nextChangeMs(now),
                       snapshot->view(scheduleId, QUuid(), now).toJsonBytes()};
    const QByteArray body = shared.body;
    std::lock_guard lock(m_localMutex);
    // Only the date's current copy is worth keeping (another worker may hold a newer one).
    const auto current = m_local.constFind(scheduleId);
    if (current != m_local.cend() && current->rows == snapshot)
        m_bodies.insert(scheduleId, std::move(shared));
    return {body, snapshot->concertId};
}

qint64 ConcertService::createConcert(const ConcertDraft &draft)
{
    QSqlQuery &q
        = m_db.exec(u"INSERT INTO concerts(title, artist, venue, description, time_zone) "
                    "VALUES (?, ?, ?, ?, coalesce(?, ?)) RETURNING id"_s,
                    {sql::text(draft.title.trimmed()), sql::text(draft.artist),
                     sql::text(draft.venue), sql::text(draft.description),
                     sql::textOrNull(draft.timeZone), QString::fromLatin1(kDefaultVenueTimeZone)});
    q.next();
    return q.value(0).toLongLong();
}

qint64 ConcertService::createSchedule(qint64 concertId, const QDateTime &startsAt,
                                      const QDateTime &salesOpenAt, const QDateTime &salesCloseAt,
                                      const TierPrices &prices)
{
    return m_db.transact([&] {
        QSqlQuery &q = m_db.exec(
            u"INSERT INTO schedules(concert_id, starts_at, sales_open_at, sales_close_at) "
            "VALUES (?, ?, ?, ?) RETURNING id"_s,
            {concertId, startsAt.toUTC(), salesOpenAt.toUTC(), salesCloseAt.toUTC()});
        q.next();
        const qint64 id = q.value(0).toLongLong();
        m_db.exec(u"INSERT INTO seats(schedule_id, number, tier, price) "
                  "SELECT ?, n, t.tier, t.price FROM generate_series(1, 50) AS n "
                  "CROSS JOIN LATERAL (SELECT CASE WHEN n <= 10 THEN 'VIP' WHEN n <= 20 THEN 'R' "
                  "  WHEN n <= 35 THEN 'S' ELSE 'A' END AS tier, "
                  "  CASE WHEN n <= 10 THEN ?::bigint WHEN n <= 20 THEN ?::bigint "
                  "  WHEN n <= 35 THEN ?::bigint ELSE ?::bigint END AS price) t"_s,
                  {id, prices.vip, prices.r, prices.s, prices.a});
        return id;
    });
}

QList<SeatAvailability> ConcertService::availability(const QList<qint64> &scheduleIds)
{
    // Counted as loadSchedules() counts them, so the live figure matches GET /concerts.
    QSqlQuery &q = m_db.exec(
        u"SELECT s.schedule_id, count(*) FILTER (WHERE seat_on_sale(s)), count(*) FROM seats s "
        "WHERE s.schedule_id = ANY(?::bigint[]) GROUP BY s.schedule_id"_s,
        {sql::intArray(scheduleIds)});
    QList<SeatAvailability> out;
    while (q.next())
        out.append({q.value(0).toLongLong(), q.value(1).toInt(), q.value(2).toInt()});
    return out;
}

} // namespace encore::server
