// BookingController against a real encore-server: hold and pay, and the rule that an
// Idempotency-Key belongs to one request body — an answer lost on the way (the client timed out
// while the server was held up on a locked wallet row, then committed) is recovered by sending
// the same body with the same key (the server replays it: one hold, one charge), while other
// seats get a new key (never IDEMPOTENCY_MISMATCH), and any answer from the server ends the key.
#include "customer/bookingcontroller.h"
#include "net/apiclient.h"

#include "fixtures.h"
#include "testserver.h"

#include <QSignalSpy>
#include <QTest>

#include <memory>
#include <optional>

using namespace Qt::StringLiterals;
using namespace encore;
using namespace encore::test;

namespace {
constexpr int kWaitMs = 20'000;

// Keeps a user's wallet row locked: the server's hold or payment waits for it inside its
// transaction, so the client gives up (its timeout) before the server commits.
class WalletLock {
public:
    WalletLock(Fixtures &fx, const QUuid &user)
        : m_tx(std::in_place, fx.db())
    {
        fx.db().exec(u"SELECT 1 FROM wallets WHERE user_id = ?::uuid FOR UPDATE"_s,
                     {user.toString(QUuid::WithoutBraces)});
    }
    void release()
    {
        m_tx->commit();
        m_tx.reset();
    }

private:
    std::optional<server::Transaction> m_tx;
};
} // namespace

class TestBookingController final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void holdAndPay();
    void answerEndsTheKey();
    void lostHoldAnswerRetriedWithTheSameKey();
    void otherSeatsGetANewKey();
    void lostPaymentAnswerChargesOnce();
    void releaseFreesTheSeats();
    void seatUpdateEndsAHoldCancelledElsewhere();

private:
    // A fresh admitted customer with money and a controller of their own on the test's date.
    struct Customer {
        TestUser user;
        std::unique_ptr<ApiClient> api;
        std::unique_ptr<BookingController> booking;
    };
    Customer newCustomer(int timeoutMs = 15'000);
    // Holds these seats through the controller and waits for the answer.
    bool holdNow(Customer &c, const QList<int> &seats);
    qint64 count(const QString &table, const TestUser &user);

    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<Fixtures> m_fx;
    qint64 m_concert = 0;
    qint64 m_schedule = 0;
};

void TestBookingController::initTestCase()
{
    m_server = std::make_unique<TestServer>();
    QVERIFY2(m_server->start(), m_server->output().constData());
    m_fx = std::make_unique<Fixtures>(m_server->database());
    m_concert = m_fx->createConcert(u"Booking Controller"_s, 1);
    m_schedule = m_fx->schedulesOf(m_concert).first();
}

void TestBookingController::cleanupTestCase()
{
    m_fx.reset();
    m_server.reset();
}

TestBookingController::Customer TestBookingController::newCustomer(int timeoutMs)
{
    QList<TestUser> users = m_fx->createUsers(1, 1'000'000, u"booker"_s);
    m_fx->admit(users, m_concert);
    Customer c {users.first(), std::make_unique<ApiClient>(), nullptr};
    c.api->setBaseUrl(QUrl(u"http://127.0.0.1:%1"_s.arg(m_server->port())));
    c.api->setSessionToken(QString::fromLatin1(c.user.token));
    c.api->setQueueToken(QString::fromLatin1(c.user.queueToken));
    c.api->setTimeoutMs(timeoutMs);
    c.api->setRetryPolicy({1, 10, 10}); // one attempt: the test decides when to send again
    c.booking = std::make_unique<BookingController>(c.api.get());
    c.booking->setSchedule(m_schedule);
    return c;
}

bool TestBookingController::holdNow(Customer &c, const QList<int> &seats)
{
    QSignalSpy held(c.booking.get(), &BookingController::held);
    QSignalSpy failed(c.booking.get(), &BookingController::holdFailed);
    c.booking->hold(seats);
    if (!QTest::qWaitFor([&] { return held.count() + failed.count() > 0; }, kWaitMs))
        return false;
    return held.count() == 1;
}

qint64 TestBookingController::count(const QString &table, const TestUser &user)
{
    return m_fx
        ->scalar(u"SELECT count(*) FROM %1 WHERE user_id = ?::uuid"_s.arg(table),
                 {user.id.toString(QUuid::WithoutBraces)})
        .toLongLong();
}

void TestBookingController::holdAndPay()
{
    Customer c = newCustomer();
    QSignalSpy busy(c.booking.get(), &BookingController::busyChanged);
    QVERIFY(holdNow(c, {3, 1}));
    QCOMPARE(busy.count(), 2); // busy, then idle
    QVERIFY(c.booking->currentHold());
    QCOMPARE(c.booking->currentHold()->seats, (QList<int> {1, 3}));
    QCOMPARE(c.booking->currentHold()->status, ReservationStatus::Held);
    QVERIFY(c.booking->holdKey().isEmpty()); // answered: the key is spent

    QSignalSpy paid(c.booking.get(), &BookingController::paid);
    c.booking->pay();
    QTRY_COMPARE_WITH_TIMEOUT(paid.count(), 1, kWaitMs);
    const auto result = paid.first().first().value<PaymentReceipt>();
    QCOMPARE(result.reservation.status, ReservationStatus::Paid);
    QCOMPARE(result.balance, 1'000'000 - 2 * 165'000);
    QVERIFY(!c.booking->currentHold());
    QVERIFY(c.booking->payKey().isEmpty());
    QCOMPARE(count(u"payments"_s, c.user), 1);
}

void TestBookingController::answerEndsTheKey()
{
    // Someone else holds seat 12: the server's 409 is an answer, so the key ends with it and
    // the next attempt is a new request (re-using the key would replay the 409 forever).
    Customer other = newCustomer();
    QVERIFY(holdNow(other, {12}));
    Customer c = newCustomer();
    QSignalSpy failed(c.booking.get(), &BookingController::holdFailed);
    c.booking->hold({12});
    const QString firstKey = c.booking->holdKey();
    QVERIFY(!firstKey.isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, kWaitMs);
    QCOMPARE(failed.first().first().value<ApiError>().code, ErrorCode::SeatUnavailable);
    QVERIFY(c.booking->holdKey().isEmpty());
    QVERIFY(!c.booking->canRetry());

    QSignalSpy released(other.booking.get(), &BookingController::released);
    other.booking->release();
    QTRY_COMPARE_WITH_TIMEOUT(released.count(), 1, kWaitMs);
    c.booking->hold({12});
    QVERIFY(c.booking->holdKey() != firstKey);
    QSignalSpy held(c.booking.get(), &BookingController::held);
    QTRY_COMPARE_WITH_TIMEOUT(held.count(), 1, kWaitMs);
}

void TestBookingController::lostHoldAnswerRetriedWithTheSameKey()
{
    Customer c = newCustomer(1'000);
    QSignalSpy failed(c.booking.get(), &BookingController::holdFailed);
    WalletLock lock(*m_fx, c.user.id);
    c.booking->hold({21, 20});
    const QString key = c.booking->holdKey();
    QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, kWaitMs);
    QCOMPARE(failed.first().first().value<ApiError>().code, ErrorCode::Unavailable);
    QCOMPARE(c.booking->holdKey(), key); // the answer is unknown: the key stays with the body
    QVERIFY(c.booking->canRetry());
    QVERIFY(!c.booking->currentHold());

    // The server did the work after all.
    lock.release();
    QTRY_COMPARE_WITH_TIMEOUT(
        m_fx->scalar(u"SELECT status FROM idempotency_keys WHERE key = ?"_s, {key}).toInt(), 201,
        kWaitMs);
    const QString reservation
        = m_fx->scalar(u"SELECT id FROM reservations WHERE user_id = ?::uuid"_s,
                       {c.user.id.toString(QUuid::WithoutBraces)})
              .toString();

    // Holding the same seats again (in any order): the same body with the same key, answered
    // from the server's record.
    QSignalSpy held(c.booking.get(), &BookingController::held);
    c.booking->hold({20, 21});
    QCOMPARE(c.booking->holdKey(), key);
    QTRY_COMPARE_WITH_TIMEOUT(held.count(), 1, kWaitMs);
    QCOMPARE(c.booking->currentHold()->id.toString(QUuid::WithoutBraces), reservation);
    QCOMPARE(c.booking->currentHold()->seats, (QList<int> {20, 21}));
    QCOMPARE(count(u"reservations"_s, c.user), 1); // one hold, not two
    QCOMPARE(count(u"idempotency_keys"_s, c.user), 1);
    QVERIFY(c.booking->holdKey().isEmpty());
}

void TestBookingController::otherSeatsGetANewKey()
{
    Customer c = newCustomer(1'000);
    QSignalSpy failed(c.booking.get(), &BookingController::holdFailed);
    WalletLock lock(*m_fx, c.user.id);
    c.booking->hold({30});
    const QString lostKey = c.booking->holdKey();
    QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, kWaitMs);
    lock.release();
    QTRY_COMPARE_WITH_TIMEOUT(
        m_fx->scalar(u"SELECT status FROM idempotency_keys WHERE key = ?"_s, {lostKey}).toInt(),
        201, kWaitMs);

    // The customer changed the selection: another body, so another key. The old key would make
    // the server answer IDEMPOTENCY_MISMATCH (it stored seat 30 under it).
    QSignalSpy held(c.booking.get(), &BookingController::held);
    c.booking->hold({31});
    QVERIFY(!c.booking->holdKey().isEmpty());
    QVERIFY(c.booking->holdKey() != lostKey);
    QTRY_COMPARE_WITH_TIMEOUT(held.count() + failed.count(), 2, kWaitMs);
    QCOMPARE(held.count(), 1);
    QCOMPARE(c.booking->currentHold()->seats, QList<int> {31});
    QCOMPARE(count(u"idempotency_keys"_s, c.user), 2);
}

void TestBookingController::lostPaymentAnswerChargesOnce()
{
    Customer c = newCustomer(1'000);
    QVERIFY(holdNow(c, {40}));
    const Money price = c.booking->currentHold()->total;
    QSignalSpy failed(c.booking.get(), &BookingController::payFailed);
    WalletLock lock(*m_fx, c.user.id);
    c.booking->pay();
    const QString key = c.booking->payKey();
    QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, kWaitMs);
    QCOMPARE(failed.first().first().value<ApiError>().code, ErrorCode::Unavailable);
    QCOMPARE(c.booking->payKey(), key);
    QVERIFY(c.booking->currentHold()); // still ours as far as we know
    lock.release();
    QTRY_COMPARE_WITH_TIMEOUT(count(u"payments"_s, c.user), 1, kWaitMs);

    QSignalSpy paid(c.booking.get(), &BookingController::paid);
    c.booking->retry();
    QCOMPARE(c.booking->payKey(), key);
    QTRY_COMPARE_WITH_TIMEOUT(paid.count(), 1, kWaitMs);
    const auto result = paid.first().first().value<PaymentReceipt>();
    QCOMPARE(result.balance, 1'000'000 - price); // charged once
    QCOMPARE(count(u"payments"_s, c.user), 1);
    QCOMPARE(m_fx->scalar(u"SELECT id FROM payments WHERE user_id = ?::uuid"_s,
                          {c.user.id.toString(QUuid::WithoutBraces)})
                 .toString(),
             result.payment.id.toString(QUuid::WithoutBraces));
}

void TestBookingController::releaseFreesTheSeats()
{
    Customer c = newCustomer();
    QVERIFY(holdNow(c, {45}));
    const QString id = c.booking->currentHold()->id.toString(QUuid::WithoutBraces);
    QSignalSpy changed(c.booking.get(), &BookingController::holdChanged);
    QSignalSpy released(c.booking.get(), &BookingController::released);
    c.booking->release();
    QCOMPARE(changed.count(), 1);
    QVERIFY(!c.booking->currentHold());
    QTRY_COMPARE_WITH_TIMEOUT(released.count(), 1, kWaitMs);
    QVERIFY(released.first().first().toBool());
    QCOMPARE(m_fx->scalar(u"SELECT status FROM reservations WHERE id = ?::uuid"_s, {id}).toString(),
             u"CANCELLED"_s);
}

void TestBookingController::seatUpdateEndsAHoldCancelledElsewhere()
{
    Customer c = newCustomer();
    QVERIFY(holdNow(c, {44}));
    const Reservation hold = *c.booking->currentHold();
    QSignalSpy ended(c.booking.get(), &BookingController::holdEndedElsewhere);

    // An update that still shows the seat held by us keeps the hold.
    Seat ours;
    ours.number = 44;
    ours.status = SeatStatus::Held;
    ours.mine = true;
    c.booking->seatsChanged({ours});
    QVERIFY(c.booking->currentHold());

    // The same account cancels it elsewhere; the live update that shows the seat free makes the
    // controller re-read the reservation and end the hold with its new status.
    bool cancelled = false;
    c.api->cancelReservation(hold.id, this,
                             [&cancelled](const Result<Reservation> &r) { cancelled = r.ok(); });
    QTRY_VERIFY_WITH_TIMEOUT(cancelled, kWaitMs);
    Seat freed = ours;
    freed.status = SeatStatus::Available;
    freed.mine = false;
    c.booking->seatsChanged({freed});
    QTRY_COMPARE_WITH_TIMEOUT(ended.count(), 1, kWaitMs);
    QCOMPARE(ended.first().first().value<Reservation>().status, ReservationStatus::Cancelled);
    QVERIFY(!c.booking->currentHold());
}

QTEST_MAIN(TestBookingController)
#include "tst_bookingcontroller.moc"
