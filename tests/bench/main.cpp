// encore-bench: starts encore-server on a private PostgreSQL (TestCluster), fills it with
// Fixtures, and measures (a) seat-map reads, (b) queue status polls, (c) a flash sale and
// (d) payments over HTTP, then the raw PostgreSQL ceiling of the same statements with pgbench,
// and prints everything as markdown (docs/PERFORMANCE.md). Not part of ctest; run
// scripts/bench.sh.

#include "fixtures.h"
#include "loadgen.h"
#include "testcluster.h"
#include "testserver.h"

#include "auth/passwordhasher.h"
#include "storage/sqlvalues.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
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

#include <sys/resource.h>
#include <unistd.h>

#include <csignal>
#include <cstdio>

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

// The queue status statement (server/queue: PgQueueStore's kSnapshotSql, formerly QueueService's
// kTicketSql), keyed by a bench token index instead of a bound hash. Keep in sync with the server.
const QString kTicketSelect
    = u"SELECT e.user_id, e.concert_id, e.status, e.active_until, "
      " (SELECT count(*) FROM queue_entries w WHERE w.concert_id = e.concert_id AND w.status = "
      "'WAITING' "
      "    AND w.arrival < e.arrival) AS ahead, "
      " (SELECT count(*) FROM queue_entries a WHERE a.concert_id = e.concert_id "
      "    AND a.admitted_at > now() - interval '60 seconds') AS recent, "
      " (SELECT extract(epoch FROM now() - min(a.admitted_at)) FROM queue_entries a "
      "    WHERE a.concert_id = e.concert_id AND a.admitted_at > now() - interval '60 seconds') AS "
      "span, "
      " (SELECT count(*) FROM queue_entries x WHERE x.concert_id = e.concert_id AND x.status = "
      "'ACTIVE' "
      "    AND x.active_until > now()) AS active, "
      " s.max_active, s.admit_per_minute, s.paused, s.updated_at > now() - interval '2 minutes' AS "
      "changed "
      "FROM queue_entries e JOIN queue_settings s ON s.concert_id = e.concert_id "
      "WHERE e.token_hash = (SELECT queue_hash FROM bench_tokens WHERE i = :i) AND e.status IN ('WAITING', 'ACTIVE');\n"_s;

// The seat map statement of server/services/concertservice.cpp.
QString seatMapSelect(qint64 scheduleId)
{
    return u"SELECT s.number, s.tier, s.price, "
           " CASE WHEN s.status = 'HELD' AND s.held_until <= now() THEN 'AVAILABLE' ELSE s.status "
           "END, "
           " CASE WHEN s.status = 'HELD' AND s.held_until > now() THEN s.held_until END, "
           " coalesce(r.user_id = (SELECT user_id FROM bench_tokens WHERE i = :i) "
           "   AND (s.status = 'SOLD' OR s.held_until > now()), false), s.version "
           "FROM seats s LEFT JOIN reservations r ON r.id = s.reservation_id "
           "WHERE s.schedule_id = %1 ORDER BY s.number;\n"_s.arg(scheduleId);
}

const QString kSessionSelect
    = u"SELECT u.id, u.username, u.role FROM sessions s JOIN users u ON u.id = s.user_id "
      "WHERE s.token_hash = (SELECT session_hash FROM bench_tokens WHERE i = :i) AND s.expires_at > now();\n"_s;
// QueueService::requireActive -> PgQueueStore::entry.
const QString kQueueCheck = u"SELECT user_id, concert_id, status, active_until FROM queue_entries "
                            "WHERE token_hash = (SELECT queue_hash FROM bench_tokens WHERE i = :i) "
                            "AND status IN ('WAITING', 'ACTIVE');\n"_s;

// The seat-hold rule of DESIGN.md §3 (server/services/reservationservice.cpp), one random seat.
QString seatHoldUpdate(qint64 scheduleId, const QString &reservationId, const QString &heldUntil)
{
    return u"\\set n random(1, 50)\n"
           "UPDATE seats SET status = 'HELD', reservation_id = '%2'::uuid, held_until = %3, "
           "version = nextval('seat_version_seq') WHERE schedule_id = %1 AND number = "
           "ANY(ARRAY[:n]::int[]) "
           "AND (status = 'AVAILABLE' OR (status = 'HELD' AND held_until < now())) RETURNING number, price;\n"_s
               .arg(scheduleId)
               .arg(reservationId, heldUntil);
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
        {u"payments"_s, u"Held reservations paid in (d) (default 2000)."_s, u"n"_s, u"2000"_s},
        {u"workers"_s, u"Server workers (default: the server's default, 4 x cores)."_s, u"n"_s,
         u"0"_s},
        {u"pgbench-clients"_s, u"pgbench clients (default 16)."_s, u"n"_s, u"16"_s},
        {u"wrk-threads"_s, u"wrk threads (default 2)."_s, u"n"_s, u"2"_s},
        {u"no-wrk"_s, u"Skip the wrk runs."_s},
        {u"no-pgbench"_s, u"Skip the pgbench ceilings."_s},
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
                                                          : 4 * std::max(1, cores);
    const int pgClients = std::max(1, p.value(u"pgbench-clients"_s).toInt());
    const int wrkThreads = std::max(1, p.value(u"wrk-threads"_s).toInt());
    const bool useWrk = !p.isSet(u"no-wrk"_s) && !wrkBinary().isEmpty();
    const bool usePgbench = !p.isSet(u"no-pgbench"_s);
    const bool fastUnsafe = p.isSet(u"fast-unsafe"_s);
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
    test::TestServer server({u"--workers"_s, QString::number(workers), u"--hold-seconds"_s,
                             u"600"_s, u"--queue-active-ttl"_s, u"3600"_s, u"--no-access-log"_s});
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
    // A date of its own for the pgbench seat-hold runs, with one reservation to point at.
    const qint64 pgConcert = fx.createConcert(u"Bench pgbench"_s, 1);
    const qint64 pgDate = fx.schedulesOf(pgConcert).value(0);
    const QString pgReservation
        = fx.scalar(
                u"INSERT INTO reservations(user_id, schedule_id, held_until) VALUES (?::uuid, ?, now()) RETURNING id"_s,
                {server::sql::uuid(flashUsers[0].id), pgDate})
              .toString();
    fx.db().execScript(u"VACUUM ANALYZE"_s);

    // ---- warm-up: every worker prepares its statements ------------------------------------
    {
        QList<HttpRequest> warm;
        for (int i = 0; i < 400; ++i) {
            const TestUser &u = flashUsers[i % flashUsers.size()];
            warm.append(
                authed("GET", "/api/v1/schedules/" + QByteArray::number(flashDate) + "/seats", u));
            warm.append(authed("GET", "/api/v1/queue/status", u));
        }
        client.pooled(warm, conns);
    }

    QList<Row> rows;
    const auto measure = [&](auto &&run, bool childGenerator) {
        const CpuSample a = CpuSample::now();
        LoadResult r = run();
        const CpuSample b = CpuSample::now();
        rows.append({r, cpuBetween(a, b, r.seconds, childGenerator)});
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
        HttpRequest r = authed("POST", "/api/v1/reservations", u);
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
                "/api/v1/schedules/" + QByteArray::number(flashDate) + "/seats");
    progress(u"(b) queue status"_s);
    getScenario(u"(b) queue status GET /queue/status"_s, "/api/v1/queue/status");

    // ---- (d) payments: first hold one seat per user (uncontended), then pay them all ---------
    progress(u"(d) payments: %1 holds over %2 dates, then %1 payments"_s.arg(paymentCount)
                 .arg(payDates));
    QList<HttpRequest> payHolds;
    for (int i = 0; i < payUsers.size(); ++i) {
        HttpRequest r = authed("POST", "/api/v1/reservations", payUsers[i]);
        r.json({{u"scheduleId"_s, payScheduleIds.value(i / 50)},
                {u"seats"_s, QJsonArray {i % 50 + 1}}});
        payHolds.append(r);
    }
    QList<HttpResponse> holdResponses;
    measure(
        [&] {
            return runHttpClient(u"(d0) holds, uncontended (1 seat each, %1 dates)"_s.arg(payDates),
                                 client, payHolds, conns, 201, &holdResponses);
        },
        false);
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
        HttpRequest r = authed("POST", "/api/v1/payments", payUsers[i]);
        r.idempotencyKey(QUuid::createUuid().toByteArray(QUuid::WithoutBraces));
        r.json({{u"reservationId"_s, id}});
        pays.append(r);
    }
    LoadResult payRun = measure(
        [&] { return runHttpClient(u"(d) payments POST /payments"_s, client, pays, conns, 201); },
        false);
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
    explain(u"queue status SELECT (one ACTIVE user of %1 in the concert)"_s.arg(flashUsers.size()),
            kTicketSelect);
    explain(u"seat-map SELECT (50 held seats)"_s, seatMapSelect(flashDate));

    // ---- pgbench ceilings ------------------------------------------------------------------
    QList<PgbenchResult> pg;
    if (usePgbench) {
        const QString n = QString::number(flashUsers.size());
        const QString pick = u"\\set i random(1, %1)\n"_s.arg(n);
        const auto bench = [&](const QString &name, const QString &script) {
            progress(u"pgbench: %1"_s.arg(name));
            pg.append(runPgbench(name, server.database(), script, pgClients, seconds, work.path()));
            if (!pg.last().error.isEmpty())
                progress(u"pgbench %1: %2"_s.arg(name, pg.last().error));
        };
        const auto resetSeats = [&] {
            fx.db().exec(
                u"UPDATE seats SET status = 'AVAILABLE', reservation_id = NULL, held_until = NULL WHERE schedule_id = ?"_s,
                {pgDate});
        };
        bench(u"seat-map SELECT"_s, pick + seatMapSelect(flashDate));
        bench(u"seat-map request: session + date + queue check + seat map (4 statements)"_s,
              pick + kSessionSelect
                  + u"SELECT concert_id FROM schedules WHERE id = %1;\n"_s.arg(flashDate)
                  + kQueueCheck + seatMapSelect(flashDate));
        bench(u"queue status SELECT"_s, pick + kTicketSelect);
        bench(u"queue status request: session + status (2 statements)"_s,
              pick + kSessionSelect + kTicketSelect);
        // What proposal 3 would leave for an ACTIVE user: the entry and the settings, no counting.
        bench(
            u"proposal 3 — queue status request for an ACTIVE user: session + entry⋈settings (2 statements)"_s,
            pick + kSessionSelect
                + u"SELECT e.user_id, e.concert_id, e.status, e.active_until, s.max_active, "
                  u"s.admit_per_minute, s.paused "
                  "FROM queue_entries e JOIN queue_settings s ON s.concert_id = e.concert_id "
                  "WHERE e.token_hash = (SELECT queue_hash FROM bench_tokens WHERE i = :i) AND e.status IN ('WAITING', 'ACTIVE');\n"_s);
        resetSeats();
        bench(u"seat-hold UPDATE, 50 seats, holds stay (flash sale: 50 win, then misses)"_s,
              seatHoldUpdate(pgDate, pgReservation, u"now() + interval '600 seconds'"_s));
        resetSeats();
        bench(u"seat-hold UPDATE, 50 seats, every attempt wins (hold already expired)"_s,
              seatHoldUpdate(pgDate, pgReservation, u"now() - interval '1 second'"_s));
        // Every seat of the date taken: the statements of a losing flash-sale attempt as
        // ReservationService::hold() issues them (the session lookup, then one transaction).
        fx.db().exec(u"UPDATE seats SET status = 'HELD', reservation_id = ?::uuid, held_until = "
                     u"now() + interval '1 hour' "
                     "WHERE schedule_id = ?"_s,
                     {pgReservation, pgDate});
        const QString user = u"(SELECT user_id FROM bench_tokens WHERE i = :i)"_s;
        bench(
            u"flash-sale attempt as the server issues it: session + BEGIN + 6 statements + ROLLBACK (seat taken)"_s,
            pick + u"\\set n random(1, 50)\n"_s + kSessionSelect + u"BEGIN;\n"_s
                + u"SELECT concert_id, now() >= sales_open_at AND now() < sales_close_at FROM schedules WHERE id = %1;\n"_s
                      .arg(pgDate)
                + kQueueCheck
                + u"SELECT balance FROM wallets WHERE user_id = %1 FOR UPDATE;\n"_s.arg(user)
                + u"SELECT coalesce(sum(r.total), 0), (SELECT count(*) FROM reservation_seats rs "
                  u"JOIN reservations o ON o.id = rs.reservation_id "
                  "WHERE o.user_id = %1 AND o.schedule_id = %2 AND (o.status = 'PAID' OR (o.status "
                  "= 'HELD' AND o.held_until > now()))) "
                  "FROM reservations r WHERE r.user_id = %1 AND r.status = 'HELD' AND r.held_until > now();\n"_s
                      .arg(user)
                      .arg(pgDate)
                + u"INSERT INTO reservations(user_id, schedule_id, held_until) VALUES (%1, %2, "
                  u"now() + make_interval(secs => 600)) "
                  "RETURNING id AS rid \\gset\n"_s.arg(user)
                      .arg(pgDate)
                + u"UPDATE seats SET status = 'HELD', reservation_id = :rid::uuid, held_until = "
                  u"now() + interval '600 seconds', "
                  "version = nextval('seat_version_seq') WHERE schedule_id = %1 AND number = "
                  "ANY(ARRAY[:n]::int[]) "
                  "AND (status = 'AVAILABLE' OR (status = 'HELD' AND held_until < now())) RETURNING number, price;\n"_s
                      .arg(pgDate)
                + u"ROLLBACK;\n"_s);
        // What proposal 4 of docs/PERFORMANCE.md would leave for a losing attempt: no transaction,
        // schedule + queue entry in one statement, a plain read of the seat.
        bench(
            u"proposal 4 — losing attempt: session + schedule⋈queue entry + seat pre-check (3 statements)"_s,
            pick + u"\\set n random(1, 50)\n"_s + kSessionSelect
                + u"SELECT sc.concert_id, now() >= sc.sales_open_at AND now() < sc.sales_close_at, "
                  u"e.user_id, e.status, "
                  "e.active_until FROM schedules sc LEFT JOIN queue_entries e ON e.token_hash = "
                  "(SELECT queue_hash FROM bench_tokens WHERE i = :i) AND e.status IN ('WAITING', 'ACTIVE') WHERE sc.id = %1;\n"_s
                      .arg(pgDate)
                + u"SELECT number FROM seats WHERE schedule_id = %1 AND number = "
                  u"ANY(ARRAY[:n]::int[]) "
                  "AND NOT (status = 'AVAILABLE' OR (status = 'HELD' AND held_until < now()));\n"_s
                      .arg(pgDate));
        resetSeats();
        bench(
            u"wallet debit UPDATE (random wallet of %1)"_s.arg(n),
            pick
                + u"UPDATE wallets SET balance = balance - 1, updated_at = now() WHERE user_id = "
                  "(SELECT user_id FROM bench_tokens WHERE i = :i) AND balance >= 1 RETURNING balance;\n"_s);
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
    out() << "- encore-server: Release, " << workers << " workers (default 4 x " << cores
          << " cores), --no-access-log --hold-seconds 600 --queue-active-ttl 3600; PostgreSQL "
          << pgVersion << " private cluster, " << durability << ", unix socket\n";
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
    out() << "| scenario | load generator | machine busy % | generator CPU % "
             "|\n|---|---|---:|---:|\n";
    for (const Row &r : rows)
        out() << "| " << r.result.scenario << " | " << r.result.generator << " | "
              << QString::number(r.cpu.machinePercent, 'f', 0) << " | "
              << QString::number(r.cpu.generatorPercent, 'f', 0) << " |\n";

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
        out() << "\n### Encore vs pgbench (best HTTP figure / pgbench tps)\n\n| scenario | encore "
                 "req/s | pgbench statement | pgbench tps | ratio |\n|---|---:|---|---:|---:|\n";
        const auto ratio = [&](const QString &label, double encoreRate, const QString &pgName) {
            const double tps = pgTps(pgName);
            out() << "| " << label << " | " << QString::number(encoreRate, 'f', 0) << " | "
                  << pgName << " | " << QString::number(tps, 'f', 0) << " | "
                  << (tps > 0 ? QString::number(encoreRate / tps, 'f', 2) : u"–"_s) << " |\n";
        };
        ratio(u"(a) seat map"_s, bestRate(u"(a)"_s), u"seat-map SELECT"_s);
        ratio(u"(a) seat map"_s, bestRate(u"(a)"_s), u"seat-map request"_s);
        ratio(u"(b) queue status"_s, bestRate(u"(b)"_s), u"queue status SELECT"_s);
        ratio(u"(b) queue status"_s, bestRate(u"(b)"_s), u"queue status request"_s);
        ratio(u"(c) flash sale"_s, bestRate(u"(c)"_s), u"seat-hold UPDATE, 50 seats, holds stay"_s);
        ratio(u"(c) flash sale"_s, bestRate(u"(c)"_s),
              u"seat-hold UPDATE, 50 seats, every attempt wins"_s);
        ratio(u"(c) flash sale"_s, bestRate(u"(c)"_s),
              u"flash-sale attempt as the server issues it"_s);
        ratio(u"(d) payments"_s, bestRate(u"(d) payments"_s), u"wallet debit UPDATE"_s);
    }

    for (const auto &plan : plans)
        out() << "\n<details><summary>EXPLAIN ANALYZE: " << plan.first << "</summary>\n\n```\n"
              << plan.second << "\n```\n</details>\n";

    const auto verdict = [](bool met) {
        return met ? u"**met**"_s : u"**not met**"_s;
    };
    const double seatMap = bestRate(u"(a)"_s), queue = bestRate(u"(b)"_s),
                 payRate = bestRate(u"(d) payments"_s);
    qint64 oversellTotal = 0;
    for (const Row &r : rows) {
        if (r.result.scenario.startsWith(u"(c)"_s)
            || r.result.scenario.startsWith(u"(d) payments"_s))
            oversellTotal += r.result.oversell.toLongLong();
    }
    out() << "\n### Targets (issue 2, 2 cores, one instance)\n\n| target | measured | verdict "
             "|\n|---|---|---|\n";
    out() << "| seat map ≥ 10,000 req/s | " << QString::number(seatMap, 'f', 0) << " req/s | "
          << verdict(seatMap >= 10'000) << " |\n";
    out() << "| queue polls ≥ 10,000 req/s | " << QString::number(queue, 'f', 0) << " req/s | "
          << verdict(queue >= 10'000) << " |\n";
    out() << "| flash sale ≥ 3,000 attempts/s, p99 < 100 ms at " << conns << " connections | "
          << QString::number(flash.rate(), 'f', 0) << " attempts/s, p99 "
          << QString::number(flash.p99Ms, 'f', 1) << " ms | "
          << verdict(flash.rate() >= 3000 && flash.p99Ms < 100) << " |\n";
    out() << "| payments ≥ 1,000/s | " << QString::number(payRate, 'f', 0) << " /s | "
          << verdict(payRate >= 1000) << " |\n";
    out() << "| oversell 0 | " << oversellTotal << " | " << verdict(oversellTotal == 0) << " |\n";
    out().flush();

    fx.db().closeThreadConnection();
    server.stop();
    return 0;
}
