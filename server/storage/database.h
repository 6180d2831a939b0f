#pragma once
// Database: one PostgreSQL connection per thread (opened lazily, re-opened after a failure) and
// a per-connection cache of prepared statements, re-used across requests. Any thread; each
// thread only ever touches its own connection. Transactions: see Transaction and transact().

#include "storage/connectionparams.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QThreadStorage>
#include <QVariant>

#include <exception>
#include <functional>

namespace encore::server {

// A failed statement. `sqlState` is PostgreSQL's SQLSTATE ("23505", "40001", ...), empty when
// the connection itself failed.
class DbError : public std::exception {
public:
    DbError(QString sqlState, QString message);
    const char *what() const noexcept override { return m_what.constData(); }
    const QString &sqlState() const { return m_sqlState; }
    const QString &message() const { return m_message; }
    bool isRetryable() const; // serialization failure or deadlock
    bool isConnectionFailure() const; // the server went away or refused us
    bool isUniqueViolation() const { return m_sqlState == u"23505"; }

private:
    QString m_sqlState;
    QString m_message;
    QByteArray m_what;
};

class Database {
public:
    explicit Database(ConnectionParams params);
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    const ConnectionParams &params() const { return m_params; }

    // The calling thread's statement for `sql`, prepared once per connection; values are bound
    // positionally with `?`. Throws DbError when the connection cannot be opened.
    QSqlQuery &query(const QString &sql);
    // Runs a prepared statement with these values; throws DbError on failure.
    QSqlQuery &exec(const QString &sql, const QVariantList &values = {});
    // Runs raw SQL text (several statements allowed, nothing bound): migrations and admin tasks.
    void execScript(const QString &sql);

    // Runs fn inside a transaction, retried on serialization failures and deadlocks. Nested
    // calls join the outer transaction (and its retry).
    template<typename Fn> auto transact(Fn &&fn) -> decltype(fn());

    bool inTransaction() const;
    // Runs `fn` once this thread's outermost transaction has committed (at once when there is
    // none); dropped if it rolls back. For effects outside PostgreSQL that must not happen for
    // work that is undone (e.g. ending a queue ticket in Redis after a payment).
    void afterCommit(std::function<void()> fn);
    // Closes this thread's connection (at thread exit, or after a connection failure).
    void closeThreadConnection();
    // True when a trivial query succeeds (readiness).
    bool ping();

private:
    friend class Transaction;
    struct PerThread;
    PerThread &perThread();
    QSqlDatabase &connection();
    [[noreturn]] void fail(const QSqlError &error);

    ConnectionParams m_params;
    QThreadStorage<PerThread *> m_threads;
    const QString m_name; // connection name prefix, unique per Database
};

// RAII: BEGIN on construction (unless this thread is already in a transaction), ROLLBACK on
// destruction unless commit() was called. Inner transactions only mark the outer one.
class Transaction {
public:
    explicit Transaction(Database &db);
    ~Transaction();
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;
    void commit();
    bool isOutermost() const { return m_outermost; }

private:
    Database &m_db;
    bool m_outermost = false;
    bool m_done = false;
};

template<typename Fn> auto Database::transact(Fn &&fn) -> decltype(fn())
{
    constexpr int kMaxAttempts = 5;
    for (int attempt = 1;; ++attempt) {
        try {
            Transaction tx(*this);
            if constexpr (std::is_void_v<decltype(fn())>) {
                fn();
                tx.commit();
                return;
            } else {
                auto result = fn();
                tx.commit();
                return result;
            }
        } catch (const DbError &e) {
            if (inTransaction() || !e.isRetryable() || attempt == kMaxAttempts)
                throw;
        }
    }
}

} // namespace encore::server
