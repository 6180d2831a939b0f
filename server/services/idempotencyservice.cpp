#include "idempotencyservice.h"

#include "apierror.h"
#include "storage/database.h"

#include <QCryptographicHash>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace encore::server {

IdempotencyService::IdempotencyService(Database &db)
    : m_db(db)
{
}

QByteArray IdempotencyService::requestHash(const QByteArray &method, const QString &path,
                                           const QByteArray &body)
{
    QCryptographicHash h(QCryptographicHash::Sha256);
    h.addData(method);
    h.addData(QByteArrayView("\n"));
    h.addData(path.toUtf8());
    h.addData(QByteArrayView("\n"));
    h.addData(body);
    return h.result();
}

Reply IdempotencyService::run(const QUuid &userId, const std::optional<QString> &key,
                              const QByteArray &requestHash, const std::function<Reply()> &work)
{
    if (!key)
        return m_db.transact(work);
    const QString user = userId.toString(QUuid::WithoutBraces);
    return m_db.transact([&] {
        QSqlQuery &ins = m_db.exec(
            u"INSERT INTO idempotency_keys(user_id, key, request_hash) VALUES (?::uuid, ?, ?) "
            "ON CONFLICT (user_id, key) DO NOTHING RETURNING 1"_s,
            {user, *key, requestHash});
        if (!ins.next()) {
            if (auto stored = replay(userId, *key, requestHash))
                return *stored;
            throw ApiError(ErrorCode::Conflict, Msg::IdempotencyInProgress);
        }
        const Reply reply = work();
        m_db.exec(
            u"UPDATE idempotency_keys SET status = ?, body = ? WHERE user_id = ?::uuid AND key = ?"_s,
            {reply.status, reply.body, user, *key});
        return reply;
    });
}

std::optional<Reply> IdempotencyService::replay(const QUuid &userId, const QString &key,
                                                const QByteArray &requestHash)
{
    QSqlQuery &q = m_db.exec(u"SELECT request_hash, status, body FROM idempotency_keys "
                             "WHERE user_id = ?::uuid AND key = ?"_s,
                             {userId.toString(QUuid::WithoutBraces), key});
    if (!q.next() || q.value(1).toInt() == 0)
        return std::nullopt;
    if (q.value(0).toByteArray() != requestHash)
        throw ApiError(ErrorCode::IdempotencyMismatch);
    return replayed({q.value(1).toInt(), q.value(2).toByteArray(), "application/json", {}});
}

Reply IdempotencyService::replayed(Reply reply)
{
    reply.headers.append(qMakePair(QByteArray("Idempotent-Replayed"), QByteArray("true")));
    return reply;
}

int IdempotencyService::purgeOld()
{
    return m_db
        .exec(u"DELETE FROM idempotency_keys WHERE created_at < now() - interval '24 hours'"_s)
        .numRowsAffected();
}

} // namespace encore::server
