#include "snapshotcache.h"

#include "cache/redisclient.h"
#include "metrics/metrics.h"

using namespace Qt::StringLiterals;

namespace encore::server {

SnapshotCache::SnapshotCache(RedisClient *redis)
    : m_redis(redis)
{
}

QByteArray SnapshotCache::seatMapKey(qint64 scheduleId)
{
    return "encore:seatmap:" + QByteArray::number(scheduleId);
}

QByteArray SnapshotCache::listingKey()
{
    return "encore:concerts";
}

std::optional<QByteArray> SnapshotCache::get(const QByteArray &key)
{
    if (!m_redis)
        return std::nullopt;
    try {
        const RedisValue v = m_redis->command({"GET", key});
        Metrics::instance().increment(u"encore_cache_requests_total"_s,
                                      v.isNil() ? u"result=\"miss\""_s : u"result=\"hit\""_s);
        if (v.isNil())
            return std::nullopt;
        return v.string;
    } catch (const RedisError &) {
        Metrics::instance().increment(u"encore_cache_requests_total"_s, u"result=\"error\""_s);
        return std::nullopt;
    }
}

void SnapshotCache::put(const QByteArray &key, const QByteArray &value, int ttlMs)
{
    if (!m_redis)
        return;
    try {
        m_redis->command({"SET", key, value, "PX", QByteArray::number(ttlMs)});
    } catch (const RedisError &) {
    }
}

void SnapshotCache::invalidate(const QByteArray &key)
{
    if (!m_redis)
        return;
    try {
        m_redis->command({"DEL", key});
    } catch (const RedisError &) {
        // The TTL bounds it.
    }
}

} // namespace encore::server
