// A planned switchover (SENTINEL FAILOVER): a RedisClient configured with the sentinels follows
// the new primary without a restart and without losing what it wrote.
// Redis primary SIGKILLed in the middle of a flash sale (HA topology: sentinels, replica):
// the sentinels promote the replica, every instance follows it by itself (no restart), booking
// resumes, no seat is oversold, no user is admitted twice or past maxActive, and every queue
// token a client was given is still known (joins wait for the replica: RedisQueueStore).
// Prints the figures: seconds until booking resumed, requests that had to be retried.
#include "apipaths.h"
#include "bookingrequests.h"
#include "fixtures.h"
#include "hacluster.h"

#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QJsonObject>
#include <QSet>
#include <QTest>
#include <QTimer>

using namespace Qt::StringLiterals;
using namespace encore::test;
namespace api = encore::api;

namespace {

constexpr int kCustomers = 90;
constexpr int kMaxActive = 30;
constexpr int kSeats = 20; // contested by the kMaxActive admitted customers
// "Recovered" means within this bound (generous: detection 1 s + election + reconnection).
constexpr int kRecoveryBoundMs = 30'000;

HttpRequest statusRequest(const TestUser &u)
{
    return HttpRequest {"GET", api::queueStatus().toLatin1(), {}, {}}.bearer(u.token).queueToken(
        u.queueToken);
}

} // namespace

class TestHaRedisFailover final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void plannedSwitchover();
    void primaryKilledDuringFlashSale();

private:
    std::unique_ptr<HaCluster> m_cluster;
    std::unique_ptr<Fixtures> m_fixtures;
};

void TestHaRedisFailover::initTestCase()
{
    m_cluster = std::make_unique<HaCluster>(HaCluster::Options {});
    QVERIFY(m_cluster->start());
    m_fixtures = std::make_unique<Fixtures>(m_cluster->database());
}

void TestHaRedisFailover::plannedSwitchover()
{
    using encore::server::RedisClient;
    RedisClient::Options options;
    for (quint16 port : m_cluster->sentinelPorts())
        options.sentinels.append({"127.0.0.1", port});
    options.masterName = "encore";
    options.password = m_cluster->redisPassword();
    RedisClient client(options);
    QCOMPARE(client.command({"SET", "switchover", "before"}).string, QByteArray("OK"));
    QVERIFY(client.waitForReplica());
    const quint16 before = m_cluster->redisPrimaryPort();

    QElapsedTimer clock;
    clock.start();
    encore::server::RedisClient sentinel(
        u"redis://127.0.0.1:%1"_s.arg(m_cluster->sentinelPorts().first()));
    QCOMPARE(sentinel.command({"SENTINEL", "FAILOVER", "encore"}).string, QByteArray("OK"));
    // Until the switch the old primary answers (or refuses writes, or drops the connection);
    // after it the client finds the new one by itself.
    int failed = 0;
    bool written = false;
    while (!written && clock.elapsed() < kRecoveryBoundMs) {
        try {
            // As the queue store writes: acknowledged unless the write went to a server the
            // sentinels no longer name (then waitForReplica throws).
            if (m_cluster->redisPrimaryPort() != before) {
                client.command({"SET", "switchover", "after"});
                client.waitForReplica();
                written = true;
            }
        } catch (const encore::server::RedisError &) {
            ++failed;
        }
        if (!written)
            QTest::qWait(50); // a client's retry interval, bounded by kRecoveryBoundMs
    }
    const double resumed = clock.elapsed() / 1000.0;
    QVERIFY(written);
    const quint16 after = m_cluster->redisPrimaryPort();
    QVERIFY(after != before);
    QCOMPARE(m_cluster->redis(after, {"GET", "switchover"}).string, QByteArray("after"));
    // The old primary serves as the replica again before the next test fails the new one.
    QDeadlineTimer synced(kRecoveryBoundMs);
    while (
        !m_cluster->redis(before, {"INFO", "replication"}).string.contains("master_link_status:up")
        && !synced.hasExpired())
        QTest::qWait(100);
    QVERIFY(QTest::qWaitFor([&] { return client.waitForReplica(); }, kRecoveryBoundMs));
    qInfo("planned switchover: writes resumed on the new primary after %.1f s (%d commands "
          "failed), replicated again after %.1f s",
          resumed, failed, clock.elapsed() / 1000.0);
}

void TestHaRedisFailover::primaryKilledDuringFlashSale()
{
    const HttpClient http = m_cluster->client();
    const qint64 concert = m_fixtures->createConcert(u"Flash sale, Redis fails over"_s, 1);
    const qint64 schedule = m_fixtures->schedulesOf(concert).first();
    QList<TestUser> users = m_fixtures->createUsers(kCustomers, 500'000, u"rfo"_s);
    // Right after the switchover the instances may still refuse writes with 503 until they see a
    // replica again (a write no replica confirmed could be lost); a client retries, as here.
    QVERIFY(QTest::qWaitFor([&] { return openQueue(http, *m_fixtures, concert, kMaxActive); },
                            kRecoveryBoundMs));

    // Everybody joins; each token handed out is acknowledged (it reached the replica).
    QList<HttpRequest> joins;
    for (const TestUser &u : users)
        joins.append(
            HttpRequest {"POST", api::concertQueue(concert).toLatin1(), {}, {}}.bearer(u.token));
    const QList<HttpResponse> joined = sendRetrying(http, joins).responses;
    for (qsizetype i = 0; i < users.size(); ++i) {
        QVERIFY2(joined[i].status == 201 || joined[i].status == 200, joined[i].body.constData());
        users[i].queueToken = joined[i].json().value(u"token"_s).toString().toLatin1();
    }
    // The admitted customers: exactly maxActive of them, once admission has run.
    QList<TestUser> active;
    QDeadlineTimer admitted(60'000);
    while (active.size() < kMaxActive && !admitted.hasExpired()) {
        QList<HttpRequest> polls;
        for (const TestUser &u : users)
            polls.append(statusRequest(u));
        const QList<HttpResponse> answers = http.pooled(polls, 8);
        active.clear();
        for (qsizetype i = 0; i < users.size(); ++i) {
            if (answers[i].json().value(u"status"_s).toString() == u"ACTIVE")
                active.append(users[i]);
        }
        QVERIFY(active.size() <= kMaxActive);
        if (active.size() < kMaxActive)
            QTest::qWait(100); // the client's poll interval, inside the deadline
    }
    QCOMPARE(active.size(), kMaxActive);

    // The flash sale: every admitted customer wants one of kSeats seats; the Redis primary is
    // killed while the holds are in flight. Clients retry with the same Idempotency-Key.
    const quint16 oldPrimary = m_cluster->redisPrimaryPort();
    QVERIFY(oldPrimary != 0);
    QList<HttpRequest> holds;
    QList<int> wanted;
    for (qsizetype i = 0; i < active.size(); ++i) {
        wanted.append(1 + int(i % kSeats));
        holds.append(
            holdRequest(active[i], schedule, {wanted.last()}, "rfo-hold-" + QByteArray::number(i)));
    }
    QElapsedTimer clock;
    clock.start();
    QTimer::singleShot(10, [&] { m_cluster->killRedis(oldPrimary); });
    const RetriedResponses held = sendRetrying(http, holds, kRecoveryBoundMs);
    const double recovered = clock.elapsed() / 1000.0;
    // Holds decide in PostgreSQL: they may all be answered before the sentinels have agreed the
    // primary is down (down-after-milliseconds). The promotion itself must still come.
    quint16 newPrimary = 0;
    QVERIFY(QTest::qWaitFor(
        [&] {
            newPrimary = m_cluster->redisPrimaryPort();
            return newPrimary != 0 && newPrimary != oldPrimary;
        },
        kRecoveryBoundMs));
    qInfo("Redis primary killed during %d holds: booking resumed after %.1f s; %d of %d requests "
          "had to be retried (%d rounds); final answers %s; primary %u -> %u",
          int(holds.size()), recovered, held.retried, int(holds.size()), held.rounds,
          qPrintable(describe(tally(held.responses))), oldPrimary, newPrimary);
    QVERIFY2(newPrimary != 0 && newPrimary != oldPrimary, "the sentinels promoted no replica");

    // No seat oversold: one winner per seat, every loser told SEAT_UNAVAILABLE.
    const QMap<int, int> counts = tally(held.responses);
    QCOMPARE(counts.value(201), kSeats);
    QCOMPARE(counts.value(409), kMaxActive - kSeats);
    QSet<int> won;
    for (qsizetype i = 0; i < holds.size(); ++i) {
        if (held.responses[i].status == 201)
            QVERIFY2(!won.contains(wanted[i]), "two holds won one seat");
        if (held.responses[i].status == 201)
            won.insert(wanted[i]);
    }
    QCOMPARE(m_fixtures
                 ->scalar(u"SELECT count(*) FROM seats WHERE schedule_id = ? AND status = 'HELD'"_s,
                          {schedule})
                 .toInt(),
             kSeats);
    QCOMPARE(
        m_fixtures->scalar(u"SELECT count(*) FROM reservations WHERE schedule_id = ?"_s, {schedule})
            .toInt(),
        kSeats);

    // Every token a client was given survived the failover (nobody lost their place).
    QList<HttpRequest> polls;
    for (const TestUser &u : users)
        polls.append(statusRequest(u));
    // Right after the promotion the new primary has no replica yet and the instances refuse
    // writes with 503 (a poll may admit, which writes): a client retries those, as here. A lost
    // token would answer 404, which is never retried.
    const QList<HttpResponse> after = sendRetrying(http, polls, kRecoveryBoundMs).responses;
    int unknown = 0;
    int stillActive = 0;
    for (const HttpResponse &r : after) {
        unknown += r.status == 200 ? 0 : 1;
        stillActive += r.json().value(u"status"_s).toString() == u"ACTIVE" ? 1 : 0;
    }
    qInfo("after the failover: %d of %d tokens not answered 200 (%s), %d active (maxActive %d)",
          unknown, int(users.size()), qPrintable(describe(tally(after))), stillActive, kMaxActive);
    QCOMPARE(unknown, 0);
    QVERIFY(stillActive <= kMaxActive);

    // On the promoted primary: never more than maxActive active, nobody admitted twice.
    const QByteArray prefix = "encore:q:" + QByteArray::number(concert);
    const qint64 activeNow
        = m_cluster->redis(newPrimary, {"ZCARD", prefix + ":active"}).toInteger();
    QVERIFY(activeNow <= kMaxActive);
    const auto admissions
        = m_cluster->redis(newPrimary, {"ZRANGE", prefix + ":admissions", "0", "-1"}).array;
    QSet<QByteArray> admittedUsers;
    for (const auto &member : admissions) {
        const QByteArray user = member.string.mid(member.string.indexOf(':') + 1);
        QVERIFY2(!admittedUsers.contains(user), "a user was admitted twice");
        admittedUsers.insert(user);
    }
    QVERIFY(admittedUsers.size() >= kMaxActive);
}

QTEST_GUILESS_MAIN(TestHaRedisFailover)
#include "tst_haredisfailover.moc"
