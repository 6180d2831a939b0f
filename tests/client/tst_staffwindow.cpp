// The staff console's window, driven by objectName against a real server and card gateway
// (issue 10 item 4 and the console's leftovers): the card top-up orders tab lists every
// customer's orders and gives a paid one back to the card with a reason (audited, the wallet
// debited, reconciliation still clean); the concert tree's seat counts follow the live feed
// without a reload; the Seats tab never widens the window; the CSV exports start with a UTF-8
// byte-order mark and list only sold seats; the staff seat map's legend speaks staff words and
// the live indicator says "Live" in words; the result of an action and the offline banner float
// over the page (nothing under the mouse moves) and the banner goes when the server is back. Saves
// a screenshot of the new tab (ENCORE_SCREENSHOT_DIR).
#include "admin/adminseatfeed.h"
#include "admin/adminwindow.h"
#include "admin/concertstab.h"
#include "admin/reasondialog.h"
#include "admin/salestab.h"
#include "admin/seatstab.h"
#include "admin/topupstab.h"
#include "app/languagemanager.h"
#include "app/style.h"
#include "net/apiclient.h"
#include "widgets/connectionbanner.h"
#include "widgets/noticebar.h"

#include "bookingrequests.h"
#include "cardtopup.h"
#include "fixtures.h"
#include "journeyhelpers.h"

#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QJsonArray>
#include <QLabel>
#include <QLayout>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using namespace Qt::StringLiterals;
using namespace encore;
using namespace encore::test;

class TestStaffWindow final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void topUpOrdersListedAndRefundedToCard();
    void concertTreeSeatCountsAreLive();
    void seatsTabDoesNotWidenTheWindow();
    void seatMapSpeaksStaffWordsAndSaysLive();
    void attendeesCsvHasBomAndOnlySoldSeats();
    void gatewayFindingsShowInTheSalesTab();
    void noticesFloatAndTheBannerGoesOnRecovery(); // last: it stops the server

private:
    QTreeWidgetItem *dateItem(qint64 scheduleId);

    LanguageManager m_languages; // English as the app loads it: its plural forms
    GatewayServer m_world;
    TestServer *m_server = nullptr;
    std::unique_ptr<Fixtures> m_fx;
    SignedInStaff m_console;
    AdminWindow *m_window = nullptr;
    TestUser m_staff;
    QTemporaryDir m_dir;
};

void TestStaffWindow::initTestCase()
{
    applyStyle(*qApp); // the app's own look, for the screenshots
    QVERIFY(m_languages.setLanguage(u"en"_s, false));
    QVERIFY(m_world.start());
    m_server = m_world.server.get();
    m_fx = std::make_unique<Fixtures>(m_server->database());
    m_staff = m_fx->createUsers(1, 0, u"boss"_s).first();
    makeStaff(*m_fx, m_staff);
    m_console = openAdminWindow(m_server->port(), m_staff);
    QVERIFY(m_console.loaded);
    m_window = m_console.window.get();
}

void TestStaffWindow::cleanupTestCase()
{
    m_window = nullptr;
    m_console.window.reset();
    m_console.api.reset();
    m_fx.reset();
    m_world.server.reset();
    m_world.gateway.reset();
}

QTreeWidgetItem *TestStaffWindow::dateItem(qint64 scheduleId)
{
    auto *tree = m_window->findChild<QTreeWidget *>(u"concertTree"_s);
    for (int i = 0; i < tree->topLevelItemCount(); ++i) {
        for (int j = 0; j < tree->topLevelItem(i)->childCount(); ++j) {
            QTreeWidgetItem *item = tree->topLevelItem(i)->child(j);
            if (item->data(0, Qt::UserRole + 2).toLongLong() == scheduleId)
                return item;
        }
    }
    return nullptr;
}

void TestStaffWindow::topUpOrdersListedAndRefundedToCard()
{
    // One customer's card top-up went through, another's card was declined.
    TestUser payer = m_fx->createUsers(1, 0, u"carder"_s).first();
    TestUser declined = m_fx->createUsers(1, 0, u"declined"_s).first();
    QCOMPARE(cardTopUp(m_server->client(), *m_world.gateway, payer, 50'000).status, 201);
    QVERIFY(cardTopUp(m_server->client(), *m_world.gateway, declined, 30'000,
                      QString::fromLatin1(cards::kDecline))
                .status
            >= 400);
    // The gateway tells the server of the declined card (its webhook).
    QTRY_COMPARE_WITH_TIMEOUT(
        m_fx->scalar(u"SELECT count(*) FROM top_up_orders WHERE status = 'FAILED'"_s).toInt(), 1,
        kGuiWaitMs);
    const QString paymentKey
        = m_fx->scalar(u"SELECT payment_key FROM top_up_orders WHERE status = 'PAID'"_s).toString();
    QVERIFY(!paymentKey.isEmpty());

    TopUpsTab *tab = m_window->topUpsTab();
    QSignalSpy loaded(tab, &TopUpsTab::ordersLoaded);
    m_window->showTab(AdminWindow::Tab::TopUps);
    QVERIFY(loaded.wait(kGuiWaitMs));
    auto *table = tab->findChild<QTreeWidget *>(u"topUpTable"_s);
    QCOMPARE(table->topLevelItemCount(), 2);
    const auto rowOf = [table](const QString &username) -> QTreeWidgetItem * {
        const auto found = table->findItems(username, Qt::MatchExactly, 1);
        return found.isEmpty() ? nullptr : found.first();
    };
    QTreeWidgetItem *paid = rowOf(payer.username);
    QTreeWidgetItem *failed = rowOf(declined.username);
    QVERIFY(paid && failed);
    QCOMPARE(paid->text(2), money::format(50'000));
    QCOMPARE(paid->text(3), u"Paid"_s);
    QVERIFY2(paid->text(4).contains(u"4242"_s), qPrintable(paid->text(4))); // the card's last 4
    QCOMPARE(paid->text(5), paymentKey); // the gateway's payment id
    QVERIFY2(paid->text(0).endsWith(
                 QTimeZone::systemTimeZone().abbreviation(QDateTime::currentDateTimeUtc())),
             qPrintable(paid->text(0))); // the staff member's own zone, named
    QCOMPARE(failed->text(3), u"Failed"_s);
    QVERIFY(!failed->text(6).isEmpty()); // why the gateway said no
    // Only a paid order can go back to the card.
    auto *refund = tab->findChild<QPushButton *>(u"refundToCardButton"_s);
    table->setCurrentItem(failed);
    QVERIFY(!refund->isEnabled());
    table->setCurrentItem(paid);
    QVERIFY(refund->isEnabled());
    screenshot(m_window, u"staff-topups"_s);

    // Refund to card: the reason is asked window-modally, then the wallet and the card.
    QVERIFY(clickNamed(tab, u"refundToCardButton"_s));
    ReasonDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = m_window->findChild<ReasonDialog *>(u"reasonDialog"_s)));
    QCOMPARE(dialog->windowModality(), Qt::WindowModal);
    screenshot(dialog, u"staff-topup-refund-dialog"_s);
    QTest::keyClicks(dialog->findChild<QPlainTextEdit *>(u"reasonEdit"_s),
                     u"Customer asked for the money back"_s);
    QSignalSpy reloaded(tab, &TopUpsTab::ordersLoaded);
    QVERIFY(clickNamed(dialog, u"reasonOkButton"_s));
    QVERIFY(reloaded.wait(kGuiWaitMs));
    QCOMPARE(m_fx->scalar(u"SELECT status FROM top_up_orders WHERE payment_key = ?"_s, {paymentKey})
                 .toString(),
             u"CANCELLED"_s);
    QCOMPARE(m_fx->scalar(u"SELECT balance FROM wallets WHERE user_id = ?::uuid"_s,
                          {payer.id.toString(QUuid::WithoutBraces)})
                 .toLongLong(),
             0);
    QCOMPARE(m_fx->scalar(u"SELECT details->>'reason' FROM audit_log "
                          "WHERE action = 'top-up.refund-to-card'"_s)
                 .toString(),
             u"Customer asked for the money back"_s);
    QTreeWidgetItem *after = rowOf(payer.username);
    QVERIFY(after);
    QCOMPARE(after->text(3), u"Refunded to card"_s);
    table->setCurrentItem(after);
    QVERIFY(!refund->isEnabled());

    // The status filter asks the server for one status.
    auto *filter = tab->findChild<QComboBox *>(u"topUpStatusFilter"_s);
    filter->setCurrentIndex(filter->findData(u"FAILED"_s));
    QVERIFY(reloaded.wait(kGuiWaitMs));
    QCOMPARE(table->topLevelItemCount(), 1);
    QCOMPARE(table->topLevelItem(0)->text(1), declined.username);
    filter->setCurrentIndex(0);
    QVERIFY(reloaded.wait(kGuiWaitMs));

    // The money still adds up.
    const HttpResponse recon
        = m_server->client().get("/api/v1/admin/reconciliation", m_staff.token);
    QCOMPARE(recon.status, 200);
    QVERIFY2(recon.json().value(u"ok"_s).toBool(), recon.body.constData());
}

void TestStaffWindow::concertTreeSeatCountsAreLive()
{
    const qint64 concert = m_fx->createConcert(u"Live Counts"_s, 1);
    const qint64 schedule = m_fx->schedulesOf(concert).first();
    QSignalSpy loaded(m_window, &AdminWindow::concertsLoaded);
    m_window->reloadConcerts();
    QVERIFY(loaded.wait(kGuiWaitMs));
    m_window->showTab(AdminWindow::Tab::Concerts);
    QVERIFY(dateItem(schedule));
    QCOMPARE(dateItem(schedule)->text(1), u"50 of 50 free"_s);
    // The tree follows the date on the live socket (it is upcoming).
    QVERIFY(m_window->seatFeed()->followed().contains(schedule));

    // A customer holds two seats and buys one: the tree counts them at once, without a reload
    // (no concerts are loaded meanwhile) — and the staff form being edited is left alone.
    m_window->concertsTab()->newConcert();
    auto *title = m_window->findChild<QLineEdit *>(u"concertTitleEdit"_s);
    title->setText(u"Draft being typed"_s);
    loaded.clear();
    QList<TestUser> fans = m_fx->createUsers(2, 1'000'000, u"livefan"_s);
    m_fx->admit(fans, concert);
    QCOMPARE(m_server->client().send(holdRequest(fans[0], schedule, {1, 2})).status, 201);
    QTRY_COMPARE_WITH_TIMEOUT(dateItem(schedule)->text(1), u"48 of 50 free"_s, kGuiWaitMs);
    QVERIFY(!buySeats(m_server->client(), fans[1], schedule, {3}).isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(dateItem(schedule)->text(1), u"47 of 50 free"_s, kGuiWaitMs);
    QCOMPARE(loaded.count(), 0);
    QCOMPARE(title->text(), u"Draft being typed"_s);
    // And the listing agrees.
    const auto listed = m_server->client().get(
        ("/api/v1/concerts/" + QString::number(concert)).toUtf8(), fans[0].token);
    QCOMPARE(listed.json()
                 .value(u"schedules"_s)
                 .toArray()
                 .first()
                 .toObject()
                 .value(u"availableSeats"_s)
                 .toInt(),
             47);
}

void TestStaffWindow::seatsTabDoesNotWidenTheWindow()
{
    // A long title and date in the Seats tab's date list used to push the window wider.
    const qint64 concert = m_fx->createConcert(QString(180, u'W'), 1);
    const qint64 schedule = m_fx->schedulesOf(concert).first();
    QSignalSpy loaded(m_window, &AdminWindow::concertsLoaded);
    m_window->reloadConcerts();
    QVERIFY(loaded.wait(kGuiWaitMs));
    m_window->resize(1180, 780);
    QTRY_COMPARE(m_window->width(), 1180);
    for (AdminWindow::Tab tab : {AdminWindow::Tab::Seats, AdminWindow::Tab::Concerts,
                                 AdminWindow::Tab::Sales, AdminWindow::Tab::TopUps}) {
        m_window->showTab(tab);
        if (tab == AdminWindow::Tab::Seats)
            QVERIFY(m_window->seatsTab()->showSchedule(schedule));
        if (tab == AdminWindow::Tab::Concerts) // the date form names the concert
            QVERIFY(m_window->concertsTab()->selectSchedule(schedule));
        QCoreApplication::processEvents();
        QVERIFY2(m_window->minimumSizeHint().width() <= 1180,
                 qPrintable(QString::number(m_window->minimumSizeHint().width())));
        QCOMPARE(m_window->width(), 1180);
    }
    m_window->showTab(AdminWindow::Tab::Seats);
    screenshot(m_window, u"staff-seats-long-title"_s);
}

void TestStaffWindow::seatMapSpeaksStaffWordsAndSaysLive()
{
    m_window->showTab(AdminWindow::Tab::Seats);
    QWidget *map = m_window->findChild<QWidget *>(u"staffSeatMap"_s);
    QVERIFY(map);
    QStringList words;
    for (QLabel *l : map->findChildren<QLabel *>()) {
        if (l->isVisible())
            words.append(l->text());
    }
    QVERIFY2(words.contains(u"Held by a customer"_s), qPrintable(words.join(u", ")));
    QVERIFY2(words.contains(u"Blocked"_s), qPrintable(words.join(u", ")));
    for (const QString &customerWord : {u"Your selection"_s, u"Yours"_s, u"Held by others"_s})
        QVERIFY2(!words.contains(customerWord), qPrintable(words.join(u", ")));
    // Staff pick any number of seats: no customer limit in the hint.
    QVERIFY2(!words.join(u' ').contains(u"Pick up to"_s), qPrintable(words.join(u", ")));
    // "Live" in words and in green (the style sheet selects on the property), not a grey dot.
    auto *live = m_window->findChild<QLabel *>(u"liveStatus"_s);
    QTRY_VERIFY_WITH_TIMEOUT(m_window->seatFeed()->isConnected(), kGuiWaitMs);
    QTRY_VERIFY(live->text().contains(u"Live"_s));
    QCOMPARE(live->property("live").toBool(), true);
}

void TestStaffWindow::attendeesCsvHasBomAndOnlySoldSeats()
{
    const qint64 concert = m_fx->createConcert(u"아이유 CSV"_s, 1);
    const qint64 schedule = m_fx->schedulesOf(concert).first();
    QList<TestUser> fans = m_fx->createUsers(2, 1'000'000, u"csvbuyer"_s);
    m_fx->admit(fans, concert);
    QVERIFY(!buySeats(m_server->client(), fans[0], schedule, {4, 5}).isEmpty());
    QCOMPARE(m_server->client().send(holdRequest(fans[1], schedule, {6})).status, 201);
    QSignalSpy loaded(m_window, &AdminWindow::concertsLoaded);
    m_window->reloadConcerts();
    QVERIFY(loaded.wait(kGuiWaitMs));

    QSignalSpy exported(m_window, &AdminWindow::exported);
    const QString path = m_dir.filePath(u"attendees.csv"_s);
    m_window->setExportPath(path);
    m_window->showTab(AdminWindow::Tab::Seats);
    QVERIFY(m_window->seatsTab()->showSchedule(schedule));
    QVERIFY(clickNamed(m_window, u"exportAttendeesButton"_s));
    QVERIFY(exported.wait(kGuiWaitMs));
    QCOMPARE(exported.last().at(1).toInt(), 2); // the two sold seats, not the held or free ones
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    QVERIFY(bytes.startsWith("\xEF\xBB\xBF")); // Excel reads the Korean as UTF-8
    const QList<QByteArray> rows = bytes.mid(3).trimmed().split('\n');
    QCOMPARE(rows.size(), 3);
    QVERIFY(rows[1].startsWith("4,VIP,") && rows[2].startsWith("5,VIP,"));
    QVERIFY(rows[1].contains(fans[0].username.toUtf8()));
    QVERIFY(rows[1].trimmed().endsWith(",Asia/Seoul"));

    const QString sales = m_dir.filePath(u"sales.csv"_s);
    m_window->setExportPath(sales);
    m_window->showTab(AdminWindow::Tab::Sales);
    QVERIFY(clickNamed(m_window, u"exportSalesButton"_s));
    QVERIFY(exported.wait(kGuiWaitMs));
    QFile salesFile(sales);
    QVERIFY(salesFile.open(QIODevice::ReadOnly));
    const QByteArray salesBytes = salesFile.readAll();
    QVERIFY(salesBytes.startsWith("\xEF\xBB\xBF"));
    const QString text = QString::fromUtf8(salesBytes);
    QVERIFY(text.contains(u",아이유 CSV,"_s));
}

// The gateway's part of reconciliation reaches the staff console in words (it used to be raw
// JSON the console never read, so a mismatch showed as "0 problems" in red): an order naming a
// payment the gateway never settled is two findings, each under its heading, and the report is
// clean again once the order is repaired.
void TestStaffWindow::gatewayFindingsShowInTheSalesTab()
{
    TestUser payer = m_fx->createUsers(1, 0, u"settler"_s).first();
    QCOMPARE(cardTopUp(m_server->client(), *m_world.gateway, payer, 20'000).status, 201);
    const QString user = payer.id.toString(QUuid::WithoutBraces);
    const QString key = m_fx->scalar(u"SELECT payment_key FROM top_up_orders WHERE user_id = "
                                     "?::uuid AND status = 'PAID'"_s,
                                     {user})
                            .toString();
    const auto setKey = [&](const QString &to) {
        m_fx->scalar(u"UPDATE top_up_orders SET payment_key = ? WHERE user_id = ?::uuid "
                     "RETURNING 1"_s,
                     {to, user});
    };
    setKey(u"tpk_unknown_to_the_gateway"_s);

    SalesTab *tab = m_window->salesTab();
    QSignalSpy loaded(tab, &SalesTab::reconciliationLoaded);
    m_window->showTab(AdminWindow::Tab::Sales);
    tab->refresh();
    auto *status = tab->findChild<QLabel *>(u"reconciliationStatus"_s);
    QTRY_VERIFY_WITH_TIMEOUT(status->text().contains(u"2 problems found"_s), kGuiWaitMs);
    QCOMPARE(loaded.last().first().toBool(), false);
    auto *tree = tab->findChild<QTreeWidget *>(u"reconciliationTree"_s);
    QStringList kinds;
    for (int i = 0; i < tree->topLevelItemCount(); ++i)
        kinds.append(tree->topLevelItem(i)->data(0, Qt::UserRole).toString());
    QCOMPARE(kinds, QStringList({u"chargedNotCredited"_s, u"creditedNotSettled"_s}));
    QCOMPARE(tree->topLevelItem(0)->text(0),
             SalesTab::findingTitle(FindingKind::ChargedNotCredited) + u" (1)"_s);
    QVERIFY2(tree->topLevelItem(0)->child(0)->text(0).contains(key),
             qPrintable(tree->topLevelItem(0)->child(0)->text(0)));
    QVERIFY(tree->topLevelItem(0)->child(0)->text(0).contains(u"charged"_s));
    screenshot(m_window, u"staff-reconciliation-gateway"_s);

    setKey(key);
    loaded.clear();
    tab->refresh();
    QTRY_VERIFY_WITH_TIMEOUT(!loaded.isEmpty() && loaded.last().first().toBool(), kGuiWaitMs);
    QVERIFY(!tree->isVisible());
}

void TestStaffWindow::noticesFloatAndTheBannerGoesOnRecovery()
{
    m_window->showTab(AdminWindow::Tab::Concerts);
    m_window->notice()->dismiss();
    auto *banner = m_window->connectionBanner();
    QTRY_VERIFY(!banner->isVisible());
    const QStringList steady {u"adminTabs"_s, u"concertTree"_s, u"refreshButton"_s,
                              u"logoutButton"_s};
    const QList<QRect> before = placesOf(m_window, steady);
    for (const QRect &r : before)
        QVERIFY(r.isValid());

    // The result of an action (an export) shows over the page, not above it.
    QSignalSpy exported(m_window, &AdminWindow::exported);
    m_window->setExportPath(m_dir.filePath(u"overlay-sales.csv"_s));
    m_window->exportSalesCsv();
    QVERIFY(exported.wait(kGuiWaitMs));
    QTRY_VERIFY(visibleChild<QWidget>(m_window, u"noticeBar"_s));
    QCOMPARE(placesOf(m_window, steady), before);
    screenshot(m_window, u"staff-notice-overlay"_s);
    m_window->notice()->dismiss();

    // The server goes away: one banner, floating too.
    m_server->stop();
    QVERIFY(clickNamed(m_window, u"refreshButton"_s));
    QTRY_COMPARE_WITH_TIMEOUT(banner->state(), ConnectionBanner::State::Offline, kGuiWaitMs);
    QVERIFY(banner->isVisible());
    // The refresh's failures are not told twice: the banner is the one message.
    QTRY_VERIFY_WITH_TIMEOUT(!m_window->notice()->isVisible(), kGuiWaitMs);
    QCOMPARE(placesOf(m_window, steady), before);
    screenshot(m_window, u"staff-offline"_s);

    // Back on the same database and port: "Retry now" finds it, and the banner goes.
    QVERIFY2(m_server->start(), m_server->output().right(2000).constData());
    QVERIFY(clickNamed(m_window, u"connectionRetryButton"_s));
    QTRY_VERIFY_WITH_TIMEOUT(banner->state() != ConnectionBanner::State::Offline, kGuiWaitMs);
    QTRY_VERIFY_WITH_TIMEOUT(!banner->isVisible(), kGuiWaitMs); // "connected again", then gone
    QCOMPARE(placesOf(m_window, steady), before);
}

QTEST_MAIN(TestStaffWindow)
#include "tst_staffwindow.moc"
