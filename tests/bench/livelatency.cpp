// encore-live-bench: how long a seat change takes to reach WebSocket subscribers. Starts a server
// on a private database, connects N subscribers (default 500) to one date, makes holds one at a
// time over HTTP and records, for every subscriber, the time from sending the hold request to
// receiving the change. The request is sent before the commit, so the figures bound the
// commit-to-subscriber latency from above.
#include "fixtures.h"
#include "testserver.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTimer>
#include <QWebSocket>

#include <algorithm>
#include <cstdio>

using namespace Qt::StringLiterals;
using namespace encore::test;

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

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const int subscribers = argc > 1 ? QByteArray(argv[1]).toInt() : 500;
    const int changes = argc > 2 ? QByteArray(argv[2]).toInt() : 40;

    TestServer server({u"--hold-seconds"_s, u"600"_s});
    if (!server.start()) {
        std::fprintf(stderr, "server did not start\n");
        return 1;
    }
    Fixtures fx(server.database());
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
    int ready = 0;
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
        raw->open(QUrl(u"ws://127.0.0.1:%1/api/v1/live"_s.arg(server.port())));
        sockets.push_back(std::move(ws));
    }
    waitUntil([&] { return ready == subscribers; }, 60'000);
    std::printf("subscribers ready: %d of %d\n", ready, subscribers);

    std::vector<double> latencies;
    int delivered = 0;
    const HttpClient http = server.client();
    for (int c = 0; c < changes; ++c) {
        const int seat = c + 1;
        HttpRequest hold {"POST", "/api/v1/reservations", {}, {}};
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
        for (const auto &h : seen) {
            if (h.contains(seat)) {
                ++delivered;
                latencies.push_back(double(h.value(seat) - sent) / 1e6);
            }
        }
    }
    std::printf("\n| subscribers | changes | delivered | p50 ms | p99 ms | max ms "
                "|\n|---|---|---|---|---|---|\n");
    std::printf("| %d | %d | %d of %d | %.1f | %.1f | %.1f |\n", subscribers, changes, delivered,
                subscribers * changes, percentile(latencies, 0.50), percentile(latencies, 0.99),
                percentile(latencies, 1.0));
    sockets.clear();
    server.stop();
    return delivered == subscribers * changes ? 0 : 1;
}
