#include "queueservice.h"

#include "api/fairqueuetypes.h"
#include "auth/passwordhasher.h"
#include "jsonreader.h"
#include "live/noticepublisher.h"
#include "metrics/metrics.h"
#include "models/concert.h"
#include "queue/etaestimate.h"
#include "queue/pgqueuestore.h"
#include "queue/queuestore.h"
#include "services/ratelimiter.h"
#include "storage/database.h"
#include "storage/sqlvalues.h"

#include <QLoggingCategory>
#include <QRandomGenerator>
#include <QSqlQuery>

#include <cmath>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcQueue, "encore.queue")

namespace encore::server {

namespace {

// Serialises one customer's joins of one concert (a double click sends two at once): each join
// reads its ticket before the next one rotates the token, so none answers 404 for the ticket it
// just made. Session-level, so it spans the store's own transactions; join() never runs inside one.
// With an address, also serialises that address's joins of the concert, so its live-account
// limit holds across instances (the customer's lock is taken first, in the same statement, so
// two joins never wait on each other in opposite orders).
class CustomerJoinLock {
public:
    CustomerJoinLock(Database &db, const QUuid &userId, qint64 concertId,
                     const QString &address = {})
        : m_db(db)
        , m_key(userId.toString(QUuid::WithoutBraces) + u':' + QString::number(concertId))
        , m_addressKey(address.isEmpty() ? QString() : address + u'@' + QString::number(concertId))
    {
        if (m_addressKey.isEmpty())
            m_db.exec(u"SELECT pg_advisory_lock(2, hashtext(?))"_s, {m_key});
        else
            m_db.exec(
                u"SELECT pg_advisory_lock(2, hashtext(?)), pg_advisory_lock(3, hashtext(?))"_s,
                {m_key, m_addressKey});
    }
    ~CustomerJoinLock()
    {
        try {
            if (!m_addressKey.isEmpty())
                m_db.exec(u"SELECT pg_advisory_unlock(3, hashtext(?))"_s, {m_addressKey});
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
    const QString m_addressKey;
};

// A pre-queue ticket asks again when sales open (at most every 10 s before that), plus up to a
// second at random so a large pre-queue does not ask all in the same millisecond.
int preQueuePollAfterMs(qint64 msUntilOpen)
{
    return int(std::clamp<qint64>(msUntilOpen, 1000, 10'000))
        + int(QRandomGenerator::global()->bounded(1000));
}

} // namespace

namespace {
// Cache notices: one user's turns (their id), or every cached turn.
constexpr QByteArrayView kTurnsNotice = "turns:";
constexpr QByteArrayView kAllTurnsNotice = "turns";

QByteArray turnGroup(const QUuid &userId)
{
    return userId.toRfc4122();
}
} // namespace

QueueService::QueueService(Database &db, const ServerConfig &config, QueueStore &store,
                           RateLimiter &limits, NoticePublisher &notices)
    : m_db(db)
    , m_config(config)
    , m_store(store)
    , m_limits(limits)
    , m_notices(notices)
    , m_entriesInPostgres(dynamic_cast<PgQueueStore *>(&store) != nullptr)
{
}

std::optional<QueueEntry> QueueService::liveEntry(const QUuid &userId, const QByteArray &tokenHash)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (auto cached = m_turns.get(tokenHash)) {
        if (cached->activeUntil > now)
            return cached;
    }
    const QByteArray group = turnGroup(userId);
    const quint64 ticket = m_turns.ticket(group);
    auto e = m_store.entry(tokenHash);
    // Only this user's ACTIVE turns, read outside a transaction (never uncommitted rows).
    if (e && e->active && e->userId == userId && e->activeUntil > now && !m_db.inTransaction())
        m_turns.put(tokenHash, group, *e, ticket);
    return e;
}

void QueueService::turnsChanged(const QUuid &userId)
{
    // This instance forgets at once (after the commit); the others when the notice arrives.
    m_db.afterCommit([this, userId] {
        m_turns.invalidateGroup(turnGroup(userId));
        m_notices.publish(QString::fromLatin1(kCacheChannel),
                          QString::fromLatin1(kTurnsNotice.toByteArray())
                              + userId.toString(QUuid::WithoutBraces));
    });
}

bool QueueService::onCacheNotice(const QByteArray &payload)
{
    if (payload.startsWith(kTurnsNotice)) {
        const QUuid user = QUuid::fromString(QLatin1StringView(payload.mid(kTurnsNotice.size())));
        if (!user.isNull())
            m_turns.invalidateGroup(turnGroup(user));
        return true;
    }
    if (payload == kAllTurnsNotice) {
        forgetAllTurns();
        return true;
    }
    return false;
}

void QueueService::forgetAllTurns()
{
    m_turns.clear();
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

std::pair<QueueTicket, bool> QueueService::join(const QUuid &userId, qint64 concertId,
                                                const QHostAddress &clientAddress)
{
    const QString address
        = clientAddress.isNull() ? QString() : RateLimiter::addressText(clientAddress);
    m_limits.queueJoin(userId, clientAddress);
    const QByteArray token = tokens::generate();
    const CustomerJoinLock oneAtATime(m_db, userId, concertId, address);
    QSqlQuery &c = m_db.exec(
        u"SELECT EXISTS (SELECT 1 FROM queue_blocks b WHERE b.concert_id = c.id "
        "  AND b.user_id = ?::uuid), "
        " EXISTS (SELECT 1 FROM schedules s WHERE s.concert_id = c.id) AND NOT EXISTS "
        "  (SELECT 1 FROM schedules s WHERE s.concert_id = c.id AND s.cancelled_at IS NULL) "
        "FROM concerts c WHERE c.id = ?"_s,
        {sql::uuid(userId), concertId});
    if (!c.next())
        throw ApiError(ErrorCode::NotFound, Msg::NoSuchConcert);
    if (c.value(0).toBool())
        throw ApiError(ErrorCode::Forbidden, Msg::QueueBlocked);
    if (c.value(1).toBool())
        throw ApiError(ErrorCode::Conflict, Msg::ConcertCancelled);
    ensureSettings(concertId);
    const SalesOpening opening = openingOf(concertId);
    JoinRequest request {userId, concertId, tokens::hash(token),
                         false,  address,   address.isEmpty() ? 0 : opening.maxAccountsPerAddress};
    if (!opening.onSale && opening.nextOpen.isValid()) {
        const QDateTime from = opening.nextOpen.addSecs(-60 * qint64(opening.preQueueMinutes));
        if (opening.now < from) {
            // The message says the time at the venue ("2026-12-01 19:00 KST"); the details carry
            // it for the app to write as it writes every time.
            const QDateTime there = from.toTimeZone(venueTimeZone(opening.timeZone));
            throw ApiError(
                ErrorCode::Conflict, Msg::PreQueueNotOpen,
                messageArgs(there.toString(u"yyyy-MM-dd HH:mm "_s) + there.timeZoneAbbreviation(),
                            opening.preQueueMinutes),
                PreQueueNotOpen {opening.nextOpen, from, opening.preQueueMinutes, opening.timeZone}
                    .toJson());
        }
        request.preQueue = true;
    }
    // Re-joining keeps the place in line and rotates the token (we cannot give back a token we
    // only stored the hash of). With the entries in PostgreSQL the join and the admission attempt
    // (an idle queue lets the newcomer straight in) are one transaction: the line's row, which
    // orders every join of the concert, is then held through one durable commit, not two.
    const auto joinAndAdmit = [&] {
        JoinOutcome o = m_store.join(request);
        if (o == JoinOutcome::NeedsOpening) {
            // Sales have opened and no tick has placed the pre-queue yet: it goes first.
            openPreQueue(concertId, opening.lastOpen);
            o = m_store.join(request);
        }
        if (o == JoinOutcome::Added || o == JoinOutcome::Rotated)
            admit(concertId);
        return o;
    };
    const JoinOutcome outcome = m_entriesInPostgres ? m_db.transact(joinAndAdmit) : joinAndAdmit();
    if (outcome == JoinOutcome::AddressFull) {
        m_limits.addressFull(concertId, clientAddress, opening.maxAccountsPerAddress);
        throw ApiError(ErrorCode::RateLimited, Msg::TooManyAccountsFromAddress, {},
                       {{api::details::kRetryAfterSeconds, 60}});
    }
    if (outcome == JoinOutcome::NeedsOpening)
        throw ApiError::retryShortly();
    const bool inserted = outcome == JoinOutcome::Added;
    turnsChanged(userId); // the earlier token of this entry no longer counts
    if (inserted)
        m_db.afterCommit([] { Metrics::instance().increment(u"encore_queue_joins_total"_s); });
    QueueTicket ticket = ticketFor(tokens::hash(token));
    m_limits.pollAnswered(tokens::hash(token), ticket.pollAfterMs);
    ticket.token = QString::fromLatin1(token);
    return {ticket, inserted};
}

QueueTicket QueueService::activeTicket(const QueueEntry &e)
{
    QueueTicket t;
    t.userId = e.userId;
    t.concertId = e.concertId;
    t.status = QueueStatus::Active;
    t.activeUntil = e.activeUntil;
    t.pollAfterMs = 10'000;
    t.etaReason = EtaReason::Admitted;
    return t;
}

QueueService::SalesOpening QueueService::openingOf(qint64 concertId)
{
    QSqlQuery &q = m_db.exec(
        u"SELECT EXISTS (SELECT 1 FROM schedules s WHERE s.concert_id = c.id "
        "   AND s.cancelled_at IS NULL AND s.sales_open_at <= now() AND now() < s.sales_close_at), "
        " (SELECT min(sales_open_at) FROM schedules s WHERE s.concert_id = c.id "
        "   AND s.cancelled_at IS NULL AND s.sales_open_at > now()), "
        " (SELECT max(sales_open_at) FROM schedules s WHERE s.concert_id = c.id "
        "   AND s.cancelled_at IS NULL AND s.sales_open_at <= now()), "
        " now(), coalesce(qs.pre_queue_minutes, 60), qs.max_accounts_per_address, c.time_zone "
        "FROM concerts c LEFT JOIN queue_settings qs ON qs.concert_id = c.id WHERE c.id = ?"_s,
        {concertId});
    if (!q.next())
        throw ApiError(ErrorCode::NotFound, Msg::NoSuchConcert);
    SalesOpening o;
    o.onSale = q.value(0).toBool();
    o.nextOpen = q.value(1).toDateTime().toUTC();
    o.lastOpen = q.value(2).toDateTime().toUTC();
    o.now = q.value(3).toDateTime().toUTC();
    o.preQueueMinutes = q.value(4).toInt();
    o.maxAccountsPerAddress
        = q.value(5).isNull() ? m_config.limits.accountsPerAddress : q.value(5).toInt();
    o.timeZone = q.value(6).toString();
    return o;
}

void QueueService::openPreQueue(qint64 concertId, const QDateTime &opensAt)
{
    if (!opensAt.isValid())
        return;
    const auto [placed, shuffled] = m_store.openPreQueue(concertId, opensAt);
    if (!shuffled)
        return;
    // The record staff see (the PostgreSQL store wrote it with its shuffle; the Redis store's
    // record of the shuffle lives in Redis).
    m_db.exec(u"INSERT INTO queue_openings(concert_id, opens_at, placed) VALUES (?, ?, ?) "
              "ON CONFLICT (concert_id, opens_at) DO NOTHING"_s,
              {concertId, opensAt, placed});
    qCInfo(lcQueue) << "sales opened for concert" << concertId << ": the pre-queue of" << placed
                    << "got random places";
    Metrics::instance().increment(u"encore_queue_prequeue_placed_total"_s, {}, placed);
}

void QueueService::openDuePreQueues()
{
    for (qint64 concertId : m_store.concertsWithPreQueue()) {
        const SalesOpening o = openingOf(concertId);
        if (o.onSale)
            openPreQueue(concertId, o.lastOpen);
    }
}

QueueTicket QueueService::ticketFor(const QByteArray &tokenHash, bool mayOpen)
{
    const auto s = m_store.snapshot(tokenHash);
    if (!s)
        throw ApiError(ErrorCode::NotFound, Msg::TicketEnded);
    QueueTicket t;
    t.userId = s->entry.userId;
    t.concertId = s->entry.concertId;
    if (s->entry.preQueue) {
        const SalesOpening o = openingOf(t.concertId);
        if (o.onSale && mayOpen) {
            // Opening time: place the pre-queue now rather than at the next tick.
            openPreQueue(t.concertId, o.lastOpen);
            return ticketFor(tokenHash, false);
        }
        t.status = QueueStatus::Waiting;
        t.preQueue = true;
        t.etaReason = EtaReason::PreQueue;
        t.preQueueCount = s->preQueueCount;
        t.opensAt = o.onSale || !o.nextOpen.isValid() ? o.now : o.nextOpen;
        t.pollAfterMs = preQueuePollAfterMs(o.now.msecsTo(t.opensAt));
        return t;
    }
    if (s->entry.active) {
        if (s->entry.activeUntil <= QDateTime::currentDateTimeUtc())
            throw ApiError(ErrorCode::NotFound, Msg::TurnEnded);
        return activeTicket(s->entry);
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

qint64 QueueService::activeConcert(const QUuid &userId, const QByteArray &token)
{
    if (token.isEmpty() || token.size() > 128)
        return 0;
    const auto e = liveEntry(userId, tokens::hash(token));
    const bool mine
        = e && e->userId == userId && e->active && e->activeUntil > QDateTime::currentDateTimeUtc();
    return mine ? e->concertId : 0;
}

QueueTicket QueueService::status(const QUuid &userId, const QByteArray &token)
{
    if (token.isEmpty() || token.size() > 128)
        throw ApiError(ErrorCode::NotFound, Msg::NoQueueTicket);
    // An ACTIVE turn needs nothing but its entry: answered from memory when cached.
    const QByteArray hash = tokens::hash(token);
    if (const auto e = m_turns.get(hash);
        e && e->userId == userId && e->activeUntil > QDateTime::currentDateTimeUtc())
        return activeTicket(*e);
    const quint64 ticket = m_turns.ticket(turnGroup(userId));
    QueueTicket t = ticketFor(hash);
    if (t.userId != userId)
        throw ApiError(ErrorCode::NotFound, Msg::TicketEnded);
    if (t.status == QueueStatus::Active && !m_db.inTransaction())
        m_turns.put(hash, turnGroup(userId), QueueEntry {userId, t.concertId, true, t.activeUntil},
                    ticket);
    return t;
}

QueueTicket QueueService::poll(const QUuid &userId, const QByteArray &token,
                               const QHostAddress &clientAddress)
{
    if (token.isEmpty() || token.size() > 128)
        throw ApiError(ErrorCode::NotFound, Msg::NoQueueTicket);
    const QByteArray hash = tokens::hash(token);
    // Counted and paced before the queue is read: a client asking faster than its pollAfterMs
    // is answered 429 from the limiter's one statement (or script).
    m_limits.queuePoll(userId, clientAddress, hash);
    const QueueTicket t = status(userId, token);
    m_limits.pollAnswered(hash, t.pollAfterMs);
    return t;
}

void QueueService::leave(const QUuid &userId, const QByteArray &token)
{
    if (token.isEmpty() || token.size() > 128 || !m_store.leave(userId, tokens::hash(token)))
        throw ApiError(ErrorCode::NotFound, Msg::TicketAlreadyEnded);
    turnsChanged(userId);
}

QDateTime QueueService::requireActive(const QUuid &userId, const QByteArray &token,
                                      qint64 concertId)
{
    if (token.isEmpty() || token.size() > 128)
        throw ApiError(ErrorCode::QueueNotActive, Msg::JoinQueueFirst);
    const auto e = liveEntry(userId, tokens::hash(token));
    if (!e || e->userId != userId || e->concertId != concertId)
        throw ApiError(ErrorCode::QueueNotActive, Msg::JoinQueueFirst);
    if (e->active && e->activeUntil > QDateTime::currentDateTimeUtc())
        return e->activeUntil;
    if (!e->active) {
        const QueueTicket t = ticketFor(tokens::hash(token));
        throw ApiError(ErrorCode::QueueNotActive, Msg::NotYourTurn, messageArgs(t.position),
                       {{u"position"_s, t.position},
                        {api::details::kEtaSeconds,
                         t.eta ? QJsonValue(t.eta->seconds) : QJsonValue(QJsonValue::Null)}});
    }
    throw ApiError(ErrorCode::QueueNotActive, Msg::TurnEnded);
}

void QueueService::complete(const QUuid &userId, qint64 concertId)
{
    m_db.afterCommit([this, userId, concertId] {
        try {
            m_store.complete(userId, concertId);
            turnsChanged(userId);
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
    turnsChanged(userId);
}

void QueueService::grantTurn(const QUuid &userId, qint64 concertId, const QDateTime &until)
{
    m_store.grantTurn(userId, concertId, until);
    turnsChanged(userId); // a cached "waiting" for this customer is stale now
}

void QueueService::grantOfferTurn(const QUuid &userId, qint64 concertId,
                                  const QDateTime &offeredUntil)
{
    ensureSettings(concertId);
    grantTurn(userId, concertId, offeredUntil.addSecs(kPaymentGraceSeconds));
}

int QueueService::admitAll()
{
    openDuePreQueues();
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
    QSqlQuery &q = m_db.exec(u"SELECT max_active, admit_per_minute, active_ttl_seconds, paused, "
                             "pre_queue_minutes, max_accounts_per_address "
                             "FROM queue_settings WHERE concert_id = ?"_s,
                             {concertId});
    if (!q.next())
        throw ApiError(ErrorCode::NotFound, Msg::NoSuchConcert);
    QueueSettings s {q.value(0).toInt(),  q.value(1).toInt(), q.value(2).toInt(),
                     q.value(3).toBool(), q.value(4).toInt(), std::nullopt};
    const int perAddress
        = q.value(5).isNull() ? m_config.limits.accountsPerAddress : q.value(5).toInt();
    if (perAddress > 0)
        s.maxAccountsPerAddress = perAddress;
    return s;
}

QueueSettings QueueService::updateSettings(qint64 concertId, const QueueSettings &s)
{
    return m_db.transact([&] {
        requireConcert(concertId);
        ensureSettings(concertId);
        m_db.exec(u"UPDATE queue_settings SET max_active = ?, admit_per_minute = ?, "
                  u"active_ttl_seconds = ?, "
                  "paused = ?, updated_at = now(), "
                  "pre_queue_minutes = coalesce(?::int, pre_queue_minutes), "
                  "max_accounts_per_address = coalesce(?::int, max_accounts_per_address) "
                  "WHERE concert_id = ?"_s,
                  {s.maxActive, s.admitPerMinute, s.activeTtlSeconds, s.paused,
                   s.preQueueMinutes ? QVariant(*s.preQueueMinutes) : QVariant(),
                   s.maxAccountsPerAddress ? QVariant(*s.maxAccountsPerAddress) : QVariant(),
                   concertId});
        // The store's copy (Redis) follows PostgreSQL only once the change is committed — by
        // the staff request's transaction, which also writes the audit entry.
        m_db.afterCommit([this, concertId, s] { m_store.settingsChanged(concertId, s); });
        return settings(concertId);
    });
}

PreQueueView QueueService::preQueueView(qint64 concertId)
{
    constexpr int kListed = 200;
    const SalesOpening o = openingOf(concertId);
    PreQueueView v;
    v.concertId = concertId;
    v.preQueueMinutes = o.preQueueMinutes;
    if (!o.onSale && o.nextOpen.isValid()) {
        v.opensAt = o.nextOpen;
        v.acceptsJoinsFrom = o.nextOpen.addSecs(-60 * qint64(o.preQueueMinutes));
    }
    v.count = m_store.counts(concertId).preQueue;
    const QList<PreQueueMember> members = m_store.preQueue(concertId, kListed);
    QStringList ids;
    for (const PreQueueMember &m : members)
        ids.append(sql::uuid(m.userId));
    QHash<QUuid, QString> names;
    QSqlQuery &u = m_db.exec(u"SELECT id, username FROM users WHERE id = ANY(?::uuid[])"_s,
                             {u'{' + ids.join(u',') + u'}'});
    while (u.next())
        names.insert(QUuid::fromString(u.value(0).toString()), u.value(1).toString());
    for (const PreQueueMember &m : members)
        v.entries.append({m.userId, names.value(m.userId), m.joinedAt.toUTC()});
    QSqlQuery &q = m_db.exec(u"SELECT opens_at, shuffled_at, placed FROM queue_openings "
                             "WHERE concert_id = ? ORDER BY opens_at DESC LIMIT 20"_s,
                             {concertId});
    while (q.next())
        v.openings.append({q.value(0).toDateTime().toUTC(), q.value(1).toDateTime().toUTC(),
                           q.value(2).toLongLong()});
    return v;
}

int QueueService::clearPreQueue(qint64 concertId)
{
    requireConcert(concertId);
    return m_store.clearPreQueue(concertId);
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
        t.preQueue = e.entry.preQueue;
        t.position = e.entry.active || e.entry.preQueue ? 0 : e.ahead + 1;
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
    const bool removed = m_store.remove(userId, concertId);
    turnsChanged(userId);
    return removed;
}

int QueueService::close(qint64 concertId)
{
    const int ended = m_store.removeAll(concertId);
    m_db.afterCommit([this] {
        forgetAllTurns();
        m_notices.publish(QString::fromLatin1(kCacheChannel),
                          QString::fromLatin1(kAllTurnsNotice.toByteArray()));
    });
    return ended;
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
            throw ApiError(ErrorCode::NotFound, Msg::NoSuchAccount);
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
    turnsChanged(userId);
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
