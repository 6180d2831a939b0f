// The staff console driven like a staff member would, by objectName, against a real server:
// create a concert and a date (and be refused in plain words), see a customer's hold appear live
// in the staff seat map and release it, change the queue rate and pause it (read back through
// the API), and export CSV files and check their rows.
#include "admin/adminseatfeed.h"
#include "admin/adminwindow.h"
#include "admin/concertstab.h"
#include "admin/queuetab.h"
#include "admin/reasondialog.h"
#include "admin/seatstab.h"
#include "apipaths.h"
#include "models/seatmapmodel.h"
#include "net/apiclient.h"
#include "widgets/seatmapwidget.h"

#include "fixtures.h"
#include "testserver.h"

#include <QApplication>
#include <QDateTimeEdit>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTreeWidget>

using namespace Qt::StringLiterals;
using namespace encore;
using namespace encore::test;

namespace {
constexpr int kWaitMs = 20'000;
}

class TestAdminWindow final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void createsAConcertAndADate();
    void refusesAnInvalidDateBeforeSending();
    void customerHoldAppearsLiveAndIsReleased();
    void serverRefusalIsShownInPlainWords();
    void queueRateAndPauseAreApplied();
    void exportsCsvFiles();

private:
    template<typename T> T *find(const QString &name)
    {
        T *w = m_window->findChild<T *>(name);
        if (!w)
            qFatal("no widget %s", qPrintable(name));
        return w;
    }
    // Clicks `button`, then answers the confirmation box it opens with "yes" or "cancel".
    void clickAndConfirm(QPushButton *button, bool yes = true);
    HttpResponse staffGet(const QByteArray &path);
    HttpResponse hold(qint64 schedule, const QList<int> &seats);

    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<Fixtures> m_fx;
    std::unique_ptr<ApiClient> m_api;
    std::unique_ptr<AdminWindow> m_window;
    TestUser m_staff;
    QList<TestUser> m_customers;
    qint64 m_concert = 0;
    qint64 m_schedule = 0;
    QTemporaryDir m_dir;
};

void TestAdminWindow::initTestCase()
{
    m_server = std::make_unique<TestServer>();
    QVERIFY2(m_server->start(), m_server->output().constData());
    m_fx = std::make_unique<Fixtures>(m_server->database());
    m_staff = m_fx->createUsers(1, 0, u"boss"_s).first();
    m_fx->db().exec(u"UPDATE users SET role = 'staff' WHERE id = ?::uuid"_s,
                    {m_staff.id.toString(QUuid::WithoutBraces)});
    m_customers = m_fx->createUsers(1, 1'000'000, u"fan"_s);
    m_concert = m_fx->createConcert(u"Fixture Live"_s, 1);
    m_schedule = m_fx->schedulesOf(m_concert).first();
    m_fx->admit(m_customers, m_concert);

    m_api = std::make_unique<ApiClient>();
    m_api->setBaseUrl(QUrl(u"http://127.0.0.1:%1"_s.arg(m_server->port())));
    m_api->setSessionToken(QString::fromLatin1(m_staff.token));
    Session session;
    session.user.id = m_staff.id;
    session.user.username = m_staff.username;
    session.user.role = Role::Staff;
    session.token = QString::fromLatin1(m_staff.token);
    m_window = std::make_unique<AdminWindow>(m_api.get(), session, nullptr);
    QSignalSpy loaded(m_window.get(), &AdminWindow::concertsLoaded);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    m_window->start();
    QVERIFY(loaded.wait(kWaitMs));
    QCOMPARE(m_window->concerts().size(), 1);
}

void TestAdminWindow::cleanupTestCase()
{
    m_window.reset();
    m_api.reset();
    m_fx.reset();
    m_server.reset();
}

void TestAdminWindow::clickAndConfirm(QPushButton *button, bool yes)
{
    // The box is window-modal (open(), no nested event loop): answer it once it shows.
    bool answered = false;
    auto *poll = new QTimer(this);
    poll->setInterval(20);
    connect(poll, &QTimer::timeout, this, [this, &answered, poll, yes] {
        // Seat actions ask why: a reason dialog, window-modal too, answered with a reason.
        if (auto *why = m_window->findChild<ReasonDialog *>(u"reasonDialog"_s);
            why && why->isVisible() && why->windowModality() == Qt::WindowModal) {
            poll->stop();
            answered = true;
            if (!yes) {
                why->findChild<QPushButton *>(u"reasonCancelButton"_s)->click();
                return;
            }
            why->findChild<QPlainTextEdit *>(u"reasonEdit"_s)->setPlainText(u"Test reason"_s);
            why->findChild<QPushButton *>(u"reasonOkButton"_s)->click();
            return;
        }
        auto *box = m_window->findChild<QMessageBox *>(u"confirmDialog"_s);
        if (!box || !box->isVisible() || box->windowModality() != Qt::WindowModal)
            return;
        poll->stop();
        answered = true;
        box->findChild<QPushButton *>(yes ? u"confirmYesButton"_s : u"confirmCancelButton"_s)
            ->click();
    });
    poll->start();
    QTest::mouseClick(button, Qt::LeftButton);
    QTRY_VERIFY(answered);
    poll->deleteLater();
}

HttpResponse TestAdminWindow::staffGet(const QByteArray &path)
{
    HttpRequest r {"GET", path, {}, {}};
    r.bearer(m_staff.token);
    return m_server->client().send(r);
}

HttpResponse TestAdminWindow::hold(qint64 schedule, const QList<int> &seats)
{
    QJsonArray numbers;
    for (int n : seats)
        numbers.append(n);
    const TestUser &u = m_customers.first();
    HttpRequest r {"POST", api::reservations().toLatin1(), {}, {}};
    r.bearer(u.token)
        .queueToken(u.queueToken)
        .json({{u"scheduleId"_s, schedule}, {u"seats"_s, numbers}});
    return m_server->client().send(r);
}

void TestAdminWindow::createsAConcertAndADate()
{
    m_window->showTab(AdminWindow::Tab::Concerts);
    QTest::mouseClick(find<QPushButton>(u"newConcertButton"_s), Qt::LeftButton);
    QTest::keyClicks(find<QLineEdit>(u"concertTitleEdit"_s), u"Spring Strings"_s);
    QTest::keyClicks(find<QLineEdit>(u"concertArtistEdit"_s), u"Han Quartet"_s);
    QTest::keyClicks(find<QLineEdit>(u"concertVenueEdit"_s), u"Seoul Arts Center"_s);
    QSignalSpy loaded(m_window.get(), &AdminWindow::concertsLoaded);
    QTest::mouseClick(find<QPushButton>(u"saveConcertButton"_s), Qt::LeftButton);
    QVERIFY(loaded.wait(kWaitMs));
    const qint64 concertId
        = m_fx->scalar(u"SELECT id FROM concerts WHERE title = 'Spring Strings'"_s).toLongLong();
    QVERIFY(concertId > 0);
    QCOMPARE(m_fx->scalar(u"SELECT venue FROM concerts WHERE id = ?"_s, {concertId}).toString(),
             u"Seoul Arts Center"_s);

    // The new concert stays selected: add a date to it, with a dearer VIP tier.
    QVERIFY(find<QPushButton>(u"addDateButton"_s)->isEnabled());
    QTest::mouseClick(find<QPushButton>(u"addDateButton"_s), Qt::LeftButton);
    const QDateTime starts = QDateTime::currentDateTime().addDays(20);
    find<QDateTimeEdit>(u"startsAtEdit"_s)->setDateTime(starts);
    find<QDateTimeEdit>(u"salesOpenEdit"_s)->setDateTime(QDateTime::currentDateTime().addSecs(-60));
    find<QDateTimeEdit>(u"salesCloseEdit"_s)->setDateTime(starts.addSecs(-3600));
    find<QSpinBox>(u"priceVIPSpin"_s)->setValue(180'000);
    QTest::mouseClick(find<QPushButton>(u"saveDateButton"_s), Qt::LeftButton);
    QVERIFY(loaded.wait(kWaitMs));
    QCOMPARE(
        m_fx->scalar(u"SELECT count(*) FROM schedules WHERE concert_id = ?"_s, {concertId}).toInt(),
        1);
    QCOMPARE(m_fx->scalar(u"SELECT price FROM seats s JOIN schedules sc ON sc.id = s.schedule_id "
                          "WHERE sc.concert_id = ? AND s.number = 1"_s,
                          {concertId})
                 .toLongLong(),
             180'000);
    QCOMPARE(m_fx->scalar(u"SELECT count(*) FROM audit_log WHERE action IN ('concert.create', "
                          "'schedule.create')"_s)
                 .toInt(),
             2);
    // The window lists it everywhere.
    QTRY_COMPARE(m_window->concerts().size(), 2);
}

void TestAdminWindow::refusesAnInvalidDateBeforeSending()
{
    m_window->concertsTab()->selectConcert(m_concert);
    QTest::mouseClick(find<QPushButton>(u"addDateButton"_s), Qt::LeftButton);
    const QDateTime starts = QDateTime::currentDateTime().addDays(5);
    find<QDateTimeEdit>(u"startsAtEdit"_s)->setDateTime(starts);
    find<QDateTimeEdit>(u"salesCloseEdit"_s)->setDateTime(starts.addDays(1));
    const int before = m_fx->scalar(u"SELECT count(*) FROM schedules"_s).toInt();
    QTest::mouseClick(find<QPushButton>(u"saveDateButton"_s), Qt::LeftButton);
    auto *error = find<QLabel>(u"dateFormError"_s);
    QVERIFY(error->isVisible());
    QCOMPARE(error->text(), u"Sales must close by the time the show starts."_s);
    QCOMPARE(m_fx->scalar(u"SELECT count(*) FROM schedules"_s).toInt(), before);
}

void TestAdminWindow::customerHoldAppearsLiveAndIsReleased()
{
    m_window->showTab(AdminWindow::Tab::Seats);
    SeatsTab *seats = m_window->seatsTab();
    QVERIFY(seats->showSchedule(m_schedule));
    QTRY_VERIFY_WITH_TIMEOUT(
        seats->seatMap().scheduleId == m_schedule && seats->seatMap().seats.size() == 50, kWaitMs);
    QTRY_VERIFY_WITH_TIMEOUT(m_window->seatFeed()->isConnected(), kWaitMs);

    // A customer holds two seats over HTTP; the staff map shows who, without a refresh.
    const HttpResponse held = hold(m_schedule, {7, 8});
    QCOMPARE(held.status, 201);
    const QString reservation = held.json()[u"reservation"_s][u"id"_s].toString();
    QTRY_VERIFY_WITH_TIMEOUT(seats->seatMap().seat(7)->seat.status == SeatStatus::Held, kWaitMs);
    const AdminSeat seat7 = *seats->seatMap().seat(7);
    QCOMPARE(seat7.holder, m_customers.first().username);
    QCOMPARE(seat7.reservationId, reservation);
    QVERIFY(seat7.seat.heldUntil > QDateTime::currentDateTimeUtc());
    QCOMPARE(seats->seatMapWidget()->model()->seat(8)->status, SeatStatus::Held);
    auto *details = find<QTreeWidget>(u"seatDetails"_s);
    QVERIFY(!details->findItems(m_customers.first().username, Qt::MatchExactly, 2).isEmpty());

    // Release: select, confirm (cancel first: nothing happens), and both seats are free again.
    QVERIFY(seats->seatMapWidget()->setSeatSelected(7, true));
    auto *release = find<QPushButton>(u"releaseButton"_s);
    QVERIFY(release->isEnabled());
    QVERIFY(!find<QPushButton>(u"blockButton"_s)->isEnabled());
    clickAndConfirm(release, false);
    QCOMPARE(m_fx->scalar(u"SELECT status FROM reservations WHERE id = ?::uuid"_s, {reservation})
                 .toString(),
             u"HELD"_s);
    clickAndConfirm(release, true);
    QTRY_VERIFY_WITH_TIMEOUT(seats->seatMap().seat(7)->seat.status == SeatStatus::Available
                                 && seats->seatMap().seat(8)->seat.status == SeatStatus::Available,
                             kWaitMs);
    QCOMPARE(m_fx->scalar(u"SELECT status FROM reservations WHERE id = ?::uuid"_s, {reservation})
                 .toString(),
             u"CANCELLED"_s);
    QCOMPARE(
        m_fx->scalar(u"SELECT count(*) FROM audit_log WHERE action = 'seat.release'"_s).toInt(), 1);
    // The release asked why, and the audit log keeps it.
    QCOMPARE(
        m_fx->scalar(u"SELECT details->>'reason' FROM audit_log WHERE action = 'seat.release'"_s)
            .toString(),
        u"Test reason"_s);

    // Block and unblock a free seat the same way.
    QVERIFY(seats->seatMapWidget()->setSeatSelected(9, true));
    clickAndConfirm(find<QPushButton>(u"blockButton"_s));
    QTRY_VERIFY_WITH_TIMEOUT(seats->seatMap().seat(9)->seat.status == SeatStatus::Blocked, kWaitMs);
    QVERIFY(seats->seatMapWidget()->setSeatSelected(9, true));
    clickAndConfirm(find<QPushButton>(u"unblockButton"_s));
    QTRY_VERIFY_WITH_TIMEOUT(seats->seatMap().seat(9)->seat.status == SeatStatus::Available,
                             kWaitMs);
    QCOMPARE(m_fx->scalar(u"SELECT count(*) FROM audit_log WHERE action IN ('seat.block', "
                          "'seat.unblock') AND details->>'reason' = 'Test reason'"_s)
                 .toInt(),
             2);
}

void TestAdminWindow::serverRefusalIsShownInPlainWords()
{
    // A date with a live hold cannot be deleted: the server says why and the form shows it.
    QCOMPARE(hold(m_schedule, {20}).status, 201);
    m_window->showTab(AdminWindow::Tab::Concerts);
    QVERIFY(m_window->concertsTab()->selectSchedule(m_schedule));
    clickAndConfirm(find<QPushButton>(u"deleteDateButton"_s));
    auto *error = find<QLabel>(u"dateFormError"_s);
    QTRY_VERIFY_WITH_TIMEOUT(error->isVisible(), kWaitMs);
    QVERIFY2(error->text().contains(u"holding seats"_s), qPrintable(error->text()));
    QCOMPARE(m_fx->scalar(u"SELECT count(*) FROM schedules WHERE id = ?"_s, {m_schedule}).toInt(),
             1);
}

void TestAdminWindow::queueRateAndPauseAreApplied()
{
    m_window->showTab(AdminWindow::Tab::Queue);
    QueueTab *queue = m_window->queueTab();
    QVERIFY(queue->showConcert(m_concert));
    QSignalSpy stats(queue, &QueueTab::statsLoaded);
    QVERIFY(stats.wait(kWaitMs));
    QCOMPARE(find<QLabel>(u"activeValue"_s)->text().left(1), u"1"_s); // the admitted customer

    QSignalSpy applied(queue, &QueueTab::settingsApplied);
    find<QSpinBox>(u"admitPerMinuteSpin"_s)->setValue(42);
    find<QSpinBox>(u"maxActiveSpin"_s)->setValue(7);
    QTest::mouseClick(find<QPushButton>(u"applySettingsButton"_s), Qt::LeftButton);
    QVERIFY(applied.wait(kWaitMs));
    QJsonObject settings
        = staffGet(api::adminConcertQueue(m_concert).toLatin1()).json()[u"settings"_s].toObject();
    QCOMPARE(settings[u"admitPerMinute"_s].toInt(), 42);
    QCOMPARE(settings[u"maxActive"_s].toInt(), 7);
    QCOMPARE(settings[u"paused"_s].toBool(), false);

    const qsizetype appliedBefore = applied.count();
    clickAndConfirm(find<QPushButton>(u"pauseButton"_s));
    QTRY_VERIFY_WITH_TIMEOUT(applied.count() > appliedBefore, kWaitMs);
    settings
        = staffGet(api::adminConcertQueue(m_concert).toLatin1()).json()[u"settings"_s].toObject();
    QCOMPARE(settings[u"paused"_s].toBool(), true);
    QCOMPARE(settings[u"admitPerMinute"_s].toInt(), 42);
    QTRY_COMPARE(find<QPushButton>(u"pauseButton"_s)->text(), u"Resume"_s);
    // The polled numbers keep coming while the tab is in front.
    QVERIFY(stats.wait(kWaitMs));
}

void TestAdminWindow::exportsCsvFiles()
{
    QSignalSpy exported(m_window.get(), &AdminWindow::exported);
    const QString attendees = m_dir.filePath(u"attendees.csv"_s);
    m_window->setExportPath(attendees);
    m_window->showTab(AdminWindow::Tab::Seats);
    QVERIFY(m_window->seatsTab()->showSchedule(m_schedule));
    QTest::mouseClick(find<QPushButton>(u"exportAttendeesButton"_s), Qt::LeftButton);
    QVERIFY(exported.wait(kWaitMs));
    // The attendees are the sold seats only: seat 20, still held by the customer (from the
    // refusal test), is not one.
    const int sold = m_fx->scalar(u"SELECT count(*) FROM seats WHERE schedule_id = ? AND "
                                  "status = 'SOLD'"_s,
                                  {m_schedule})
                         .toInt();
    QCOMPARE(exported.last().at(1).toInt(), sold);
    QFile file(attendees);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QList<QByteArray> rows = file.readAll().trimmed().split('\n');
    QCOMPARE(rows.size(), 1 + sold);
    QVERIFY(rows.first().startsWith("\xEF\xBB\xBF"
                                    "seat,tier,price_krw,customer"));
    for (const QByteArray &row : rows)
        QVERIFY2(!row.startsWith("20,"), row.constData());

    const QString sales = m_dir.filePath(u"sales.csv"_s);
    m_window->setExportPath(sales);
    m_window->showTab(AdminWindow::Tab::Sales);
    QTest::mouseClick(find<QPushButton>(u"exportSalesButton"_s), Qt::LeftButton);
    QVERIFY(exported.wait(kWaitMs));
    QFile salesFile(sales);
    QVERIFY(salesFile.open(QIODevice::ReadOnly));
    const QList<QByteArray> salesRows = salesFile.readAll().trimmed().split('\n');
    QCOMPARE(salesRows.size(), 3); // header + the fixture date + the date created above
    QVERIFY(salesRows.first().startsWith("\xEF\xBB\xBF"
                                         "concert_id,title,schedule_id"));
    QVERIFY(salesRows.at(1).contains(",Fixture Live,")
            || salesRows.at(2).contains(",Fixture Live,"));
    QVERIFY(salesRows.at(1).contains(",Spring Strings,")
            || salesRows.at(2).contains(",Spring Strings,"));
}

QTEST_MAIN(TestAdminWindow)
#include "tst_adminwindow.moc"
