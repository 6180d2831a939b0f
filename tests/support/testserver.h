#pragma once
// TestServer: a real encore-server child process (ENCORE_SERVER_BIN) on a fresh database of the
// TestCluster, listening on a free loopback port. Start, stop (SIGTERM), kill (SIGKILL) and
// restart on the same database. Main thread.

#include "config/serverconfig.h"
#include "httpclient.h"
#include "storage/connectionparams.h"

#include <QProcess>
#include <QStringList>
#include <QTemporaryDir>

#include <memory>

namespace encore::test {

class TestServer {
public:
    // `extraArgs` are added to the command line, e.g. {"--hold-seconds", "2"}.
    explicit TestServer(QStringList extraArgs = {});
    // A second instance on an existing database (scale-out: instances share PostgreSQL).
    TestServer(const server::ConnectionParams &database, QStringList extraArgs);
    ~TestServer();

    // The server's environment (e.g. TestPaySandbox::serverEnvironment(): keys stay out of argv).
    void setEnvironment(const QProcessEnvironment &environment) { m_environment = environment; }
    bool start(); // waits until the port file appears and /readyz answers (with
                  // --tls-cert: until the port accepts connections)
    void stop(); // SIGTERM and wait
    void kill(); // SIGKILL
    // SIGSTOP / SIGCONT: a hung server — its sockets stay open and nothing answers (no FIN, no
    // refusal), the outage only a heartbeat or a timeout can notice.
    void pause();
    void resume();
    bool restart(); // stop + start on the same database (and port if free)

    quint16 port() const { return m_port; }
    qint64 pid() const; // the server process, 0 when not running
    HttpClient client() const { return HttpClient(m_port); }
    const server::ConnectionParams &database() const { return m_db; }
    QByteArray output() const; // everything the server printed so far

    static QString serverBinary();
    // The queue defaults (--queue-max-active, --queue-admit-per-minute, --queue-active-ttl) of
    // the server made for this database, so that Fixtures write a concert's queue settings as
    // that server would (otherwise a fixture's concert ignored the flags: 600 s turns).
    static server::QueueDefaults queueDefaults(const QString &database);

private:
    void rememberQueueDefaults() const;

    QStringList m_args;
    server::ConnectionParams m_db;
    QTemporaryDir m_dir;
    std::unique_ptr<QProcess> m_process;
    QProcessEnvironment m_environment = QProcessEnvironment::systemEnvironment();
    quint16 m_port = 0;
    mutable QByteArray m_output;
};

} // namespace encore::test
