#pragma once
// TestCluster: one private PostgreSQL cluster per test executable (started on first use in a
// temporary directory, stopped at exit), tuned for speed (no fsync) unless
// ENCORE_TEST_CLUSTER_DURABLE=1 (benchmarks: the product's durable settings). Each test gets a
// fresh database from createDatabase(). Main thread.

#include "storage/connectionparams.h"

namespace encore::test {

class TestCluster {
public:
    static TestCluster &instance();

    // A new empty database; returns how to reach it.
    server::ConnectionParams createDatabase();
    // postgresql:// URL for encore-server --database.
    static QString url(const server::ConnectionParams &params);

    // Failure tests: stop PostgreSQL (fast shutdown: open connections are cut) and start it
    // again on the same directory and socket. Clients must reconnect by themselves.
    bool stop();
    bool start();
    bool restart() { return stop() && start(); }

private:
    TestCluster();
    struct Private;
    Private *d;
};

} // namespace encore::test
