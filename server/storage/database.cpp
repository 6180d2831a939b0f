#include "database.h"

#include <QAtomicInteger>
#include <QHash>
#include <QLoggingCategory>
#include <QSqlDriver>
#include <QSqlError>
#include <QThread>

#include <memory>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcDb, "encore.db")

namespace encore::server {

DbError::DbError(QString sqlState, QString message)
    : m_sqlState(std::move(sqlState))
    , m_message(std::move(message))
    , m_what((m_sqlState + u": "_s + m_message).toUtf8())
{
}

bool DbError::isRetryable() const
{
    return m_sqlState == u"40001" || m_sqlState == u"40P01";
}

bool DbError::isConnectionFailure() const
{
    // 08: connection exception; 57P: operator intervention (shutdown, restart); 25006: a
    // read-only server (the primary moved: the next connection finds the new one).
    return m_sqlState.isEmpty() || m_sqlState.startsWith(u"08") || m_sqlState.startsWith(u"57P")
        || m_sqlState == u"25006";
}

struct Database::PerThread {
    QString connectionName;
    QSqlDatabase db;
    // shared_ptr: a QHash rehash must not move a QSqlQuery a caller still holds.
    QHash<QString, std::shared_ptr<QSqlQuery>> statements;
    int transactionDepth = 0;
    bool rollbackOnly = false;
    QList<std::function<void()>> afterCommit;

    ~PerThread()
    {
        statements.clear();
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(connectionName);
    }
};

namespace {
QString uniqueName()
{
    static QAtomicInteger<int> counter;
    return u"encore-db-%1"_s.arg(counter.fetchAndAddRelaxed(1));
}
} // namespace

Database::Database(ConnectionParams params)
    : m_params(std::move(params))
    , m_name(uniqueName())
{
}

Database::~Database()
{
    // Other threads drop theirs at thread exit; the destroying thread drops its own now.
    if (m_threads.hasLocalData())
        m_threads.setLocalData(nullptr);
}

Database::PerThread &Database::perThread()
{
    if (!m_threads.hasLocalData()) {
        auto *p = new PerThread;
        p->connectionName = u"%1-%2"_s.arg(m_name).arg(quintptr(QThread::currentThreadId()));
        m_threads.setLocalData(p);
    }
    return *m_threads.localData();
}

QSqlDatabase &Database::connection()
{
    PerThread &t = perThread();
    if (t.db.isOpen())
        return t.db;
    t.statements.clear();
    if (!t.db.isValid()) {
        t.db = QSqlDatabase::addDatabase(u"QPSQL"_s, t.connectionName);
        m_params.applyTo(t.db, u"encore-server"_s);
    }
    if (!t.db.open()) {
        const QSqlError e = t.db.lastError();
        throw DbError(QString(), e.text());
    }
    QSqlQuery setup(t.db);
    setup.exec(u"SET TIME ZONE 'UTC'"_s);
    return t.db;
}

void Database::fail(const QSqlError &error)
{
    DbError e(error.nativeErrorCode(),
              error.databaseText().isEmpty() ? error.text() : error.databaseText());
    if (e.isConnectionFailure()) {
        qCWarning(lcDb) << "connection lost:" << e.message();
        closeThreadConnection();
    }
    throw e;
}

QSqlQuery &Database::query(const QString &sql)
{
    QSqlDatabase &db = connection();
    PerThread &t = perThread();
    auto it = t.statements.find(sql);
    if (it == t.statements.end()) {
        auto q = std::make_shared<QSqlQuery>(db);
        q->setForwardOnly(true);
        if (!q->prepare(sql))
            fail(q->lastError());
        it = t.statements.insert(sql, std::move(q));
    }
    return *it.value();
}

QSqlQuery &Database::exec(const QString &sql, const QVariantList &values)
{
    const auto once = [&]() -> QSqlQuery & {
        QSqlQuery &q = query(sql);
        for (int i = 0; i < values.size(); ++i)
            q.bindValue(i, values.at(i));
        if (!q.exec())
            fail(q.lastError());
        return q;
    };
    try {
        return once();
    } catch (const DbError &e) {
        // A connection that broke while idle (a restart, a failover, a healed partition) fails
        // its next statement; fail() has closed it. A read outside a transaction runs again on a
        // fresh one (running it twice changes nothing); anything else is the caller's to retry.
        if (!e.isConnectionFailure() || inTransaction()
            || !sql.startsWith(u"SELECT"_s, Qt::CaseInsensitive))
            throw;
        return once();
    }
}

void Database::execScript(const QString &sql)
{
    QSqlQuery q(connection());
    if (!q.exec(sql))
        fail(q.lastError());
}

void Database::afterCommit(std::function<void()> fn)
{
    if (!inTransaction()) {
        fn();
        return;
    }
    perThread().afterCommit.append(std::move(fn));
}

bool Database::inTransaction() const
{
    return m_threads.hasLocalData() && m_threads.localData()->transactionDepth > 0;
}

void Database::closeThreadConnection()
{
    if (!m_threads.hasLocalData())
        return;
    PerThread &t = *m_threads.localData();
    t.statements.clear();
    if (t.db.isValid())
        t.db.close();
}

bool Database::ping()
{
    try {
        exec(u"SELECT 1"_s);
        return true;
    } catch (const DbError &) {
        return false;
    }
}

Transaction::Transaction(Database &db)
    : m_db(db)
{
    auto &t = db.perThread();
    m_outermost = t.transactionDepth == 0;
    if (m_outermost) {
        QSqlDatabase *conn = &db.connection();
        if (!conn->transaction()) {
            // Nothing was done yet: a connection that broke while idle is replaced (fail() closes
            // it) and the transaction begun on a fresh one.
            try {
                db.fail(conn->lastError());
            } catch (const DbError &e) {
                if (!e.isConnectionFailure())
                    throw;
            }
            conn = &db.connection();
            if (!conn->transaction())
                db.fail(conn->lastError());
        }
        t.rollbackOnly = false;
        t.afterCommit.clear();
    }
    ++t.transactionDepth;
}

Transaction::~Transaction()
{
    auto &t = m_db.perThread();
    --t.transactionDepth;
    if (m_done)
        return;
    if (m_outermost) {
        t.afterCommit.clear();
        QSqlDatabase &conn = t.db;
        if (conn.isOpen() && !conn.rollback())
            qCWarning(lcDb) << "rollback failed:" << conn.lastError().text();
    } else {
        t.rollbackOnly = true;
    }
}

void Transaction::commit()
{
    auto &t = m_db.perThread();
    m_done = true;
    if (!m_outermost)
        return;
    if (t.rollbackOnly) {
        t.afterCommit.clear();
        t.db.rollback();
        throw DbError(u"40000"_s, u"an inner transaction failed"_s);
    }
    if (!t.db.commit()) {
        const QSqlError e = t.db.lastError();
        t.db.rollback();
        t.afterCommit.clear();
        m_db.fail(e);
    }
    const auto callbacks = std::exchange(t.afterCommit, {});
    for (const auto &fn : callbacks)
        fn();
}

} // namespace encore::server
