// encore-live-bench: how long a seat change takes to reach WebSocket subscribers. Starts two
// servers on one private database, connects N subscribers to one date on the first, makes holds
// one at a time over HTTP on the second (so every change crosses instances through PostgreSQL)
// and records, for every subscriber, the time from sending the hold request to receiving the
// change. The request is sent before the commit, so the figures bound the commit-to-subscriber
// latency from above. One row per subscriber count of the sweep.
#include "apipaths.h"
#include "fixtures.h"
#include "testserver.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTimer>
#include <QWebSocket>

#include <sys/resource.h>

#include <algorithm>
#include <cstdio>

using namespace Qt::StringLiterals;
using namespace encore::test;
namespace api = encore::api;

namespace {

double percentile(std::vector<double> v, double p)
{
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    return v[std::min(v.size() - 1, std::size_t(p * double(v.size())))];
}

void waitUntil(const std::function<bool()> &done, int timeoutMs)
{
    QElapsedTimer t;
    t.start();
    while (!done() && t.elapsed() < timeoutMs)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
}

struct Sweep {
    int subscribers = 0;
    int changes = 0;
    int ready = 0;
    int delivered = 0;
    std::vector<double> latencies;
};

// `subscribers` WebSocket clients of `watchServer` watch one fresh date; `changes` holds are made
// one after another through `writeServer` (another instance: the change crosses PostgreSQL).
Sweep measure(Fixtures &fx, const TestServer &watchServer, const TestServer &writeServer,
              int subscribers, int changes)
{
    Sweep out;
    out.subscribers = subscribers;
    out.changes = changes;
    const qint64 concert = fx.createConcert(u"Live bench"_s, 1);
    const qint64 schedule = fx.schedulesOf(concert).first();
    QList<TestUser> watchers = fx.createUsers(subscribers, 0, u"watch"_s);
    QList<TestUser> buyers = fx.createUsers(changes, 10'000'000, u"buy"_s);
    fx.admit(buyers, concert);
    fx.admit(watchers, concert); // the seats are shown only to an admitted customer

    // Every subscriber records when it saw each seat become HELD.
    std::vector<std::unique_ptr<QWebSocket>> sockets;
    std::vector<QHash<int, qint64>> seen(static_cast<std::size_t>(subscribers));
    QElapsedTimer clock;
    clock.start();
    int &ready = out.ready;
    for (int i = 0; i < subscribers; ++i) {
        auto ws = std::make_unique<QWebSocket>();
        QWebSocket *raw = ws.get();
        QObject::connect(raw, &QWebSocket::connected, raw, [raw, i, &watchers, schedule] {
            raw->sendTextMessage(QString::fromUtf8(
                QJsonDocument(QJsonObject {{u"type"_s, u"auth"_s},
                                           {u"token"_s, QString::fromLatin1(watchers[i].token)}})
                    .toJson(QJsonDocument::Compact)));
            raw->sendTextMessage(QString::fromUtf8(
                QJsonDocument(
                    QJsonObject {{u"type"_s, u"subscribe"_s},
                                 {u"scheduleId"_s, schedule},
                                 {u"queueToken"_s, QString::fromLatin1(watchers[i].queueToken)}})
                    .toJson(QJsonDocument::Compact)));
        });
        QObject::connect(raw, &QWebSocket::textMessageReceived, raw, [&, i](const QString &text) {
            const QJsonObject m = QJsonDocument::fromJson(text.toUtf8()).object();
            if (m.value(u"full"_s).toBool()) {
                ++ready;
                return;
            }
            for (const QJsonValue &v : m.value(u"seats"_s).toArray()) {
                const QJsonObject s = v.toObject();
                if (s.value(u"status"_s).toString() == u"HELD")
                    seen[std::size_t(i)].insert(s.value(u"number"_s).toInt(), clock.nsecsElapsed());
            }
        });
        raw->open(QUrl(u"ws://127.0.0.1:%1"_s.arg(watchServer.port()) + api::live()));
        sockets.push_back(std::move(ws));
        if (i % 200 == 199) // let the handshakes of a big crowd proceed as it connects
            QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
    }
    waitUntil([&] { return ready == subscribers; }, 120'000);
    std::fprintf(stderr, "[live] subscribers ready: %d of %d\n", ready, subscribers);

    const HttpClient http = writeServer.client();
    for (int c = 0; c < changes; ++c) {
        const int seat = c + 1;
        HttpRequest hold {"POST", api::reservations().toLatin1(), {}, {}};
        hold.bearer(buyers[c].token)
            .queueToken(buyers[c].queueToken)
            .json({{u"scheduleId"_s, schedule}, {u"seats"_s, QJsonArray {seat}}});
        const qint64 sent = clock.nsecsElapsed();
        if (http.send(hold).status != 201)
            std::fprintf(stderr, "hold %d failed\n", seat);
        waitUntil(
            [&] {
                return std::all_of(seen.begin(), seen.end(),
                                   [seat](const auto &h) { return h.contains(seat); });
            },
            10'000);
        double slowest = 0;
        for (const auto &h : seen) {
            if (h.contains(seat)) {
                ++out.delivered;
                out.latencies.push_back(double(h.value(seat) - sent) / 1e6);
                slowest = std::max(slowest, out.latencies.back());
            }
        }
        if (qEnvironmentVariableIsSet("LIVE_BENCH_TRACE"))
            std::fprintf(stderr, "[live] change %d: slowest %.1f ms\n", seat, slowest);
    }
    for (auto &ws : sockets)
        ws->abort();
    return out;
}

} // namespace

// encore-live-bench [subscriber counts, comma-separated] [changes]: e.g. 100,1000,10000 50.
int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QList<int> counts;
    for (const QByteArray &n : QByteArray(argc > 1 ? argv[1] : "500").split(','))
        counts.append(std::max(1, n.toInt()));
    const int changes = std::clamp(argc > 2 ? QByteArray(argv[2]).toInt() : 40, 1, 50);

    // 10,000 subscribers from one address: lift the per-address cap; each socket is a
    // descriptor here and one in the server (RLIMIT_NOFILE is raised to its hard limit).
    rlimit files {};
    if (getrlimit(RLIMIT_NOFILE, &files) == 0) {
        files.rlim_cur = files.rlim_max;
        setrlimit(RLIMIT_NOFILE, &files);
    }
    const QStringList args {u"--hold-seconds"_s,
                            u"600"_s,
                            u"--max-connections"_s,
                            u"30000"_s,
                            u"--max-connections-per-address"_s,
                            u"30000"_s};
    TestServer watchServer(args);
    if (!watchServer.start()) {
        std::fprintf(stderr, "server did not start\n");
        return 1;
    }
    TestServer writeServer(watchServer.database(), args);
    if (!writeServer.start()) {
        std::fprintf(stderr, "second server did not start\n");
        return 1;
    }
    Fixtures fx(watchServer.database());
    bool all = true;
    std::printf("\n| subscribers | changes | delivered | p50 ms | p99 ms | max ms "
                "|\n|---|---|---|---|---|---|\n");
    for (int subscribers : counts) {
        const Sweep r = measure(fx, watchServer, writeServer, subscribers, changes);
        std::printf("| %d | %d | %d of %d | %.1f | %.1f | %.1f |\n", subscribers, changes,
                    r.delivered, subscribers * changes, percentile(r.latencies, 0.50),
                    percentile(r.latencies, 0.99), percentile(r.latencies, 1.0));
        std::fflush(stdout);
        all = all && r.delivered == subscribers * changes;
    }
    writeServer.stop();
    watchServer.stop();
    return all ? 0 : 1;
}
