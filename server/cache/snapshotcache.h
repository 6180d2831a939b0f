#pragma once
// SnapshotCache: short-lived Redis copies of read-heavy snapshots (a date's seat map, the concert
// listing) shared by every instance. Staleness bound: an entry lives at most its TTL (seat maps
// 1 s, the listing 2 s) and is deleted as soon as any instance hears of a change (seat NOTIFY,
// staff edits), so a reader sees a state at most one TTL older than the last committed change —
// and holds/payments never read it: they go to PostgreSQL. Redis trouble never fails a read:
// the cache steps aside and PostgreSQL answers. Disabled (all misses) without --redis.

#include <QByteArray>

#include <optional>

namespace encore::server {

class RedisClient;

class SnapshotCache
{
public:
    static constexpr int kSeatMapTtlMs = 1000;
    static constexpr int kListingTtlMs = 2000;

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
