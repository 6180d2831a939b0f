// The server goes away in the middle of a purchase: the window shows the connection banner, the
// payment the user confirmed meanwhile is kept (same Idempotency-Key); when the server is back on
// the same database and port the app recovers by itself — banner gone, live feed re-connected,
// payment finished — and the customer is charged exactly once.
#include "customer/customerwindow.h"
#include "customer/seatpage.h"
#include "models/concertlistmodel.h"
#include "widgets/connectionbanner.h"
#include "widgets/seatbutton.h"

#include "journeyhelpers.h"
#include "testserver.h"

#include <QLabel>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace encore;
using namespace encore::test;

class TestOutage final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void paymentAcrossAnOutageChargesOnce();

private:
    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<Fixtures> m_fixtures;
};

void TestOutage::initTestCase()
{
    m_server = std::make_unique<TestServer>();
    QVERIFY2(m_server->start(), m_server->output().constData());
    m_fixtures = std::make_unique<Fixtures>(m_server->database());
}

void TestOutage::cleanupTestCase()
{
    m_fixtures.reset();
    m_server.reset();
}

void TestOutage::paymentAcrossAnOutageChargesOnce()
{
    const qint64 concert = m_fixtures->createConcert(u"Power Cut"_s, 1);
    const qint64 schedule = m_fixtures->schedulesOf(concert).first();
    const QList<TestUser> users = m_fixtures->createUsers(1, 500'000, u"outage"_s);
    const QString user = users.first().id.toString(QUuid::WithoutBraces);
    SignedIn s = openCustomerWindow(m_server->port(), users.first());
    CustomerWindow *w = s.window.get();
    auto *banner = w->connectionBanner();
    QVERIFY(QTest::qWaitForWindowExposed(w));
    QVERIFY(!banner->isVisible());

    // Up to the confirmation dialog of a held A seat (77,000).
    QTRY_VERIFY_WITH_TIMEOUT(w->concertModel()->indexOfSchedule(schedule).isValid(), kGuiWaitMs);
    QVERIFY(clickSchedule(w, schedule));
    QVERIFY(clickNamed(w, u"enterQueueButton"_s));
    QTRY_COMPARE_WITH_TIMEOUT(w->page(), CustomerWindow::Page::Seats, kGuiWaitMs);
    QTRY_VERIFY_WITH_TIMEOUT(visibleChild<SeatButton>(w, u"seat40"_s), kGuiWaitMs);
    QTRY_VERIFY_WITH_TIMEOUT(w->liveFeed()->isConnected(), kGuiWaitMs);
    QVERIFY(clickNamed(w, u"seat40"_s));
    QVERIFY(clickNamed(w, u"holdButton"_s));
    QTRY_VERIFY_WITH_TIMEOUT(visibleChild<QAbstractButton>(w, u"payButton"_s), kGuiWaitMs);
    QVERIFY(clickNamed(w, u"payButton"_s));
    QTRY_VERIFY_WITH_TIMEOUT(openDialog(u"paymentConfirmDialog"_s), kGuiWaitMs);

    // The server stops; the user confirms anyway.
    m_server->stop();
    QVERIFY(clickNamed(openDialog(u"paymentConfirmDialog"_s), u"confirmPayButton"_s));
    QTRY_COMPARE_WITH_TIMEOUT(banner->state(), ConnectionBanner::State::Offline, kGuiWaitMs);
    QVERIFY(banner->isVisible());
    QVERIFY(visibleChild<QAbstractButton>(w, u"connectionRetryButton"_s));
    QTRY_VERIFY_WITH_TIMEOUT(!w->liveFeed()->isConnected(), kGuiWaitMs);
    // The retries give up while the server is away: the user is told in words, and the app keeps
    // the payment (with its key) to finish when the server is back.
    QTRY_VERIFY_WITH_TIMEOUT(
        w->findChild<QLabel *>(u"noticeText"_s)->isVisible()
            && !w->findChild<QLabel *>(u"noticeText"_s)->text().startsWith(u"Paying"_s),
        kGuiWaitMs);
    QVERIFY(!openDialog(u"receiptDialog"_s));
    QCOMPARE(m_fixtures->scalar(u"SELECT count(*) FROM payments"_s).toInt(), 0);

    // Back on the same database and port: the app notices by itself.
    QVERIFY2(m_server->start(), m_server->output().right(2000).constData());
    QTRY_VERIFY_WITH_TIMEOUT(openDialog(u"receiptDialog"_s), kGuiWaitMs);
    QTRY_VERIFY_WITH_TIMEOUT(banner->state() != ConnectionBanner::State::Offline, kGuiWaitMs);
    QTRY_VERIFY_WITH_TIMEOUT(!banner->isVisible(), kGuiWaitMs); // "connected again", then gone
    QTRY_VERIFY_WITH_TIMEOUT(w->liveFeed()->isConnected(), kGuiWaitMs);
    QCOMPARE(w->balance(), Money(500'000 - 77'000));

    // Charged once: one payment, one PAYMENT ledger line, the balance matches the ledger.
    QCOMPARE(m_fixtures->scalar(u"SELECT count(*) FROM payments WHERE user_id = ?::uuid"_s, {user})
                 .toInt(),
             1);
    QCOMPARE(m_fixtures
                 ->scalar(u"SELECT count(*) FROM wallet_ledger WHERE user_id = ?::uuid "
                          "AND kind = 'PAYMENT'"_s,
                          {user})
                 .toInt(),
             1);
    QCOMPARE(m_fixtures->scalar(u"SELECT balance FROM wallets WHERE user_id = ?::uuid"_s, {user})
                 .toLongLong(),
             500'000 - 77'000);
    QCOMPARE(
        m_fixtures
            ->scalar(u"SELECT sum(amount) FROM wallet_ledger WHERE user_id = ?::uuid"_s, {user})
            .toLongLong(),
        500'000 - 77'000);
    QCOMPARE(m_fixtures
                 ->scalar(u"SELECT status FROM seats WHERE schedule_id = ? AND number = 40"_s,
                          {schedule})
                 .toString(),
             u"SOLD"_s);
}

QTEST_MAIN(TestOutage)
#include "tst_outage.moc"
