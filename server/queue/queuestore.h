#pragma once
// QueueStore: where queue entries live — PostgreSQL (PgQueueStore, the default) or Redis
// (RedisQueueStore, --redis, for scale-out). Both pass the same contract tests: exact
// positions, admission never over maxActive across instances, arrival order, token expiry.
// Settings always live in PostgreSQL (queue_settings); QueueService owns the rules (ETA, errors).
// Implementations are used from any worker thread.

#include <QDateTime>
#include <QList>
#include <QUuid>

#include <optional>

namespace encore {
struct QueueSettings;
}

namespace encore::server {

struct QueueEntry {
    QUuid userId;
    qint64 concertId = 0;
    bool active = false;
    QDateTime activeUntil; // when active
    bool preQueue = false; // waiting for sales to open, without a place yet
};

// Everything a status answer needs, read at one moment.
struct QueueSnapshot {
    QueueEntry entry;
    qint64 ahead = 0; // waiting entries that arrived earlier
    // Recent admissions: those of the last 60 s, or, when those are fewer than five, the five
    // latest of the last ten minutes — so a line whose admissions wait for turns to end (a few a
    // minute) is still measured rather than estimated from the configured rate.
    qint64 recentAdmitted = 0;
    double spanSeconds = 0; // how far back the oldest of those goes
    qint64 activeCount = 0;
    int maxActive = 0;
    int admitPerMinute = 0;
    bool paused = false;
    bool settingsChanged = false; // changed in the last two minutes
    qint64 preQueueCount = 0; // live entries in the pre-queue (when entry.preQueue)
};

// One join as QueueService decided it (the store adds the entry or rotates its token).
struct JoinRequest {
    QUuid userId;
    qint64 concertId = 0;
    QByteArray tokenHash;
    bool preQueue = false; // sales have not opened: wait unplaced until openPreQueue()
    QString clientAddress;
    int maxPerAddress = 0; // live accounts from clientAddress in this queue; 0: no limit
};

enum class JoinOutcome {
    Added,
    Rotated, // the user's live entry keeps its place and gets the new token
    NeedsOpening, // sales are open but the pre-queue is not placed yet: openPreQueue() first
    AddressFull, // clientAddress already has maxPerAddress live accounts here
};

// A pre-queue entry as staff see it.
struct PreQueueMember {
    QUuid userId;
    QDateTime joinedAt;
};

// A user's live entry as staff see it: where it stands.
struct UserQueueEntry {
    QueueEntry entry;
    qint64 ahead = 0; // waiting entries that arrived earlier (0 once active)
};

struct QueueCounts {
    qint64 waiting = 0;
    qint64 active = 0;
    qint64 admittedLastMinute = 0;
    qint64 completed = 0;
    qint64 preQueue = 0;
};

class QueueStore {
public:
    virtual ~QueueStore() = default;

    // Adds the user to the concert's line (or its pre-queue), or gives their live entry this new
    // token. Atomic with the per-address check.
    virtual JoinOutcome join(const JoinRequest &request) = 0;
    // Sales of the concert opened at `opensAt`: the first call for that opening places every
    // waiting pre-queue entry at the back of the line in a CSPRNG-shuffled order and records it;
    // any later call places what joined the pre-queue meanwhile in arrival order. Exactly once
    // across instances. Returns the number placed and whether this call did the shuffle.
    virtual std::pair<qint64, bool> openPreQueue(qint64 concertId, const QDateTime &opensAt) = 0;
    virtual QList<qint64> concertsWithPreQueue() = 0;
    // Staff: the first `limit` pre-queue entries in joining order.
    virtual QList<PreQueueMember> preQueue(qint64 concertId, int limit) = 0;
    // Ends every pre-queue entry of the concert; returns how many.
    virtual int clearPreQueue(qint64 concertId) = 0;
    virtual std::optional<QueueEntry> entry(const QByteArray &tokenHash) = 0;
    virtual std::optional<QueueSnapshot> snapshot(const QByteArray &tokenHash) = 0;
    virtual bool leave(const QUuid &userId, const QByteArray &tokenHash) = 0;
    virtual void complete(const QUuid &userId, qint64 concertId) = 0;
    // Moves the end of the user's ACTIVE turn for the concert out to `until` (never earlier);
    // a turn that has already ended stays ended.
    virtual void extendTurn(const QUuid &userId, qint64 concertId, const QDateTime &until) = 0;
    // Gives the user an ACTIVE turn until `until` outside the line's order (a waiting-list offer):
    // a waiting or pre-queue entry leaves the line (everyone behind moves up one), an active turn
    // is extended, and a user without an entry gets one (their next join rotates its token and
    // answers ACTIVE). Counts against maxActive like any turn.
    virtual void grantTurn(const QUuid &userId, qint64 concertId, const QDateTime &until) = 0;
    // Expires stale tickets, then admits by arrival within maxActive and the admission rate.
    // Atomic per concert across instances; returns the number admitted.
    virtual int admit(qint64 concertId) = 0;
    virtual QList<qint64> concertsWithQueues() = 0;
    virtual QueueCounts counts(qint64 concertId) = 0;
    // Staff: the user's live entries in every concert.
    virtual QList<UserQueueEntry> entriesOf(const QUuid &userId) = 0;
    // Staff: ends the user's live entry (waiting or active) in the concert; true if one ended.
    virtual bool remove(const QUuid &userId, qint64 concertId) = 0;
    // Ends every live entry of the concert (its dates were all cancelled); returns how many.
    virtual int removeAll(qint64 concertId) = 0;
    // Settings were changed in PostgreSQL (stores that keep a copy refresh it).
    virtual void settingsChanged(qint64 concertId, const QueueSettings &settings) = 0;
};

} // namespace encore::server
