#include "migrator.h"

#include "database.h"

#include <QDir>
#include <QFile>
#include <QLoggingCategory>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

Q_DECLARE_LOGGING_CATEGORY(lcDb)

namespace encore::server {

namespace {
constexpr qint64 kMigrationLock = 0x656e636f7265; // "encore"

struct AdvisoryLock {
    Database &db;
    explicit AdvisoryLock(Database &d)
        : db(d)
    {
        db.exec(u"SELECT pg_advisory_lock(?)"_s, {kMigrationLock});
    }
    ~AdvisoryLock()
    {
        try {
            db.exec(u"SELECT pg_advisory_unlock(?)"_s, {kMigrationLock});
        } catch (const DbError &) {
            // the session ended: its lock went with it
        }
    }
};
} // namespace

int Migrator::migrate(Database &db)
{
    AdvisoryLock lock(db);
    // Not CREATE TABLE IF NOT EXISTS: its NOTICE on every start reaches the server's log
    // through libpq's notice printer.
    db.execScript(u"DO $$ BEGIN IF to_regclass('schema_migrations') IS NULL THEN "
                  "CREATE TABLE schema_migrations (version integer PRIMARY KEY, "
                  "name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now()); "
                  "END IF; END $$"_s);
    QStringList files = QDir(u":/migrations"_s).entryList({u"*.sql"_s}, QDir::Files, QDir::Name);
    int applied = 0;
    for (const QString &file : files) {
        const int version = file.section(u'_', 0, 0).toInt();
        QSqlQuery &seen
            = db.exec(u"SELECT 1 FROM schema_migrations WHERE version = ?"_s, {version});
        if (seen.next())
            continue;
        QFile f(u":/migrations/"_s + file);
        f.open(QIODevice::ReadOnly);
        const QString sql = QString::fromUtf8(f.readAll());
        db.transact([&] {
            db.execScript(sql);
            db.exec(u"INSERT INTO schema_migrations(version, name) VALUES (?, ?)"_s,
                    {version, file});
        });
        qCInfo(lcDb) << "applied migration" << file;
        ++applied;
    }
    return applied;
}

} // namespace encore::server
