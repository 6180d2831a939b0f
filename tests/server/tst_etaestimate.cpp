// estimateWait: each ETA reason comes from the situation that causes it — steady from a measured
// pace, estimating before there is one, rate_changed after staff change the settings (saying
// "longer"/"shorter" only when the estimate moves by more than a third), at_capacity when every
// turn is taken, paused with no number at all.
#include "queue/etaestimate.h"

#include <QTest>

using namespace encore;
using namespace encore::server;

namespace {

// 600/min configured, 10 of 200 turns taken, nothing measured, nothing changed.
QueueSnapshot quiet()
{
    QueueSnapshot s;
    s.maxActive = 200;
    s.activeCount = 10;
    s.admitPerMinute = 600;
    return s;
}

QueueSnapshot measured(qint64 admitted, double overSeconds)
{
    QueueSnapshot s = quiet();
    s.recentAdmitted = admitted;
    s.spanSeconds = overSeconds;
    return s;
}

} // namespace

class TestEtaEstimate final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void reasonFollowsTheSituation_data();
    void reasonFollowsTheSituation();
    void pausedHasNoNumber();
    void rangeHoldsThePoint();
};

void TestEtaEstimate::reasonFollowsTheSituation_data()
{
    QTest::addColumn<QueueSnapshot>("snapshot");
    QTest::addColumn<EtaReason>("reason");
    QTest::addColumn<EtaChange>("change");
    QTest::addColumn<qint64>("seconds"); // for position 60

    QTest::addRow("no admissions yet: configured rate")
        << quiet() << EtaReason::Estimating << EtaChange::None << qint64(6);
    QTest::addRow("four admissions are too few")
        << measured(4, 30) << EtaReason::Estimating << EtaChange::None << qint64(6);
    QTest::addRow("measured 2/s over 30 s")
        << measured(60, 30) << EtaReason::Steady << EtaChange::None << qint64(30);

    // The last minute's pace was 2/s (30 s for 60 people); staff now allow 30/min (0.5/s): 120 s.
    QueueSnapshot slower = measured(60, 30);
    slower.admitPerMinute = 30;
    slower.settingsChanged = true;
    QTest::addRow("slowed to a quarter")
        << slower << EtaReason::RateChanged << EtaChange::Longer << qint64(120);
    // 150/min = 2.5/s: 24 s instead of 30 s — a fifth shorter, not a jump.
    QueueSnapshot slightly = measured(60, 30);
    slightly.admitPerMinute = 150;
    slightly.settingsChanged = true;
    QTest::addRow("changed by a fifth")
        << slightly << EtaReason::RateChanged << EtaChange::None << qint64(24);
    // 600/min = 10/s: 6 s instead of 30 s.
    QueueSnapshot faster = measured(60, 30);
    faster.settingsChanged = true;
    QTest::addRow("sped up fivefold")
        << faster << EtaReason::RateChanged << EtaChange::Shorter << qint64(6);
    // Changed, but nothing measured before: no earlier estimate to jump from.
    QueueSnapshot changedQuiet = quiet();
    changedQuiet.settingsChanged = true;
    QTest::addRow("changed before any pace")
        << changedQuiet << EtaReason::RateChanged << EtaChange::None << qint64(6);

    QueueSnapshot full = quiet();
    full.activeCount = 200;
    QTest::addRow("every turn taken")
        << full << EtaReason::AtCapacity << EtaChange::None << qint64(6);
}

void TestEtaEstimate::reasonFollowsTheSituation()
{
    QFETCH(QueueSnapshot, snapshot);
    QFETCH(EtaReason, reason);
    QFETCH(EtaChange, change);
    QFETCH(qint64, seconds);
    const WaitEstimate e = estimateWait(60, snapshot);
    QCOMPARE(e.reason, reason);
    QCOMPARE(e.change, change);
    QVERIFY(e.eta);
    QCOMPARE(e.eta->seconds, seconds);
}

void TestEtaEstimate::pausedHasNoNumber()
{
    for (QueueSnapshot s : {quiet(), measured(60, 30)}) {
        s.paused = true;
        s.settingsChanged = true;
        s.activeCount = s.maxActive; // paused wins over every other reason
        const WaitEstimate e = estimateWait(60, s);
        QCOMPARE(e.reason, EtaReason::Paused);
        QVERIFY(!e.eta);
        QCOMPARE(e.change, EtaChange::None);
    }
}

void TestEtaEstimate::rangeHoldsThePoint()
{
    for (const qint64 position : {1, 7, 60, 10'000}) {
        const auto e = estimateWait(position, measured(60, 30));
        QVERIFY(e.eta->low <= e.eta->seconds && e.eta->seconds < e.eta->high);
    }
}

QTEST_GUILESS_MAIN(TestEtaEstimate)
#include "tst_etaestimate.moc"
