// ReservationListModel and LedgerModel: rows read as people expect (status words, signed money).
#include "models/ledgermodel.h"
#include "models/reservationlistmodel.h"

#include <QAbstractItemModelTester>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace encore;

namespace {
Reservation reservation(ReservationStatus status)
{
    Reservation r;
    r.id = QUuid::createUuid();
    r.scheduleId = 1;
    r.seats = {7, 8};
    r.status = status;
    r.total = 264'000;
    r.concertTitle = u"Aurora"_s;
    return r;
}
} // namespace

class TestReservationListModel final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void showsStatusesInWords_data();
    void showsStatusesInWords();
    void upsertReplacesOrPrepends();
    void ledgerSignsAmounts();
};

void TestReservationListModel::showsStatusesInWords_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("text");
    QTest::addRow("paid") << int(ReservationStatus::Paid) << u"Paid"_s;
    QTest::addRow("refunded") << int(ReservationStatus::Refunded) << u"Refunded"_s;
    QTest::addRow("expired") << int(ReservationStatus::Expired) << u"Expired"_s;
    QTest::addRow("cancelled") << int(ReservationStatus::Cancelled) << u"Cancelled"_s;
}

void TestReservationListModel::showsStatusesInWords()
{
    QFETCH(int, status);
    QFETCH(QString, text);
    ReservationListModel model;
    model.setReservations({reservation(ReservationStatus(status))});
    QCOMPARE(model.data(model.index(0, ReservationListModel::StatusColumn)).toString(), text);
    QCOMPARE(model.data(model.index(0, ReservationListModel::SeatsColumn)).toString(), u"7, 8"_s);
    QCOMPARE(model.data(model.index(0, ReservationListModel::TotalColumn)).toString(),
             u"264,000 KRW"_s);
}

void TestReservationListModel::upsertReplacesOrPrepends()
{
    ReservationListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    Reservation held = reservation(ReservationStatus::Held);
    model.setReservations({reservation(ReservationStatus::Paid), held});
    held.status = ReservationStatus::Cancelled;
    model.upsert(held);
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.at(1)->status, ReservationStatus::Cancelled);
    const Reservation fresh = reservation(ReservationStatus::Held);
    model.upsert(fresh);
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.at(0)->id, fresh.id);
}

void TestReservationListModel::ledgerSignsAmounts()
{
    LedgerEntry topUp;
    topUp.id = 1;
    topUp.amount = 50'000;
    topUp.balanceAfter = 50'000;
    LedgerEntry payment;
    payment.id = 2;
    payment.kind = LedgerKind::Payment;
    payment.amount = -30'000;
    payment.balanceAfter = 20'000;
    LedgerModel model;
    model.setEntries({payment, topUp});
    QCOMPARE(model.data(model.index(0, LedgerModel::AmountColumn)).toString(), u"-30,000 KRW"_s);
    QCOMPARE(model.data(model.index(1, LedgerModel::AmountColumn)).toString(), u"+50,000 KRW"_s);
    QCOMPARE(model.data(model.index(0, LedgerModel::KindColumn)).toString(), u"Payment"_s);
    QCOMPARE(model.data(model.index(0, LedgerModel::BalanceColumn)).toString(), u"20,000 KRW"_s);
}

QTEST_GUILESS_MAIN(TestReservationListModel)
#include "tst_reservationlistmodel.moc"
