// The staff console's money and customer operations, driven by objectName like a staff member
// would, against a real server: cancel a date and see the customer refunded (their wallet, their
// ticket, the live message their window gets), find a customer and fix their wallet, refund some
// seats of a reservation, and end and block a customer's place in a queue. Every step asks for a
// reason in a window-modal dialog, lands in the audit log with it, and leaves reconciliation
// empty. Saves screenshots of the new tab and dialog (ENCORE_SCREENSHOT_DIR).
#include "admin/adminwindow.h"
#include "admin/audittab.h"
#include "admin/concertstab.h"
#include "admin/customerstab.h"
#include "admin/queuetab.h"
#include "admin/reasondialog.h"
#include "admin/salestab.h"
#include "admin/seatstab.h"
#include "apipaths.h"
#include "app/languagemanager.h"
#include "app/style.h"
#include "models/reservationlistmodel.h"
#include "net/apiclient.h"
#include "widgets/noticebar.h"
#include "widgets/seatmapwidget.h"

#include "bookingrequests.h"
#include "fixtures.h"
#include "journeyhelpers.h"
#include "testserver.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QInputDialog>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <QTreeWidget>

using namespace Qt::StringLiterals;
using namespace encore;
using namespace encore::test;

namespace {
constexpr int kWaitMs = 20'000;
}

class TestStaffConsole final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void cancelDateRefundsTheCustomer();
    void findCustomerAndFixTheirWallet();
    void refundSomeSeatsFromTheCustomerTab();
    void removeAndBlockFromTheQueue();
    void seesAndClearsThePreQueue();
    void auditLogSaysItInWords();
    void setsSeatPricesFromTheSeatsTab();
    void salesFilteredByConcert();
    void languageSwitchRewordsTheData();

private:
    template<typename T> T *find(const QString &name)
    {
        T *w = m_window->findChild<T *>(name);
        if (!w)
            qFatal("no widget %s", qPrintable(name));
        return w;
    }
    // The open reason dialog, filled in and confirmed; fails the test when none opened.
    ReasonDialog *openDialog();
    void confirm(ReasonDialog *dialog, const QString &reason);
    HttpResponse staff(const QByteArray &method, const QByteArray &path);
    qint64 balance(const TestUser &user);
    QString reservationStatus(const TestUser &user, const QString &id);
    QString buy(const TestUser &user, qint64 schedule, const QList<int> &seats)
    {
        return buySeats(m_server->client(), user, schedule, seats);
    }
    void findCustomer(const TestUser &user);
    void verifyReconciled();
    void screenshot(QWidget *widget, const QString &name);

    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<Fixtures> m_fx;
    std::unique_ptr<ApiClient> m_api;
    std::unique_ptr<AdminWindow> m_window;
    TestUser m_staff;
};

void TestStaffConsole::initTestCase()
{
    applyStyle(*qApp); // the app's own look, for the screenshots
    m_server = std::make_unique<TestServer>();
    QVERIFY2(m_server->start(), m_server->output().constData());
    m_fx = std::make_unique<Fixtures>(m_server->database());
    m_staff = m_fx->createUsers(1, 0, u"boss"_s).first();
    m_fx->db().exec(u"UPDATE users SET role = 'staff' WHERE id = ?::uuid"_s,
                    {m_staff.id.toString(QUuid::WithoutBraces)});

    m_api = std::make_unique<ApiClient>();
    m_api->setBaseUrl(QUrl(u"http://127.0.0.1:%1"_s.arg(m_server->port())));
    m_api->setSessionToken(QString::fromLatin1(m_staff.token));
    Session session;
    session.user.id = m_staff.id;
    session.user.username = m_staff.username;
    session.user.role = Role::Staff;
    session.token = QString::fromLatin1(m_staff.token);
    m_window = std::make_unique<AdminWindow>(m_api.get(), session, nullptr);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QSignalSpy loaded(m_window.get(), &AdminWindow::concertsLoaded);
    m_window->start();
    QVERIFY(loaded.wait(kWaitMs));
}

void TestStaffConsole::cleanupTestCase()
{
    m_window.reset();
    m_api.reset();
    m_fx.reset();
    m_server.reset();
}

ReasonDialog *TestStaffConsole::openDialog()
{
    ReasonDialog *dialog = nullptr;
    [&] {
        QTRY_VERIFY((dialog = m_window->findChild<ReasonDialog *>(u"reasonDialog"_s)));
    }();
    if (dialog) {
        // Window-modal, not a nested event loop: the window underneath keeps running.
        [&] {
            QVERIFY(dialog->isVisible());
            QCOMPARE(dialog->windowModality(), Qt::WindowModal);
        }();
    }
    return dialog;
}

void TestStaffConsole::confirm(ReasonDialog *dialog, const QString &reason)
{
    QVERIFY(dialog);
    auto *edit = dialog->findChild<QPlainTextEdit *>(u"reasonEdit"_s);
    edit->clear();
    QTest::keyClicks(edit, reason);
    QPointer<ReasonDialog> alive(dialog);
    dialog->findChild<QPushButton *>(u"reasonOkButton"_s)->click();
    QTRY_VERIFY(alive.isNull()); // deleted on close
}

HttpResponse TestStaffConsole::staff(const QByteArray &method, const QByteArray &path)
{
    HttpRequest r {method, path, {}, {}};
    r.bearer(m_staff.token);
    return m_server->client().send(r);
}

qint64 TestStaffConsole::balance(const TestUser &user)
{
    return m_server->client()
        .get("/api/v1/wallet", user.token)
        .json()
        .value(u"balance"_s)
        .toInteger();
}

QString TestStaffConsole::reservationStatus(const TestUser &user, const QString &id)
{
    return m_server->client()
        .get("/api/v1/reservations/" + id.toLatin1(), user.token)
        .json()
        .value(u"reservation"_s)
        .toObject()
        .value(u"status"_s)
        .toString();
}

void TestStaffConsole::findCustomer(const TestUser &user)
{
    m_window->showTab(AdminWindow::Tab::Customers);
    auto *search = find<QLineEdit>(u"customerSearch"_s);
    search->clear();
    QTest::keyClicks(search, user.username);
    QSignalSpy shown(m_window->customersTab(), &CustomersTab::customerShown);
    QTest::mouseClick(find<QPushButton>(u"customerSearchButton"_s), Qt::LeftButton);
    QVERIFY(shown.wait(kWaitMs));
    QCOMPARE(find<QListWidget>(u"customerResults"_s)->count(), 1);
    QCOMPARE(m_window->customersTab()->customer()->user.username, user.username);
}

void TestStaffConsole::verifyReconciled()
{
    const HttpResponse r = staff("GET", "/api/v1/admin/reconciliation");
    QVERIFY2(r.json().value(u"ok"_s).toBool(), r.body.constData());
}

void TestStaffConsole::screenshot(QWidget *widget, const QString &name)
{
    const QString dir = qEnvironmentVariable("ENCORE_SCREENSHOT_DIR");
    if (dir.isEmpty())
        return;
    QCoreApplication::sendPostedEvents(); // pending layouts, so labels have their final size
    QCoreApplication::processEvents();
    QVERIFY(widget->grab().save(dir + u'/' + name));
}

void TestStaffConsole::cancelDateRefundsTheCustomer()
{
    const qint64 concert = m_fx->createConcert(u"Rained Out"_s, 2);
    const qint64 schedule = m_fx->schedulesOf(concert).first();
    QList<TestUser> fans = m_fx->createUsers(1, 1'000'000, u"rain"_s);
    m_fx->admit(fans, concert);
    const TestUser fan = fans.first();
    const QString ticket = buy(fan, schedule, {7, 8});
    QVERIFY(!ticket.isEmpty());
    QVERIFY(balance(fan) < 1'000'000);
    // The customer has their window open (its own ApiClient and live feed).
    SignedIn customer = openCustomerWindow(m_server->port(), fan);
    QVERIFY(customer.window);
    auto *customerNotice = customer.window->findChild<NoticeBar *>();
    QTRY_VERIFY(customer.window->liveFeed()->isConnected());

    QSignalSpy loaded(m_window.get(), &AdminWindow::concertsLoaded);
    m_window->reloadConcerts(concert, schedule);
    QVERIFY(loaded.wait(kWaitMs));
    m_window->showTab(AdminWindow::Tab::Concerts);
    auto *cancel = find<QPushButton>(u"cancelDateButton"_s);
    QTRY_VERIFY(cancel->isVisible() && cancel->isEnabled());
    QTest::mouseClick(cancel, Qt::LeftButton);
    ReasonDialog *dialog = openDialog();
    QVERIFY(dialog);
    screenshot(dialog, u"admin-cancel-date.png"_s);
    // Without a reason nothing is sent: the dialog says why and stays open.
    dialog->findChild<QPushButton *>(u"reasonOkButton"_s)->click();
    QVERIFY(dialog->findChild<QLabel *>(u"reasonError"_s)->isVisible());
    QVERIFY(dialog->isVisible());
    confirm(dialog, u"Storm warning for the venue"_s);

    QTRY_COMPARE_WITH_TIMEOUT(balance(fan), 1'000'000, kWaitMs);
    QCOMPARE(reservationStatus(fan, ticket), u"REFUNDED"_s);
    // Told live in their window, in words, with the reason.
    QTRY_VERIFY_WITH_TIMEOUT(customerNotice->text().contains(u"Storm warning for the venue"_s),
                             kWaitMs);
    QVERIFY(customerNotice->text().contains(u"cancelled"_s));
    // And in My tickets.
    QTRY_VERIFY(customer.window->reservationModel()->rowCount() == 1
                && customer.window->reservationModel()
                        ->index(0, 0)
                        .data(ReservationListModel::StatusRole)
                        .toInt()
                    == int(ReservationStatus::Refunded));
    QTRY_VERIFY(m_window->notice()->text().contains(u"cancelled"_s));
    // The tree says so once the window reloaded.
    QTRY_VERIFY([&] {
        const auto items
            = find<QTreeWidget>(u"concertTree"_s)
                  ->findItems(u"Cancelled"_s, Qt::MatchExactly | Qt::MatchRecursive, 1);
        return items.size() == 1;
    }());
    const QJsonArray audit = staff("GET", "/api/v1/admin/audit?action=schedule.cancel")
                                 .json()
                                 .value(u"entries"_s)
                                 .toArray();
    QCOMPARE(audit.size(), 1);
    QCOMPARE(audit.first().toObject().value(u"details"_s).toObject().value(u"reason"_s).toString(),
             u"Storm warning for the venue"_s);
    verifyReconciled();
}

void TestStaffConsole::findCustomerAndFixTheirWallet()
{
    const TestUser fan = m_fx->createUsers(1, 20'000, u"wallet"_s).first();
    findCustomer(fan);
    QVERIFY(find<QLabel>(u"customerBalance"_s)->text().contains(u"20,000"_s));

    QTest::mouseClick(find<QPushButton>(u"adjustWalletButton"_s), Qt::LeftButton);
    ReasonDialog *dialog = openDialog();
    QVERIFY(dialog);
    dialog->findChild<QSpinBox *>(u"amountEdit"_s)->setValue(5'000);
    QSignalSpy shown(m_window->customersTab(), &CustomersTab::customerShown);
    confirm(dialog, u"Goodwill for the late doors"_s);
    QVERIFY(shown.wait(kWaitMs));
    QCOMPARE(balance(fan), 25'000);
    QVERIFY(find<QLabel>(u"customerBalance"_s)->text().contains(u"25,000"_s));
    QCOMPARE(m_window->customersTab()->customer()->ledger.first().kind, LedgerKind::Adjustment);

    // A debit past zero is refused in plain words and moves nothing.
    QTest::mouseClick(find<QPushButton>(u"adjustWalletButton"_s), Qt::LeftButton);
    dialog = openDialog();
    QVERIFY(dialog);
    dialog->findChild<QSpinBox *>(u"amountEdit"_s)->setValue(-30'000);
    confirm(dialog, u"Chargeback from the card issuer"_s);
    QTRY_VERIFY(m_window->notice()->text().contains(u"25,000"_s));
    QCOMPARE(balance(fan), 25'000);
    verifyReconciled();
}

void TestStaffConsole::refundSomeSeatsFromTheCustomerTab()
{
    const qint64 concert = m_fx->createConcert(u"Partial"_s, 1);
    const qint64 schedule = m_fx->schedulesOf(concert).first();
    QList<TestUser> fans = m_fx->createUsers(1, 1'000'000, u"part"_s);
    m_fx->admit(fans, concert);
    const TestUser fan = fans.first();
    const QString ticket = buy(fan, schedule, {21, 22});
    QVERIFY(!ticket.isEmpty());
    const qint64 after = balance(fan);
    findCustomer(fan);
    auto *reservations = find<QTableView>(u"customerReservations"_s);
    QCOMPARE(reservations->model()->rowCount(), 1);
    reservations->selectRow(0);
    QTest::mouseClick(find<QPushButton>(u"refundButton"_s), Qt::LeftButton);
    ReasonDialog *dialog = openDialog();
    QVERIFY(dialog);
    dialog->findChild<QCheckBox *>(u"seatBox21"_s)->setChecked(false); // refund seat 22 only
    QSignalSpy shown(m_window->customersTab(), &CustomersTab::customerShown);
    confirm(dialog, u"Seat 22 has no view of the stage"_s);
    QVERIFY(shown.wait(kWaitMs));
    QCOMPARE(m_window->customersTab()->customer()->reservations.first().seats, QList<int> {21});
    QCOMPARE(reservationStatus(fan, ticket), u"PAID"_s);
    QVERIFY(balance(fan) > after);
    screenshot(m_window.get(), u"admin-customers.png"_s);
    verifyReconciled();
}

void TestStaffConsole::removeAndBlockFromTheQueue()
{
    const qint64 concert = m_fx->createConcert(u"Busy Line"_s, 1);
    QVERIFY(openQueue(m_server->client(), *m_fx, concert));
    QList<TestUser> fans = m_fx->createUsers(1, 0, u"liner"_s);
    QVERIFY(joinQueue(m_server->client(), fans, concert));
    const TestUser fan = fans.first();
    findCustomer(fan);
    auto *queue = find<QTreeWidget>(u"customerQueue"_s);
    QCOMPARE(queue->topLevelItemCount(), 1);
    queue->setCurrentItem(queue->topLevelItem(0));
    QTest::mouseClick(find<QPushButton>(u"removeFromQueueButton"_s), Qt::LeftButton);
    QSignalSpy shown(m_window->customersTab(), &CustomersTab::customerShown);
    confirm(openDialog(), u"Duplicate account"_s);
    QVERIFY(shown.wait(kWaitMs));
    QCOMPARE(queue->topLevelItemCount(), 0);

    // The concert was made behind the server's back: wait until its listing shows it.
    auto *concerts = find<QComboBox>(u"blockConcert"_s);
    QTRY_VERIFY_WITH_TIMEOUT((m_window->reloadConcerts(), concerts->findText(u"Busy Line"_s) >= 0),
                             kWaitMs);
    concerts->setCurrentIndex(concerts->findText(u"Busy Line"_s));
    QTest::mouseClick(find<QPushButton>(u"queueBlockButton"_s), Qt::LeftButton);
    confirm(openDialog(), u"Ticket reselling"_s);
    QVERIFY(shown.wait(kWaitMs));
    QCOMPARE(queue->topLevelItemCount(), 1); // the block
    HttpRequest join {"POST", "/api/v1/concerts/" + QByteArray::number(concert) + "/queue", {}, {}};
    join.bearer(fan.token);
    QCOMPARE(m_server->client().send(join).status, 403);

    queue->setCurrentItem(queue->topLevelItem(0));
    QTest::mouseClick(find<QPushButton>(u"queueUnblockButton"_s), Qt::LeftButton);
    confirm(openDialog(), u"Cleared after a call"_s);
    QVERIFY(shown.wait(kWaitMs));
    QCOMPARE(queue->topLevelItemCount(), 0);
    QCOMPARE(m_server->client().send(join).status, 201);
    for (const char *action : {"queue.remove", "queue.block", "queue.unblock"})
        QCOMPARE(staff("GET", "/api/v1/admin/audit?action="_ba + action)
                     .json()
                     .value(u"entries"_s)
                     .toArray()
                     .size(),
                 1);
}

// Issue 15: the Queue tab shows who waits for sales to open, and staff clear the pre-queue with a
// reason; the fair-queue panel lists the abuse counters.
void TestStaffConsole::seesAndClearsThePreQueue()
{
    const qint64 concert = m_fx->createConcert(u"Early Birds"_s, 1);
    m_fx->db().exec(u"UPDATE schedules SET sales_open_at = now() + interval '20 minutes' "
                    "WHERE concert_id = ?"_s,
                    {concert});
    QList<TestUser> fans = m_fx->createUsers(3, 0, u"dawn"_s);
    for (const TestUser &fan : fans) {
        HttpRequest join {"POST", api::concertQueue(concert).toLatin1(), {}, {}};
        join.bearer(fan.token).json({});
        QCOMPARE(m_server->client().send(join).status, 201);
    }
    QueueTab *tab = m_window->queueTab();
    m_window->showTab(AdminWindow::Tab::Queue);
    QTRY_VERIFY_WITH_TIMEOUT((m_window->reloadConcerts(), tab->showConcert(concert)), kWaitMs);
    auto *list = find<QTreeWidget>(u"preQueueList"_s);
    QTRY_COMPARE_WITH_TIMEOUT(list->topLevelItemCount(), 3, kWaitMs);
    QCOMPARE(list->topLevelItem(0)->text(0), fans[0].username);
    QVERIFY(find<QLabel>(u"preQueueSummary"_s)->text().contains(u"3 waiting"_s));
    QCOMPARE(find<QSpinBox>(u"preQueueMinutesSpin"_s)->value(), 60);
    screenshot(m_window.get(), u"staff-prequeue.png"_s);

    QTest::mouseClick(find<QPushButton>(u"clearPreQueueButton"_s), Qt::LeftButton);
    confirm(openDialog(), u"Bots in the pre-queue"_s);
    QTRY_COMPARE_WITH_TIMEOUT(list->topLevelItemCount(), 0, kWaitMs);
    QCOMPARE(staff("GET", "/api/v1/admin/audit?action=queue.prequeue.clear")
                 .json()
                 .value(u"entries"_s)
                 .toArray()
                 .size(),
             1);
}

void TestStaffConsole::auditLogSaysItInWords()
{
    AuditTab *audit = m_window->auditTab();
    QSignalSpy loaded(audit, &AuditTab::entriesLoaded);
    audit->setFilter(u"wallet.adjust"_s, m_staff.username);
    m_window->showTab(AdminWindow::Tab::Audit); // shows the tab and loads it, filtered
    QVERIFY(loaded.wait(kWaitMs));
    auto *table = find<QTreeWidget>(u"auditTable"_s);
    QCOMPARE(table->topLevelItemCount(), 1);
    const QString words = table->topLevelItem(0)->text(4);
    QVERIFY2(words.contains(u"Reason: Goodwill for the late doors"_s), qPrintable(words));
    QVERIFY2(words.contains(u"Amount: 5,000 KRW"_s), qPrintable(words));
    QVERIFY2(words.contains(u"Customer: wallet"_s), qPrintable(words));
    QVERIFY(table->topLevelItem(0)->text(2).startsWith(u"Wallet adjusted"_s));

    audit->setFilter(u"schedule.cancel"_s, QString());
    audit->refresh();
    QVERIFY(loaded.wait(kWaitMs));
    QCOMPARE(table->topLevelItemCount(), 1);
    QVERIFY(table->topLevelItem(0)->text(4).contains(u"Concert: Rained Out"_s));
    audit->setFilter(QString(), QString());
    audit->refresh();
    QVERIFY(loaded.wait(kWaitMs));
    screenshot(m_window.get(), u"admin-audit-staffops.png"_s);
}

void TestStaffConsole::setsSeatPricesFromTheSeatsTab()
{
    const qint64 concert = m_fx->createConcert(u"Repriced"_s, 1);
    const qint64 schedule = m_fx->schedulesOf(concert).first();
    // Made behind the server's back: wait until the listing shows it.
    QTRY_VERIFY_WITH_TIMEOUT(
        (m_window->reloadConcerts(),
         std::any_of(m_window->concerts().cbegin(), m_window->concerts().cend(),
                     [&](const Concert &c) { return c.id == concert; })),
        kWaitMs);
    m_window->showTab(AdminWindow::Tab::Seats);
    SeatsTab *seats = m_window->seatsTab();
    QSignalSpy loaded(seats, &SeatsTab::seatMapLoaded);
    QVERIFY(seats->showSchedule(schedule));
    QTRY_VERIFY_WITH_TIMEOUT(seats->seatMap().scheduleId == schedule, kWaitMs);
    QVERIFY(seats->seatMapWidget()->setSeatSelected(1, true));
    QVERIFY(seats->seatMapWidget()->setSeatSelected(2, true));
    QTest::mouseClick(find<QPushButton>(u"seatPriceButton"_s), Qt::LeftButton);
    QInputDialog *ask = nullptr;
    QTRY_VERIFY((ask = m_window->findChild<QInputDialog *>(u"seatPriceDialog"_s)));
    QCOMPARE(ask->windowModality(), Qt::WindowModal);
    // The amount reads like every amount in the app (" KRW" in English, "원" in Korean).
    QCOMPARE(ask->findChild<QSpinBox *>()->suffix(), money::suffix());
    ask->setIntValue(123'000);
    ask->accept();
    QTRY_COMPARE_WITH_TIMEOUT(
        m_fx->scalar(u"SELECT count(*) FROM seats WHERE schedule_id = ? AND price = 123000"_s,
                     {schedule})
            .toInt(),
        2, kWaitMs);
    QTRY_COMPARE(seats->seatMap().seat(2)->seat.price, 123'000);
    QVERIFY(seats->seatMap().seat(3)->seat.price != 123'000);
}

void TestStaffConsole::salesFilteredByConcert()
{
    QSignalSpy loaded(m_window.get(), &AdminWindow::concertsLoaded);
    m_window->reloadConcerts();
    QVERIFY(loaded.wait(kWaitMs));
    QVERIFY(m_window->concerts().size() > 1);
    const Concert only = m_window->concerts().first();
    SalesTab *sales = m_window->salesTab();
    QSignalSpy salesLoaded(sales, &SalesTab::salesLoaded);
    sales->setConcertFilter(only.id);
    m_window->showTab(AdminWindow::Tab::Sales); // loads, filtered
    QVERIFY(salesLoaded.wait(kWaitMs));
    auto *table = sales->findChild<QTreeWidget *>(u"salesTable"_s);
    QVERIFY(table);
    QCOMPARE(table->topLevelItemCount(), int(only.schedules.size()));
    for (int i = 0; i < table->topLevelItemCount(); ++i)
        QCOMPARE(table->topLevelItem(i)->text(0), only.title);
    sales->setConcertFilter(0);
    sales->refresh();
    QVERIFY(salesLoaded.wait(kWaitMs));
    QVERIFY(table->topLevelItemCount() > int(only.schedules.size()));
}

void TestStaffConsole::languageSwitchRewordsTheData()
{
    m_window->showTab(AdminWindow::Tab::Concerts);
    auto *tree = find<QTreeWidget>(u"concertTree"_s);
    const auto cancelledIn = [tree](const QString &word) {
        return !tree->findItems(word, Qt::MatchExactly | Qt::MatchRecursive, 1).isEmpty();
    };
    QTRY_VERIFY(cancelledIn(u"Cancelled"_s)); // the date cancelled by the first test
    LanguageManager languages;
    QVERIFY(languages.setLanguage(u"ko"_s, false));
    QTRY_VERIFY(cancelledIn(u"취소됨"_s)); // no Refresh needed
    QCOMPARE(m_window->findChild<QTabWidget *>(u"adminTabs"_s)
                 ->tabText(int(AdminWindow::Tab::Customers)),
             u"고객"_s);
    // Prices read in won, as the customer's amounts do ("120,000원"), not "KRW".
    QCOMPARE(find<QSpinBox>(u"priceRSpin"_s)->suffix(), u"원"_s);
    QVERIFY(languages.setLanguage(u"en"_s, false));
    QTRY_VERIFY(cancelledIn(u"Cancelled"_s));
    QCOMPARE(find<QSpinBox>(u"priceRSpin"_s)->suffix(), u" KRW"_s);
}

QTEST_MAIN(TestStaffConsole)
#include "tst_staffconsole.moc"
