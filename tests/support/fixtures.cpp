#include "fixtures.h"

#include "auth/passwordhasher.h"
#include "services/services.h"
#include "storage/sqlvalues.h"
#include "testredis.h"
#include "testserver.h"

#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace encore::test {

namespace {
QString textArray(const QStringList &values)
{
    QStringList quoted;
    for (const QString &v : values)
        quoted.append(u"\""_s + v + u"\""_s);
    return u"{"_s + quoted.join(u',') + u"}"_s;
}
} // namespace

namespace {
// ARGV: concert, ttl seconds, then user, token hash (hex) pairs: each user arrives and is admitted.
const server::RedisScript kRedisAdmit(
    "local t = redis.call('TIME'); local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)\n"
    "local c = ARGV[1]; local q = 'encore:q:' .. c .. ':'\n"
    "local untilMs = now + tonumber(ARGV[2]) * 1000\n"
    "for i = 3, #ARGV, 2 do\n"
    "  local user, hash = ARGV[i], ARGV[i + 1]\n"
    "  redis.call('ZADD', q .. 'active', untilMs, user)\n"
    "  redis.call('ZADD', q .. 'admissions', now, redis.call('INCR', q .. 'seq') .. ':' .. user)\n"
    "  redis.call('HSET', q .. 'tokens', user, hash)\n"
    "  redis.call('SET', 'encore:qt:' .. hash, user .. '|' .. c, 'EX', 86400)\n"
    "end\n"
    "redis.call('SADD', 'encore:q:concerts', c)\n"
    "return 1\n");

// ARGV: concert. The line, the active set and every admission, at one moment.
const server::RedisScript kRedisRows(
    "local q = 'encore:q:' .. ARGV[1] .. ':'\n"
    "return {redis.call('ZRANGE', q .. 'waiting', 0, -1, 'WITHSCORES'),\n"
    "        redis.call('ZRANGE', q .. 'active', 0, -1, 'WITHSCORES'),\n"
    "        redis.call('ZRANGE', q .. 'admissions', 0, -1, 'WITHSCORES')}\n");

server::ServerConfig fixtureConfig(const server::ConnectionParams &params)
{
    server::ServerConfig config;
    config.queue = TestServer::queueDefaults(params.database);
    if (TestRedis::requested())
        config.redisUrl = TestRedis::instance().urlFor(params.database);
    return config;
}
} // namespace

Fixtures::Fixtures(const server::ConnectionParams &params)
    : m_config(fixtureConfig(params)), m_db(std::make_unique<server::Database>(params)),
      m_services(std::make_unique<server::Services>(*m_db, m_config))
{
    server::PasswordHasher::initialize();
}

Fixtures::~Fixtures()
{
    m_services.reset();
    m_db->closeThreadConnection();
}

QList<TestUser> Fixtures::createUsers(int count, Money balance, const QString &prefix)
{
    static int batch = 0;
    ++batch;
    QList<TestUser> users;
    QStringList names, hashes;
    for (int i = 0; i < count; ++i) {
        TestUser u;
        u.username = u"%1%2x%3"_s.arg(prefix).arg(batch).arg(i);
        u.token = server::tokens::generate();
        names.append(u.username);
        hashes.append(QString::fromLatin1(server::tokens::hash(u.token).toHex()));
        users.append(u);
    }
    m_db->transact([&] {
        QSqlQuery &q = m_db->exec(u"INSERT INTO users(username, password_hash) "
                                  "SELECT unnest(?::text[]), 'fixture-no-login' RETURNING id, username"_s,
                                  {textArray(names)});
        QHash<QString, QUuid> ids;
        while (q.next())
            ids.insert(q.value(1).toString(), QUuid::fromString(q.value(0).toString()));
        QStringList idTexts;
        for (TestUser &u : users) {
            u.id = ids.value(u.username);
            idTexts.append(server::sql::uuid(u.id));
        }
        m_db->exec(u"INSERT INTO sessions(token_hash, user_id, expires_at) "
                   "SELECT decode(h, 'hex'), id, now() + interval '1 day' "
                   "FROM unnest(?::text[], ?::uuid[]) AS t(h, id)"_s,
                   {textArray(hashes), textArray(idTexts)});
        if (balance > 0) {
            m_db->exec(u"UPDATE wallets SET balance = ? WHERE user_id = ANY(?::uuid[])"_s, {balance, textArray(idTexts)});
            m_db->exec(u"INSERT INTO wallet_ledger(user_id, amount, balance_after, kind, reference) "
                       "SELECT unnest(?::uuid[]), ?, ?, 'ADJUSTMENT', 'fixture'"_s,
                       {textArray(idTexts), balance, balance});
        }
    });
    return users;
}

void Fixtures::admit(QList<TestUser> &users, qint64 concertId, int ttlSeconds)
{
    QStringList hashes, ids;
    for (TestUser &u : users) {
        u.queueToken = server::tokens::generate();
        hashes.append(QString::fromLatin1(server::tokens::hash(u.queueToken).toHex()));
        ids.append(server::sql::uuid(u.id));
    }
    m_services->queue.ensureSettings(concertId);
    if (m_services->redis) {
        // The same shape RedisQueueStore's scripts write when they admit someone.
        QList<QByteArray> args {QByteArray::number(concertId), QByteArray::number(ttlSeconds)};
        for (int i = 0; i < users.size(); ++i)
            args << ids[i].toLatin1() << hashes[i].toLatin1();
        m_services->redis->eval(kRedisAdmit, {}, args);
        return;
    }
    m_db->exec(u"INSERT INTO queue_entries(concert_id, user_id, token_hash, status, admitted_at, active_until) "
               "SELECT ?, id, decode(h, 'hex'), 'ACTIVE', now(), now() + make_interval(secs => ?) "
               "FROM unnest(?::text[], ?::uuid[]) AS t(h, id)"_s,
               {concertId, ttlSeconds, textArray(hashes), textArray(ids)});
}

QList<QueueRow> Fixtures::queueRows(qint64 concertId)
{
    QList<QueueRow> rows;
    if (m_services->redis) {
        const server::RedisValue v = m_services->redis->eval(kRedisRows, {}, {QByteArray::number(concertId)});
        const QList<server::RedisValue> &waiting = v.array.value(0).array;
        const QList<server::RedisValue> &active = v.array.value(1).array;
        const QList<server::RedisValue> &admissions = v.array.value(2).array;
        const auto uuid = [](const QByteArray &text) { return QUuid::fromString(QString::fromLatin1(text)); };
        for (qsizetype i = 0; i + 1 < waiting.size(); i += 2)
            rows.append({uuid(waiting[i].string), QueueRow::Status::Waiting, waiting[i + 1].toInteger(), 0, 0});
        QHash<QUuid, qint64> activeUntilMs;
        for (qsizetype i = 0; i + 1 < active.size(); i += 2)
            activeUntilMs.insert(uuid(active[i].string), active[i + 1].toInteger());
        // An admitted user's latest admission is their live entry when they are in the active set.
        QHash<QUuid, qsizetype> latest;
        for (qsizetype i = 0; i + 1 < admissions.size(); i += 2) {
            const QByteArray &member = admissions[i].string;
            const qsizetype colon = member.indexOf(':');
            QueueRow row {uuid(member.mid(colon + 1)), QueueRow::Status::Ended, member.left(colon).toLongLong(),
                          admissions[i + 1].toInteger() * 1000, 0};
            const auto seen = latest.constFind(row.user);
            if (seen == latest.cend() || rows[*seen].arrival < row.arrival)
                latest.insert(row.user, rows.size());
            rows.append(row);
        }
        for (auto it = latest.cbegin(); it != latest.cend(); ++it) {
            if (activeUntilMs.contains(it.key())) {
                rows[it.value()].status = QueueRow::Status::Active;
                rows[it.value()].activeUntilUs = activeUntilMs.value(it.key()) * 1000;
            }
        }
        std::sort(rows.begin(), rows.end(), [](const QueueRow &a, const QueueRow &b) { return a.arrival < b.arrival; });
        return rows;
    }
    QSqlQuery &q = m_db->exec(
        u"SELECT user_id, status, arrival, "
        " coalesce((extract(epoch FROM admitted_at) * 1000000)::bigint, 0), "
        " coalesce((extract(epoch FROM active_until) * 1000000)::bigint, 0) "
        "FROM queue_entries WHERE concert_id = ? ORDER BY arrival"_s,
        {concertId});
    while (q.next()) {
        const QString status = q.value(1).toString();
        rows.append({QUuid::fromString(q.value(0).toString()),
                     status == u"WAITING"_s ? QueueRow::Status::Waiting
                         : status == u"ACTIVE"_s ? QueueRow::Status::Active
                                                 : QueueRow::Status::Ended,
                     q.value(2).toLongLong(), q.value(3).toLongLong(), q.value(4).toLongLong()});
    }
    return rows;
}

qint64 Fixtures::createConcert(const QString &title, int dates)
{
    const qint64 id = m_services->concerts.createConcert(
        {title, u"Test Artist"_s, u"Test Hall"_s, {}, {}});
    m_services->queue.ensureSettings(id);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (int d = 0; d < dates; ++d) {
        const QDateTime startsAt = now.addDays(30 + d);
        m_services->concerts.createSchedule(id, startsAt, now.addSecs(-3600), startsAt.addSecs(-3600), {});
    }
    return id;
}

QList<qint64> Fixtures::schedulesOf(qint64 concertId)
{
    QList<qint64> out;
    QSqlQuery &q = m_db->exec(u"SELECT id FROM schedules WHERE concert_id = ? ORDER BY starts_at"_s, {concertId});
    while (q.next())
        out.append(q.value(0).toLongLong());
    return out;
}

QVariant Fixtures::scalar(const QString &sql, const QVariantList &values)
{
    QSqlQuery &q = m_db->exec(sql, values);
    return q.next() ? q.value(0) : QVariant();
}

} // namespace encore::test
