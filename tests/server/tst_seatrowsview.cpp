// SeatRows::view and what the shared seat-map body relies on: a viewer who holds nothing sees
// the same map as nobody, holdsAny() tells the holders apart, and the map changes by itself
// exactly at nextChangeMs() (the first live hold running out) — so a body built at `now` is
// right until then.
#include "services/concertservice.h"

#include <QJsonArray>
#include <QTest>

using namespace encore;
using namespace encore::server;

namespace {

const QDateTime kNow = QDateTime::fromMSecsSinceEpoch(1'800'000'000'000, Qt::UTC);
const QUuid kHolder = QUuid::fromString(QLatin1StringView("11111111-1111-4111-8111-111111111111"));
const QUuid kOther = QUuid::fromString(QLatin1StringView("22222222-2222-4222-8222-222222222222"));
const QUuid kViewer = QUuid::fromString(QLatin1StringView("33333333-3333-4333-8333-333333333333"));

SeatRows::Row row(int number, SeatStatus status, const QDateTime &heldUntil = {},
                  const QUuid &holder = {}, bool awaited = false)
{
    return {number, QStringLiteral("R"), 132'000, status, heldUntil, holder, number, awaited};
}

// 1 free; 2 held by kHolder for 10 s; 3 held by kOther for 5 s; 4 sold to kHolder; 5 held by
// kOther, ran out; 6 ran out but awaited (the waiting list's next).
SeatRows sample()
{
    SeatRows s;
    s.concertId = 7;
    s.rows = {row(1, SeatStatus::Available),
              row(2, SeatStatus::Held, kNow.addSecs(10), kHolder),
              row(3, SeatStatus::Held, kNow.addSecs(5), kOther),
              row(4, SeatStatus::Sold, {}, kHolder),
              row(5, SeatStatus::Held, kNow.addSecs(-1), kOther),
              row(6, SeatStatus::Held, kNow.addSecs(-1), kOther, true)};
    return s;
}

} // namespace

class TestSeatRowsView final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void statusesAtNow();
    void nonHolderSeesWhatNobodySees();
    void holdsAnyTellsHoldersApart();
    void mapChangesExactlyAtNextChange();
    void nothingHeldNeverChanges();
    void noticeIsTakenIn();
    void noticeAlreadyInTheCopyChangesNothing();
    void noticeThatDoesNotFitIsRefused();
};

void TestSeatRowsView::statusesAtNow()
{
    const SeatMap map = sample().view(99, kHolder, kNow);
    QCOMPARE(map.scheduleId, 99);
    QCOMPARE(map.concertId, 7);
    QCOMPARE(map.version, 6);
    QList<SeatStatus> statuses;
    QList<bool> mine;
    for (const Seat &s : map.seats) {
        statuses.append(s.status);
        mine.append(s.mine);
    }
    QCOMPARE(statuses,
             (QList<SeatStatus> {SeatStatus::Available, SeatStatus::Held, SeatStatus::Held,
                                 SeatStatus::Sold, SeatStatus::Available, SeatStatus::Held}));
    QCOMPARE(mine, (QList<bool> {false, true, false, true, false, false}));
    QCOMPARE(map.seats[1].heldUntil, kNow.addSecs(10));
    QVERIFY(!map.seats[4].heldUntil.isValid()); // ran out: no time shown
}

void TestSeatRowsView::nonHolderSeesWhatNobodySees()
{
    const SeatRows rows = sample();
    QCOMPARE(rows.view(99, kViewer, kNow).toJsonBytes(),
             rows.view(99, QUuid(), kNow).toJsonBytes());
    QVERIFY(rows.view(99, kHolder, kNow).toJsonBytes()
            != rows.view(99, QUuid(), kNow).toJsonBytes());
}

void TestSeatRowsView::holdsAnyTellsHoldersApart()
{
    const SeatRows rows = sample();
    QVERIFY(rows.holdsAny(kHolder, kNow));
    QVERIFY(rows.holdsAny(kOther, kNow)); // seat 3, still live
    QVERIFY(!rows.holdsAny(kViewer, kNow));
    QVERIFY(!rows.holdsAny(QUuid(), kNow));
    // Once seat 3 ran out, kOther's rows (3, 5, 6) are all run-out holds: nothing is theirs.
    QVERIFY(!rows.holdsAny(kOther, kNow.addSecs(5)));
    QVERIFY(rows.holdsAny(kHolder, kNow.addSecs(3600))); // the purchase stays theirs
}

void TestSeatRowsView::mapChangesExactlyAtNextChange()
{
    const SeatRows rows = sample();
    const qint64 next = rows.nextChangeMs(kNow);
    QCOMPARE(next, kNow.addSecs(5).toMSecsSinceEpoch()); // seat 3's hold, the earliest live one
    const QByteArray atNow = rows.view(99, QUuid(), kNow).toJsonBytes();
    const QDateTime justBefore = QDateTime::fromMSecsSinceEpoch(next - 1, Qt::UTC);
    QCOMPARE(rows.view(99, QUuid(), justBefore).toJsonBytes(), atNow);
    const QDateTime at = QDateTime::fromMSecsSinceEpoch(next, Qt::UTC);
    const SeatMap then = rows.view(99, QUuid(), at);
    QVERIFY(then.toJsonBytes() != atNow);
    QCOMPARE(then.seats[2].status, SeatStatus::Available);
    QCOMPARE(rows.nextChangeMs(at), kNow.addSecs(10).toMSecsSinceEpoch());
}

void TestSeatRowsView::nothingHeldNeverChanges()
{
    SeatRows rows;
    rows.rows = {row(1, SeatStatus::Available), row(2, SeatStatus::Sold, {}, kHolder),
                 row(3, SeatStatus::Held, kNow.addSecs(-10), kOther)};
    QCOMPARE(rows.nextChangeMs(kNow), std::numeric_limits<qint64>::max());
}

namespace {
// A seat_notices() payload as PostgreSQL's json_build_object writes it (microsecond times).
QJsonObject notice(qint64 scheduleId, int number, const char *status, qint64 version,
                   const QString &holder = {})
{
    return QJsonObject {
        {QStringLiteral("scheduleId"), scheduleId},
        {QStringLiteral("version"), version},
        {QStringLiteral("seats"),
         QJsonArray {QJsonObject {
             {QStringLiteral("number"), number},
             {QStringLiteral("status"), QLatin1StringView(status)},
             {QStringLiteral("price"), 99'000},
             {QStringLiteral("tier"), QStringLiteral("S")},
             {QStringLiteral("version"), version},
             {QStringLiteral("heldUntil"), QStringLiteral("2027-01-15T08:00:00.123456+00:00")},
             {QStringLiteral("holder"), holder}}}}};
}
} // namespace

void TestSeatRowsView::noticeIsTakenIn()
{
    const auto copy = std::make_shared<const SeatRows>(sample());
    const auto next = SeatRows::withNotice(
        copy, 99, notice(99, 1, "HELD", 40, kViewer.toString(QUuid::WithoutBraces)));
    QVERIFY(next && next != copy);
    const SeatRows::Row &row = next->rows[0];
    QCOMPARE(row.status, SeatStatus::Held);
    QCOMPARE(row.holder, kViewer);
    QCOMPARE(row.version, 40);
    QCOMPARE(row.price, 99'000);
    QCOMPARE(row.tier, QStringLiteral("S"));
    QCOMPARE(row.heldUntil, QDateTime(QDate(2027, 1, 15), QTime(8, 0, 0, 123), Qt::UTC));
    QVERIFY(row.awaited); // unknown from a notice: a run-out hold shows taken until the re-read
    QVERIFY(next->holdsAny(kViewer, kNow));
    QCOMPARE(copy->rows[0].status, SeatStatus::Available); // copies are never changed in place
    for (qsizetype i = 1; i < copy->rows.size(); ++i)
        QCOMPARE(next->rows[i].version, copy->rows[i].version);
    // Freed again (a cancellation): no holder, no time.
    const auto freed = SeatRows::withNotice(next, 99, notice(99, 1, "AVAILABLE", 41));
    QCOMPARE(freed->rows[0].status, SeatStatus::Available);
    QVERIFY(freed->rows[0].holder.isNull());
    QVERIFY(!freed->rows[0].heldUntil.isValid());
}

void TestSeatRowsView::noticeAlreadyInTheCopyChangesNothing()
{
    const auto copy = std::make_shared<const SeatRows>(sample());
    // Seat 3 is at version 3 in the copy: the same version, or an older one, is nothing new.
    QCOMPARE(SeatRows::withNotice(copy, 99, notice(99, 3, "AVAILABLE", 3)), copy);
    QCOMPARE(SeatRows::withNotice(copy, 99, notice(99, 3, "AVAILABLE", 2)), copy);
}

void TestSeatRowsView::noticeThatDoesNotFitIsRefused()
{
    const auto copy = std::make_shared<const SeatRows>(sample());
    QVERIFY(!SeatRows::withNotice(copy, 99, notice(98, 1, "HELD", 40))); // another date
    QVERIFY(!SeatRows::withNotice(copy, 99, notice(99, 49, "HELD", 40))); // not in the copy
    QVERIFY(!SeatRows::withNotice(copy, 99, notice(99, 1, "GONE", 40))); // not a status
    QVERIFY(!SeatRows::withNotice(copy, 99, QJsonObject {})); // not a notice
}

QTEST_GUILESS_MAIN(TestSeatRowsView)
#include "tst_seatrowsview.moc"
