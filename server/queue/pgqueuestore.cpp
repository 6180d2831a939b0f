#include "pgqueuestore.h"

#include "storage/database.h"
#include "storage/sqlvalues.h"

#include <QSqlQuery>

#include <cmath>

using namespace Qt::StringLiterals;

namespace encore::server {

namespace {
// Everything one status answer needs, in one round trip: the entry, the exact number ahead, the
// admissions of the last minute (measured throughput) and the concert's settings.
// The counts only matter to someone still waiting: CASE skips them for admitted users, whose
// polls would otherwise count every active ticket of the concert.
const QString kSnapshotSql
    = u"SELECT e.user_id, e.concert_id, e.status, e.active_until, "
      " CASE WHEN e.status = 'WAITING' THEN (SELECT count(*) FROM queue_entries w WHERE "
      "w.concert_id = e.concert_id "
      "    AND w.status = 'WAITING' AND w.arrival < e.arrival) END AS ahead, "
      " CASE WHEN e.status = 'WAITING' THEN (SELECT count(*) FROM queue_entries a WHERE "
      "a.concert_id = e.concert_id "
      "    AND a.admitted_at > now() - interval '60 seconds') END AS recent, "
      " CASE WHEN e.status = 'WAITING' THEN (SELECT extract(epoch FROM now() - min(a.admitted_at)) "
      "FROM queue_entries a "
      "    WHERE a.concert_id = e.concert_id AND a.admitted_at > now() - interval '60 seconds') "
      "END AS span, "
      " CASE WHEN e.status = 'WAITING' THEN (SELECT count(*) FROM queue_entries x WHERE "
      "x.concert_id = e.concert_id "
      "    AND x.status = 'ACTIVE' AND x.active_until > now()) END AS active, "
      " s.max_active, s.admit_per_minute, s.paused, s.updated_at > now() - interval '2 minutes' AS "
      "changed "
      "FROM queue_entries e JOIN queue_settings s ON s.concert_id = e.concert_id "
      "WHERE e.token_hash = ? AND e.status IN ('WAITING', 'ACTIVE')"_s;

QueueEntry entryFromRow(const QSqlQuery &q)
{
    QueueEntry e;
    e.userId = QUuid::fromString(q.value(0).toString());
    e.concertId = q.value(1).toLongLong();
    e.active = q.value(2).toString() == u"ACTIVE";
    e.activeUntil = e.active ? q.value(3).toDateTime() : QDateTime();
    return e;
}
} // namespace

PgQueueStore::PgQueueStore(Database &db)
    : m_db(db)
{
}

bool PgQueueStore::join(const QUuid &userId, qint64 concertId, const QByteArray &tokenHash)
{
    QSqlQuery &q = m_db.exec(
        u"INSERT INTO queue_entries(concert_id, user_id, token_hash) VALUES (?, ?::uuid, ?) "
        "ON CONFLICT (concert_id, user_id) WHERE status IN ('WAITING', 'ACTIVE') "
        "DO UPDATE SET token_hash = EXCLUDED.token_hash RETURNING (xmax = 0)"_s,
        {concertId, sql::uuid(userId), tokenHash});
    q.next();
    return q.value(0).toBool();
}

std::optional<QueueEntry> PgQueueStore::entry(const QByteArray &tokenHash)
{
    QSqlQuery &q = m_db.exec(u"SELECT user_id, concert_id, status, active_until FROM queue_entries "
                             "WHERE token_hash = ? AND status IN ('WAITING', 'ACTIVE')"_s,
                             {tokenHash});
    if (!q.next())
        return std::nullopt;
    return entryFromRow(q);
}

std::optional<QueueSnapshot> PgQueueStore::snapshot(const QByteArray &tokenHash)
{
    QSqlQuery &q = m_db.exec(kSnapshotSql, {tokenHash});
    if (!q.next())
        return std::nullopt;
    QueueSnapshot s;
    s.entry = entryFromRow(q);
    s.ahead = q.value(4).toLongLong();
    s.recentAdmitted = q.value(5).toLongLong();
    s.spanSeconds = q.value(6).toDouble();
    s.activeCount = q.value(7).toLongLong();
    s.maxActive = q.value(8).toInt();
    s.admitPerMinute = q.value(9).toInt();
    s.paused = q.value(10).toBool();
    s.settingsChanged = q.value(11).toBool();
    return s;
}

bool PgQueueStore::leave(const QUuid &userId, const QByteArray &tokenHash)
{
    QSqlQuery &q = m_db.exec(
        u"UPDATE queue_entries SET status = 'LEFT', ended_at = now() "
        "WHERE token_hash = ? AND user_id = ?::uuid AND status IN ('WAITING', 'ACTIVE') "
        "RETURNING concert_id"_s,
        {tokenHash, sql::uuid(userId)});
    return q.next();
}

void PgQueueStore::complete(const QUuid &userId, qint64 concertId)
{
    m_db.exec(u"UPDATE queue_entries SET status = 'COMPLETED', ended_at = now() "
              "WHERE user_id = ?::uuid AND concert_id = ? AND status IN ('WAITING', 'ACTIVE')"_s,
              {sql::uuid(userId), concertId});
}

QList<UserQueueEntry> PgQueueStore::entriesOf(const QUuid &userId)
{
    QSqlQuery &q = m_db.exec(
        u"SELECT e.user_id, e.concert_id, e.status, e.active_until, "
        " CASE WHEN e.status = 'WAITING' THEN (SELECT count(*) FROM queue_entries w "
        "   WHERE w.concert_id = e.concert_id AND w.status = 'WAITING' AND w.arrival < e.arrival) "
        " ELSE 0 END "
        "FROM queue_entries e WHERE e.user_id = ?::uuid AND (e.status = 'WAITING' "
        " OR (e.status = 'ACTIVE' AND e.active_until > now())) ORDER BY e.concert_id"_s,
        {sql::uuid(userId)});
    QList<UserQueueEntry> out;
    while (q.next())
        out.append({entryFromRow(q), q.value(4).toLongLong()});
    return out;
}

bool PgQueueStore::remove(const QUuid &userId, qint64 concertId)
{
    return m_db.exec(u"UPDATE queue_entries SET status = 'LEFT', ended_at = now() "
                     "WHERE user_id = ?::uuid AND concert_id = ? AND status IN ('WAITING', "
                     "'ACTIVE')"_s,
                     {sql::uuid(userId), concertId})
               .numRowsAffected()
        > 0;
}

int PgQueueStore::removeAll(qint64 concertId)
{
    return m_db
        .exec(u"UPDATE queue_entries SET status = 'LEFT', ended_at = now() "
              "WHERE concert_id = ? AND status IN ('WAITING', 'ACTIVE')"_s,
              {concertId})
        .numRowsAffected();
}

void PgQueueStore::extendTurn(const QUuid &userId, qint64 concertId, const QDateTime &until)
{
    m_db.exec(u"UPDATE queue_entries SET active_until = ? "
              "WHERE user_id = ?::uuid AND concert_id = ? AND status = 'ACTIVE' "
              "  AND active_until > now() AND active_until < ?"_s,
              {until, sql::uuid(userId), concertId, until});
}

QList<qint64> PgQueueStore::concertsWithQueues()
{
    QList<qint64> concerts;
    QSqlQuery &q = m_db.exec(
        u"SELECT DISTINCT concert_id FROM queue_entries WHERE status IN ('WAITING', 'ACTIVE')"_s);
    while (q.next())
        concerts.append(q.value(0).toLongLong());
    return concerts;
}

int PgQueueStore::admit(qint64 concertId)
{
    return m_db.transact([&] {
        // One admitter per concert at a time across every worker and instance; the others skip.
        QSqlQuery &lock = m_db.exec(u"SELECT pg_try_advisory_xact_lock(1, ?::int)"_s, {concertId});
        lock.next();
        if (!lock.value(0).toBool())
            return 0;
        m_db.exec(u"UPDATE queue_entries SET status = 'EXPIRED', ended_at = now() "
                  "WHERE concert_id = ? AND status = 'ACTIVE' AND active_until <= now()"_s,
                  {concertId});
        QSqlQuery &s = m_db.exec(
            u"SELECT max_active, admit_per_minute, active_ttl_seconds, paused, "
            " least(greatest(1.0, admit_per_minute / 60.0), "
            "       admit_credit + extract(epoch FROM now() - credit_at) * admit_per_minute / "
            "60.0), "
            " (SELECT count(*) FROM queue_entries WHERE concert_id = ? AND status = 'ACTIVE') "
            "FROM queue_settings WHERE concert_id = ? FOR UPDATE"_s,
            {concertId, concertId});
        if (!s.next())
            return 0;
        const int maxActive = s.value(0).toInt();
        const int ttl = s.value(2).toInt();
        const bool paused = s.value(3).toBool();
        double credit = s.value(4).toDouble();
        const qint64 active = s.value(5).toLongLong();
        const qint64 room
            = paused ? 0 : std::min<qint64>(qint64(std::floor(credit)), maxActive - active);
        int admitted = 0;
        if (room > 0) {
            QSqlQuery &a
                = m_db.exec(u"UPDATE queue_entries SET status = 'ACTIVE', admitted_at = now(), "
                            " active_until = now() + make_interval(secs => ?) "
                            "WHERE id IN (SELECT id FROM queue_entries WHERE concert_id = ? AND "
                            "status = 'WAITING' "
                            "             ORDER BY arrival LIMIT ?)"_s,
                            {ttl, concertId, room});
            admitted = a.numRowsAffected();
        }
        // While paused or full the bucket stays where it is rather than saving up a burst.
        credit = paused || admitted < room ? std::min(credit, 1.0) : credit - admitted;
        m_db.exec(
            u"UPDATE queue_settings SET admit_credit = ?, credit_at = now() WHERE concert_id = ?"_s,
            {credit, concertId});
        return admitted;
    });
}

void PgQueueStore::grantTurn(const QUuid &userId, qint64 concertId, const QByteArray &tokenHash,
                             const QDateTime &until)
{
    // admitted_at stays as it was: a granted turn is not an admission from the line, and must
    // not count in the measured admission pace the ETA is built on.
    m_db.exec(u"INSERT INTO queue_entries(concert_id, user_id, token_hash, status, active_until) "
              "VALUES (?, ?::uuid, ?, 'ACTIVE', ?) "
              "ON CONFLICT (concert_id, user_id) WHERE status IN ('WAITING', 'ACTIVE') "
              "DO UPDATE SET status = 'ACTIVE', active_until = CASE "
              "  WHEN queue_entries.status = 'ACTIVE' "
              "  THEN greatest(queue_entries.active_until, EXCLUDED.active_until) "
              "  ELSE EXCLUDED.active_until END"_s,
              {concertId, sql::uuid(userId), tokenHash, until});
}

QueueCounts PgQueueStore::counts(qint64 concertId)
{
    QSqlQuery &q
        = m_db.exec(u"SELECT count(*) FILTER (WHERE status = 'WAITING'), "
                    " count(*) FILTER (WHERE status = 'ACTIVE' AND active_until > now()), "
                    " count(*) FILTER (WHERE admitted_at > now() - interval '60 seconds'), "
                    " count(*) FILTER (WHERE status = 'COMPLETED') "
                    "FROM queue_entries WHERE concert_id = ?"_s,
                    {concertId});
    q.next();
    return {q.value(0).toLongLong(), q.value(1).toLongLong(), q.value(2).toLongLong(),
            q.value(3).toLongLong()};
}

} // namespace encore::server
