#include "embeddedpostgres.h"

#include <QCryptographicHash>
#include <QDeadlineTimer>
#include <QDir>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>
#include <QUuid>

#include <csignal>
#include <fcntl.h>
#include <sys/file.h>

#include <grp.h>
#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace encore::server {

namespace {

Q_LOGGING_CATEGORY(lcEmbedded, "encore.embedded")

constexpr int kPort = 5432; // only names the socket file; the cluster listens on no TCP port
constexpr int kStartPatienceMs = 30'000;
constexpr int kRetryPauseMs = 250;
const QString kSuperuser = u"encore"_s;

bool isRoot()
{
    return ::geteuid() == 0;
}

QString findBinDir()
{
    QProcess p;
    p.start(u"pg_config"_s, {u"--bindir"_s});
    if (p.waitForFinished(10'000) && p.exitCode() == 0) {
        const QString dir = QString::fromLocal8Bit(p.readAllStandardOutput()).trimmed();
        if (QFileInfo::exists(dir + u"/initdb"_s))
            return dir;
    }
    // pg_config of libpq-dev may point elsewhere: fall back to Debian's layout, newest first.
    QStringList versions
        = QDir(u"/usr/lib/postgresql"_s).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    std::sort(versions.begin(), versions.end(),
              [](const QString &a, const QString &b) { return a.toInt() > b.toInt(); });
    for (const QString &v : versions) {
        const QString dir = u"/usr/lib/postgresql/%1/bin"_s.arg(v);
        if (QFileInfo::exists(dir + u"/initdb"_s))
            return dir;
    }
    return {};
}

// Gives the directory to the postgres user (as root) and lets it traverse the parents.
bool handOver(const QString &dir)
{
    if (!isRoot())
        return true;
    const passwd *pw = ::getpwnam("postgres");
    if (!pw)
        return false;
    const QByteArray path = QFile::encodeName(dir);
    if (::chown(path.constData(), pw->pw_uid, pw->pw_gid) != 0)
        return false;
    ::chmod(path.constData(), 0700);
    for (QDir parent = QFileInfo(dir).dir(); !parent.isRoot();
         parent = QFileInfo(parent.path()).dir()) {
        struct stat st { };
        const QByteArray p = QFile::encodeName(parent.path());
        if (::stat(p.constData(), &st) == 0 && !(st.st_mode & S_IXOTH))
            ::chmod(p.constData(), st.st_mode | S_IXOTH);
    }
    return true;
}

} // namespace

EmbeddedPostgres::EmbeddedPostgres(Options options)
    : m_options(std::move(options))
{
}

EmbeddedPostgres::~EmbeddedPostgres()
{
    stop();
}

QString EmbeddedPostgres::logFile() const
{
    return m_options.clusterDir + u"/server.log"_s;
}

QString EmbeddedPostgres::socketDir() const
{
    // Unix socket paths are limited to 107 bytes: long cluster paths use a short directory in /tmp.
    const QString inCluster = m_options.clusterDir;
    if (inCluster.toUtf8().size() + 20 < 100)
        return inCluster;
    const QByteArray h
        = QCryptographicHash::hash(inCluster.toUtf8(), QCryptographicHash::Sha1).toHex().left(12);
    return u"/tmp/encore-pg-"_s + QString::fromLatin1(h);
}

Result<QString> EmbeddedPostgres::runTool(const QString &tool, const QStringList &args,
                                          int timeoutMs) const
{
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    const QString exe = m_binDir + u'/' + tool;
    if (isRoot())
        p.start(u"runuser"_s, QStringList {u"-u"_s, u"postgres"_s, u"--"_s, exe} + args);
    else
        p.start(exe, args);
    if (!p.waitForFinished(timeoutMs) || p.exitStatus() != QProcess::NormalExit) {
        p.kill();
        p.waitForFinished(1000);
        return ApiError::withText(ErrorCode::Unavailable, u"%1 did not finish"_s.arg(tool));
    }
    const QString out = QString::fromLocal8Bit(p.readAll());
    if (p.exitCode() != 0)
        return ApiError::withText(
            ErrorCode::Unavailable,
            u"%1 failed (%2): %3"_s.arg(tool).arg(p.exitCode()).arg(out.trimmed()));
    return out;
}

Result<ConnectionParams> EmbeddedPostgres::start()
{
    m_binDir = findBinDir();
    if (m_binDir.isEmpty())
        return ApiError::withText(
            ErrorCode::Unavailable,
            u"PostgreSQL server binaries not found (install the postgresql package)"_s);
    const QString dir = m_options.clusterDir;
    if (!QFileInfo::exists(dir + u"/PG_VERSION"_s)) {
        if (!QDir().mkpath(dir) || !handOver(dir))
            return ApiError::withText(ErrorCode::Unavailable,
                                      u"cannot prepare %1 for PostgreSQL"_s.arg(dir));
        const auto init = runTool(u"initdb"_s,
                                  {u"-D"_s, dir, u"-U"_s, kSuperuser, u"-A"_s, u"trust"_s, u"-E"_s,
                                   u"UTF8"_s, u"--no-locale"_s, u"--no-sync"_s},
                                  120'000);
        if (!init)
            return init.error();
    }
    const QString sock = socketDir();
    QDir().mkpath(sock);
    handOver(sock);
    takeOwnership();

    ConnectionParams params;
    params.host = sock;
    params.port = kPort;
    params.user = kSuperuser;
    params.database = m_options.databaseName;
    // After a crash that took PostgreSQL down too, its old postmaster may still be exiting
    // (pg_ctl sees it "running" but it refuses connections) or its backends may still hold the
    // shared memory (a new start fails): wait for it to go, and try again, for a bounded time.
    QDeadlineTimer deadline(kStartPatienceMs);
    ApiError lastError(ErrorCode::Unavailable);
    for (int attempt = 1;; ++attempt) {
        const auto ready = startOnce(params);
        if (ready)
            return params;
        lastError = ready.error();
        if (deadline.hasExpired())
            break;
        qCInfo(lcEmbedded).noquote() << "PostgreSQL not ready (attempt" << attempt
                                     << "):" << lastError.message << "- retrying";
        waitForOldPostmaster(deadline);
        QThread::msleep(kRetryPauseMs);
    }
    return lastError;
}

Result<bool> EmbeddedPostgres::startOnce(const ConnectionParams &params)
{
    const QString dir = m_options.clusterDir;
    const bool running = runTool(u"pg_ctl"_s, {u"status"_s, u"-D"_s, dir}, 10'000).ok();
    if (!running) {
        QStringList settings {u"-k"_s, params.host,
                              u"-p"_s, QString::number(kPort),
                              u"-c"_s, u"listen_addresses="_s,
                              u"-c"_s, u"max_connections=300"_s,
                              u"-c"_s, u"shared_buffers=128MB"_s};
        for (const QString &s : m_options.serverSettings)
            settings << u"-c"_s << s;
        // pg_ctl -o takes one string: quote nothing, our values have no spaces.
        const auto started = runTool(u"pg_ctl"_s,
                                     {u"start"_s, u"-w"_s, u"-t"_s, u"120"_s, u"-D"_s, dir, u"-l"_s,
                                      logFile(), u"-o"_s, settings.join(u' ')},
                                     130'000);
        if (!started)
            return started.error();
        m_started = true;
    }
    return ensureDatabase(params);
}

void EmbeddedPostgres::waitForOldPostmaster(const QDeadlineTimer &deadline) const
{
    QFile pidFile(m_options.clusterDir + u"/postmaster.pid"_s);
    if (!pidFile.open(QIODevice::ReadOnly))
        return;
    const pid_t pid = pid_t(pidFile.readLine().trimmed().toLongLong());
    if (pid <= 0)
        return;
    while (::kill(pid, 0) == 0 && !deadline.hasExpired())
        QThread::msleep(50);
}

void EmbeddedPostgres::takeOwnership()
{
    // The encore-server holding this lock stops the cluster when it exits, whether it started
    // it or found it running (left by a crashed server); the kernel drops the lock of a dead
    // process. Another live server on the same data directory leaves the cluster to its owner.
    const QByteArray path = QFile::encodeName(m_options.clusterDir + u".owner.lock"_s);
    m_lockFd = ::open(path.constData(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    m_owner = m_lockFd >= 0 && ::flock(m_lockFd, LOCK_EX | LOCK_NB) == 0;
    if (!m_owner)
        qCInfo(lcEmbedded).noquote() << "another encore-server owns the PostgreSQL cluster in"
                                     << m_options.clusterDir << "- it will stop it, not this one";
}

Result<bool> EmbeddedPostgres::ensureDatabase(const ConnectionParams &params) const
{
    const QString name = u"encore-bootstrap-"_s + QUuid::createUuid().toString(QUuid::Id128);
    bool ok = false;
    QString error;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QPSQL"_s, name);
        db.setHostName(params.host);
        db.setPort(params.port);
        db.setUserName(params.user);
        db.setDatabaseName(u"postgres"_s);
        if (db.open()) {
            QSqlQuery q(db);
            q.prepare(u"SELECT 1 FROM pg_database WHERE datname = ?"_s);
            q.addBindValue(params.database);
            ok = q.exec();
            if (ok && !q.next()) {
                // The name is ours (no user input); identifiers cannot be bound.
                ok = q.exec(u"CREATE DATABASE \"%1\""_s.arg(params.database));
                if (!ok && q.lastError().nativeErrorCode() == u"42P04")
                    ok = true; // created concurrently by another instance
            }
            if (!ok)
                error = q.lastError().text();
        } else {
            error = db.lastError().text();
        }
    }
    QSqlDatabase::removeDatabase(name);
    if (!ok)
        return ApiError::withText(ErrorCode::Unavailable,
                                  u"cannot create database: %1"_s.arg(error));
    return true;
}

void EmbeddedPostgres::stop()
{
    if (m_started || m_owner)
        runTool(u"pg_ctl"_s,
                {u"stop"_s, u"-w"_s, u"-m"_s, u"fast"_s, u"-D"_s, m_options.clusterDir}, 60'000);
    m_started = false;
    m_owner = false;
    if (m_lockFd >= 0)
        ::close(m_lockFd);
    m_lockFd = -1;
}

} // namespace encore::server
