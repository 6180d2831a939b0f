// The whole customer journey through the real widgets, found by objectName, against a real
// encore-server on a fresh database: register → concert and date → queue → admitted → seats →
// hold refused for the balance → the wallet offered → top up by card (declined, then approved,
// through the sandbox gateway) → hold → confirm → pay → receipt →
// My tickets → the balance right in the window, over the API and in the database.
#include "apipaths.h"
#include "app/appcontroller.h"
#include "customer/customerwindow.h"
#include "customer/seatpage.h"
#include "dialogs/carddialog.h"
#include "dialogs/logindialog.h"
#include "dialogs/walletdialog.h"
#include "models/concertlistmodel.h"
#include "models/reservationlistmodel.h"
#include "widgets/noticebar.h"
#include "widgets/seatbutton.h"

#include "cardtopup.h"
#include "journeyhelpers.h"
#include "queue/queueservice.h"
#include "services/services.h"
#include "testserver.h"

#include <QLabel>
#include <QLineEdit>
#include <QSettings>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace encore;
using namespace encore::test;

class TestCustomerJourney final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void registerQueueTopUpPayAndSeeTheTicket();
    void wrongPasswordIsClearedAndTypingResumesThere();

private:
    GatewayServer m_world; // the server and the card gateway
    TestServer *m_server = nullptr;
    std::unique_ptr<Fixtures> m_fixtures;
};

void TestCustomerJourney::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true); // QSettings of the login dialog: not the user's
    QCoreApplication::setOrganizationName(u"EncoreTest"_s);
    QCoreApplication::setApplicationName(u"tst_customerjourney"_s);
    QSettings().clear(); // nothing remembered from an earlier run
    QVERIFY(m_world.start());
    m_server = m_world.server.get();
    m_fixtures = std::make_unique<Fixtures>(m_server->database());
}

void TestCustomerJourney::cleanupTestCase()
{
    m_fixtures.reset();
    m_world.server.reset();
    m_world.gateway.reset();
}

void TestCustomerJourney::registerQueueTopUpPayAndSeeTheTicket()
{
    const qint64 concert = m_fixtures->createConcert(u"Journey Live"_s, 2);
    const qint64 schedule = m_fixtures->schedulesOf(concert).at(1);
    const QString url = u"http://127.0.0.1:%1"_s.arg(m_server->port());

    AppController app({url, {}, u"en"_s});
    QString error;
    QVERIFY2(app.start(&error), qPrintable(error));
    useQuickRetries(app.api());

    // Register.
    QPointer<LoginDialog> login = app.loginDialog();
    QVERIFY(login);
    QVERIFY(QTest::qWaitForWindowExposed(login));
    QCOMPARE(login->findChild<QLineEdit *>(u"serverEdit"_s)->text(), url);
    QVERIFY(clickNamed(login, u"registerModeButton"_s));
    login->findChild<QLineEdit *>(u"usernameEdit"_s)->clear();
    QTest::keyClicks(login->findChild<QLineEdit *>(u"usernameEdit"_s), u"journeyfan"_s);
    QTest::keyClicks(login->findChild<QLineEdit *>(u"passwordEdit"_s), u"a-long-password"_s);
    QTest::keyClicks(login->findChild<QLineEdit *>(u"confirmPasswordEdit"_s), u"a-long-password"_s);
    QVERIFY(clickNamed(login, u"loginSubmitButton"_s));
    QTRY_VERIFY2_WITH_TIMEOUT(app.mainWindow() != nullptr,
                              qPrintable(login ? login->findChild<QLabel *>(u"loginError"_s)->text()
                                               : u"(login closed)"_s),
                              kGuiWaitMs);
    auto *window = qobject_cast<CustomerWindow *>(app.mainWindow());
    QVERIFY(window);
    window->liveFeed()->setReconnectDelays(100, 1000);
    QVERIFY(QTest::qWaitForWindowExposed(window));
    QVERIFY(window->findChild<QLabel *>(u"userLabel"_s)->text().contains(u"journeyfan"_s));
    const QByteArray token = app.api()->sessionToken().toLatin1();

    // Pick the concert's second date and enter the queue.
    QTRY_VERIFY_WITH_TIMEOUT(window->concertModel()->indexOfSchedule(schedule).isValid(),
                             kGuiWaitMs);
    QVERIFY(clickSchedule(window, schedule));
    QVERIFY(window->findChild<QLabel *>(u"concertTitle"_s)->text().contains(u"Journey Live"_s));
    // The organiser has paused admission: the customer waits in the queue panel first.
    m_fixtures->services().queue.ensureSettings(concert);
    m_fixtures->db().exec(u"UPDATE queue_settings SET paused = true WHERE concert_id = ?"_s,
                          {concert});
    QVERIFY(clickNamed(window, u"enterQueueButton"_s));
    QTRY_COMPARE_WITH_TIMEOUT(window->page(), CustomerWindow::Page::Queue, kGuiWaitMs);
    QTRY_VERIFY_WITH_TIMEOUT(
        visibleChild<QLabel>(window, u"queuePosition"_s)
            && visibleChild<QLabel>(window, u"queuePosition"_s)->text().contains(u'1'),
        kGuiWaitMs);
    QVERIFY(visibleChild<QWidget>(window, u"queueProgress"_s));
    QCOMPARE(window->page(), CustomerWindow::Page::Queue);
    m_fixtures->db().exec(u"UPDATE queue_settings SET paused = false WHERE concert_id = ?"_s,
                          {concert});
    // Admitted: the window moves on to the seat map by itself.
    QTRY_COMPARE_WITH_TIMEOUT(window->page(), CustomerWindow::Page::Seats, kGuiWaitMs);
    QTRY_VERIFY_WITH_TIMEOUT(visibleChild<SeatButton>(window, u"seat12"_s), kGuiWaitMs);

    // Two R seats (132,000 each) with an empty wallet: the hold is refused and the wallet offered.
    QVERIFY(clickNamed(window, u"seat12"_s));
    QVERIFY(clickNamed(window, u"seat13"_s));
    QVERIFY(seatSelected(window, 12) && seatSelected(window, 13));
    QVERIFY(clickNamed(window, u"holdButton"_s));
    QTRY_VERIFY_WITH_TIMEOUT(openDialog(u"walletDialog"_s), kGuiWaitMs);
    auto *wallet = qobject_cast<WalletDialog *>(openDialog(u"walletDialog"_s));
    QVERIFY(wallet);
    QVERIFY(window->notice()->isVisible());
    QVERIFY2(window->findChild<QLabel *>(u"noticeText"_s)
                 ->text()
                 .contains(u"top up"_s, Qt::CaseInsensitive),
             qPrintable(window->findChild<QLabel *>(u"noticeText"_s)->text()));
    QVERIFY(wallet->findChild<QLabel *>(u"walletReason"_s)->isVisible());
    // The shortfall is suggested.
    auto *amount = wallet->findChild<QLineEdit *>(u"amountEdit"_s);
    QCOMPARE(amount->text(), u"264000"_s);
    QCOMPARE(m_fixtures->scalar(u"SELECT count(*) FROM reservations"_s).toInt(), 0);

    // Top up 300,000 instead: each "+ 100,000" adds to the amount (it does not replace it).
    amount->clear();
    for (int i = 0; i < 3; ++i)
        QVERIFY(clickNamed(wallet, u"quickAmount100000"_s));
    QCOMPARE(amount->text(), u"300000"_s);
    auto *note = wallet->findChild<QLabel *>(u"amountNote"_s);
    QTRY_VERIFY2_WITH_TIMEOUT(clickable(wallet, u"topUpButton"_s), qPrintable(note->text()),
                              kGuiWaitMs);
    QVERIFY(clickNamed(wallet, u"topUpButton"_s));

    // The card goes to the gateway in a dialog of its own; first a card the bank declines.
    QTRY_VERIFY_WITH_TIMEOUT(openDialog(u"cardDialog"_s), kGuiWaitMs);
    QDialog *card = openDialog(u"cardDialog"_s);
    QVERIFY(card->findChild<QLabel *>(u"cardNotice"_s)->text().contains(u"wallet"_s));
    auto *number = card->findChild<QLineEdit *>(u"cardNumberEdit"_s);
    QTest::keyClicks(number, u"4000000000000002"_s);
    QCOMPARE(number->text(), u"4000 0000 0000 0002"_s); // grouped as typed
    QTest::keyClicks(card->findChild<QLineEdit *>(u"cardExpiryEdit"_s),
                     u"12%1"_s.arg(QDate::currentDate().year() % 100 + 2));
    QTest::keyClicks(card->findChild<QLineEdit *>(u"cardCvcEdit"_s), u"123"_s);
    QTest::keyClicks(card->findChild<QLineEdit *>(u"cardHolderEdit"_s), u"Journey Fan"_s);
    QVERIFY(clickNamed(card, u"cardPayButton"_s));
    auto *status = card->findChild<QLabel *>(u"cardStatus"_s);
    QTRY_VERIFY2_WITH_TIMEOUT(status->text().contains(u"declined"_s), qPrintable(status->text()),
                              kGuiWaitMs);
    QCOMPARE(window->balance(), Money(0));

    // A mistyped number is caught before anything is sent; then a card that pays.
    number->clear();
    QTest::keyClicks(number, u"4242424242424241"_s);
    QVERIFY(!clickable(card, u"cardPayButton"_s));
    QVERIFY(status->text().contains(u"not valid"_s));
    number->clear();
    QTest::keyClicks(number, u"4242424242424242"_s);
    QTRY_VERIFY_WITH_TIMEOUT(clickable(card, u"cardPayButton"_s), kGuiWaitMs);
    QVERIFY(clickNamed(card, u"cardPayButton"_s));
    QTRY_COMPARE_WITH_TIMEOUT(window->balance(), Money(300'000), kGuiWaitMs);
    QTRY_VERIFY_WITH_TIMEOUT(!openDialog(u"cardDialog"_s), kGuiWaitMs);
    // The red "top up" notice was about a shortfall that is gone: it gives way to the new
    // balance, and the header shows the new amount.
    auto *noticeLabel = window->findChild<QLabel *>(u"noticeText"_s);
    QTRY_VERIFY2_WITH_TIMEOUT(
        !noticeLabel->isVisible()
            || !noticeLabel->text().contains(u"top up"_s, Qt::CaseInsensitive),
        qPrintable(noticeLabel->text()), kGuiWaitMs);
    QVERIFY(window->findChild<QAbstractButton *>(u"walletButton"_s)
                ->text()
                .contains(money::format(300'000)));
    QVERIFY2(note->text().contains(u"4242"_s), qPrintable(note->text()));
    QCOMPARE(
        m_fixtures->scalar(u"SELECT count(*) FROM top_up_orders WHERE status = 'PAID'"_s).toInt(),
        1);
    QCOMPARE(
        m_fixtures->scalar(u"SELECT count(*) FROM top_up_orders WHERE status = 'FAILED'"_s).toInt(),
        1);
    QCOMPARE(wallet->findChild<QLabel *>(u"walletBalance"_s)->text(), money::format(300'000));
    screenshot(wallet, u"wallet-after-topup"_s);
    QVERIFY(clickNamed(wallet, u"walletCloseButton"_s));
    QTRY_VERIFY_WITH_TIMEOUT(!openDialog(u"walletDialog"_s), kGuiWaitMs);

    // Hold again: the selection survived the refusal.
    QVERIFY(seatSelected(window, 12) && seatSelected(window, 13));
    QVERIFY(clickNamed(window, u"holdButton"_s));
    QTRY_VERIFY_WITH_TIMEOUT(visibleChild<QAbstractButton>(window, u"payButton"_s), kGuiWaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(seatStatus(window, 12), SeatStatus::Held, kGuiWaitMs);
    QVERIFY(window->findChild<SeatButton *>(u"seat12"_s)->seat().mine);
    QVERIFY(window->seatPage()->hold().has_value());

    // Pay: check the confirmation, then confirm.
    QVERIFY(clickNamed(window, u"payButton"_s));
    QTRY_VERIFY_WITH_TIMEOUT(openDialog(u"paymentConfirmDialog"_s), kGuiWaitMs);
    QDialog *confirm = openDialog(u"paymentConfirmDialog"_s);
    const auto value = [confirm](const char *name) {
        auto *l = confirm->findChild<QLabel *>(QString::fromLatin1(name));
        return l ? l->text() : QString();
    };
    QCOMPARE(value("payConcert"), u"Journey Live"_s);
    QCOMPARE(value("payTotal"), money::format(264'000));
    QCOMPARE(value("payBalanceBefore"), money::format(300'000));
    QCOMPARE(value("payBalanceAfter"), money::format(36'000));
    QVERIFY(clickNamed(confirm, u"confirmPayButton"_s));

    // The receipt, then My tickets.
    QTRY_VERIFY_WITH_TIMEOUT(openDialog(u"receiptDialog"_s), kGuiWaitMs);
    QDialog *receipt = openDialog(u"receiptDialog"_s);
    // Behind the receipt: the new ticket, not an emptied seat map.
    QCOMPARE(window->page(), CustomerWindow::Page::Tickets);
    const QString body = receipt->findChild<QLabel *>(u"receiptBody"_s)->text();
    QVERIFY2(body.contains(money::format(264'000)), qPrintable(body));
    QCOMPARE(window->balance(), Money(36'000));
    QVERIFY(clickNamed(receipt, u"viewTicketsButton"_s));
    QTRY_COMPARE_WITH_TIMEOUT(window->page(), CustomerWindow::Page::Tickets, kGuiWaitMs);
    auto *tickets = visibleChild<QTableView>(window, u"ticketsView"_s);
    QVERIFY(tickets);
    QTRY_COMPARE_WITH_TIMEOUT(tickets->model()->rowCount(), 1, kGuiWaitMs);
    const Reservation *paid = window->reservationModel()->at(0);
    QVERIFY(paid);
    QCOMPARE(paid->status, ReservationStatus::Paid);
    QCOMPARE(paid->seats, (QList<int> {12, 13}));
    QCOMPARE(paid->total, Money(264'000));
    QVERIFY(window->findChild<QAbstractButton *>(u"walletButton"_s)
                ->text()
                .contains(money::format(36'000)));

    // The same truth over the API and in the database.
    const HttpResponse w = m_server->client().get(api::wallet().toLatin1(), token);
    QCOMPARE(w.status, 200);
    QCOMPARE(w.json().value(u"balance"_s).toInteger(), 36'000);
    const QString user
        = m_fixtures->scalar(u"SELECT id::text FROM users WHERE username = ?"_s, {u"journeyfan"_s})
              .toString();
    QVERIFY(!QUuid::fromString(user).isNull());
    QCOMPARE(m_fixtures->scalar(u"SELECT balance FROM wallets WHERE user_id = ?::uuid"_s, {user})
                 .toLongLong(),
             36'000);
    QCOMPARE(m_fixtures->scalar(u"SELECT count(*) FROM payments WHERE user_id = ?::uuid"_s, {user})
                 .toInt(),
             1);
    QCOMPARE(m_fixtures
                 ->scalar(u"SELECT string_agg(kind || ':' || amount, ',' ORDER BY id) "
                          "FROM wallet_ledger WHERE user_id = ?::uuid"_s,
                          {user})
                 .toString(),
             u"TOPUP:300000,PAYMENT:-264000"_s);
    QCOMPARE(m_fixtures
                 ->scalar(u"SELECT string_agg(number::text, ',' ORDER BY number) FROM seats "
                          "WHERE schedule_id = ? AND status = 'SOLD'"_s,
                          {schedule})
                 .toString(),
             u"12,13"_s);
}

// After a refused login the customer types the password again at once: it is cleared and has
// the focus (it used to stay filled in, with the focus on Quit).
void TestCustomerJourney::wrongPasswordIsClearedAndTypingResumesThere()
{
    const TestUser user = m_fixtures->createUsers(1, 0, u"typo"_s).first();
    AppController app({u"http://127.0.0.1:%1"_s.arg(m_server->port()), {}, u"en"_s});
    QString error;
    QVERIFY2(app.start(&error), qPrintable(error));
    QPointer<LoginDialog> login = app.loginDialog();
    QVERIFY(login);
    QVERIFY(QTest::qWaitForWindowExposed(login));
    auto *username = login->findChild<QLineEdit *>(u"usernameEdit"_s);
    auto *password = login->findChild<QLineEdit *>(u"passwordEdit"_s);
    username->clear();
    QTest::keyClicks(username, user.username);
    QTest::keyClicks(password, u"not-the-password"_s);
    QVERIFY(clickNamed(login, u"loginSubmitButton"_s));
    auto *message = login->findChild<QLabel *>(u"loginError"_s);
    QTRY_VERIFY_WITH_TIMEOUT(message->isVisible(), kGuiWaitMs);
    QVERIFY(message->text().contains(u"do not match"_s));
    QCOMPARE(password->text(), QString());
    QTRY_VERIFY(password->hasFocus());
    QCOMPARE(username->text(), user.username);
}

QTEST_MAIN(TestCustomerJourney)
#include "tst_customerjourney.moc"
