// Races through the HTTP API with real parallel clients (HttpClient::parallel: one TCP connection
// per request, all sent at once): holds on one seat and a flash sale over 50 seats, card top-ups
// on one wallet (through the sandbox gateway), one reservation paid twenty times, payments landing
// as their hold expires. Every answer is checked, then the database's books.
#include "apipaths.h"
#include "bookingrequests.h"
#include "cardtopup.h"
#include "fixtures.h"
#include "jsonreader.h"
#include "testserver.h"

#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QRandomGenerator>
#include <QSet>
#include <QTest>

#include <algorithm>
#include <numeric>

using namespace Qt::StringLiterals;
using namespace encore::test;
namespace api = encore::api;

namespace {

// Two seats each, 25 customers per date.
QList<int> seatsOf(int customer)
{
    const int n = 2 * (customer % 25) + 1;
    return {n, n + 1};
}

// Waiting for the clock is the point here (a hold must run out), so wait for a wall-clock time.
void waitUntil(const QDateTime &when)
{
    for (qint64 ms = QDateTime::currentDateTimeUtc().msecsTo(when); ms > 0;
         ms = QDateTime::currentDateTimeUtc().msecsTo(when))
        QTest::qWait(int(std::min<qint64>(ms, 20)));
}

} // namespace

class TestConcurrency final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void holdRace_data();
    void holdRace();
    void topUpsOnOneWallet_data();
    void topUpsOnOneWallet();
    void topUpsAtTheCap();
    void holdsWithOneKey();
    void chargedOnce_data();
    void chargedOnce();
    void paymentRacesHoldExpiry();
    void oneCustomerHoldsAtOnce_data();
    void oneCustomerHoldsAtOnce();
    void payAndCancelRace();
    void oneCustomerJoinsAtOnce();

private:
    GatewayServer m_world; // the server and the card gateway
    TestServer *m_server = nullptr;
    std::unique_ptr<Fixtures> m_fixtures;
};

void TestConcurrency::initTestCase()
{
    QVERIFY(m_world.start());
    m_server = m_world.server.get();
    m_fixtures = std::make_unique<Fixtures>(m_server->database());
}

void TestConcurrency::holdRace_data()
{
    QTest::addColumn<int>("attempts");
    QTest::addColumn<QList<int>>("seats");
    QList<int> all(50);
    std::iota(all.begin(), all.end(), 1);
    QTest::addRow("200 on one seat") << 200 << QList<int> {17};
    QTest::addRow("1000 over 50 seats") << 1000 << all;
}

// Distinct admitted users each try to hold one seat of `seats`, all at once: each seat has exactly
// one winner, every loser is told which seat it lost, and the database agrees.
void TestConcurrency::holdRace()
{
    QFETCH(int, attempts);
    QFETCH(QList<int>, seats);
    const qint64 concert = m_fixtures->createConcert(u"Hold race"_s);
    const qint64 schedule = m_fixtures->schedulesOf(concert).first();
    QList<TestUser> users = m_fixtures->createUsers(attempts, 200'000, u"race"_s);
    m_fixtures->admit(users, concert);
    verifyHoldRace(m_server->client(), *m_fixtures, users, schedule, seats);
}

void TestConcurrency::topUpsOnOneWallet_data()
{
    QTest::addColumn<int>("topUps");
    QTest::addColumn<bool>("oneKey");
    QTest::addRow("300 card top-ups, 300 keys") << 300 << false;
    QTest::addRow("50 confirmations of one, one key") << 50 << true;
}

// Card top-ups on one wallet, confirmed all at once. With distinct orders none is lost or
// doubled; one order confirmed fifty times with one key is credited once and replayed to all.
// Either way the ledger adds up to the balance.
void TestConcurrency::topUpsOnOneWallet()
{
    QFETCH(int, topUps);
    QFETCH(bool, oneKey);
    const TestUser user = m_fixtures->createUsers(1, 0, u"wallet"_s).first();
    const HttpClient http = m_server->client();
    QList<HttpRequest> requests;
    qint64 expected = 0;
    CardTopUpSteps steps;
    for (int i = 0; i < topUps; ++i) {
        const qint64 amount = oneKey ? 5000 : 1000 + i;
        if (!oneKey || i == 0) {
            steps = prepareCardTopUp(http, *m_world.gateway, user, amount);
            QCOMPARE(steps.authorize.status, 200);
            expected += amount;
        }
        requests.append(confirmTopUpRequest(user, steps, amount,
                                            oneKey ? "top-up" : "top-up-" + QByteArray::number(i)));
    }
    QElapsedTimer clock;
    clock.start();
    const QList<HttpResponse> responses = http.parallel(requests);
    qInfo("%d confirmations in %lld ms: %s", topUps, clock.elapsed(),
          qPrintable(describe(tally(responses))));
    QCOMPARE(tally(responses).value(201), topUps);

    // Each top-up has its own ledger entry, whose balance-after is a running total in commit
    // order. (The answer's balance is the wallet's when answered: a confirmation that finds its
    // order already credited by the gateway's webhook reports the balance of that moment.)
    QSet<qint64> entries;
    QSet<qint64> runningTotals;
    for (const HttpResponse &r : responses) {
        const QJsonObject entry = r.json().value(u"entry"_s).toObject();
        entries.insert(entry.value(u"id"_s).toInteger());
        runningTotals.insert(entry.value(u"balanceAfter"_s).toInteger());
        if (oneKey)
            QCOMPARE(r.body, responses.first().body);
    }
    QCOMPARE(entries.size(), oneKey ? 1 : topUps);
    QCOMPARE(runningTotals.size(), oneKey ? 1 : topUps);
    QCOMPARE(*std::max_element(runningTotals.cbegin(), runningTotals.cend()), expected);

    const QVariantList u {user.id.toString(QUuid::WithoutBraces)};
    QCOMPARE(m_fixtures->scalar(u"SELECT balance FROM wallets WHERE user_id = ?::uuid"_s, u)
                 .toLongLong(),
             expected);
    QCOMPARE(
        m_fixtures->scalar(u"SELECT sum(amount) FROM wallet_ledger WHERE user_id = ?::uuid"_s, u)
            .toLongLong(),
        expected);
    QCOMPARE(m_fixtures->scalar(u"SELECT count(*) FROM wallet_ledger WHERE user_id = ?::uuid"_s, u)
                 .toInt(),
             oneKey ? 1 : topUps);
    QCOMPARE(
        m_fixtures
            ->scalar(u"SELECT max(balance_after) FROM wallet_ledger WHERE user_id = ?::uuid"_s, u)
            .toLongLong(),
        expected);
}

// Twenty top-up orders of 1,000,000 at once on an empty wallet: the 10,000,000 cap (which counts
// open orders, so a charged card always fits) lets exactly ten in; those ten then pay.
void TestConcurrency::topUpsAtTheCap()
{
    constexpr int kTopUps = 20;
    const TestUser user = m_fixtures->createUsers(1, 0, u"cap"_s).first();
    const HttpClient http = m_server->client();
    QList<HttpRequest> requests;
    for (int i = 0; i < kTopUps; ++i) {
        HttpRequest r {"POST", api::walletTopUpOrders().toLatin1(), {}, {}};
        requests.append(r.bearer(user.token).json({{u"amount"_s, 1'000'000}}));
    }
    const QList<HttpResponse> responses = http.parallel(requests);
    const QMap<int, int> counts = tally(responses);
    qInfo("%s", qPrintable(describe(counts)));
    QCOMPARE(counts.value(201), 10);
    QCOMPARE(counts.value(422), 10);
    for (const HttpResponse &r : responses) {
        if (r.status != 201)
            continue;
        CardTopUpSteps steps;
        steps.orderId = r.json().value(u"order"_s).toObject().value(u"id"_s).toString();
        steps.authorize = m_world.gateway->authorize(steps.orderId, 1'000'000,
                                                     QString::fromLatin1(cards::kApprove));
        steps.paymentKey = steps.authorize.json().value(u"paymentKey"_s).toString();
        QCOMPARE(
            http.send(confirmTopUpRequest(user, steps, 1'000'000, steps.orderId.toLatin1())).status,
            201);
    }
    const QVariantList u {user.id.toString(QUuid::WithoutBraces)};
    QCOMPARE(m_fixtures->scalar(u"SELECT balance FROM wallets WHERE user_id = ?::uuid"_s, u)
                 .toLongLong(),
             10'000'000);
    QCOMPARE(
        m_fixtures->scalar(u"SELECT sum(amount) FROM wallet_ledger WHERE user_id = ?::uuid"_s, u)
            .toLongLong(),
        10'000'000);
}

// The same hold sent twenty times at once with one Idempotency-Key (a retrying client): one
// reservation, and every answer is that one.
void TestConcurrency::holdsWithOneKey()
{
    constexpr int kHolds = 20;
    const qint64 concert = m_fixtures->createConcert(u"Retry"_s);
    const qint64 schedule = m_fixtures->schedulesOf(concert).first();
    QList<TestUser> users = m_fixtures->createUsers(1, 500'000, u"retry"_s);
    m_fixtures->admit(users, concert);
    QList<HttpRequest> requests;
    for (int i = 0; i < kHolds; ++i)
        requests.append(holdRequest(users.first(), schedule, {21, 22}).idempotencyKey("hold-once"));
    const QList<HttpResponse> responses = m_server->client().parallel(requests);
    QCOMPARE(tally(responses).value(201), kHolds);
    for (const HttpResponse &r : responses)
        QCOMPARE(r.body, responses.first().body);
    QCOMPARE(
        m_fixtures->scalar(u"SELECT count(*) FROM reservations WHERE schedule_id = ?"_s, {schedule})
            .toInt(),
        1);
    QCOMPARE(m_fixtures
                 ->scalar(u"SELECT count(*) FROM seats WHERE schedule_id = ? AND status = 'HELD'"_s,
                          {schedule})
                 .toInt(),
             2);
}

void TestConcurrency::chargedOnce_data()
{
    QTest::addColumn<bool>("oneKey");
    QTest::addRow("20 payments, one key") << true;
    QTest::addRow("20 payments, 20 keys") << false;
}

// One reservation paid twenty times at once is charged once. With one Idempotency-Key every
// answer is the first one replayed; with different keys the others are told it is already paid.
void TestConcurrency::chargedOnce()
{
    QFETCH(bool, oneKey);
    constexpr int kPayments = 20;
    constexpr qint64 kBalance = 500'000;
    const qint64 concert = m_fixtures->createConcert(u"Pay once"_s);
    const qint64 schedule = m_fixtures->schedulesOf(concert).first();
    QList<TestUser> users = m_fixtures->createUsers(1, kBalance, u"payer"_s);
    m_fixtures->admit(users, concert);
    const TestUser &user = users.first();
    const HttpClient http = m_server->client();

    const HttpResponse held = http.send(holdRequest(user, schedule, {3, 4}));
    QCOMPARE(held.status, 201);
    const QJsonObject reservation = held.json().value(u"reservation"_s).toObject();
    const QString reservationId = reservation.value(u"id"_s).toString();
    const qint64 total = reservation.value(u"total"_s).toInteger();
    QCOMPARE(total, 330'000);

    QList<HttpRequest> requests;
    for (int i = 0; i < kPayments; ++i)
        requests.append(
            payRequest(user, reservationId, oneKey ? "pay-once" : "pay-" + QByteArray::number(i)));
    const QList<HttpResponse> responses = http.parallel(requests);
    const QMap<int, int> counts = tally(responses);
    qInfo("%d payments of one reservation: %s", kPayments, qPrintable(describe(counts)));
    if (oneKey) {
        QCOMPARE(counts.value(201), kPayments);
        for (const HttpResponse &r : responses)
            QCOMPARE(r.body, responses.first().body);
    } else {
        QCOMPARE(counts.value(201), 1);
        QCOMPARE(counts.value(409), kPayments - 1);
        for (const HttpResponse &r : responses) {
            if (r.status == 409) {
                QCOMPARE(r.errorCode(), u"CONFLICT"_s);
                QVERIFY(r.json()
                            .value(u"error"_s)
                            .toObject()
                            .value(u"message"_s)
                            .toString()
                            .contains(u"already paid"_s));
            }
        }
    }
    const auto paid = std::find_if(responses.cbegin(), responses.cend(),
                                   [](const HttpResponse &r) { return r.status == 201; });
    QCOMPARE(paid->json().value(u"balance"_s).toInteger(), kBalance - total);

    const QVariantList u {user.id.toString(QUuid::WithoutBraces)};
    QCOMPARE(m_fixtures
                 ->scalar(u"SELECT count(*) FROM payments WHERE reservation_id = ?::uuid"_s,
                          {reservationId})
                 .toInt(),
             1);
    QCOMPARE(
        m_fixtures
            ->scalar(
                u"SELECT count(*) FROM wallet_ledger WHERE user_id = ?::uuid AND kind = 'PAYMENT'"_s,
                u)
            .toInt(),
        1);
    QCOMPARE(m_fixtures->scalar(u"SELECT balance FROM wallets WHERE user_id = ?::uuid"_s, u)
                 .toLongLong(),
             kBalance - total);
    QCOMPARE(
        m_fixtures->scalar(u"SELECT sum(amount) FROM wallet_ledger WHERE user_id = ?::uuid"_s, u)
            .toLongLong(),
        kBalance - total);
    QCOMPARE(
        m_fixtures
            ->scalar(
                u"SELECT count(*) FROM seats WHERE reservation_id = ?::uuid AND status = 'SOLD'"_s,
                {reservationId})
            .toInt(),
        2);
}

// Payments that land around the moment their hold runs out (holds of 2 s, spread over ~0.5 s, all
// paid at the median expiry), while another customer grabs the same seats and the sweeper runs.
// Each reservation ends either paid with its seats sold and one debit, or expired with no payment,
// no debit and no sold seat; a seat is never both sold to the payer and held by the grabber.
void TestConcurrency::paymentRacesHoldExpiry()
{
    TestServer server({u"--hold-seconds"_s, u"2"_s});
    QVERIFY(server.start());
    Fixtures fixtures(server.database());
    constexpr int kPairs = 40;
    constexpr int kWaves = 10;
    constexpr qint64 kBalance = 1'000'000;
    const qint64 concert = fixtures.createConcert(u"Last second"_s, 2);
    const QList<qint64> schedules = fixtures.schedulesOf(concert);
    QList<TestUser> users = fixtures.createUsers(kPairs, kBalance, u"late"_s);
    fixtures.admit(users, concert);
    QList<TestUser> grabbers = fixtures.createUsers(kPairs, kBalance, u"grab"_s);
    fixtures.admit(grabbers, concert);
    const HttpClient http = server.client();

    // Holds in waves a little apart, so their expiry times spread around the moment we pay.
    QStringList reservationIds(kPairs);
    QList<QDateTime> heldUntil(kPairs);
    const QDateTime start = QDateTime::currentDateTimeUtc();
    for (int w = 0; w < kWaves; ++w) {
        waitUntil(start.addMSecs(50 * w));
        QList<HttpRequest> wave;
        const int first = w * kPairs / kWaves, last = (w + 1) * kPairs / kWaves;
        for (int k = first; k < last; ++k) {
            wave.append(holdRequest(users[k], schedules[k / 25], seatsOf(k)));
        }
        const QList<HttpResponse> held = http.parallel(wave);
        for (int k = first; k < last; ++k) {
            const HttpResponse &r = held[k - first];
            QVERIFY2(r.status == 201, r.body.constData());
            const QJsonObject reservation = r.json().value(u"reservation"_s).toObject();
            reservationIds[k] = reservation.value(u"id"_s).toString();
            heldUntil[k] = encore::parseIsoTime(reservation.value(u"heldUntil"_s).toString());
            QVERIFY(heldUntil[k].isValid());
        }
    }
    QList<QDateTime> sorted = heldUntil;
    std::sort(sorted.begin(), sorted.end());
    qInfo("holds expire over %lld ms", sorted.first().msecsTo(sorted.last()));

    QList<HttpRequest> requests; // payment k at 2k, the grab of the same seats at 2k + 1
    for (int k = 0; k < kPairs; ++k) {
        requests.append(payRequest(users[k], reservationIds[k], "pay-late"));
        requests.append(holdRequest(grabbers[k], schedules[k / 25], seatsOf(k)));
    }
    waitUntil(sorted.at(kPairs / 2));
    const QDateTime sentAt = QDateTime::currentDateTimeUtc();
    const QList<HttpResponse> all = http.parallel(requests);
    QList<HttpResponse> responses, grabs;
    for (int k = 0; k < kPairs; ++k) {
        responses.append(all[2 * k]);
        grabs.append(all[2 * k + 1]);
    }
    const QMap<int, int> counts = tally(responses);
    qInfo("payments sent %lld ms after the median expiry: %s; grabs: %s",
          sorted.at(kPairs / 2).msecsTo(sentAt), qPrintable(describe(counts)),
          qPrintable(describe(tally(grabs))));
    QCOMPARE(counts.value(201) + counts.value(409), kPairs);
    for (int k = 0; k < kPairs; ++k) {
        QVERIFY2(grabs[k].status == 201 || grabs[k].errorCode() == u"SEAT_UNAVAILABLE"_s,
                 grabs[k].body.constData());
        QVERIFY2(!(grabs[k].status == 201 && responses[k].status == 201),
                 "seats both sold and held by another");
    }

    // Let the sweeper finish with the holds that ran out.
    QTRY_COMPARE_WITH_TIMEOUT(
        fixtures.scalar(u"SELECT count(*) FROM seats WHERE status = 'HELD'"_s).toInt(), 0, 15'000);
    QTRY_COMPARE_WITH_TIMEOUT(
        fixtures.scalar(u"SELECT count(*) FROM reservations WHERE status = 'HELD'"_s).toInt(), 0,
        15'000);

    qint64 paidCount = 0;
    for (int k = 0; k < kPairs; ++k) {
        const HttpResponse &r = responses[k];
        const QString id = reservationIds[k];
        const QVariantList u {users[k].id.toString(QUuid::WithoutBraces)};
        const QString status
            = fixtures.scalar(u"SELECT status FROM reservations WHERE id = ?::uuid"_s, {id})
                  .toString();
        const int sold
            = fixtures
                  .scalar(
                      u"SELECT count(*) FROM seats WHERE reservation_id = ?::uuid AND status = 'SOLD'"_s,
                      {id})
                  .toInt();
        const int payRows
            = fixtures
                  .scalar(u"SELECT count(*) FROM payments WHERE reservation_id = ?::uuid"_s, {id})
                  .toInt();
        const int debits
            = fixtures
                  .scalar(
                      u"SELECT count(*) FROM wallet_ledger WHERE user_id = ?::uuid AND kind = 'PAYMENT'"_s,
                      u)
                  .toInt();
        const qint64 balance
            = fixtures.scalar(u"SELECT balance FROM wallets WHERE user_id = ?::uuid"_s, u)
                  .toLongLong();
        const QByteArray where = "reservation " + id.toLatin1() + ": " + r.body;
        if (r.status == 201) {
            ++paidCount;
            QVERIFY2(status == u"PAID"_s, where.constData());
            QVERIFY2(sold == 2 && payRows == 1 && debits == 1, where.constData());
            QCOMPARE(balance,
                     kBalance
                         - r.json().value(u"payment"_s).toObject().value(u"amount"_s).toInteger());
        } else {
            QVERIFY2(r.errorCode() == u"RESERVATION_EXPIRED"_s, where.constData());
            QVERIFY2(status == u"EXPIRED"_s, where.constData());
            QVERIFY2(sold == 0 && payRows == 0 && debits == 0, where.constData());
            QCOMPARE(balance, kBalance);
        }
    }
    qInfo("%lld of %d paid just in time, %lld expired", paidCount, kPairs, kPairs - paidCount);

    QCOMPARE(
        fixtures
            .scalar(
                u"SELECT count(*) FROM wallets w WHERE balance <> "
                "(SELECT coalesce(sum(amount), 0) FROM wallet_ledger l WHERE l.user_id = w.user_id)"_s)
            .toInt(),
        0);
    QCOMPARE(fixtures.scalar(u"SELECT count(*) FROM seats WHERE status = 'SOLD'"_s).toInt(),
             fixtures
                 .scalar(u"SELECT count(*) FROM reservation_seats rs JOIN reservations r ON r.id = "
                         u"rs.reservation_id "
                         "WHERE r.status = 'PAID'"_s)
                 .toInt());
    QCOMPARE(fixtures.scalar(u"SELECT count(*) FROM payments"_s).toLongLong(), paidCount);
}

void TestConcurrency::oneCustomerHoldsAtOnce_data()
{
    QTest::addColumn<qint64>("balance");
    QTest::addColumn<int>("winners");
    QTest::addColumn<QString>("loserCode");
    // Ten one-seat holds at 77,000 each by one customer, all at once.
    QTest::addRow("four seats per date") << qint64(1'000'000) << 4 << u"CONFLICT"_s;
    QTest::addRow("wallet covers two") << qint64(154'000) << 2 << u"INSUFFICIENT_BALANCE"_s;
}

// One customer's holds racing each other: the per-date seat limit and the wallet check (this hold
// plus the other open holds) still hold.
void TestConcurrency::oneCustomerHoldsAtOnce()
{
    QFETCH(qint64, balance);
    QFETCH(int, winners);
    QFETCH(QString, loserCode);
    constexpr int kHolds = 10;
    const qint64 concert = m_fixtures->createConcert(u"Greedy"_s);
    const qint64 schedule = m_fixtures->schedulesOf(concert).first();
    QList<TestUser> users = m_fixtures->createUsers(1, balance, u"greedy"_s);
    m_fixtures->admit(users, concert);
    QList<HttpRequest> requests;
    for (int i = 0; i < kHolds; ++i)
        requests.append(holdRequest(users.first(), schedule, {36 + i}));
    const QList<HttpResponse> responses = m_server->client().parallel(requests);
    qInfo("%s", qPrintable(describe(tally(responses))));
    QCOMPARE(tally(responses).value(201), winners);
    for (const HttpResponse &r : responses) {
        if (r.status != 201)
            QCOMPARE(r.errorCode(), loserCode);
    }
    QCOMPARE(m_fixtures
                 ->scalar(u"SELECT count(*) FROM seats WHERE schedule_id = ? AND status = 'HELD'"_s,
                          {schedule})
                 .toInt(),
             winners);
    QCOMPARE(
        m_fixtures->scalar(u"SELECT count(*) FROM reservations WHERE schedule_id = ?"_s, {schedule})
            .toInt(),
        winners);
}

// Payments and cancellations of one reservation, all at once (a cancel after the payment is a
// refund). Whatever wins, the money and the seats agree with the reservation's final state.
void TestConcurrency::payAndCancelRace()
{
    constexpr int kRounds = 10;
    constexpr qint64 kBalance = 1'000'000;
    const qint64 concert = m_fixtures->createConcert(u"Change of mind"_s);
    const qint64 schedule = m_fixtures->schedulesOf(concert).first();
    QList<TestUser> users = m_fixtures->createUsers(kRounds, kBalance, u"fickle"_s);
    m_fixtures->admit(users, concert);
    const HttpClient http = m_server->client();
    QList<HttpRequest> requests;
    QStringList ids;
    for (int k = 0; k < kRounds; ++k) {
        const HttpResponse held = http.send(holdRequest(users[k], schedule, {k + 1}));
        QCOMPARE(held.status, 201);
        const QString id = held.json().value(u"reservation"_s).toObject().value(u"id"_s).toString();
        ids.append(id);
        for (int i = 0; i < 5; ++i) {
            requests.append(payRequest(users[k], id, "pay-" + QByteArray::number(i)));
            HttpRequest cancel {"DELETE", api::reservation(QUuid(id)).toLatin1(), {}, {}};
            requests.append(cancel.bearer(users[k].token));
        }
    }
    const QList<HttpResponse> responses = http.parallel(requests);
    const QMap<int, int> counts = tally(responses);
    qInfo("%s", qPrintable(describe(counts)));
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        QVERIFY2(it.key() >= 200 && it.key() < 500, qPrintable(describe(counts)));

    for (int k = 0; k < kRounds; ++k) {
        const QVariantList u {users[k].id.toString(QUuid::WithoutBraces)};
        const QString status
            = m_fixtures->scalar(u"SELECT status FROM reservations WHERE id = ?::uuid"_s, {ids[k]})
                  .toString();
        const QString seat
            = m_fixtures
                  ->scalar(u"SELECT status FROM seats WHERE schedule_id = ? AND number = ?"_s,
                           {schedule, k + 1})
                  .toString();
        const qint64 balance
            = m_fixtures->scalar(u"SELECT balance FROM wallets WHERE user_id = ?::uuid"_s, u)
                  .toLongLong();
        const int payments
            = m_fixtures
                  ->scalar(u"SELECT count(*) FROM payments WHERE reservation_id = ?::uuid"_s,
                           {ids[k]})
                  .toInt();
        const QByteArray what
            = ids[k].toLatin1() + " ended " + status.toLatin1() + ", seat " + seat.toLatin1();
        QVERIFY2(payments <= 1, what.constData());
        QCOMPARE(m_fixtures
                     ->scalar(u"SELECT sum(amount) FROM wallet_ledger WHERE user_id = ?::uuid"_s, u)
                     .toLongLong(),
                 balance);
        if (status == u"PAID"_s) {
            QVERIFY2(seat == u"SOLD"_s && payments == 1 && balance < kBalance, what.constData());
        } else {
            QVERIFY2(status == u"CANCELLED"_s || status == u"REFUNDED"_s, what.constData());
            QVERIFY2(seat == u"AVAILABLE"_s && balance == kBalance, what.constData());
            QCOMPARE(payments, status == u"REFUNDED"_s ? 1 : 0);
        }
    }
}

// One customer presses "Enter queue" twenty times at once: every answer is a ticket for the same
// place (one 201, the rest 200), never an error, and the line holds that customer once.
void TestConcurrency::oneCustomerJoinsAtOnce()
{
    constexpr int kJoins = 20;
    const qint64 concert = m_fixtures->createConcert(u"Impatient"_s);
    const TestUser user = m_fixtures->createUsers(1, 0, u"clicker"_s).first();
    QList<HttpRequest> requests;
    for (int i = 0; i < kJoins; ++i) {
        HttpRequest r {"POST", api::concertQueue(concert).toLatin1(), {}, {}};
        requests.append(r.bearer(user.token).json({}));
    }
    const QList<HttpResponse> responses = m_server->client().parallel(requests);
    const QMap<int, int> counts = tally(responses);
    qInfo("%d joins by one customer: %s", kJoins, qPrintable(describe(counts)));
    QCOMPARE(counts.value(201), 1);
    QCOMPARE(counts.value(200), kJoins - 1);
    for (const HttpResponse &r : responses)
        QVERIFY(!r.json().value(u"token"_s).toString().isEmpty());
    // Read from whichever store the server uses (queue_entries, or Redis with ENCORE_TEST_REDIS).
    const QList<QueueRow> rows = m_fixtures->queueRows(concert);
    QCOMPARE(std::count_if(rows.cbegin(), rows.cend(),
                           [&user](const QueueRow &r) { return r.user == user.id; }),
             1);
}

QTEST_GUILESS_MAIN(TestConcurrency)
#include "tst_concurrency.moc"
