#pragma once
// StaffQueueService: staff's queue control (DESIGN.md §4) — end a customer's place or turn in a
// concert's line, block or unblock an account from joining it; each audited with its reason and
// the customer told live; see and clear a concert's pre-queue and the abuse counters (issue 15).
// Works the same on both queue stores. Any worker thread.

#include "api/fairqueuetypes.h"
#include "models/staffops.h"

namespace encore::server {

class AuditService;
class Database;
class QueueService;
class RateLimiter;

class StaffQueueService {
public:
    StaffQueueService(Database &db, AuditService &audit, QueueService &queue, RateLimiter &limits);

    // NOT_FOUND when the customer has no live entry in that concert's line.
    void removeEntry(const User &staff, qint64 concertId, const QUuid &userId,
                     const QString &reason);
    QueueBlock block(const User &staff, qint64 concertId, const QueueBlockRequest &request);
    // NOT_FOUND when the account is not blocked there.
    void unblock(const User &staff, qint64 concertId, const QUuid &userId, const QString &reason);
    // Ends every pre-queue entry of the concert; returns how many.
    int clearPreQueue(const User &staff, qint64 concertId, const QString &reason);
    // Clears one abuse counter or all of them; returns how many went.
    int clearCounters(const User &staff, const ClearCountersRequest &request);

private:
    Database &m_db;
    AuditService &m_audit;
    QueueService &m_queue;
    RateLimiter &m_limits;
};

} // namespace encore::server
