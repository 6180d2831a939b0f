#pragma once
// RateLimiter: the fair queue's abuse limits (issue 15, docs/SECURITY.md "Fair queue limits") —
// joins and polls per account and per address, a ticket's poll pace (pollAfterMs), holds per
// account — as fixed one-minute windows shared by every instance: in Redis when it is configured
// (one Lua script per check), else in PostgreSQL's UNLOGGED rate_counters (one statement per
// check, no WAL). A refusal throws RATE_LIMITED with retryAfterSeconds. Any worker thread; opens
// no transaction of its own (each check is one autocommitted statement or script).

#include "api/fairqueuetypes.h"
#include "config/serverconfig.h"

#include <QHostAddress>
#include <QUuid>

namespace encore::server {

class Database;
class RedisClient;

class RateLimiter {
public:
    RateLimiter(Database &db, RedisClient *redis, const ServerConfig &config);

    void queueJoin(const QUuid &userId, const QHostAddress &address);
    // Counts the poll, and refuses a ticket that asks before the pace its last answer set.
    void queuePoll(const QUuid &userId, const QHostAddress &address, const QByteArray &tokenHash);
    // The ticket was told to ask again in `pollAfterMs`.
    void pollAnswered(const QByteArray &tokenHash, int pollAfterMs);
    void holdAttempt(const QUuid &userId);
    // A waiting-list join (POST /seat-waits), counted before anything else is checked.
    void seatWaitJoin(const QUuid &userId, const QHostAddress &address);
    // A join refused because the address has `limit` live accounts in the concert's queue:
    // counted so staff see it.
    void addressFull(qint64 concertId, const QHostAddress &address, int limit);

    // Staff: counters of the current windows that refused something or are over half full,
    // most refusals first (at most 200); and clearing one (kind + subject) or all.
    QList<AbuseCounter> counters();
    int clear(std::optional<LimitKind> kind, const QString &subject);
    // Forgets windows and paces that ended long ago (PostgreSQL; Redis keys expire).
    void prune();

    static QString addressText(const QHostAddress &address);

private:
    struct Rule {
        LimitKind kind;
        QString subject;
        int limit; // 0: off
    };
    // Counts one hit on every rule that is on; with a pace key, also checks the ticket's pace.
    // Throws RATE_LIMITED (the longest wait) when a rule is over or the pace not reached.
    void hit(const QList<Rule> &rules, const QByteArray &paceKey = {},
             const QString &paceSubject = {});
    struct Verdict {
        double overWaitSeconds = 0; // > 0: a rule is over its limit for that long
        double paceWaitSeconds = 0; // > 0: the ticket must wait that long
    };
    Verdict hitPostgres(const QList<Rule> &rules, const QByteArray &paceKey);
    Verdict hitRedis(const QList<Rule> &rules, const QByteArray &paceKey);

    Database &m_db;
    RedisClient *m_redis;
    const AbuseLimits &m_limits;
};

} // namespace encore::server
