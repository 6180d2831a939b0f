// What happens to a customer's hold outside their own seat panel, through the real widgets against
// a real encore-server: staff release the held seats with a reason and the panel clears at once,
// telling the customer staff's reason in words (the live account notice); a second window of the
// same account pays and the first one learns it; a hold kept on leaving and quitting is found by a
// new window (a restart) in My tickets and paid there; "Release seats" on quitting gives the seats
// back on the server; a hold the server expired (before the window's own countdown would say so) is
// found by the re-read and explained in words.
#include "customer/bookingcontroller.h"
#include "customer/customerwindow.h"
#include "customer/seatpage.h"
#include "models/concertlistmodel.h"
#include "widgets/noticebar.h"
#include "widgets/seatbutton.h"

#include "apipaths.h"
#include "journeyhelpers.h"
#include "testserver.h"

#include "widgets/holdcountdown.h"

#include <QAction>
#include <QDir>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QTableView>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace encore;
using namespace encore::test;

class TestHoldSeams final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void staffReleaseClearsTheHoldersPanel();
    void paymentInAnotherWindowReachesThePanel();
    void keptHoldIsPaidAfterARestart();
    void quitReleasesTheHoldWhenAsked();
    void holdExpiredOnTheServerLeavesThePanel();

private:
    void holdSeats(CustomerWindow *window, const QList<int> &seats);

    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<Fixtures> m_fixtures;
    TestUser m_staff;
};

namespace {
QString noticeText(CustomerWindow *w)
{
    auto *l = w->findChild<QLabel *>(u"noticeText"_s);
    return l && l->isVisible() ? l->text() : QString();
}
} // namespace

void TestHoldSeams::initTestCase()
{
    QGuiApplication::setQuitOnLastWindowClosed(false); // "Quit" closes windows; the test goes on
    m_server = std::make_unique<TestServer>();
    QVERIFY2(m_server->start(), m_server->output().constData());
    m_fixtures = std::make_unique<Fixtures>(m_server->database());
    m_staff = m_fixtures->createUsers(1, 0, u"crew"_s).first();
    m_fixtures->scalar(u"UPDATE users SET role = 'staff' WHERE id = '%1'::uuid"_s.arg(
        m_staff.id.toString(QUuid::WithoutBraces)));
}

void TestHoldSeams::cleanupTestCase()
{
    m_fixtures.reset();
    m_server.reset();
}

void TestHoldSeams::holdSeats(CustomerWindow *window, const QList<int> &seats)
{
    for (int n : seats)
        QVERIFY(clickNamed(window, u"seat%1"_s.arg(n)));
    QVERIFY(clickNamed(window, u"holdButton"_s));
    QTRY_VERIFY_WITH_TIMEOUT(visibleChild<QAbstractButton>(window, u"payButton"_s), kGuiWaitMs);
}

void TestHoldSeams::staffReleaseClearsTheHoldersPanel()
{
    const qint64 concert = m_fixtures->createConcert(u"Released"_s, 1);
    const qint64 schedule = m_fixtures->schedulesOf(concert).first();
    const TestUser fan = m_fixtures->createUsers(1, 1'000'000, u"holder"_s).first();
    SignedIn s = openCustomerWindow(m_server->port(), fan);
    CustomerWindow *w = s.window.get();
    reachSeats(w, schedule);
    if (QTest::currentTestFailed())
        return;
    // Each tier's price is on the page, without hovering.
    const QString prices = visibleChild<QLabel>(w, u"tierPrices"_s)->text();
    QVERIFY2(prices.contains(u"VIP seats · "_s + money::format(165'000)), qPrintable(prices));
    QVERIFY2(prices.contains(u"A seats · "_s + money::format(77'000)), qPrintable(prices));
    // Nothing picked: the button does not pretend to hold one seat.
    QCOMPARE(visibleChild<QAbstractButton>(w, u"holdButton"_s)->text(), u"Hold seats"_s);
    holdSeats(w, {7, 8});
    if (QTest::currentTestFailed())
        return;
    QVERIFY(w->findChild<QLabel *>(u"heldSeats"_s)->text().contains(u"7"_s));
    // Another seat while holding: not picked, and the customer is told why.
    QVERIFY(clickNamed(w, u"seat20"_s));
    QVERIFY(!seatSelected(w, 20));
    QVERIFY2(w->findChild<QLabel *>(u"seatHint"_s)->text().contains(u"release them"_s),
             qPrintable(w->findChild<QLabel *>(u"seatHint"_s)->text()));

    // Staff release the held seat 7 (the whole reservation goes back on sale), saying why.
    const QString why = u"Seats 7-8 are kept for a wheelchair user"_s;
    HttpRequest release {"POST", api::adminSeatRelease(schedule, 7).toUtf8(), {}, {}};
    release.bearer(m_staff.token).json({{u"reason"_s, why}});
    const HttpResponse r = m_server->client().send(release);
    QVERIFY2(r.status == 200, r.body.constData());

    // The panel follows at once: no "Pay now", no seats on hold, and staff's reason in words.
    QTRY_VERIFY_WITH_TIMEOUT(!w->booking()->currentHold().has_value(), kGuiWaitMs);
    QVERIFY(!w->seatPage()->hold().has_value());
    QVERIFY(!visibleChild<QAbstractButton>(w, u"payButton"_s));
    QVERIFY(visibleChild<QAbstractButton>(w, u"holdButton"_s));
    QTRY_VERIFY2_WITH_TIMEOUT(noticeText(w).startsWith(u"Released by staff: "_s + why),
                              qPrintable(noticeText(w)), kGuiWaitMs);
    QVERIFY2(noticeText(w).contains(u"seats 7, 8"_s), qPrintable(noticeText(w)));
    QTRY_COMPARE_WITH_TIMEOUT(seatStatus(w, 7), SeatStatus::Available, kGuiWaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(seatStatus(w, 8), SeatStatus::Available, kGuiWaitMs);
    // The turn goes on: the customer can pick seats again.
    QCOMPARE(w->page(), CustomerWindow::Page::Seats);
    QVERIFY(clickNamed(w, u"seat9"_s));
    QVERIFY(seatSelected(w, 9));
    screenshot(w, u"seats-released-by-staff"_s);
}

void TestHoldSeams::paymentInAnotherWindowReachesThePanel()
{
    const qint64 concert = m_fixtures->createConcert(u"Two Windows"_s, 1);
    const qint64 schedule = m_fixtures->schedulesOf(concert).first();
    const TestUser fan = m_fixtures->createUsers(1, 1'000'000, u"twowin"_s).first();
    SignedIn first = openCustomerWindow(m_server->port(), fan);
    reachSeats(first.window.get(), schedule);
    if (QTest::currentTestFailed())
        return;
    holdSeats(first.window.get(), {3});
    if (QTest::currentTestFailed())
        return;
    const Reservation hold = *first.window->booking()->currentHold();

    // The same account in a second window pays that hold over the API the app uses.
    ApiClient other;
    other.setBaseUrl(QUrl(u"http://127.0.0.1:%1"_s.arg(m_server->port())));
    other.setSessionToken(QString::fromLatin1(fan.token));
    other.setQueueToken(first.api->queueToken()); // the account's turn, as the window joined it
    bool done = false;
    other.pay(hold.id, ApiClient::newIdempotencyKey(), this,
              [&done](const Result<PaymentReceipt> &r) {
                  QVERIFY2(r.ok(), r ? "" : qPrintable(r.error().message));
                  done = true;
              });
    QTRY_VERIFY_WITH_TIMEOUT(done, kGuiWaitMs);

    CustomerWindow *w = first.window.get();
    QTRY_VERIFY_WITH_TIMEOUT(!w->booking()->currentHold().has_value(), kGuiWaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(w->page(), CustomerWindow::Page::Tickets, kGuiWaitMs);
    QVERIFY2(noticeText(w).contains(u"another window"_s), qPrintable(noticeText(w)));

    // Refunding asks, and Enter keeps the ticket (Refund is not the default button).
    auto *view = visibleChild<QTableView>(w, u"ticketsView"_s);
    QTRY_VERIFY_WITH_TIMEOUT((view = visibleChild<QTableView>(w, u"ticketsView"_s))
                                 && view->model()->rowCount() == 1,
                             kGuiWaitMs);
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {},
                      view->visualRect(view->model()->index(0, 0)).center());
    QTRY_VERIFY_WITH_TIMEOUT(clickable(w, u"refundButton"_s), kGuiWaitMs);
    QVERIFY(clickNamed(w, u"refundButton"_s));
    QTRY_VERIFY_WITH_TIMEOUT(openDialog(u"refundConfirmBox"_s), kGuiWaitMs);
    auto *box = qobject_cast<QMessageBox *>(openDialog(u"refundConfirmBox"_s));
    QVERIFY(box && box->defaultButton());
    QCOMPARE(box->defaultButton()->objectName(), u"refundNoButton"_s);
    QTest::keyClick(box, Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(!openDialog(u"refundConfirmBox"_s), kGuiWaitMs);
    QCOMPARE(m_fixtures
                 ->scalar(u"SELECT status FROM reservations WHERE user_id = '%1'::uuid"_s.arg(
                     fan.id.toString(QUuid::WithoutBraces)))
                 .toString(),
             u"PAID"_s);
}

void TestHoldSeams::keptHoldIsPaidAfterARestart()
{
    const qint64 concert = m_fixtures->createConcert(u"Kept"_s, 1);
    const qint64 schedule = m_fixtures->schedulesOf(concert).first();
    const TestUser fan = m_fixtures->createUsers(1, 1'000'000, u"keeper"_s).first();
    SignedIn first = openCustomerWindow(m_server->port(), fan);
    CustomerWindow *w = first.window.get();
    reachSeats(w, schedule);
    if (QTest::currentTestFailed())
        return;
    holdSeats(w, {11});
    if (QTest::currentTestFailed())
        return;

    // Leaving the seat map asks; "Keep my hold" shows it in My tickets with its countdown.
    QVERIFY(clickNamed(w, u"leaveSeatsButton"_s));
    QTRY_VERIFY_WITH_TIMEOUT(openDialog(u"keepHoldBox"_s), kGuiWaitMs);
    QCOMPARE(openDialog(u"keepHoldBox"_s)->windowModality(), Qt::WindowModal);
    screenshot(openDialog(u"keepHoldBox"_s), u"seats-keep-or-release"_s);
    QVERIFY(clickNamed(openDialog(u"keepHoldBox"_s), u"keepHoldButton"_s));
    QTRY_COMPARE_WITH_TIMEOUT(w->page(), CustomerWindow::Page::Tickets, kGuiWaitMs);

    // Quitting asks too; keeping closes the window and the hold stays on the server.
    w->findChild<QAction *>(u"quitAction"_s)->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(openDialog(u"keepHoldBox"_s), kGuiWaitMs);
    QVERIFY(w->isVisible());
    QVERIFY(clickNamed(openDialog(u"keepHoldBox"_s), u"keepHoldButton"_s));
    QTRY_VERIFY_WITH_TIMEOUT(!w->isVisible(), kGuiWaitMs);
    first.window.reset();
    first.api.reset();
    QCOMPARE(m_fixtures
                 ->scalar(u"SELECT status FROM reservations WHERE user_id = '%1'::uuid"_s.arg(
                     fan.id.toString(QUuid::WithoutBraces)))
                 .toString(),
             u"HELD"_s);

    // The app again: My tickets lists the hold with its countdown and Pay.
    SignedIn again = openCustomerWindow(m_server->port(), fan);
    w = again.window.get();
    QVERIFY(QTest::qWaitForWindowExposed(w));
    QTRY_VERIFY2_WITH_TIMEOUT(noticeText(w).contains(u" 11 for Kept"_s)
                                  && noticeText(w).contains(u"in My tickets"_s),
                              qPrintable(noticeText(w)), kGuiWaitMs);
    QVERIFY(clickNamed(w, u"ticketsNavButton"_s));
    auto *view = visibleChild<QTableView>(w, u"ticketsView"_s);
    QTRY_VERIFY_WITH_TIMEOUT((view = visibleChild<QTableView>(w, u"ticketsView"_s))
                                 && view->model()->rowCount() == 1,
                             kGuiWaitMs);
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {},
                      view->visualRect(view->model()->index(0, 0)).center());
    QTRY_VERIFY_WITH_TIMEOUT(clickable(w, u"payHoldButton"_s), kGuiWaitMs);
    auto *countdown = visibleChild<HoldCountdown>(w, u"ticketsHoldCountdown"_s);
    QVERIFY(countdown && countdown->isRunning());
    QVERIFY(countdown->remainingSeconds() > 0);
    screenshot(w, u"tickets-kept-hold"_s);

    // Pay goes back into the account's turn (admitted at once) and confirms there.
    QVERIFY(clickNamed(w, u"payHoldButton"_s));
    QTRY_VERIFY_WITH_TIMEOUT(openDialog(u"paymentConfirmDialog"_s), kGuiWaitMs);
    QCOMPARE(w->page(), CustomerWindow::Page::Seats);
    QVERIFY(clickNamed(openDialog(u"paymentConfirmDialog"_s), u"confirmPayButton"_s));
    QTRY_VERIFY_WITH_TIMEOUT(openDialog(u"receiptDialog"_s), kGuiWaitMs);
    QCOMPARE(m_fixtures
                 ->scalar(u"SELECT status FROM reservations WHERE user_id = '%1'::uuid"_s.arg(
                     fan.id.toString(QUuid::WithoutBraces)))
                 .toString(),
             u"PAID"_s);
    openDialog(u"receiptDialog"_s)->reject();
}

void TestHoldSeams::quitReleasesTheHoldWhenAsked()
{
    const qint64 concert = m_fixtures->createConcert(u"Let Go"_s, 1);
    const qint64 schedule = m_fixtures->schedulesOf(concert).first();
    const TestUser fan = m_fixtures->createUsers(1, 1'000'000, u"letgo"_s).first();
    SignedIn s = openCustomerWindow(m_server->port(), fan);
    CustomerWindow *w = s.window.get();
    reachSeats(w, schedule);
    if (QTest::currentTestFailed())
        return;
    holdSeats(w, {21, 22});
    if (QTest::currentTestFailed())
        return;
    const QString user = fan.id.toString(QUuid::WithoutBraces);
    const QString status
        = u"SELECT status FROM reservations WHERE user_id = '%1'::uuid"_s.arg(user);
    QCOMPARE(m_fixtures->scalar(status).toString(), u"HELD"_s);

    // Quit asks; "Release seats" cancels the hold on the server, then the window closes.
    w->findChild<QAction *>(u"quitAction"_s)->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(openDialog(u"keepHoldBox"_s), kGuiWaitMs);
    // The question wears the app's own icon, not the platform's old bitmap.
    auto *box = qobject_cast<QMessageBox *>(openDialog(u"keepHoldBox"_s));
    QVERIFY(box && box->icon() == QMessageBox::NoIcon && !box->iconPixmap().isNull());
    QVERIFY(w->isVisible());
    QVERIFY(clickNamed(box, u"releaseKeptHoldButton"_s));
    QTRY_VERIFY_WITH_TIMEOUT(!w->isVisible(), kGuiWaitMs);
    QCOMPARE(m_fixtures->scalar(status).toString(), u"CANCELLED"_s);
    QCOMPARE(m_fixtures
                 ->scalar(u"SELECT count(*) FROM seats WHERE schedule_id = ? AND number IN (21, "
                          "22) AND status = 'AVAILABLE'"_s,
                          {schedule})
                 .toInt(),
             2);
}

void TestHoldSeams::holdExpiredOnTheServerLeavesThePanel()
{
    const qint64 concert = m_fixtures->createConcert(u"Ran Out"_s, 1);
    const qint64 schedule = m_fixtures->schedulesOf(concert).first();
    const TestUser fan = m_fixtures->createUsers(1, 1'000'000, u"ranout"_s).first();
    SignedIn s = openCustomerWindow(m_server->port(), fan);
    CustomerWindow *w = s.window.get();
    reachSeats(w, schedule);
    if (QTest::currentTestFailed())
        return;
    holdSeats(w, {33});
    if (QTest::currentTestFailed())
        return;
    // The window's countdown still has minutes to go...
    QVERIFY(w->seatPage()->countdown()->remainingSeconds() > 60);

    // ...when the hold runs out on the server (its end moved into the past; the sweeper frees
    // the seat and the live feed says the seat changed).
    const QString user = fan.id.toString(QUuid::WithoutBraces);
    m_fixtures->scalar(u"UPDATE reservations SET held_until = now() - interval '1 second' "
                       "WHERE user_id = '%1'::uuid"_s.arg(user));
    m_fixtures->scalar(u"UPDATE seats SET held_until = now() - interval '1 second' "
                       "WHERE schedule_id = ? AND number = 33"_s,
                       {schedule});

    // The re-read finds EXPIRED: the panel leaves "Seats on hold" and says why in words.
    QTRY_VERIFY_WITH_TIMEOUT(!w->booking()->currentHold().has_value(), kGuiWaitMs);
    QVERIFY(!w->seatPage()->hold().has_value());
    QVERIFY(!visibleChild<QAbstractButton>(w, u"payButton"_s));
    QVERIFY(visibleChild<QAbstractButton>(w, u"holdButton"_s));
    QTRY_VERIFY2_WITH_TIMEOUT(noticeText(w).contains(u"expired"_s), qPrintable(noticeText(w)),
                              kGuiWaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(seatStatus(w, 33), SeatStatus::Available, kGuiWaitMs);
    QCOMPARE(m_fixtures
                 ->scalar(u"SELECT status FROM reservations WHERE user_id = '%1'::uuid"_s.arg(user))
                 .toString(),
             u"EXPIRED"_s);
    QCOMPARE(w->page(), CustomerWindow::Page::Seats); // the turn goes on
}

QTEST_MAIN(TestHoldSeams)
#include "tst_holdseams.moc"
