#include "hacluster.h"

#include "storage/database.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QTcpServer>
#include <QTcpSocket>

#include <pwd.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace encore::test {

namespace {

constexpr int kStartMs = 60'000;
const QByteArray kMasterName = "encore";

bool isRoot()
{
    return ::geteuid() == 0;
}

QString confDir()
{
    return QStringLiteral(ENCORE_CLUSTER_CONF_DIR);
}

QString pgBinDir()
{
    QStringList versions
        = QDir(u"/usr/lib/postgresql"_s).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    std::sort(versions.begin(), versions.end(),
              [](const QString &a, const QString &b) { return a.toInt() > b.toInt(); });
    for (const QString &v : versions) {
        if (QFileInfo::exists(u"/usr/lib/postgresql/%1/bin/initdb"_s.arg(v)))
            return u"/usr/lib/postgresql/%1/bin"_s.arg(v);
    }
    return {};
}

// As root, hands a path to the postgres user (PostgreSQL refuses to run as root).
void giveToPostgres(const QString &path)
{
    if (!isRoot())
        return;
    if (const passwd *pw = ::getpwnam("postgres")) [[maybe_unused]]
        int rc = ::chown(QFile::encodeName(path).constData(), pw->pw_uid, pw->pw_gid);
}

QString render(const QString &templateName, const QList<QPair<QString, QString>> &values)
{
    QFile f(confDir() + u'/' + templateName);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    QString text = QString::fromUtf8(f.readAll());
    for (const auto &[name, value] : values)
        text.replace(u'@' + name + u'@', value);
    return text;
}

void waitOrKill(QProcess &p)
{
    if (p.state() == QProcess::NotRunning)
        return;
    p.terminate();
    if (!p.waitForFinished(10'000)) {
        p.kill();
        p.waitForFinished(5'000);
    }
}

} // namespace

// ---------------------------------------------------------------------------------------------
PgNode::PgNode(QString dir, QString passFile)
    : m_dir(std::move(dir))
    , m_passFile(std::move(passFile))
    , m_port(ScaleOutCluster::freePort())
{
}

PgNode::~PgNode()
{
    if (m_running)
        run(u"pg_ctl"_s, {u"stop"_s, u"-m"_s, u"immediate"_s, u"-D"_s, m_dir}, 30'000);
}

QString PgNode::log() const
{
    QFile f(m_dir + u"/server.log"_s);
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll().right(3000)) : QString();
}

bool PgNode::run(const QString &tool, const QStringList &args, int timeoutMs) const
{
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    const QStringList command
        = QStringList {u"env"_s, u"PGPASSFILE="_s + m_passFile, pgBinDir() + u'/' + tool} + args;
    if (isRoot())
        p.start(u"runuser"_s, QStringList {u"-u"_s, u"postgres"_s, u"--"_s} + command);
    else
        p.start(command.first(), command.mid(1));
    const bool done = p.waitForFinished(timeoutMs);
    if (!done || p.exitCode() != 0) {
        qWarning().noquote() << tool << "failed:" << p.readAll();
        p.kill();
        p.waitForFinished(1000);
        return false;
    }
    return true;
}

bool PgNode::start(const QString &extraSettings)
{
    const QString options = u"-p %1 -k %2 -c listen_addresses=127.0.0.1 -c fsync=off "
                            "-c max_connections=200 %3"_s.arg(m_port)
                                .arg(m_dir, extraSettings);
    m_running = run(u"pg_ctl"_s,
                    {u"start"_s, u"-w"_s, u"-t"_s, u"60"_s, u"-D"_s, m_dir, u"-l"_s,
                     m_dir + u"/server.log"_s, u"-o"_s, options});
    return m_running;
}

bool PgNode::initPrimary(const QString &passwordFile)
{
    QDir().mkpath(m_dir);
    giveToPostgres(m_dir);
    QFile::setPermissions(m_dir, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    if (!run(u"initdb"_s,
             {u"-D"_s, m_dir, u"-U"_s, u"encore"_s, u"--pwfile="_s + passwordFile,
              u"--auth-host=scram-sha-256"_s, u"--auth-local=trust"_s, u"-E"_s, u"UTF8"_s,
              u"--no-locale"_s, u"--no-sync"_s}))
        return false;
    return start(QString());
}

bool PgNode::initStandby(const PgNode &primary, const QString &name)
{
    QDir().mkpath(m_dir);
    giveToPostgres(m_dir);
    QFile::setPermissions(m_dir, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    if (!run(u"pg_basebackup"_s,
             {u"-h"_s, u"127.0.0.1"_s, u"-p"_s, QString::number(primary.port()), u"-U"_s,
              u"encore"_s, u"-D"_s, m_dir, u"-X"_s, u"stream"_s, u"-R"_s, u"--no-sync"_s,
              u"--checkpoint=fast"_s}))
        return false;
    // The name the primary's synchronous_standby_names waits for.
    QFile conf(m_dir + u"/postgresql.auto.conf"_s);
    if (!conf.open(QIODevice::Append))
        return false;
    conf.write(u"primary_conninfo = 'host=127.0.0.1 port=%1 user=encore passfile=%2 "
               "application_name=%3'\n"_s.arg(primary.port())
                   .arg(m_passFile, name)
                   .toUtf8());
    conf.close();
    QFile::remove(m_dir + u"/server.log"_s); // the primary's, copied by pg_basebackup
    return start(QString());
}

void PgNode::crash()
{
    run(u"pg_ctl"_s, {u"stop"_s, u"-m"_s, u"immediate"_s, u"-D"_s, m_dir}, 30'000);
    m_running = false;
}

bool PgNode::promote()
{
    return run(u"pg_ctl"_s, {u"promote"_s, u"-w"_s, u"-t"_s, u"60"_s, u"-D"_s, m_dir});
}

// ---------------------------------------------------------------------------------------------
class TcpCut::Worker : public QObject {
public:
    explicit Worker(quint16 target)
        : m_target(target)
    {
    }

    quint16 listen(quint16 port)
    {
        m_server = new QTcpServer(this);
        connect(m_server, &QTcpServer::newConnection, this, &Worker::accept);
        m_server->listen(QHostAddress::LocalHost, port);
        return m_server->serverPort();
    }

    void cut()
    {
        m_port = m_server->serverPort();
        m_server->close();
        for (QTcpSocket *s : findChildren<QTcpSocket *>()) {
            s->abort();
            s->deleteLater();
        }
    }

    void heal() { m_server->listen(QHostAddress::LocalHost, m_port); }

private:
    void accept()
    {
        while (QTcpSocket *in = m_server->nextPendingConnection()) {
            in->setParent(this);
            auto *out = new QTcpSocket(this);
            out->connectToHost(QHostAddress::LocalHost, m_target);
            connect(in, &QTcpSocket::readyRead, out, [in, out] {
                if (out->state() == QAbstractSocket::ConnectedState)
                    out->write(in->readAll());
            });
            connect(out, &QTcpSocket::connected, in, [in, out] { out->write(in->readAll()); });
            connect(out, &QTcpSocket::readyRead, in, [in, out] { in->write(out->readAll()); });
            connect(in, &QTcpSocket::disconnected, out, &QTcpSocket::disconnectFromHost);
            connect(out, &QTcpSocket::disconnected, in, &QTcpSocket::disconnectFromHost);
        }
    }

    quint16 m_target;
    quint16 m_port = 0;
    QTcpServer *m_server = nullptr;
};

TcpCut::TcpCut(quint16 targetPort)
    : m_thread(std::make_unique<QThread>())
    , m_worker(new Worker(targetPort))
{
    m_worker->moveToThread(m_thread.get());
    m_thread->start();
    QMetaObject::invokeMethod(
        m_worker, [this] { m_port = m_worker->listen(0); }, Qt::BlockingQueuedConnection);
}

TcpCut::~TcpCut()
{
    QMetaObject::invokeMethod(
        m_worker, [this] { delete m_worker; }, Qt::BlockingQueuedConnection);
    m_thread->quit();
    m_thread->wait();
}

void TcpCut::cut()
{
    QMetaObject::invokeMethod(
        m_worker, [this] { m_worker->cut(); }, Qt::BlockingQueuedConnection);
}

void TcpCut::heal()
{
    QMetaObject::invokeMethod(
        m_worker, [this] { m_worker->heal(); }, Qt::BlockingQueuedConnection);
}

// ---------------------------------------------------------------------------------------------
HaCluster::HaCluster(Options options)
    : m_options(std::move(options))
    , m_dir(QDir::tempPath() + u"/encore-ha-XXXXXX"_s)
    , m_password(QByteArray::number(QRandomGenerator::system()->generate64(), 36)
                 + QByteArray::number(QRandomGenerator::system()->generate64(), 36))
{
}

HaCluster::~HaCluster()
{
    stop();
}

bool HaCluster::writeSecret(const QString &path, const QByteArray &data, bool forPostgres)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(data) != data.size())
        return false;
    f.close();
    f.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
    if (forPostgres)
        giveToPostgres(path);
    return true;
}

bool HaCluster::start()
{
    if (!m_dir.isValid() || pgBinDir().isEmpty())
        return false;
    // The postgres user must reach its directories inside.
    QFile::setPermissions(m_dir.path(),
                          QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadOther
                              | QFile::ExeOther);
    QElapsedTimer clock;
    clock.start();
    const auto phase = [&clock](const char *what, bool ok) {
        qInfo("  %s %s after %.1f s", what, ok ? "up" : "FAILED", clock.elapsed() / 1000.0);
        return ok;
    };
    return phase("PostgreSQL primary + synchronous standby", startPostgres())
        && phase("Redis primary + replica + 3 sentinels", startRedis())
        && phase("instances + nginx", startInstances());
}

bool HaCluster::startInstances()
{
    QStringList sentinels;
    for (quint16 p : std::as_const(m_sentinelPorts))
        sentinels.append(u"127.0.0.1:%1"_s.arg(p));
    const QStringList args = QStringList {u"--workers"_s,
                                          u"2"_s,
                                          u"--trusted-proxy"_s,
                                          u"127.0.0.1"_s,
                                          u"--redis-sentinel"_s,
                                          sentinels.join(u','),
                                          u"--redis-master-name"_s,
                                          QString::fromLatin1(kMasterName),
                                          u"--redis-password-file"_s,
                                          m_dir.filePath(u"redis-password"_s)}
        + m_options.serverArgs;
    for (int i = 0; i < m_options.instances; ++i) {
        QString url = m_databaseUrl;
        if (m_options.cutDatabaseOfLast && i == m_options.instances - 1) {
            for (int k = 0; k < 2; ++k)
                m_cuts.push_back(std::make_unique<TcpCut>(m_pg[size_t(k)]->port()));
            url = u"postgresql://encore@127.0.0.1:%1,127.0.0.1:%2/encore"_s.arg(m_cuts[0]->port())
                      .arg(m_cuts[1]->port());
        }
        m_instances.push_back(
            std::make_unique<TestServer>(m_database, args + QStringList {u"--database"_s, url}));
        // The first migrates the database; the others then find it ready.
        if (!m_instances.back()->start())
            return false;
    }
    QList<quint16> ports;
    for (const auto &s : m_instances)
        ports.append(s->port());
    m_nginx = std::make_unique<NginxProcess>(m_dir.filePath(u"nginx"_s));
    return m_nginx->start(ports, true);
}

bool HaCluster::startPostgres()
{
    // The instances' and the test's password file (PGPASSFILE: libpq reads it; nothing on a
    // command line), and the postgres user's own copy for replication.
    const QByteArray pgpass = "*:*:*:encore:" + m_password + '\n';
    const QString mine = m_dir.filePath(u"pgpass"_s);
    const QString theirs = m_dir.filePath(u"pgpass-postgres"_s);
    const QString initPassword = m_dir.filePath(u"pg-password"_s);
    if (!writeSecret(mine, pgpass, false) || !writeSecret(theirs, pgpass, true)
        || !writeSecret(initPassword, m_password + '\n', true))
        return false;
    qputenv("PGPASSFILE", mine.toLocal8Bit());
    m_pg.push_back(std::make_unique<PgNode>(m_dir.filePath(u"pg1"_s), theirs));
    m_pg.push_back(std::make_unique<PgNode>(m_dir.filePath(u"pg2"_s), theirs));
    if (!m_pg[0]->initPrimary(initPassword)) {
        qWarning().noquote() << m_pg[0]->log();
        return false;
    }
    server::ConnectionParams admin;
    admin.host = u"127.0.0.1"_s;
    admin.port = m_pg[0]->port();
    admin.user = u"encore"_s;
    admin.database = u"postgres"_s;
    {
        server::Database db(admin);
        db.execScript(u"CREATE DATABASE encore"_s);
        db.closeThreadConnection();
    }
    if (!m_pg[1]->initStandby(*m_pg[0], u"standby1"_s)) {
        qWarning().noquote() << m_pg[1]->log();
        return false;
    }
    m_databaseUrl = u"postgresql://encore@127.0.0.1:%1,127.0.0.1:%2/encore"_s.arg(m_pg[0]->port())
                        .arg(m_pg[1]->port());
    m_database = server::ConnectionParams::fromUrl(m_databaseUrl).value();
    // Synchronous from here on: a commit returns once the standby has it. Set on the primary
    // after the base backup, so the standby (promoted, with no standby of its own) never waits.
    server::Database db(admin);
    db.execScript(u"ALTER SYSTEM SET synchronous_standby_names = 'standby1'"_s);
    db.execScript(u"SELECT pg_reload_conf()"_s);
    QDeadlineTimer deadline(kStartMs);
    bool sync = false;
    while (!sync && !deadline.hasExpired()) {
        QSqlQuery &q = db.exec(u"SELECT sync_state FROM pg_stat_replication "
                               "WHERE application_name = 'standby1'"_s);
        sync = q.next() && q.value(0).toString() == u"sync";
        if (!sync)
            QThread::msleep(100); // polling the primary's view, bounded by the deadline
    }
    db.closeThreadConnection();
    if (!sync)
        qWarning().noquote() << "the standby did not become synchronous:" << m_pg[1]->log();
    return sync;
}

bool HaCluster::startRedisProcess(const QString &name, quint16 port, const QString &conf)
{
    const QString dir = m_dir.filePath(name);
    QDir().mkpath(dir);
    const QString file
        = dir + u"/"_s + (name.startsWith(u"sentinel"_s) ? u"sentinel.conf"_s : u"redis.conf"_s);
    if (!writeSecret(file, conf.toUtf8(), false))
        return false;
    auto p = std::make_unique<QProcess>();
    p->setProcessChannelMode(QProcess::MergedChannels);
    QStringList args {file};
    if (name.startsWith(u"sentinel"_s))
        args << u"--sentinel"_s;
    p->start(RedisProcess::binary(), args);
    if (!p->waitForStarted(10'000))
        return false;
    m_redisProcesses.push_back(std::move(p));
    QDeadlineTimer deadline(kStartMs);
    while (!deadline.hasExpired()) {
        server::RedisClient c(server::RedisClient::Options {
            u"redis://127.0.0.1:%1"_s.arg(port),
            {},
            {},
            name.startsWith(u"sentinel"_s) ? QByteArray() : m_password});
        if (c.ping())
            return true;
        m_redisProcesses.back()->waitForFinished(50); // returns early only if it exits
    }
    qWarning().noquote() << name << "did not start:" << m_redisProcesses.back()->readAll();
    return false;
}

bool HaCluster::startRedis()
{
    if (!writeSecret(m_dir.filePath(u"redis-password"_s), m_password, false))
        return false;
    for (int i = 0; i < 2; ++i)
        m_redisPorts.append(ScaleOutCluster::freePort());
    for (int i = 0; i < 2; ++i) {
        const QString name = u"redis-%1"_s.arg(i + 1);
        const QString conf
            = render(u"redis-ha.conf.in"_s,
                     {{u"BASE"_s, confDir() + u"/redis.conf"_s},
                      {u"PORT"_s, QString::number(m_redisPorts[i])},
                      {u"DIR"_s, m_dir.filePath(name)},
                      {u"PASSWORD"_s, QString::fromLatin1(m_password)},
                      {u"REPLICAOF"_s,
                       i == 0 ? QString() : u"replicaof 127.0.0.1 %1"_s.arg(m_redisPorts[0])}});
        if (!startRedisProcess(name, m_redisPorts[i], conf))
            return false;
    }
    QDeadlineTimer deadline(kStartMs);
    while (
        !redis(m_redisPorts[1], {"INFO", "replication"}).string.contains("master_link_status:up")) {
        if (deadline.hasExpired())
            return false;
        QThread::msleep(50); // the replica's first sync, bounded by the deadline
    }
    for (int i = 0; i < 3; ++i) {
        m_sentinelPorts.append(ScaleOutCluster::freePort());
        const QString name = u"sentinel-%1"_s.arg(i + 1);
        const QString conf = render(u"sentinel.conf.in"_s,
                                    {{u"PORT"_s, QString::number(m_sentinelPorts[i])},
                                     {u"DIR"_s, m_dir.filePath(name)},
                                     {u"MASTER_PORT"_s, QString::number(m_redisPorts[0])},
                                     {u"PASSWORD"_s, QString::fromLatin1(m_password)},
                                     {u"DOWN_MS"_s, u"1000"_s}});
        if (!startRedisProcess(name, m_sentinelPorts[i], conf))
            return false;
    }
    // Ready for a failover: every sentinel knows the replica and the two other sentinels.
    for (quint16 port : std::as_const(m_sentinelPorts)) {
        for (;;) {
            server::RedisClient c(
                server::RedisClient::Options {u"redis://127.0.0.1:%1"_s.arg(port)});
            QMap<QByteArray, QByteArray> fields;
            try {
                const auto a = c.command({"SENTINEL", "master", kMasterName}).array;
                for (qsizetype k = 0; k + 1 < a.size(); k += 2)
                    fields.insert(a[k].string, a[k + 1].string);
            } catch (const server::RedisError &) {
            }
            if (fields.value("num-slaves") == "1" && fields.value("num-other-sentinels") == "2")
                break;
            if (deadline.hasExpired()) {
                qWarning() << "sentinel" << port << "not ready:" << fields;
                return false;
            }
            QThread::msleep(100); // sentinels discover each other over hello messages (2 s)
        }
    }
    return true;
}

server::RedisValue HaCluster::redis(quint16 port, const QList<QByteArray> &args) const
{
    server::RedisClient c(
        server::RedisClient::Options {u"redis://127.0.0.1:%1"_s.arg(port), {}, {}, m_password});
    try {
        return c.command(args);
    } catch (const server::RedisError &) {
        return {};
    }
}

quint16 HaCluster::redisPrimaryPort() const
{
    for (quint16 port : m_sentinelPorts) {
        server::RedisClient c(server::RedisClient::Options {u"redis://127.0.0.1:%1"_s.arg(port)});
        try {
            const auto a = c.command({"SENTINEL", "get-master-addr-by-name", kMasterName}).array;
            if (a.size() == 2)
                return quint16(a[1].toInteger());
        } catch (const server::RedisError &) {
        }
    }
    return 0;
}

void HaCluster::killRedis(quint16 port)
{
    const qsizetype i = m_redisPorts.indexOf(port);
    if (i >= 0 && m_redisProcesses[size_t(i)]) {
        m_redisProcesses[size_t(i)]->kill();
        m_redisProcesses[size_t(i)]->waitForFinished(5'000);
    }
}

void HaCluster::stop()
{
    if (m_nginx)
        m_nginx->stop();
    for (auto &s : m_instances)
        s->stop();
    for (auto &p : m_redisProcesses)
        waitOrKill(*p);
    m_cuts.clear();
    m_pg.clear(); // stops them
}

} // namespace encore::test
