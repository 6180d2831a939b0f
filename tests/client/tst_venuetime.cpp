// Times in the venue's zone (issue 9 item 6), through the real windows against a real server, on a
// machine whose own zone is New York: the customer's concert list, date card, seat map header,
// payment confirmation, receipt and My tickets, and the staff console's concert tree, date editor
// and seat details all read the concert's time in Seoul with "KST"; a staff member moves the
// concert to Berlin in the concert editor and the console then says "CET". The one formatter
// (DisplayText::dateTime) is checked on its own too. A customer who asks to join a date's queue
// before its pre-queue opens is told when it opens, in Seoul time with "KST".
#include "admin/adminwindow.h"
#include "admin/concertstab.h"
#include "admin/seatstab.h"
#include "customer/seatpage.h"
#include "models/concertlistmodel.h"
#include "models/displaytext.h"
#include "models/reservationlistmodel.h"
#include "widgets/seatbutton.h"

#include "fixtures.h"
#include "journeyhelpers.h"
#include "testserver.h"

#include <QApplication>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QLabel>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>
#include <QTreeView>
#include <QTreeWidget>

#include <ctime>

using namespace Qt::StringLiterals;
using namespace encore;
using namespace encore::test;

namespace {
// Monday 14 December 2026 at 19:30 in Seoul is 10:30 UTC and 05:30 in New York.
const QDateTime kShow = QDateTime(QDate(2026, 12, 14), QTime(10, 30), Qt::UTC);
const QString kShowInSeoul = u"Mon 14 Dec 2026, 19:30 KST"_s;
} // namespace

class TestVenueTime final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void formatterUsesTheVenueZone();
    void customerSeesEveryTimeInKst();
    void staffSeeAndEditTheVenueZone();
    void earlyJoinSaysWhenThePreQueueOpensInKst();

private:
    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<Fixtures> m_fx;
    qint64 m_concert = 0;
    qint64 m_schedule = 0;
};

void TestVenueTime::initTestCase()
{
    // The premise: this machine is not in the venue's zone (main() set TZ before Qt started).
    QCOMPARE(QTimeZone::systemTimeZoneId(), QByteArray("America/New_York"));
    QCOMPARE(kShow.toLocalTime().time(), QTime(5, 30));
    m_server = std::make_unique<TestServer>();
    QVERIFY2(m_server->start(), m_server->output().constData());
    m_fx = std::make_unique<Fixtures>(m_server->database());
    m_concert = m_fx->createConcert(u"Venue Time Live"_s, 1);
    m_schedule = m_fx->schedulesOf(m_concert).first();
    m_fx->db().exec(u"UPDATE schedules SET starts_at = ?, sales_close_at = ? WHERE id = ?"_s,
                    {kShow, kShow.addSecs(-3600), m_schedule});
    // Created without a zone: the column default.
    QCOMPARE(m_fx->scalar(u"SELECT time_zone FROM concerts WHERE id = ?"_s, {m_concert}).toString(),
             u"Asia/Seoul"_s);
}

void TestVenueTime::cleanupTestCase()
{
    m_fx.reset();
    m_server.reset();
}

void TestVenueTime::formatterUsesTheVenueZone()
{
    QCOMPARE(DisplayText::dateTime(kShow, QTimeZone("Asia/Seoul")), kShowInSeoul);
    QCOMPARE(DisplayText::timeOfDay(kShow, QTimeZone("Asia/Seoul")), u"19:30 KST"_s);
    // Summer and winter time say which they are.
    QCOMPARE(DisplayText::dateTime(kShow, QTimeZone("Europe/Berlin")),
             u"Mon 14 Dec 2026, 11:30 CET"_s);
    QCOMPARE(DisplayText::timeOfDay(QDateTime(QDate(2026, 7, 1), QTime(10, 30), Qt::UTC),
                                    QTimeZone("Europe/Berlin")),
             u"12:30 CEST"_s);
    // Times that belong to no venue are in the machine's zone, named.
    QCOMPARE(DisplayText::timeOfDay(kShow, DisplayText::localZone()), u"05:30 EST"_s);
    QCOMPARE(DisplayText::dateTime(QDateTime(), QTimeZone("Asia/Seoul")), u"—"_s);
}

void TestVenueTime::customerSeesEveryTimeInKst()
{
    QList<TestUser> fans = m_fx->createUsers(1, 1'000'000, u"zonefan"_s);
    SignedIn fan = openCustomerWindow(m_server->port(), fans[0]);
    CustomerWindow *window = fan.window.get();
    QVERIFY(QTest::qWaitForWindowExposed(window));

    // The concert list and the date card.
    QTRY_VERIFY_WITH_TIMEOUT(window->concertModel()->indexOfSchedule(m_schedule).isValid(),
                             kGuiWaitMs);
    const QModelIndex row = window->concertModel()->indexOfSchedule(m_schedule);
    QCOMPARE(row.siblingAtColumn(ConcertListModel::TitleColumn).data().toString(), kShowInSeoul);
    QVERIFY(clickSchedule(window, m_schedule));
    auto *dateInfo = visibleChild<QLabel>(window, u"concertDateInfo"_s);
    QVERIFY(dateInfo);
    QVERIFY2(dateInfo->text().startsWith(kShowInSeoul), qPrintable(dateInfo->text()));

    // The seat map's header: the date and the turn's end, both at the venue.
    QTRY_VERIFY_WITH_TIMEOUT(clickable(window, u"enterQueueButton"_s), kGuiWaitMs);
    QVERIFY(clickNamed(window, u"enterQueueButton"_s));
    QTRY_COMPARE_WITH_TIMEOUT(window->page(), CustomerWindow::Page::Seats, kGuiWaitMs);
    auto *subtitle = visibleChild<QLabel>(window, u"seatPageSubtitle"_s);
    QVERIFY(subtitle);
    QTRY_VERIFY_WITH_TIMEOUT(subtitle->text().contains(u"Your turn lasts until"_s), kGuiWaitMs);
    const QDateTime turnEnd = window->seatPage()->turnEndsAt();
    QVERIFY2(subtitle->text().startsWith(kShowInSeoul), qPrintable(subtitle->text()));
    QVERIFY2(subtitle->text().endsWith(
                 turnEnd.toTimeZone(QTimeZone("Asia/Seoul")).toString(u"HH:mm"_s) + u" KST"_s),
             qPrintable(subtitle->text()));

    // Hold, pay: the confirmation and the receipt say the same.
    QTRY_VERIFY_WITH_TIMEOUT(visibleChild<SeatButton>(window, u"seat5"_s), kGuiWaitMs);
    QVERIFY(clickNamed(window, u"seat5"_s));
    QVERIFY(clickNamed(window, u"holdButton"_s));
    QTRY_VERIFY_WITH_TIMEOUT(visibleChild<QAbstractButton>(window, u"payButton"_s), kGuiWaitMs);
    QVERIFY(clickNamed(window, u"payButton"_s));
    QTRY_VERIFY_WITH_TIMEOUT(openDialog(u"paymentConfirmDialog"_s), kGuiWaitMs);
    QDialog *confirm = openDialog(u"paymentConfirmDialog"_s);
    QCOMPARE(confirm->findChild<QLabel *>(u"payDate"_s)->text(), kShowInSeoul);
    QVERIFY(clickNamed(confirm, u"confirmPayButton"_s));
    QTRY_VERIFY_WITH_TIMEOUT(openDialog(u"receiptDialog"_s), kGuiWaitMs);
    QDialog *receipt = openDialog(u"receiptDialog"_s);
    const QString body = receipt->findChild<QLabel *>(u"receiptBody"_s)->text();
    QVERIFY2(body.contains(kShowInSeoul), qPrintable(body));
    QCOMPARE(body.count(u" KST"_s), 2); // the show and the moment it was paid
    QVERIFY2(!body.contains(u" EST"_s), qPrintable(body));

    // My tickets.
    QVERIFY(clickNamed(receipt, u"viewTicketsButton"_s));
    QTRY_COMPARE_WITH_TIMEOUT(window->page(), CustomerWindow::Page::Tickets, kGuiWaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(window->reservationModel()->rowCount(), 1, kGuiWaitMs);
    const QModelIndex ticket
        = window->reservationModel()->index(0, ReservationListModel::DateColumn);
    QCOMPARE(ticket.data().toString(), kShowInSeoul);
}

void TestVenueTime::staffSeeAndEditTheVenueZone()
{
    TestUser boss = m_fx->createUsers(1, 0, u"zoneboss"_s).first();
    m_fx->db().exec(u"UPDATE users SET role = 'staff' WHERE id = ?::uuid"_s,
                    {boss.id.toString(QUuid::WithoutBraces)});
    SignedInStaff console = openAdminWindow(m_server->port(), boss);
    QVERIFY(console.loaded);
    AdminWindow &window = *console.window;

    // The concert tree and the date editor show the show's time in Seoul.
    auto *tree = window.findChild<QTreeWidget *>(u"concertTree"_s);
    const auto dateLabel = [tree, this] {
        for (int i = 0; i < tree->topLevelItemCount(); ++i) {
            for (int j = 0; j < tree->topLevelItem(i)->childCount(); ++j) {
                QTreeWidgetItem *item = tree->topLevelItem(i)->child(j);
                if (item->data(0, Qt::UserRole + 2).toLongLong() == m_schedule)
                    return item->text(0);
            }
        }
        return QString();
    };
    QCOMPARE(dateLabel(), kShowInSeoul);
    QVERIFY(window.concertsTab()->selectSchedule(m_schedule));
    auto *startsAt = window.findChild<QDateTimeEdit *>(u"startsAtEdit"_s);
    QCOMPARE(startsAt->text(), u"2026-12-14 19:30 KST"_s);
    QVERIFY2(window.findChild<QLabel *>(u"dateZoneLabel"_s)->text().contains(u"Asia/Seoul"_s),
             qPrintable(window.findChild<QLabel *>(u"dateZoneLabel"_s)->text()));
    // Edited as a clock at the venue: what is sent is the same instant.
    QCOMPARE(window.concertsTab()->dateDraft().startsAt, kShow);

    // The seat details of the sold seat: paid at, in Seoul.
    window.showTab(AdminWindow::Tab::Seats);
    QVERIFY(window.seatsTab()->showSchedule(m_schedule));
    auto *dates = window.findChild<QComboBox *>(u"seatDateCombo"_s);
    QVERIFY2(dates->currentText().endsWith(kShowInSeoul), qPrintable(dates->currentText()));
    // The sold seat's row says when it was paid, in Seoul.
    auto *details = window.findChild<QTreeWidget *>(u"seatDetails"_s);
    QTRY_VERIFY_WITH_TIMEOUT(details->topLevelItemCount() > 0, kGuiWaitMs);
    bool paidRow = false;
    for (int i = 0; i < details->topLevelItemCount(); ++i) {
        const QString when = details->topLevelItem(i)->text(4);
        if (when.startsWith(u"paid"_s)) {
            paidRow = true;
            QVERIFY2(when.endsWith(u" KST"_s), qPrintable(when));
        }
    }
    QVERIFY(paidRow);

    // Move the concert to Berlin in the concert editor: an unknown zone is refused before
    // sending; a known one is saved and every label follows.
    window.showTab(AdminWindow::Tab::Concerts);
    QVERIFY(window.concertsTab()->selectConcert(m_concert));
    auto *zone = window.findChild<QComboBox *>(u"concertTimeZoneEdit"_s);
    QCOMPARE(zone->currentText(), u"Asia/Seoul"_s);
    QVERIFY(zone->findText(u"Europe/Berlin"_s) >= 0); // offered from the time-zone database
    zone->setCurrentText(u"Mars/Olympus"_s);
    QVERIFY(!window.concertsTab()->validateConcert().isEmpty());
    QVERIFY(clickNamed(&window, u"saveConcertButton"_s));
    auto *error = window.findChild<QLabel *>(u"concertFormError"_s);
    QVERIFY(error->isVisible());
    zone->setCurrentText(u"Europe/Berlin"_s);
    QSignalSpy reloaded(&window, &AdminWindow::concertsLoaded);
    QVERIFY(clickNamed(&window, u"saveConcertButton"_s));
    QVERIFY(reloaded.wait(kGuiWaitMs));
    QCOMPARE(m_fx->scalar(u"SELECT time_zone FROM concerts WHERE id = ?"_s, {m_concert}).toString(),
             u"Europe/Berlin"_s);
    QCOMPARE(dateLabel(), u"Mon 14 Dec 2026, 11:30 CET"_s);
    QVERIFY(window.concertsTab()->selectSchedule(m_schedule));
    QCOMPARE(startsAt->text(), u"2026-12-14 11:30 CET"_s);
    QCOMPARE(window.concertsTab()->dateDraft().startsAt, kShow);
    m_fx->db().exec(u"UPDATE concerts SET time_zone = 'Asia/Seoul' WHERE id = ?"_s, {m_concert});
}

void TestVenueTime::earlyJoinSaysWhenThePreQueueOpensInKst()
{
    // Sales open in three hours; the pre-queue (60 minutes by default) is not open yet.
    const qint64 concert = m_fx->createConcert(u"Opens Later"_s, 1);
    const qint64 schedule = m_fx->schedulesOf(concert).first();
    m_fx->db().exec(u"UPDATE schedules SET sales_open_at = date_trunc('minute', now()) "
                    "+ interval '3 hours' WHERE id = ?"_s,
                    {schedule});
    const QDateTime opens
        = m_fx->scalar(u"SELECT sales_open_at FROM schedules WHERE id = ?"_s, {schedule})
              .toDateTime();
    const QString preQueueOpens
        = DisplayText::dateTime(opens.addSecs(-3600), QTimeZone("Asia/Seoul"));
    QVERIFY(preQueueOpens.endsWith(u" KST"_s));

    QList<TestUser> fans = m_fx->createUsers(1, 0, u"earlybird"_s);
    SignedIn fan = openCustomerWindow(m_server->port(), fans[0]);
    CustomerWindow *window = fan.window.get();
    // Not on sale yet, but the customer may ask to wait for the opening.
    pressEnterQueue(window, schedule);
    if (QTest::currentTestFailed())
        return;
    QLabel *notice = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((notice = visibleChild<QLabel>(window, u"noticeText"_s))
                                 && notice->text().contains(preQueueOpens),
                             kGuiWaitMs);
    QVERIFY2(!notice->text().contains(QRegularExpression(u"\\d{2}T\\d{2}:"_s)),
             qPrintable(notice->text()));
    QCOMPARE(window->page(), CustomerWindow::Page::Concerts);
    QVERIFY(m_fx->queueRows(concert).isEmpty());
    screenshot(window, u"queue-opens-later"_s);
}

int main(int argc, char **argv)
{
    // The machine's zone is not the venue's: every time must still read in the venue's zone.
    qputenv("TZ", "America/New_York");
    tzset();
    QApplication app(argc, argv);
    TestVenueTime test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_venuetime.moc"
