// encore-bench: starts encore-server on a private PostgreSQL (TestCluster), fills it with
// Fixtures, and measures (a) seat-map reads, (b) queue status polls, (c) a flash sale and
// (d) payments over HTTP, then the raw PostgreSQL ceiling of the same statements with pgbench,
// and prints everything as markdown (docs/PERFORMANCE.md). Not part of ctest; run
// scripts/bench.sh.

#include "apipaths.h"
#include "fixtures.h"
#include "loadgen.h"
#include "testcluster.h"
#include "testserver.h"

#include "auth/passwordhasher.h"
#include "config/serverconfig.h"
#include "storage/sqlvalues.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QProcess>
#include <QRandomGenerator>
#include <QSocketNotifier>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTextStream>
#include <QThread>
#include <QTimer>

#include <sys/resource.h>
#include <unistd.h>

#include <csignal>
#include <cstdio>
#include <optional>

using namespace Qt::StringLiterals;
using namespace encore;
using namespace encore::bench;
using test::HttpRequest;
using test::HttpResponse;
using test::TestUser;

namespace {

QTextStream &out()
{
    static QTextStream s(stdout);
    return s;
}

void progress(const QString &text)
{
    std::fprintf(stderr, "[bench %s] %s\n",
                 qPrintable(QTime::currentTime().toString(u"HH:mm:ss"_s)), qPrintable(text));
}

QString readFirstLine(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? QString::fromLocal8Bit(f.readLine()).trimmed() : QString();
}

QString memoryTotal()
{
    QFile f(u"/proc/meminfo"_s);
    if (!f.open(QIODevice::ReadOnly))
        return u"?"_s;
    const QString line = QString::fromLocal8Bit(f.readLine()); // MemTotal:  24000000 kB
    const qint64 kb = line.section(u':', 1).trimmed().section(u' ', 0, 0).toLongLong();
    return u"%1 GiB"_s.arg(double(kb) / 1024 / 1024, 0, 'f', 1);
}

QString cpuModel()
{
    QFile f(u"/proc/cpuinfo"_s);
    if (!f.open(QIODevice::ReadOnly))
        return u"?"_s;
    // /proc files have no size: read to the end rather than testing atEnd().
    for (const QString &line : QString::fromLocal8Bit(f.readAll()).split(u'\n')) {
        if (line.startsWith(u"model name"_s))
            return line.section(u':', 1).trimmed();
    }
    return u"?"_s;
}

// CPU accounting around a run: machine busy share (all cores) and the load generator's own use
// (this process, or waited-for children such as wrk).
struct CpuSample {
    qint64 busy = 0, total = 0;
    double self = 0, children = 0;

    static CpuSample now()
    {
        CpuSample s;
        const QStringList f = readFirstLine(u"/proc/stat"_s).split(u' ', Qt::SkipEmptyParts);
        for (qsizetype i = 1; i < f.size(); ++i) {
            const qint64 v = f[i].toLongLong();
            s.total += v;
            if (i != 4 && i != 5) // idle, iowait
                s.busy += v;
        }
        rusage r {};
        getrusage(RUSAGE_SELF, &r);
        s.self = r.ru_utime.tv_sec + r.ru_stime.tv_sec
            + (r.ru_utime.tv_usec + r.ru_stime.tv_usec) / 1e6;
        getrusage(RUSAGE_CHILDREN, &r);
        s.children = r.ru_utime.tv_sec + r.ru_stime.tv_sec
            + (r.ru_utime.tv_usec + r.ru_stime.tv_usec) / 1e6;
        return s;
    }
};

struct CpuUse {
    double machinePercent = 0; // of all cores
    double generatorPercent = 0; // of one core
};

CpuUse cpuBetween(const CpuSample &a, const CpuSample &b, double wallSeconds, bool childGenerator)
{
    CpuUse u;
    if (b.total > a.total)
        u.machinePercent = 100.0 * double(b.busy - a.busy) / double(b.total - a.total);
    const double gen = childGenerator ? b.children - a.children : b.self - a.self;
    if (wallSeconds > 0)
        u.generatorPercent = 100.0 * gen / wallSeconds;
    return u;
}

struct Row {
    LoadResult result;
    CpuUse cpu;
    QString waits; // what the server's PostgreSQL backends were doing, sampled
};

// Samples pg_stat_activity every 20 ms while a scenario runs (through the event loop the load
// generator spins): the share of samples per state/wait event of the server's backends — the
// evidence of where a write waits (e.g. Lock:object on the notify lock, IO:WALSync, CPU).
class WaitSampler {
public:
    explicit WaitSampler(server::Database &db)
        : m_db(db)
    {
        m_timer.setInterval(20);
        QObject::connect(&m_timer, &QTimer::timeout, [this] { sample(); });
        m_timer.start();
    }
    QString summary() const
    {
        qint64 total = 0;
        for (qint64 n : m_counts)
            total += n;
        QList<QPair<qint64, QString>> sorted;
        for (auto it = m_counts.cbegin(); it != m_counts.cend(); ++it)
            sorted.append({it.value(), it.key()});
        std::sort(sorted.begin(), sorted.end(), std::greater<>());
        QStringList parts;
        for (const auto &[n, what] : sorted.mid(0, 4))
            parts.append(u"%1 %2 %"_s.arg(what).arg(100.0 * double(n) / double(total), 0, 'f', 0));
        return total > 0 ? parts.join(u", "_s) : u"–"_s;
    }

private:
    void sample()
    {
        QSqlQuery &q = m_db.exec(
            u"SELECT CASE WHEN state = 'active' THEN coalesce(wait_event_type || ':' || "
            "wait_event, 'CPU') ELSE state END, count(*) FROM pg_stat_activity "
            "WHERE backend_type = 'client backend' AND pid <> pg_backend_pid() "
            "AND datname = current_database() AND application_name NOT LIKE 'encore-listen%' "
            "GROUP BY 1"_s);
        while (q.next()) {
            if (q.value(0).toString() != u"idle"_s) // the pool's idle connections say nothing
                m_counts[q.value(0).toString()] += q.value(1).toLongLong();
        }
    }

    server::Database &m_db;
    QTimer m_timer;
    QMap<QString, qint64> m_counts;
};

QString textArray(const QStringList &values)
{
    QStringList quoted;
    for (const QString &v : values)
        quoted.append(u"\""_s + v + u"\""_s);
    return u"{"_s + quoted.join(u',') + u"}"_s;
}

// The HTTP layer's ceiling on this machine: every scenario is also given as a share of it.
const QString kHealthz = u"(0) ceiling: GET /healthz"_s;

HttpRequest authed(QByteArray method, QByteArray path, const TestUser &u)
{
    HttpRequest r {std::move(method), std::move(path), {}, {}};
    r.bearer(u.token).queueToken(u.queueToken);
    return r;
}

// Scenario and pgbench names the report refers to.
const QString kMillion = u"(e) session lookup among 10^6 users: GET /me, random user"_s;
const QString kPgSession = u"session lookup (what a session-cache miss costs)"_s;
const QString kPgSeatRows
    = u"seat rows of a date (the in-process copy's refresh: at most one per date per 500 ms)"_s;
const QString kPgHold = u"hold: one encore_hold call (one durable transaction)"_s;
const QString kPgPay = u"payment: one encore_pay call (one durable transaction)"_s;
const QString kPgMillion = u"session lookup among 10^6 sessions"_s;

// AuthService::authenticate on a cache miss, keyed by a bench token index instead of a bound
// hash. Keep in sync with the server.
const QString kSessionSelect
    = u"SELECT u.id, u.username, u.role, s.expires_at FROM sessions s "
      "JOIN users u ON u.id = s.user_id "
      "WHERE s.token_hash = (SELECT session_hash FROM bench_tokens WHERE i = :i) AND s.expires_at > now();\n"_s;

// ConcertService::seatRows: the date's seats as the in-process copy holds them.
QString seatRowsSelect(qint64 scheduleId)
{
    return u"SELECT s.number, s.tier, s.price, s.status, s.held_until, r.user_id, s.version, "
           "sc.concert_id, sc.sales_open_at, sc.sales_close_at, sc.cancelled_at IS NOT NULL "
           "FROM seats s JOIN schedules sc ON sc.id = s.schedule_id "
           "LEFT JOIN reservations r ON r.id = s.reservation_id "
           "WHERE s.schedule_id = %1 ORDER BY s.number;\n"_s.arg(scheduleId);
}

// ---- soak: a mixed load at half of the measured peak, sampled every minute ----------------
struct SoakSample {
    double minutes = 0;
    qint64 rssKb = 0;
    int descriptors = 0;
    qint64 pgConnections = 0;
    qint64 requests = 0;
    qint64 errors = 0; // no answer or 5xx
    double p99Ms = 0;
};

qint64 rssKb(qint64 pid)
{
    QFile f(u"/proc/%1/status"_s.arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : f.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    }
    return 0;
}

int openDescriptors(qint64 pid)
{
    return int(
        QDir(u"/proc/%1/fd"_s.arg(pid)).entryList(QDir::NoDotAndDotDot | QDir::AllEntries).size());
}

// One second's worth of a customer mix: seat maps and queue polls, and a hold of one seat
// followed by its cancellation (so the seats never run out).
struct SoakMix {
    const QList<TestUser> &users;
    qint64 date;
    qint64 cursor = 0;

    QList<HttpRequest> reads(int n)
    {
        QList<HttpRequest> out;
        for (int i = 0; i < n; ++i, ++cursor) {
            const TestUser &u = users[int(cursor % users.size())];
            out.append(cursor % 2 ? authed("GET", api::queueStatus().toLatin1(), u)
                                  : authed("GET", api::scheduleSeats(date).toLatin1(), u));
        }
        return out;
    }
    QList<HttpRequest> holds(int n, QList<int> *who)
    {
        QList<HttpRequest> out;
        for (int i = 0; i < n; ++i, ++cursor) {
            const int k = int(cursor % users.size());
            HttpRequest r = authed("POST", api::reservations().toLatin1(), users[k]);
            r.json({{u"scheduleId"_s, date}, {u"seats"_s, QJsonArray {int(cursor % 50) + 1}}});
            out.append(r);
            who->append(k);
        }
        return out;
    }
};

struct SoakCounts {
    QList<double> latencies;
    qint64 requests = 0;
    qint64 errors = 0;
};

// Runs one second of the mix (`rate` requests) and counts what came back.
void soakSecond(const test::HttpClient &client, SoakMix &mix, int rate, int conns, SoakCounts &c)
{
    const int writes = std::max(1, rate / 20); // 5 % holds, 5 % cancellations
    QList<int> who;
    QList<HttpRequest> batch = mix.holds(writes, &who);
    QElapsedTimer t;
    t.start();
    const QList<HttpResponse> held = client.pooled(batch, conns);
    QList<HttpRequest> second = mix.reads(std::max(0, rate - 2 * writes));
    for (int i = 0; i < held.size(); ++i) {
        const QString id
            = held[i].json().value(u"reservation"_s).toObject().value(u"id"_s).toString();
        if (!id.isEmpty())
            second.append(
                authed("DELETE", api::reservation(QUuid(id)).toLatin1(), mix.users[who[i]]));
    }
    const QList<HttpResponse> answered = client.pooled(second, conns);
    const double ms = double(t.nsecsElapsed()) / 1e6;
    for (const auto &list : {held, answered}) {
        for (const HttpResponse &r : list) {
            ++c.requests;
            if (r.status == 0 || r.status >= 500)
                ++c.errors;
        }
    }
    // Per-request latency is not kept by pooled(); the second's batch time over its size
    // bounds the mean, and the slowest second bounds the tail.
    c.latencies.append(ms);
}

int runSoak(test::TestServer &server, test::Fixtures &fx, const QList<TestUser> &users, qint64 date,
            int conns, double minutes, const QString &durability)
{
    const test::HttpClient client = server.client();
    SoakMix mix {users, date};
    // Peak: the same mix as fast as it goes for ~10 s.
    progress(u"soak: measuring the peak of the mix"_s);
    SoakCounts peakCounts;
    QElapsedTimer peakClock;
    peakClock.start();
    while (peakClock.elapsed() < 10'000)
        soakSecond(client, mix, 2000, conns, peakCounts);
    const double peak = double(peakCounts.requests) / (double(peakClock.elapsed()) / 1000);
    const int rate = std::max(10, int(peak / 2));
    progress(u"soak: peak %1 req/s, soaking at %2 req/s for %3 min"_s.arg(peak, 0, 'f', 0)
                 .arg(rate)
                 .arg(minutes));
    const qint64 pid = server.pid();
    const auto pgConnections = [&] {
        return fx
            .scalar(u"SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"_s)
            .toLongLong();
    };
    QList<SoakSample> samples;
    samples.append({0, rssKb(pid), openDescriptors(pid), pgConnections(), 0, 0, 0});
    QElapsedTimer clock;
    clock.start();
    SoakCounts interval;
    const qint64 totalMs = qint64(minutes * 60'000);
    const qint64 sampleMs = std::min<qint64>(60'000, totalMs);
    qint64 nextSample = sampleMs;
    while (clock.elapsed() < totalMs) {
        const qint64 secondStart = clock.elapsed();
        soakSecond(client, mix, rate, conns, interval);
        const qint64 spent = clock.elapsed() - secondStart;
        if (spent < 1000)
            QThread::msleep(quint64(1000 - spent)); // a benchmark's pacing, not synchronisation
        if (clock.elapsed() >= nextSample || clock.elapsed() >= totalMs) {
            std::sort(interval.latencies.begin(), interval.latencies.end());
            samples.append({double(clock.elapsed()) / 60'000, rssKb(pid), openDescriptors(pid),
                            pgConnections(), interval.requests, interval.errors,
                            percentile(interval.latencies, 0.99)});
            progress(u"soak: %1 min, RSS %2 MiB, %3 fds, %4 PostgreSQL connections, %5 errors"_s
                         .arg(samples.last().minutes, 0, 'f', 1)
                         .arg(double(samples.last().rssKb) / 1024, 0, 'f', 1)
                         .arg(samples.last().descriptors)
                         .arg(samples.last().pgConnections)
                         .arg(samples.last().errors));
            interval = {};
            nextSample += sampleMs;
        }
    }
    qint64 requests = 0, errors = 0;
    for (const SoakSample &x : samples) {
        requests += x.requests;
        errors += x.errors;
    }
    const SoakSample &first = samples.first(), &last = samples.last();
    out() << "## Encore soak — " << QDateTime::currentDateTimeUtc().toString(Qt::ISODate) << "\n\n";
    if (qEnvironmentVariableIsSet("BENCH_SOURCE"))
        out() << "- source: " << qEnvironmentVariable("BENCH_SOURCE") << "\n";
    out() << "- " << durability << "\n";
    out() << "- mix per second: 90 % reads (seat map, queue status; " << users.size()
          << " admitted users), 5 % holds of one seat, 5 % cancellations of those holds; " << conns
          << " connections\n";
    out() << "- peak of the mix: " << QString::number(peak, 'f', 0) << " req/s; soak at " << rate
          << " req/s for " << QString::number(minutes, 'f', 1) << " min\n\n";
    out() << "| minute | server RSS MiB | open descriptors | PostgreSQL connections | requests | "
             "errors (none/5xx) | slowest 1-s batch ms (p99) "
             "|\n|---:|---:|---:|---:|---:|---:|---:|\n";
    for (const SoakSample &x : samples)
        out() << "| " << QString::number(x.minutes, 'f', 1) << " | "
              << QString::number(double(x.rssKb) / 1024, 'f', 1) << " | " << x.descriptors << " | "
              << x.pgConnections << " | " << x.requests << " | " << x.errors << " | "
              << QString::number(x.p99Ms, 'f', 0) << " |\n";
    out() << "\nstart → end: RSS " << QString::number(double(first.rssKb) / 1024, 'f', 1) << " → "
          << QString::number(double(last.rssKb) / 1024, 'f', 1) << " MiB, descriptors "
          << first.descriptors << " → " << last.descriptors << ", PostgreSQL connections "
          << first.pgConnections << " → " << last.pgConnections << "; error rate "
          << QString::number(requests > 0 ? 100.0 * double(errors) / double(requests) : 0, 'f', 3)
          << " % of " << requests << " requests.\n";
    out().flush();
    fx.db().closeThreadConnection();
    server.stop();
    return errors == 0 ? 0 : 1;
}

// Ctrl-C / SIGTERM / SIGHUP: stop the child server and the private cluster instead of leaving
// them running. The handler only writes to a pipe; the event loop (HttpClient runs one) reacts.
int g_signalPipe[2] = {-1, -1};

void onSignal(int)
{
    const char c = 1;
    [[maybe_unused]] const auto n = ::write(g_signalPipe[1], &c, 1);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"encore-bench"_s);
    QCommandLineParser p;
    p.setApplicationDescription(
        u"Encore load benchmark: HTTP scenarios + pgbench ceilings, as markdown."_s);
    p.addHelpOption();
    p.addOptions({
        {u"seconds"_s, u"Duration of each timed GET run and pgbench run (default 10)."_s, u"s"_s,
         u"10"_s},
        {u"connections"_s, u"Connections for every HTTP scenario (default 64)."_s, u"n"_s, u"64"_s},
        {u"flash-attempts"_s, u"Hold attempts (distinct users) in the flash sale (default 5000)."_s,
         u"n"_s, u"5000"_s},
        {u"payments"_s, u"Held reservations paid in (d) (default 4000)."_s, u"n"_s, u"4000"_s},
        {u"workers"_s, u"Server workers (default: the server's default, 2 x cores)."_s, u"n"_s,
         u"0"_s},
        {u"decision-threads"_s,
         u"Server decision threads (default: the server's default, 16 x cores)."_s, u"n"_s, u"0"_s},
        {u"pgbench-clients"_s, u"pgbench clients (default 16)."_s, u"n"_s, u"16"_s},
        {u"wrk-threads"_s, u"wrk threads (default 2)."_s, u"n"_s, u"2"_s},
        {u"no-wrk"_s, u"Skip the wrk runs."_s},
        {u"no-pgbench"_s, u"Skip the pgbench ceilings."_s},
        {u"soak"_s,
         u"Soak instead of the scenarios: a mixed load at half of the measured peak for "
         "--soak-minutes, reporting RSS, descriptors, PostgreSQL connections and errors."_s},
        {u"soak-minutes"_s, u"Length of the soak (default 30)."_s, u"min"_s, u"30"_s},
        {u"no-million"_s, u"Skip the session lookup among 10^6 users."_s},
        {u"shipped-limits"_s,
         u"Run the server with the fair-queue limits the product ships (default: off, as in the "
         "tests; from one address most requests are then refused 429)."_s},
        {u"fast-unsafe"_s,
         u"PostgreSQL with fsync, synchronous_commit and full_page_writes off (NOT what the "
         "product ships; figures labelled as such). Default: the durable settings."_s},
    });
    p.process(app);
    const int seconds = std::max(1, p.value(u"seconds"_s).toInt());
    const int conns = std::max(1, p.value(u"connections"_s).toInt());
    const int flashAttempts = std::max(50, p.value(u"flash-attempts"_s).toInt());
    const int paymentCount = std::max(50, p.value(u"payments"_s).toInt());
    const int cores = QThread::idealThreadCount();
    const int workers = p.value(u"workers"_s).toInt() > 0 ? p.value(u"workers"_s).toInt()
                                                          : 2 * std::max(1, cores);
    const int decisionThreads = p.value(u"decision-threads"_s).toInt() > 0
        ? p.value(u"decision-threads"_s).toInt()
        : 16 * std::max(1, cores);
    const int pgClients = std::max(1, p.value(u"pgbench-clients"_s).toInt());
    const int wrkThreads = std::max(1, p.value(u"wrk-threads"_s).toInt());
    const bool useWrk = !p.isSet(u"no-wrk"_s) && !wrkBinary().isEmpty();
    const bool usePgbench = !p.isSet(u"no-pgbench"_s);
    const bool fastUnsafe = p.isSet(u"fast-unsafe"_s);
    const bool shippedLimits = p.isSet(u"shipped-limits"_s);
    const bool million = !p.isSet(u"no-million"_s);
    const bool soak = p.isSet(u"soak"_s);
    const double soakMinutes = std::max(0.5, p.value(u"soak-minutes"_s).toDouble());
    // Before the first TestServer: TestCluster reads it when it starts the private cluster.
    qputenv("ENCORE_TEST_CLUSTER_DURABLE", fastUnsafe ? "0" : "1");
    const QString durability = fastUnsafe
        ? u"**fast-unsafe**: fsync=off, synchronous_commit=off, full_page_writes=off — not what "
          "the product ships"_s
        : u"durable: fsync, synchronous_commit and full_page_writes on (the product's default)"_s;

    QTemporaryDir work;
    const QString loadBefore = readFirstLine(u"/proc/loadavg"_s);

    // ---- server and data ----------------------------------------------------------------
    progress(u"starting PostgreSQL and encore-server (%1 workers)"_s.arg(workers));
    QStringList serverArgs {u"--workers"_s,          QString::number(workers),
                            u"--decision-threads"_s, QString::number(decisionThreads),
                            u"--hold-seconds"_s,     u"600"_s,
                            u"--queue-active-ttl"_s, u"3600"_s,
                            u"--no-access-log"_s};
    if (shippedLimits) {
        // TestServer turns the fair-queue limits off (tests drive thousands of accounts from one
        // address); put back what the product ships. Later options win.
        const server::AbuseLimits shipped;
        const QList<std::pair<QString, int>> limits {
            {u"--limit-queue-joins"_s, shipped.joinsPerAccount},
            {u"--limit-queue-joins-per-address"_s, shipped.joinsPerAddress},
            {u"--limit-queue-polls"_s, shipped.pollsPerAccount},
            {u"--limit-queue-polls-per-address"_s, shipped.pollsPerAddress},
            {u"--limit-poll-pace"_s, shipped.pollPacePercent},
            {u"--limit-holds"_s, shipped.holdsPerAccount},
            {u"--limit-accounts-per-address"_s, shipped.accountsPerAddress}};
        for (const auto &[option, value] : limits)
            serverArgs << option << QString::number(value);
    }
    const QString limitsNote = shippedLimits
        ? u"fair-queue limits **on** as shipped (per account, per address, poll pace, holds: "
          "docs/SECURITY.md); all load comes from one address, so most of it is refused 429"_s
        : u"fair-queue limits off (as in the tests: all load comes from one address; "
          "`--shipped-limits` runs with them on)"_s;
    test::TestServer server(serverArgs);
    if (!server.start()) {
        std::fprintf(stderr, "encore-server did not start:\n%s\n", server.output().constData());
        return 1;
    }
    const test::HttpClient client = server.client();
    if (::pipe(g_signalPipe) == 0) {
        struct sigaction sa { };
        sa.sa_handler = onSignal;
        for (int sig : {SIGINT, SIGTERM, SIGHUP})
            sigaction(sig, &sa, nullptr);
    }
    QSocketNotifier interrupted(g_signalPipe[0], QSocketNotifier::Read);
    QObject::connect(&interrupted, &QSocketNotifier::activated, [&server] {
        progress(u"interrupted: stopping encore-server and PostgreSQL"_s);
        server.stop();
        std::exit(130); // atexit: TestCluster stops the cluster
    });
    test::Fixtures fx(server.database());

    progress(
        u"fixtures: %1 flash-sale users, %2 payment users"_s.arg(flashAttempts).arg(paymentCount));
    const qint64 flashConcert = fx.createConcert(u"Bench flash sale"_s, 1);
    const qint64 flashDate = fx.schedulesOf(flashConcert).value(0);
    QList<TestUser> flashUsers = fx.createUsers(flashAttempts, 1'000'000, u"flash"_s);
    fx.admit(flashUsers, flashConcert, 3600);

    const int payDates = (paymentCount + 49) / 50;
    const qint64 payConcert = fx.createConcert(u"Bench payments"_s, payDates);
    const QList<qint64> payScheduleIds = fx.schedulesOf(payConcert);
    QList<TestUser> payUsers = fx.createUsers(paymentCount, 1'000'000, u"pay"_s);
    fx.admit(payUsers, payConcert, 3600);

    // Fixtures admit everyone at the same instant; the queue status statement counts the
    // admissions of the last minute, so push them back to make runs comparable (see the doc).
    fx.db().exec(u"UPDATE queue_entries SET admitted_at = now() - interval '10 minutes'"_s);

    // pgbench needs plain integers to pick a user: an index over the flash-sale users.
    {
        QStringList idx, ids, sessions, queues;
        for (int i = 0; i < flashUsers.size(); ++i) {
            idx.append(QString::number(i + 1));
            ids.append(server::sql::uuid(flashUsers[i].id));
            sessions.append(QString::fromLatin1(server::tokens::hash(flashUsers[i].token).toHex()));
            queues.append(
                QString::fromLatin1(server::tokens::hash(flashUsers[i].queueToken).toHex()));
        }
        fx.db().execScript(u"CREATE TABLE bench_tokens(i int PRIMARY KEY, user_id uuid NOT NULL, "
                           "session_hash bytea NOT NULL, queue_hash bytea NOT NULL)"_s);
        fx.db().exec(u"INSERT INTO bench_tokens SELECT i, u, decode(s, 'hex'), decode(q, 'hex') "
                     "FROM unnest(?::int[], ?::uuid[], ?::text[], ?::text[]) AS t(i, u, s, q)"_s,
                     {textArray(idx), textArray(ids), textArray(sessions), textArray(queues)});
    }
    fx.db().execScript(u"VACUUM ANALYZE"_s);

    // ---- warm-up: every worker prepares its statements, and every admitted customer has
    // polled the queue once (as each did to learn of the admission), so the server knows their
    // session and turn — the in-process caches a running sale works from -----------------------
    {
        QList<HttpRequest> warm;
        for (int i = 0; i < 400; ++i) {
            const TestUser &u = flashUsers[i % flashUsers.size()];
            warm.append(authed("GET", api::scheduleSeats(flashDate).toLatin1(), u));
        }
        for (const QList<TestUser> *users : {&flashUsers, &payUsers}) {
            for (const TestUser &u : *users)
                warm.append(authed("GET", api::queueStatus().toLatin1(), u));
        }
        client.pooled(warm, conns);
    }

    if (soak)
        return runSoak(server, fx, flashUsers, flashDate, conns, soakMinutes,
                       durability + u"; "_s + limitsNote);

    QList<Row> rows;
    const auto measure = [&](auto &&run, bool childGenerator) {
        const CpuSample a = CpuSample::now();
        std::optional<WaitSampler> waits;
        if (!childGenerator) // wrk runs in a child: nothing spins this event loop meanwhile
            waits.emplace(fx.db());
        LoadResult r = run();
        const CpuSample b = CpuSample::now();
        rows.append(
            {r, cpuBetween(a, b, r.seconds, childGenerator), waits ? waits->summary() : u"–"_s});
        progress(u"%1 [%2]: %3 req/s, p99 %4 ms"_s.arg(r.scenario, r.generator)
                     .arg(r.rate(), 0, 'f', 0)
                     .arg(r.p99Ms, 0, 'f', 1));
        return r;
    };

    // ---- ceiling of the HTTP layer: the server's own GET /healthz, same connections ----------
    progress(u"ceiling: GET /healthz, %1 connections"_s.arg(conns));
    {
        QList<HttpRequest> pings;
        for (int i = 0; i < 20'000; ++i)
            pings.append(HttpRequest {"GET", "/healthz", {}, {}});
        measure([&] { return runHttpClient(kHealthz, client, pings, conns, 200); }, false);
        if (useWrk) {
            measure(
                [&] {
                    LoadResult failed;
                    failed.scenario = kHealthz;
                    failed.generator = u"wrk (failed)"_s;
                    return runWrk(kHealthz, server.port(), "/healthz", {{}}, conns, wrkThreads,
                                  seconds, work.path())
                        .value_or(failed);
                },
                true);
        }
    }

    // ---- (c) flash sale -----------------------------------------------------------------------
    progress(u"(c) flash sale: %1 hold attempts on 50 seats, %2 connections"_s.arg(flashAttempts)
                 .arg(conns));
    QList<HttpRequest> holds;
    for (const TestUser &u : flashUsers) {
        HttpRequest r = authed("POST", api::reservations().toLatin1(), u);
        r.json({{u"scheduleId"_s, flashDate},
                {u"seats"_s, QJsonArray {QRandomGenerator::global()->bounded(1, 51)}}});
        holds.append(r);
    }
    LoadResult flash = measure(
        [&] {
            return runHttpClient(u"(c) flash sale: hold 1 random seat of 50"_s, client, holds,
                                 conns, 201);
        },
        false);
    QString flashNote;
    {
        const QString live
            = u"(r.status = 'PAID' OR (r.status = 'HELD' AND r.held_until > now()))"_s;
        const qint64 dupSeats
            = fx.scalar(
                    u"SELECT count(*) FROM (SELECT rs.number FROM reservation_seats rs "
                    "JOIN reservations r ON r.id = rs.reservation_id WHERE rs.schedule_id = ? AND "_s
                        + live + u" GROUP BY rs.number HAVING count(*) > 1) d"_s,
                    {flashDate})
                  .toLongLong();
        const qint64 liveSeats
            = fx.scalar(u"SELECT count(*) FROM reservation_seats rs JOIN reservations r "
                        "ON r.id = rs.reservation_id WHERE rs.schedule_id = ? AND "_s
                            + live,
                        {flashDate})
                  .toLongLong();
        const qint64 holders
            = fx.scalar(
                    u"SELECT count(DISTINCT r.user_id) FROM reservations r WHERE r.schedule_id = ? AND "_s
                        + live,
                    {flashDate})
                  .toLongLong();
        const qint64 heldSeats
            = fx.scalar(u"SELECT count(*) FROM seats WHERE schedule_id = ? AND status = 'HELD'"_s,
                        {flashDate})
                  .toLongLong();
        const qint64 orphans
            = fx.scalar(
                    u"SELECT count(*) FROM seats s WHERE s.schedule_id = ? AND s.status = 'HELD' "
                    "AND NOT EXISTS (SELECT 1 FROM reservation_seats rs JOIN reservations r ON "
                    "r.id = rs.reservation_id "
                    "  WHERE rs.reservation_id = s.reservation_id AND rs.number = s.number AND r.status = 'HELD')"_s,
                    {flashDate})
                  .toLongLong();
        const qint64 oversell
            = dupSeats + std::max<qint64>(0, std::max(liveSeats, flash.successes) - 50);
        rows.last().result.oversell = QString::number(oversell);
        flashNote
            = u"flash sale check: %1 successful holds, %2 seats HELD, %3 live reservation seats by "
              u"%4 distinct "
              "users, %5 seats with >1 live reservation, %6 HELD seats without their reservation"_s
                  .arg(flash.successes)
                  .arg(heldSeats)
                  .arg(liveSeats)
                  .arg(holders)
                  .arg(dupSeats)
                  .arg(orphans);
        progress(flashNote);
    }

    // ---- (c) continued: the attempts that keep coming once the seats are gone (in a real sale
    // most of them), sustained by wrk like the GET scenarios: every one is refused ---------------
    if (useWrk) {
        const QString name = u"(c) flash sale, sold out: hold 1 random seat of 50"_s;
        progress(name);
        QList<WrkUser> users;
        for (const TestUser &u : flashUsers)
            users.append({u.token, u.queueToken});
        const QByteArray body = "'{\"scheduleId\":" + QByteArray::number(flashDate)
            + ",\"seats\":[' .. math.random(1, 50) .. ']}'";
        measure(
            [&] {
                LoadResult failed;
                failed.scenario = name;
                failed.generator = u"wrk (failed)"_s;
                return runWrk(name, server.port(), api::reservations().toLatin1(), users, conns,
                              wrkThreads, seconds, work.path(), body, 201)
                    .value_or(failed);
            },
            true);
        // Every seat is held for longer than the run: any 201 here sold a seat twice.
        rows.last().result.oversell = QString::number(rows.last().result.successes);
    }

    // ---- (a) seat map and (b) queue status: HttpClient (calibrated to ~seconds) then wrk ----
    const auto getScenario = [&](const QString &name, const QByteArray &path) {
        QList<HttpRequest> calib;
        for (int i = 0; i < 3000; ++i)
            calib.append(authed("GET", path, flashUsers[i % flashUsers.size()]));
        const LoadResult c = runHttpClient(name, client, calib, conns, 200);
        const qint64 n = std::clamp<qint64>(qint64(c.rate() * seconds), 5000, 400'000);
        QList<HttpRequest> reqs;
        reqs.reserve(n);
        for (qint64 i = 0; i < n; ++i)
            reqs.append(authed("GET", path, flashUsers[int(i % flashUsers.size())]));
        measure([&] { return runHttpClient(name, client, reqs, conns, 200); }, false);
        if (useWrk) {
            QList<WrkUser> users;
            for (const TestUser &u : flashUsers)
                users.append({u.token, u.queueToken});
            measure(
                [&] {
                    auto r = runWrk(name, server.port(), path, users, conns, wrkThreads, seconds,
                                    work.path());
                    if (!r) {
                        LoadResult failed;
                        failed.scenario = name;
                        failed.generator = u"wrk (failed)"_s;
                        return failed;
                    }
                    return *r;
                },
                true);
        }
    };
    progress(u"(a) seat map"_s);
    getScenario(u"(a) seat map GET /schedules/{id}/seats"_s,
                api::scheduleSeats(flashDate).toLatin1());
    progress(u"(b) queue status"_s);
    getScenario(u"(b) queue status GET /queue/status"_s, api::queueStatus().toLatin1());

    // ---- (d) payments: first hold one seat per user (uncontended), then pay them all; each
    // half at 16 connections, half at the full count (throughput must not fall with more) -----
    const int lowConns = std::min(16, conns);
    progress(u"(d) payments: %1 holds over %2 dates, then %1 payments (%3 and %4 connections)"_s
                 .arg(paymentCount)
                 .arg(payDates)
                 .arg(lowConns)
                 .arg(conns));
    QList<HttpRequest> payHolds;
    for (int i = 0; i < payUsers.size(); ++i) {
        HttpRequest r = authed("POST", api::reservations().toLatin1(), payUsers[i]);
        r.json({{u"scheduleId"_s, payScheduleIds.value(i / 50)},
                {u"seats"_s, QJsonArray {i % 50 + 1}}});
        payHolds.append(r);
    }
    const qsizetype half = payHolds.size() / 2;
    const QString holdName = u"(d0) holds, uncontended (1 seat each, %1 dates)"_s.arg(payDates);
    QList<HttpResponse> holdResponses, laterHolds;
    measure(
        [&] {
            return runHttpClient(holdName, client, payHolds.mid(0, half), lowConns, 201,
                                 &holdResponses);
        },
        false);
    measure(
        [&] {
            return runHttpClient(holdName, client, payHolds.mid(half), conns, 201, &laterHolds);
        },
        false);
    holdResponses += laterHolds;
    QList<HttpRequest> pays;
    for (int i = 0; i < payUsers.size(); ++i) {
        const QString id = holdResponses.value(i)
                               .json()
                               .value(u"reservation"_s)
                               .toObject()
                               .value(u"id"_s)
                               .toString();
        if (id.isEmpty())
            continue;
        HttpRequest r = authed("POST", api::payments().toLatin1(), payUsers[i]);
        r.idempotencyKey(QUuid::createUuid().toByteArray(QUuid::WithoutBraces));
        r.json({{u"reservationId"_s, id}});
        pays.append(r);
    }
    const QString payName = u"(d) payments POST /payments"_s;
    const LoadResult payLow = measure(
        [&] { return runHttpClient(payName, client, pays.mid(0, pays.size() / 2), lowConns, 201); },
        false);
    const LoadResult payHigh = measure(
        [&] { return runHttpClient(payName, client, pays.mid(pays.size() / 2), conns, 201); },
        false);
    LoadResult payRun = payHigh;
    payRun.successes = payLow.successes + payHigh.successes;
    QString payNote;
    {
        const QString dates = server::sql::intArray(payScheduleIds);
        QStringList ids;
        for (const TestUser &u : payUsers)
            ids.append(server::sql::uuid(u.id));
        const qint64 sold
            = fx.scalar(
                    u"SELECT count(*) FROM seats WHERE schedule_id = ANY(?::bigint[]) AND status = 'SOLD'"_s,
                    {dates})
                  .toLongLong();
        const qint64 paidSeats
            = fx.scalar(u"SELECT count(*) FROM reservation_seats rs JOIN reservations r ON r.id = "
                        u"rs.reservation_id "
                        "WHERE r.schedule_id = ANY(?::bigint[]) AND r.status = 'PAID'"_s,
                        {dates})
                  .toLongLong();
        const qint64 soldNotPaid
            = fx.scalar(u"SELECT count(*) FROM seats s LEFT JOIN reservations r ON r.id = "
                        u"s.reservation_id "
                        "WHERE s.schedule_id = ANY(?::bigint[]) AND s.status = 'SOLD' "
                        "AND r.status IS DISTINCT FROM 'PAID'"_s,
                        {dates})
                  .toLongLong();
        const qint64 paymentRows = fx.scalar(u"SELECT count(*) FROM payments p JOIN reservations r "
                                             u"ON r.id = p.reservation_id "
                                             "WHERE r.schedule_id = ANY(?::bigint[])"_s,
                                             {dates})
                                       .toLongLong();
        const qint64 charged = fx.scalar(u"SELECT coalesce(sum(p.amount), 0) FROM payments p JOIN "
                                         u"reservations r ON r.id = p.reservation_id "
                                         "WHERE r.schedule_id = ANY(?::bigint[])"_s,
                                         {dates})
                                   .toLongLong();
        const qint64 debited
            = fx.scalar(
                    u"SELECT coalesce(-sum(amount), 0) FROM wallet_ledger WHERE kind = 'PAYMENT' "
                    "AND user_id = ANY(?::uuid[])"_s,
                    {textArray(ids)})
                  .toLongLong();
        const qint64 oversell = soldNotPaid + std::max<qint64>(0, sold - paidSeats);
        rows.last().result.oversell = QString::number(oversell);
        payNote
            = u"payment check: %1 successful payments, %2 payment rows, %3 SOLD seats, %4 seats of "
              u"PAID reservations, "
              "%5 SOLD seats without a PAID reservation; payments total %6 KRW, wallet debits %7 KRW (%8)"_s
                  .arg(payRun.successes)
                  .arg(paymentRows)
                  .arg(sold)
                  .arg(paidSeats)
                  .arg(soldNotPaid)
                  .arg(charged)
                  .arg(debited)
                  .arg(charged == debited ? u"equal"_s : u"MISMATCH"_s);
        progress(payNote);
    }

    // ---- (e) session lookup among 10^6 users: most requests miss the in-process cache ---------
    if (million) {
        progress(u"(e) 10^6 users with sessions"_s);
        fx.db().execScript(
            u"CREATE TABLE bench_million AS SELECT i, gen_random_uuid() AS user_id "
            "FROM generate_series(1, 1000000) i; "
            "INSERT INTO users(id, username, password_hash) SELECT user_id, 'mil' || i, 'x' "
            "FROM bench_million; "
            "INSERT INTO sessions(token_hash, user_id, expires_at) "
            "SELECT sha256(('mil-' || i)::bytea), user_id, now() + interval '7 days' "
            "FROM bench_million; "
            "ALTER TABLE bench_million ADD PRIMARY KEY (i)"_s);
        fx.db().execScript(u"VACUUM ANALYZE users"_s);
        fx.db().execScript(u"VACUUM ANALYZE sessions"_s);
        QList<HttpRequest> me;
        for (int i = 0; i < 30'000; ++i) {
            HttpRequest r {"GET", api::me().toLatin1(), {}, {}};
            r.bearer("mil-"
                     + QByteArray::number(QRandomGenerator::global()->bounded(1, 1'000'001)));
            me.append(r);
        }
        measure([&] { return runHttpClient(kMillion, client, me, conns, 200); }, false);
    }

    // ---- plans of the hot statements (where the database time goes) -----------------------
    QList<QPair<QString, QString>> plans;
    const auto explain = [&](const QString &name, QString sql) {
        const QString psql = QFileInfo(pgbenchBinary()).absolutePath() + u"/psql"_s;
        sql.replace(u":i"_s, u"1"_s).replace(u";\n"_s, u" "_s);
        QProcess proc;
        proc.setProcessChannelMode(QProcess::MergedChannels);
        const auto &db = server.database();
        proc.start(psql,
                   {u"-X"_s, u"-q"_s, u"-A"_s, u"-t"_s, u"-h"_s, db.host, u"-p"_s,
                    QString::number(db.port), u"-U"_s, db.user, u"-d"_s, db.database, u"-c"_s,
                    u"EXPLAIN (ANALYZE, BUFFERS) "_s + sql});
        proc.waitForFinished(30'000);
        plans.append({name, QString::fromLocal8Bit(proc.readAll()).trimmed()});
    };
    explain(u"session lookup"_s, kSessionSelect);
    explain(u"seat rows of a date (50 held seats)"_s, seatRowsSelect(flashDate));

    // ---- pgbench ceilings: the exact statements each request sends (docs/PERFORMANCE.md) ----
    // With the session, the turn and the date's seats in memory, a seat-map read and a queue
    // poll send nothing to PostgreSQL, a losing flash-sale attempt nothing, a hold one
    // encore_hold call and a payment one encore_pay call. The statements below are those calls
    // (the arguments looked up by an index, as pgbench cannot hold the server's values), and the
    // reads that remain on a cache miss.
    QList<PgbenchResult> pg;
    if (usePgbench) {
        const QString n = QString::number(flashUsers.size());
        const QString pick = u"\\set i random(1, %1)\n"_s.arg(n);
        const auto bench = [&](const QString &name, const QString &script, int perClient = 0) {
            progress(u"pgbench: %1"_s.arg(name));
            pg.append(runPgbench(name, server.database(), script, pgClients, seconds, work.path(),
                                 perClient));
            if (!pg.last().error.isEmpty())
                progress(u"pgbench %1: %2"_s.arg(name, pg.last().error));
        };
        bench(kPgSession, pick + kSessionSelect);
        bench(kPgSeatRows, seatRowsSelect(flashDate));

        // A pool of dates and payers so that every pgbench hold wins and every payment pays.
        const int poolDates = std::max(200, seconds * 6000 / 50);
        const qint64 poolConcert = fx.createConcert(u"Bench pgbench pool"_s, 0);
        QList<TestUser> payers = fx.createUsers(2000, 1'000'000'000'000, u"pgpay"_s);
        fx.admit(payers, poolConcert, 3600);
        {
            QStringList idx, ids;
            for (int i = 0; i < payers.size(); ++i) {
                idx.append(QString::number(i + 1));
                ids.append(server::sql::uuid(payers[i].id));
            }
            fx.db().execScript(u"CREATE TABLE bench_payers(i int PRIMARY KEY, user_id uuid)"_s);
            fx.db().exec(u"INSERT INTO bench_payers SELECT * FROM unnest(?::int[], ?::uuid[])"_s,
                         {textArray(idx), textArray(ids)});
        }
        fx.db().exec(u"INSERT INTO schedules(concert_id, starts_at, sales_open_at, sales_close_at) "
                     "SELECT ?, now() + make_interval(days => 30 + d), now() - interval '1 hour', "
                     "now() + make_interval(days => 29 + d) FROM generate_series(1, ?) d"_s,
                     {poolConcert, poolDates});
        fx.db().exec(u"INSERT INTO seats(schedule_id, number, tier, price) SELECT s.id, n, 'R', "
                     "132000 FROM schedules s CROSS JOIN generate_series(1, 50) n "
                     "WHERE s.concert_id = ?"_s,
                     {poolConcert});
        fx.db().execScript(
            u"CREATE TABLE bench_dates AS SELECT (row_number() OVER (ORDER BY "
            "id))::int AS i, id FROM schedules WHERE concert_id = %1"_s.arg(poolConcert));
        fx.db().execScript(u"ALTER TABLE bench_dates ADD PRIMARY KEY (i); "
                           "CREATE SEQUENCE bench_hold_seq MINVALUE 0 START 0; "
                           "CREATE SEQUENCE bench_pay_seq MINVALUE 0 START 0"_s);
        fx.db().execScript(u"VACUUM ANALYZE"_s); // not inside the script's implicit transaction
        bench(kPgHold,
              u"SELECT h.*, (SELECT c.time_zone FROM concerts c WHERE c.id = h.concert_id) "
              "FROM (SELECT nextval('bench_hold_seq') AS k) s, "
              "LATERAL (SELECT user_id FROM bench_payers WHERE i = s.k % 2000 + 1) u, "
              "LATERAL encore_hold(u.user_id, (SELECT id FROM bench_dates WHERE i = s.k / 50 + 1), "
              "ARRAY[(s.k % 50 + 1)::int], 600, 4, %1, true, 30, 'pgbench-hold-' || s.k, "
              "'\\x00'::bytea) h;\n"_s.arg(poolConcert));
        fx.db().execScript(
            u"CREATE TABLE bench_held AS SELECT (row_number() OVER (ORDER BY r.created_at, "
            "r.id) - 1)::int AS k, r.id, r.user_id FROM reservations r "
            "JOIN schedules sc ON sc.id = r.schedule_id "
            "WHERE sc.concert_id = %1 AND r.status = 'HELD'"_s.arg(poolConcert));
        fx.db().execScript(u"ALTER TABLE bench_held ADD PRIMARY KEY (k); ANALYZE bench_held"_s);
        const qint64 held = fx.scalar(u"SELECT count(*) FROM bench_held"_s).toLongLong();
        bench(kPgPay,
              u"SELECT p.*, (SELECT c.time_zone FROM concerts c WHERE c.id = p.concert_id) "
              "FROM (SELECT nextval('bench_pay_seq') AS k) s, "
              "LATERAL (SELECT id, user_id FROM bench_held WHERE k = s.k) h, "
              "LATERAL encore_pay(h.user_id, h.id, %1, true, 'pgbench-pay-' || s.k, "
              "'\\x00'::bytea) p;\n"_s.arg(poolConcert),
              int(std::max<qint64>(1, held / pgClients)));
        if (million)
            bench(kPgMillion,
                  u"\\set i random(1, 1000000)\n"
                  "SELECT u.id, u.username, u.role, s.expires_at FROM sessions s "
                  "JOIN users u ON u.id = s.user_id WHERE s.token_hash = "
                  "sha256(('mil-' || :i)::bytea) AND s.expires_at > now();\n"_s);
    }
    const QString loadAfter = readFirstLine(u"/proc/loadavg"_s);

    // ---- report --------------------------------------------------------------------------------
    const QString pgVersion = fx.scalar(u"SELECT current_setting('server_version')"_s).toString();
    out() << "## Encore benchmark — " << QDateTime::currentDateTimeUtc().toString(Qt::ISODate)
          << "\n\n";
    if (qEnvironmentVariableIsSet("BENCH_SOURCE"))
        out() << "- source: " << qEnvironmentVariable("BENCH_SOURCE") << "\n";
    out() << "- machine: " << cores << " cores (" << cpuModel() << "), " << memoryTotal()
          << " RAM\n";
    out() << "- TZ: "
          << (qEnvironmentVariableIsSet("TZ") ? u"`"_s + qEnvironmentVariable("TZ") + u"`"_s
                                              : u"unset"_s)
          << " (the server inherits it; see docs/PERFORMANCE.md on TZ)\n";
    out() << "- load average (1/5/15 min) before: " << loadBefore.section(u' ', 0, 2)
          << ", after: " << loadAfter.section(u' ', 0, 2) << "\n";
    out() << "- encore-server: Release, " << workers << " workers (default 2 x " << cores
          << " cores), " << decisionThreads << " decision threads (default 16 x " << cores
          << " cores), --no-access-log --hold-seconds 600 --queue-active-ttl 3600; PostgreSQL "
          << pgVersion << " private cluster, " << durability << ", unix socket; " << limitsNote
          << "\n";
    out() << "- HTTP load from the same machine: HttpClient = tests/support HttpClient::pooled() "
             "in the bench "
             "process (one thread, keep-alive); wrk = `wrk -t"
          << wrkThreads << " -c" << conns << " -d" << seconds
          << "s` with a Lua script cycling through " << flashUsers.size() << " admitted users\n";
    out() << "- pgbench: " << pgClients << " clients, -j 2, -M prepared, " << seconds
          << " s per script, against the same database while the server idles\n\n";
    out() << LoadResult::header() << "\n";
    for (const Row &r : rows)
        out() << r.result.row() << "\n";
    out() << "\n" << flashNote << ".\n\n" << payNote << ".\n\n";
    out() << "CPU during each run (machine = all " << cores
          << " cores busy %; generator = load generator's own CPU, % of one core):\n\n";
    out() << "| scenario | load generator | conns | machine busy % | generator CPU % | server's "
             "PostgreSQL backends, sampled (not idle) |\n|---|---|---:|---:|---:|---|\n";
    for (const Row &r : rows)
        out() << "| " << r.result.scenario << " | " << r.result.generator << " | "
              << r.result.connections << " | " << QString::number(r.cpu.machinePercent, 'f', 0)
              << " | " << QString::number(r.cpu.generatorPercent, 'f', 0) << " | " << r.waits
              << " |\n";

    const auto bestRate = [&](const QString &prefix) {
        double best = 0;
        for (const Row &r : rows) {
            if (r.result.scenario.startsWith(prefix))
                best = std::max(best, r.result.rate());
        }
        return best;
    };
    const auto pgTps = [&](const QString &prefix) {
        for (const PgbenchResult &r : pg) {
            if (r.name.startsWith(prefix))
                return r.tps;
        }
        return 0.0;
    };
    const double healthz = bestRate(kHealthz);
    if (healthz > 0) {
        out() << "\n### Share of the HTTP ceiling (best figure / best GET /healthz, "
              << QString::number(healthz, 'f', 0)
              << " req/s in this run)\n\n| scenario | req/s | p50 ms | p99 ms | share of /healthz "
                 "|\n|---|---:|---:|---:|---:|\n";
        for (const Row &r : rows) {
            if (r.result.scenario == kHealthz)
                continue;
            out() << "| " << r.result.scenario << " [" << r.result.generator << "] | "
                  << QString::number(r.result.rate(), 'f', 0) << " | "
                  << QString::number(r.result.p50Ms, 'f', 1) << " | "
                  << QString::number(r.result.p99Ms, 'f', 1) << " | "
                  << QString::number(100.0 * r.result.rate() / healthz, 'f', 0) << " % |\n";
        }
    }
    if (!pg.isEmpty()) {
        out() << "\n### PostgreSQL ceilings (pgbench, same cluster settings)\n\n| statement(s) | "
                 "tps | avg latency ms | "
                 "failed | note |\n|---|---:|---:|---:|---|\n";
        for (const PgbenchResult &r : pg)
            out() << "| " << r.name << " | " << QString::number(r.tps, 'f', 0) << " | "
                  << QString::number(r.latencyMs, 'f', 2) << " | " << r.failed << " | "
                  << QString(r.error).replace(u'\n', u' ').replace(u'|', u'/') << " |\n";
        out() << "\n### Encore vs pgbench (figure / pgbench tps of the same statements)\n\n"
                 "| scenario | encore req/s | pgbench statement(s) | pgbench tps | ratio "
                 "|\n|---|---:|---|---:|---:|\n";
        const auto ratio = [&](const QString &label, double encoreRate, const QString &pgName) {
            const double tps = pgTps(pgName);
            out() << "| " << label << " | " << QString::number(encoreRate, 'f', 0) << " | "
                  << pgName << " | " << QString::number(tps, 'f', 0) << " | "
                  << (tps > 0 ? QString::number(encoreRate / tps, 'f', 2) : u"–"_s) << " |\n";
        };
        ratio(u"(d0) holds"_s, bestRate(u"(d0)"_s), kPgHold);
        ratio(u"(d) payments"_s, bestRate(u"(d) payments"_s), kPgPay);
        ratio(u"(e) session lookup, 10^6 users"_s, bestRate(kMillion), kPgMillion);
    }
    for (const auto &plan : plans)
        out() << "\n<details><summary>EXPLAIN ANALYZE: " << plan.first << "</summary>\n\n```\n"
              << plan.second << "\n```\n</details>\n";

    const auto verdict = [](bool met) {
        return met ? u"**met**"_s : u"**not met**"_s;
    };
    const auto rateAt = [&](const QString &prefix, int connections) {
        double best = 0;
        for (const Row &r : rows) {
            if (r.result.scenario.startsWith(prefix) && r.result.connections == connections)
                best = std::max(best, r.result.rate());
        }
        return best;
    };
    qint64 oversellTotal = 0;
    for (const Row &r : rows) {
        if (r.result.scenario.startsWith(u"(c)"_s)
            || r.result.scenario.startsWith(u"(d) payments"_s))
            oversellTotal += r.result.oversell.toLongLong();
    }
    const auto share = [&](const QString &prefix) {
        return healthz > 0 ? bestRate(prefix) / healthz : 0.0;
    };
    const auto ofCeiling = [&](const QString &prefix, const QString &pgName) {
        const double tps = pgTps(pgName);
        return tps > 0 ? bestRate(prefix) / tps : 0.0;
    };
    const auto percent = [](double v) {
        return QString::number(100 * v, 'f', 0) + u" %"_s;
    };
    out() << "\n### Targets (issue 13, durable default, one instance on " << cores
          << " cores)\n\n| target | measured | verdict |\n|---|---|---|\n";
    out() << "| seat map ≥ 50 % of /healthz | " << percent(share(u"(a)"_s)) << " | "
          << verdict(share(u"(a)"_s) >= 0.5) << " |\n";
    out() << "| queue polls ≥ 50 % of /healthz | " << percent(share(u"(b)"_s)) << " | "
          << verdict(share(u"(b)"_s) >= 0.5) << " |\n";
    out() << "| flash-sale attempts ≥ 30 % of /healthz (best of the one-shot sale and the "
             "sold-out attempts) | "
          << percent(share(u"(c)"_s)) << " | " << verdict(share(u"(c)"_s) >= 0.3) << " |\n";
    out() << "| holds ≥ 50 % of the encore_hold pgbench ceiling | "
          << percent(ofCeiling(u"(d0)"_s, kPgHold)) << " | "
          << verdict(ofCeiling(u"(d0)"_s, kPgHold) >= 0.5) << " |\n";
    out() << "| payments ≥ 50 % of the encore_pay pgbench ceiling | "
          << percent(ofCeiling(u"(d) payments"_s, kPgPay)) << " | "
          << verdict(ofCeiling(u"(d) payments"_s, kPgPay) >= 0.5) << " |\n";
    for (const QString &prefix : {u"(d0)"_s, u"(d) payments"_s}) {
        const double low = rateAt(prefix, lowConns), high = rateAt(prefix, conns);
        out() << "| " << prefix << " at " << conns << " connections ≥ at " << lowConns << " | "
              << QString::number(high, 'f', 0) << " vs " << QString::number(low, 'f', 0)
              << " req/s | " << verdict(high >= low) << " |\n";
    }
    out() << "| oversell 0 | " << oversellTotal << " | " << verdict(oversellTotal == 0) << " |\n";
    out().flush();

    fx.db().closeThreadConnection();
    server.stop();
    return 0;
}
