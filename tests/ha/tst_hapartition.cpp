// One instance cut off from PostgreSQL (HA topology): its connections to both PostgreSQL servers
// run through TcpCuts the test controls, and cut() resets them and refuses new ones — a
// partition that rejects (see README "Scaling out" for one that drops silently: tcp_user_timeout
// bounds it). The cut-off instance answers 503 at once, nginx passes over it (NEXT_UPSTREAM
// http_503) so reads keep succeeding, writes are retried by clients with the same
// Idempotency-Key, and once the network heals the instance is ready again by itself.
// Prints the figures: how fast the instance says 503, requests failed, seconds to recover.
#include "apipaths.h"
#include "bookingrequests.h"
#include "fixtures.h"
#include "hacluster.h"

#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace encore::test;
namespace api = encore::api;

namespace {

constexpr int kCustomers = 30;
constexpr int kQuickMs = 2'000; // "answers 503 quickly" means within this
constexpr int kRecoveryBoundMs = 30'000; // "ready again" means within this

} // namespace

class TestHaPartition final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void instanceCutFromDatabase();

private:
    std::unique_ptr<HaCluster> m_cluster;
    std::unique_ptr<Fixtures> m_fixtures;
};

void TestHaPartition::initTestCase()
{
    HaCluster::Options options;
    options.cutDatabaseOfLast = true;
    m_cluster = std::make_unique<HaCluster>(options);
    QVERIFY(m_cluster->start());
    m_fixtures = std::make_unique<Fixtures>(m_cluster->database());
}

void TestHaPartition::instanceCutFromDatabase()
{
    const HttpClient http = m_cluster->client();
    TestServer &cutOff = m_cluster->instance(m_cluster->instanceCount() - 1);
    const QList<TestUser> users = m_fixtures->createUsers(kCustomers, 0, u"part"_s);
    const TestUser staff = m_fixtures->createUsers(1, 0, u"partstaff"_s).first();
    makeStaff(*m_fixtures, staff);
    const QByteArray staffToken = staff.token;
    QCOMPARE(cutOff.client().get("/readyz").status, 200);

    m_cluster->databaseCut(0)->cut();
    m_cluster->databaseCut(1)->cut();
    const HttpResponse ready = cutOff.client().get("/readyz");
    qInfo("instance cut off from PostgreSQL: /readyz answered %d in %.3f s", ready.status,
          ready.seconds);
    QCOMPARE(ready.status, 503);
    QVERIFY(ready.seconds * 1000 < kQuickMs);
    const HttpResponse wallet = cutOff.client().get(api::wallet().toLatin1(), users[0].token);
    QCOMPARE(wallet.status, 503);
    QVERIFY(wallet.seconds * 1000 < kQuickMs);

    // Reads through nginx: an instance answering 503 is passed over.
    QList<HttpRequest> reads;
    for (const TestUser &u : users)
        reads.append(HttpRequest {"GET", api::wallet().toLatin1(), {}, {}}.bearer(u.token));
    const QList<HttpResponse> read = http.pooled(reads, 4);
    const QMap<int, int> readCounts = tally(read);
    // Writes through nginx: a POST that reached the cut-off instance is not sent to another
    // (it may have done something); the client retries it with its Idempotency-Key.
    QList<HttpRequest> writes;
    for (int i = 0; i < kCustomers; ++i)
        writes.append(
            adjustmentRequest(staffToken, users[i], 1'000, "part-top-" + QByteArray::number(i)));
    const RetriedResponses written = sendRetrying(http, writes, kRecoveryBoundMs);
    qInfo("through nginx while cut off: %d reads %s; %d top-ups %s after %d round(s), %d retried",
          kCustomers, qPrintable(describe(readCounts)), kCustomers,
          qPrintable(describe(tally(written.responses))), written.rounds, written.retried);
    QCOMPARE(readCounts.value(200), kCustomers);
    QCOMPARE(tally(written.responses).value(201), kCustomers);
    QCOMPARE(m_fixtures
                 ->scalar(u"SELECT count(*) FROM wallet_ledger WHERE kind = 'ADJUSTMENT' AND "
                          "reference <> 'fixture' AND user_id = ANY(SELECT id FROM users WHERE "
                          "username LIKE 'part%')"_s)
                 .toInt(),
             kCustomers);

    // The network heals: the instance reconnects by itself.
    QElapsedTimer clock;
    clock.start();
    m_cluster->databaseCut(0)->heal();
    m_cluster->databaseCut(1)->heal();
    QDeadlineTimer deadline(kRecoveryBoundMs);
    while (cutOff.client().get("/readyz").status != 200 && !deadline.hasExpired())
        QTest::qWait(100); // the readiness probe's interval, inside the deadline
    qInfo("network healed: the instance was ready again after %lld ms", clock.elapsed());
    QCOMPARE(cutOff.client().get("/readyz").status, 200);
    QCOMPARE(cutOff.client().get(api::wallet().toLatin1(), users[0].token).status, 200);
}

QTEST_GUILESS_MAIN(TestHaPartition)
#include "tst_hapartition.moc"
