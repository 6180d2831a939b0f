#pragma once
// AuditService: the audit log of staff actions — writes one entry in the caller's transaction
// and lists them newest first. Recording also drops the cached concert listing, since every
// audited staff change may alter what it shows. Any worker thread; opens no transaction.

#include "api/admintypes.h"
#include "models/user.h"

#include <QJsonObject>

namespace encore::server {

class ConcertService;
class Database;

class AuditService {
public:
    AuditService(Database &db, ConcertService &concerts);

    void record(const User &staff, const QString &action, const QString &target,
                const QJsonObject &details);
    // `action` is a prefix ("seat." matches every seat action); empty filters match all.
    QList<AuditEntry> entries(const QString &action, const QString &actor, int limit);

private:
    Database &m_db;
    ConcertService &m_concerts;
};

} // namespace encore::server
