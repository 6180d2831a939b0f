// ConcertListModel: concerts with their dates as children; only bookable dates can be chosen.
#include "models/concertlistmodel.h"

#include <QAbstractItemModelTester>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace encore;

namespace {
const QDateTime kNow = QDateTime(QDate(2026, 11, 24), QTime(12, 0), Qt::UTC);

Schedule date(qint64 id, int available, int openInDays = -1, int closeInDays = 10)
{
    Schedule s;
    s.id = id;
    s.startsAt = kNow.addDays(closeInDays + 1);
    s.salesOpenAt = kNow.addDays(openInDays);
    s.salesCloseAt = kNow.addDays(closeInDays);
    s.availableSeats = available;
    s.totalSeats = 50;
    s.minPrice = 77'000;
    s.maxPrice = 165'000;
    return s;
}

QList<Concert> concerts()
{
    Concert a;
    a.id = 1;
    a.title = u"Aurora"_s;
    a.schedules = {date(11, 20), date(12, 0), date(13, 50, 3), date(14, 5, -10, -1)};
    Concert b;
    b.id = 2;
    b.title = u"Neon"_s;
    b.schedules = {date(21, 1)};
    return {a, b};
}
} // namespace

class TestConcertListModel final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void passesModelTester();
    void datesAreChildren();
    void onlyQueueableDatesAreSelectable_data();
    void onlyQueueableDatesAreSelectable();
    void findsSchedules();
};

void TestConcertListModel::passesModelTester()
{
    ConcertListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setNow(kNow);
    model.setConcerts(concerts());
    model.setConcerts({});
}

void TestConcertListModel::datesAreChildren()
{
    ConcertListModel model;
    model.setConcerts(concerts());
    QCOMPARE(model.rowCount(), 2);
    const QModelIndex aurora = model.index(0, 0);
    QCOMPARE(model.rowCount(aurora), 4);
    const QModelIndex first = model.index(0, 0, aurora);
    QCOMPARE(model.parent(first), aurora);
    QCOMPARE(model.data(first, ConcertListModel::ScheduleIdRole).toLongLong(), 11);
    QCOMPARE(model.data(first, ConcertListModel::ConcertIdRole).toLongLong(), 1);
    QCOMPARE(model.data(model.index(0, ConcertListModel::SeatsColumn, aurora)).toString(),
             u"20 of 50 left"_s);
}

void TestConcertListModel::onlyQueueableDatesAreSelectable_data()
{
    QTest::addColumn<int>("row");
    QTest::addColumn<bool>("bookable");
    QTest::addColumn<bool>("enterable"); // selectable, to join its queue (early: the pre-queue)
    QTest::addColumn<QString>("state");
    QTest::addRow("on sale") << 0 << true << true << QString();
    QTest::addRow("sold out") << 1 << false << false << u"Sold out"_s;
    QTest::addRow("not yet on sale") << 2 << false << true << u"Sales open"_s;
    QTest::addRow("sales closed") << 3 << false << false << u"Sales closed"_s;
}

void TestConcertListModel::onlyQueueableDatesAreSelectable()
{
    QFETCH(int, row);
    QFETCH(bool, bookable);
    QFETCH(bool, enterable);
    QFETCH(QString, state);
    ConcertListModel model;
    model.setNow(kNow);
    model.setConcerts(concerts());
    const QModelIndex index = model.index(row, 0, model.index(0, 0));
    QCOMPARE(model.data(index, ConcertListModel::BookableRole).toBool(), bookable);
    QCOMPARE(model.flags(index).testFlag(Qt::ItemIsSelectable), enterable);
    QCOMPARE(model.flags(index).testFlag(Qt::ItemIsEnabled), enterable);
    QVERIFY(model.data(model.index(row, ConcertListModel::WhereColumn, model.index(0, 0)))
                .toString()
                .startsWith(state));
}

void TestConcertListModel::findsSchedules()
{
    ConcertListModel model;
    model.setConcerts(concerts());
    const QModelIndex index = model.indexOfSchedule(21);
    QVERIFY(index.isValid());
    QCOMPARE(model.scheduleAt(index)->id, 21);
    QCOMPARE(model.concertAt(index)->title, u"Neon"_s);
    QVERIFY(!model.indexOfSchedule(99).isValid());
    QVERIFY(!model.scheduleAt(model.index(0, 0)));
}

QTEST_GUILESS_MAIN(TestConcertListModel)
#include "tst_concertlistmodel.moc"
