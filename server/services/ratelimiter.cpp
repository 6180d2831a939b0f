#include "ratelimiter.h"

#include "cache/redisclient.h"
#include "storage/database.h"
#include "storage/sqlvalues.h"

#include <QSqlQuery>

#include <cmath>

using namespace Qt::StringLiterals;

namespace encore::server {

namespace {

constexpr int kMaxListed = 200;
// A poll may come this much before its pace (the client's timer and the network wobble).
constexpr int kPaceSlackMs = 250;

QString counterKey(LimitKind kind, const QString &subject)
{
    return wordOf(kind) + u'|' + subject;
}

QString uuidText(const QUuid &id)
{
    return id.toString(QUuid::WithoutBraces);
}

// A PostgreSQL text[] literal; keys are words, UUIDs, digits and addresses (no quotes or
// backslashes), quoted for the commas and colons.
QString textArray(const QStringList &values)
{
    QStringList quoted;
    for (const QString &v : values)
        quoted.append(u'"' + v + u'"');
    return u'{' + quoted.join(u',') + u'}';
}

// Redis: counters are hashes encore:rl:<kind>|<subject> {hits, limit, refused} that expire with
// their window; encore:rl:watch (ZSET key → window end) lists those staff should see; a ticket's
// pace is encore:rl:pace:<token hash hex>, expiring when it may ask again.
#define LIMIT_LUA_PRELUDE                                                                          \
    "local t = redis.call('TIME'); local now = tonumber(t[1]) * 1000 + "                           \
    "math.floor(tonumber(t[2]) / 1000)\n"                                                          \
    "local function count(name, lim, refusedToo)\n"                                                \
    "  local key = 'encore:rl:' .. name\n"                                                         \
    "  local hits = redis.call('HINCRBY', key, 'hits', 1)\n"                                       \
    "  if hits == 1 then redis.call('PEXPIRE', key, 60000); redis.call('HSET', key, 'limit', "     \
    "lim) "                                                                                        \
    "end\n"                                                                                        \
    "  local over = refusedToo or hits > lim\n"                                                    \
    "  if over then redis.call('HINCRBY', key, 'refused', 1) end\n"                                \
    "  if over or hits == math.floor(lim / 2) + 1 then\n"                                          \
    "    redis.call('ZADD', 'encore:rl:watch', now + redis.call('PTTL', key), name)\n"             \
    "  end\n"                                                                                      \
    "  if over then return redis.call('PTTL', key) end\n"                                          \
    "  return 0\n"                                                                                 \
    "end\n"

// ARGV: pace key ('' for none), then (counter, limit) pairs. Returns {longest wait ms of a
// counter over its limit, the pace's wait ms}.
const RedisScript kHit(LIMIT_LUA_PRELUDE
                       "local over = 0\n"
                       "for i = 2, #ARGV, 2 do\n"
                       "  over = math.max(over, count(ARGV[i], tonumber(ARGV[i + 1]), false))\n"
                       "end\n"
                       "local pace = 0\n"
                       "if ARGV[1] ~= '' then\n"
                       "  pace = math.max(0, redis.call('PTTL', 'encore:rl:pace:' .. ARGV[1]))\n"
                       "end\n"
                       "return {over, pace}\n");

// ARGV: counter, limit. Counts a refusal decided elsewhere.
const RedisScript kRefuse(LIMIT_LUA_PRELUDE "return count(ARGV[1], tonumber(ARGV[2]), true)\n");

// No ARGV. {counter, hits, limit, refused, ms left} of the watched counters still in their window.
const RedisScript kCounters(
    LIMIT_LUA_PRELUDE
    "redis.call('ZREMRANGEBYSCORE', 'encore:rl:watch', '-inf', now)\n"
    "local out = {}\n"
    "for _, name in ipairs(redis.call('ZRANGE', 'encore:rl:watch', 0, 999)) do\n"
    "  local v = redis.call('HMGET', 'encore:rl:' .. name, 'hits', 'limit', 'refused')\n"
    "  if v[1] then\n"
    "    table.insert(out, {name, tonumber(v[1]), tonumber(v[2] or 0), tonumber(v[3] or 0), "
    "redis.call('PTTL', 'encore:rl:' .. name)})\n"
    "  end\n"
    "end\n"
    "return out\n");

// ARGV: counter, or none for every counter and pace. Returns how many keys went.
const RedisScript kClear("if #ARGV == 1 then\n"
                         "  redis.call('ZREM', 'encore:rl:watch', ARGV[1])\n"
                         "  return redis.call('DEL', 'encore:rl:' .. ARGV[1])\n"
                         "end\n"
                         "local n = 0; local cursor = '0'\n"
                         "repeat\n"
                         "  local r = redis.call('SCAN', cursor, 'MATCH', 'encore:rl:*', 'COUNT', "
                         "1000)\n"
                         "  cursor = r[1]\n"
                         "  for _, key in ipairs(r[2]) do n = n + redis.call('DEL', key) end\n"
                         "until cursor == '0'\n"
                         "return n\n");

int waitSeconds(double seconds)
{
    return std::max(1, int(std::ceil(seconds)));
}

} // namespace

RateLimiter::RateLimiter(Database &db, RedisClient *redis, const ServerConfig &config)
    : m_db(db)
    , m_redis(redis)
    , m_limits(config.limits)
{
}

QString RateLimiter::addressText(const QHostAddress &address)
{
    bool mapped = false;
    const quint32 v4 = address.toIPv4Address(&mapped);
    return mapped ? QHostAddress(v4).toString() : address.toString();
}

void RateLimiter::queueJoin(const QUuid &userId, const QHostAddress &address)
{
    hit({{LimitKind::JoinAccount, uuidText(userId), m_limits.joinsPerAccount},
         {LimitKind::JoinAddress, addressText(address), m_limits.joinsPerAddress}});
}

void RateLimiter::queuePoll(const QUuid &userId, const QHostAddress &address,
                            const QByteArray &tokenHash)
{
    hit({{LimitKind::PollAccount, uuidText(userId), m_limits.pollsPerAccount},
         {LimitKind::PollAddress, addressText(address), m_limits.pollsPerAddress}},
        m_limits.pollPacePercent > 0 ? tokenHash.toHex() : QByteArray(), uuidText(userId));
}

void RateLimiter::holdAttempt(const QUuid &userId)
{
    hit({{LimitKind::HoldAccount, uuidText(userId), m_limits.holdsPerAccount}});
}

void RateLimiter::seatWaitJoin(const QUuid &userId, const QHostAddress &address)
{
    hit({{LimitKind::SeatWaitAccount, uuidText(userId), m_limits.seatWaitsPerAccount},
         {LimitKind::SeatWaitAddress, addressText(address), m_limits.seatWaitsPerAddress}});
}

void RateLimiter::pollAnswered(const QByteArray &tokenHash, int pollAfterMs)
{
    const int paceMs = pollAfterMs * m_limits.pollPacePercent / 100 - kPaceSlackMs;
    if (paceMs <= 0)
        return;
    if (m_redis) {
        m_redis->command(
            {"SET", "encore:rl:pace:" + tokenHash.toHex(), "1", "PX", QByteArray::number(paceMs)});
        return;
    }
    m_db.exec(u"INSERT INTO queue_poll_pace(token_hash, allowed_at) "
              "VALUES (?, now() + make_interval(secs => ?)) ON CONFLICT (token_hash) "
              "DO UPDATE SET allowed_at = EXCLUDED.allowed_at"_s,
              {tokenHash.toHex(), paceMs / 1000.0});
}

void RateLimiter::addressFull(qint64 concertId, const QHostAddress &address, int limit)
{
    const QString key = counterKey(LimitKind::AddressAccounts,
                                   QString::number(concertId) + u'/' + addressText(address));
    if (m_redis) {
        m_redis->eval(kRefuse, {}, {key.toUtf8(), QByteArray::number(limit)});
        return;
    }
    m_db.exec(u"INSERT INTO rate_counters AS r (key, window_ends, hits, limit_value, refused) "
              "VALUES (?, now() + interval '60 seconds', 1, ?, 1) ON CONFLICT (key) DO UPDATE "
              "SET hits = CASE WHEN r.window_ends <= now() THEN 1 ELSE r.hits + 1 END, "
              " refused = CASE WHEN r.window_ends <= now() THEN 1 ELSE r.refused + 1 END, "
              " window_ends = CASE WHEN r.window_ends <= now() THEN EXCLUDED.window_ends "
              "   ELSE r.window_ends END, limit_value = EXCLUDED.limit_value"_s,
              {key, limit});
}

void RateLimiter::hit(const QList<Rule> &rules, const QByteArray &paceKey,
                      const QString &paceSubject)
{
    QList<Rule> on;
    for (const Rule &r : rules)
        if (r.limit > 0)
            on.append(r);
    if (on.isEmpty() && paceKey.isEmpty())
        return;
    const Verdict v = m_redis ? hitRedis(on, paceKey) : hitPostgres(on, paceKey);
    if (v.overWaitSeconds > 0)
        throw ApiError(ErrorCode::RateLimited, Msg::SlowDown,
                       messageArgs(waitSeconds(v.overWaitSeconds)),
                       {{api::details::kRetryAfterSeconds, waitSeconds(v.overWaitSeconds)}});
    if (v.paceWaitSeconds > 0) {
        // Polls faster than told: answered from here, without reading the queue.
        const QString key = counterKey(LimitKind::PollPace, paceSubject);
        if (m_redis)
            m_redis->eval(kRefuse, {}, {key.toUtf8(), "1"});
        else
            m_db.exec(
                u"INSERT INTO rate_counters AS r (key, window_ends, hits, limit_value, refused) "
                "VALUES (?, now() + interval '60 seconds', 1, 0, 1) ON CONFLICT (key) DO UPDATE "
                "SET hits = CASE WHEN r.window_ends <= now() THEN 1 ELSE r.hits + 1 END, "
                " refused = CASE WHEN r.window_ends <= now() THEN 1 ELSE r.refused + 1 END, "
                " window_ends = CASE WHEN r.window_ends <= now() THEN EXCLUDED.window_ends "
                "   ELSE r.window_ends END"_s,
                {key});
        throw ApiError(ErrorCode::RateLimited, Msg::PollTooSoon,
                       messageArgs(waitSeconds(v.paceWaitSeconds)),
                       {{api::details::kRetryAfterSeconds, waitSeconds(v.paceWaitSeconds)}});
    }
}

RateLimiter::Verdict RateLimiter::hitPostgres(const QList<Rule> &rules, const QByteArray &paceKey)
{
    QStringList keys;
    QList<qint64> limits;
    for (const Rule &r : rules) {
        keys.append(counterKey(r.kind, r.subject));
        limits.append(r.limit);
    }
    // One statement: every counter of the request in its window, and the ticket's pace.
    QSqlQuery &q = m_db.exec(
        u"WITH input AS (SELECT * FROM unnest(?::text[], ?::bigint[]) AS i(key, lim)), "
        "up AS (INSERT INTO rate_counters AS r (key, window_ends, hits, limit_value) "
        "  SELECT key, now() + interval '60 seconds', 1, lim FROM input "
        "  ON CONFLICT (key) DO UPDATE SET "
        "   hits = CASE WHEN r.window_ends <= now() THEN 1 ELSE r.hits + 1 END, "
        "   refused = CASE WHEN r.window_ends <= now() THEN 0 "
        "     ELSE r.refused + (r.hits + 1 > EXCLUDED.limit_value)::int END, "
        "   window_ends = CASE WHEN r.window_ends <= now() THEN EXCLUDED.window_ends "
        "     ELSE r.window_ends END, "
        "   limit_value = EXCLUDED.limit_value "
        "  RETURNING hits > limit_value AS over, extract(epoch FROM window_ends - now()) AS wait) "
        "SELECT coalesce(max(wait) FILTER (WHERE over), 0), "
        " coalesce((SELECT extract(epoch FROM allowed_at - now()) FROM queue_poll_pace "
        "   WHERE token_hash = ? AND allowed_at > now()), 0) FROM up"_s,
        {textArray(keys), sql::intArray(limits), paceKey});
    q.next();
    return {q.value(0).toDouble(), q.value(1).toDouble()};
}

RateLimiter::Verdict RateLimiter::hitRedis(const QList<Rule> &rules, const QByteArray &paceKey)
{
    QList<QByteArray> args {paceKey};
    for (const Rule &r : rules)
        args << counterKey(r.kind, r.subject).toUtf8() << QByteArray::number(r.limit);
    const RedisValue v = m_redis->eval(kHit, {}, args);
    return {v.array.value(0).toInteger() / 1000.0, v.array.value(1).toInteger() / 1000.0};
}

QList<AbuseCounter> RateLimiter::counters()
{
    QList<AbuseCounter> out;
    const auto add = [&out](const QString &key, qint64 hits, qint64 limit, qint64 refused,
                            const QDateTime &resetsAt) {
        const qsizetype bar = key.indexOf(u'|');
        const auto kind = enumFromWord<LimitKind>(key.left(bar));
        if (bar > 0 && kind)
            out.append({*kind, key.mid(bar + 1), hits, limit, refused, resetsAt});
    };
    if (m_redis) {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        for (const RedisValue &row : m_redis->eval(kCounters, {}, {}).array)
            add(QString::fromUtf8(row.array.value(0).string), row.array.value(1).toInteger(),
                row.array.value(2).toInteger(), row.array.value(3).toInteger(),
                now.addMSecs(row.array.value(4).toInteger()));
    } else {
        QSqlQuery &q = m_db.exec(u"SELECT key, hits, limit_value, refused, window_ends "
                                 "FROM rate_counters WHERE window_ends > now() "
                                 "AND (refused > 0 OR hits * 2 > limit_value) "
                                 "ORDER BY refused DESC, hits DESC LIMIT ?"_s,
                                 {kMaxListed});
        while (q.next())
            add(q.value(0).toString(), q.value(1).toLongLong(), q.value(2).toLongLong(),
                q.value(3).toLongLong(), q.value(4).toDateTime().toUTC());
    }
    std::stable_sort(out.begin(), out.end(), [](const AbuseCounter &a, const AbuseCounter &b) {
        return a.refused != b.refused ? a.refused > b.refused : a.count > b.count;
    });
    if (out.size() > kMaxListed)
        out.resize(kMaxListed);
    return out;
}

int RateLimiter::clear(std::optional<LimitKind> kind, const QString &subject)
{
    if (m_redis) {
        QList<QByteArray> args;
        if (kind)
            args.append(counterKey(*kind, subject).toUtf8());
        return int(m_redis->eval(kClear, {}, args).toInteger());
    }
    if (kind)
        return m_db.exec(u"DELETE FROM rate_counters WHERE key = ?"_s, {counterKey(*kind, subject)})
            .numRowsAffected();
    const int n = m_db.exec(u"DELETE FROM rate_counters"_s).numRowsAffected();
    m_db.exec(u"DELETE FROM queue_poll_pace"_s);
    return n;
}

void RateLimiter::prune()
{
    if (m_redis)
        return;
    m_db.exec(u"DELETE FROM rate_counters WHERE window_ends < now() - interval '10 minutes'"_s);
    m_db.exec(u"DELETE FROM queue_poll_pace WHERE allowed_at < now() - interval '10 minutes'"_s);
}

} // namespace encore::server
