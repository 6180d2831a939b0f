// The waiting room's estimate is honest: a real encore-server admits at a steady rate (30 a
// minute, one every two seconds: --queue-admit-per-minute) with short turns (--queue-active-ttl
// 20), others are already in line, and a customer joins through the real window. The wait the
// waiting room shows in words when they join is compared with the wait they then get, measured in
// the same run: the real wait must lie inside the range shown, widened by one second below and two
// above for the window's own delay in noticing the admission (live push, coalesced every half
// second). No figure about the machine's speed is asserted. The admitted turn lasts the
// configured 20 s, not the default 600 s.
// And when admission waits for turns to end (one turn at a time, 16 s each: fewer than five
// admissions a minute), the estimate is measured from the latest admissions, not taken from the
// configured rate, and the real wait lies inside the range shown in the same way.
#include "customer/customerwindow.h"
#include "customer/seatpage.h"
#include "models/concertlistmodel.h"
#include "models/displaytext.h"
#include "widgets/queuepanel.h"

#include "apipaths.h"
#include "journeyhelpers.h"
#include "testserver.h"

#include <QElapsedTimer>
#include <QLabel>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace encore;
using namespace encore::test;

class TestQueueEta final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void shownWaitMatchesTheRealWait();
    void turnEndsLimitTheLine();

private:
    // `count` new customers join the concert's line at once.
    void joinLine(qint64 concert, int count, const QString &prefix);
    int admitted(qint64 concert);
    // A new customer joins the date's line through the real window; the wait shown in words when
    // they join is compared with the wait they then get. Returns the ticket shown.
    QueueTicket joinAndCompare(qint64 schedule, const QString &screenshotName);

    static constexpr int kPerMinute = 30;
    static constexpr int kTurnSeconds = 20;
    static constexpr int kSlowTurnSeconds = 16;
    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<Fixtures> m_fixtures;
};

void TestQueueEta::initTestCase()
{
    m_server = std::make_unique<TestServer>(QStringList {
        u"--queue-admit-per-minute"_s, QString::number(kPerMinute), u"--queue-active-ttl"_s,
        QString::number(kTurnSeconds), u"--queue-max-active"_s, u"1000"_s});
    QVERIFY2(m_server->start(), m_server->output().constData());
    m_fixtures = std::make_unique<Fixtures>(m_server->database());
}

void TestQueueEta::cleanupTestCase()
{
    m_fixtures.reset();
    m_server.reset();
}

void TestQueueEta::shownWaitMatchesTheRealWait()
{
    const qint64 concert = m_fixtures->createConcert(u"Steady Line"_s, 1);
    const qint64 schedule = m_fixtures->schedulesOf(concert).first();

    // Ten fans join first; once six are in, the server has measured the pace (five admissions
    // make a "steady" estimate) and four are still ahead of the customer.
    joinLine(concert, 10, u"steady"_s);
    QTRY_VERIFY_WITH_TIMEOUT(admitted(concert) >= 6, kGuiWaitMs);
    const QueueTicket shown = joinAndCompare(schedule, u"queue-live"_s);
    QVERIFY(shown.aheadCount >= 1);
    QCOMPARE(shown.etaReason, EtaReason::Steady); // the measured pace, not the settings
}

void TestQueueEta::turnEndsLimitTheLine()
{
    // One turn at a time, 16 s each, nobody buys: admissions wait for turns to end — fewer than
    // five a minute (the configured 60 a minute is never reached). Set an hour ago, so the
    // estimate is not the "settings just changed" one.
    const qint64 concert = m_fixtures->createConcert(u"Slow Turns"_s, 1);
    const qint64 schedule = m_fixtures->schedulesOf(concert).first();
    m_fixtures->scalar(u"INSERT INTO queue_settings(concert_id, max_active, admit_per_minute, "
                       "active_ttl_seconds, updated_at) VALUES (?, 1, 60, ?, "
                       "now() - interval '1 hour') ON CONFLICT (concert_id) DO UPDATE SET "
                       "max_active = 1, admit_per_minute = 60, active_ttl_seconds = ?, "
                       "paused = false, updated_at = now() - interval '1 hour'"_s,
                       {concert, kSlowTurnSeconds, kSlowTurnSeconds});
    // Six fans: five turns in a row (the last minute never holds five of them), one still
    // waiting ahead of the customer.
    joinLine(concert, 6, u"slow"_s);
    QTRY_VERIFY_WITH_TIMEOUT(admitted(concert) >= 5, 6 * kSlowTurnSeconds * 1000 + kGuiWaitMs);
    const QueueTicket shown = joinAndCompare(schedule, u"queue-turn-limited"_s);
    QCOMPARE(shown.etaReason, EtaReason::AtCapacity); // every turn taken: in words, and wider
}

void TestQueueEta::joinLine(qint64 concert, int count, const QString &prefix)
{
    const QList<TestUser> line = m_fixtures->createUsers(count, 0, prefix);
    QList<HttpRequest> joins;
    for (const TestUser &u : line) {
        HttpRequest r {"POST", api::concertQueue(concert).toUtf8(), {}, {}};
        joins.append(r.bearer(u.token).json({}));
    }
    for (const HttpResponse &r : m_server->client().parallel(joins))
        QCOMPARE(r.status, 201);
}

int TestQueueEta::admitted(qint64 concert)
{
    int n = 0;
    for (const QueueRow &r : m_fixtures->queueRows(concert))
        n += r.admitted() ? 1 : 0;
    return n;
}

QueueTicket TestQueueEta::joinAndCompare(qint64 schedule, const QString &screenshotName)
{
    const TestUser fan = m_fixtures->createUsers(1, 0, u"waiter"_s).first();
    SignedIn s = openCustomerWindow(m_server->port(), fan);
    CustomerWindow *w = s.window.get();
    [&] {
        pressEnterQueue(w, schedule);
        if (QTest::currentTestFailed())
            return;
        QTRY_VERIFY_WITH_TIMEOUT(w->queuePanel()->ticket().status == QueueStatus::Waiting
                                     && w->queuePanel()->ticket().eta.has_value(),
                                 kGuiWaitMs);
    }();
    if (QTest::currentTestFailed())
        return {};
    QElapsedTimer waited;
    waited.start();
    const QueueTicket shown = w->queuePanel()->ticket();
    const EtaRange eta = *shown.eta;
    [&] {
        // The estimate is on screen in words, as the range it promises.
        const QString words = visibleChild<QLabel>(w, u"queueEta"_s)->text();
        QVERIFY2(words.contains(DisplayText::durationRange(eta.low, eta.high)), qPrintable(words));
        screenshot(w, screenshotName);

        QTRY_COMPARE_WITH_TIMEOUT(w->page(), CustomerWindow::Page::Seats,
                                  int(eta.high * 3000) + kGuiWaitMs);
        const double actual = waited.elapsed() / 1000.0;
        qInfo("%lld ahead (%s): shown %lld s (%lld–%lld s), waited %.1f s", shown.aheadCount,
              qPrintable(DisplayText::etaReason(shown.etaReason)), eta.seconds, eta.low, eta.high,
              actual);
        QVERIFY2(
            actual >= eta.low - 1.0 && actual <= eta.high + 2.0,
            qPrintable(u"shown %1–%2 s, waited %3 s"_s.arg(eta.low).arg(eta.high).arg(actual)));

        // The turn is the configured one (--queue-active-ttl or the concert's), not the 600 s
        // default.
        const qint64 turnLeft = QDateTime::currentDateTimeUtc().secsTo(w->seatPage()->turnEndsAt());
        QVERIFY2(turnLeft > 0 && turnLeft <= kTurnSeconds, qPrintable(QString::number(turnLeft)));
    }();
    return shown;
}

QTEST_MAIN(TestQueueEta)
#include "tst_queueeta.moc"
