#pragma once
// SnapshotCache: short-lived Redis copies of read-heavy snapshots (a date's seats, the concert
// listing) shared by every instance; ConcertService keeps an in-process copy of the seats in
// front of it with the same TTL. Staleness bound: each layer keeps an entry at most its TTL
// (seats 500 ms, listing 2 s) and both are dropped as soon as any instance hears of a change
// (local commit, seat NOTIFY, staff edit), so a seat map is never more than 2 x 500 ms = 1 s
// older than the last committed change (typically milliseconds) — and holds and payments never
// read it: they decide in PostgreSQL. Redis trouble never fails a read: the cache steps aside
// and PostgreSQL answers. The Redis layer is off without --redis.

#include <QByteArray>

#include <optional>

namespace encore::server {

class RedisClient;

class SnapshotCache {
public:
    static constexpr int kSeatMapTtlMs = 500;
    static constexpr int kListingTtlMs = 2000;
    static constexpr int kSeatMapBoundMs = 2 * kSeatMapTtlMs; // Redis copy + in-process copy

    explicit SnapshotCache(RedisClient *redis);

    static QByteArray seatMapKey(qint64 scheduleId);
    static QByteArray listingKey();

    std::optional<QByteArray> get(const QByteArray &key);
    void put(const QByteArray &key, const QByteArray &value, int ttlMs);
    void invalidate(const QByteArray &key);
    bool enabled() const { return m_redis != nullptr; }

private:
    RedisClient *m_redis;
};

} // namespace encore::server
