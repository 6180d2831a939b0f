// SeatMapModel: a full map sorted by number; live changes update one row each and keep "mine".
#include "models/seatmapmodel.h"

#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace encore;

namespace {
Seat seat(int number, SeatStatus status = SeatStatus::Available, bool mine = false)
{
    Seat s;
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

void TestSeatMapModel::describesSeatsInWords()
{
    SeatMapModel model;
    model.setSeatMap(mapOf({seat(17)}));
    QCOMPARE(model.data(model.index(0), Qt::AccessibleTextRole).toString(),
             u"Seat 17, R, 120,000 KRW, available"_s);
}

QTEST_GUILESS_MAIN(TestSeatMapModel)
#include "tst_seatmapmodel.moc"
