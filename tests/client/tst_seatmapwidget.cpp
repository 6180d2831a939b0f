// SeatMapWidget: at most 4 seats, only free ones, keyboard navigation, accessible names, a second
// cue besides colour, live changes from the model, and a staff mode without those limits.
#include "models/seatmapmodel.h"
#include "widgets/seatbutton.h"
#include "widgets/seatmapwidget.h"
#include "widgets/seatpainter.h"

#include <QLabel>
#include <QLayout>
#include <QPainter>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace encore;

namespace {
// Seats 1..50: 3 held, 4 sold, 5 blocked, 6 mine (held); the rest free.
SeatMap sampleMap()
{
    SeatMap map;
    map.scheduleId = 1;
    map.version = 1;
    for (int n = 1; n <= 50; ++n) {
        Seat s;
        s.number = n;
        s.price = n <= 10 ? 165'000 : 120'000;
        s.tier = n <= 10 ? u"VIP"_s : u"R"_s;
        if (n == 3 || n == 6)
            s.status = SeatStatus::Held;
        if (n == 4)
            s.status = SeatStatus::Sold;
        if (n == 5)
            s.status = SeatStatus::Blocked;
        s.mine = n == 6;
        map.seats.append(s);
    }
    return map;
}
} // namespace

class TestSeatMapWidget final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void showsFiftySeatsInTenColumns();
    void selectsAtMostFour();
    void refusesSeatsThatAreNotFree_data();
    void refusesSeatsThatAreNotFree();
    void clickTogglesSelection();
    void keyboardMovesAndSelects_data();
    void keyboardMovesAndSelects();
    void accessibleNamesSayEverything_data();
    void accessibleNamesSayEverything();
    void everyStatusHasItsOwnCue_data();
    void everyStatusHasItsOwnCue();
    void liveChangeDropsATakenSeat();
    void ownHoldIsNoLossAndTheHintFollows();
    void staffModeSelectsAnything();
    void emptyMapKeepsItsShape();

private:
    SeatMapModel *m_model = nullptr;
    SeatMapWidget *m_widget = nullptr;
};

void TestSeatMapWidget::init()
{
    m_model = new SeatMapModel;
    m_model->setSeatMap(sampleMap());
    m_widget = new SeatMapWidget;
    m_widget->setModel(m_model);
}

void TestSeatMapWidget::cleanup()
{
    delete m_widget;
    delete m_model;
}

void TestSeatMapWidget::showsFiftySeatsInTenColumns()
{
    m_widget->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_widget));
    SeatButton *one = m_widget->button(1), *ten = m_widget->button(10),
               *eleven = m_widget->button(11);
    QVERIFY(one && ten && eleven && m_widget->button(50));
    QCOMPARE(one->y(), ten->y());
    QVERIFY(eleven->y() > one->y());
    QCOMPARE(eleven->x(), one->x());
    QCOMPARE(m_widget->findChildren<SeatButton *>().size(), 50);
}

// A map without seats (loading, or the booking ended behind the receipt) keeps the stage and
// the seats' place where they were instead of collapsing into one giant stage.
void TestSeatMapWidget::emptyMapKeepsItsShape()
{
    m_widget->resize(800, 600);
    m_widget->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_widget));
    auto *stage = m_widget->findChild<QWidget *>(u"stage"_s);
    QVERIFY(stage);
    const QRect before = stage->geometry();
    m_model->clear();
    m_widget->layout()->activate();
    QVERIFY(m_widget->button(1)->isHidden());
    QCOMPARE(stage->geometry(), before);
}

void TestSeatMapWidget::selectsAtMostFour()
{
    QSignalSpy refused(m_widget, &SeatMapWidget::selectionRefused);
    for (int n : {11, 12, 13, 14})
        QVERIFY(m_widget->setSeatSelected(n, true));
    QVERIFY(!m_widget->setSeatSelected(15, true));
    QCOMPARE(m_widget->selectedSeats(), (QList<int> {11, 12, 13, 14}));
    QCOMPARE(refused.count(), 1);
    QCOMPARE(refused.first().at(0).toInt(), 15);
    QVERIFY(refused.first().at(1).toString().contains(u"at most 4"_s));
    // Freeing one makes room again.
    QVERIFY(m_widget->setSeatSelected(12, false));
    QVERIFY(m_widget->setSeatSelected(15, true));
}

void TestSeatMapWidget::refusesSeatsThatAreNotFree_data()
{
    QTest::addColumn<int>("number");
    QTest::addRow("held") << 3;
    QTest::addRow("sold") << 4;
    QTest::addRow("blocked") << 5;
    QTest::addRow("already mine") << 6;
}

void TestSeatMapWidget::refusesSeatsThatAreNotFree()
{
    QFETCH(int, number);
    QSignalSpy refused(m_widget, &SeatMapWidget::selectionRefused);
    QVERIFY(!m_widget->setSeatSelected(number, true));
    QVERIFY(m_widget->selectedSeats().isEmpty());
    QCOMPARE(refused.count(), 1);
    QVERIFY(!m_widget->button(number)->isSelectable());
}

void TestSeatMapWidget::clickTogglesSelection()
{
    m_widget->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_widget));
    QSignalSpy changed(m_widget, &SeatMapWidget::selectionChanged);
    QTest::mouseClick(m_widget->button(17), Qt::LeftButton);
    QCOMPARE(m_widget->selectedSeats(), QList<int> {17});
    QVERIFY(m_widget->button(17)->isSeatSelected());
    QTest::mouseClick(m_widget->button(17), Qt::LeftButton);
    QVERIFY(m_widget->selectedSeats().isEmpty());
    QCOMPARE(changed.count(), 2);
    QTest::mouseClick(m_widget->button(4), Qt::LeftButton); // sold
    QVERIFY(m_widget->selectedSeats().isEmpty());
}

void TestSeatMapWidget::keyboardMovesAndSelects_data()
{
    QTest::addColumn<int>("start");
    QTest::addColumn<QList<int>>("keys");
    QTest::addColumn<int>("focused");
    QTest::addRow("right") << 11 << QList<int> {Qt::Key_Right, Qt::Key_Right} << 13;
    QTest::addRow("down") << 11 << QList<int> {Qt::Key_Down, Qt::Key_Down} << 31;
    QTest::addRow("up at the edge stays") << 2 << QList<int> {Qt::Key_Up} << 2;
    QTest::addRow("left at the edge stays") << 21 << QList<int> {Qt::Key_Left} << 21;
    QTest::addRow("end of row") << 21 << QList<int> {Qt::Key_End} << 30;
    QTest::addRow("start of row") << 27 << QList<int> {Qt::Key_Home} << 21;
}

void TestSeatMapWidget::keyboardMovesAndSelects()
{
    QFETCH(int, start);
    QFETCH(QList<int>, keys);
    QFETCH(int, focused);
    m_widget->show();
    QVERIFY(QTest::qWaitForWindowActive(m_widget));
    m_widget->button(start)->setFocus();
    QVERIFY(m_widget->button(start)->hasFocus());
    for (int key : keys)
        QTest::keyClick(QApplication::focusWidget(), Qt::Key(key));
    QTRY_VERIFY(m_widget->button(focused)->hasFocus());
    QTest::keyClick(m_widget->button(focused), Qt::Key_Space);
    QCOMPARE(m_widget->selectedSeats(), QList<int> {focused});
    QTest::keyClick(m_widget->button(focused), Qt::Key_Return);
    QVERIFY(m_widget->selectedSeats().isEmpty());
}

void TestSeatMapWidget::accessibleNamesSayEverything_data()
{
    QTest::addColumn<int>("number");
    QTest::addColumn<bool>("select");
    QTest::addColumn<QString>("name");
    QTest::addRow("free") << 17 << false << u"Seat 17, R, 120,000 KRW, available"_s;
    QTest::addRow("selected") << 17 << true << u"Seat 17, R, 120,000 KRW, selected"_s;
    QTest::addRow("held") << 3 << false << u"Seat 3, VIP, 165,000 KRW, held"_s;
    QTest::addRow("sold") << 4 << false << u"Seat 4, VIP, 165,000 KRW, sold"_s;
    QTest::addRow("blocked") << 5 << false << u"Seat 5, VIP, 165,000 KRW, not for sale"_s;
    QTest::addRow("mine") << 6 << false << u"Seat 6, VIP, 165,000 KRW, held by you"_s;
}

void TestSeatMapWidget::accessibleNamesSayEverything()
{
    QFETCH(int, number);
    QFETCH(bool, select);
    QFETCH(QString, name);
    if (select)
        QVERIFY(m_widget->setSeatSelected(number, true));
    QCOMPARE(m_widget->button(number)->accessibleName(), name);
    QCOMPARE(m_widget->button(number)->toolTip(), name);
    QCOMPARE(m_widget->button(number)->objectName(), u"seat%1"_s.arg(number));
}

void TestSeatMapWidget::everyStatusHasItsOwnCue_data()
{
    QTest::addColumn<int>("number");
    QTest::addColumn<bool>("select");
    QTest::addColumn<int>("look");
    QTest::addRow("free") << 17 << false << int(SeatLook::Available);
    QTest::addRow("selected") << 17 << true << int(SeatLook::Selected);
    QTest::addRow("held") << 3 << false << int(SeatLook::Held);
    QTest::addRow("sold") << 4 << false << int(SeatLook::Sold);
    QTest::addRow("blocked") << 5 << false << int(SeatLook::Blocked);
    QTest::addRow("mine") << 6 << false << int(SeatLook::Mine);
}

void TestSeatMapWidget::everyStatusHasItsOwnCue()
{
    QFETCH(int, number);
    QFETCH(bool, select);
    QFETCH(int, look);
    if (select)
        QVERIFY(m_widget->setSeatSelected(number, true));
    SeatButton *b = m_widget->button(number);
    QCOMPARE(int(SeatPainter::lookOf(b->seat(), b->isSeatSelected())), look);
    // Not colour alone: in greyscale every look still differs from a free seat.
    const auto grey = [](SeatLook l) {
        QImage image(40, 40, QImage::Format_ARGB32);
        image.fill(Qt::transparent);
        QPainter p(&image);
        SeatPainter::paint(p, QRectF(0, 0, 40, 40), l, u"7"_s);
        p.end();
        return image.convertToFormat(QImage::Format_Grayscale8);
    };
    if (SeatLook(look) != SeatLook::Available)
        QVERIFY(grey(SeatLook(look)) != grey(SeatLook::Available));
}

void TestSeatMapWidget::liveChangeDropsATakenSeat()
{
    QSignalSpy lost(m_widget, &SeatMapWidget::selectionLost);
    QVERIFY(m_widget->setSeatSelected(20, true));
    QVERIFY(m_widget->setSeatSelected(21, true));
    Seat taken = *m_model->seat(20);
    taken.status = SeatStatus::Held;
    m_model->applySeats({taken});
    QCOMPARE(m_widget->selectedSeats(), QList<int> {21});
    QCOMPARE(lost.count(), 1);
    QCOMPARE(lost.first().at(0).value<QList<int>>(), QList<int> {20});
    QCOMPARE(m_widget->button(20)->seat().status, SeatStatus::Held);
    QVERIFY(!m_widget->button(20)->isSelectable());
    // And freed seats become selectable live.
    Seat freed = *m_model->seat(4);
    freed.status = SeatStatus::Available;
    m_model->applySeats({freed});
    QVERIFY(m_widget->setSeatSelected(4, true));
}

void TestSeatMapWidget::ownHoldIsNoLossAndTheHintFollows()
{
    QSignalSpy lost(m_widget, &SeatMapWidget::selectionLost);
    QSignalSpy changed(m_widget, &SeatMapWidget::selectionChanged);
    QVERIFY(m_widget->setSeatSelected(30, true));
    auto *hint = m_widget->findChild<QLabel *>(u"seatHint"_s);
    QVERIFY(hint->text().startsWith(u"1 of "_s));
    // Our own hold reaches the map (live) before the hold's answer: the seat leaves the
    // selection, nobody "took" it, and the hint no longer counts it.
    Seat mine = *m_model->seat(30);
    mine.status = SeatStatus::Held;
    mine.mine = true;
    m_model->applySeats({mine});
    QVERIFY(m_widget->selectedSeats().isEmpty());
    QCOMPARE(lost.count(), 0);
    QCOMPARE(changed.count(), 2);
    QVERIFY2(hint->text().startsWith(u"Pick up to"_s), qPrintable(hint->text()));
}

void TestSeatMapWidget::staffModeSelectsAnything()
{
    m_widget->setStaffMode(true);
    for (int n : {3, 4, 5, 6, 7, 8})
        QVERIFY(m_widget->setSeatSelected(n, true));
    QCOMPARE(m_widget->selectedSeats().size(), 6);
}

QTEST_MAIN(TestSeatMapWidget)
#include "tst_seatmapwidget.moc"
