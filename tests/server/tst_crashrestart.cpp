// The zero-config server (its own embedded PostgreSQL in --data-dir) after crashes: killed
// together with PostgreSQL, a restart at once comes up; killed alone, the restarted server
// adopts the running cluster and stops it on SIGTERM, as DESIGN.md says. Real processes, real
// signals, real PostgreSQL.
#include "httpclient.h"
#include "testserver.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <sys/stat.h>

using namespace Qt::StringLiterals;
using namespace encore::test;

class TestCrashRestart final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void killedWithPostgresRestartsAtOnce();
    void adoptedClusterIsStoppedOnSigterm();
    void cleanupTestCase();

private:
    bool startServer(); // waits for /readyz
    qint64 postmasterPid() const;
    static bool alive(qint64 pid) { return pid > 0 && ::kill(pid_t(pid), 0) == 0; }

    QTemporaryDir m_dir;
    QString m_dataDir;
    std::unique_ptr<QProcess> m_server;
    quint16 m_port = 0;
};

void TestCrashRestart::initTestCase()
{
    QVERIFY(m_dir.isValid());
    // As root the cluster runs as `postgres`, which must be able to reach it.
    ::chmod(QFile::encodeName(m_dir.path()).constData(), 0755);
    m_dataDir = m_dir.filePath(u"data"_s);
    QVERIFY(startServer());
}

bool TestCrashRestart::startServer()
{
    const QString portFile = m_dir.filePath(u"port"_s);
    QFile::remove(portFile);
    m_server = std::make_unique<QProcess>();
    m_server->setProcessChannelMode(QProcess::ForwardedErrorChannel);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const char *v : {"PGHOST", "PGPORT", "PGDATABASE", "PGUSER", "PGSERVICE"})
        env.remove(QString::fromLatin1(v)); // the embedded cluster, not a libpq one
    m_server->setProcessEnvironment(env);
    m_server->start(TestServer::serverBinary(),
                    {u"--data-dir"_s, m_dataDir, u"--listen"_s, u"127.0.0.1:0"_s, u"--port-file"_s,
                     portFile, u"--workers"_s, u"2"_s, u"--no-access-log"_s});
    if (!m_server->waitForStarted(10'000))
        return false;
    // Ends when the port file appears, the server exits, or time runs out (checked below).
    (void)QTest::qWaitFor(
        [&] { return QFile(portFile).size() > 0 || m_server->state() == QProcess::NotRunning; },
        90'000);
    if (m_server->state() == QProcess::NotRunning || QFile(portFile).size() == 0) {
        qWarning("the server exited with %d", m_server->exitCode());
        return false;
    }
    QFile f(portFile);
    f.open(QIODevice::ReadOnly);
    m_port = quint16(f.readAll().trimmed().toUInt());
    return QTest::qWaitFor([&] { return HttpClient(m_port).get("/readyz").status == 200; }, 30'000);
}

qint64 TestCrashRestart::postmasterPid() const
{
    QFile pidFile(m_dataDir + u"/postgres/postmaster.pid"_s);
    if (!pidFile.open(QIODevice::ReadOnly))
        return 0;
    return pidFile.readLine().trimmed().toLongLong();
}

void TestCrashRestart::killedWithPostgresRestartsAtOnce()
{
    const qint64 postmaster = postmasterPid();
    QVERIFY(alive(postmaster));
    // A power-cut-like crash: both at once, no clean-up by either.
    ::kill(pid_t(m_server->processId()), SIGKILL);
    ::kill(pid_t(postmaster), SIGKILL);
    QVERIFY(m_server->waitForFinished(10'000));
    // At once, while the old postmaster's backends may still be on their way out.
    QVERIFY2(startServer(), "the server did not come back after the crash");
    QVERIFY(alive(postmasterPid()));
    QVERIFY(postmasterPid() != postmaster);
}

void TestCrashRestart::adoptedClusterIsStoppedOnSigterm()
{
    // The server alone crashes: PostgreSQL keeps running, and the next server adopts it.
    const qint64 postmaster = postmasterPid();
    QVERIFY(alive(postmaster));
    ::kill(pid_t(m_server->processId()), SIGKILL);
    QVERIFY(m_server->waitForFinished(10'000));
    QVERIFY(alive(postmaster));
    QVERIFY(startServer());
    QCOMPARE(postmasterPid(), postmaster); // adopted, not restarted
    // SIGTERM: the server exits 0 and stops the cluster it adopted.
    m_server->terminate();
    QVERIFY(m_server->waitForFinished(60'000));
    QCOMPARE(m_server->exitStatus(), QProcess::NormalExit);
    QCOMPARE(m_server->exitCode(), 0);
    QTRY_VERIFY_WITH_TIMEOUT(!alive(postmaster), 10'000);
    QVERIFY(!QFile::exists(m_dataDir + u"/postgres/postmaster.pid"_s));
}

void TestCrashRestart::cleanupTestCase()
{
    if (m_server && m_server->state() != QProcess::NotRunning) {
        m_server->terminate();
        m_server->waitForFinished(60'000);
    }
    if (const qint64 pid = postmasterPid(); alive(pid))
        ::kill(pid_t(pid), SIGKILL);
}

QTEST_GUILESS_MAIN(TestCrashRestart)
#include "tst_crashrestart.moc"
