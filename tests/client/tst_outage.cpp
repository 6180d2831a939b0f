// The server goes away in the middle of a purchase: the window shows the connection banner, the
// payment the user confirmed meanwhile is kept (same Idempotency-Key); when the server is back on
// the same database and port the app recovers by itself — banner gone, live feed re-connected,
// payment finished — and the customer is charged exactly once.
//
// And while the customer does nothing: the server is killed (seat map), hangs (waiting room:
// SIGSTOP, sockets open, nothing answers) or shuts down (My tickets). Each time the window shows
// one banner within seconds — with the app's own heartbeat settings, no test shortcuts — the
// actions that need the server are disabled, nothing on the page moves, and on recovery the
// banner goes and the actions come back.
#include "customer/customerwindow.h"
#include "customer/seatpage.h"
#include "models/concertlistmodel.h"
#include "widgets/connectionbanner.h"
#include "widgets/noticebar.h"
#include "widgets/queuepanel.h"
#include "widgets/seatbutton.h"

#include "bookingrequests.h"
#include "journeyhelpers.h"
#include "testserver.h"

#include <QLabel>
#include <QLayout>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace encore;
using namespace encore::test;

class TestOutage final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanupTestCase();
    void paymentAcrossAnOutageChargesOnce();
    void idleSeatMapNoticesAKilledServer();
    void idleWaitingRoomNoticesAHungServer();
    void idleTicketsNoticeAStoppedServer();

private:
    enum class Outage { Kill, Hang, Stop };
    // Takes the server away as `how` says, checks the window shows one banner and disables
    // `actions` without moving `steady`; brings it back and checks the banner goes and the
    // actions are enabled again.
    void outageWhileIdle(CustomerWindow *w, Outage how, const QStringList &actions,
                         const QStringList &steady, const QString &screenshotName);

    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<Fixtures> m_fixtures;
};

void TestOutage::initTestCase()
{
    m_server = std::make_unique<TestServer>();
    QVERIFY2(m_server->start(), m_server->output().constData());
    m_fixtures = std::make_unique<Fixtures>(m_server->database());
}

void TestOutage::init()
{
    // Each test takes the server away; one that failed half-way must not leave it down.
    m_server->resume();
    if (m_server->pid() == 0)
        QVERIFY2(m_server->start(), m_server->output().right(2000).constData());
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
    // The retries give up while the server is away: the banner is the one message (no stale
    // "Paying…", no second banner per failed request), and the app keeps the payment (with its
    // key) to finish when the server is back.
    QTRY_VERIFY_WITH_TIMEOUT(!w->findChild<QWidget *>(u"noticeBar"_s)->isVisible(), kGuiWaitMs);
    QVERIFY(banner->isVisible());
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

namespace {
// The app's defaults notice a dead server at once (the socket closes, the probe is refused) and
// a hung one after the live socket's silence limit plus one probe timeout: 4 s + 3 s. The bound
// leaves room for a busy machine; it is not a measurement.
constexpr int kNoticeMs = 15'000;

// Every banner or notice a person can see in the window.
int visibleNotices(CustomerWindow *w)
{
    int n = 0;
    for (const QString &name : {u"connectionBanner"_s, u"noticeBar"_s})
        n += visibleChild<QWidget>(w, name) ? 1 : 0;
    return n;
}

bool enabled(CustomerWindow *w, const QString &name)
{
    auto *b = visibleChild<QAbstractButton>(w, name);
    return b && b->isEnabled();
}
} // namespace

void TestOutage::outageWhileIdle(CustomerWindow *w, Outage how, const QStringList &actions,
                                 const QStringList &steady, const QString &screenshotName)
{
    auto *banner = w->connectionBanner();
    for (const QString &name : actions)
        QTRY_VERIFY2_WITH_TIMEOUT(enabled(w, name), qPrintable(name), kGuiWaitMs);
    QTRY_VERIFY_WITH_TIMEOUT(w->liveFeed()->isConnected(), kGuiWaitMs);
    w->notice()->dismiss();
    QCOMPARE(visibleNotices(w), 0);
    const QList<QRect> before = placesOf(w, steady);
    for (const QRect &r : before)
        QVERIFY(r.isValid());

    switch (how) {
    case Outage::Kill:
        m_server->kill();
        break;
    case Outage::Hang:
        m_server->pause();
        break;
    case Outage::Stop:
        m_server->stop();
        break;
    }
    // Nobody clicks anything: the window finds out by itself.
    QTRY_COMPARE_WITH_TIMEOUT(banner->state(), ConnectionBanner::State::Offline, kNoticeMs);
    QVERIFY(banner->isVisible());
    for (const QString &name : actions)
        QTRY_VERIFY2_WITH_TIMEOUT(!enabled(w, name), qPrintable(name), kGuiWaitMs);
    QCOMPARE(visibleNotices(w), 1); // the banner, and nothing else about the outage
    // The banner floats over the page: nothing under the mouse moved.
    QCOMPARE(placesOf(w, steady), before);
    screenshot(w, screenshotName);

    if (how == Outage::Hang)
        m_server->resume();
    else
        QVERIFY2(m_server->start(), m_server->output().right(2000).constData());
    QTRY_VERIFY_WITH_TIMEOUT(banner->state() != ConnectionBanner::State::Offline, kGuiWaitMs);
    for (const QString &name : actions)
        QTRY_VERIFY2_WITH_TIMEOUT(enabled(w, name), qPrintable(name), kGuiWaitMs);
    QTRY_VERIFY_WITH_TIMEOUT(!banner->isVisible(), kGuiWaitMs); // "connected again", then gone
    QTRY_VERIFY_WITH_TIMEOUT(w->liveFeed()->isConnected(), kGuiWaitMs);
}

void TestOutage::idleSeatMapNoticesAKilledServer()
{
    const qint64 concert = m_fixtures->createConcert(u"Idle Seats"_s, 1);
    const qint64 schedule = m_fixtures->schedulesOf(concert).first();
    const TestUser fan = m_fixtures->createUsers(1, 500'000, u"idleseats"_s).first();
    SignedIn s = openCustomerWindow(m_server->port(), fan);
    CustomerWindow *w = s.window.get();
    QSignalSpy away(s.api.get(), &ApiClient::serverUnreachable);
    QVERIFY(QTest::qWaitForWindowExposed(w));
    QTRY_VERIFY_WITH_TIMEOUT(w->concertModel()->indexOfSchedule(schedule).isValid(), kGuiWaitMs);
    QVERIFY(clickSchedule(w, schedule));
    QTRY_VERIFY_WITH_TIMEOUT(clickable(w, u"enterQueueButton"_s), kGuiWaitMs);
    QVERIFY(clickNamed(w, u"enterQueueButton"_s));
    QTRY_COMPARE_WITH_TIMEOUT(w->page(), CustomerWindow::Page::Seats, kGuiWaitMs);
    QTRY_VERIFY_WITH_TIMEOUT(visibleChild<SeatButton>(w, u"seat12"_s), kGuiWaitMs);
    QVERIFY(clickNamed(w, u"seat12"_s)); // a pick needs no server; holding it does
    outageWhileIdle(w, Outage::Kill, {u"holdButton"_s},
                    {u"seatPageTitle"_s, u"turnClock"_s, u"leaveSeatsButton"_s, u"seat1"_s,
                     u"seat50"_s, u"holdButton"_s},
                    u"offline-seats"_s);
    QCOMPARE(away.count(), 1); // one outage, one banner
    QVERIFY(seatSelected(w, 12));
}

void TestOutage::idleWaitingRoomNoticesAHungServer()
{
    const qint64 concert = m_fixtures->createConcert(u"Idle Queue"_s, 1);
    const qint64 schedule = m_fixtures->schedulesOf(concert).first();
    // A paused line: the customer waits for as long as the test needs.
    m_fixtures->scalar(u"INSERT INTO queue_settings(concert_id, max_active, admit_per_minute, "
                       "active_ttl_seconds, paused) VALUES (?, 10, 60, 600, true) "
                       "ON CONFLICT (concert_id) DO UPDATE SET paused = true"_s,
                       {concert});
    const TestUser fan = m_fixtures->createUsers(1, 500'000, u"idlequeue"_s).first();
    SignedIn s = openCustomerWindow(m_server->port(), fan);
    CustomerWindow *w = s.window.get();
    QSignalSpy away(s.api.get(), &ApiClient::serverUnreachable);
    QVERIFY(QTest::qWaitForWindowExposed(w));
    QTRY_VERIFY_WITH_TIMEOUT(w->concertModel()->indexOfSchedule(schedule).isValid(), kGuiWaitMs);
    QVERIFY(clickSchedule(w, schedule));
    QTRY_VERIFY_WITH_TIMEOUT(clickable(w, u"enterQueueButton"_s), kGuiWaitMs);
    QVERIFY(clickNamed(w, u"enterQueueButton"_s));
    QTRY_COMPARE_WITH_TIMEOUT(w->page(), CustomerWindow::Page::Queue, kGuiWaitMs);
    // In line with a place (a default ticket also says "waiting": wait for the join's answer).
    QTRY_VERIFY_WITH_TIMEOUT(w->queuePanel()->ticket().status == QueueStatus::Waiting
                                 && w->queuePanel()->ticket().position >= 1,
                             kGuiWaitMs);
    outageWhileIdle(w, Outage::Hang, {u"leaveQueueButton"_s},
                    {u"queueTitle"_s, u"queueStatus"_s, u"leaveQueueButton"_s}, u"offline-queue"_s);
    QCOMPARE(away.count(), 1);
    QCOMPARE(w->page(), CustomerWindow::Page::Queue); // still in line
}

void TestOutage::idleTicketsNoticeAStoppedServer()
{
    const qint64 concert = m_fixtures->createConcert(u"Idle Tickets"_s, 1);
    const qint64 schedule = m_fixtures->schedulesOf(concert).first();
    QList<TestUser> fans = m_fixtures->createUsers(1, 500'000, u"idletickets"_s);
    m_fixtures->admit(fans, concert);
    const HttpResponse held = m_server->client().send(holdRequest(fans.first(), schedule, {44}));
    QVERIFY2(held.status == 201, held.body.constData());
    SignedIn s = openCustomerWindow(m_server->port(), fans.first());
    CustomerWindow *w = s.window.get();
    QSignalSpy away(s.api.get(), &ApiClient::serverUnreachable);
    QVERIFY(QTest::qWaitForWindowExposed(w));
    QVERIFY(clickNamed(w, u"ticketsNavButton"_s));
    QTableView *view = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((view = visibleChild<QTableView>(w, u"ticketsView"_s))
                                 && view->model()->rowCount() == 1,
                             kGuiWaitMs);
    // The list may still be loading (the window's start and the page both read it): select until
    // the hold's buttons are there. Selecting is idempotent.
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            if (!enabled(w, u"payHoldButton"_s))
                QTest::mouseClick(view->viewport(), Qt::LeftButton, {},
                                  view->visualRect(view->model()->index(0, 0)).center());
            return enabled(w, u"payHoldButton"_s);
        }(),
        kGuiWaitMs);
    outageWhileIdle(
        w, Outage::Stop, {u"payHoldButton"_s, u"cancelHoldButton"_s, u"refreshTicketsButton"_s},
        {u"ticketsView"_s, u"payHoldButton"_s, u"refreshTicketsButton"_s}, u"offline-tickets"_s);
    QCOMPARE(away.count(), 1);
}

QTEST_MAIN(TestOutage)
#include "tst_outage.moc"
