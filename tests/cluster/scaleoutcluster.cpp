#include "scaleoutcluster.h"

#include "apipaths.h"
#include "testcluster.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include <unistd.h>

using namespace Qt::StringLiterals;

namespace encore::test {

namespace {

QString confDir()
{
    const QString fromEnv = qEnvironmentVariable("ENCORE_CLUSTER_CONF_DIR");
    return fromEnv.isEmpty() ? QStringLiteral(ENCORE_CLUSTER_CONF_DIR) : fromEnv;
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

bool writeFile(const QString &path, const QByteArray &data)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(data) == data.size();
}

void stopProcess(QProcess &p, int graceMs)
{
    if (p.state() == QProcess::NotRunning)
        return;
    p.terminate(); // SIGTERM
    if (!p.waitForFinished(graceMs)) {
        p.kill();
        p.waitForFinished(5'000);
    }
}

} // namespace

// ---------------------------------------------------------------------------------------------
RedisProcess::RedisProcess(QString dir)
    : m_dir(std::move(dir))
{
}

RedisProcess::~RedisProcess()
{
    stop();
}

QString RedisProcess::binary()
{
    const QString fromEnv = qEnvironmentVariable("ENCORE_REDIS_SERVER_BIN");
    return fromEnv.isEmpty() ? QStringLiteral(ENCORE_REDIS_SERVER_BIN) : fromEnv;
}

QString RedisProcess::url() const
{
    return u"redis://127.0.0.1:%1"_s.arg(m_port);
}

bool RedisProcess::running() const
{
    return m_process && m_process->state() == QProcess::Running;
}

bool RedisProcess::start()
{
    if (binary().isEmpty() || !QFile::exists(binary()))
        return false;
    QDir().mkpath(m_dir);
    if (m_port == 0)
        m_port = ScaleOutCluster::freePort();
    m_process = std::make_unique<QProcess>();
    m_process->setProcessChannelMode(QProcess::MergedChannels);
    m_process->start(binary(),
                     {confDir() + u"/redis.conf"_s, u"--port"_s, QString::number(m_port),
                      u"--dir"_s, m_dir, u"--logfile"_s, m_dir + u"/redis.log"_s});
    if (!m_process->waitForStarted(10'000))
        return false;
    QDeadlineTimer deadline(30'000);
    while (!deadline.hasExpired() && running()) {
        if (command({"PING"}).startsWith("+PONG"))
            return true;
        m_process->waitForFinished(50); // returns early only if it exits
    }
    qWarning().noquote() << "redis-server did not start:" << m_process->readAll()
                         << readFile(m_dir + u"/redis.log"_s).right(2000);
    return false;
}

void RedisProcess::stop()
{
    if (m_process)
        stopProcess(*m_process, 30'000);
}

QByteArray RedisProcess::command(const QList<QByteArray> &args) const
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, m_port);
    if (!socket.waitForConnected(1'000))
        return {};
    QByteArray out = "*" + QByteArray::number(args.size()) + "\r\n";
    for (const QByteArray &a : args)
        out += "$" + QByteArray::number(a.size()) + "\r\n" + a + "\r\n";
    socket.write(out);
    QByteArray reply;
    QDeadlineTimer deadline(2'000);
    // Simple strings, integers and errors end at the first CRLF; a bulk string says its length.
    while (!deadline.hasExpired() && socket.waitForReadyRead(int(deadline.remainingTime()))) {
        reply += socket.readAll();
        const qsizetype eol = reply.indexOf("\r\n");
        if (eol < 0)
            continue;
        if (!reply.startsWith('$'))
            return reply;
        const qsizetype length = reply.mid(1, eol - 1).toLongLong();
        if (length < 0 || reply.size() >= eol + 2 + length + 2)
            return reply;
    }
    return reply;
}

int RedisProcess::connectedClients() const
{
    const QByteArray info = command({"INFO", "clients"});
    const qsizetype at = info.indexOf("connected_clients:");
    if (at < 0)
        return -1;
    const qsizetype end = info.indexOf('\r', at);
    return info.mid(at + 18, end - at - 18).toInt();
}

// ---------------------------------------------------------------------------------------------
ScaleOutCluster::ScaleOutCluster()
    : ScaleOutCluster(Options {})
{
}

ScaleOutCluster::ScaleOutCluster(Options options)
    : m_options(std::move(options))
    , m_dir(QDir::tempPath() + u"/encore-cluster-XXXXXX"_s)
    , m_nginx(m_dir.path() + u"/nginx"_s)
{
}

ScaleOutCluster::~ScaleOutCluster()
{
    stop();
}

quint16 ScaleOutCluster::freePort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

bool ScaleOutCluster::serverSupportsRedis()
{
    static const bool supported = [] {
        QProcess p;
        p.start(TestServer::serverBinary(), {u"--help"_s});
        p.waitForFinished(10'000);
        return p.readAllStandardOutput().contains("--redis");
    }();
    return supported;
}

ScaleOutCluster::Options ScaleOutCluster::withGateway(const TestPaySandbox &gateway)
{
    Options options;
    options.serverArgs = gateway.serverArgs();
    options.serverEnvironment = gateway.serverEnvironment();
    return options;
}

QString ScaleOutCluster::webhookUrl() const
{
    return u"http://127.0.0.1:%1"_s.arg(m_nginx.port()) + encore::api::paymentGatewayWebhook();
}

bool ScaleOutCluster::start()
{
    if (!m_dir.isValid())
        return false;
    // nginx on 127.0.0.1 is the trusted proxy: throttling sees X-Real-IP, as in production.
    const QStringList base {u"--workers"_s, u"2"_s, u"--trusted-proxy"_s, u"127.0.0.1"_s};
    QStringList args = base + m_options.serverArgs;
    if (m_options.redis && serverSupportsRedis() && QFile::exists(RedisProcess::binary())) {
        m_redis = std::make_unique<RedisProcess>(m_dir.path() + u"/redis"_s);
        if (!m_redis->start())
            return false;
        args << u"--redis"_s << m_redis->url();
        m_redisArg = true;
    }
    const bool ownEnvironment = !m_options.serverEnvironment.isEmpty();
    // The first instance creates the database and migrates it; the others share it.
    m_instances.push_back(std::make_unique<TestServer>(args));
    if (ownEnvironment)
        m_instances.front()->setEnvironment(m_options.serverEnvironment);
    if (!m_instances.front()->start())
        return false;
    for (int i = 1; i < m_options.instances; ++i)
        m_instances.push_back(std::make_unique<TestServer>(m_instances.front()->database(), args));
    for (size_t i = 1; i < m_instances.size(); ++i) {
        if (ownEnvironment)
            m_instances[i]->setEnvironment(m_options.serverEnvironment);
        if (!m_instances[i]->start())
            return false;
    }
    QList<quint16> ports;
    for (const auto &s : m_instances)
        ports.append(s->port());
    return m_nginx.start(ports);
}

void ScaleOutCluster::stop()
{
    m_nginx.stop();
    for (auto &s : m_instances)
        s->stop();
    if (m_redis)
        m_redis->stop();
}

QByteArray ScaleOutCluster::nginxLog() const
{
    return m_nginx.errorLog();
}

QByteArray ScaleOutCluster::accessLog() const
{
    return m_nginx.accessLog();
}

QString ScaleOutCluster::nginxConfig() const
{
    return m_nginx.config();
}

// ---------------------------------------------------------------------------------------------
NginxProcess::NginxProcess(QString dir)
    : m_dir(std::move(dir))
{
}

NginxProcess::~NginxProcess()
{
    stop();
}

QString NginxProcess::render(const QString &stateDir, const QString &listen,
                             const QList<quint16> &upstreamPorts, bool passOver503)
{
    QString text = QString::fromUtf8(readFile(confDir() + u"/nginx.conf.in"_s));
    QStringList upstreams;
    for (quint16 port : upstreamPorts)
        upstreams.append(u"        server 127.0.0.1:%1 max_fails=1 fail_timeout=2s;"_s.arg(port));
    // Workers drop root, as in scripts/cluster.sh; they never write to the state dir.
    text.replace(u"@USER_LINE@"_s, ::geteuid() == 0 ? u"user www-data;"_s : QString());
    text.replace(u"@STATE_DIR@"_s, stateDir);
    text.replace(u"@LISTEN@"_s, listen);
    text.replace(u"@UPSTREAMS@"_s, upstreams.join(u'\n'));
    text.replace(u"@LISTEN_SSL@"_s, QString());
    text.replace(u"@TLS@"_s, QString());
    text.replace(u"@HTTP_REDIRECT@"_s, QString());
    text.replace(u"@NEXT_UPSTREAM@"_s,
                 passOver503 ? u"error timeout http_503"_s : u"error timeout"_s);
    return text;
}

bool NginxProcess::start(const QList<quint16> &upstreamPorts, bool passOver503)
{
    QDir().mkpath(m_dir + u"/tmp"_s);
    m_port = ScaleOutCluster::freePort();
    const QString conf = m_dir + u"/nginx.conf"_s;
    if (!writeFile(
            conf,
            render(m_dir, u"127.0.0.1:%1"_s.arg(m_port), upstreamPorts, passOver503).toUtf8()))
        return false;
    m_process = std::make_unique<QProcess>();
    m_process->setProcessChannelMode(QProcess::MergedChannels);
    m_process->start(QStringLiteral(ENCORE_NGINX_BIN),
                     {u"-p"_s, m_dir, u"-e"_s, m_dir + u"/error.log"_s, u"-c"_s, conf, u"-g"_s,
                      u"daemon off;"_s});
    if (!m_process->waitForStarted(10'000))
        return false;
    QDeadlineTimer deadline(30'000);
    while (!deadline.hasExpired() && m_process->state() == QProcess::Running) {
        if (client().get("/readyz").status == 200)
            return true;
        m_process->waitForFinished(50);
    }
    qWarning().noquote() << "nginx did not start:" << m_process->readAll() << errorLog();
    return false;
}

void NginxProcess::stop()
{
    if (m_process)
        stopProcess(*m_process, 10'000);
}

QByteArray NginxProcess::errorLog() const
{
    return readFile(m_dir + u"/error.log"_s);
}

QByteArray NginxProcess::accessLog() const
{
    return readFile(m_dir + u"/access.log"_s);
}

QString NginxProcess::config() const
{
    return QString::fromUtf8(readFile(m_dir + u"/nginx.conf"_s));
}

} // namespace encore::test
