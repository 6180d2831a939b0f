// SeatMapModel: a full map sorted by number; live changes update one row each and keep "mine";
// per-seat versions (one global sequence: growing, with gaps) decide which news is newer.
#include "models/seatmapmodel.h"

#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace encore;

namespace {
Seat seat(int number, SeatStatus status = SeatStatus::Available, bool mine = false,
          qint64 version = 0)
{
    Seat s;
    s.version = version;
    s.number = number;
    s.status = status;
    s.price = 120'000;
    s.tier = u"R"_s;
    s.mine = mine;
    return s;
}

SeatMap mapOf(QList<Seat> seats, qint64 version = 7)
{
    SeatMap m;
    m.scheduleId = 3;
    m.version = version;
    m.seats = std::move(seats);
    return m;
}
} // namespace

class TestSeatMapModel final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void sortsByNumber();
    void appliesChangesRowByRow();
    void keepsMineOnBroadcasts_data();
    void keepsMineOnBroadcasts();
    void ignoresUnknownSeats();
    void ignoresSeatsNotNewer_data();
    void ignoresSeatsNotNewer();
    void snapshotOfSameDateKeepsNewerSeats();
    void snapshotOfAnotherDateReplaces();
    void describesSeatsInWords();
};

void TestSeatMapModel::sortsByNumber()
{
    SeatMapModel model;
    model.setSeatMap(mapOf({seat(3), seat(1), seat(2)}));
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.data(model.index(0), SeatMapModel::NumberRole).toInt(), 1);
    QCOMPARE(model.data(model.index(2), SeatMapModel::NumberRole).toInt(), 3);
    QCOMPARE(model.rowOf(2), 1);
    QCOMPARE(model.scheduleId(), 3);
    QCOMPARE(model.version(), 7);
}

void TestSeatMapModel::appliesChangesRowByRow()
{
    SeatMapModel model;
    model.setSeatMap(mapOf({seat(1), seat(2), seat(3)}));
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    Seat held = seat(2, SeatStatus::Held);
    held.version = 9;
    model.applySeats({held});
    QCOMPARE(reset.count(), 0);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.first().at(0).value<QModelIndex>().row(), 1);
    QCOMPARE(model.seat(2)->status, SeatStatus::Held);
    QCOMPARE(model.version(), 9);
}

void TestSeatMapModel::keepsMineOnBroadcasts_data()
{
    QTest::addColumn<int>("incoming");
    QTest::addColumn<bool>("mine");
    QTest::addRow("still held") << int(SeatStatus::Held) << true;
    QTest::addRow("bought") << int(SeatStatus::Sold) << true;
    QTest::addRow("released") << int(SeatStatus::Available) << false;
}

void TestSeatMapModel::keepsMineOnBroadcasts()
{
    QFETCH(int, incoming);
    QFETCH(bool, mine);
    SeatMapModel model;
    model.setSeatMap(mapOf({seat(5, SeatStatus::Held, true)}));
    // A broadcast cannot know who is looking: it says mine=false.
    model.applySeats({seat(5, SeatStatus(incoming), false)});
    QCOMPARE(model.seat(5)->mine, mine);
}

void TestSeatMapModel::ignoresUnknownSeats()
{
    SeatMapModel model;
    model.setSeatMap(mapOf({seat(1)}));
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.applySeats({seat(51, SeatStatus::Sold)});
    QCOMPARE(changed.count(), 0);
    QVERIFY(!model.seat(51));
}

void TestSeatMapModel::ignoresSeatsNotNewer_data()
{
    QTest::addColumn<qint64>("incoming");
    QTest::addColumn<bool>("applied");
    QTest::addRow("older") << qint64(40) << false;
    QTest::addRow("same") << qint64(100) << false;
    // Versions skip numbers (other dates take them): a jump is simply newer, not a gap.
    QTest::addRow("next") << qint64(101) << true;
    QTest::addRow("far ahead") << qint64(5000) << true;
}

void TestSeatMapModel::ignoresSeatsNotNewer()
{
    QFETCH(qint64, incoming);
    QFETCH(bool, applied);
    SeatMapModel model;
    model.setSeatMap(mapOf({seat(4, SeatStatus::Held, false, 100)}, 100));
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.applySeats({seat(4, SeatStatus::Available, false, incoming)});
    QCOMPARE(changed.count(), applied ? 1 : 0);
    QCOMPARE(model.seat(4)->status, applied ? SeatStatus::Available : SeatStatus::Held);
    QCOMPARE(model.version(), std::max<qint64>(100, incoming));
}

void TestSeatMapModel::snapshotOfSameDateKeepsNewerSeats()
{
    SeatMapModel model;
    model.setSeatMap(mapOf(
        {seat(1, SeatStatus::Available, false, 10), seat(2, SeatStatus::Available, false, 11)},
        11));
    // A live change arrives before a snapshot that was read earlier (a cached map, a slow GET).
    model.applySeats({seat(1, SeatStatus::Sold, false, 90)});
    model.setSeatMap(
        mapOf({seat(1, SeatStatus::Held, false, 50), seat(2, SeatStatus::Held, true, 60)}, 60));
    QCOMPARE(model.seat(1)->status, SeatStatus::Sold); // the snapshot's 50 is older than 90
    QCOMPARE(model.seat(2)->status, SeatStatus::Held); // the snapshot's 60 is newer than 11
    QVERIFY(model.seat(2)->mine);
    QCOMPARE(model.version(), 90);
}

void TestSeatMapModel::snapshotOfAnotherDateReplaces()
{
    SeatMapModel model;
    model.setSeatMap(mapOf({seat(1, SeatStatus::Sold, false, 90)}, 90));
    SeatMap other = mapOf({seat(1, SeatStatus::Available, false, 5)}, 5);
    other.scheduleId = 4;
    model.setSeatMap(other);
    QCOMPARE(model.seat(1)->status, SeatStatus::Available);
    QCOMPARE(model.version(), 5);
}

void TestSeatMapModel::describesSeatsInWords()
{
    SeatMapModel model;
    model.setSeatMap(mapOf({seat(17)}));
    QCOMPARE(model.data(model.index(0), Qt::AccessibleTextRole).toString(),
             u"Seat 17, R, 120,000 KRW, available"_s);
}

QTEST_GUILESS_MAIN(TestSeatMapModel)
#include "tst_seatmapmodel.moc"
