#include "redisqueuestore.h"

#include "auth/passwordhasher.h"
#include "queue/fairshuffle.h"
#include "queue/queueservice.h"
#include "storage/database.h"

#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace encore::server {

namespace {

QByteArray concertKey(qint64 concertId, const char *what)
{
    return "encore:q:" + QByteArray::number(concertId) + ':' + what;
}

QByteArray userText(const QUuid &id)
{
    return id.toByteArray(QUuid::WithoutBraces);
}

// Keys of concert C (users are UUID text, times Redis TIME in ms):
//   encore:q:C:waiting     ZSET user → arrival (from :seq), the line
//   encore:q:C:active      ZSET user → activeUntil
//   encore:q:C:tokens      HASH user → token hash (hex) of the live entry
//   encore:q:C:admitted    ZSET "ms:user" → ms, the last ten minutes of admissions (throughput)
//   encore:q:C:admissions  ZSET "arrival:user" → ms, every admission, never trimmed (one member
//                          per admission, like queue_entries' rows): which arrival got in when,
//                          what the contract tests check admission order and rate on
//   encore:q:C:pre         ZSET user → joined (ms), the pre-queue: no place until the opening
//   encore:q:C:openings    HASH opensAt (ms) → "shuffledAt:placed", one per opening (exactly once)
//   encore:q:C:addr:A      SET of users whose live entry joined from client address A
//   encore:q:C:seq, :settings (mirror of queue_settings), :bucket (token bucket), :completed
//   encore:qt:HASH         "user|C" for a live token (expires after a day)
//   encore:q:concerts      SET of concerts with a line
// Shared Lua prelude: the clock in milliseconds and the keys of a concert.
#define LUA_PRELUDE                                                                                \
    "local t = redis.call('TIME'); local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) " \
    "/ 1000)\n"                                                                                    \
    "local function k(c, what) return 'encore:q:' .. c .. ':' .. what end\n"                       \
    "local function entry(hash)\n"                                                                 \
    "  local v = redis.call('GET', 'encore:qt:' .. hash); if not v then return nil end\n"          \
    "  local sep = string.find(v, '|'); local user = string.sub(v, 1, sep - 1); local c = "        \
    "string.sub(v, sep + 1)\n"                                                                     \
    "  if redis.call('HGET', k(c, 'tokens'), user) ~= hash then return nil end\n"                  \
    "  local a = redis.call('ZSCORE', k(c, 'active'), user)\n"                                     \
    "  if a and tonumber(a) > now then return {user, c, 1, tonumber(a), 0} end\n"                  \
    "  if redis.call('ZSCORE', k(c, 'waiting'), user) then return {user, c, 0, 0, 0} end\n"        \
    "  if redis.call('ZSCORE', k(c, 'pre'), user) then return {user, c, 0, 0, 1} end\n"            \
    "  return nil\n"                                                                               \
    "end\n"

// KEYS: none. ARGV: user, concert, token hash (hex), pre-queue (1/0), client address, live
// accounts allowed from it (0: any). Returns 1 for a new entry, 0 for a rotated token, -1 when
// sales are open but the pre-queue is not placed yet, -2 when the address has no room.
const RedisScript kJoin(
    LUA_PRELUDE
    "local user, c, hash, pre, addr, maxAddr = ARGV[1], ARGV[2], ARGV[3], ARGV[4] == '1', "
    "ARGV[5], tonumber(ARGV[6])\n"
    "local a = redis.call('ZSCORE', k(c, 'active'), user)\n"
    "if a and tonumber(a) <= now then redis.call('ZREM', k(c, 'active'), user); a = nil end\n"
    "local live = a or redis.call('ZSCORE', k(c, 'waiting'), user) or redis.call('ZSCORE', "
    "k(c, 'pre'), user)\n"
    "local akey = k(c, 'addr:' .. addr)\n"
    "if not live then\n"
    "  if maxAddr > 0 then\n"
    "    for _, u in ipairs(redis.call('SMEMBERS', akey)) do\n"
    "      if redis.call('HEXISTS', k(c, 'tokens'), u) == 0 then redis.call('SREM', akey, u) end\n"
    "    end\n"
    "    if redis.call('SCARD', akey) >= maxAddr then return -2 end\n"
    "  end\n"
    "  if not pre and redis.call('ZCARD', k(c, 'pre')) > 0 then return -1 end\n"
    "end\n"
    "local old = redis.call('HGET', k(c, 'tokens'), user)\n"
    "if old then redis.call('DEL', 'encore:qt:' .. old) end\n"
    "redis.call('HSET', k(c, 'tokens'), user, hash)\n"
    "redis.call('SET', 'encore:qt:' .. hash, user .. '|' .. c, 'EX', 86400)\n"
    "redis.call('SADD', 'encore:q:concerts', c)\n"
    "if live then return 0 end\n"
    "redis.call('SADD', akey, user)\n"
    "if pre then redis.call('ZADD', k(c, 'pre'), now, user)\n"
    "else redis.call('ZADD', k(c, 'waiting'), redis.call('INCR', k(c, 'seq')), user) end\n"
    "return 1\n");

// ARGV: concert, opening (ms), then the pre-queue's users in the order to place them (shuffled
// by the caller). The first call for an opening places them in that order and records it; any
// later one (or users the caller did not know of) goes in joining order. Returns {placed,
// shuffled}.
const RedisScript
    kOpen(LUA_PRELUDE
          "local c = ARGV[1]; local pre = k(c, 'pre')\n"
          "if redis.call('ZCARD', pre) == 0 then return {0, 0} end\n"
          "local first = redis.call('HEXISTS', k(c, 'openings'), ARGV[2]) == 0\n"
          "local placed = 0\n"
          "local function place(user)\n"
          "  if redis.call('ZREM', pre, user) == 1 then\n"
          "    redis.call('ZADD', k(c, 'waiting'), redis.call('INCR', k(c, 'seq')), user)\n"
          "    placed = placed + 1\n"
          "  end\n"
          "end\n"
          "if first then for i = 3, #ARGV do place(ARGV[i]) end end\n"
          "for _, user in ipairs(redis.call('ZRANGE', pre, 0, -1)) do place(user) end\n"
          "if first then redis.call('HSET', k(c, 'openings'), ARGV[2], now .. ':' .. placed) end\n"
          "return {placed, first and 1 or 0}\n");

// ARGV: concert. The users of the pre-queue, in joining order, with their joining time (ms).
const RedisScript kPreQueue(LUA_PRELUDE
                            "return redis.call('ZRANGE', k(ARGV[1], 'pre'), 0, tonumber(ARGV[2]) "
                            "- 1, 'WITHSCORES')\n");

// No ARGV. The concerts with someone in their pre-queue.
const RedisScript kWithPreQueue(LUA_PRELUDE
                                "local out = {}\n"
                                "for _, c in ipairs(redis.call('SMEMBERS', 'encore:q:concerts')) "
                                "do\n"
                                "  if redis.call('ZCARD', k(c, 'pre')) > 0 then table.insert(out, "
                                "c) end\n"
                                "end\n"
                                "return out\n");

// ARGV: token hash. Returns {user, concert, active, activeUntilMs} or nil.
const RedisScript kEntry(LUA_PRELUDE "return entry(ARGV[1])\n");

// ARGV: token hash. Returns entry .. {ahead, recent, spanMs, active, maxActive, perMinute, paused,
// changedAgoMs} or nil; {"nosettings", concert} when the settings are not mirrored yet.
const RedisScript
    kSnapshot(LUA_PRELUDE
              "local e = entry(ARGV[1]); if not e then return nil end\n"
              "local c = e[2]\n"
              "local s = redis.call('HMGET', k(c, 'settings'), 'maxActive', 'perMinute', 'paused', "
              "'changedAt')\n"
              "if not s[1] then return {'nosettings', c} end\n"
              "local ahead = 0; local preCount = 0\n"
              "if e[5] == 1 then preCount = redis.call('ZCARD', k(c, 'pre'))\n"
              "elseif e[3] == 0 then ahead = redis.call('ZRANK', k(c, 'waiting'), e[1]) end\n"
              // The last minute's admissions, or the five latest of the last ten minutes when
              // the minute holds fewer (QueueSnapshot::recentAdmitted).
              "local recent = redis.call('ZCOUNT', k(c, 'admitted'), now - 60000, '+inf')\n"
              "local from = now - 60000\n"
              "if recent < 5 then from = now - 600000\n"
              "  recent = math.min(5, redis.call('ZCOUNT', k(c, 'admitted'), from, '+inf')) end\n"
              "local span = 0\n"
              "if recent > 0 then\n"
              "  local oldest = redis.call('ZREVRANGEBYSCORE', k(c, 'admitted'), '+inf', from, "
              "'WITHSCORES', 'LIMIT', recent - 1, 1)\n"
              "  if oldest[2] then span = now - tonumber(oldest[2]) end\n"
              "end\n"
              "local active = redis.call('ZCOUNT', k(c, 'active'), '(' .. now, '+inf')\n"
              "return {e[1], e[2], e[3], e[4], ahead, recent, span, active, tonumber(s[1]), "
              "tonumber(s[2]), tonumber(s[3]), now - tonumber(s[4] or 0), e[5], preCount}\n");

// ARGV: user, token hash. Returns 1 when the entry ended now.
const RedisScript
    kLeave(LUA_PRELUDE
           "local e = entry(ARGV[2]); if not e or e[1] ~= ARGV[1] then return 0 end\n"
           "local c = e[2]\n"
           "redis.call('ZREM', k(c, 'waiting'), e[1]); redis.call('ZREM', k(c, 'active'), e[1])\n"
           "redis.call('ZREM', k(c, 'pre'), e[1])\n"
           "redis.call('HDEL', k(c, 'tokens'), e[1]); redis.call('DEL', 'encore:qt:' .. ARGV[2])\n"
           "return 1\n");

// Ends a user's entry in concert c (after payment, or on staff's word); returns how many of
// the line and the active set it was in.
#define LUA_END_ENTRY                                                                              \
    "local function endEntry(user, c)\n"                                                           \
    "  local n = redis.call('ZREM', k(c, 'waiting'), user) + redis.call('ZREM', k(c, 'active'), "  \
    "user) + redis.call('ZREM', k(c, 'pre'), user)\n"                                              \
    "  local hash = redis.call('HGET', k(c, 'tokens'), user)\n"                                    \
    "  if hash then redis.call('DEL', 'encore:qt:' .. hash); redis.call('HDEL', k(c, 'tokens'), "  \
    "user) end\n"                                                                                  \
    "  return n\n"                                                                                 \
    "end\n"

// ARGV: user, concert. Ends the user's entry after payment.
const RedisScript kComplete(LUA_PRELUDE LUA_END_ENTRY
                            "local n = endEntry(ARGV[1], ARGV[2])\n"
                            "if n > 0 then redis.call('INCR', k(ARGV[2], 'completed')) end\n"
                            "return n\n");

// ARGV: user, concert. Ends the user's entry on staff's word.
const RedisScript kRemove(LUA_PRELUDE LUA_END_ENTRY "return endEntry(ARGV[1], ARGV[2])\n");

// ARGV: concert. Ends every entry of the concert; returns how many there were.
const RedisScript kRemoveAll(LUA_PRELUDE LUA_END_ENTRY
                             "local c = ARGV[1]; local n = 0\n"
                             "for _, user in ipairs(redis.call('HKEYS', k(c, 'tokens'))) do\n"
                             "  if endEntry(user, c) > 0 then n = n + 1 end\n"
                             "end\n"
                             "redis.call('DEL', k(c, 'waiting'), k(c, 'active'), k(c, 'pre'))\n"
                             "return n\n");

// ARGV: concert. Ends every pre-queue entry of the concert; returns how many there were.
const RedisScript kClearPreQueue(LUA_PRELUDE LUA_END_ENTRY
                                 "local c = ARGV[1]; local n = 0\n"
                                 "for _, user in ipairs(redis.call('ZRANGE', k(c, 'pre'), 0, -1)) "
                                 "do\n"
                                 "  if endEntry(user, c) > 0 then n = n + 1 end\n"
                                 "end\n"
                                 "return n\n");

// ARGV: user. Returns {concert, active, activeUntilMs, ahead} for each live entry of the user.
const RedisScript kEntriesOf(LUA_PRELUDE
                             "local user = ARGV[1]; local out = {}\n"
                             "for _, c in ipairs(redis.call('SMEMBERS', 'encore:q:concerts')) do\n"
                             "  local a = redis.call('ZSCORE', k(c, 'active'), user)\n"
                             "  if a and tonumber(a) > now then\n"
                             "    table.insert(out, {c, 1, tonumber(a), 0})\n"
                             "  else\n"
                             "    local r = redis.call('ZRANK', k(c, 'waiting'), user)\n"
                             "    if r then table.insert(out, {c, 0, 0, r, 0})\n"
                             "    elseif redis.call('ZSCORE', k(c, 'pre'), user) then\n"
                             "      table.insert(out, {c, 0, 0, 0, 1})\n"
                             "    end\n"
                             "  end\n"
                             "end\n"
                             "return out\n");

// ARGV: user, concert, new end of the turn (ms). Extends a live ACTIVE turn, never shortens one.
const RedisScript kExtendTurn(LUA_PRELUDE
                              "local user, c, untilMs = ARGV[1], ARGV[2], tonumber(ARGV[3])\n"
                              "local a = redis.call('ZSCORE', k(c, 'active'), user)\n"
                              "if not a or tonumber(a) <= now or tonumber(a) >= untilMs then "
                              "return 0 end\n"
                              "redis.call('ZADD', k(c, 'active'), untilMs, user)\n"
                              "return 1\n");

// ARGV: user, concert, end of the turn (ms), a token hash nobody holds (hex). Gives the user an
// ACTIVE turn outside the line's order (waiting-list offers): out of the line or the pre-queue,
// into the active set until at least then; a user without an entry gets one.
const RedisScript
    kGrantTurn(LUA_PRELUDE
               "local user, c, untilMs, hash = ARGV[1], ARGV[2], tonumber(ARGV[3]), ARGV[4]\n"
               "redis.call('ZREM', k(c, 'waiting'), user); redis.call('ZREM', k(c, 'pre'), user)\n"
               "local a = tonumber(redis.call('ZSCORE', k(c, 'active'), user) or 0)\n"
               "redis.call('ZADD', k(c, 'active'), math.max(a, untilMs), user)\n"
               "if not redis.call('HGET', k(c, 'tokens'), user) then\n"
               "  redis.call('HSET', k(c, 'tokens'), user, hash)\n"
               "  redis.call('SET', 'encore:qt:' .. hash, user .. '|' .. c, 'EX', 86400)\n"
               "end\n"
               "redis.call('SADD', 'encore:q:concerts', c)\n"
               "return 1\n");

// ARGV: concert. Expires, refills the token bucket and admits by arrival. Returns {admitted,
// expired}, or -1 when the settings are not mirrored yet.
const RedisScript kAdmit(
    LUA_PRELUDE
    "local c = ARGV[1]\n"
    "local s = redis.call('HMGET', k(c, 'settings'), 'maxActive', 'perMinute', 'ttl', 'paused')\n"
    "if not s[1] then return -1 end\n"
    "local maxActive, perMinute, ttl, paused = tonumber(s[1]), tonumber(s[2]), tonumber(s[3]), "
    "tonumber(s[4]) == 1\n"
    "local expired = redis.call('ZRANGEBYSCORE', k(c, 'active'), '-inf', now)\n"
    "for _, user in ipairs(expired) do\n"
    "  local hash = redis.call('HGET', k(c, 'tokens'), user)\n"
    "  if hash then redis.call('DEL', 'encore:qt:' .. hash); redis.call('HDEL', k(c, 'tokens'), "
    "user) end\n"
    "end\n"
    "redis.call('ZREMRANGEBYSCORE', k(c, 'active'), '-inf', now)\n"
    "local b = redis.call('HMGET', k(c, 'bucket'), 'credit', 'at')\n"
    "local credit = tonumber(b[1] or 1); local at = tonumber(b[2] or now)\n"
    "credit = math.min(math.max(1, perMinute / 60), credit + (now - at) / 1000 * perMinute / 60)\n"
    "local room = math.min(math.floor(credit), maxActive - redis.call('ZCARD', k(c, 'active')))\n"
    "if paused then room = 0 end\n"
    "local admitted = 0\n"
    "if room > 0 then\n"
    "  local popped = redis.call('ZPOPMIN', k(c, 'waiting'), room)\n"
    "  for i = 1, #popped, 2 do\n"
    "    redis.call('ZADD', k(c, 'active'), now + ttl * 1000, popped[i])\n"
    "    redis.call('ZADD', k(c, 'admitted'), now, now .. ':' .. popped[i])\n"
    "    redis.call('ZADD', k(c, 'admissions'), now, popped[i + 1] .. ':' .. popped[i])\n"
    "    admitted = admitted + 1\n"
    "  end\n"
    "end\n"
    "if paused or admitted < room then credit = math.min(credit, 1) else credit = credit - "
    "admitted end\n"
    "redis.call('HSET', k(c, 'bucket'), 'credit', tostring(credit), 'at', now)\n"
    "redis.call('ZREMRANGEBYSCORE', k(c, 'admitted'), '-inf', now - 600000)\n"
    "return {admitted, #expired}\n");

const RedisScript kCounts(LUA_PRELUDE
                          "local c = ARGV[1]\n"
                          "return {redis.call('ZCARD', k(c, 'waiting')), redis.call('ZCOUNT', k(c, "
                          "'active'), '(' .. now, '+inf'),\n"
                          "        redis.call('ZCOUNT', k(c, 'admitted'), now - 60000, '+inf'), "
                          "tonumber(redis.call('GET', k(c, 'completed')) or 0), "
                          "redis.call('ZCARD', k(c, 'pre'))}\n");

QueueEntry entryFrom(const QList<RedisValue> &a)
{
    QueueEntry e;
    e.userId = QUuid::fromString(QString::fromLatin1(a.value(0).string));
    e.concertId = a.value(1).toInteger();
    e.active = a.value(2).toInteger() == 1;
    if (e.active)
        e.activeUntil = QDateTime::fromMSecsSinceEpoch(a.value(3).toInteger(), Qt::UTC);
    e.preQueue = a.value(4).toInteger() == 1;
    return e;
}

} // namespace

RedisQueueStore::RedisQueueStore(RedisClient &redis, Database &db)
    : m_redis(redis)
    , m_db(db)
{
}

void RedisQueueStore::announce(qint64 concertId)
{
    m_db.exec(u"SELECT pg_notify('encore_queue', ?)"_s, {QString::number(concertId)});
}

void RedisQueueStore::loadSettings(qint64 concertId)
{
    QSqlQuery &q = m_db.exec(
        u"SELECT max_active, admit_per_minute, active_ttl_seconds, paused, "
        "(extract(epoch FROM updated_at) * 1000)::bigint FROM queue_settings WHERE concert_id = ?"_s,
        {concertId});
    if (!q.next())
        return;
    m_redis.command({"HSET", concertKey(concertId, "settings"), "maxActive",
                     q.value(0).toByteArray(), "perMinute", q.value(1).toByteArray(), "ttl",
                     q.value(2).toByteArray(), "paused", q.value(3).toBool() ? "1" : "0",
                     "changedAt", q.value(4).toByteArray()});
}

void RedisQueueStore::settingsChanged(qint64 concertId, const QueueSettings &s)
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    m_redis.command({"HSET", concertKey(concertId, "settings"), "maxActive",
                     QByteArray::number(s.maxActive), "perMinute",
                     QByteArray::number(s.admitPerMinute), "ttl",
                     QByteArray::number(s.activeTtlSeconds), "paused", s.paused ? "1" : "0",
                     "changedAt", QByteArray::number(now)});
    announce(concertId);
}

JoinOutcome RedisQueueStore::join(const JoinRequest &in)
{
    const qint64 result
        = m_redis
              .eval(kJoin, {},
                    {userText(in.userId), QByteArray::number(in.concertId), in.tokenHash.toHex(),
                     in.preQueue ? "1" : "0", in.clientAddress.toUtf8(),
                     QByteArray::number(in.maxPerAddress)})
              .toInteger();
    if (result == -1)
        return JoinOutcome::NeedsOpening;
    if (result == -2)
        return JoinOutcome::AddressFull;
    // The token is handed out only once a replica holds it (see the header: failover).
    m_redis.waitForReplica();
    return result == 1 ? JoinOutcome::Added : JoinOutcome::Rotated;
}

std::pair<qint64, bool> RedisQueueStore::openPreQueue(qint64 concertId, const QDateTime &opensAt)
{
    const QByteArray concert = QByteArray::number(concertId);
    QList<QByteArray> args {concert, QByteArray::number(opensAt.toMSecsSinceEpoch())};
    QList<QByteArray> users;
    const RedisValue pre = m_redis.command({"ZRANGE", concertKey(concertId, "pre"), "0", "-1"});
    for (const RedisValue &v : pre.array)
        users.append(v.string);
    fairShuffle(users); // used only by the first call for this opening (the script decides)
    args += users;
    const RedisValue v = m_redis.eval(kOpen, {}, args);
    const qint64 placed = v.array.value(0).toInteger();
    const bool shuffled = v.array.value(1).toInteger() == 1;
    if (placed > 0) {
        m_redis.waitForReplica();
        announce(concertId);
    }
    return {placed, shuffled};
}

QList<qint64> RedisQueueStore::concertsWithPreQueue()
{
    QList<qint64> out;
    for (const RedisValue &v : m_redis.eval(kWithPreQueue, {}, {}).array)
        out.append(v.toInteger());
    return out;
}

QList<PreQueueMember> RedisQueueStore::preQueue(qint64 concertId, int limit)
{
    QList<PreQueueMember> out;
    const RedisValue v
        = m_redis.eval(kPreQueue, {}, {QByteArray::number(concertId), QByteArray::number(limit)});
    for (qsizetype i = 0; i + 1 < v.array.size(); i += 2)
        out.append({QUuid::fromString(QString::fromLatin1(v.array[i].string)),
                    QDateTime::fromMSecsSinceEpoch(v.array[i + 1].toInteger(), Qt::UTC)});
    return out;
}

int RedisQueueStore::clearPreQueue(qint64 concertId)
{
    const int removed
        = int(m_redis.eval(kClearPreQueue, {}, {QByteArray::number(concertId)}).toInteger());
    if (removed > 0)
        announce(concertId);
    return removed;
}

std::optional<QueueEntry> RedisQueueStore::entry(const QByteArray &tokenHash)
{
    const RedisValue v = m_redis.eval(kEntry, {}, {tokenHash.toHex()});
    if (v.isNil())
        return std::nullopt;
    return entryFrom(v.array);
}

std::optional<QueueSnapshot> RedisQueueStore::snapshot(const QByteArray &tokenHash)
{
    RedisValue v = m_redis.eval(kSnapshot, {}, {tokenHash.toHex()});
    if (!v.isNil() && v.array.value(0).string == "nosettings") {
        loadSettings(v.array.value(1).toInteger());
        v = m_redis.eval(kSnapshot, {}, {tokenHash.toHex()});
    }
    if (v.isNil() || v.array.size() < 14)
        return std::nullopt;
    QueueSnapshot s;
    s.entry = entryFrom(v.array);
    s.ahead = v.array[4].toInteger();
    s.recentAdmitted = v.array[5].toInteger();
    s.spanSeconds = double(v.array[6].toInteger()) / 1000.0;
    s.activeCount = v.array[7].toInteger();
    s.maxActive = int(v.array[8].toInteger());
    s.admitPerMinute = int(v.array[9].toInteger());
    s.paused = v.array[10].toInteger() == 1;
    s.settingsChanged = v.array[11].toInteger() < 120'000;
    s.entry.preQueue = v.array[12].toInteger() == 1;
    s.preQueueCount = v.array[13].toInteger();
    return s;
}

bool RedisQueueStore::leave(const QUuid &userId, const QByteArray &tokenHash)
{
    const RedisValue v = m_redis.eval(kLeave, {}, {userText(userId), tokenHash.toHex()});
    return v.toInteger() == 1;
}

void RedisQueueStore::complete(const QUuid &userId, qint64 concertId)
{
    if (m_redis.eval(kComplete, {}, {userText(userId), QByteArray::number(concertId)}).toInteger()
        > 0)
        announce(concertId);
}

void RedisQueueStore::extendTurn(const QUuid &userId, qint64 concertId, const QDateTime &until)
{
    // XX: only a user who is in the active set; GT: only ever later. A turn that ran out but was
    // not swept yet could be revived by this, so the script checks the score against now first.
    m_redis.eval(kExtendTurn, {},
                 {userText(userId), QByteArray::number(concertId),
                  QByteArray::number(until.toMSecsSinceEpoch())});
}

void RedisQueueStore::grantTurn(const QUuid &userId, qint64 concertId, const QDateTime &until)
{
    m_redis.eval(kGrantTurn, {},
                 {userText(userId), QByteArray::number(concertId),
                  QByteArray::number(until.toMSecsSinceEpoch()),
                  tokens::hash(tokens::generate()).toHex()});
    m_redis.waitForReplica(); // the customer is told of the offer next
    announce(concertId);
}

int RedisQueueStore::admit(qint64 concertId)
{
    RedisValue v = m_redis.eval(kAdmit, {}, {QByteArray::number(concertId)});
    if (v.type == RedisValue::Type::Integer && v.integer == -1) {
        loadSettings(concertId);
        v = m_redis.eval(kAdmit, {}, {QByteArray::number(concertId)});
    }
    const int admitted = int(v.array.value(0).toInteger());
    if (admitted > 0)
        m_redis.waitForReplica(); // before anyone is told (status, live feed) they are in
    if (admitted > 0 || v.array.value(1).toInteger() > 0)
        announce(concertId);
    return admitted;
}

QList<UserQueueEntry> RedisQueueStore::entriesOf(const QUuid &userId)
{
    QList<UserQueueEntry> out;
    for (const RedisValue &v : m_redis.eval(kEntriesOf, {}, {userText(userId)}).array) {
        QueueEntry e;
        e.userId = userId;
        e.concertId = v.array.value(0).toInteger();
        e.active = v.array.value(1).toInteger() == 1;
        if (e.active)
            e.activeUntil = QDateTime::fromMSecsSinceEpoch(v.array.value(2).toInteger(), Qt::UTC);
        e.preQueue = v.array.value(4).toInteger() == 1;
        out.append({e, v.array.value(3).toInteger()});
    }
    std::sort(out.begin(), out.end(), [](const UserQueueEntry &a, const UserQueueEntry &b) {
        return a.entry.concertId < b.entry.concertId;
    });
    return out;
}

bool RedisQueueStore::remove(const QUuid &userId, qint64 concertId)
{
    const bool removed
        = m_redis.eval(kRemove, {}, {userText(userId), QByteArray::number(concertId)}).toInteger()
        > 0;
    if (removed)
        announce(concertId);
    return removed;
}

int RedisQueueStore::removeAll(qint64 concertId)
{
    const int removed
        = int(m_redis.eval(kRemoveAll, {}, {QByteArray::number(concertId)}).toInteger());
    if (removed > 0)
        announce(concertId);
    return removed;
}

QList<qint64> RedisQueueStore::concertsWithQueues()
{
    QList<qint64> out;
    for (const RedisValue &v : m_redis.command({"SMEMBERS", "encore:q:concerts"}).array)
        out.append(v.toInteger());
    return out;
}

QueueCounts RedisQueueStore::counts(qint64 concertId)
{
    const RedisValue v = m_redis.eval(kCounts, {}, {QByteArray::number(concertId)});
    return {v.array.value(0).toInteger(), v.array.value(1).toInteger(),
            v.array.value(2).toInteger(), v.array.value(3).toInteger(),
            v.array.value(4).toInteger()};
}

} // namespace encore::server
