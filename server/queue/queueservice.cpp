#include "queueservice.h"

#include "auth/passwordhasher.h"
#include "metrics/metrics.h"
#include "storage/database.h"
#include "storage/sqlvalues.h"

#include <QSqlQuery>

#include <cmath>

using namespace Qt::StringLiterals;

namespace encore::server {

namespace {


// Everything one status answer needs, in one round trip: the entry, the exact number ahead, the
// admissions of the last minute (measured throughput) and the concert's settings.
const QString kTicketSql = u"SELECT e.user_id, e.concert_id, e.status, e.active_until, "
    " (SELECT count(*) FROM queue_entries w WHERE w.concert_id = e.concert_id AND w.status = 'WAITING' "
    "    AND w.arrival < e.arrival) AS ahead, "
    " (SELECT count(*) FROM queue_entries a WHERE a.concert_id = e.concert_id "
    "    AND a.admitted_at > now() - interval '60 seconds') AS recent, "
    " (SELECT extract(epoch FROM now() - min(a.admitted_at)) FROM queue_entries a "
    "    WHERE a.concert_id = e.concert_id AND a.admitted_at > now() - interval '60 seconds') AS span, "
    " (SELECT count(*) FROM queue_entries x WHERE x.concert_id = e.concert_id AND x.status = 'ACTIVE' "
    "    AND x.active_until > now()) AS active, "
    " s.max_active, s.admit_per_minute, s.paused, s.updated_at > now() - interval '2 minutes' AS changed "
    "FROM queue_entries e JOIN queue_settings s ON s.concert_id = e.concert_id "
    "WHERE e.token_hash = ? AND e.status IN ('WAITING', 'ACTIVE')"_s;

struct Eta
{
    qint64 seconds = 0;
    qint64 low = 0;
    qint64 high = 0;
    QString reason;
};

// ETA = people to be admitted before me ÷ admissions per second. The measured rate of the last
// minute is used once there are enough samples (it sees capacity limits the settings cannot);
// before that, the configured rate.
Eta estimate(qint64 position, qint64 recent, double spanSeconds, int admitPerMinute, bool paused,
             bool atCapacity, bool settingsChanged)
{
    const double configured = admitPerMinute / 60.0;
    const double measured = recent >= 5 && spanSeconds >= 2 ? recent / spanSeconds : 0;
    double rate = measured > 0 ? std::min(measured, configured) : configured;
    Eta eta;
    eta.reason = u"steady"_s;
    if (settingsChanged) {
        rate = configured; // the last minute no longer predicts the next
        eta.reason = u"rate_changed"_s;
    }
    if (atCapacity)
        eta.reason = u"at_capacity"_s;
    if (paused)
        eta.reason = u"paused"_s;
    if (measured <= 0 && recent < 5 && !settingsChanged && !paused && !atCapacity)
        eta.reason = u"estimating"_s;
    const double seconds = position / std::max(rate, 1e-6);
    eta.seconds = qint64(std::ceil(seconds));
    eta.low = qint64(std::floor(seconds * 0.8));
    eta.high = qint64(std::ceil(seconds * (paused || atCapacity ? 2.0 : 1.25))) + 1;
    return eta;
}

// Serialises one customer's joins of one concert (a double click sends two at once): each join
// reads its ticket before the next one rotates the token, so none answers 404 for the ticket it
// just made. Session-level, so it spans the store's own transactions; join() never runs inside one.
class CustomerJoinLock
{
public:
    CustomerJoinLock(Database &db, const QUuid &userId, qint64 concertId)
        : m_db(db), m_key(userId.toString(QUuid::WithoutBraces) + u':' + QString::number(concertId))
    {
        m_db.exec(u"SELECT pg_advisory_lock(2, hashtext(?))"_s, {m_key});
    }
    ~CustomerJoinLock()
    {
        try {
            m_db.exec(u"SELECT pg_advisory_unlock(2, hashtext(?))"_s, {m_key});
        } catch (const DbError &) {
            // the session ended: its lock went with it
        }
    }
    CustomerJoinLock(const CustomerJoinLock &) = delete;
    CustomerJoinLock &operator=(const CustomerJoinLock &) = delete;

private:
    Database &m_db;
    const QString m_key;
};

} // namespace

QJsonObject QueueSettings::toJson() const
{
    return {{u"maxActive"_s, maxActive},
            {u"admitPerMinute"_s, admitPerMinute},
            {u"activeTtlSeconds"_s, activeTtlSeconds},
            {u"paused"_s, paused}};
}

QueueService::QueueService(Database &db, const ServerConfig &config) : m_db(db), m_config(config) { }

void QueueService::ensureSettings(qint64 concertId)
{
    m_db.exec(u"INSERT INTO queue_settings(concert_id, max_active, admit_per_minute, active_ttl_seconds) "
              "VALUES (?, ?, ?, ?) ON CONFLICT (concert_id) DO NOTHING"_s,
              {concertId, m_config.queue.maxActive, m_config.queue.admitPerMinute,
               m_config.queue.activeTtlSeconds});
}

std::pair<QueueTicket, bool> QueueService::join(const QUuid &userId, qint64 concertId)
{
    const QByteArray token = tokens::generate();
    const CustomerJoinLock oneAtATime(m_db, userId, concertId);
    const bool inserted = m_db.transact([&] {
        QSqlQuery &c = m_db.exec(u"SELECT 1 FROM concerts WHERE id = ?"_s, {concertId});
        if (!c.next())
            throw ApiError(ErrorCode::NotFound, u"No such concert."_s);
        ensureSettings(concertId);
        // Re-joining keeps the place in line and rotates the token (we cannot give back a
        // token we only stored the hash of).
        QSqlQuery &q = m_db.exec(
            u"INSERT INTO queue_entries(concert_id, user_id, token_hash) VALUES (?, ?::uuid, ?) "
            "ON CONFLICT (concert_id, user_id) WHERE status IN ('WAITING', 'ACTIVE') "
            "DO UPDATE SET token_hash = EXCLUDED.token_hash RETURNING (xmax = 0)"_s,
            {concertId, sql::uuid(userId), tokens::hash(token)});
        q.next();
        return q.value(0).toBool();
    });
    if (inserted)
        Metrics::instance().increment(u"encore_queue_joins_total"_s);
    admit(concertId); // an idle queue lets the newcomer straight in
    QueueTicket ticket = ticketFor(tokens::hash(token));
    ticket.token = QString::fromLatin1(token);
    return {ticket, inserted};
}

QueueTicket QueueService::ticketFor(const QByteArray &tokenHash)
{
    QSqlQuery &q = m_db.exec(kTicketSql, {tokenHash});
    if (!q.next())
        throw ApiError(ErrorCode::NotFound, u"This queue ticket has ended; please join the queue again."_s);
    QueueTicket t;
    t.userId = QUuid::fromString(q.value(0).toString());
    t.concertId = q.value(1).toLongLong();
    const bool active = q.value(2).toString() == u"ACTIVE";
    t.activeUntil = q.value(3).toDateTime();
    if (active && t.activeUntil <= QDateTime::currentDateTimeUtc())
        throw ApiError(ErrorCode::NotFound, u"Your turn has ended; please join the queue again."_s);
    const qint64 ahead = q.value(4).toLongLong();
    const qint64 recent = q.value(5).toLongLong();
    const double span = q.value(6).toDouble();
    const qint64 activeCount = q.value(7).toLongLong();
    const int maxActive = q.value(8).toInt();
    const int perMinute = q.value(9).toInt();
    const bool paused = q.value(10).toBool();
    const bool changed = q.value(11).toBool();
    if (active) {
        t.status = QueueStatus::Active;
        t.pollAfterMs = 10'000;
        t.etaReason = u"admitted"_s;
        return t;
    }
    t.status = QueueStatus::Waiting;
    t.position = ahead + 1;
    t.aheadCount = ahead;
    t.activeUntil = {};
    const Eta eta = estimate(t.position, recent, span, perMinute, paused, activeCount >= maxActive, changed);
    t.etaSeconds = eta.seconds;
    t.etaLowSeconds = eta.low;
    t.etaHighSeconds = eta.high;
    t.etaReason = eta.reason;
    // Near the front, ask often; far back, rarely (keeps 10,000 waiting fans from flooding us).
    t.pollAfterMs = int(std::clamp<qint64>(eta.seconds * 100, 500, 10'000));
    return t;
}

QueueTicket QueueService::status(const QUuid &userId, const QByteArray &token)
{
    if (token.isEmpty() || token.size() > 128)
        throw ApiError(ErrorCode::NotFound, u"No queue ticket given."_s);
    QueueTicket t = ticketFor(tokens::hash(token));
    if (t.userId != userId)
        throw ApiError(ErrorCode::NotFound, u"This queue ticket has ended; please join the queue again."_s);
    return t;
}

void QueueService::leave(const QUuid &userId, const QByteArray &token)
{
    QSqlQuery &q = m_db.exec(u"UPDATE queue_entries SET status = 'LEFT', ended_at = now() "
                             "WHERE token_hash = ? AND user_id = ?::uuid AND status IN ('WAITING', 'ACTIVE') "
                             "RETURNING concert_id"_s,
                             {tokens::hash(token), sql::uuid(userId)});
    if (!q.next())
        throw ApiError(ErrorCode::NotFound, u"This queue ticket has already ended."_s);
}

void QueueService::requireActive(const QUuid &userId, const QByteArray &token, qint64 concertId)
{
    if (token.isEmpty() || token.size() > 128)
        throw ApiError(ErrorCode::QueueNotActive, u"Please join the queue for this concert first."_s);
    QSqlQuery &q = m_db.exec(u"SELECT user_id, concert_id, status, active_until > now() "
                             "FROM queue_entries WHERE token_hash = ?"_s,
                             {tokens::hash(token)});
    if (!q.next() || QUuid::fromString(q.value(0).toString()) != userId || q.value(1).toLongLong() != concertId)
        throw ApiError(ErrorCode::QueueNotActive, u"Please join the queue for this concert first."_s);
    const QString status = q.value(2).toString();
    if (status == u"ACTIVE" && q.value(3).toBool())
        return;
    if (status == u"WAITING") {
        const QueueTicket t = ticketFor(tokens::hash(token));
        throw ApiError(ErrorCode::QueueNotActive, u"It is not your turn yet; you are number %1 in line."_s.arg(t.position),
                       {{u"position"_s, t.position}, {u"etaSeconds"_s, t.etaSeconds}});
    }
    throw ApiError(ErrorCode::QueueNotActive, u"Your turn has ended; please join the queue again."_s);
}

void QueueService::complete(const QUuid &userId, qint64 concertId)
{
    m_db.exec(u"UPDATE queue_entries SET status = 'COMPLETED', ended_at = now() "
              "WHERE user_id = ?::uuid AND concert_id = ? AND status IN ('WAITING', 'ACTIVE')"_s,
              {sql::uuid(userId), concertId});
}

int QueueService::admitAll()
{
    QList<qint64> concerts;
    {
        QSqlQuery &q = m_db.exec(u"SELECT DISTINCT concert_id FROM queue_entries WHERE status IN ('WAITING', 'ACTIVE')"_s);
        while (q.next())
            concerts.append(q.value(0).toLongLong());
    }
    int admitted = 0;
    for (qint64 id : concerts)
        admitted += admit(id);
    return admitted;
}

int QueueService::admit(qint64 concertId)
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
            "       admit_credit + extract(epoch FROM now() - credit_at) * admit_per_minute / 60.0), "
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
        const qint64 room = paused ? 0 : std::min<qint64>(qint64(std::floor(credit)), maxActive - active);
        int admitted = 0;
        if (room > 0) {
            QSqlQuery &a = m_db.exec(
                u"UPDATE queue_entries SET status = 'ACTIVE', admitted_at = now(), "
                " active_until = now() + make_interval(secs => ?) "
                "WHERE id IN (SELECT id FROM queue_entries WHERE concert_id = ? AND status = 'WAITING' "
                "             ORDER BY arrival LIMIT ?)"_s,
                {ttl, concertId, room});
            admitted = a.numRowsAffected();
        }
        // While paused or full the bucket stays where it is rather than saving up a burst.
        credit = paused || admitted < room ? std::min(credit, 1.0) : credit - admitted;
        m_db.exec(u"UPDATE queue_settings SET admit_credit = ?, credit_at = now() WHERE concert_id = ?"_s,
                  {credit, concertId});
        if (admitted > 0)
            Metrics::instance().increment(u"encore_queue_admitted_total"_s, {}, admitted);
        return admitted;
    });
}

QueueSettings QueueService::settings(qint64 concertId)
{
    QSqlQuery &c = m_db.exec(u"SELECT 1 FROM concerts WHERE id = ?"_s, {concertId});
    if (!c.next())
        throw ApiError(ErrorCode::NotFound, u"No such concert."_s);
    ensureSettings(concertId);
    QSqlQuery &q = m_db.exec(u"SELECT max_active, admit_per_minute, active_ttl_seconds, paused "
                             "FROM queue_settings WHERE concert_id = ?"_s,
                             {concertId});
    if (!q.next())
        throw ApiError(ErrorCode::NotFound, u"No such concert."_s);
    return {q.value(0).toInt(), q.value(1).toInt(), q.value(2).toInt(), q.value(3).toBool()};
}

QueueSettings QueueService::updateSettings(qint64 concertId, const QueueSettings &s)
{
    return m_db.transact([&] {
        QSqlQuery &c = m_db.exec(u"SELECT 1 FROM concerts WHERE id = ?"_s, {concertId});
        if (!c.next())
            throw ApiError(ErrorCode::NotFound, u"No such concert."_s);
        ensureSettings(concertId);
        m_db.exec(u"UPDATE queue_settings SET max_active = ?, admit_per_minute = ?, active_ttl_seconds = ?, "
                  "paused = ?, updated_at = now() WHERE concert_id = ?"_s,
                  {s.maxActive, s.admitPerMinute, s.activeTtlSeconds, s.paused, concertId});
        return s;
    });
}

QJsonObject QueueService::statistics(qint64 concertId)
{
    const QueueSettings s = settings(concertId);
    QSqlQuery &q = m_db.exec(
        u"SELECT count(*) FILTER (WHERE status = 'WAITING'), "
        " count(*) FILTER (WHERE status = 'ACTIVE' AND active_until > now()), "
        " count(*) FILTER (WHERE admitted_at > now() - interval '60 seconds'), "
        " count(*) FILTER (WHERE status = 'COMPLETED') "
        "FROM queue_entries WHERE concert_id = ?"_s,
        {concertId});
    q.next();
    const qint64 waiting = q.value(0).toLongLong();
    const qint64 active = q.value(1).toLongLong();
    const qint64 perMinute = q.value(2).toLongLong();
    const double rate = (perMinute > 0 ? std::min<double>(perMinute, s.admitPerMinute) : s.admitPerMinute) / 60.0;
    return {{u"concertId"_s, concertId},
            {u"waiting"_s, waiting},
            {u"active"_s, active},
            {u"admittedLastMinute"_s, perMinute},
            {u"completed"_s, q.value(3).toLongLong()},
            {u"etaAtBackSeconds"_s, qint64(std::ceil(waiting / std::max(rate, 1e-6)))},
            {u"settings"_s, s.toJson()}};
}

} // namespace encore::server
