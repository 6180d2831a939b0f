#include "testserver.h"

#include "testcluster.h"
#include "testredis.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QFile>
#include <QHash>
#include <QTcpSocket>
#include <QTest>

#include <csignal>

using namespace Qt::StringLiterals;

namespace encore::test {

namespace {
bool acceptsConnections(quint16 port)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    return socket.waitForConnected(1'000);
}
} // namespace

namespace {
QHash<QString, server::QueueDefaults> &queueDefaultsByDatabase()
{
    static QHash<QString, server::QueueDefaults> defaults; // main thread only
    return defaults;
}
} // namespace

TestServer::TestServer(QStringList extraArgs)
    : m_args(std::move(extraArgs))
    , m_db(TestCluster::instance().createDatabase())
{
    rememberQueueDefaults();
}

TestServer::TestServer(const server::ConnectionParams &database, QStringList extraArgs)
    : m_args(std::move(extraArgs))
    , m_db(database)
{
    rememberQueueDefaults();
}

void TestServer::rememberQueueDefaults() const
{
    server::QueueDefaults defaults;
    const std::pair<QString, int *> options[] {
        {u"--queue-max-active"_s, &defaults.maxActive},
        {u"--queue-admit-per-minute"_s, &defaults.admitPerMinute},
        {u"--queue-active-ttl"_s, &defaults.activeTtlSeconds}};
    for (qsizetype i = 0; i + 1 < m_args.size(); ++i) { // later options win, as in the server
        for (const auto &[name, value] : options) {
            if (m_args.at(i) == name)
                *value = m_args.at(i + 1).toInt();
        }
    }
    queueDefaultsByDatabase().insert(m_db.database, defaults);
}

server::QueueDefaults TestServer::queueDefaults(const QString &database)
{
    return queueDefaultsByDatabase().value(database);
}

TestServer::~TestServer()
{
    stop();
}

QString TestServer::serverBinary()
{
    const QString fromEnv = qEnvironmentVariable("ENCORE_SERVER_BIN");
    if (!fromEnv.isEmpty())
        return fromEnv;
    return QCoreApplication::applicationDirPath() + u"/../../server/encore-server"_s;
}

qint64 TestServer::pid() const
{
    return m_process ? m_process->processId() : 0;
}

QByteArray TestServer::output() const
{
    if (m_process)
        m_output += m_process->readAll();
    return m_output;
}

bool TestServer::start()
{
    const QString portFile = m_dir.path() + u"/port"_s;
    QFile::remove(portFile);
    m_process = std::make_unique<QProcess>();
    m_process->setProcessChannelMode(QProcess::MergedChannels);
    m_process->setProcessEnvironment(m_environment);
    QStringList args {u"--database"_s,      TestCluster::url(m_db),
                      u"--port-file"_s,     portFile,
                      u"--workers"_s,       u"4"_s,
                      u"--no-access-log"_s, u"--auth-attempts-per-minute"_s,
                      u"100000"_s};
    // Tests drive thousands of parallel clients and logins from one loopback address; the
    // suites that test these limits (tst_edge, tst_authapi) pass their own values.
    args << u"--max-connections-per-address"_s << u"100000"_s << u"--login-failures-per-address"_s
         << u"100000"_s << u"--login-backoff-after"_s << u"100000"_s;
    // Likewise the fair-queue limits (tst_fairqueue passes its own).
    for (const char16_t *limit :
         {u"--limit-queue-joins", u"--limit-queue-joins-per-address", u"--limit-queue-polls",
          u"--limit-queue-polls-per-address", u"--limit-poll-pace", u"--limit-holds",
          u"--limit-accounts-per-address", u"--limit-seat-waits",
          u"--limit-seat-waits-per-address"})
        args << QString::fromUtf16(limit) << u"0"_s;
    args << u"--listen"_s << u"127.0.0.1:%1"_s.arg(m_port);
    if (TestRedis::requested())
        args << u"--redis"_s << TestRedis::instance().urlFor(m_db.database);
    args += m_args; // later options win (QCommandLineParser keeps the last value)
    m_process->start(serverBinary(), args);
    if (!m_process->waitForStarted(10'000))
        return false;
    // HttpClient speaks plain HTTP only: with TLS, a listening port is as ready as we can tell.
    const bool tls = m_args.contains(u"--tls-cert"_s);
    QDeadlineTimer deadline(60'000);
    while (!deadline.hasExpired()) {
        QFile f(portFile);
        if (f.open(QIODevice::ReadOnly)) {
            m_port = quint16(f.readAll().trimmed().toUInt());
            if (m_port != 0
                && (tls ? acceptsConnections(m_port) : client().get("/readyz").status == 200))
                return true;
        }
        if (m_process->state() == QProcess::NotRunning) {
            qWarning().noquote() << "encore-server exited:" << output();
            return false;
        }
        m_process->waitForReadyRead(50);
        output();
    }
    return false;
}

void TestServer::pause()
{
    if (m_process && m_process->state() != QProcess::NotRunning)
        ::kill(pid_t(m_process->processId()), SIGSTOP);
}

void TestServer::resume()
{
    if (m_process && m_process->state() != QProcess::NotRunning)
        ::kill(pid_t(m_process->processId()), SIGCONT);
}

void TestServer::stop()
{
    if (!m_process || m_process->state() == QProcess::NotRunning)
        return;
    resume(); // a paused server would never see the SIGTERM
    ::kill(pid_t(m_process->processId()), SIGTERM);
    if (!m_process->waitForFinished(30'000))
        m_process->kill();
    m_process->waitForFinished(5'000);
    output();
}

void TestServer::kill()
{
    if (!m_process)
        return;
    m_process->kill();
    m_process->waitForFinished(5'000);
    output();
}

bool TestServer::restart()
{
    stop();
    return start();
}

} // namespace encore::test
