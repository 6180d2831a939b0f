#include "staffqueueservice.h"

#include "api/admintypes.h"
#include "live/accountnotices.h"
#include "queue/queueservice.h"
#include "services/auditservice.h"
#include "services/ratelimiter.h"
#include "storage/database.h"
#include "storage/sqlvalues.h"

#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace encore::server {

namespace {

QString target(qint64 concertId, const QUuid &userId)
{
    return u"concert:%1/user:%2"_s.arg(concertId).arg(sql::uuid(userId));
}

// The audit entry's details in words: who, which concert, why.
QJsonObject details(Database &db, qint64 concertId, const QUuid &userId, const QString &reason)
{
    QSqlQuery &q = db.exec(u"SELECT (SELECT username FROM users WHERE id = ?::uuid), "
                           "(SELECT title FROM concerts WHERE id = ?)"_s,
                           {sql::uuid(userId), concertId});
    q.next();
    return {{wordOf(AuditDetail::Reason), reason},
            {wordOf(AuditDetail::Customer), q.value(0).toString()},
            {wordOf(AuditDetail::ConcertTitle), q.value(1).toString()}};
}

} // namespace

StaffQueueService::StaffQueueService(Database &db, AuditService &audit, QueueService &queue,
                                     RateLimiter &limits)
    : m_db(db)
    , m_audit(audit)
    , m_queue(queue)
    , m_limits(limits)
{
}

int StaffQueueService::clearPreQueue(const User &staff, qint64 concertId, const QString &reason)
{
    const int removed = m_queue.clearPreQueue(concertId);
    m_audit.record(
        staff, u"queue.prequeue.clear"_s, u"concert:%1"_s.arg(concertId),
        {{wordOf(AuditDetail::Reason), reason}, {wordOf(AuditDetail::Removed), removed}});
    return removed;
}

int StaffQueueService::clearCounters(const User &staff, const ClearCountersRequest &request)
{
    const int cleared = m_limits.clear(request.kind, request.subject);
    QJsonObject details {{wordOf(AuditDetail::Reason), request.reason},
                         {wordOf(AuditDetail::Cleared), cleared}};
    if (request.kind) {
        details.insert(wordOf(AuditDetail::Kind), wordOf(*request.kind));
        details.insert(wordOf(AuditDetail::Subject), request.subject);
    }
    m_audit.record(staff, u"limits.clear"_s, u"abuse-counters"_s, details);
    return cleared;
}

void StaffQueueService::removeEntry(const User &staff, qint64 concertId, const QUuid &userId,
                                    const QString &reason)
{
    if (!m_queue.removeEntry(userId, concertId))
        throw ApiError(ErrorCode::NotFound, Msg::NoQueuePlace);
    m_db.transact([&] {
        m_audit.record(staff, u"queue.remove"_s, target(concertId, userId),
                       details(m_db, concertId, userId, reason));
        notifyAccount(
            m_db, {userId, AccountNoticeKind::QueueRemoved, std::nullopt, 0, concertId, reason});
    });
}

QueueBlock StaffQueueService::block(const User &staff, qint64 concertId,
                                    const QueueBlockRequest &request)
{
    m_queue.block(concertId, request.userId, staff.id, request.reason, [&] {
        m_audit.record(staff, u"queue.block"_s, target(concertId, request.userId),
                       details(m_db, concertId, request.userId, request.reason));
        notifyAccount(m_db,
                      {request.userId, AccountNoticeKind::QueueRemoved, std::nullopt, 0, concertId,
                       request.reason});
    });
    QSqlQuery &q
        = m_db.exec(u"SELECT c.title, b.reason, b.created_at FROM queue_blocks b JOIN concerts c "
                    "ON c.id = b.concert_id WHERE b.concert_id = ? AND b.user_id = ?::uuid"_s,
                    {concertId, sql::uuid(request.userId)});
    if (!q.next()) // unblocked again in the meantime
        throw ApiError(ErrorCode::Conflict, Msg::BlockLifted);
    return {concertId, q.value(0).toString(), request.userId, q.value(1).toString(),
            q.value(2).toDateTime()};
}

void StaffQueueService::unblock(const User &staff, qint64 concertId, const QUuid &userId,
                                const QString &reason)
{
    const bool removed = m_queue.unblock(concertId, userId, [&] {
        m_audit.record(staff, u"queue.unblock"_s, target(concertId, userId),
                       details(m_db, concertId, userId, reason));
    });
    if (!removed)
        throw ApiError(ErrorCode::NotFound, Msg::NotBlocked);
}

} // namespace encore::server
