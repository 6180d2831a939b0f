// The concurrency suite through nginx in front of 3 encore-server instances on one PostgreSQL
// (and Redis when the server supports it): races that a single instance wins by its database
// statements must be won the same way when the racers land on different instances.
#include "apipaths.h"
#include "bookingrequests.h"
#include "cardtopup.h"
#include "fixtures.h"
#include "scaleoutcluster.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

#include <algorithm>
#include <numeric>

using namespace Qt::StringLiterals;
using namespace encore::test;
namespace api = encore::api;

class TestClusterConcurrency final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void nginxConfiguration();
    void requestsSpreadOverInstances();
    void holdRace_data();
    void holdRace();
    void topUpsOnOneWallet();
    void chargedOnce();
    void bodyLimit();

private:
    QVariant scalar(const QString &sql, const QVariantList &values = {})
    {
        return m_fixtures->scalar(sql, values);
    }

    std::unique_ptr<TestPaySandbox> m_gateway; // the card gateway every instance uses
    std::unique_ptr<ScaleOutCluster> m_cluster;
    std::unique_ptr<Fixtures> m_fixtures;
};

void TestClusterConcurrency::initTestCase()
{
    m_gateway = std::make_unique<TestPaySandbox>();
    m_cluster = std::make_unique<ScaleOutCluster>(ScaleOutCluster::withGateway(*m_gateway));
    QVERIFY(m_cluster->start());
    QVERIFY(m_gateway->start(m_cluster->webhookUrl()));
    m_fixtures = std::make_unique<Fixtures>(m_cluster->database());
    qInfo("3 instances behind nginx on port %u, Redis: %s", m_cluster->port(),
          m_cluster->usesRedis() ? "yes" : "no (the server has no --redis)");
}

// The rendered template has what the deployment relies on.
void TestClusterConcurrency::nginxConfiguration()
{
    const QString conf = m_cluster->nginxConfig();
    QVERIFY(!conf.contains(u'@'));
    QVERIFY(conf.contains(u"least_conn;"_s));
    QVERIFY(conf.contains(u"client_max_body_size 1m;"_s));
    QVERIFY(conf.contains(u"proxy_next_upstream error timeout;"_s));
    // POSTs are never re-sent to a second instance: no "non_idempotent" in the directive.
    const QRegularExpression directive(u"^\\s*proxy_next_upstream\\s[^;]*non_idempotent"_s,
                                       QRegularExpression::MultilineOption);
    QVERIFY(!directive.match(conf).hasMatch());
    QVERIFY(conf.contains(u"proxy_set_header Upgrade $http_upgrade;"_s));
    for (int i = 0; i < m_cluster->instanceCount(); ++i)
        QVERIFY(conf.contains(u"127.0.0.1:%1 "_s.arg(m_cluster->instance(i).port())));
}

// least_conn spreads parallel work over every instance: nginx's access log names the instance
// that answered each request (upstream=127.0.0.1:port).
void TestClusterConcurrency::requestsSpreadOverInstances()
{
    const TestUser user = m_fixtures->createUsers(1, 0, u"spread"_s).first();
    QList<HttpRequest> requests;
    for (int i = 0; i < 300; ++i)
        requests.append(HttpRequest {"GET", api::wallet().toLatin1(), {}, {}}.bearer(user.token));
    QCOMPARE(tally(m_cluster->client().parallel(requests)).value(200), 300);
    for (int i = 0; i < m_cluster->instanceCount(); ++i) {
        const QByteArray addr
            = "upstream=127.0.0.1:" + QByteArray::number(m_cluster->instance(i).port());
        // The log is buffered for up to a second.
        QTRY_VERIFY_WITH_TIMEOUT(m_cluster->accessLog().contains(addr), 5'000);
    }
}

void TestClusterConcurrency::holdRace_data()
{
    QTest::addColumn<int>("attempts");
    QTest::addColumn<QList<int>>("seats");
    QList<int> all(50);
    std::iota(all.begin(), all.end(), 1);
    QTest::addRow("200 on one seat") << 200 << QList<int> {17};
    QTest::addRow("1000 over 50 seats") << 1000 << all;
}

// Distinct admitted users each try to hold one seat, all at once, spread over 3 instances:
// each seat has exactly one winner and the database agrees.
void TestClusterConcurrency::holdRace()
{
    QFETCH(int, attempts);
    QFETCH(QList<int>, seats);
    const qint64 concert = m_fixtures->createConcert(u"Cluster race"_s);
    const qint64 schedule = m_fixtures->schedulesOf(concert).first();
    QList<TestUser> users = m_fixtures->createUsers(attempts, 200'000, u"crace"_s);
    QVERIFY(openQueue(m_cluster->client(), *m_fixtures, concert));
    QVERIFY(joinQueue(m_cluster->client(), users, concert));
    verifyHoldRace(m_cluster->client(), *m_fixtures, users, schedule, seats); // through nginx
}

// 500 card top-ups on one wallet, their confirmations sent at once and spread over the
// instances: none lost, none doubled, the ledger adds up to the balance.
void TestClusterConcurrency::topUpsOnOneWallet()
{
    constexpr int kTopUps = 500;
    const TestUser user = m_fixtures->createUsers(1, 0, u"cwallet"_s).first();
    QList<HttpRequest> requests;
    qint64 expected = 0;
    for (int i = 0; i < kTopUps; ++i) {
        expected += 1000 + i;
        requests.append(preparedConfirmation(m_cluster->client(), *m_gateway, user, 1000 + i,
                                             "c-top-up-" + QByteArray::number(i)));
        QVERIFY(!requests.last().path.isEmpty());
    }
    QElapsedTimer clock;
    clock.start();
    const QList<HttpResponse> responses = m_cluster->client().parallel(requests);
    qInfo("%d top-ups through nginx in %lld ms: %s", kTopUps, clock.elapsed(),
          qPrintable(describe(tally(responses))));
    QCOMPARE(tally(responses).value(201), kTopUps);

    // Each has its own ledger entry, whose balance-after is its own running total.
    QSet<qint64> runningTotals;
    for (const HttpResponse &r : responses)
        runningTotals.insert(
            r.json().value(u"entry"_s).toObject().value(u"balanceAfter"_s).toInteger());
    QCOMPARE(runningTotals.size(), kTopUps);
    QCOMPARE(*std::max_element(runningTotals.cbegin(), runningTotals.cend()), expected);

    const QVariantList u {user.id.toString(QUuid::WithoutBraces)};
    QCOMPARE(scalar(u"SELECT balance FROM wallets WHERE user_id = ?::uuid"_s, u).toLongLong(),
             expected);
    QCOMPARE(
        scalar(u"SELECT sum(amount) FROM wallet_ledger WHERE user_id = ?::uuid"_s, u).toLongLong(),
        expected);
    QCOMPARE(scalar(u"SELECT count(*) FROM wallet_ledger WHERE user_id = ?::uuid"_s, u).toInt(),
             kTopUps);
}

// One reservation paid 20 times at once with one Idempotency-Key, the copies landing on
// different instances: one charge, and every answer is the first one, byte for byte.
void TestClusterConcurrency::chargedOnce()
{
    constexpr int kPayments = 20;
    constexpr qint64 kBalance = 500'000;
    const qint64 concert = m_fixtures->createConcert(u"Cluster pay once"_s);
    const qint64 schedule = m_fixtures->schedulesOf(concert).first();
    QList<TestUser> users = m_fixtures->createUsers(1, kBalance, u"cpayer"_s);
    QVERIFY(openQueue(m_cluster->client(), *m_fixtures, concert));
    QVERIFY(joinQueue(m_cluster->client(), users, concert));
    const TestUser &user = users.first();

    const HttpResponse held = m_cluster->client().send(holdRequest(user, schedule, {3, 4}));
    QCOMPARE(held.status, 201);
    const QJsonObject reservation = held.json().value(u"reservation"_s).toObject();
    const QString reservationId = reservation.value(u"id"_s).toString();
    const qint64 total = reservation.value(u"total"_s).toInteger();

    QList<HttpRequest> requests;
    for (int i = 0; i < kPayments; ++i)
        requests.append(payRequest(user, reservationId, "c-pay-once"));
    const QList<HttpResponse> responses = m_cluster->client().parallel(requests);
    const QMap<int, int> counts = tally(responses);
    qInfo("%d payments of one reservation with one key: %s", kPayments,
          qPrintable(describe(counts)));
    // The copies wait on the key's row lock in PostgreSQL, whichever instance they reached.
    QCOMPARE(counts.value(201), kPayments);
    QByteArray first;
    for (const HttpResponse &r : responses) {
        if (r.status != 201)
            continue;
        if (first.isEmpty())
            first = r.body;
        QCOMPARE(r.body, first);
    }
    QCOMPARE(QJsonDocument::fromJson(first).object().value(u"balance"_s).toInteger(),
             kBalance - total);

    const QVariantList u {user.id.toString(QUuid::WithoutBraces)};
    QCOMPARE(
        scalar(u"SELECT count(*) FROM payments WHERE reservation_id = ?::uuid"_s, {reservationId})
            .toInt(),
        1);
    QCOMPARE(
        scalar(u"SELECT count(*) FROM wallet_ledger WHERE user_id = ?::uuid AND kind = 'PAYMENT'"_s,
               u)
            .toInt(),
        1);
    QCOMPARE(scalar(u"SELECT balance FROM wallets WHERE user_id = ?::uuid"_s, u).toLongLong(),
             kBalance - total);
    QCOMPARE(
        scalar(u"SELECT sum(amount) FROM wallet_ledger WHERE user_id = ?::uuid"_s, u).toLongLong(),
        kBalance - total);
}

// nginx refuses bodies over 1 MiB before any instance sees them.
void TestClusterConcurrency::bodyLimit()
{
    const TestUser user = m_fixtures->createUsers(1, 0, u"cbig"_s).first();
    HttpRequest r {"POST", api::walletTopUps().toLatin1(), QByteArray(1024 * 1024 + 1, ' '), {}};
    r.bearer(user.token).idempotencyKey("big");
    r.headers.append(qMakePair(QByteArray("Content-Type"), QByteArray("application/json")));
    QCOMPARE(m_cluster->client().send(r).status, 413);
}

QTEST_GUILESS_MAIN(TestClusterConcurrency)
#include "tst_clusterconcurrency.moc"
