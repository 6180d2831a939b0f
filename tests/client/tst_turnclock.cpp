// The customer's turn on the seat map, seen through the real widgets against a real
// encore-server with 10-second turns (set by staff): its time left is shown and warns in the last
// minute; when it runs out a clear page says so and leads back into the queue; a hold extends the
// turn and the clock follows (re-read from the queue ticket's activeUntil).
#include "customer/customerwindow.h"
#include "customer/seatpage.h"
#include "models/concertlistmodel.h"
#include "widgets/seatbutton.h"

#include "apipaths.h"
#include "journeyhelpers.h"
#include "testserver.h"

#include <QDir>
#include <QLabel>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace encore;
using namespace encore::test;

class TestTurnClock final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void turnEndsOnAClearPageWithAWayBack();
    void holdExtendsTheTurnOnTheClock();

private:
    // A new concert whose turns last 10 seconds; its date.
    qint64 shortTurnConcert(const QString &title);

    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<Fixtures> m_fixtures;
    TestUser m_staff;
};

namespace {
QString turnClockText(CustomerWindow *w)
{
    auto *l = visibleChild<QLabel>(w, u"turnClock"_s);
    return l ? l->text() : QString();
}
} // namespace

void TestTurnClock::initTestCase()
{
    m_server = std::make_unique<TestServer>();
    QVERIFY2(m_server->start(), m_server->output().constData());
    m_fixtures = std::make_unique<Fixtures>(m_server->database());
    m_staff = m_fixtures->createUsers(1, 0, u"crew"_s).first();
    m_fixtures->scalar(u"UPDATE users SET role = 'staff' WHERE id = '%1'::uuid"_s.arg(
        m_staff.id.toString(QUuid::WithoutBraces)));
}

qint64 TestTurnClock::shortTurnConcert(const QString &title)
{
    const qint64 concert = m_fixtures->createConcert(title, 1);
    HttpRequest put {"PUT", api::adminQueueSettings(concert).toUtf8(), {}, {}};
    put.bearer(m_staff.token)
        .json({{u"maxActive"_s, 10},
               {u"admitPerMinute"_s, 600},
               {u"activeTtlSeconds"_s, 10},
               {u"paused"_s, false}});
    const HttpResponse r = m_server->client().send(put);
    if (r.status != 200)
        qWarning() << "queue settings:" << r.status << r.body;
    return r.status == 200 ? m_fixtures->schedulesOf(concert).first() : 0;
}

void TestTurnClock::cleanupTestCase()
{
    m_fixtures.reset();
    m_server.reset();
}

void TestTurnClock::turnEndsOnAClearPageWithAWayBack()
{
    const qint64 schedule = shortTurnConcert(u"Short Turn"_s);
    QVERIFY(schedule > 0);
    const TestUser fan = m_fixtures->createUsers(1, 1'000'000, u"clock"_s).first();
    SignedIn s = openCustomerWindow(m_server->port(), fan);
    CustomerWindow *w = s.window.get();
    reachSeats(w, schedule);
    if (QTest::currentTestFailed())
        return;

    // Ten seconds: already the last minute, so the clock warns in words.
    QTRY_VERIFY2_WITH_TIMEOUT(turnClockText(w).contains(u"Your turn ends in"_s),
                              qPrintable(turnClockText(w) + u" until "_s
                                         + w->seatPage()->turnEndsAt().toString(Qt::ISODate)),
                              kGuiWaitMs);
    QVERIFY(visibleChild<QLabel>(w, u"turnClock"_s)->property("warning").toBool());
    screenshot(w, u"seats-turn-warning"_s);

    // The end: a page of its own, then back into the queue and admitted again.
    QTRY_COMPARE_WITH_TIMEOUT(w->page(), CustomerWindow::Page::TurnEnded, kGuiWaitMs);
    QVERIFY(visibleChild<QLabel>(w, u"turnEndedText"_s)->text().contains(u"Short Turn"_s));
    screenshot(w, u"turn-ended"_s);
    QVERIFY(clickNamed(w, u"rejoinQueueButton"_s));
    QTRY_COMPARE_WITH_TIMEOUT(w->page(), CustomerWindow::Page::Seats, kGuiWaitMs);
    QTRY_VERIFY_WITH_TIMEOUT(turnClockText(w).contains(u"Your turn ends in"_s), kGuiWaitMs);
}

void TestTurnClock::holdExtendsTheTurnOnTheClock()
{
    const qint64 schedule = shortTurnConcert(u"Held Turn"_s);
    QVERIFY(schedule > 0);
    const TestUser fan = m_fixtures->createUsers(1, 1'000'000, u"holdclock"_s).first();
    SignedIn s = openCustomerWindow(m_server->port(), fan);
    CustomerWindow *w = s.window.get();
    reachSeats(w, schedule);
    if (QTest::currentTestFailed())
        return;
    const QDateTime firstEnd = w->seatPage()->turnEndsAt();
    QVERIFY(firstEnd.isValid());

    QVERIFY(clickNamed(w, u"seat4"_s));
    QVERIFY(clickNamed(w, u"holdButton"_s));
    QTRY_VERIFY_WITH_TIMEOUT(w->seatPage()->hold().has_value(), kGuiWaitMs);
    // The server extended the turn to cover the hold (300 s); the clock shows the new end and
    // no longer warns.
    QTRY_VERIFY2_WITH_TIMEOUT(w->seatPage()->turnEndsAt() >= firstEnd.addSecs(60),
                              qPrintable(firstEnd.toString(Qt::ISODate) + u" -> "_s
                                         + w->seatPage()->turnEndsAt().toString(Qt::ISODate)),
                              kGuiWaitMs);
    QVERIFY(w->seatPage()->turnEndsAt() >= w->seatPage()->hold()->heldUntil);
    QVERIFY2(turnClockText(w).contains(u"Time left in your turn"_s), qPrintable(turnClockText(w)));
    QVERIFY(!visibleChild<QLabel>(w, u"turnClock"_s)->property("warning").toBool());
    QCOMPARE(w->page(), CustomerWindow::Page::Seats);
}

QTEST_MAIN(TestTurnClock)
#include "tst_turnclock.moc"
