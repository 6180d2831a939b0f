#pragma once
// RedisQueueStore: queue entries in Redis for scale-out (--redis). Every step that must be
// atomic — join, admit (expire + token bucket + admission), leave, complete, and the status
// snapshot — is one Lua script, so instances never over-admit or lose a place in line. Settings
// are mirrored from PostgreSQL (loaded on first use, refreshed on change). Redis time (TIME) is
// the clock, so instances with skewed clocks agree. Queue changes are announced on PostgreSQL's
// encore_queue channel like the PostgreSQL store's triggers do. Limits: one Redis primary (with
// Sentinel for failover); the scripts touch keys of one concert plus token keys, so Redis
// Cluster is not supported.
// Failover (Redis replicates asynchronously): with sentinels, a join and an admission wait
// (WAIT 1, RedisClient::kReplicaWaitMs) until the replica has them before the token or the
// admission is announced, so a promoted replica knows every token and admission a client was
// told of; a join written to a primary the sentinels have just replaced fails (RedisClient::
// waitForReplica) instead of being acknowledged and lost. Not waited for: leave and complete (lost,
// an entry stays active until its TTL, and a finished user's slot frees at expiry), and everything
// while no replica is connected (after a failover until the old primary rejoins: there is nothing
// to fail over to then anyway).

#include "cache/redisclient.h"
#include "queue/queuestore.h"

namespace encore::server {

class Database;

class RedisQueueStore final : public QueueStore {
public:
    RedisQueueStore(RedisClient &redis, Database &db);

    JoinOutcome join(const JoinRequest &request) override;
    std::pair<qint64, bool> openPreQueue(qint64 concertId, const QDateTime &opensAt) override;
    QList<qint64> concertsWithPreQueue() override;
    QList<PreQueueMember> preQueue(qint64 concertId, int limit) override;
    int clearPreQueue(qint64 concertId) override;
    std::optional<QueueEntry> entry(const QByteArray &tokenHash) override;
    std::optional<QueueSnapshot> snapshot(const QByteArray &tokenHash) override;
    bool leave(const QUuid &userId, const QByteArray &tokenHash) override;
    void complete(const QUuid &userId, qint64 concertId) override;
    void extendTurn(const QUuid &userId, qint64 concertId, const QDateTime &until) override;
    int admit(qint64 concertId) override;
    QList<qint64> concertsWithQueues() override;
    QueueCounts counts(qint64 concertId) override;
    QList<UserQueueEntry> entriesOf(const QUuid &userId) override;
    bool remove(const QUuid &userId, qint64 concertId) override;
    int removeAll(qint64 concertId) override;
    void settingsChanged(qint64 concertId, const QueueSettings &settings) override;
    void grantTurn(const QUuid &userId, qint64 concertId, const QByteArray &tokenHash,
                   const QDateTime &until) override;

private:
    void loadSettings(qint64 concertId);
    void announce(qint64 concertId);

    RedisClient &m_redis;
    Database &m_db;
};

} // namespace encore::server
