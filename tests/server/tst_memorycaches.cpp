// Reads from memory, correct to the commit (issue 13): two instances on one database, each with
// its own in-process session and turn caches. Every event that ends a session or a turn (logout,
// expiry, payment) reaches the other instance's cache through its listener well inside the
// caches' own bound (AuthService::kSessionCacheMs, QueueService::kTurnCacheMs: the waits below
// are shorter), an admission is seen at once, and a seat the in-process seat copy wrongly shows
// free falls through to the guarded UPDATE.
#include "apipaths.h"
#include "auth/authservice.h"
#include "fixtures.h"
#include "queue/queueservice.h"
#include "testserver.h"

#include <QJsonArray>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace encore;
using namespace encore::test;

namespace {
// Shorter than both caches' bound: passing proves the listener, not the time-out, did it.
constexpr int kNoticeWaitMs = 2'000;
static_assert(kNoticeWaitMs < server::AuthService::kSessionCacheMs);
static_assert(kNoticeWaitMs < server::QueueService::kTurnCacheMs);

QByteArray path(const QString &p)
{
    return p.toUtf8();
}
} // namespace

class TestMemoryCaches final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void logoutReachesEveryInstance();
    void sessionExpiryEndsCachedSession();
    void admissionIsSeenAtOnce();
    void paymentEndsCachedTurnEverywhere();
    void turnExpiryEndsCachedTurn();
    void seatShownFreeFallsThroughToGuard();

private:
    HttpResponse status(const TestServer &server, const TestUser &u) const;
    HttpResponse hold(const TestServer &server, const TestUser &u, int seat) const;

    std::unique_ptr<TestServer> m_a;
    std::unique_ptr<TestServer> m_b;
    std::unique_ptr<Fixtures> m_fx;
    qint64 m_concert = 0;
    qint64 m_schedule = 0;
};

void TestMemoryCaches::initTestCase()
{
    m_a = std::make_unique<TestServer>();
    QVERIFY(m_a->start());
    m_b = std::make_unique<TestServer>(m_a->database(), QStringList {});
    QVERIFY(m_b->start());
    m_fx = std::make_unique<Fixtures>(m_a->database());
    m_concert = m_fx->createConcert(u"Caches"_s, 1);
    m_schedule = m_fx->schedulesOf(m_concert).first();
}

HttpResponse TestMemoryCaches::status(const TestServer &server, const TestUser &u) const
{
    HttpRequest r {"GET", path(api::queueStatus()), {}, {}};
    return server.client().send(r.bearer(u.token).queueToken(u.queueToken));
}

HttpResponse TestMemoryCaches::hold(const TestServer &server, const TestUser &u, int seat) const
{
    HttpRequest r {"POST", path(api::reservations()), {}, {}};
    r.bearer(u.token)
        .queueToken(u.queueToken)
        .json({{u"scheduleId"_s, m_schedule}, {u"seats"_s, QJsonArray {seat}}});
    return server.client().send(r);
}

void TestMemoryCaches::logoutReachesEveryInstance()
{
    QList<TestUser> users = m_fx->createUsers(1, 0, u"logout"_s);
    m_fx->admit(users, m_concert);
    const TestUser &u = users.first();
    QCOMPARE(status(*m_b, u).status, 200); // B now holds the session (and the turn)
    QCOMPARE(status(*m_a, u).status, 200);
    QCOMPARE(m_a->client().post(path(api::authLogout()), {}, u.token).status, 204);
    QCOMPARE(status(*m_a, u).status, 401); // the instance that logged out: at once
    QTRY_COMPARE_WITH_TIMEOUT(status(*m_b, u).status, 401, kNoticeWaitMs);
    QCOMPARE(status(*m_b, u).errorCode(), u"UNAUTHENTICATED"_s);
}

void TestMemoryCaches::sessionExpiryEndsCachedSession()
{
    QList<TestUser> users = m_fx->createUsers(1, 0, u"expiry"_s);
    m_fx->admit(users, m_concert);
    const TestUser &u = users.first();
    m_fx->scalar(u"UPDATE sessions SET expires_at = now() + interval '1 second' "
                 "WHERE user_id = ?::uuid"_s,
                 {u.id.toString(QUuid::WithoutBraces)});
    QCOMPARE(status(*m_b, u).status, 200); // cached with its expiry
    // No notice for an expiry: the cached copy knows when the session ends.
    QTRY_COMPARE_WITH_TIMEOUT(status(*m_b, u).status, 401, 1'000 + kNoticeWaitMs);
}

void TestMemoryCaches::admissionIsSeenAtOnce()
{
    const qint64 concert = m_fx->createConcert(u"One at a time"_s, 1);
    m_fx->scalar(u"INSERT INTO queue_settings(concert_id, max_active, admit_per_minute, "
                 "active_ttl_seconds) VALUES (?, 1, 1000, 600) ON CONFLICT (concert_id) DO "
                 "UPDATE SET max_active = 1, admit_per_minute = 1000, paused = false"_s,
                 {concert});
    QList<TestUser> users = m_fx->createUsers(2, 0, u"admission"_s);
    for (TestUser &u : users) {
        const HttpResponse joined
            = m_a->client().post(path(api::concertQueue(concert)), {}, u.token);
        QVERIFY2(joined.status == 201, joined.body.constData());
        u.queueToken = joined.json().value(u"token"_s).toString().toLatin1();
    }
    QCOMPARE(status(*m_b, users[0]).json().value(u"status"_s).toString(), u"ACTIVE"_s);
    QCOMPARE(status(*m_b, users[1]).json().value(u"status"_s).toString(), u"WAITING"_s);
    // The first leaves; the admission tick lets the second in, and B answers it as ACTIVE.
    HttpRequest leave {"DELETE", path(api::queue()), {}, {}};
    QCOMPARE(
        m_a->client().send(leave.bearer(users[0].token).queueToken(users[0].queueToken)).status,
        204);
    QTRY_COMPARE_WITH_TIMEOUT(status(*m_b, users[1]).json().value(u"status"_s).toString(),
                              u"ACTIVE"_s, 5'000);
    QCOMPARE(status(*m_b, users[0]).status, 404); // the one who left: no turn, on B too
}

void TestMemoryCaches::paymentEndsCachedTurnEverywhere()
{
    QList<TestUser> users = m_fx->createUsers(1, 1'000'000, u"payer"_s);
    m_fx->admit(users, m_concert);
    const TestUser &u = users.first();
    const HttpResponse held = hold(*m_a, u, 1);
    QVERIFY2(held.status == 201, held.body.constData());
    QCOMPARE(status(*m_b, u).json().value(u"status"_s).toString(), u"ACTIVE"_s); // cached on B
    HttpRequest pay {"POST", path(api::payments()), {}, {}};
    pay.bearer(u.token)
        .queueToken(u.queueToken)
        .idempotencyKey("cache-pay-1")
        .json({{u"reservationId"_s,
                held.json().value(u"reservation"_s).toObject().value(u"id"_s).toString()}});
    QCOMPARE(m_a->client().send(pay).status, 201);
    QCOMPARE(status(*m_a, u).status, 404); // the paying instance: at once
    QTRY_COMPARE_WITH_TIMEOUT(status(*m_b, u).status, 404, kNoticeWaitMs);
    QCOMPARE(hold(*m_b, u, 2).errorCode(), u"QUEUE_NOT_ACTIVE"_s);
}

void TestMemoryCaches::turnExpiryEndsCachedTurn()
{
    QList<TestUser> users = m_fx->createUsers(1, 0, u"turnend"_s);
    m_fx->admit(users, m_concert, 1);
    const TestUser &u = users.first();
    QCOMPARE(status(*m_b, u).json().value(u"status"_s).toString(), u"ACTIVE"_s); // cached
    // No notice for an expiry: the cached turn knows when it ends.
    QTRY_COMPARE_WITH_TIMEOUT(status(*m_b, u).status, 404, 1'000 + kNoticeWaitMs);
    QCOMPARE(hold(*m_b, u, 3).errorCode(), u"QUEUE_NOT_ACTIVE"_s);
}

void TestMemoryCaches::seatShownFreeFallsThroughToGuard()
{
    QList<TestUser> users = m_fx->createUsers(2, 1'000'000, u"guard"_s);
    m_fx->admit(users, m_concert);
    const int seat = 40;
    HttpRequest map {"GET", path(api::scheduleSeats(m_schedule)), {}, {}};
    QCOMPARE(m_b->client().send(map.bearer(users[0].token).queueToken(users[0].queueToken)).status,
             200); // B's copy of the seats: all free
    // The seat is taken behind the caches' back (no notice), so B's copy still shows it free
    // (for at most its bound); a hold through B must then lose at the guarded UPDATE.
    m_fx->db().transact([&] {
        m_fx->db().exec(u"SELECT set_config('encore.caller_announces', 'on', true)"_s);
        m_fx->db().exec(u"UPDATE seats SET status = 'BLOCKED', version = "
                        "nextval('seat_version_seq') WHERE schedule_id = ? AND number = ?"_s,
                        {m_schedule, seat});
    });
    const HttpResponse lost = hold(*m_b, users[1], seat);
    QCOMPARE(lost.status, 409);
    QCOMPARE(lost.errorCode(), u"SEAT_UNAVAILABLE"_s);
    QCOMPARE(m_fx->scalar(u"SELECT count(*) FROM reservation_seats WHERE schedule_id = ? "
                          "AND number = ?"_s,
                          {m_schedule, seat})
                 .toLongLong(),
             0);
    QCOMPARE(m_fx->scalar(u"SELECT status FROM seats WHERE schedule_id = ? AND number = ?"_s,
                          {m_schedule, seat})
                 .toString(),
             u"BLOCKED"_s);
}

QTEST_GUILESS_MAIN(TestMemoryCaches)
#include "tst_memorycaches.moc"
