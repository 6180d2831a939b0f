#include "auditservice.h"

#include "services/concertservice.h"
#include "storage/database.h"
#include "storage/sqlvalues.h"

#include <QJsonDocument>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace encore::server {

AuditService::AuditService(Database &db, ConcertService &concerts)
    : m_db(db)
    , m_concerts(concerts)
{
}

void AuditService::record(const User &staff, const QString &action, const QString &target,
                          const QJsonObject &details)
{
    m_concerts.invalidateListing();
    m_db.exec(
        u"INSERT INTO audit_log(actor_id, action, target, details) VALUES (?::uuid, ?, ?, ?::jsonb)"_s,
        {sql::uuid(staff.id), action, target,
         QString::fromUtf8(QJsonDocument(details).toJson(QJsonDocument::Compact))});
}

QList<AuditEntry> AuditService::entries(const QString &action, const QString &actor, int limit)
{
    QSqlQuery &q = m_db.exec(
        u"SELECT a.id, u.username, a.action, a.target, a.details::text, a.created_at "
        "FROM audit_log a LEFT JOIN users u ON u.id = a.actor_id "
        "WHERE (? = '' OR a.action LIKE ? || '%') AND (? = '' OR u.username = ?) "
        "ORDER BY a.id DESC LIMIT ?"_s,
        {sql::text(action), sql::text(action), sql::text(actor), sql::text(actor), limit});
    QList<AuditEntry> list;
    while (q.next())
        list.append({q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(),
                     q.value(3).toString(),
                     QJsonDocument::fromJson(q.value(4).toString().toUtf8()).object(),
                     q.value(5).toDateTime()});
    return list;
}

} // namespace encore::server
