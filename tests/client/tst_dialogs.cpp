// LoginDialog validation, PaymentConfirmDialog arithmetic and ReceiptDialog contents.
#include "dialogs/logindialog.h"
#include "dialogs/paymentconfirmdialog.h"
#include "dialogs/receiptdialog.h"
#include "net/apiclient.h"

#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace encore;

class TestDialogs final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void loginValidates_data();
    void loginValidates();
    void loginRemembersServer();
    void loginTypingStartsInTheUsername();
    void paymentShowsBalanceAfter();
    void paymentOffersTopUpWhenShort();
    void receiptListsThePurchase();
};

void TestDialogs::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(u"EncoreTest"_s);
    QSettings().clear();
}

void TestDialogs::loginValidates_data()
{
    QTest::addColumn<bool>("registering");
    QTest::addColumn<QString>("server");
    QTest::addColumn<QString>("user");
    QTest::addColumn<QString>("password");
    QTest::addColumn<QString>("confirm");
    QTest::addColumn<QString>("problem");
    QTest::addRow("ok") << false << u"http://127.0.0.1:8080"_s << u"minji"_s << u"pw"_s << QString()
                        << QString();
    QTest::addRow("host only") << false << u"localhost:8080"_s << u"minji"_s << u"pw"_s << QString()
                               << QString();
    QTest::addRow("no server") << false << QString() << u"minji"_s << u"pw"_s << QString()
                               << u"server"_s;
    QTest::addRow("ftp") << false << u"ftp://x"_s << u"minji"_s << u"pw"_s << QString()
                         << u"server"_s;
    QTest::addRow("short user") << false << u"http://h"_s << u"mj"_s << u"pw"_s << QString()
                                << u"3 to 32"_s;
    QTest::addRow("no password") << false << u"http://h"_s << u"minji"_s << QString() << QString()
                                 << u"password"_s;
    QTest::addRow("short new password")
        << true << u"http://h"_s << u"minji"_s << u"short"_s << u"short"_s << u"8 characters"_s;
    QTest::addRow("mismatch") << true << u"http://h"_s << u"minji"_s << u"long-enough"_s
                              << u"long-enougH"_s << u"not the same"_s;
    QTest::addRow("register ok") << true << u"https://h"_s << u"minji"_s << u"long-enough"_s
                                 << u"long-enough"_s << QString();
}

void TestDialogs::loginValidates()
{
    QFETCH(bool, registering);
    QFETCH(QString, server);
    QFETCH(QString, user);
    QFETCH(QString, password);
    QFETCH(QString, confirm);
    QFETCH(QString, problem);
    ApiClient api;
    LoginDialog dialog(&api);
    dialog.setMode(registering ? LoginDialog::Mode::Register : LoginDialog::Mode::Login);
    dialog.findChild<QLineEdit *>(u"serverEdit"_s)->setText(server);
    dialog.findChild<QLineEdit *>(u"usernameEdit"_s)->setText(user);
    dialog.findChild<QLineEdit *>(u"passwordEdit"_s)->setText(password);
    dialog.findChild<QLineEdit *>(u"confirmPasswordEdit"_s)->setText(confirm);
    const QString result = dialog.validate();
    if (problem.isEmpty()) {
        QVERIFY2(result.isEmpty(), qPrintable(result));
        return;
    }
    QVERIFY2(result.contains(problem, Qt::CaseInsensitive), qPrintable(result));
    // Submitting shows the problem and sends nothing.
    dialog.findChild<QPushButton *>(u"loginSubmitButton"_s)->click();
    QCOMPARE(dialog.findChild<QLabel *>(u"loginError"_s)->text(), result);
    QVERIFY(api.baseUrl().isEmpty());
}

void TestDialogs::loginRemembersServer()
{
    QSettings().setValue("connection/server", u"https://tickets.example:8443"_s);
    ApiClient api;
    LoginDialog dialog(&api);
    QCOMPARE(dialog.findChild<QLineEdit *>(u"serverEdit"_s)->text(),
             u"https://tickets.example:8443"_s);
    dialog.setServerUrl(u"http://127.0.0.1:9000"_s);
    QCOMPARE(dialog.findChild<QLineEdit *>(u"serverEdit"_s)->text(), u"http://127.0.0.1:9000"_s);
}

namespace {
Reservation hold()
{
    Reservation r;
    r.id = QUuid::createUuid();
    r.seats = {17, 18};
    r.total = 264'000;
    r.concertTitle = u"Aurora Nights"_s;
    r.startsAt = QDateTime::currentDateTimeUtc().addDays(3);
    return r;
}
} // namespace

void TestDialogs::loginTypingStartsInTheUsername()
{
    QSettings().remove(u"account/username"_s);
    ApiClient api;
    LoginDialog dialog(&api);
    dialog.show();
    dialog.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&dialog));
    auto *user = dialog.findChild<QLineEdit *>(u"usernameEdit"_s);
    auto *password = dialog.findChild<QLineEdit *>(u"passwordEdit"_s);
    QCOMPARE(QApplication::focusWidget(), user);
    QTest::keyClicks(QApplication::focusWidget(), u"minji"_s);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    QCOMPARE(QApplication::focusWidget(), password);
    QTest::keyClicks(QApplication::focusWidget(), u"secret"_s);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    QCOMPARE(QApplication::focusWidget(), dialog.findChild<QLineEdit *>(u"serverEdit"_s));
    QCOMPARE(user->text(), u"minji"_s);
    QCOMPARE(password->text(), u"secret"_s);
}

void TestDialogs::paymentShowsBalanceAfter()
{
    PaymentConfirmDialog dialog;
    dialog.setReservation(hold(), QString(), QDateTime());
    dialog.setBalance(300'000);
    QCOMPARE(dialog.findChild<QLabel *>(u"payConcert"_s)->text(), u"Aurora Nights"_s);
    QCOMPARE(dialog.findChild<QLabel *>(u"paySeats"_s)->text(), u"17, 18"_s);
    QCOMPARE(dialog.findChild<QLabel *>(u"payTotal"_s)->text(), u"264,000 KRW"_s);
    QCOMPARE(dialog.findChild<QLabel *>(u"payBalanceBefore"_s)->text(), u"300,000 KRW"_s);
    QCOMPARE(dialog.findChild<QLabel *>(u"payBalanceAfter"_s)->text(), u"36,000 KRW"_s);
    auto *confirm = dialog.findChild<QPushButton *>(u"confirmPayButton"_s);
    QVERIFY(confirm->isEnabled());
    QSignalSpy accepted(&dialog, &QDialog::accepted);
    confirm->click();
    QCOMPARE(accepted.count(), 1);
}

void TestDialogs::paymentOffersTopUpWhenShort()
{
    PaymentConfirmDialog dialog;
    dialog.setReservation(hold(), QString(), QDateTime());
    dialog.setBalance(200'000);
    QVERIFY(!dialog.findChild<QPushButton *>(u"confirmPayButton"_s)->isEnabled());
    auto *topUp = dialog.findChild<QPushButton *>(u"payTopUpButton"_s);
    QVERIFY(!topUp->isHidden());
    QSignalSpy requested(&dialog, &PaymentConfirmDialog::topUpRequested);
    topUp->click();
    QCOMPARE(requested.count(), 1);
    QCOMPARE(requested.first().at(0).toLongLong(), 64'000);
    // Topping up elsewhere updates the dialog in place.
    dialog.setBalance(264'000);
    QVERIFY(dialog.findChild<QPushButton *>(u"confirmPayButton"_s)->isEnabled());
    QVERIFY(topUp->isHidden());
}

void TestDialogs::receiptListsThePurchase()
{
    ReceiptDialog dialog;
    dialog.setReceipt(hold(), QDateTime::currentDateTimeUtc(), 36'000, u"ref-123"_s);
    const QString body = dialog.findChild<QLabel *>(u"receiptBody"_s)->text();
    for (const QString &part :
         {u"Aurora Nights"_s, u"17, 18"_s, u"264,000 KRW"_s, u"36,000 KRW"_s, u"ref-123"_s})
        QVERIFY2(body.contains(part), qPrintable(part));
    dialog.findChild<QPushButton *>(u"viewTicketsButton"_s)->click();
    QVERIFY(dialog.wantsTickets());
}

QTEST_MAIN(TestDialogs)
#include "tst_dialogs.moc"
