// QueuePanel shows position, people ahead, an ETA range, progress and the reason — the words for
// every reason the server sends, in English and Korean, and no number while paused; HoldCountdown
// counts down on a pinned clock and says expired() once; in the pre-queue the panel counts down to
// the opening and promises a random place then.
#include "app/languagemanager.h"
#include "widgets/holdcountdown.h"
#include "widgets/queuepanel.h"

#include <QJsonObject>
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
    void pausedShowsNoNumber();
    void admittedIsComplete();
    void countdownExpiresOnce();
    void preQueueCountsDownToTheOpening_data();
    void preQueueCountsDownToTheOpening();
    void countdownText();

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
    t.eta = EtaRange {200, 120, 300};
    panel.setTicket(t, 100);
    QCOMPARE(text(panel, u"queuePosition"_s), u"No. 26 in line"_s);
    QCOMPARE(text(panel, u"queueAhead"_s), u"25 people ahead of you"_s);
    QCOMPARE(text(panel, u"queueEta"_s), u"Expected wait: 2–5 min"_s);
    QCOMPARE(panel.findChild<QProgressBar *>(u"queueProgress"_s)->value(), 75);
    t.aheadCount = 1;
    t.eta = EtaRange {5, 5, 5};
    panel.setTicket(t, 100);
    QCOMPARE(text(panel, u"queueAhead"_s), u"1 person ahead of you"_s);
    QCOMPARE(text(panel, u"queueEta"_s), u"Expected wait: less than a minute"_s);
}

void TestQueuePanel::showsReasons_data()
{
    // The server's words, decoded through the shared QueueTicket, then shown by the panel.
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("reason");
    QTest::addColumn<QString>("change");
    QTest::addColumn<QString>("shown");
    const auto row = [](const char *lang, const char *reason, const char *change, QString shown) {
        QTest::addRow("%s %s %s", lang, reason, change)
            << QString::fromLatin1(lang) << QString::fromLatin1(reason)
            << QString::fromLatin1(change) << shown;
    };
    row("en", "steady", "", u"Based on how fast the line moved in the last minute."_s);
    row("en", "estimating", "", u"The estimate is still being measured and will settle soon."_s);
    row("en", "rate_changed", "",
        u"The organiser just changed how fast people are let in; the estimate follows the new "
        "pace."_s);
    row("en", "rate_changed", "longer",
        u"Your estimated wait just went up. The organiser just changed how fast people are let "
        "in; the estimate follows the new pace."_s);
    row("en", "rate_changed", "shorter",
        u"Your estimated wait just went down. The organiser just changed how fast people are let "
        "in; the estimate follows the new pace."_s);
    row("en", "at_capacity", "",
        u"Everyone admitted is still choosing seats; places free up as they finish."_s);
    row("en", "paused", "", u"Admission is paused by the organiser for now; your place is kept."_s);
    row("ko", "steady", "", u"최근 1분 동안 줄이 줄어든 속도로 계산한 예상입니다."_s);
    row("ko", "estimating", "", u"예상 시간을 측정하는 중이며 곧 안정됩니다."_s);
    row("ko", "rate_changed", "",
        u"주최 측이 방금 입장 속도를 바꿨습니다. 예상 시간은 새 속도를 따릅니다."_s);
    row("ko", "rate_changed", "longer",
        u"예상 대기 시간이 방금 늘었습니다. 주최 측이 방금 입장 속도를 바꿨습니다. 예상 시간은 새 "
        "속도를 따릅니다."_s);
    row("ko", "rate_changed", "shorter",
        u"예상 대기 시간이 방금 줄었습니다. 주최 측이 방금 입장 속도를 바꿨습니다. 예상 시간은 새 "
        "속도를 따릅니다."_s);
    row("ko", "at_capacity", "",
        u"입장한 분들이 아직 좌석을 고르는 중입니다. 선택이 끝나는 대로 자리가 납니다."_s);
    row("ko", "paused", "", u"주최 측이 입장을 잠시 멈췄습니다. 대기 순서는 유지됩니다."_s);
    // A word from a newer server shows no raw word: the documented fallback is "steady".
    row("en", "maintenance", "sideways", u"Based on how fast the line moved in the last minute."_s);
}

void TestQueuePanel::showsReasons()
{
    QFETCH(QString, language);
    QFETCH(QString, reason);
    QFETCH(QString, change);
    QFETCH(QString, shown);
    QVERIFY(m_languages.setLanguage(language, false));
    QJsonObject wire {{u"userId"_s, QUuid::createUuid().toString(QUuid::WithoutBraces)},
                      {u"concertId"_s, 3},
                      {u"status"_s, u"WAITING"_s},
                      {u"position"_s, 8},
                      {u"aheadCount"_s, 7},
                      {u"etaSeconds"_s, 60},
                      {u"etaReason"_s, reason}};
    if (!change.isEmpty())
        wire.insert(u"etaChange"_s, change);
    const auto ticket = QueueTicket::fromJson(wire);
    QVERIFY(ticket);
    QueuePanel panel;
    panel.setTicket(ticket.value(), 10);
    QCOMPARE(text(panel, u"queueReason"_s), shown);
    m_languages.setLanguage(u"en"_s, false);
}

void TestQueuePanel::pausedShowsNoNumber()
{
    QueueTicket t;
    t.userId = QUuid::createUuid();
    t.concertId = 3;
    t.position = 40;
    t.aheadCount = 39;
    t.etaReason = EtaReason::Paused;
    const auto decoded = QueueTicket::fromJson(t.toJson());
    QVERIFY(decoded);
    QVERIFY(!decoded.value().eta);
    QCOMPARE(t.toJson().value(u"etaSeconds"_s), QJsonValue(QJsonValue::Null));
    QueuePanel panel;
    panel.setTicket(decoded.value(), 50);
    const QString eta = text(panel, u"queueEta"_s);
    QCOMPARE(eta, u"Expected wait: not known while admission is paused"_s);
    QVERIFY(std::none_of(eta.begin(), eta.end(), [](QChar c) { return c.isDigit(); }));
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

void TestQueuePanel::preQueueCountsDownToTheOpening_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("status");
    QTest::addColumn<QString>("countdownPrefix");
    QTest::addColumn<QString>("waiting");
    QTest::addColumn<QString>("reason");
    QTest::addRow("en") << u"en"_s << u"You are in the pre-queue"_s << u"Sales open in 04:1"_s
                        << u"1234 people waiting for the opening"_s
                        << u"Everyone who joins before sales open gets a random place at the "
                           "opening, ahead of everyone who joins later."_s;
    QTest::addRow("ko") << u"ko"_s << u"사전 대기열에 있습니다"_s << u"판매 시작까지 04:1"_s
                        << u"1234명이 판매 시작을 기다리고 있습니다"_s
                        << u"판매 시작 전에 들어온 분은 모두 시작할 때 무작위로 순서를 받으며, "
                           "그 뒤에 들어온 분보다 앞섭니다."_s;
}

// The server's pre-queue ticket, decoded through the shared type: a countdown to opensAt, the
// promise of a random place, how many wait, no position and no estimate.
void TestQueuePanel::preQueueCountsDownToTheOpening()
{
    QFETCH(QString, language);
    QFETCH(QString, status);
    QFETCH(QString, countdownPrefix);
    QFETCH(QString, waiting);
    QFETCH(QString, reason);
    QVERIFY(m_languages.setLanguage(language, false));
    const QDateTime opensAt = QDateTime::currentDateTimeUtc().addSecs(252); // 04:12
    const auto ticket
        = QueueTicket::fromJson({{u"userId"_s, QUuid::createUuid().toString(QUuid::WithoutBraces)},
                                 {u"concertId"_s, 3},
                                 {u"status"_s, u"WAITING"_s},
                                 {u"position"_s, 0},
                                 {u"aheadCount"_s, 0},
                                 {u"etaSeconds"_s, QJsonValue::Null},
                                 {u"etaReason"_s, u"pre_queue"_s},
                                 {u"preQueue"_s, true},
                                 {u"opensAt"_s, opensAt.toString(Qt::ISODateWithMs)},
                                 {u"preQueueCount"_s, 1234},
                                 {u"pollAfterMs"_s, 10'000}});
    QVERIFY(ticket);
    QVERIFY(ticket->preQueue);
    QueuePanel panel;
    panel.setTicket(ticket.value(), 0);
    QCOMPARE(text(panel, u"queueStatus"_s), status);
    QVERIFY2(text(panel, u"queuePosition"_s).startsWith(countdownPrefix),
             qPrintable(text(panel, u"queuePosition"_s)));
    QCOMPARE(text(panel, u"queueAhead"_s), waiting);
    QCOMPARE(text(panel, u"queueEta"_s), QString());
    QCOMPARE(text(panel, u"queueReason"_s), reason);
    QCOMPARE(panel.progress(), 0);
    // The countdown moves by itself, a second at a time.
    const QString before = text(panel, u"queuePosition"_s);
    QTRY_VERIFY_WITH_TIMEOUT(text(panel, u"queuePosition"_s) != before, 2500);
    m_languages.setLanguage(u"en"_s, false);
}

void TestQueuePanel::countdownText()
{
    const QDateTime now = QDateTime::fromString(u"2026-11-30T19:55:48Z"_s, Qt::ISODate);
    QCOMPARE(QueuePanel::countdown(now.addSecs(252), now), u"04:12"_s);
    QCOMPARE(QueuePanel::countdown(now.addMSecs(252'001), now), u"04:13"_s); // whole seconds up
    QCOMPARE(QueuePanel::countdown(now.addSecs(3600 + 61), now), u"1:01:01"_s);
    QCOMPARE(QueuePanel::countdown(now.addSecs(-5), now), u"00:00"_s);
}

QTEST_MAIN(TestQueuePanel)
#include "tst_queuepanel.moc"
