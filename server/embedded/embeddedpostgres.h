#pragma once
// EmbeddedPostgres: a private PostgreSQL cluster in a directory of ours, run with the system's
// binaries (pg_config --bindir), reachable only through a Unix socket. Kept across restarts;
// stopped by stop()/the destructor if this object started it or owns it (an advisory lock: the
// first live user of the directory). Start survives a crash that took PostgreSQL down too
// (waits for the old postmaster, retries for 30 s). As root it runs as `postgres`.
// Used by encore-server's zero-config mode and by every server test. Main thread only.

#include "result.h"
#include "storage/connectionparams.h"

#include <QStringList>

class QDeadlineTimer;

namespace encore::server {

class EmbeddedPostgres {
public:
    struct Options {
        QString clusterDir; // created if missing
        QString databaseName = QStringLiteral("encore");
        QStringList serverSettings; // extra "-c name=value" settings, e.g. fsync=off for tests
    };

    explicit EmbeddedPostgres(Options options);
    ~EmbeddedPostgres();
    EmbeddedPostgres(const EmbeddedPostgres &) = delete;
    EmbeddedPostgres &operator=(const EmbeddedPostgres &) = delete;

    // initdb when needed, start when not running, create the database; returns how to connect.
    Result<ConnectionParams> start();
    void stop();
    bool ownsServer() const { return m_started || m_owner; }
    QString logFile() const;

private:
    Result<bool> startOnce(const ConnectionParams &params);
    void waitForOldPostmaster(const QDeadlineTimer &deadline) const;
    void takeOwnership();
    Result<QString> runTool(const QString &tool, const QStringList &args, int timeoutMs) const;
    Result<bool> ensureDatabase(const ConnectionParams &params) const;
    QString socketDir() const;

    Options m_options;
    QString m_binDir;
    bool m_started = false;
    bool m_owner = false;
    int m_lockFd = -1;
};

} // namespace encore::server
