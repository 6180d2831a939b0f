// QueuePanel shows position, people ahead, an ETA range, progress and the reason; HoldCountdown
// counts down on a pinned clock and says expired() once.
#include "app/languagemanager.h"
#include "widgets/holdcountdown.h"
#include "widgets/queuepanel.h"

#include <QLabel>
#include <QProgressBar>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace encore;

class TestQueuePanel final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void showsWhereTheUserStands();
    void showsReasons_data();
    void showsReasons();
    void admittedIsComplete();
    void countdownExpiresOnce();

private:
    LanguageManager m_languages;
};

namespace {
QString text(const QWidget &w, const QString &name)
{
    return w.findChild<QLabel *>(name)->text();
}
} // namespace

void TestQueuePanel::initTestCase()
{
    // English plurals ("1 person", "25 people") come from the English translation.
    m_languages.setLanguage(u"en"_s, false);
}

void TestQueuePanel::showsWhereTheUserStands()
{
    QueuePanel panel;
    panel.setConcertTitle(u"Aurora"_s);
    QueueTicket t;
    t.position = 26;
    t.aheadCount = 25;
    t.etaLowSeconds = 120;
    t.etaHighSeconds = 300;
    panel.setTicket(t, 100);
    QCOMPARE(text(panel, u"queuePosition"_s), u"No. 26 in line"_s);
    QCOMPARE(text(panel, u"queueAhead"_s), u"25 people ahead of you"_s);
    QCOMPARE(text(panel, u"queueEta"_s), u"Expected wait: 2–5 min"_s);
    QCOMPARE(panel.findChild<QProgressBar *>(u"queueProgress"_s)->value(), 75);
    t.aheadCount = 1;
    t.etaLowSeconds = t.etaHighSeconds = 5;
    panel.setTicket(t, 100);
    QCOMPARE(text(panel, u"queueAhead"_s), u"1 person ahead of you"_s);
    QCOMPARE(text(panel, u"queueEta"_s), u"Expected wait: less than a minute"_s);
}

void TestQueuePanel::showsReasons_data()
{
    QTest::addColumn<QString>("reason");
    QTest::addColumn<QString>("shown");
    QTest::addRow("steady") << u"steady"_s << QString();
    QTest::addRow("paused") << u"paused"_s << u"paused by the organiser"_s;
    QTest::addRow("slower") << u"rate_lowered"_s << u"slowed down"_s;
    QTest::addRow("unknown") << u"maintenance"_s << u"maintenance"_s;
}

void TestQueuePanel::showsReasons()
{
    QFETCH(QString, reason);
    QFETCH(QString, shown);
    const QString textShown = QueuePanel::reasonText(reason);
    QCOMPARE(textShown.isEmpty(), shown.isEmpty());
    QVERIFY(textShown.contains(shown));
}

void TestQueuePanel::admittedIsComplete()
{
    QueuePanel panel;
    QueueTicket t;
    t.status = QueueStatus::Active;
    panel.setTicket(t, 40);
    QCOMPARE(panel.progress(), 100);
    QCOMPARE(text(panel, u"queueStatus"_s), u"It's your turn!"_s);
}

void TestQueuePanel::countdownExpiresOnce()
{
    QDateTime now = QDateTime(QDate(2026, 1, 1), QTime(12, 0), Qt::UTC);
    HoldCountdown countdown;
    countdown.setClock([&now] { return now; });
    QSignalSpy expired(&countdown, &HoldCountdown::expired);
    countdown.start(now.addSecs(125));
    QCOMPARE(countdown.remainingSeconds(), 125);
    QCOMPARE(text(countdown, u"holdCountdownText"_s), u"Your seats are held for 2:05"_s);
    QVERIFY(!countdown.property("urgent").toBool());
    now = now.addSecs(100);
    QTRY_VERIFY(countdown.property("urgent").toBool());
    now = now.addSecs(30);
    QTRY_COMPARE(expired.count(), 1);
    QVERIFY(!countdown.isRunning());
    QCOMPARE(text(countdown, u"holdCountdownText"_s), u"Your seats are held for 0:00"_s);
}

QTEST_MAIN(TestQueuePanel)
#include "tst_queuepanel.moc"
