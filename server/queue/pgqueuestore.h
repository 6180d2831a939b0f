#pragma once
// PgQueueStore: queue entries in PostgreSQL (queue_entries). Admission runs under a per-concert
// advisory lock with the token bucket kept in queue_settings; triggers NOTIFY every change.
// Places in line are dense per-concert seqs with O(log n) positions (migration 012).

#include "queue/queuestore.h"

namespace encore::server {

class Database;

class PgQueueStore final : public QueueStore {
public:
    explicit PgQueueStore(Database &db);

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
    void settingsChanged(qint64, const QueueSettings &) override { }
    void grantTurn(const QUuid &userId, qint64 concertId, const QByteArray &tokenHash,
                   const QDateTime &until) override;

private:
    Database &m_db;
};

} // namespace encore::server
