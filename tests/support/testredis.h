#pragma once
// TestRedis: a private redis-server per test executable (free loopback port, no persistence,
// temporary directory), started on first use and stopped at exit; stop()/start() let failure
// tests take it away and bring it back on the same port. Main thread.
//
// Set ENCORE_TEST_REDIS=1 in a test's environment to run its TestServers with --redis (the
// Redis queue store and cache): the same test then covers both stores.

#include <QString>

namespace encore::test {

class TestRedis
{
public:
    static bool requested(); // ENCORE_TEST_REDIS is set
    static TestRedis &instance();

    QString url() const;     // redis://127.0.0.1:PORT
    // A logical Redis database per test database (encore_test_N → N mod 16), so servers on
    // different databases in one test executable never share queue keys.
    QString urlFor(const QString &databaseName) const;
    quint16 port() const;
    bool start();
    void stop();
    bool isRunning() const;

private:
    TestRedis();
    struct Private;
    Private *d;
};

} // namespace encore::test
