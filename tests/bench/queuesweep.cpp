// encore-queue-sweep: does a queue poll cost the same with 1,000 and with 1,000,000 people waiting
// (issue 13 item 4)? For each store (PostgreSQL, then Redis) and each queue length, it seeds that
// many waiting entries, has pollers join at the back (the worst place for a position that counts
// earlier arrivals), measures GET /queue/status (req/s, p50, p99) and POST /concerts/{id}/queue
// (joins/s, p99) with HttpClient, and prints a markdown table (docs/PERFORMANCE.md, "Queue cost
// with the crowd"). Not in ctest; scripts/bench.sh --queue-sweep runs it.
//
//   encore-queue-sweep [--sizes 1000,10000,100000,1000000] [--seconds 3] [--connections 32]
//                      [--store pg|redis|both]
#include "apipaths.h"
#include "auth/passwordhasher.h"
#include "cache/redisclient.h"
#include "fixtures.h"
#include "loadgen.h"
#include "services/services.h"
#include "testredis.h"
#include "testserver.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTextStream>

#include <cstdio>

using namespace Qt::StringLiterals;
using namespace encore;
using namespace encore::test;
using namespace encore::bench;

namespace {

void progress(const QString &text)
{
    std::fprintf(stderr, "sweep: %s\n", qPrintable(text));
}

struct Row {
    QString store;
    qint64 waiting = 0;
    LoadResult poll;
    LoadResult join;
};

// Redis: waiting entries from..to (members need not be accounts: only the line's length matters),
// seeded in slices that each stay well inside the client's 250 ms timeout.
const server::RedisScript
    kSeedRedis("local c, from, to = ARGV[1], tonumber(ARGV[2]), tonumber(ARGV[3])\n"
               "local key = 'encore:q:' .. c .. ':waiting'\n"
               "for i = from, to, 1000 do\n"
               "  local args = {}\n"
               "  for j = i, math.min(to, i + 999) do\n"
               "    table.insert(args, redis.call('INCR', 'encore:q:' .. c .. ':seq'))\n"
               "    table.insert(args, 'seed-' .. j)\n"
               "  end\n"
               "  redis.call('ZADD', key, unpack(args))\n"
               "end\n"
               "redis.call('SADD', 'encore:q:concerts', c)\n"
               "return to - from + 1\n");

// PostgreSQL: `count` waiting entries of the first `count` seed accounts, placed 1..count.
void seedPostgres(Fixtures &fx, qint64 concertId, qint64 count)
{
    fx.db().exec(u"INSERT INTO queue_entries(concert_id, user_id, token_hash, line_seq) "
                 "SELECT ?, id, sha256(convert_to(?::text || ':' || id::text, 'UTF8')), "
                 " row_number() OVER (ORDER BY username) "
                 "FROM (SELECT id, username FROM users WHERE username LIKE 'seed%' "
                 "      ORDER BY username LIMIT ?) u"_s,
                 {concertId, concertId, count});
    fx.db().exec(u"INSERT INTO queue_lines(concert_id, next_seq) VALUES (?, ?) "
                 "ON CONFLICT (concert_id) DO UPDATE SET next_seq = EXCLUDED.next_seq"_s,
                 {concertId, count});
    fx.db().execScript(u"ANALYZE queue_entries"_s);
}

HttpRequest authed(const QByteArray &method, const QByteArray &path, const TestUser &user)
{
    HttpRequest r {method, path, {}, {}};
    r.bearer(user.token);
    if (!user.queueToken.isEmpty())
        r.queueToken(user.queueToken);
    if (method == "POST")
        r.json({});
    return r;
}

QList<Row> sweep(const QString &store, const QList<qint64> &sizes, int seconds, int connections)
{
    QList<Row> rows;
    if (store == u"redis")
        qputenv("ENCORE_TEST_REDIS", "1");
    else
        qunsetenv("ENCORE_TEST_REDIS");
    TestServer server({u"--no-access-log"_s, u"--queue-max-active"_s, u"1"_s});
    if (!server.start()) {
        std::fprintf(stderr, "encore-server did not start:\n%s\n", server.output().constData());
        return rows;
    }
    Fixtures fx(server.database());
    const qint64 largest = *std::max_element(sizes.begin(), sizes.end());
    if (store == u"pg") {
        progress(u"creating %1 seed accounts"_s.arg(largest));
        fx.db().exec(u"INSERT INTO users(username, password_hash) SELECT 'seed' || "
                     "lpad(i::text, 8, '0'), 'x' FROM generate_series(1, ?) i"_s,
                     {largest});
    }
    const HttpClient client = server.client();
    for (qint64 size : sizes) {
        const qint64 concert = fx.createConcert(u"Sweep %1"_s.arg(size));
        fx.db().exec(u"UPDATE queue_settings SET paused = true WHERE concert_id = ?"_s, {concert});
        progress(u"%1: seeding %2 waiting"_s.arg(store).arg(size));
        if (fx.services().redis) {
            constexpr qint64 kSlice = 20'000;
            for (qint64 from = 1; from <= size; from += kSlice)
                fx.services().redis->eval(kSeedRedis, {},
                                          {QByteArray::number(concert), QByteArray::number(from),
                                           QByteArray::number(std::min(size, from + kSlice - 1))});
        } else
            seedPostgres(fx, concert, size);

        // Pollers join at the back of the line, then poll (each its own ticket).
        QList<TestUser> pollers = fx.createUsers(connections * 4, 0, u"poller"_s);
        QList<HttpRequest> joins;
        for (const TestUser &u : pollers)
            joins.append(authed("POST", api::concertQueue(concert).toLatin1(), u));
        QList<HttpResponse> joined;
        runHttpClient(u"join"_s, client, joins, connections, 201, &joined);
        for (int i = 0; i < pollers.size(); ++i)
            pollers[i].queueToken = joined[i].json().value(u"token"_s).toString().toLatin1();
        const qint64 lastPosition = joined.last().json().value(u"position"_s).toInteger();
        progress(u"%1 %2: the pollers stand at %3..%4"_s.arg(store)
                     .arg(size)
                     .arg(joined.first().json().value(u"position"_s).toInteger())
                     .arg(lastPosition));

        const auto polls = [&](qint64 n) {
            QList<HttpRequest> reqs;
            reqs.reserve(n);
            for (qint64 i = 0; i < n; ++i)
                reqs.append(
                    authed("GET", api::queueStatus().toLatin1(), pollers[int(i % pollers.size())]));
            return reqs;
        };
        const LoadResult calib
            = runHttpClient(u"calibrate"_s, client, polls(2000), connections, 200);
        Row row;
        row.store = store;
        row.waiting = size;
        row.poll = runHttpClient(
            u"poll"_s, client,
            polls(std::clamp<qint64>(qint64(calib.rate() * seconds), 2000, 300'000)), connections,
            200);
        // Joins at this length: fresh accounts, each joining once.
        const QList<TestUser> joiners = fx.createUsers(2000, 0, u"joiner"_s);
        QList<HttpRequest> joinReqs;
        for (const TestUser &u : joiners)
            joinReqs.append(authed("POST", api::concertQueue(concert).toLatin1(), u));
        row.join = runHttpClient(u"join"_s, client, joinReqs, connections, 201);
        progress(u"%1 %2: poll %3 req/s p99 %4 ms; join %5 req/s p99 %6 ms"_s.arg(store)
                     .arg(size)
                     .arg(row.poll.rate(), 0, 'f', 0)
                     .arg(row.poll.p99Ms, 0, 'f', 1)
                     .arg(row.join.rate(), 0, 'f', 0)
                     .arg(row.join.p99Ms, 0, 'f', 1));
        rows.append(row);
    }
    return rows;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser p;
    p.setApplicationDescription(u"Queue poll and join cost against the queue's length."_s);
    p.addHelpOption();
    p.addOptions({{u"sizes"_s, u"Queue lengths (comma-separated)."_s, u"list"_s,
                   u"1000,10000,100000,1000000"_s},
                  {u"seconds"_s, u"Seconds per poll measurement."_s, u"s"_s, u"3"_s},
                  {u"connections"_s, u"Keep-alive connections."_s, u"n"_s, u"32"_s},
                  {u"store"_s, u"pg, redis or both."_s, u"store"_s, u"both"_s}});
    p.process(app);
    QList<qint64> sizes;
    for (const QString &s : p.value(u"sizes"_s).split(u','))
        sizes.append(s.toLongLong());
    const int seconds = p.value(u"seconds"_s).toInt();
    const int connections = p.value(u"connections"_s).toInt();
    const QString store = p.value(u"store"_s);
    QList<Row> rows;
    if (store != u"redis")
        rows += sweep(u"pg"_s, sizes, seconds, connections);
    if (store != u"pg")
        rows += sweep(u"redis"_s, sizes, seconds, connections);

    QTextStream out(stdout);
    out << "| store | waiting | poll req/s | poll p50 ms | poll p99 ms | join req/s | join p99 ms "
           "| errors |\n|---|---:|---:|---:|---:|---:|---:|---|\n";
    for (const Row &r : rows)
        out << "| " << (r.store == u"pg" ? "PostgreSQL" : "Redis") << " | "
            << QLocale(QLocale::English).toString(r.waiting) << " | "
            << QString::number(r.poll.rate(), 'f', 0) << " | "
            << QString::number(r.poll.p50Ms, 'f', 2) << " | "
            << QString::number(r.poll.p99Ms, 'f', 2) << " | "
            << QString::number(r.join.rate(), 'f', 0) << " | "
            << QString::number(r.join.p99Ms, 'f', 2) << " | "
            << (r.poll.errors.isEmpty() && r.join.errors.isEmpty()
                    ? u"none"_s
                    : u"polls: %1; joins: %2"_s.arg(r.poll.errorText(), r.join.errorText()))
            << " |\n";
    return rows.isEmpty() ? 1 : 0;
}
