// PostgreSQL primary crashed in the middle of payments and top-ups (HA topology: synchronous
// streaming standby). The test then promotes the standby, as an operator (or Patroni) would;
// every instance reconnects to it by itself (multi-host --database, target_session_attrs=
// read-write). Clients retry failed calls with the same Idempotency-Key. Afterwards every
// acknowledged payment and top-up is on the new primary (synchronous_standby_names: a commit
// is acknowledged only once the standby has it), and nothing was charged twice.
// Prints the figures: seconds from the crash until every call was answered, calls retried.
#include "bookingrequests.h"
#include "fixtures.h"
#include "hacluster.h"

#include <QElapsedTimer>
#include <QJsonObject>
#include <QTest>
#include <QTimer>

using namespace Qt::StringLiterals;
using namespace encore::test;

namespace {

constexpr int kCustomers = 40;
constexpr qint64 kBalance = 500'000;
// The operator's reaction time: the standby is promoted this long after the crash.
constexpr int kPromoteAfterMs = 1'000;
constexpr int kRecoveryBoundMs = 60'000; // "recovered" means within this

} // namespace

class TestHaPgFailover final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void primaryCrashedDuringPayments();

private:
    QVariant scalar(const QString &sql, const QVariantList &values = {})
    {
        return m_fixtures->scalar(sql, values);
    }

    std::unique_ptr<HaCluster> m_cluster;
    std::unique_ptr<Fixtures> m_fixtures;
};

void TestHaPgFailover::initTestCase()
{
    m_cluster = std::make_unique<HaCluster>(HaCluster::Options {});
    QVERIFY(m_cluster->start());
    m_fixtures = std::make_unique<Fixtures>(m_cluster->database());
}

void TestHaPgFailover::primaryCrashedDuringPayments()
{
    const HttpClient http = m_cluster->client();
    const qint64 concert = m_fixtures->createConcert(u"Payments through a failover"_s, 1);
    const qint64 schedule = m_fixtures->schedulesOf(concert).first();
    QList<TestUser> users = m_fixtures->createUsers(kCustomers, kBalance, u"pgfo"_s);
    // Money other than by card is a staff adjustment (with its Idempotency-Key, like a payment).
    const TestUser staff = m_fixtures->createUsers(1, 0, u"pgfostaff"_s).first();
    makeStaff(*m_fixtures, staff);
    const QByteArray staffToken = staff.token;
    QVERIFY(openQueue(http, *m_fixtures, concert));
    QVERIFY(joinQueue(http, users, concert));

    QList<HttpRequest> holds;
    for (int i = 0; i < kCustomers; ++i)
        holds.append(
            holdRequest(users[i], schedule, {i + 1}, "pgfo-hold-" + QByteArray::number(i)));
    const QList<HttpResponse> held = sendRetrying(http, holds).responses;
    QList<HttpRequest> writes;
    QList<qint64> topUps;
    for (int i = 0; i < kCustomers; ++i) {
        QCOMPARE(held[i].status, 201);
        const QString reservation
            = held[i].json().value(u"reservation"_s).toObject().value(u"id"_s).toString();
        writes.append(payRequest(users[i], reservation, "pgfo-pay-" + QByteArray::number(i)));
        topUps.append(1'000 + i);
        writes.append(adjustmentRequest(staffToken, users[i], topUps.last(),
                                        "pgfo-top-" + QByteArray::number(i)));
    }

    // The crash lands while the payments and top-ups are in flight (the timer fires inside the
    // client's event loop); the standby is promoted kPromoteAfterMs later.
    QElapsedTimer clock;
    clock.start();
    QTimer::singleShot(10, [&] {
        m_cluster->pgPrimary().crash();
        QTimer::singleShot(kPromoteAfterMs, [&] { QVERIFY(m_cluster->pgStandby().promote()); });
    });
    const RetriedResponses done = sendRetrying(http, writes, kRecoveryBoundMs);
    qInfo("PostgreSQL primary crashed during %d payments and top-ups, standby promoted %d ms "
          "later: every call answered after %.1f s; %d calls retried (%d rounds); final %s",
          int(writes.size()), kPromoteAfterMs, clock.elapsed() / 1000.0, done.retried, done.rounds,
          qPrintable(describe(tally(done.responses))));
    for (qsizetype i = 0; i < writes.size(); ++i)
        QVERIFY2(done.responses[i].status / 100 == 2, done.responses[i].body.constData());

    // The test's own connection went down with the old primary: the next one finds the new.
    QVERIFY(m_fixtures->db().ping() || m_fixtures->db().ping());
    QCOMPARE(scalar(u"SELECT pg_is_in_recovery()"_s).toBool(), false);
    // Every acknowledged payment and top-up is there, each exactly once.
    QCOMPARE(scalar(u"SELECT count(*) FROM payments p JOIN reservations r ON r.id = "
                    "p.reservation_id WHERE r.schedule_id = ? AND r.status = 'PAID'"_s,
                    {schedule})
                 .toInt(),
             kCustomers);
    for (int i = 0; i < kCustomers; ++i) {
        const QVariantList user {users[i].id.toString(QUuid::WithoutBraces)};
        const qint64 paid
            = scalar(u"SELECT coalesce(sum(amount), 0) FROM payments WHERE user_id = ?::uuid"_s,
                     user)
                  .toLongLong();
        QVERIFY(paid > 0);
        QCOMPARE(
            scalar(u"SELECT balance FROM wallets WHERE user_id = ?::uuid"_s, user).toLongLong(),
            kBalance + topUps[i] - paid);
        // (The fixture's starting balance is an ADJUSTMENT row of its own, reference 'fixture'.)
        QCOMPARE(scalar(u"SELECT count(*) FROM wallet_ledger WHERE user_id = ?::uuid AND kind = "
                        "'ADJUSTMENT' AND reference <> 'fixture'"_s,
                        user)
                     .toInt(),
                 1);
        QCOMPARE(scalar(u"SELECT count(*) FROM wallet_ledger WHERE user_id = ?::uuid AND kind = "
                        "'PAYMENT'"_s,
                        user)
                     .toInt(),
                 1);
    }
    // And the service goes on on the new primary.
    QCOMPARE(http.get("/readyz").status, 200);
}

QTEST_GUILESS_MAIN(TestHaPgFailover)
#include "tst_hapgfailover.moc"
