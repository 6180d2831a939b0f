#include "fixtures.h"

#include "auth/passwordhasher.h"
#include "services/services.h"
#include "storage/sqlvalues.h"
#include "testredis.h"

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
server::ServerConfig fixtureConfig()
{
    server::ServerConfig config;
    if (TestRedis::requested())
        config.redisUrl = TestRedis::instance().url();
    return config;
}
} // namespace

Fixtures::Fixtures(const server::ConnectionParams &params)
    : m_config(fixtureConfig()), m_db(std::make_unique<server::Database>(params)),
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
                       "SELECT unnest(?::uuid[]), ?, ?, 'TOPUP', 'fixture'"_s,
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
        const QByteArray c = QByteArray::number(concertId);
        const QByteArray until = QByteArray::number(QDateTime::currentMSecsSinceEpoch() + qint64(ttlSeconds) * 1000);
        for (int i = 0; i < users.size(); ++i) {
            const QByteArray user = ids[i].toLatin1();
            const QByteArray hash = hashes[i].toLatin1();
            m_services->redis->command({"ZADD", "encore:q:" + c + ":active", until, user});
            m_services->redis->command({"HSET", "encore:q:" + c + ":tokens", user, hash});
            m_services->redis->command({"SET", "encore:qt:" + hash, user + '|' + c});
            m_services->redis->command({"SADD", "encore:q:concerts", c});
        }
        return;
    }
    m_db->exec(u"INSERT INTO queue_entries(concert_id, user_id, token_hash, status, admitted_at, active_until) "
               "SELECT ?, id, decode(h, 'hex'), 'ACTIVE', now(), now() + make_interval(secs => ?) "
               "FROM unnest(?::text[], ?::uuid[]) AS t(h, id)"_s,
               {concertId, ttlSeconds, textArray(hashes), textArray(ids)});
}

qint64 Fixtures::createConcert(const QString &title, int dates)
{
    const qint64 id = m_services->concerts.createConcert(title, u"Test Artist"_s, u"Test Hall"_s, {});
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
