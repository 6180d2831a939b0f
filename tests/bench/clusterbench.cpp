// encore-cluster-bench: the flash-sale and queue-poll scenarios against one encore-server (direct
// and behind nginx) and against N instances behind nginx (ScaleOutCluster: one PostgreSQL, Redis
// when the server supports --redis), on this machine. For every run it also reports where the
// CPU went (encore-server, postgres, nginx, redis, load generator) from /proc, since on a small
// machine the instances share the same cores. Prints markdown (docs/PERFORMANCE.md,
// "Scale-out"). Not part of ctest; run scripts/bench.sh --cluster.

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
#include <QTemporaryDir>
#include <QTextStream>
#include <QThread>

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
    std::fprintf(stderr, "[cluster-bench %s] %s\n", qPrintable(QTime::currentTime().toString(u"HH:mm:ss"_s)),
                 qPrintable(text));
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// CPU seconds used so far by every process, grouped by command name (/proc/<pid>/stat), plus
// the machine's busy and total jiffies. Children that exited in between are missed: the runs
// are long compared with any short-lived process.
struct CpuSnapshot
{
    QHash<QString, double> byGroup;
    qint64 busy = 0, total = 0;

    static QString group(const QByteArray &comm)
    {
        if (comm.startsWith("encore-server"))
            return u"encore-server"_s;
        if (comm.startsWith("postgres"))
            return u"postgres"_s;
        if (comm.startsWith("nginx"))
            return u"nginx"_s;
        if (comm.startsWith("redis"))
            return u"redis"_s;
        if (comm.startsWith("wrk"))
            return u"wrk"_s;
        if (comm.startsWith("encore-cluster"))
            return u"bench (HttpClient)"_s;
        return u"other"_s;
    }

    static CpuSnapshot now()
    {
        static const double hz = double(::sysconf(_SC_CLK_TCK));
        CpuSnapshot s;
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
            // fields after the name: state(0) ... utime(11) stime(12)
            s.byGroup[group(stat.mid(open + 1, close - open - 1))] += (f[11].toLongLong() + f[12].toLongLong()) / hz;
        }
        const QList<QByteArray> cpu = readAll(u"/proc/stat"_s).split('\n').value(0).simplified().split(' ');
        for (qsizetype i = 1; i < cpu.size(); ++i) {
            s.total += cpu[i].toLongLong();
            if (i != 4 && i != 5)
                s.busy += cpu[i].toLongLong();
        }
        return s;
    }
};

struct Measured
{
    QString topology;
    LoadResult result;
    double machineBusy = 0;             // % of all cores
    QMap<QString, double> coresByGroup; // cores used (1.0 = one core busy the whole run)
    QString check;
};

Measured measure(const QString &topology, const std::function<LoadResult()> &run)
{
    const CpuSnapshot a = CpuSnapshot::now();
    QElapsedTimer wall;
    wall.start();
    Measured m{topology, run(), 0, {}, {}};
    const double seconds = wall.elapsed() / 1000.0;
    const CpuSnapshot b = CpuSnapshot::now();
    if (b.total > a.total)
        m.machineBusy = 100.0 * double(b.busy - a.busy) / double(b.total - a.total);
    for (auto it = b.byGroup.cbegin(); it != b.byGroup.cend(); ++it) {
        const double used = it.value() - a.byGroup.value(it.key());
        if (used > 0.01 * seconds)
            m.coresByGroup[it.key()] = used / seconds;
    }
    progress(u"%1 / %2 [%3]: %4 req/s, p50 %5 ms, p99 %6 ms, machine %7% busy"_s.arg(topology, m.result.scenario, m.result.generator)
                 .arg(m.result.rate(), 0, 'f', 0).arg(m.result.p50Ms, 0, 'f', 1).arg(m.result.p99Ms, 0, 'f', 1)
                 .arg(m.machineBusy, 0, 'f', 0));
    return m;
}

struct Settings
{
    int instances = 3;
    int workers = 8;
    int connections = 64;
    int flashAttempts = 3000;
    int flashRounds = 3;
    int seconds = 10;
    bool wrk = true;
};

// One topology: fixtures, then the flash sale (fresh date per round) and the queue-status poll.
QList<Measured> runTopology(const QString &name, ScaleOutCluster &cluster, quint16 port, const Settings &s,
                            const QString &workDir)
{
    QList<Measured> out;
    test::Fixtures fx(cluster.database());
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
            warm.append(HttpRequest{"GET", "/api/v1/queue/status", {}, {}}.bearer(u.token).queueToken(u.queueToken));
        }
        http.pooled(warm, s.connections);
    }

    for (int round = 0; round < s.flashRounds; ++round) {
        QList<HttpRequest> holds;
        for (const TestUser &u : users)
            holds.append(test::holdRequest(u, dates[round], {QRandomGenerator::global()->bounded(1, 51)}));
        Measured m = measure(name, [&] {
            return runHttpClient(u"flash sale: %1 holds on 50 seats"_s.arg(users.size()), http, holds, s.connections, 201);
        });
        const qint64 held = fx.scalar(u"SELECT count(*) FROM seats WHERE schedule_id = ? AND status = 'HELD'"_s,
                                      {dates[round]}).toLongLong();
        const qint64 reservations = fx.scalar(u"SELECT count(*) FROM reservations WHERE schedule_id = ?"_s,
                                              {dates[round]}).toLongLong();
        m.result.oversell = QString::number(std::max<qint64>(0, reservations - 50) + std::max<qint64>(0, m.result.successes - 50));
        m.check = u"%1 holds won, %2 seats HELD, %3 reservations"_s.arg(m.result.successes).arg(held).arg(reservations);
        out.append(m);
    }

    const QByteArray path = "/api/v1/queue/status";
    QList<HttpRequest> polls;
    for (int i = 0; i < 40'000; ++i) {
        const TestUser &u = users[i % users.size()];
        polls.append(HttpRequest{"GET", path, {}, {}}.bearer(u.token).queueToken(u.queueToken));
    }
    out.append(measure(name, [&] {
        return runHttpClient(u"queue poll GET /queue/status"_s, http, polls, s.connections, 200);
    }));
    if (s.wrk && !wrkBinary().isEmpty()) {
        QList<WrkUser> wrkUsers;
        for (const TestUser &u : users)
            wrkUsers.append({u.token, u.queueToken});
        out.append(measure(name, [&] {
            auto r = runWrk(u"queue poll GET /queue/status"_s, port, path, wrkUsers, s.connections, 2, s.seconds, workDir);
            return r ? *r : LoadResult{};
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
    p.setApplicationDescription(u"Flash sale and queue poll: 1 instance vs N instances behind nginx."_s);
    p.addHelpOption();
    p.addOptions({
        {u"instances"_s, u"Instances behind nginx in the scale-out run (default 3)."_s, u"n"_s, u"3"_s},
        {u"workers"_s, u"Workers per instance (default 8, the server's default on 2 cores)."_s, u"n"_s, u"8"_s},
        {u"connections"_s, u"Client connections (default 64)."_s, u"n"_s, u"64"_s},
        {u"flash-attempts"_s, u"Users (hold attempts per flash-sale round; default 3000)."_s, u"n"_s, u"3000"_s},
        {u"flash-rounds"_s, u"Flash-sale rounds, one fresh date each (default 3)."_s, u"n"_s, u"3"_s},
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

    const QStringList serverArgs{u"--workers"_s, QString::number(s.workers), u"--no-access-log"_s,
                                 u"--hold-seconds"_s, u"600"_s, u"--queue-active-ttl"_s, u"3600"_s,
                                 u"--queue-max-active"_s, u"1000000"_s, u"--queue-admit-per-minute"_s, u"1000000"_s};
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
        rows += runTopology(u"%1 instances behind nginx"_s.arg(s.instances), many, many.port(), s, work.path());
    }
    const QString loadAfter = QString::fromLatin1(readAll(u"/proc/loadavg"_s)).section(u' ', 0, 2);

    QTextStream out(stdout);
    out << "## Scale-out benchmark — " << QDateTime::currentDateTimeUtc().toString(Qt::ISODate) << "\n\n";
    out << "- machine: " << QThread::idealThreadCount() << " cores; load average before " << loadBefore
        << ", after " << loadAfter << "\n";
    out << "- every instance: `--workers " << s.workers << "` on one PostgreSQL (TestCluster: fsync off), "
        << (usedRedis ? "Redis (`--redis`)" : "no Redis (the server has no --redis)")
        << "; nginx from resources/cluster/nginx.conf.in (least_conn, upstream keep-alive)\n";
    out << "- load: " << s.connections << " connections; flash sale = " << s.flashAttempts
        << " distinct admitted users each holding 1 random seat of a fresh 50-seat date (HttpClient::pooled); "
           "queue poll = GET /queue/status cycling through the same users (HttpClient, then wrk -t2 for "
        << s.seconds << " s)\n\n";
    const QStringList header = LoadResult::header().split(u'\n');
    out << "| topology " << header.value(0) << "\n|---" << header.value(1) << "\n";
    for (const Measured &m : rows)
        out << "| " << m.topology << " " << m.result.row() << "\n";
    out << "\nWhere the CPU went (cores busy on average during the run; " << QThread::idealThreadCount()
        << " = the whole machine):\n\n| topology | scenario | generator | machine busy % | encore-server | postgres | nginx | redis | load generator | other |\n|---|---|---|---:|---:|---:|---:|---:|---:|---:|\n";
    for (const Measured &m : rows) {
        const auto c = [&](const QString &g) { return QString::number(m.coresByGroup.value(g), 'f', 2); };
        const double gen = m.coresByGroup.value(u"wrk"_s) + m.coresByGroup.value(u"bench (HttpClient)"_s);
        out << "| " << m.topology << " | " << m.result.scenario << " | " << m.result.generator << " | "
            << QString::number(m.machineBusy, 'f', 0) << " | " << c(u"encore-server"_s) << " | " << c(u"postgres"_s)
            << " | " << c(u"nginx"_s) << " | " << c(u"redis"_s) << " | " << QString::number(gen, 'f', 2) << " | "
            << c(u"other"_s) << " |\n";
    }
    out << "\n";
    for (const Measured &m : rows) {
        if (!m.check.isEmpty())
            out << "- " << m.topology << ", " << m.result.scenario << ": " << m.check << "\n";
    }
    return 0;
}
