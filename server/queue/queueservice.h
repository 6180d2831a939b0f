#pragma once
// QueueService: the fair per-concert queue on PostgreSQL (DESIGN.md §5) — idempotent join,
// exact positions, admission bounded by maxActive and a token-bucket admitPerMinute, active
// tokens that expire, ETA from measured throughput. Any worker thread; each call is its own
// transaction (or joins the caller's).

#include "api/admintypes.h"
#include "api/fairqueuetypes.h"
#include "cache/invalidatedcache.h"
#include "config/serverconfig.h"
#include "models/queueticket.h"
#include "queue/queuestore.h"

#include <QHostAddress>

#include <functional>

namespace encore::server {

class Database;
class NoticePublisher;
class RateLimiter;

class QueueService {
public:
    // `store` holds the entries (PostgreSQL or Redis); settings stay in PostgreSQL.
    // `limits` counts joins and polls (issue 15: RATE_LIMITED when over).
    QueueService(Database &db, const ServerConfig &config, QueueStore &store, RateLimiter &limits,
                 NoticePublisher &notices);

    // ACTIVE turns are answered from memory (docs/PERFORMANCE.md, "Reads from memory"): every
    // change that ends, moves or replaces a turn (payment, leave, re-join, extension, staff)
    // reaches every instance's cache through the listener; without the listener a cached turn
    // lives at most this long, and never past its own end. Waiting entries are not cached, so an
    // admission is seen at once.
    static constexpr qint64 kTurnCacheMs = 15'000;

    // Returns the ticket (with a fresh token) and whether the entry is new. Before a date's
    // sales open (within preQueueMinutes) the entry waits in the pre-queue; earlier joins are
    // refused with CONFLICT and opensAt (DESIGN.md §5).
    std::pair<QueueTicket, bool> join(const QUuid &userId, qint64 concertId,
                                      const QHostAddress &clientAddress = {});
    QueueTicket status(const QUuid &userId, const QByteArray &token);
    // GET /queue/status: status() within the abuse limits — polls per account and address, and
    // the pace the ticket's last pollAfterMs set (RATE_LIMITED with Retry-After otherwise).
    QueueTicket poll(const QUuid &userId, const QByteArray &token,
                     const QHostAddress &clientAddress);
    void leave(const QUuid &userId, const QByteArray &token);
    // Throws QUEUE_NOT_ACTIVE unless `token` is an ACTIVE ticket of this user for this concert;
    // answers when that turn ends.
    QDateTime requireActive(const QUuid &userId, const QByteArray &token, qint64 concertId);
    // The concert of the user's ACTIVE turn behind `token`, or 0 (no error thrown).
    qint64 activeConcert(const QUuid &userId, const QByteArray &token);
    // True when the entries live in PostgreSQL: a decision function then moves the turn in its
    // own transaction (encore_hold, encore_pay), and the caller reports it with turnsChanged().
    bool entriesInPostgres() const { return m_entriesInPostgres; }
    // The user's turns changed in a way the cache cannot know of: forget them on every instance.
    void turnsChanged(const QUuid &userId);
    // A cache notice from any instance: true if it was the queue's.
    bool onCacheNotice(const QByteArray &payload);
    void forgetAllTurns();
    // Ends the user's ticket for the concert (after payment) once the caller's transaction has
    // committed: a payment that is rolled back or retried keeps the turn active.
    void complete(const QUuid &userId, qint64 concertId);
    // A hold extends the holder's turn to cover it (docs/ARCHITECTURE.md, "A hold outlives no
    // turn"): the turn, and the capacity it takes, lasts until the hold can no longer be paid.
    void coverHold(const QUuid &userId, qint64 concertId, const QDateTime &heldUntil);
    // A turn outside the line's order, until `until` (for a waiting-list offer: issue 15 item 3).
    // A waiting or pre-queue entry leaves the line (those behind move up), an ACTIVE turn is
    // extended, a customer with no entry gets one: their next join (POST .../queue) answers it
    // ACTIVE with a fresh token. Takes a turn's capacity like any other.
    void grantTurn(const QUuid &userId, qint64 concertId, const QDateTime &until);
    // The payment request of a customer who pays in the hold's last second is still in flight
    // when the hold ends; the turn outlasts the hold by that much.
    static constexpr int kPaymentGraceSeconds = 30;
    // A seat offer from the waiting list gives a turn (issue 15): the offered customer's entry is
    // ACTIVE until the offer can no longer be paid, whether they were in line, admitted or not
    // queued at all. Granted turns count against maxActive like any other.
    void grantOfferTurn(const QUuid &userId, qint64 concertId, const QDateTime &offeredUntil);

    // Expires stale tickets and admits waiting ones for every concert with a queue; safe to
    // call from several threads and instances at once. Returns the number admitted.
    int admitAll();
    int admit(qint64 concertId);
    // Places the pre-queue of every concert whose sales have opened (the admission tick).
    void openDuePreQueues();

    // Staff (issue 15): the concert's pre-queue and its recorded openings; ending every
    // pre-queue entry (returns how many).
    PreQueueView preQueueView(qint64 concertId);
    int clearPreQueue(qint64 concertId);

    QueueSettings settings(qint64 concertId);
    QueueSettings updateSettings(qint64 concertId, const QueueSettings &settings);
    // Staff view: waiting, active, admitted in the last minute, the wait at the back.
    QueueStats statistics(qint64 concertId);
    void ensureSettings(qint64 concertId);

    // Staff (DESIGN.md §4): a user's live tickets (no tokens), ending one, and blocking an account
    // from a concert's queue. Blocks live in PostgreSQL, so every instance and both stores honour
    // them. `inTransaction` runs in the transaction that changes the block (for the audit entry).
    QList<QueueTicket> ticketsOf(const QUuid &userId);
    bool removeEntry(const QUuid &userId, qint64 concertId);
    // Ends every live entry of the concert (none of its dates is on sale any more).
    int close(qint64 concertId);
    // Blocks (or re-words the block) and ends the user's live entry; false if already blocked.
    bool block(qint64 concertId, const QUuid &userId, const QUuid &actorId, const QString &reason,
               const std::function<void()> &inTransaction);
    bool unblock(qint64 concertId, const QUuid &userId, const std::function<void()> &inTransaction);

private:
    // When a concert's sales open, by the database's clock.
    struct SalesOpening {
        bool onSale = false; // a date's sales are open now
        QDateTime nextOpen; // the earliest opening still ahead (null: none)
        QDateTime lastOpen; // the latest opening that has passed
        QDateTime now;
        int preQueueMinutes = 0;
        int maxAccountsPerAddress = 0; // 0: no limit
        QString timeZone; // the venue's IANA zone
    };
    SalesOpening openingOf(qint64 concertId);
    void openPreQueue(qint64 concertId, const QDateTime &opensAt);
    QueueTicket ticketFor(const QByteArray &tokenHash, bool mayOpen = true);
    static QueueTicket activeTicket(const QueueEntry &e);
    void requireConcert(qint64 concertId);
    // The live entry behind the token: an ACTIVE one from the cache, else from the store.
    std::optional<QueueEntry> liveEntry(const QUuid &userId, const QByteArray &tokenHash);

    Database &m_db;
    const ServerConfig &m_config;
    QueueStore &m_store;
    RateLimiter &m_limits;
    NoticePublisher &m_notices;
    const bool m_entriesInPostgres;
    InvalidatedCache<QueueEntry> m_turns {kTurnCacheMs};
};

} // namespace encore::server
