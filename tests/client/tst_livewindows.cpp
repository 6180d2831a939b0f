// Two customer windows (two users) on one date against a real server with 3-second holds: one
// holds seats, the other sees them turn held live, loses them from its selection and cannot pick
// them; the hold runs out and both windows see the seats free again, the holder is told. A third
// customer idle on the concert list sees the date's seat count follow those holds live.
#include "customer/customerwindow.h"
#include "customer/seatpage.h"
#include "models/concertlistmodel.h"
#include "widgets/holdcountdown.h"
#include "widgets/seatbutton.h"

#include "bookingrequests.h"
#include "journeyhelpers.h"
#include "testserver.h"

#include <QLabel>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace encore;
using namespace encore::test;

class TestLiveWindows final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void otherWindowSeesTheHoldLiveAndItsExpiry();
    void concertListCountsAreLive();

private:
    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<Fixtures> m_fixtures;
};

namespace {
QString noticeText(CustomerWindow *w)
{
    auto *l = w->findChild<QLabel *>(u"noticeText"_s);
    return l && l->isVisible() ? l->text() : QString();
}
} // namespace

void TestLiveWindows::initTestCase()
{
    m_server = std::make_unique<TestServer>(QStringList {u"--hold-seconds"_s, u"3"_s});
    QVERIFY2(m_server->start(), m_server->output().constData());
    m_fixtures = std::make_unique<Fixtures>(m_server->database());
}

void TestLiveWindows::cleanupTestCase()
{
    m_fixtures.reset();
    m_server.reset();
}

void TestLiveWindows::otherWindowSeesTheHoldLiveAndItsExpiry()
{
    const qint64 concert = m_fixtures->createConcert(u"Side by Side"_s, 1);
    const qint64 schedule = m_fixtures->schedulesOf(concert).first();
    const QList<TestUser> users = m_fixtures->createUsers(2, 1'000'000, u"twin"_s);
    SignedIn a = openCustomerWindow(m_server->port(), users.at(0));
    SignedIn b = openCustomerWindow(m_server->port(), users.at(1));
    for (CustomerWindow *w : {a.window.get(), b.window.get()}) {
        QVERIFY(QTest::qWaitForWindowExposed(w));
        QTRY_VERIFY_WITH_TIMEOUT(w->concertModel()->indexOfSchedule(schedule).isValid(),
                                 kGuiWaitMs);
        QVERIFY(clickSchedule(w, schedule));
        QVERIFY(clickNamed(w, u"enterQueueButton"_s));
    }
    for (CustomerWindow *w : {a.window.get(), b.window.get()}) {
        QTRY_COMPARE_WITH_TIMEOUT(w->page(), CustomerWindow::Page::Seats, kGuiWaitMs);
        QTRY_VERIFY_WITH_TIMEOUT(visibleChild<SeatButton>(w, u"seat6"_s), kGuiWaitMs);
        // Live: the feed's socket is up (not polling).
        QTRY_VERIFY_WITH_TIMEOUT(w->liveFeed()->isConnected(), kGuiWaitMs);
    }

    // B has seat 6 in its selection when A holds 5 and 6.
    QVERIFY(clickNamed(b.window.get(), u"seat6"_s));
    QVERIFY(seatSelected(b.window.get(), 6));
    QVERIFY(clickNamed(a.window.get(), u"seat5"_s));
    QVERIFY(clickNamed(a.window.get(), u"seat6"_s));
    QVERIFY(clickNamed(a.window.get(), u"holdButton"_s));
    QTRY_VERIFY_WITH_TIMEOUT(a.window->seatPage()->hold().has_value(), kGuiWaitMs);
    QVERIFY(a.window->seatPage()->countdown()->isRunning());
    QVERIFY(visibleChild<QLabel>(a.window.get(), u"holdCountdownText"_s));

    // B sees both turn held without doing anything, loses 6 from its selection and is told.
    QTRY_COMPARE_WITH_TIMEOUT(seatStatus(b.window.get(), 5), SeatStatus::Held, 5'000);
    QTRY_COMPARE_WITH_TIMEOUT(seatStatus(b.window.get(), 6), SeatStatus::Held, 5'000);
    QVERIFY(!b.window->findChild<SeatButton *>(u"seat5"_s)->seat().mine);
    QVERIFY(!seatSelected(b.window.get(), 6));
    QVERIFY2(noticeText(b.window.get()).contains(u"taken by someone else"_s),
             qPrintable(noticeText(b.window.get())));
    // …and cannot pick seat 5.
    QVERIFY(clickNamed(b.window.get(), u"seat5"_s));
    QVERIFY(!seatSelected(b.window.get(), 5));
    QVERIFY2(b.window->findChild<QLabel *>(u"seatHint"_s)->text().contains(u"not available"_s),
             qPrintable(b.window->findChild<QLabel *>(u"seatHint"_s)->text()));

    // Three seconds later the hold is over: A's countdown ends and A is told; both windows show
    // the seats free again (the server's sweep, pushed live).
    QTRY_VERIFY_WITH_TIMEOUT(!a.window->seatPage()->hold().has_value(), kGuiWaitMs);
    QVERIFY(!a.window->seatPage()->countdown()->isRunning());
    QVERIFY2(noticeText(a.window.get()).contains(u"hold expired"_s),
             qPrintable(noticeText(a.window.get())));
    QVERIFY(visibleChild<QAbstractButton>(a.window.get(), u"holdButton"_s));
    for (CustomerWindow *w : {a.window.get(), b.window.get()}) {
        QTRY_COMPARE_WITH_TIMEOUT(seatStatus(w, 5), SeatStatus::Available, kGuiWaitMs);
        QTRY_COMPARE_WITH_TIMEOUT(seatStatus(w, 6), SeatStatus::Available, kGuiWaitMs);
    }
    QCOMPARE(m_fixtures->scalar(u"SELECT status FROM reservations"_s).toString(), u"EXPIRED"_s);
    // Now B may pick seat 5.
    QVERIFY(clickNamed(b.window.get(), u"seat5"_s));
    QVERIFY(seatSelected(b.window.get(), 5));
}

// Someone else holds seats of a date while this customer only looks at the concert list: the
// count on the date's row and in the details card goes down at once, and back up when the hold
// runs out — without a refresh.
void TestLiveWindows::concertListCountsAreLive()
{
    const qint64 concert = m_fixtures->createConcert(u"Counting"_s, 1);
    const qint64 schedule = m_fixtures->schedulesOf(concert).first();
    SignedIn s
        = openCustomerWindow(m_server->port(), m_fixtures->createUsers(1, 0, u"looker"_s).first());
    CustomerWindow *w = s.window.get();
    QVERIFY(QTest::qWaitForWindowExposed(w));
    QTRY_VERIFY_WITH_TIMEOUT(w->concertModel()->indexOfSchedule(schedule).isValid(), kGuiWaitMs);
    QVERIFY(clickSchedule(w, schedule));
    QTRY_VERIFY_WITH_TIMEOUT(w->liveFeed()->isConnected(), kGuiWaitMs);
    const auto rowText = [w, schedule] {
        const QModelIndex row = w->concertModel()->indexOfSchedule(schedule);
        return w->concertModel()
            ->index(row.row(), ConcertListModel::SeatsColumn, row.parent())
            .data()
            .toString();
    };
    const auto details = [w] {
        return visibleChild<QLabel>(w, u"concertDateInfo"_s)->text();
    };
    QCOMPARE(rowText(), u"50 of 50 left"_s);

    QList<TestUser> other = m_fixtures->createUsers(1, 1'000'000, u"holder3"_s);
    m_fixtures->admit(other, concert);
    const HttpResponse held
        = m_server->client().send(holdRequest(other.first(), schedule, {1, 2, 3}));
    QVERIFY2(held.status == 201, held.body.constData());
    QTRY_COMPARE_WITH_TIMEOUT(rowText(), u"47 of 50 left"_s, kGuiWaitMs);
    QVERIFY2(details().contains(u"47 of 50 seats left"_s), qPrintable(details()));
    QCOMPARE(w->page(), CustomerWindow::Page::Concerts);

    // The 3-second hold runs out; the sweep frees the seats and the count comes back.
    QTRY_COMPARE_WITH_TIMEOUT(rowText(), u"50 of 50 left"_s, kGuiWaitMs);
    QVERIFY2(details().contains(u"50 of 50 seats left"_s), qPrintable(details()));
}

QTEST_MAIN(TestLiveWindows)
#include "tst_livewindows.moc"
