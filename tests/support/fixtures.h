#pragma once
// Fixtures: sets up test state directly in the test database — thousands of users with
// sessions and money, admitted queue tickets, concerts and dates — in a few statements, so
// concurrency tests spend their time on the behaviour under test. Main thread; call after the
// server has migrated the database.

#include "config/serverconfig.h"
#include "money.h"
#include "storage/connectionparams.h"
#include "storage/database.h"

#include <QList>
#include <QUuid>

#include <memory>

namespace encore::server {
struct Services;
}

namespace encore::test {

struct TestUser
{
    QUuid id;
    QString username;
    QByteArray token;       // session token (Authorization: Bearer)
    QByteArray queueToken;  // set by admit()
};

// One queue entry as the store in use holds it (queue_entries, or RedisQueueStore's keys).
struct QueueRow
{
    enum class Status { Waiting, Active, Ended }; // Ended: completed, left or expired
    QUuid user;
    Status status = Status::Waiting;
    qint64 arrival = 0;       // the line's order: smaller came first
    qint64 admittedAtUs = 0;  // µs since the epoch; 0 = never admitted
    qint64 activeUntilUs = 0; // when Active (may already be past until the store sweeps it)

    bool admitted() const { return admittedAtUs != 0; }
};

class Fixtures
{
public:
    explicit Fixtures(const server::ConnectionParams &params);
    ~Fixtures();

    QList<TestUser> createUsers(int count, Money balance = 0, const QString &prefix = QStringLiteral("fan"));
    // Gives each user an ACTIVE queue ticket for the concert (bypassing the line).
    void admit(QList<TestUser> &users, qint64 concertId, int ttlSeconds = 600);
    // Every entry of the concert's line, ever (ended ones too), ordered by arrival, read at one
    // moment from whichever store the server uses (ENCORE_TEST_REDIS: Redis).
    QList<QueueRow> queueRows(qint64 concertId);
    // A concert with `dates` on-sale dates (prices: VIP 165,000 / R 132,000 / S 99,000 / A 77,000).
    qint64 createConcert(const QString &title = QStringLiteral("Test Concert"), int dates = 1);
    QList<qint64> schedulesOf(qint64 concertId);

    // One value of a query (or an invalid QVariant when no row).
    QVariant scalar(const QString &sql, const QVariantList &values = {});
    server::Database &db() { return *m_db; }
    server::Services &services() { return *m_services; }

private:
    server::ServerConfig m_config;
    std::unique_ptr<server::Database> m_db;
    std::unique_ptr<server::Services> m_services;
};

} // namespace encore::test
