// LiveFeed against a real encore-server: seat versions come from one global sequence, so they
// skip numbers; a skip is not a gap (no re-fetch), a reconnect brings a full map by itself, and
// the seat map is polled while the socket is down; a subscription the server refuses (no active
// queue turn) is reported, not dropped. (The server's side: tests/server/tst_livefeed.)
#include "apipaths.h"
#include "models/seatmapmodel.h"
#include "net/apiclient.h"
#include "net/livefeed.h"

#include "fixtures.h"
#include "testserver.h"

#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace encore;
using namespace encore::test;

namespace {
constexpr int kWaitMs = 20'000;
} // namespace

class TestLiveFeedClient final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void skippedVersionsAreNotGaps();
    void reconnectBringsTheFullMap();
    void refusedSubscriptionIsReported();

private:
    // Holds `seats` of `scheduleId` for a fresh admitted user straight over HTTP.
    void holdAs(qint64 concertId, qint64 scheduleId, const QList<int> &seats);

    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<Fixtures> m_fixtures;
    qint64 m_concert = 0;
    qint64 m_otherConcert = 0;
    int m_userCount = 0;
};

void TestLiveFeedClient::initTestCase()
{
    m_server = std::make_unique<TestServer>();
    QVERIFY2(m_server->start(), m_server->output().constData());
    m_fixtures = std::make_unique<Fixtures>(m_server->database());
    m_concert = m_fixtures->createConcert(u"Live Feed Client"_s, 1);
    m_otherConcert = m_fixtures->createConcert(u"Another Show"_s, 1);
}

void TestLiveFeedClient::cleanupTestCase()
{
    m_fixtures.reset();
    m_server.reset();
}

void TestLiveFeedClient::holdAs(qint64 concertId, qint64 scheduleId, const QList<int> &seats)
{
    QList<TestUser> users
        = m_fixtures->createUsers(1, 1'000'000, u"holder%1-"_s.arg(++m_userCount));
    m_fixtures->admit(users, concertId);
    QJsonArray numbers;
    for (int n : seats)
        numbers.append(n);
    HttpRequest request {"POST", api::reservations().toLatin1()};
    request.bearer(users.first().token)
        .queueToken(users.first().queueToken)
        .json({{u"scheduleId"_s, scheduleId}, {u"seats"_s, numbers}});
    const HttpResponse r = m_server->client().send(request);
    QVERIFY2(r.status == 201, r.body.constData());
}

void TestLiveFeedClient::skippedVersionsAreNotGaps()
{
    const qint64 schedule = m_fixtures->schedulesOf(m_concert).first();
    const qint64 otherSchedule = m_fixtures->schedulesOf(m_otherConcert).first();
    QList<TestUser> watcher = m_fixtures->createUsers(1, 0, u"watcher"_s);
    m_fixtures->admit(watcher, m_concert);

    ApiClient api;
    api.setBaseUrl(QUrl(u"http://127.0.0.1:%1"_s.arg(m_server->port())));
    api.setSessionToken(QString::fromLatin1(watcher.first().token));
    api.setQueueToken(QString::fromLatin1(watcher.first().queueToken));
    LiveFeed feed(&api);
    SeatMapModel model;
    connect(&feed, &LiveFeed::seatMapLoaded, &model, &SeatMapModel::setSeatMap);
    connect(&feed, &LiveFeed::seatsChanged, &model,
            [&model](qint64, const QList<Seat> &seats) { model.applySeats(seats); });
    QSignalSpy connected(&feed, &LiveFeed::connectedChanged);
    QSignalSpy loaded(&feed, &LiveFeed::seatMapLoaded);
    QSignalSpy changed(&feed, &LiveFeed::seatsChanged);
    feed.start();
    QTRY_VERIFY_WITH_TIMEOUT(feed.isConnected(), kWaitMs);
    feed.watchSchedule(schedule);
    QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 1, kWaitMs); // the subscription's full map
    QCOMPARE(model.rowCount(), 50);
    const qint64 before = model.version();

    // Another date's changes take numbers from the same sequence: ours skip past them.
    holdAs(m_otherConcert, otherSchedule, {1, 2, 3});
    holdAs(m_otherConcert, otherSchedule, {4});
    holdAs(m_concert, schedule, {7, 8});
    QTRY_VERIFY_WITH_TIMEOUT(model.seat(8) && model.seat(8)->status == SeatStatus::Held, kWaitMs);
    QCOMPARE(model.seat(7)->status, SeatStatus::Held);
    QVERIFY(!model.seat(7)->mine);
    QVERIFY2(model.seat(7)->version > before + 1, "the test needs a version jump to mean anything");
    QCOMPARE(changed.count(), 1);
    // No full map was fetched because of the jump.
    QCOMPARE(loaded.count(), 1);
    QCOMPARE(feed.version(), model.version());

    // A later change on our date still arrives as a delta.
    holdAs(m_concert, schedule, {20});
    QTRY_COMPARE_WITH_TIMEOUT(model.seat(20)->status, SeatStatus::Held, kWaitMs);
    QCOMPARE(loaded.count(), 1);
}

void TestLiveFeedClient::reconnectBringsTheFullMap()
{
    const qint64 schedule = m_fixtures->schedulesOf(m_concert).first();
    QList<TestUser> watcher = m_fixtures->createUsers(1, 0, u"rewatcher"_s);
    m_fixtures->admit(watcher, m_concert);

    ApiClient api;
    api.setBaseUrl(QUrl(u"http://127.0.0.1:%1"_s.arg(m_server->port())));
    api.setSessionToken(QString::fromLatin1(watcher.first().token));
    api.setQueueToken(QString::fromLatin1(watcher.first().queueToken));
    api.setRetryPolicy({1, 100, 100});
    LiveFeed feed(&api);
    feed.setReconnectDelays(100, 300);
    feed.setPollIntervalMs(200);
    SeatMapModel model;
    connect(&feed, &LiveFeed::seatMapLoaded, &model, &SeatMapModel::setSeatMap);
    connect(&feed, &LiveFeed::seatsChanged, &model,
            [&model](qint64, const QList<Seat> &seats) { model.applySeats(seats); });
    QSignalSpy loaded(&feed, &LiveFeed::seatMapLoaded);
    QSignalSpy failed(&feed, &LiveFeed::seatMapFailed);
    feed.start();
    QTRY_VERIFY_WITH_TIMEOUT(feed.isConnected(), kWaitMs);
    feed.watchSchedule(schedule);
    QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 1, kWaitMs);
    QCOMPARE(model.seat(30)->status, SeatStatus::Available);

    m_server->stop();
    QTRY_VERIFY_WITH_TIMEOUT(!feed.isConnected(), kWaitMs);
    // While down the feed polls (and fails quietly as "unavailable").
    QTRY_VERIFY_WITH_TIMEOUT(failed.count() >= 1, kWaitMs);
    // Changed while no server could tell anyone: staff blocked seat 30 by hand.
    m_fixtures->db().exec(u"UPDATE seats SET status = 'BLOCKED', "
                          "version = nextval('seat_version_seq') "
                          "WHERE schedule_id = ? AND number = 30"_s,
                          {schedule});
    const int loadsBefore = int(loaded.count());
    QVERIFY2(m_server->start(), m_server->output().right(2000).constData());
    QTRY_VERIFY_WITH_TIMEOUT(feed.isConnected(), kWaitMs);
    QTRY_VERIFY_WITH_TIMEOUT(loaded.count() > loadsBefore, kWaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(model.seat(30)->status, SeatStatus::Blocked, kWaitMs);
}

void TestLiveFeedClient::refusedSubscriptionIsReported()
{
    // A customer whose turn is not active (a token of another concert): the socket answers the
    // subscription with QUEUE_NOT_ACTIVE, which the feed reports as the map failing.
    const qint64 schedule = m_fixtures->schedulesOf(m_concert).first();
    QList<TestUser> outsider = m_fixtures->createUsers(1, 0, u"outsider"_s);
    m_fixtures->admit(outsider, m_otherConcert);
    ApiClient api;
    api.setBaseUrl(QUrl(u"http://127.0.0.1:%1"_s.arg(m_server->port())));
    api.setSessionToken(QString::fromLatin1(outsider.first().token));
    api.setQueueToken(QString::fromLatin1(outsider.first().queueToken));
    LiveFeed feed(&api);
    QSignalSpy loaded(&feed, &LiveFeed::seatMapLoaded);
    QSignalSpy failed(&feed, &LiveFeed::seatMapFailed);
    feed.start();
    QTRY_VERIFY_WITH_TIMEOUT(feed.isConnected(), kWaitMs);
    feed.watchSchedule(schedule);
    QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, kWaitMs);
    QCOMPARE(failed.first().first().value<ApiError>().code, ErrorCode::QueueNotActive);
    QCOMPARE(loaded.count(), 0);
    QVERIFY(feed.isConnected()); // refused, not disconnected
}

QTEST_GUILESS_MAIN(TestLiveFeedClient)
#include "tst_livefeedclient.moc"
