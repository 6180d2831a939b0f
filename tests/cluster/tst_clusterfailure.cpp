// What happens when a part of the cluster fails (3 instances behind nginx, one PostgreSQL, Redis
// when the server supports it):
//  - an instance SIGKILLed in the middle of a flash sale: no seat oversold, no payment lost or
//    doubled, and clients retrying with the same Idempotency-Key through nginx succeed;
//  - Redis stopped: every request answers within kFailFastMs (503 UNAVAILABLE or served from
//    PostgreSQL), and the service resumes by itself once Redis is back;
//  - PostgreSQL down / restarted under load: 503 UNAVAILABLE for the gap, connections come back
//    by themselves, and no acknowledged (2xx) write is lost.
#include "apipaths.h"
#include "bookingrequests.h"
#include "cardtopup.h"
#include "fixtures.h"
#include "scaleoutcluster.h"
#include "testcluster.h"

#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QMutex>
#include <QRandomGenerator>
#include <QSet>
#include <QTest>
#include <QThread>
#include <QTimer>

#include <atomic>

using namespace Qt::StringLiterals;
using namespace encore::test;
namespace api = encore::api;

namespace {

// The bound we promise for a request while Redis or PostgreSQL is down (README "Scaling out").
constexpr double kFailFastSeconds = 2.0;

QByteArray key(const char *prefix, qsizetype i)
{
    return QByteArray(prefix) + QByteArray::number(i);
}

double slowest(const QList<HttpResponse> &responses)
{
    double s = 0;
    for (const HttpResponse &r : responses)
        s = std::max(s, r.seconds);
    return s;
}

// Card top-ups in rounds from a thread of its own (so the main thread can restart PostgreSQL):
// each round orders and authorises a card top-up per customer (skipped for a customer whose
// order could not be made), then sends the confirmations, each with a new Idempotency-Key;
// every confirmation and its last answer are kept.
class TopUpLoad final : public QThread {
public:
    struct Sent {
        int user;
        qint64 amount;
        HttpRequest request;
        HttpResponse response;
    };

    TopUpLoad(quint16 port, const TestPaySandbox &gateway, QList<TestUser> users)
        : m_port(port)
        , m_gateway(gateway)
        , m_users(std::move(users))
    {
    }

    void finish()
    {
        m_stop = true;
        wait();
    }
    QList<Sent> sent() const
    {
        QMutexLocker lock(&m_mutex);
        return m_sent;
    }
    int acknowledged() const { return m_acknowledged; }

protected:
    void run() override
    {
        const HttpClient http(m_port);
        for (int round = 0; !m_stop; ++round) {
            QList<Sent> batch;
            QList<HttpRequest> requests;
            for (int u = 0; u < int(m_users.size()); ++u) {
                const qint64 amount = 1000 + QRandomGenerator::global()->bounded(1000);
                const QByteArray k
                    = "load-" + QByteArray::number(u) + "-" + QByteArray::number(round);
                const HttpRequest confirm
                    = preparedConfirmation(http, m_gateway, m_users[u], amount, k);
                if (confirm.path.isEmpty())
                    continue; // PostgreSQL away: no order this round
                batch.append({u, amount, confirm, {}});
                requests.append(batch.last().request);
            }
            const QList<HttpResponse> answers = http.pooled(requests, 8, 20'000);
            QMutexLocker lock(&m_mutex);
            for (qsizetype i = 0; i < batch.size(); ++i) {
                batch[i].response = answers[i];
                if (answers[i].status == 201)
                    ++m_acknowledged;
                m_sent.append(batch[i]);
            }
        }
    }

private:
    quint16 m_port;
    const TestPaySandbox &m_gateway;
    QList<TestUser> m_users;
    std::atomic<bool> m_stop {false};
    std::atomic<int> m_acknowledged {0};
    mutable QMutex m_mutex;
    QList<Sent> m_sent;
};

} // namespace

class TestClusterFailure final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void instanceKilledDuringFlashSale();
    void redisStopped();
    void postgresDown();
    void postgresRestartedUnderLoad();

private:
    QVariant scalar(const QString &sql, const QVariantList &values = {})
    {
        return m_fixtures->scalar(sql, values);
    }
    void checkBooks();

    std::unique_ptr<TestPaySandbox> m_gateway; // the card gateway every instance uses
    std::unique_ptr<ScaleOutCluster> m_cluster;
    std::unique_ptr<Fixtures> m_fixtures;
};

void TestClusterFailure::initTestCase()
{
    m_gateway = std::make_unique<TestPaySandbox>();
    m_cluster = std::make_unique<ScaleOutCluster>(ScaleOutCluster::withGateway(*m_gateway));
    QVERIFY(m_cluster->start());
    QVERIFY(m_gateway->start(m_cluster->webhookUrl()));
    m_fixtures = std::make_unique<Fixtures>(m_cluster->database());
}

// Money and seats add up for everybody: each wallet's ledger sums to its balance, sold seats
// belong to paid reservations only, one payment and one debit per paid reservation.
void TestClusterFailure::checkBooks()
{
    QCOMPARE(
        scalar(
            u"SELECT count(*) FROM wallets w WHERE balance <> "
            "(SELECT coalesce(sum(amount), 0) FROM wallet_ledger l WHERE l.user_id = w.user_id)"_s)
            .toInt(),
        0);
    QCOMPARE(scalar(u"SELECT count(*) FROM seats WHERE status = 'SOLD'"_s).toInt(),
             scalar(u"SELECT count(*) FROM reservation_seats rs JOIN reservations r ON r.id = "
                    u"rs.reservation_id "
                    "WHERE r.status = 'PAID'"_s)
                 .toInt());
    QCOMPARE(scalar(u"SELECT count(*) FROM seats s JOIN reservations r ON r.id = s.reservation_id "
                    "WHERE s.status = 'SOLD' AND r.status <> 'PAID'"_s)
                 .toInt(),
             0);
    QCOMPARE(scalar(u"SELECT count(*) FROM payments"_s).toInt(),
             scalar(u"SELECT count(*) FROM reservations WHERE status = 'PAID'"_s).toInt());
    QCOMPARE(scalar(u"SELECT count(*) FROM wallet_ledger WHERE kind = 'PAYMENT'"_s).toInt(),
             scalar(u"SELECT count(*) FROM payments"_s).toInt());
}

// A flash sale over 2 dates (100 seats) by 300 customers: hold one seat each, the winners pay.
// Instance 2 is killed with SIGKILL while the holds are in flight and instance 3 while the
// payments are. Clients retry failed calls with the same Idempotency-Key through nginx.
void TestClusterFailure::instanceKilledDuringFlashSale()
{
    constexpr int kCustomers = 300;
    constexpr qint64 kBalance = 500'000;
    const qint64 concert = m_fixtures->createConcert(u"Flash sale with a crash"_s, 2);
    const QList<qint64> schedules = m_fixtures->schedulesOf(concert);
    QList<TestUser> users = m_fixtures->createUsers(kCustomers, kBalance, u"crash"_s);
    QVERIFY(openQueue(m_cluster->client(), *m_fixtures, concert));
    QVERIFY(joinQueue(m_cluster->client(), users, concert));

    QList<HttpRequest> holds;
    QList<QPair<qint64, int>> seatOf;
    for (int i = 0; i < kCustomers; ++i) {
        const qint64 schedule = schedules[i % 2];
        const int seat = 1 + QRandomGenerator::global()->bounded(50);
        seatOf.append({schedule, seat});
        holds.append(holdRequest(users[i], schedule, {seat}, key("hold-", i)));
    }

    // The kill lands while the requests are in flight: the timer fires inside the client's
    // event loop, a few milliseconds after they were sent.
    QElapsedTimer clock;
    clock.start();
    QTimer::singleShot(20, [this] { m_cluster->instance(1).kill(); });
    const RetriedResponses held = sendRetrying(m_cluster->client(), holds);
    QVERIFY(m_cluster->instance(1).start()); // back before anything can fail
    qInfo("%d holds, instance 2 killed at 20 ms: %s after %d round(s), %d retried, %lld ms",
          kCustomers, qPrintable(describe(tally(held.responses))), held.rounds, held.retried,
          clock.elapsed());

    QList<int> winners;
    QSet<QPair<qint64, int>> seatsWon;
    for (int i = 0; i < kCustomers; ++i) {
        const HttpResponse &r = held.responses[i];
        if (r.status == 201) {
            winners.append(i);
            QVERIFY2(!seatsWon.contains(seatOf[i]), "one seat held twice");
            seatsWon.insert(seatOf[i]);
        } else {
            QVERIFY2(r.status == 409 && r.errorCode() == u"SEAT_UNAVAILABLE"_s, r.body.constData());
        }
    }
    QCOMPARE(winners.size(), seatsWon.size());
    // Every acknowledged hold is the one the database has, and there are no others.
    QCOMPARE(
        scalar(
            u"SELECT count(*) FROM seats WHERE status = 'HELD' AND schedule_id = ANY(?::bigint[])"_s,
            {u"{%1,%2}"_s.arg(schedules[0]).arg(schedules[1])})
            .toInt(),
        winners.size());

    // Now instance 3 dies under the payments.
    QList<HttpRequest> payments;
    QStringList reservationIds;
    for (int i : winners) {
        const QString id
            = held.responses[i].json().value(u"reservation"_s).toObject().value(u"id"_s).toString();
        reservationIds.append(id);
        payments.append(payRequest(users[i], id, key("pay-", i)));
    }
    clock.restart();
    QTimer::singleShot(20, [this] { m_cluster->instance(2).kill(); });
    const RetriedResponses paid = sendRetrying(m_cluster->client(), payments);
    QVERIFY(m_cluster->instance(2).start());
    qInfo("%d payments, instance 3 killed at 20 ms: %s after %d round(s), %d retried, %lld ms",
          int(payments.size()), qPrintable(describe(tally(paid.responses))), paid.rounds,
          paid.retried, clock.elapsed());
    for (const HttpResponse &r : paid.responses)
        QVERIFY2(r.status == 201, r.body.constData());

    // A retry whose first attempt was lost gets the first answer, not a second charge.
    const QList<HttpResponse> again = m_cluster->client().parallel(payments);
    for (qsizetype k = 0; k < payments.size(); ++k) {
        QCOMPARE(again[k].status, 201);
        QCOMPARE(again[k].body, paid.responses[k].body);
    }
    for (qsizetype k = 0; k < winners.size(); ++k) {
        const int i = winners[k];
        const QVariantList u {users[i].id.toString(QUuid::WithoutBraces)};
        const qint64 amount = paid.responses[k]
                                  .json()
                                  .value(u"payment"_s)
                                  .toObject()
                                  .value(u"amount"_s)
                                  .toInteger();
        QCOMPARE(scalar(u"SELECT balance FROM wallets WHERE user_id = ?::uuid"_s, u).toLongLong(),
                 kBalance - amount);
        QCOMPARE(scalar(u"SELECT count(*) FROM payments WHERE reservation_id = ?::uuid"_s,
                        {reservationIds[k]})
                     .toInt(),
                 1);
    }
    QCOMPARE(scalar(u"SELECT count(*) FROM seats WHERE status = 'SOLD'"_s).toInt(),
             int(winners.size()));
    checkBooks();
}

// Redis stopped: the queue calls answer 503 UNAVAILABLE (with Retry-After) or succeed, seat maps
// come from PostgreSQL, nothing takes longer than kFailFastSeconds; Redis back → all works again.
void TestClusterFailure::redisStopped()
{
    if (!m_cluster->usesRedis())
        QSKIP("Redis not in use (encore-server has no --redis, or ENCORE_CLUSTER_TEST_REDIS=0)");
    const qint64 concert = m_fixtures->createConcert(u"Redis outage"_s);
    const qint64 schedule = m_fixtures->schedulesOf(concert).first();
    QList<TestUser> admitted = m_fixtures->createUsers(20, 500'000, u"redisin"_s);
    QVERIFY(openQueue(m_cluster->client(), *m_fixtures, concert));
    QVERIFY(joinQueue(m_cluster->client(), admitted, concert));
    if (m_cluster->redis()->connectedClients() < 2)
        QSKIP("encore-server accepts --redis but did not connect to Redis");
    const QList<TestUser> newcomers = m_fixtures->createUsers(20, 0, u"redisnew"_s);

    const QByteArray join = api::concertQueue(concert).toLatin1();
    const QByteArray seatMap = api::scheduleSeats(schedule).toLatin1();
    const auto mixedRequests = [&] {
        QList<HttpRequest> out;
        for (const TestUser &u : newcomers)
            out.append(HttpRequest {"POST", join, {}, {}}.bearer(u.token));
        for (const TestUser &u : admitted) {
            out.append(HttpRequest {"GET", api::queueStatus().toLatin1(), {}, {}}
                           .bearer(u.token)
                           .queueToken(u.queueToken));
            out.append(
                HttpRequest {"GET", seatMap, {}, {}}.bearer(u.token).queueToken(u.queueToken));
        }
        out.append(
            HttpRequest {"GET", api::concerts().toLatin1(), {}, {}}.bearer(admitted.first().token));
        return out;
    };

    m_cluster->redis()->stop();
    QElapsedTimer clock;
    clock.start();
    const QList<HttpResponse> down = m_cluster->client().pooled(mixedRequests(), 8);
    qInfo("Redis down: %s, slowest %.3f s, all in %lld ms", qPrintable(describe(tally(down))),
          slowest(down), clock.elapsed());
    for (const HttpResponse &r : down) {
        QVERIFY2(r.seconds < kFailFastSeconds, qPrintable(u"took %1 s"_s.arg(r.seconds)));
        if (r.status == 503) {
            QCOMPARE(r.errorCode(), u"UNAVAILABLE"_s);
            QVERIFY(r.headers.contains("retry-after"));
        } else {
            QVERIFY2(r.status == 200 || r.status == 201, r.body.constData());
        }
    }

    QVERIFY(m_cluster->redis()->start());
    // Back by itself: every call succeeds again within a few seconds (reconnect on next use).
    QList<HttpResponse> up;
    QDeadlineTimer deadline(20'000);
    do {
        up = m_cluster->client().pooled(mixedRequests(), 8);
    } while (tally(up).value(503) > 0 && !deadline.hasExpired() && (QTest::qWait(100), true));
    qInfo("Redis back: %s", qPrintable(describe(tally(up))));
    for (const HttpResponse &r : up)
        QVERIFY2(r.status == 200 || r.status == 201, r.body.constData());
}

// PostgreSQL down: every call needing it answers 503 UNAVAILABLE at once (nginx does not hide
// it: no instance is better off); /readyz says not ready. Started again → served again, with
// the instances' connections re-opened by themselves.
void TestClusterFailure::postgresDown()
{
    const TestUser user = m_fixtures->createUsers(1, 0, u"pgdown"_s).first();
    QList<HttpRequest> topUps;
    for (int i = 0; i < 30; ++i) {
        topUps.append(
            preparedConfirmation(m_cluster->client(), *m_gateway, user, 1000, key("down-", i)));
        QVERIFY(!topUps.last().path.isEmpty());
    }

    QVERIFY(TestCluster::instance().stop());
    const QList<HttpResponse> down = m_cluster->client().pooled(topUps, 6);
    const HttpResponse ready = m_cluster->client().get("/readyz");
    qInfo("PostgreSQL down: %s, slowest %.3f s; /readyz %d", qPrintable(describe(tally(down))),
          slowest(down), ready.status);
    QVERIFY(TestCluster::instance().start());
    m_fixtures->db().closeThreadConnection(); // ours was cut too
    for (const HttpResponse &r : down) {
        QCOMPARE(r.status, 503);
        QCOMPARE(r.errorCode(), u"UNAVAILABLE"_s);
        QVERIFY2(r.seconds < kFailFastSeconds, qPrintable(u"took %1 s"_s.arg(r.seconds)));
    }
    QCOMPARE(ready.status, 503);

    // The same keys again: each top-up is done once now that the database is back.
    QList<HttpResponse> up;
    QDeadlineTimer deadline(30'000);
    do {
        up = m_cluster->client().pooled(topUps, 6);
    } while (tally(up).value(201) < topUps.size() && !deadline.hasExpired()
             && (QTest::qWait(100), true));
    QCOMPARE(tally(up).value(201), topUps.size());
    // Each instance reconnected (readiness is per instance, not through nginx).
    for (int i = 0; i < m_cluster->instanceCount(); ++i) {
        HttpResponse r;
        const QDeadlineTimer ready(10'000);
        while ((r = m_cluster->instance(i).client().get("/readyz")).status != 200
               && !ready.hasExpired())
            QTest::qWait(50);
        QVERIFY2(r.status == 200,
                 qPrintable(u"instance %1: %2 %3"_s.arg(i + 1).arg(r.status).arg(
                     QString::fromUtf8(r.body))));
    }
    QCOMPARE(scalar(u"SELECT balance FROM wallets WHERE user_id = ?::uuid"_s,
                    {user.id.toString(QUuid::WithoutBraces)})
                 .toLongLong(),
             30 * 1000);
}

// PostgreSQL restarted while top-ups stream in: answers are 201 or 503 UNAVAILABLE, nothing
// else; every 201 is in the ledger; and retrying the unanswered ones with their keys afterwards
// makes each wallet exactly the sum of what was asked, each top-up once.
void TestClusterFailure::postgresRestartedUnderLoad()
{
    const QList<TestUser> users = m_fixtures->createUsers(16, 0, u"pgload"_s);
    TopUpLoad load(m_cluster->port(), *m_gateway, users);
    load.start();
    QTRY_VERIFY_WITH_TIMEOUT(load.acknowledged() >= 100, 30'000);
    const int before = load.acknowledged();
    QElapsedTimer gap;
    gap.start();
    QVERIFY(TestCluster::instance().restart());
    const qint64 restartMs = gap.elapsed();
    m_fixtures->db().closeThreadConnection(); // ours was cut too
    // Served again: at least another 100 top-ups acknowledged after the restart.
    QTRY_VERIFY_WITH_TIMEOUT(load.acknowledged() >= before + 200, 30'000);
    load.finish();

    const QList<TopUpLoad::Sent> sent = load.sent();
    QList<HttpResponse> responses;
    for (const TopUpLoad::Sent &s : sent)
        responses.append(s.response);
    qInfo("%d top-ups around a PostgreSQL restart of %lld ms: %s, slowest %.3f s", int(sent.size()),
          restartMs, qPrintable(describe(tally(responses))), slowest(responses));
    QSet<QString> acknowledgedEntries;
    QList<HttpRequest> unanswered;
    for (const TopUpLoad::Sent &s : sent) {
        if (s.response.status == 201) {
            acknowledgedEntries.insert(s.response.json()
                                           .value(u"entry"_s)
                                           .toObject()
                                           .value(u"id"_s)
                                           .toVariant()
                                           .toString());
        } else {
            QVERIFY2(
                s.response.status == 503 && s.response.errorCode() == u"UNAVAILABLE"_s,
                qPrintable(
                    u"%1 %2"_s.arg(s.response.status).arg(QString::fromUtf8(s.response.body))));
            unanswered.append(s.request);
        }
    }
    // No acknowledged write lost.
    QStringList ids(acknowledgedEntries.cbegin(), acknowledgedEntries.cend());
    QCOMPARE(scalar(u"SELECT count(*) FROM wallet_ledger WHERE id::text = ANY(?::text[])"_s,
                    {u"{"_s + ids.join(u',') + u"}"_s})
                 .toInt(),
             int(ids.size()));

    // Clients retry what was not acknowledged; afterwards each wallet holds exactly what was asked.
    const RetriedResponses retried = sendRetrying(m_cluster->client(), unanswered);
    QCOMPARE(tally(retried.responses).value(201), unanswered.size());
    QHash<int, qint64> asked;
    for (const TopUpLoad::Sent &s : sent)
        asked[s.user] += s.amount;
    for (int u = 0; u < users.size(); ++u) {
        const QVariantList id {users[u].id.toString(QUuid::WithoutBraces)};
        QCOMPARE(scalar(u"SELECT balance FROM wallets WHERE user_id = ?::uuid"_s, id).toLongLong(),
                 asked[u]);
        QCOMPARE(
            scalar(u"SELECT count(*) FROM wallet_ledger WHERE user_id = ?::uuid"_s, id).toInt(),
            int(std::count_if(sent.cbegin(), sent.cend(),
                              [u](const auto &s) { return s.user == u; })));
    }
    checkBooks();
}

QTEST_GUILESS_MAIN(TestClusterFailure)
#include "tst_clusterfailure.moc"
