// encore-cluster-bench: the flash-sale and queue-poll scenarios against one encore-server (direct
// and behind nginx) and against N instances behind nginx (ScaleOutCluster: one PostgreSQL, Redis
// when the server supports --redis), on this machine. For every run it also reports where the
// CPU went (encore-server, postgres, nginx, redis, load generator) from /proc, since on a small
// machine the instances share the same cores. Prints markdown (docs/PERFORMANCE.md,
// "Scale-out"). Not part of ctest; run scripts/bench.sh --cluster.

#include "apipaths.h"
#include "bookingrequests.h"
#include "fixtures.h"
#include "loadgen.h"
#include "scaleoutcluster.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QRandomGenerator>
#include <QSet>
#include <QTemporaryDir>
#include <QTextStream>
#include <QThread>

#include <sys/resource.h>
#include <unistd.h>

#include <cstdio>

using namespace Qt::StringLiterals;
using namespace encore;
using namespace encore::bench;
using test::HttpRequest;
using test::ScaleOutCluster;
using test::TestUser;

namespace {

void progress(const QString &text)
{
    std::fprintf(stderr, "[cluster-bench %s] %s\n",
                 qPrintable(QTime::currentTime().toString(u"HH:mm:ss"_s)), qPrintable(text));
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// CPU seconds used so far by the processes of this benchmark, grouped by command name: this
// process and its descendants (encore-server, nginx, redis-server, wrk) and the private
// PostgreSQL (its postmaster is a daemon: found by its socket directory) with its backends. The
// machine is shared: everything else shows as "rest of the machine" (busy cores not ours).
QSet<qint64> g_roots;

struct CpuSnapshot {
    QHash<QString, double> byGroup;
    qint64 busy = 0, total = 0;

    static QString group(const QByteArray &comm)
    {
        for (const char *name : {"encore-server", "postgres", "nginx", "redis", "wrk"}) {
            if (comm.startsWith(name))
                return QString::fromLatin1(name);
        }
        if (comm.startsWith("encore-cluster"))
            return u"bench"_s;
        return u"other"_s;
    }

    static CpuSnapshot now()
    {
        static const double hz = double(::sysconf(_SC_CLK_TCK));
        struct Proc {
            qint64 ppid;
            QByteArray comm;
            double cpu;
        };
        QHash<qint64, Proc> procs;
        const QStringList pids = QDir(u"/proc"_s).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
        for (const QString &pid : pids) {
            if (!pid.front().isDigit())
                continue;
            const QByteArray stat = readAll(u"/proc/"_s + pid + u"/stat"_s);
            const qsizetype open = stat.indexOf('('), close = stat.lastIndexOf(')');
            if (open < 0 || close < 0)
                continue;
            const QList<QByteArray> f = stat.mid(close + 2).split(' ');
            if (f.size() < 13)
                continue;
            // after the name: state(0) ppid(1) ... utime(11) stime(12)
            procs.insert(pid.toLongLong(),
                         {f[1].toLongLong(), stat.mid(open + 1, close - open - 1),
                          (f[11].toLongLong() + f[12].toLongLong()) / hz});
        }
        CpuSnapshot s;
        for (auto it = procs.cbegin(); it != procs.cend(); ++it) {
            bool ours = false;
            for (qint64 p = it.key(), depth = 0; p > 1 && depth < 64 && !ours;
                 p = procs.value(p).ppid, ++depth)
                ours = g_roots.contains(p);
            if (ours)
                s.byGroup[group(it->comm)] += it->cpu;
        }
        const QList<QByteArray> cpu
            = readAll(u"/proc/stat"_s).split('\n').value(0).simplified().split(' ');
        for (qsizetype i = 1; i < cpu.size(); ++i) {
            s.total += cpu[i].toLongLong();
            if (i != 4 && i != 5)
                s.busy += cpu[i].toLongLong();
        }
        return s;
    }
};

// The postmaster of the private PostgreSQL: the postgres process started with -k <socket dir>.
qint64 postmasterPid(const QString &socketDir)
{
    const QStringList pids = QDir(u"/proc"_s).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &pid : pids) {
        const QByteArray cmd = readAll(u"/proc/"_s + pid + u"/cmdline"_s);
        if (cmd.contains("postgres")
            && cmd.contains(QByteArray("-k") + '\0' + QFile::encodeName(socketDir) + '\0'))
            return pid.toLongLong();
    }
    return 0;
}

struct Measured {
    QString topology;
    LoadResult result;
    double machineBusy = 0; // % of all cores (ours and everybody else's)
    double machineCores = 0; // busy cores, all processes
    QMap<QString, double> coresByGroup; // cores used (1.0 = one core busy the whole run)
    QString check;
};

Measured measure(const QString &topology, const std::function<LoadResult()> &run)
{
    const auto childrenCpu = [] {
        rusage r {};
        getrusage(RUSAGE_CHILDREN, &r); // waited-for children: wrk, gone before the second snapshot
        return r.ru_utime.tv_sec + r.ru_stime.tv_sec
            + (r.ru_utime.tv_usec + r.ru_stime.tv_usec) / 1e6;
    };
    const double childrenBefore = childrenCpu();
    const CpuSnapshot a = CpuSnapshot::now();
    QElapsedTimer wall;
    wall.start();
    Measured m {topology, run(), 0, {}, {}};
    const double seconds = wall.elapsed() / 1000.0;
    const CpuSnapshot b = CpuSnapshot::now();
    if (b.total > a.total) {
        m.machineBusy = 100.0 * double(b.busy - a.busy) / double(b.total - a.total);
        m.machineCores = m.machineBusy / 100.0 * QThread::idealThreadCount();
    }
    for (auto it = b.byGroup.cbegin(); it != b.byGroup.cend(); ++it) {
        const double used = it.value() - a.byGroup.value(it.key());
        if (used > 0.01 * seconds)
            m.coresByGroup[it.key()] = used / seconds;
    }
    if (m.result.generator.startsWith(u"wrk"_s))
        m.coresByGroup[u"wrk"_s] += (childrenCpu() - childrenBefore) / seconds;
    progress(u"%1 / %2 [%3]: %4 req/s, p50 %5 ms, p99 %6 ms, machine %7% busy"_s
                 .arg(topology, m.result.scenario, m.result.generator)
                 .arg(m.result.rate(), 0, 'f', 0)
                 .arg(m.result.p50Ms, 0, 'f', 1)
                 .arg(m.result.p99Ms, 0, 'f', 1)
                 .arg(m.machineBusy, 0, 'f', 0));
    return m;
}

struct Settings {
    int instances = 3;
    int workers = 8;
    int connections = 64;
    int flashAttempts = 3000;
    int flashRounds = 3;
    int seconds = 10;
    bool wrk = true;
};

// One topology: fixtures, then the flash sale (fresh date per round) and the queue-status poll.
QList<Measured> runTopology(const QString &name, ScaleOutCluster &cluster, quint16 port,
                            const Settings &s, const QString &workDir)
{
    QList<Measured> out;
    test::Fixtures fx(cluster.database());
    g_roots = {qint64(::getpid()), postmasterPid(cluster.database().host)};
    const test::HttpClient http(port);

    progress(u"%1: %2 users join the queue through the API"_s.arg(name).arg(s.flashAttempts));
    const qint64 concert = fx.createConcert(u"Cluster bench"_s, s.flashRounds);
    const QList<qint64> dates = fx.schedulesOf(concert);
    QList<TestUser> users = fx.createUsers(s.flashAttempts, 1'000'000, u"cb"_s);
    if (!test::openQueue(http, fx, concert) || !test::joinQueue(http, users, concert, 300'000)) {
        progress(u"%1: the users were not admitted in time"_s.arg(name));
        return out;
    }
    // Warm-up: every worker of every instance prepares its statements.
    {
        QList<HttpRequest> warm;
        for (int i = 0; i < 2000; ++i) {
            const TestUser &u = users[i % users.size()];
            warm.append(HttpRequest {"GET", api::queueStatus().toLatin1(), {}, {}}
                            .bearer(u.token)
                            .queueToken(u.queueToken));
        }
        http.pooled(warm, s.connections);
    }

    for (int round = 0; round < s.flashRounds; ++round) {
        QList<HttpRequest> holds;
        for (const TestUser &u : users)
            holds.append(
                test::holdRequest(u, dates[round], {QRandomGenerator::global()->bounded(1, 51)}));
        Measured m = measure(name, [&] {
            return runHttpClient(u"flash sale: %1 holds on 50 seats"_s.arg(users.size()), http,
                                 holds, s.connections, 201);
        });
        const qint64 held
            = fx.scalar(u"SELECT count(*) FROM seats WHERE schedule_id = ? AND status = 'HELD'"_s,
                        {dates[round]})
                  .toLongLong();
        const qint64 reservations
            = fx.scalar(u"SELECT count(*) FROM reservations WHERE schedule_id = ?"_s,
                        {dates[round]})
                  .toLongLong();
        m.result.oversell = QString::number(std::max<qint64>(0, reservations - 50)
                                            + std::max<qint64>(0, m.result.successes - 50));
        m.check = u"%1 holds won, %2 seats HELD, %3 reservations"_s.arg(m.result.successes)
                      .arg(held)
                      .arg(reservations);
        out.append(m);
    }

    const QByteArray path = api::queueStatus().toLatin1();
    QList<HttpRequest> polls;
    for (int i = 0; i < 40'000; ++i) {
        const TestUser &u = users[i % users.size()];
        polls.append(HttpRequest {"GET", path, {}, {}}.bearer(u.token).queueToken(u.queueToken));
    }
    out.append(measure(name, [&] {
        return runHttpClient(u"queue poll GET /queue/status"_s, http, polls, s.connections, 200);
    }));
    if (s.wrk && !wrkBinary().isEmpty()) {
        QList<WrkUser> wrkUsers;
        for (const TestUser &u : users)
            wrkUsers.append({u.token, u.queueToken});
        out.append(measure(name, [&] {
            auto r = runWrk(u"queue poll GET /queue/status"_s, port, path, wrkUsers, s.connections,
                            2, s.seconds, workDir);
            return r ? *r : LoadResult {};
        }));
    }
    return out;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"encore-cluster-bench"_s);
    QCommandLineParser p;
    p.setApplicationDescription(
        u"Flash sale and queue poll: 1 instance vs N instances behind nginx."_s);
    p.addHelpOption();
    p.addOptions({
        {u"instances"_s, u"Instances behind nginx in the scale-out run (default 3)."_s, u"n"_s,
         u"3"_s},
        {u"workers"_s, u"Workers per instance (default 8, the server's default on 2 cores)."_s,
         u"n"_s, u"8"_s},
        {u"connections"_s, u"Client connections (default 64)."_s, u"n"_s, u"64"_s},
        {u"flash-attempts"_s, u"Users (hold attempts per flash-sale round; default 3000)."_s,
         u"n"_s, u"3000"_s},
        {u"flash-rounds"_s, u"Flash-sale rounds, one fresh date each (default 3)."_s, u"n"_s,
         u"3"_s},
        {u"seconds"_s, u"wrk duration (default 10)."_s, u"s"_s, u"10"_s},
        {u"no-wrk"_s, u"Skip the wrk runs."_s},
        {u"no-redis"_s, u"Do not use Redis even when the server supports --redis."_s},
    });
    p.process(app);
    Settings s;
    s.instances = std::max(1, p.value(u"instances"_s).toInt());
    s.workers = std::max(1, p.value(u"workers"_s).toInt());
    s.connections = std::max(1, p.value(u"connections"_s).toInt());
    s.flashAttempts = std::max(100, p.value(u"flash-attempts"_s).toInt());
    s.flashRounds = std::max(1, p.value(u"flash-rounds"_s).toInt());
    s.seconds = std::max(1, p.value(u"seconds"_s).toInt());
    s.wrk = !p.isSet(u"no-wrk"_s);
    const bool redis = !p.isSet(u"no-redis"_s);
    QTemporaryDir work;

    const QStringList serverArgs {u"--workers"_s,
                                  QString::number(s.workers),
                                  u"--no-access-log"_s,
                                  u"--hold-seconds"_s,
                                  u"600"_s,
                                  u"--queue-active-ttl"_s,
                                  u"3600"_s,
                                  u"--queue-max-active"_s,
                                  u"1000000"_s,
                                  u"--queue-admit-per-minute"_s,
                                  u"1000000"_s};
    QList<Measured> rows;
    const QString loadBefore = QString::fromLatin1(readAll(u"/proc/loadavg"_s)).section(u' ', 0, 2);
    bool usedRedis = false;
    {
        progress(u"1 instance"_s);
        ScaleOutCluster one({1, redis, serverArgs});
        if (!one.start())
            return 1;
        usedRedis = one.usesRedis();
        rows += runTopology(u"1 instance, direct"_s, one, one.instance(0).port(), s, work.path());
        rows += runTopology(u"1 instance behind nginx"_s, one, one.port(), s, work.path());
    }
    {
        progress(u"%1 instances"_s.arg(s.instances));
        ScaleOutCluster many({s.instances, redis, serverArgs});
        if (!many.start())
            return 1;
        rows += runTopology(u"%1 instances behind nginx"_s.arg(s.instances), many, many.port(), s,
                            work.path());
    }
    const QString loadAfter = QString::fromLatin1(readAll(u"/proc/loadavg"_s)).section(u' ', 0, 2);

    QTextStream out(stdout);
    out << "## Scale-out benchmark — " << QDateTime::currentDateTimeUtc().toString(Qt::ISODate)
        << "\n\n";
    out << "- machine: " << QThread::idealThreadCount() << " cores; load average before "
        << loadBefore << ", after " << loadAfter << "\n";
    out << "- every instance: `--workers " << s.workers
        << "` on one PostgreSQL (TestCluster: fsync off), "
        << (usedRedis ? "Redis (`--redis`)" : "no Redis (the server has no --redis)")
        << "; nginx from resources/cluster/nginx.conf.in (least_conn, upstream keep-alive)\n";
    out << "- load: " << s.connections << " connections; flash sale = " << s.flashAttempts
        << " distinct admitted users each holding 1 random seat of a fresh 50-seat date "
           "(HttpClient::pooled); "
           "queue poll = GET /queue/status cycling through the same users (HttpClient, then wrk "
           "-t2 for "
        << s.seconds << " s)\n\n";
    const QStringList header = LoadResult::header().split(u'\n');
    out << "| topology " << header.value(0) << "\n|---" << header.value(1) << "\n";
    for (const Measured &m : rows)
        out << "| " << m.topology << " " << m.result.row() << "\n";
    out << "\nWhere the CPU went (cores busy on average during the run; "
        << QThread::idealThreadCount()
        << " = the whole machine). The machine is shared with other work: \"rest\" is busy time of "
           "processes "
           "that are not this benchmark's.\n\n| topology | scenario | generator | machine busy % | "
           "encore-server | postgres | nginx | redis | load generator | rest of the machine "
           "|\n|---|---|---|---:|---:|---:|---:|---:|---:|---:|\n";
    for (const Measured &m : rows) {
        const auto c = [&](const QString &g) {
            return QString::number(m.coresByGroup.value(g), 'f', 2);
        };
        const double gen = m.coresByGroup.value(u"wrk"_s) + m.coresByGroup.value(u"bench"_s);
        double ours = 0;
        for (double v : m.coresByGroup)
            ours += v;
        out << "| " << m.topology << " | " << m.result.scenario << " | " << m.result.generator
            << " | " << QString::number(m.machineBusy, 'f', 0) << " | " << c(u"encore-server"_s)
            << " | " << c(u"postgres"_s) << " | " << c(u"nginx"_s) << " | " << c(u"redis"_s)
            << " | " << QString::number(gen, 'f', 2) << " | "
            << QString::number(std::max(0.0, m.machineCores - ours), 'f', 2) << " |\n";
    }
    out << "\n";
    for (const Measured &m : rows) {
        if (!m.check.isEmpty())
            out << "- " << m.topology << ", " << m.result.scenario << ": " << m.check << "\n";
    }
    return 0;
}
