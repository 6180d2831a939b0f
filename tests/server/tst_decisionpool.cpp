// The decision pool (issue 13): holds, payments and queue joins wait for their commit on a
// WorkPool thread, not on the HTTP worker. With one worker and a decision blocked in PostgreSQL
// (a row lock held by the test), the worker still answers other requests, and the decision then
// completes with its normal answer. A second hold of a seat whose hold is being decided is refused
// at once (SeatClaims) rather than queued on the seat's row lock. And the pool itself: bounded,
// its threads' exit hook, drained on shutdown.
#include "apipaths.h"
#include "fixtures.h"
#include "http/workpool.h"
#include "storage/database.h"
#include "testserver.h"

#include <QJsonArray>
#include <QTest>

#include <future>
#include <latch>

using namespace Qt::StringLiterals;
using namespace encore;
using namespace encore::test;
using namespace std::chrono_literals;

namespace {

// Long enough for an answer from an idle server; a worker held by a decision would not answer
// until the lock goes (the test would fail here instead of hanging).
constexpr int kAnswerMs = 10'000;

QByteArray path(const QString &p)
{
    return p.toUtf8();
}

// A transaction on a connection of its own that holds row locks until release().
class RowLock {
public:
    RowLock(const server::ConnectionParams &db, const QString &lockSql, const QVariantList &values)
        : m_db(db)
    {
        m_db.execScript(u"BEGIN"_s);
        m_db.exec(lockSql, values);
    }
    ~RowLock() { release(); }
    void release()
    {
        if (m_open)
            m_db.execScript(u"COMMIT"_s);
        m_open = false;
        m_db.closeThreadConnection();
    }

private:
    server::Database m_db;
    bool m_open = true;
};

server::WorkPool::Options poolOptions(int threads, int queueLimit,
                                      std::function<void()> atExit = {})
{
    return {u"test"_s, threads, queueLimit, ApiError(ErrorCode::Unavailable), std::move(atExit)};
}

} // namespace

class TestDecisionPool final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void workerServesWhileADecisionWaits_data();
    void workerServesWhileADecisionWaits();
    void aSeatBeingDecidedIsRefusedAtOnce();
    void poolRefusesBeyondItsBound();
    void aBurstGetsAThreadPerTask();
    void everyPoolThreadRunsItsExitHook();
    void drainedPoolRefusesWork();

private:
    HttpRequest holdRequest(const TestUser &u, int seat) const;
    HttpResponse send(const HttpRequest &request) const;
    // Sends `request` from another thread: the answer comes when the decision is done.
    std::future<HttpResponse> sendLater(const HttpRequest &request) const;
    // The worker is free: /healthz and an authenticated read both answer.
    void expectWorkerAnswers(const TestUser &u) const;
    // True once the decision sent waits for the test's lock in PostgreSQL (seen there, not
    // guessed).
    bool oneBackendWaitsForALock() const;

    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<Fixtures> m_fx;
    qint64 m_concert = 0;
    qint64 m_schedule = 0;
};

void TestDecisionPool::initTestCase()
{
    // One worker: if a decision held it, nothing else on the server could answer.
    m_server = std::make_unique<TestServer>(QStringList {u"--workers"_s, u"1"_s});
    QVERIFY(m_server->start());
    m_fx = std::make_unique<Fixtures>(m_server->database());
    m_concert = m_fx->createConcert(u"Decisions"_s, 1);
    m_schedule = m_fx->schedulesOf(m_concert).first();
}

HttpRequest TestDecisionPool::holdRequest(const TestUser &u, int seat) const
{
    HttpRequest r {"POST", path(api::reservations()), {}, {}};
    r.bearer(u.token)
        .queueToken(u.queueToken)
        .json({{u"scheduleId"_s, m_schedule}, {u"seats"_s, QJsonArray {seat}}});
    return r;
}

HttpResponse TestDecisionPool::send(const HttpRequest &request) const
{
    return m_server->client().pooled({request}, 1, kAnswerMs).value(0);
}

std::future<HttpResponse> TestDecisionPool::sendLater(const HttpRequest &request) const
{
    const HttpClient client = m_server->client();
    return std::async(std::launch::async, [client, request] { return client.send(request); });
}

void TestDecisionPool::expectWorkerAnswers(const TestUser &u) const
{
    QCOMPARE(send({"GET", path(api::healthz()), {}, {}}).status, 200);
    HttpRequest status {"GET", path(api::queueStatus()), {}, {}};
    QCOMPARE(send(status.bearer(u.token).queueToken(u.queueToken)).status, 200);
}

bool TestDecisionPool::oneBackendWaitsForALock() const
{
    return m_fx->scalar(u"SELECT count(*) FROM pg_stat_activity "
                        "WHERE datname = current_database() AND wait_event_type = 'Lock'"_s)
               .toInt()
        == 1;
}

void TestDecisionPool::workerServesWhileADecisionWaits_data()
{
    QTest::addColumn<QString>("decision");
    QTest::newRow("hold") << u"hold"_s;
    QTest::newRow("payment") << u"payment"_s;
    QTest::newRow("queue join") << u"join"_s;
}

void TestDecisionPool::workerServesWhileADecisionWaits()
{
    QFETCH(QString, decision);
    static int round = 0;
    const int seat = 1 + round++;
    QList<TestUser> users = m_fx->createUsers(1, 1'000'000, u"waiter-%1-"_s.arg(decision));
    m_fx->admit(users, m_concert);
    const TestUser &u = users.first();
    const QString user = u.id.toString(QUuid::WithoutBraces);

    HttpRequest request;
    std::unique_ptr<RowLock> lock;
    if (decision == u"hold") {
        request = holdRequest(u, seat);
        // encore_hold locks the customer's wallet row first.
        lock = std::make_unique<RowLock>(
            m_server->database(), u"SELECT 1 FROM wallets WHERE user_id = ?::uuid FOR UPDATE"_s,
            QVariantList {user});
    } else if (decision == u"payment") {
        const HttpResponse held = send(holdRequest(u, seat));
        QVERIFY2(held.status == 201, held.body.constData());
        request = {"POST", path(api::payments()), {}, {}};
        request.bearer(u.token)
            .queueToken(u.queueToken)
            .idempotencyKey(QUuid::createUuid().toByteArray(QUuid::WithoutBraces))
            .json({{u"reservationId"_s,
                    held.json().value(u"reservation"_s).toObject().value(u"id"_s).toString()}});
        // encore_pay locks the reservation's row first.
        lock = std::make_unique<RowLock>(
            m_server->database(),
            u"SELECT 1 FROM reservations WHERE user_id = ?::uuid FOR UPDATE"_s,
            QVariantList {user});
    } else {
        // Another concert (the customer is admitted to the first); its line's row exists once
        // someone has joined, and a join takes it.
        const qint64 other = m_fx->createConcert(u"Join %1"_s.arg(seat), 1);
        QList<TestUser> first = m_fx->createUsers(1, 0, u"first-%1-"_s.arg(seat));
        QCOMPARE(m_server->client().post(path(api::concertQueue(other)), {}, first[0].token).status,
                 201);
        request = {"POST", path(api::concertQueue(other)), {}, {}};
        request.bearer(u.token);
        lock = std::make_unique<RowLock>(
            m_server->database(), u"SELECT 1 FROM queue_lines WHERE concert_id = ? FOR UPDATE"_s,
            QVariantList {other});
    }

    std::future<HttpResponse> pending = sendLater(request);
    QTRY_VERIFY(oneBackendWaitsForALock());
    expectWorkerAnswers(u);
    QCOMPARE(pending.wait_for(0s), std::future_status::timeout); // still waiting for the lock
    lock->release();
    const HttpResponse answered = pending.get();
    QVERIFY2(answered.status == 201, answered.body.constData());
}

void TestDecisionPool::aSeatBeingDecidedIsRefusedAtOnce()
{
    QList<TestUser> users = m_fx->createUsers(3, 1'000'000, u"claim"_s);
    m_fx->admit(users, m_concert);
    const TestUser &first = users[0], &second = users[1], &third = users[2];
    RowLock lock(m_server->database(),
                 u"SELECT 1 FROM wallets WHERE user_id = ?::uuid FOR UPDATE"_s,
                 {first.id.toString(QUuid::WithoutBraces)});
    std::future<HttpResponse> pending = sendLater(holdRequest(first, 40));
    QTRY_VERIFY(oneBackendWaitsForALock());
    // Seat 40 is being decided: refused now, without waiting behind the first hold's lock.
    const HttpResponse refused = send(holdRequest(second, 40));
    QCOMPARE(refused.status, 409);
    QCOMPARE(refused.errorCode(), u"SEAT_UNAVAILABLE"_s);
    QCOMPARE(refused.json()
                 .value(u"error"_s)
                 .toObject()
                 .value(u"details"_s)
                 .toObject()
                 .value(u"seats"_s),
             QJsonValue(QJsonArray {40}));
    QCOMPARE(pending.wait_for(0s), std::future_status::timeout);
    // Other seats are not affected.
    QCOMPARE(send(holdRequest(third, 41)).status, 201);
    lock.release();
    QCOMPARE(pending.get().status, 201);
    // Once decided, the seat is simply taken (the copy shows it), for the second customer too.
    QCOMPARE(send(holdRequest(second, 40)).errorCode(), u"SEAT_UNAVAILABLE"_s);
}

void TestDecisionPool::poolRefusesBeyondItsBound()
{
    server::WorkPool pool(poolOptions(1, 2));
    std::latch go(1);
    int done = 0;
    QVERIFY(pool.submit(
        this, [&go] { go.wait(); }, [&done] { ++done; }));
    QVERIFY(pool.submit(
        this, [] {}, [&done] { ++done; })); // queued behind the first
    QVERIFY(!pool.submit(
        this, [] {}, [&done] { ++done; })); // over the bound: refused
    QVERIFY(!pool.runHere([] {})); // the bound counts work run in place too
    go.count_down();
    QTRY_COMPARE(done, 2);
    bool ranHere = false;
    QVERIFY(pool.runHere([&ranHere] { ranHere = true; }));
    QVERIFY(ranHere);
    QCOMPARE(pool.busy().code, ErrorCode::Unavailable);
}

void TestDecisionPool::aBurstGetsAThreadPerTask()
{
    std::latch go(1);
    server::WorkPool pool(poolOptions(3, 10));
    // Lets the blocked work finish before the pool drains, even when a check below fails.
    struct Release {
        std::latch &go;
        ~Release() { go.count_down(); }
    } release {go};
    int done = 0;
    QVERIFY(pool.submit(
        this, [] {}, [&done] { ++done; }));
    QTRY_COMPARE(done, 1); // one thread started, now idle
    std::atomic<int> running {0};
    for (int i = 0; i < 3; ++i)
        QVERIFY(pool.submit(
            this,
            [&] {
                ++running;
                go.wait();
            },
            [] {}));
    // Three at once although one thread was idle when the burst came.
    QTRY_COMPARE(running.load(), 3);
}

void TestDecisionPool::everyPoolThreadRunsItsExitHook()
{
    std::atomic<int> exits {0};
    std::latch allStarted(3);
    std::latch go(1);
    {
        server::WorkPool pool(poolOptions(3, 10, [&exits] { ++exits; }));
        for (int i = 0; i < 3; ++i)
            QVERIFY(pool.submit(
                this,
                [&] {
                    allStarted.count_down();
                    go.wait();
                },
                [] {}));
        allStarted.wait(); // three at once: three threads
        go.count_down();
        QCOMPARE(exits.load(), 0);
    } // the destructor drains
    QCOMPARE(exits.load(), 3);
}

void TestDecisionPool::drainedPoolRefusesWork()
{
    server::WorkPool pool(poolOptions(2, 4));
    bool ran = false;
    QVERIFY(pool.submit(
        this, [&ran] { ran = true; }, [] {}));
    pool.drain(); // waits for what was queued
    QVERIFY(ran);
    QVERIFY(!pool.submit(
        this, [] {}, [] {}));
}

QTEST_GUILESS_MAIN(TestDecisionPool)
#include "tst_decisionpool.moc"
