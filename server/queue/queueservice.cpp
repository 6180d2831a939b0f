#include "queueservice.h"

#include "auth/passwordhasher.h"
#include "metrics/metrics.h"
#include "queue/etaestimate.h"
#include "queue/queuestore.h"
#include "storage/database.h"
#include "storage/sqlvalues.h"

#include <QLoggingCategory>
#include <QSqlQuery>

#include <cmath>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcQueue, "encore.queue")

namespace encore::server {

namespace {

struct Eta {
    qint64 seconds = 0;
    qint64 low = 0;
    qint64 high = 0;
    QString reason;
};

// ETA = my position ÷ admissions per second. The measured rate of the last minute is used once
// there are enough samples (it sees capacity limits the settings cannot); before that, and right
// after staff change the settings, the configured rate.
Eta estimate(qint64 position, const QueueSnapshot &s)
{
    const bool atCapacity = s.activeCount >= s.maxActive;
    const double configured = s.admitPerMinute / 60.0;
    const double measured
        = s.recentAdmitted >= 5 && s.spanSeconds >= 2 ? s.recentAdmitted / s.spanSeconds : 0;
    double rate = measured > 0 ? std::min(measured, configured) : configured;
    Eta eta;
    eta.reason = measured > 0 ? u"steady"_s : u"estimating"_s;
    if (s.settingsChanged) {
        rate = configured; // the last minute no longer predicts the next
        eta.reason = u"rate_changed"_s;
    }
    if (atCapacity)
        eta.reason = u"at_capacity"_s;
    if (s.paused)
        eta.reason = u"paused"_s;
    const double seconds = position / std::max(rate, 1e-6);
    eta.seconds = qint64(std::ceil(seconds));
    eta.low = qint64(std::floor(seconds * 0.8));
    eta.high = qint64(std::ceil(seconds * (s.paused || atCapacity ? 2.0 : 1.25))) + 1;
    return eta;
}

// Serialises one customer's joins of one concert (a double click sends two at once): each join
// reads its ticket before the next one rotates the token, so none answers 404 for the ticket it
// just made. Session-level, so it spans the store's own transactions; join() never runs inside one.
class CustomerJoinLock {
public:
    CustomerJoinLock(Database &db, const QUuid &userId, qint64 concertId)
        : m_db(db)
        , m_key(userId.toString(QUuid::WithoutBraces) + u':' + QString::number(concertId))
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

QueueService::QueueService(Database &db, const ServerConfig &config, QueueStore &store)
    : m_db(db)
    , m_config(config)
    , m_store(store)
{
}

void QueueService::requireConcert(qint64 concertId)
{
    QSqlQuery &c = m_db.exec(u"SELECT 1 FROM concerts WHERE id = ?"_s, {concertId});
    if (!c.next())
        throw ApiError(ErrorCode::NotFound, Msg::NoSuchConcert);
}

void QueueService::ensureSettings(qint64 concertId)
{
    m_db.exec(
        // updated_at 'epoch': defaults are not a change staff made (no "rate changed" reason).
        u"INSERT INTO queue_settings(concert_id, max_active, admit_per_minute, active_ttl_seconds, "
        "updated_at) VALUES (?, ?, ?, ?, 'epoch') ON CONFLICT (concert_id) DO NOTHING"_s,
        {concertId, m_config.queue.maxActive, m_config.queue.admitPerMinute,
         m_config.queue.activeTtlSeconds});
}

std::pair<QueueTicket, bool> QueueService::join(const QUuid &userId, qint64 concertId)
{
    const QByteArray token = tokens::generate();
    const CustomerJoinLock oneAtATime(m_db, userId, concertId);
    QSqlQuery &c = m_db.exec(
        u"SELECT EXISTS (SELECT 1 FROM queue_blocks b WHERE b.concert_id = c.id "
        "  AND b.user_id = ?::uuid), "
        " EXISTS (SELECT 1 FROM schedules s WHERE s.concert_id = c.id) AND NOT EXISTS "
        "  (SELECT 1 FROM schedules s WHERE s.concert_id = c.id AND s.cancelled_at IS NULL) "
        "FROM concerts c WHERE c.id = ?"_s,
        {sql::uuid(userId), concertId});
    if (!c.next())
        throw ApiError::withText(ErrorCode::NotFound, u"No such concert."_s);
    if (c.value(0).toBool())
        throw ApiError::withText(
            ErrorCode::Forbidden,
            u"This account may not join this concert's queue; please contact us."_s);
    if (c.value(1).toBool())
        throw ApiError::withText(ErrorCode::Conflict,
                                 u"Every date of this concert has been cancelled."_s);
    ensureSettings(concertId);
    // Re-joining keeps the place in line and rotates the token (we cannot give back a token we
    // only stored the hash of).
    const bool inserted = m_store.join(userId, concertId, tokens::hash(token));
    if (inserted)
        m_db.afterCommit([] { Metrics::instance().increment(u"encore_queue_joins_total"_s); });
    admit(concertId); // an idle queue lets the newcomer straight in
    QueueTicket ticket = ticketFor(tokens::hash(token));
    ticket.token = QString::fromLatin1(token);
    return {ticket, inserted};
}

QueueTicket QueueService::ticketFor(const QByteArray &tokenHash)
{
    const auto s = m_store.snapshot(tokenHash);
    if (!s)
        throw ApiError(ErrorCode::NotFound, Msg::TicketEnded);
    QueueTicket t;
    t.userId = s->entry.userId;
    t.concertId = s->entry.concertId;
    if (s->entry.active) {
        if (s->entry.activeUntil <= QDateTime::currentDateTimeUtc())
            throw ApiError(ErrorCode::NotFound, Msg::TurnEnded);
        t.status = QueueStatus::Active;
        t.activeUntil = s->entry.activeUntil;
        t.pollAfterMs = 10'000;
        t.etaReason = EtaReason::Admitted;
        return t;
    }
    t.status = QueueStatus::Waiting;
    t.position = s->ahead + 1;
    t.aheadCount = s->ahead;
    const WaitEstimate estimate = estimateWait(t.position, *s);
    t.eta = estimate.eta;
    t.etaReason = estimate.reason;
    t.etaChange = estimate.change;
    // Near the front, ask often; far back, rarely (keeps 10,000 waiting fans from flooding us).
    // Paused: nothing moves until staff resume, which the live feed announces.
    t.pollAfterMs = t.eta ? int(std::clamp<qint64>(t.eta->seconds * 100, 500, 10'000)) : 10'000;
    return t;
}

QueueTicket QueueService::status(const QUuid &userId, const QByteArray &token)
{
    if (token.isEmpty() || token.size() > 128)
        throw ApiError(ErrorCode::NotFound, Msg::NoQueueTicket);
    QueueTicket t = ticketFor(tokens::hash(token));
    if (t.userId != userId)
        throw ApiError(ErrorCode::NotFound, Msg::TicketEnded);
    return t;
}

void QueueService::leave(const QUuid &userId, const QByteArray &token)
{
    if (token.isEmpty() || token.size() > 128 || !m_store.leave(userId, tokens::hash(token)))
        throw ApiError(ErrorCode::NotFound, Msg::TicketAlreadyEnded);
}

QDateTime QueueService::requireActive(const QUuid &userId, const QByteArray &token,
                                      qint64 concertId)
{
    if (token.isEmpty() || token.size() > 128)
        throw ApiError(ErrorCode::QueueNotActive, Msg::JoinQueueFirst);
    const auto e = m_store.entry(tokens::hash(token));
    if (!e || e->userId != userId || e->concertId != concertId)
        throw ApiError(ErrorCode::QueueNotActive, Msg::JoinQueueFirst);
    if (e->active && e->activeUntil > QDateTime::currentDateTimeUtc())
        return e->activeUntil;
    if (!e->active) {
        const QueueTicket t = ticketFor(tokens::hash(token));
        throw ApiError(
            ErrorCode::QueueNotActive, Msg::NotYourTurn, messageArgs(t.position),
            {{u"position"_s, t.position},
             {u"etaSeconds"_s, t.eta ? QJsonValue(t.eta->seconds) : QJsonValue(QJsonValue::Null)}});
    }
    throw ApiError(ErrorCode::QueueNotActive, Msg::TurnEnded);
}

void QueueService::complete(const QUuid &userId, qint64 concertId)
{
    m_db.afterCommit([this, userId, concertId] {
        try {
            m_store.complete(userId, concertId);
        } catch (const std::exception &e) {
            // Done all the same (the payment committed); the ticket runs out at its time instead.
            qCWarning(lcQueue) << "could not end the queue ticket:" << e.what();
        }
    });
}

// The payment request of a customer who pays in a hold's last second is still in flight when the
// hold ends; a turn outlasts the hold (or seat offer) it covers by that much.
constexpr int kPaymentGraceSeconds = 30;

void QueueService::coverHold(const QUuid &userId, qint64 concertId, const QDateTime &heldUntil)
{
    m_store.extendTurn(userId, concertId, heldUntil.addSecs(kPaymentGraceSeconds));
}

void QueueService::grantOfferTurn(const QUuid &userId, qint64 concertId,
                                  const QDateTime &offeredUntil)
{
    ensureSettings(concertId);
    m_store.grantTurn(userId, concertId, tokens::hash(tokens::generate()),
                      offeredUntil.addSecs(kPaymentGraceSeconds));
}

int QueueService::admitAll()
{
    int admitted = 0;
    for (qint64 id : m_store.concertsWithQueues())
        admitted += admit(id);
    return admitted;
}

int QueueService::admit(qint64 concertId)
{
    const int admitted = m_store.admit(concertId);
    if (admitted > 0)
        m_db.afterCommit([admitted] {
            Metrics::instance().increment(u"encore_queue_admitted_total"_s, {}, admitted);
        });
    return admitted;
}

QueueSettings QueueService::settings(qint64 concertId)
{
    requireConcert(concertId);
    ensureSettings(concertId);
    QSqlQuery &q = m_db.exec(u"SELECT max_active, admit_per_minute, active_ttl_seconds, paused "
                             "FROM queue_settings WHERE concert_id = ?"_s,
                             {concertId});
    if (!q.next())
        throw ApiError(ErrorCode::NotFound, Msg::NoSuchConcert);
    return {q.value(0).toInt(), q.value(1).toInt(), q.value(2).toInt(), q.value(3).toBool()};
}

QueueSettings QueueService::updateSettings(qint64 concertId, const QueueSettings &s)
{
    m_db.transact([&] {
        requireConcert(concertId);
        ensureSettings(concertId);
        m_db.exec(u"UPDATE queue_settings SET max_active = ?, admit_per_minute = ?, "
                  u"active_ttl_seconds = ?, "
                  "paused = ?, updated_at = now() WHERE concert_id = ?"_s,
                  {s.maxActive, s.admitPerMinute, s.activeTtlSeconds, s.paused, concertId});
        // The store's copy (Redis) follows PostgreSQL only once the change is committed — by
        // the staff request's transaction, which also writes the audit entry.
        m_db.afterCommit([this, concertId, s] { m_store.settingsChanged(concertId, s); });
    });
    return s;
}

QueueStats QueueService::statistics(qint64 concertId)
{
    const QueueSettings s = settings(concertId);
    const QueueCounts c = m_store.counts(concertId);
    const double rate
        = (c.admittedLastMinute > 0 ? std::min<double>(c.admittedLastMinute, s.admitPerMinute)
                                    : s.admitPerMinute)
        / 60.0;
    QueueStats stats;
    stats.concertId = concertId;
    stats.waiting = c.waiting;
    stats.active = c.active;
    stats.admittedLastMinute = c.admittedLastMinute;
    stats.completed = c.completed;
    stats.etaAtBackSeconds = qint64(std::ceil(c.waiting / std::max(rate, 1e-6)));
    stats.settings = s;
    return stats;
}

QList<QueueTicket> QueueService::ticketsOf(const QUuid &userId)
{
    QList<QueueTicket> out;
    for (const UserQueueEntry &e : m_store.entriesOf(userId)) {
        QueueTicket t;
        t.userId = userId;
        t.concertId = e.entry.concertId;
        t.status = e.entry.active ? QueueStatus::Active : QueueStatus::Waiting;
        t.activeUntil = e.entry.activeUntil;
        t.position = e.entry.active ? 0 : e.ahead + 1;
        t.aheadCount = e.ahead;
        // Staff see the line, not an estimate: the default reason says none was measured.
        if (e.entry.active)
            t.etaReason = EtaReason::Admitted;
        out.append(t);
    }
    return out;
}

bool QueueService::removeEntry(const QUuid &userId, qint64 concertId)
{
    requireConcert(concertId);
    return m_store.remove(userId, concertId);
}

int QueueService::close(qint64 concertId)
{
    return m_store.removeAll(concertId);
}

bool QueueService::block(qint64 concertId, const QUuid &userId, const QUuid &actorId,
                         const QString &reason, const std::function<void()> &inTransaction)
{
    // The customer's join lock: a join in flight either finished (and its entry is ended below)
    // or starts after the block is committed (and is refused).
    const CustomerJoinLock noJoinMeanwhile(m_db, userId, concertId);
    const bool added = m_db.transact([&] {
        requireConcert(concertId);
        QSqlQuery &u = m_db.exec(u"SELECT 1 FROM users WHERE id = ?::uuid"_s, {sql::uuid(userId)});
        if (!u.next())
            throw ApiError::withText(ErrorCode::NotFound, u"No such account."_s);
        QSqlQuery &q = m_db.exec(
            u"INSERT INTO queue_blocks(concert_id, user_id, actor_id, reason) "
            "VALUES (?, ?::uuid, ?::uuid, ?) ON CONFLICT (concert_id, user_id) DO UPDATE "
            "SET reason = EXCLUDED.reason, actor_id = EXCLUDED.actor_id RETURNING (xmax = 0)"_s,
            {concertId, sql::uuid(userId), sql::uuid(actorId), reason});
        q.next();
        inTransaction();
        return q.value(0).toBool();
    });
    m_store.remove(userId, concertId);
    return added;
}

bool QueueService::unblock(qint64 concertId, const QUuid &userId,
                           const std::function<void()> &inTransaction)
{
    return m_db.transact([&] {
        requireConcert(concertId);
        const bool removed
            = m_db.exec(u"DELETE FROM queue_blocks WHERE concert_id = ? AND user_id = ?::uuid"_s,
                        {concertId, sql::uuid(userId)})
                  .numRowsAffected()
            > 0;
        if (removed)
            inTransaction();
        return removed;
    });
}

} // namespace encore::server
