// The snapshot cache (--redis): a seat map read after a committed change shows it — at once on
// the instance that wrote it, within the stated bound (SnapshotCache::kSeatMapBoundMs, 1 s)
// anywhere — and a stale snapshot planted in Redis (the reader/invalidation race) is gone
// within that bound.
#include "apipaths.h"
#include "cache/snapshotcache.h"
#include "fixtures.h"
#include "services/services.h"
#include "testredis.h"
#include "testserver.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace encore::test;
namespace api = encore::api;

namespace {
// The bound under test is the cache's TTL; the slack covers one poll of a loaded test machine.
constexpr int kSlackMs = 500;
} // namespace

class TestSnapshotCache final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void writerReadsItsOwnChange();
    void sharedMapMarksOnlyTheViewersOwn();
    void otherInstanceSeesChangeWithinBound();
    void staleSnapshotExpiresWithinTtl();

private:
    QJsonObject seat(const TestServer &server, const TestUser &viewer, int seat);
    QString seatStatus(const TestServer &server, const TestUser &viewer, int seat);
    std::unique_ptr<TestServer> m_first;
    std::unique_ptr<TestServer> m_second;
    std::unique_ptr<Fixtures> m_fx;
    qint64 m_schedule = 0;
    QList<TestUser> m_users;
};

void TestSnapshotCache::initTestCase()
{
    qputenv("ENCORE_TEST_REDIS", "1"); // both instances share one Redis
    m_first = std::make_unique<TestServer>();
    QVERIFY(m_first->start());
    m_second = std::make_unique<TestServer>(m_first->database(), QStringList {});
    QVERIFY(m_second->start());
    m_fx = std::make_unique<Fixtures>(m_first->database());
    const qint64 concert = m_fx->createConcert(u"Cache"_s, 1);
    m_schedule = m_fx->schedulesOf(concert).first();
    m_users = m_fx->createUsers(3, 1'000'000, u"cache"_s);
    m_fx->admit(m_users, concert);
    QVERIFY(m_fx->services().cache.enabled());
}

QJsonObject TestSnapshotCache::seat(const TestServer &server, const TestUser &viewer, int seat)
{
    HttpRequest r {"GET", api::scheduleSeats(m_schedule).toLatin1(), {}, {}};
    const HttpResponse map
        = server.client().send(r.bearer(viewer.token).queueToken(viewer.queueToken));
    return map.json().value(u"seats"_s).toArray().at(seat - 1).toObject();
}

QString TestSnapshotCache::seatStatus(const TestServer &server, const TestUser &viewer, int seat)
{
    return this->seat(server, viewer, seat).value(u"status"_s).toString();
}

void TestSnapshotCache::writerReadsItsOwnChange()
{
    QCOMPARE(seatStatus(*m_first, m_users[0], 3), u"AVAILABLE"_s); // now cached
    HttpRequest hold {"POST", api::reservations().toLatin1(), {}, {}};
    hold.bearer(m_users[0].token)
        .queueToken(m_users[0].queueToken)
        .json({{u"scheduleId"_s, m_schedule}, {u"seats"_s, QJsonArray {3}}});
    QCOMPARE(m_first->client().send(hold).status, 201);
    // No waiting: the writer's instance dropped the snapshot after its commit.
    QCOMPARE(seatStatus(*m_first, m_users[0], 3), u"HELD"_s);
}

// Viewers who hold nothing share one encoded map (ConcertService::seatMapBody); the holder's
// own map is built for them. Reading in the order other, holder, other shows that neither leaks
// into the other.
void TestSnapshotCache::sharedMapMarksOnlyTheViewersOwn()
{
    const QJsonObject seenByOther = seat(*m_first, m_users[1], 3); // m_users[0] holds seat 3
    QCOMPARE(seenByOther.value(u"status"_s).toString(), u"HELD"_s);
    QCOMPARE(seenByOther.value(u"mine"_s).toBool(), false);
    QVERIFY(!seenByOther.value(u"heldUntil"_s).isNull());
    QCOMPARE(seat(*m_first, m_users[0], 3).value(u"mine"_s).toBool(), true);
    QCOMPARE(seat(*m_first, m_users[1], 3), seenByOther);
    QCOMPARE(seat(*m_first, m_users[2], 3), seenByOther);
}

void TestSnapshotCache::otherInstanceSeesChangeWithinBound()
{
    QCOMPARE(seatStatus(*m_second, m_users[1], 4),
             u"AVAILABLE"_s); // cached via the second instance
    HttpRequest hold {"POST", api::reservations().toLatin1(), {}, {}};
    hold.bearer(m_users[2].token)
        .queueToken(m_users[2].queueToken)
        .json({{u"scheduleId"_s, m_schedule}, {u"seats"_s, QJsonArray {4}}});
    QElapsedTimer sinceCommit;
    QCOMPARE(m_first->client().send(hold).status, 201);
    sinceCommit.start();
    QTRY_COMPARE_WITH_TIMEOUT(seatStatus(*m_second, m_users[1], 4), u"HELD"_s, 5000);
    QVERIFY2(sinceCommit.elapsed() <= encore::server::SnapshotCache::kSeatMapBoundMs + kSlackMs,
             qPrintable(u"seen after %1 ms"_s.arg(sinceCommit.elapsed())));
}

void TestSnapshotCache::staleSnapshotExpiresWithinTtl()
{
    // A reader that loaded the seats just before a commit and stored them just after the
    // invalidation leaves a stale snapshot in Redis: plant one (seat 9 SOLD, which it is not) and
    // read it through an instance whose own in-process copy is still empty.
    TestServer fresh(m_first->database(), {});
    QVERIFY(fresh.start());
    const QByteArray key = encore::server::SnapshotCache::seatMapKey(m_schedule);
    auto &redis = *m_fx->services().redis;
    // A read puts the snapshot in Redis once the first instance re-reads the date (its own copy
    // takes seat notices in rather than being dropped, so it lives out its TTL first).
    QTRY_VERIFY_WITH_TIMEOUT(seatStatus(*m_first, m_users[0], 9) == u"AVAILABLE"_s
                                 && !redis.command({"GET", key}).string.isEmpty(),
                             5000);
    QByteArray stale = redis.command({"GET", key}).string;
    QVERIFY(!stale.isEmpty());
    const qsizetype at = stale.indexOf("[9,");
    QVERIFY(at >= 0);
    const qsizetype statusAt = stale.indexOf("\"AVAILABLE\"", at);
    stale.replace(statusAt, int(qstrlen("\"AVAILABLE\"")), "\"SOLD\"");
    redis.command({"SET", key, stale, "PX",
                   QByteArray::number(encore::server::SnapshotCache::kSeatMapTtlMs)});
    QElapsedTimer planted;
    planted.start();
    QCOMPARE(seatStatus(fresh, m_users[0], 9), u"SOLD"_s); // the cache is really read
    QTRY_COMPARE_WITH_TIMEOUT(seatStatus(fresh, m_users[0], 9), u"AVAILABLE"_s, 5000);
    QVERIFY2(planted.elapsed() <= encore::server::SnapshotCache::kSeatMapBoundMs + kSlackMs,
             qPrintable(u"stale for %1 ms"_s.arg(planted.elapsed())));
}

QTEST_GUILESS_MAIN(TestSnapshotCache)
#include "tst_snapshotcache.moc"
