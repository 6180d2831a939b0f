#include "pgqueuestore.h"

#include "queue/fairshuffle.h"
#include "storage/database.h"
#include "storage/sqlvalues.h"

#include <QSqlQuery>

#include <cmath>

using namespace Qt::StringLiterals;

namespace encore::server {

namespace {
// Everything one status answer needs, in one round trip: the entry, the number ahead, the
// recent admissions (measured throughput: QueueSnapshot::recentAdmitted) and the concert's
// settings. Nothing here grows with the line (issue 13): the number ahead is the line arithmetic
// of migration 012 (a Fenwick prefix sum, O(log n) index lookups); the other counts are bounded by
// the admission rate and maxActive. They only matter to someone still waiting: the CASE and the
// lateral's condition skip them for admitted users.
// Recent admissions: those of the last minute, together with the five latest of the last ten
// minutes (a union by id) — the last minute when it holds five or more, else the five latest.
const QString kSnapshotSql
    = u"SELECT e.user_id, e.concert_id, e.status, e.active_until, e.line_seq IS NULL, "
      " CASE WHEN e.status = 'WAITING' AND e.line_seq IS NOT NULL THEN e.line_seq - 1 "
      "   - l.front_gone - queue_departed_before(e.concert_id, e.line_seq) END AS ahead, "
      " m.recent, m.span, "
      " CASE WHEN e.status = 'WAITING' THEN (SELECT count(*) FROM queue_entries x WHERE "
      "x.concert_id = e.concert_id "
      "    AND x.status = 'ACTIVE' AND x.active_until > now()) END AS active, "
      " s.max_active, s.admit_per_minute, s.paused, s.updated_at > now() - interval '2 minutes' AS "
      "changed, coalesce(l.pre_count, 0) "
      "FROM queue_entries e JOIN queue_settings s ON s.concert_id = e.concert_id "
      " LEFT JOIN queue_lines l ON l.concert_id = e.concert_id "
      " CROSS JOIN LATERAL (SELECT count(*) AS recent, "
      "   extract(epoch FROM now() - min(t.admitted_at)) AS span FROM ("
      "     SELECT a.id, a.admitted_at FROM queue_entries a WHERE e.status = 'WAITING' "
      "       AND a.concert_id = e.concert_id AND a.admitted_at > now() - interval '60 seconds' "
      "     UNION (SELECT a.id, a.admitted_at FROM queue_entries a WHERE e.status = 'WAITING' "
      "       AND a.concert_id = e.concert_id AND a.admitted_at > now() - interval '10 minutes' "
      "       ORDER BY a.admitted_at DESC LIMIT 5)) t) m "
      "WHERE e.token_hash = ? AND e.status IN ('WAITING', 'ACTIVE')"_s;

// Ends the live entries the WHERE clause picks (status IN WAITING/ACTIVE is added), giving them
// `status`; an entry that was still waiting leaves the line's arithmetic through queue_depart().
// One round trip; answers the number ended. Placeholders of `where` come first.
QString endEntriesSql(const QString &where, const QString &status)
{
    return u"WITH o AS (SELECT id, status FROM queue_entries WHERE %1 "
           "  AND status IN ('WAITING', 'ACTIVE') FOR UPDATE), "
           "gone AS (UPDATE queue_entries e SET status = '%2', ended_at = now() FROM o "
           "  WHERE e.id = o.id RETURNING e.concert_id, e.line_seq, o.status AS was) "
           "SELECT count(*), coalesce(sum(CASE WHEN was = 'WAITING' "
           "  THEN queue_depart(concert_id, line_seq) END), 0) FROM gone"_s.arg(where, status);
}

QueueEntry entryFromRow(const QSqlQuery &q)
{
    QueueEntry e;
    e.userId = QUuid::fromString(q.value(0).toString());
    e.concertId = q.value(1).toLongLong();
    e.active = q.value(2).toString() == u"ACTIVE";
    e.activeUntil = e.active ? q.value(3).toDateTime() : QDateTime();
    e.preQueue = !e.active && q.value(4).toBool();
    return e;
}
} // namespace

PgQueueStore::PgQueueStore(Database &db)
    : m_db(db)
{
}

JoinOutcome PgQueueStore::join(const JoinRequest &in)
{
    // One round trip (QueueService holds the customer's and the address's join lock):
    //  - a live entry gets the new token and keeps its place;
    //  - else, when the address has room, the line's row hands out the next seq (or counts one
    //    more in the pre-queue) under its row lock — refused while sales are open and the
    //    pre-queue is not placed yet, so nobody who came after opening gets ahead of it;
    //  - and the entry is inserted with that seq (NULL in the pre-queue).
    QSqlQuery &q = m_db.exec(
        u"WITH rotated AS (UPDATE queue_entries SET token_hash = ? WHERE concert_id = ? "
        "   AND user_id = ?::uuid AND status IN ('WAITING', 'ACTIVE') RETURNING id), "
        "room AS (SELECT ? = 0 OR count(*) < ? AS ok FROM queue_entries WHERE concert_id = ? "
        "   AND client_address = ? AND status IN ('WAITING', 'ACTIVE')), "
        "line AS (INSERT INTO queue_lines AS l (concert_id, next_seq, pre_count) "
        "   SELECT ?, CASE WHEN ? THEN 0 ELSE 1 END, CASE WHEN ? THEN 1 ELSE 0 END "
        "   WHERE NOT EXISTS (SELECT 1 FROM rotated) AND (SELECT ok FROM room) "
        "   ON CONFLICT (concert_id) DO UPDATE SET next_seq = l.next_seq + EXCLUDED.next_seq, "
        "     pre_count = l.pre_count + EXCLUDED.pre_count WHERE ? OR l.pre_count = 0 "
        "   RETURNING l.next_seq), "
        "ins AS (INSERT INTO queue_entries(concert_id, user_id, token_hash, line_seq, "
        "     client_address) "
        "   SELECT ?, ?::uuid, ?, CASE WHEN ? THEN NULL ELSE next_seq END, ? FROM line "
        "   RETURNING id) "
        "SELECT (SELECT count(*) FROM rotated), (SELECT count(*) FROM ins), "
        " (SELECT ok FROM room)"_s,
        {in.tokenHash, in.concertId, sql::uuid(in.userId), in.maxPerAddress, in.maxPerAddress,
         in.concertId, sql::text(in.clientAddress), in.concertId, in.preQueue, in.preQueue,
         in.preQueue, in.concertId, sql::uuid(in.userId), in.tokenHash, in.preQueue,
         sql::text(in.clientAddress)});
    q.next();
    if (q.value(0).toLongLong() > 0)
        return JoinOutcome::Rotated;
    if (q.value(1).toLongLong() > 0)
        return JoinOutcome::Added;
    return q.value(2).toBool() ? JoinOutcome::NeedsOpening : JoinOutcome::AddressFull;
}

std::pair<qint64, bool> PgQueueStore::openPreQueue(qint64 concertId, const QDateTime &opensAt)
{
    return m_db.transact([&]() -> std::pair<qint64, bool> {
        // The line's row lock orders this against every join of the concert and every other
        // opener (any worker, any instance): the second opener finds nothing left to place.
        QSqlQuery &line = m_db.exec(
            u"SELECT next_seq FROM queue_lines WHERE concert_id = ? FOR UPDATE"_s, {concertId});
        if (!line.next())
            return {0, false};
        const qint64 nextSeq = line.value(0).toLongLong();
        QList<qint64> ids;
        QSqlQuery &pre = m_db.exec(u"SELECT id FROM queue_entries WHERE concert_id = ? "
                                   "AND status = 'WAITING' AND line_seq IS NULL ORDER BY arrival"_s,
                                   {concertId});
        while (pre.next())
            ids.append(pre.value(0).toLongLong());
        if (ids.isEmpty()) {
            m_db.exec(u"UPDATE queue_lines SET pre_count = 0 WHERE concert_id = ?"_s, {concertId});
            return {0, false};
        }
        QSqlQuery &rec = m_db.exec(
            u"INSERT INTO queue_openings(concert_id, opens_at, placed) VALUES (?, ?, ?) "
            "ON CONFLICT (concert_id, opens_at) DO NOTHING RETURNING 1"_s,
            {concertId, opensAt, qint64(ids.size())});
        const bool shuffled = rec.next();
        if (shuffled)
            fairShuffle(ids); // stragglers after the recorded shuffle keep arrival order
        QList<qint64> seqs;
        seqs.reserve(ids.size());
        for (qsizetype i = 0; i < ids.size(); ++i)
            seqs.append(nextSeq + 1 + i);
        m_db.exec(u"UPDATE queue_entries e SET line_seq = v.seq "
                  "FROM unnest(?::bigint[], ?::bigint[]) AS v(id, seq) WHERE e.id = v.id"_s,
                  {sql::intArray(ids), sql::intArray(seqs)});
        m_db.exec(u"UPDATE queue_lines SET next_seq = next_seq + ?, pre_count = 0 "
                  "WHERE concert_id = ?"_s,
                  {qint64(ids.size()), concertId});
        return {qint64(ids.size()), shuffled};
    });
}

QList<qint64> PgQueueStore::concertsWithPreQueue()
{
    QList<qint64> concerts;
    QSqlQuery &q = m_db.exec(u"SELECT concert_id FROM queue_lines WHERE pre_count > 0"_s);
    while (q.next())
        concerts.append(q.value(0).toLongLong());
    return concerts;
}

QList<PreQueueMember> PgQueueStore::preQueue(qint64 concertId, int limit)
{
    QList<PreQueueMember> out;
    QSqlQuery &q = m_db.exec(u"SELECT user_id, joined_at FROM queue_entries WHERE concert_id = ? "
                             "AND status = 'WAITING' AND line_seq IS NULL ORDER BY arrival "
                             "LIMIT ?"_s,
                             {concertId, limit});
    while (q.next())
        out.append({QUuid::fromString(q.value(0).toString()), q.value(1).toDateTime()});
    return out;
}

int PgQueueStore::clearPreQueue(qint64 concertId)
{
    QSqlQuery &q = m_db.exec(endEntriesSql(u"concert_id = ? AND line_seq IS NULL"_s, u"LEFT"_s),
                             {concertId});
    q.next();
    return q.value(0).toInt();
}

std::optional<QueueEntry> PgQueueStore::entry(const QByteArray &tokenHash)
{
    QSqlQuery &q = m_db.exec(u"SELECT user_id, concert_id, status, active_until, line_seq IS NULL "
                             "FROM queue_entries "
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
    s.ahead = q.value(5).toLongLong();
    s.recentAdmitted = q.value(6).toLongLong();
    s.spanSeconds = q.value(7).toDouble();
    s.activeCount = q.value(8).toLongLong();
    s.maxActive = q.value(9).toInt();
    s.admitPerMinute = q.value(10).toInt();
    s.paused = q.value(11).toBool();
    s.settingsChanged = q.value(12).toBool();
    s.preQueueCount = q.value(13).toLongLong();
    return s;
}

bool PgQueueStore::leave(const QUuid &userId, const QByteArray &tokenHash)
{
    QSqlQuery &q = m_db.exec(endEntriesSql(u"token_hash = ? AND user_id = ?::uuid"_s, u"LEFT"_s),
                             {tokenHash, sql::uuid(userId)});
    q.next();
    return q.value(0).toLongLong() > 0;
}

void PgQueueStore::complete(const QUuid &userId, qint64 concertId)
{
    m_db.exec(endEntriesSql(u"user_id = ?::uuid AND concert_id = ?"_s, u"COMPLETED"_s),
              {sql::uuid(userId), concertId});
}

QList<UserQueueEntry> PgQueueStore::entriesOf(const QUuid &userId)
{
    QSqlQuery &q = m_db.exec(
        u"SELECT e.user_id, e.concert_id, e.status, e.active_until, e.line_seq IS NULL, "
        " CASE WHEN e.status = 'WAITING' AND e.line_seq IS NOT NULL THEN e.line_seq - 1 "
        "   - l.front_gone - queue_departed_before(e.concert_id, e.line_seq) ELSE 0 END "
        "FROM queue_entries e LEFT JOIN queue_lines l ON l.concert_id = e.concert_id WHERE "
        "e.user_id = ?::uuid AND (e.status = 'WAITING' "
        " OR (e.status = 'ACTIVE' AND e.active_until > now())) ORDER BY e.concert_id"_s,
        {sql::uuid(userId)});
    QList<UserQueueEntry> out;
    while (q.next())
        out.append({entryFromRow(q), q.value(5).toLongLong()});
    return out;
}

bool PgQueueStore::remove(const QUuid &userId, qint64 concertId)
{
    QSqlQuery &q = m_db.exec(endEntriesSql(u"user_id = ?::uuid AND concert_id = ?"_s, u"LEFT"_s),
                             {sql::uuid(userId), concertId});
    q.next();
    return q.value(0).toLongLong() > 0;
}

int PgQueueStore::removeAll(qint64 concertId)
{
    return m_db.transact([&] {
        const int removed = m_db.exec(u"UPDATE queue_entries SET status = 'LEFT', ended_at = now() "
                                      "WHERE concert_id = ? AND status IN ('WAITING', 'ACTIVE')"_s,
                                      {concertId})
                                .numRowsAffected();
        // Nobody is left in line: whoever joins next is first (no departure per entry needed).
        m_db.exec(u"UPDATE queue_lines SET pre_count = 0, "
                  " front_gone = next_seq - queue_departed_before(concert_id, next_seq + 1) "
                  "WHERE concert_id = ?"_s,
                  {concertId});
        return removed;
    });
}

void PgQueueStore::extendTurn(const QUuid &userId, qint64 concertId, const QDateTime &until)
{
    m_db.exec(u"UPDATE queue_entries SET active_until = ? "
              "WHERE user_id = ?::uuid AND concert_id = ? AND status = 'ACTIVE' "
              "  AND active_until > now() AND active_until < ?"_s,
              {until, sql::uuid(userId), concertId, until});
}

void PgQueueStore::grantTurn(const QUuid &userId, qint64 concertId, const QDateTime &until)
{
    // One statement: activate (or extend) the live entry, take a waiting one out of the line's
    // arithmetic, or add an active entry with a token nobody holds (a join rotates it).
    m_db.exec(
        u"WITH o AS (SELECT id, status, line_seq FROM queue_entries WHERE concert_id = ? "
        "   AND user_id = ?::uuid AND status IN ('WAITING', 'ACTIVE') FOR UPDATE), "
        "upd AS (UPDATE queue_entries e SET status = 'ACTIVE', "
        "   admitted_at = coalesce(e.admitted_at, now()), "
        "   active_until = greatest(coalesce(e.active_until, now()), ?), "
        "   line_seq = CASE WHEN o.status = 'WAITING' THEN NULL ELSE e.line_seq END "
        "   FROM o WHERE e.id = o.id RETURNING o.status AS was, o.line_seq AS seq), "
        "gone AS (SELECT queue_depart(?, seq) FROM upd WHERE was = 'WAITING'), "
        "ins AS (INSERT INTO queue_entries(concert_id, user_id, token_hash, status, "
        "   admitted_at, active_until) "
        "   SELECT ?, ?::uuid, sha256(convert_to(gen_random_uuid()::text, 'UTF8')), "
        "   'ACTIVE', now(), ? WHERE NOT EXISTS (SELECT 1 FROM o) RETURNING id) "
        "SELECT (SELECT count(*) FROM gone), (SELECT count(*) FROM ins)"_s,
        {concertId, sql::uuid(userId), until, concertId, concertId, sql::uuid(userId), until});
}

QList<qint64> PgQueueStore::concertsWithQueues()
{
    QList<qint64> concerts;
    // Every admission tick asks this: from the lines' rows and the (bounded) active turns, not a
    // scan of every waiting entry (issue 13: nothing grows with the crowd).
    QSqlQuery &q = m_db.exec(
        u"SELECT concert_id FROM queue_lines WHERE pre_count > 0 "
        " OR next_seq - front_gone > queue_departed_before(concert_id, next_seq + 1) "
        "UNION SELECT DISTINCT concert_id FROM queue_entries WHERE status = 'ACTIVE'"_s);
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
                            "status = 'WAITING' AND line_seq IS NOT NULL "
                            "             ORDER BY line_seq LIMIT ?)"_s,
                            {ttl, concertId, room});
            admitted = a.numRowsAffected();
            // The smallest seqs left in order: the front of the line moved by that many.
            m_db.exec(u"UPDATE queue_lines SET front_gone = front_gone + ? WHERE concert_id = ?"_s,
                      {admitted, concertId});
        }
        // While paused or full the bucket stays where it is rather than saving up a burst.
        credit = paused || admitted < room ? std::min(credit, 1.0) : credit - admitted;
        m_db.exec(
            u"UPDATE queue_settings SET admit_credit = ?, credit_at = now() WHERE concert_id = ?"_s,
            {credit, concertId});
        return admitted;
    });
}

QueueCounts PgQueueStore::counts(qint64 concertId)
{
    QSqlQuery &q = m_db.exec(
        // The line's length is its arithmetic (like a position), not a count of 10^6 rows.
        u"SELECT coalesce((SELECT next_seq - front_gone - queue_departed_before(concert_id, "
        "   next_seq + 1) FROM queue_lines WHERE concert_id = ?), 0), "
        " (SELECT count(*) FROM queue_entries WHERE concert_id = ? AND status = 'ACTIVE' "
        "   AND active_until > now()), "
        " (SELECT count(*) FROM queue_entries WHERE concert_id = ? "
        "   AND admitted_at > now() - interval '60 seconds'), "
        " (SELECT count(*) FROM queue_entries WHERE concert_id = ? AND status = 'COMPLETED'), "
        " coalesce((SELECT pre_count FROM queue_lines WHERE concert_id = ?), 0)"_s,
        {concertId, concertId, concertId, concertId, concertId});
    q.next();
    return {q.value(0).toLongLong(), q.value(1).toLongLong(), q.value(2).toLongLong(),
            q.value(3).toLongLong(), q.value(4).toLongLong()};
}

} // namespace encore::server
