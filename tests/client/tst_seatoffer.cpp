// The waiting list through the real customer window against a real encore-server: a hold that
// loses its seat to someone else offers to wait; the seat coming back (the other customer cancels)
// shows the offer live with its countdown, the seat says it is offered to you, and Pay buys it;
// Decline passes it on. Staff see the date's list in the console and clear it with a reason.
#include "admin/adminwindow.h"
#include "admin/reasondialog.h"
#include "admin/seatstab.h"
#include "admin/seatwaitsdialog.h"
#include "customer/customerwindow.h"
#include "models/concertlistmodel.h"
#include "services/services.h"
#include "widgets/holdcountdown.h"
#include "widgets/seatbutton.h"
#include "widgets/seatwaitpanel.h"

#include "apipaths.h"
#include "bookingrequests.h"
#include "journeyhelpers.h"
#include "testserver.h"

#include <QDir>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QTreeWidget>

using namespace Qt::StringLiterals;
using namespace encore;
using namespace encore::test;

class TestSeatOffer final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void takenSeatIsWaitedForOfferedLiveAndPaid();
    void declineFromThePanel();
    void staffSeeAndClearTheList();

private:
    HttpResponse cancel(const TestUser &user, const QString &reservationId);

    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<Fixtures> m_fx;
};

namespace {
SeatWaitPanel *panel(CustomerWindow *w)
{
    return w->findChild<SeatWaitPanel *>(u"seatWaitPanel"_s);
}

QString panelText(CustomerWindow *w)
{
    auto *l = w->findChild<QLabel *>(u"seatWaitText"_s);
    return l && l->isVisible() ? l->text() : QString();
}

} // namespace

void TestSeatOffer::initTestCase()
{
    m_server = std::make_unique<TestServer>(QStringList {u"--seat-offer-seconds"_s, u"120"_s});
    QVERIFY2(m_server->start(), m_server->output().constData());
    m_fx = std::make_unique<Fixtures>(m_server->database());
}

void TestSeatOffer::cleanupTestCase()
{
    m_fx.reset();
    m_server.reset();
}

HttpResponse TestSeatOffer::cancel(const TestUser &user, const QString &reservationId)
{
    HttpRequest r {"DELETE", api::reservation(QUuid::fromString(reservationId)).toUtf8(), {}, {}};
    r.bearer(user.token);
    return m_server->client().send(r);
}

void TestSeatOffer::takenSeatIsWaitedForOfferedLiveAndPaid()
{
    const qint64 concert = m_fx->createConcert(u"Second Chance"_s, 1);
    const qint64 date = m_fx->schedulesOf(concert).first();
    auto rival = m_fx->createUsers(1, 1'000'000, u"rival"_s);
    m_fx->admit(rival, concert);
    const TestUser fan = m_fx->createUsers(1, 1'000'000, u"hopeful"_s).first();
    SignedIn s = openCustomerWindow(m_server->port(), fan);
    CustomerWindow *w = s.window.get();
    reachSeats(w, date);
    if (QTest::currentTestFailed())
        return;

    // The fan picks seat 12; the rival holds it first (before the fan's window hears of it).
    QVERIFY(clickNamed(w, u"seat12"_s));
    const Reservation taken = m_fx->services()
                                  .reservations.hold(rival[0].id, rival[0].queueToken, date, {12})
                                  .reservation;
    QVERIFY(clickNamed(w, u"holdButton"_s));
    QTRY_VERIFY_WITH_TIMEOUT(clickable(w, u"seatWaitJoinButton"_s), kGuiWaitMs);
    QVERIFY2(panelText(w).contains(u"12"_s), qPrintable(panelText(w)));
    QVERIFY(clickNamed(w, u"seatWaitJoinButton"_s));
    QTRY_VERIFY_WITH_TIMEOUT(visibleChild<QAbstractButton>(w, u"seatWaitLeaveButton"_s),
                             kGuiWaitMs);
    QVERIFY2(panelText(w).contains(u"waiting list"_s), qPrintable(panelText(w)));
    QCOMPARE(m_fx->scalar(u"SELECT seats::text FROM seat_waits WHERE user_id = ?::uuid"_s,
                          {fan.id.toString(QUuid::WithoutBraces)})
                 .toString(),
             u"{12}"_s);
    screenshot(w, u"seat-wait-joined"_s);

    // The rival lets it go: the offer reaches the fan live, with its countdown.
    QCOMPARE(cancel(rival[0], taken.id.toString(QUuid::WithoutBraces)).status, 200);
    QTRY_COMPARE_WITH_TIMEOUT(panel(w)->mode(), SeatWaitPanel::Mode::Offer, kGuiWaitMs);
    auto *countdown = visibleChild<HoldCountdown>(w, u"seatOfferCountdown"_s);
    QVERIFY(countdown && countdown->isRunning());
    QVERIFY(countdown->remainingSeconds() > 100 && countdown->remainingSeconds() <= 120);
    QVERIFY2(panelText(w).contains(u"Seat 12"_s) && panelText(w).contains(money::format(132'000)),
             qPrintable(panelText(w)));
    QVERIFY(clickable(w, u"seatOfferDeclineButton"_s));
    // The seat on the map is the fan's, and says it is offered.
    QTRY_VERIFY_WITH_TIMEOUT(seatStatus(w, 12) == SeatStatus::Held
                                 && visibleChild<SeatButton>(w, u"seat12"_s)->seat().mine
                                 && visibleChild<SeatButton>(w, u"seat12"_s)
                                        ->accessibleName()
                                        .contains(u"offered to you"_s),
                             kGuiWaitMs);
    screenshot(w, u"seat-offer"_s);

    // Pay: the offer's turn lets the payment through; confirm, receipt, the seat is sold.
    QVERIFY(clickNamed(w, u"seatOfferPayButton"_s));
    QTRY_VERIFY_WITH_TIMEOUT(openDialog(u"paymentConfirmDialog"_s), kGuiWaitMs);
    QVERIFY(clickNamed(openDialog(u"paymentConfirmDialog"_s), u"confirmPayButton"_s));
    QTRY_VERIFY_WITH_TIMEOUT(openDialog(u"receiptDialog"_s), kGuiWaitMs);
    openDialog(u"receiptDialog"_s)->reject();
    QCOMPARE(m_fx->scalar(u"SELECT s.status || ':' || r.user_id FROM seats s JOIN reservations r "
                          "ON r.id = s.reservation_id WHERE s.schedule_id = ? AND s.number = 12"_s,
                          {date})
                 .toString(),
             u"SOLD:"_s + fan.id.toString(QUuid::WithoutBraces));
    QTRY_COMPARE_WITH_TIMEOUT(panel(w)->mode(), SeatWaitPanel::Mode::Hidden, kGuiWaitMs);
}

void TestSeatOffer::declineFromThePanel()
{
    const qint64 concert = m_fx->createConcert(u"Not Tonight"_s, 1);
    const qint64 date = m_fx->schedulesOf(concert).first();
    auto rival = m_fx->createUsers(1, 1'000'000, u"keeper"_s);
    m_fx->admit(rival, concert);
    const TestUser fan = m_fx->createUsers(1, 1'000'000, u"decliner"_s).first();
    const TestUser next = m_fx->createUsers(1, 1'000'000, u"nextinline"_s).first();
    const Reservation taken = m_fx->services()
                                  .reservations.hold(rival[0].id, rival[0].queueToken, date, {44})
                                  .reservation;
    for (const TestUser &u : {fan, next})
        QCOMPARE(
            m_server->client()
                .post(api::seatWaits().toUtf8(), SeatWaitRequest {date, {44}, {}}.toJson(), u.token)
                .status,
            201);
    // The window finds the wait at start, then the offer arrives live.
    SignedIn s = openCustomerWindow(m_server->port(), fan);
    CustomerWindow *w = s.window.get();
    QVERIFY(QTest::qWaitForWindowExposed(w));
    QTRY_COMPARE_WITH_TIMEOUT(panel(w)->mode(), SeatWaitPanel::Mode::Waiting, kGuiWaitMs);
    QTRY_VERIFY_WITH_TIMEOUT(w->liveFeed()->isConnected(), kGuiWaitMs);
    QCOMPARE(cancel(rival[0], taken.id.toString(QUuid::WithoutBraces)).status, 200);
    QTRY_VERIFY_WITH_TIMEOUT(clickable(w, u"seatOfferDeclineButton"_s), kGuiWaitMs);
    QVERIFY(clickNamed(w, u"seatOfferDeclineButton"_s));
    QTRY_COMPARE_WITH_TIMEOUT(panel(w)->mode(), SeatWaitPanel::Mode::Hidden, kGuiWaitMs);
    QCOMPARE(m_fx->scalar(u"SELECT r.user_id::text FROM seats s JOIN reservations r ON r.id = "
                          "s.reservation_id WHERE s.schedule_id = ? AND s.number = 44"_s,
                          {date})
                 .toString(),
             next.id.toString(QUuid::WithoutBraces));
}

void TestSeatOffer::staffSeeAndClearTheList()
{
    const qint64 concert = m_fx->createConcert(u"Full House"_s, 1);
    const qint64 date = m_fx->schedulesOf(concert).first();
    auto users = m_fx->createUsers(3, 1'000'000, u"queuer"_s);
    m_fx->admit(users, concert);
    m_fx->services().reservations.hold(users[0].id, users[0].queueToken, date, {3});
    for (int i = 1; i < 3; ++i)
        QCOMPARE(m_server->client()
                     .post(api::seatWaits().toUtf8(), SeatWaitRequest {date, {3}, {}}.toJson(),
                           users[i].token)
                     .status,
                 201);
    TestUser staff = m_fx->createUsers(1, 0, u"usher"_s).first();
    makeStaff(*m_fx, staff);
    ApiClient api;
    api.setBaseUrl(QUrl(u"http://127.0.0.1:%1"_s.arg(m_server->port())));
    api.setSessionToken(QString::fromLatin1(staff.token));
    Session session;
    session.user = {staff.id, staff.username, Role::Staff};
    session.token = QString::fromLatin1(staff.token);
    AdminWindow window(&api, session, nullptr);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QSignalSpy concerts(&window, &AdminWindow::concertsLoaded);
    window.start();
    QVERIFY(concerts.wait(kGuiWaitMs));
    window.showTab(AdminWindow::Tab::Seats);
    QVERIFY(window.seatsTab()->showSchedule(date));
    QTRY_VERIFY_WITH_TIMEOUT(clickable(&window, u"seatWaitsButton"_s), kGuiWaitMs);
    QVERIFY(clickNamed(&window, u"seatWaitsButton"_s));
    SeatWaitsDialog *dialog = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((dialog = visibleChild<SeatWaitsDialog>(&window, u"seatWaitsDialog"_s))
                                 && dialog->waits().size() == 2,
                             kGuiWaitMs);
    auto *list = dialog->findChild<QTreeWidget *>(u"seatWaitsList"_s);
    QCOMPARE(list->topLevelItemCount(), 2);
    QCOMPARE(list->topLevelItem(0)->text(1), users[1].username); // in order
    QCOMPARE(list->topLevelItem(1)->text(1), users[2].username);
    screenshot(dialog, u"staff-seat-waits"_s);

    QVERIFY(clickNamed(dialog, u"clearSeatWaitsButton"_s));
    ReasonDialog *reason = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((reason = visibleChild<ReasonDialog>(dialog, {})), kGuiWaitMs);
    QTest::keyClicks(reason->findChild<QPlainTextEdit *>(u"reasonEdit"_s),
                     u"Date moved to a bigger hall"_s);
    reason->findChild<QPushButton *>(u"reasonOkButton"_s)->click();
    QTRY_COMPARE_WITH_TIMEOUT(list->topLevelItemCount(), 0, kGuiWaitMs);
    QCOMPARE(m_fx->scalar(u"SELECT count(*) FROM seat_waits WHERE schedule_id = ? AND status = "
                          "'CLEARED'"_s,
                          {date})
                 .toInt(),
             2);
    QCOMPARE(m_fx->scalar(u"SELECT details->>'reason' FROM audit_log WHERE action = "
                          "'seatwaits.clear' ORDER BY id DESC LIMIT 1"_s)
                 .toString(),
             u"Date moved to a bigger hall"_s);
}

QTEST_MAIN(TestSeatOffer)
#include "tst_seatoffer.moc"
