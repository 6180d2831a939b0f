// Card top-ups in the desktop app against a real encore-server and the real sandbox gateway
// (offscreen): the card dialog's checks, the second confirmation step, and a top-up interrupted
// by a crash that resumes when the wallet opens again — confirmed once, never charged twice.
#include "dialogs/carddialog.h"
#include "dialogs/walletdialog.h"
#include "net/apiclient.h"
#include "net/pendingtopup.h"

#include "cardtopup.h"
#include "journeyhelpers.h"

#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace encore;
using namespace encore::test;

class TestCardTopUp final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cardChecks_data();
    void cardChecks();
    void secondStepThroughTheDialog();
    void interruptedTopUpResumes_data();
    void interruptedTopUpResumes();

private:
    std::unique_ptr<ApiClient> client(const TestUser &user) const;
    qint64 balance(const TestUser &user);

    GatewayServer m_world;
    std::unique_ptr<Fixtures> m_fixtures;
};

void TestCardTopUp::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true); // PendingTopUp's QSettings: not the user's
    QCoreApplication::setOrganizationName(u"EncoreTest"_s);
    QCoreApplication::setApplicationName(u"tst_cardtopup"_s);
    QSettings().clear();
    QVERIFY(m_world.start());
    m_fixtures = std::make_unique<Fixtures>(m_world.server->database());
}

std::unique_ptr<ApiClient> TestCardTopUp::client(const TestUser &user) const
{
    auto api = std::make_unique<ApiClient>();
    api->setBaseUrl(QUrl(u"http://127.0.0.1:%1"_s.arg(m_world.server->port())));
    api->setSessionToken(QString::fromLatin1(user.token));
    useQuickRetries(api.get());
    return api;
}

qint64 TestCardTopUp::balance(const TestUser &user)
{
    return m_fixtures
        ->scalar(u"SELECT balance FROM wallets WHERE user_id = ?::uuid"_s,
                 {user.id.toString(QUuid::WithoutBraces)})
        .toLongLong();
}

void TestCardTopUp::cardChecks_data()
{
    QTest::addColumn<QString>("number");
    QTest::addColumn<QString>("expiry");
    QTest::addColumn<QString>("cvc");
    QTest::addColumn<QString>("problem"); // a fragment; empty: fine
    QTest::addRow("good") << u"4242 4242 4242 4242"_s << u"12/30"_s << u"123"_s << QString();
    QTest::addRow("amex, 4-digit CVC")
        << u"3782 822463 10005"_s << u"01/31"_s << u"1234"_s << QString();
    QTest::addRow("Luhn fails") << u"4242 4242 4242 4241"_s << u"12/30"_s << u"123"_s
                                << u"not valid"_s;
    QTest::addRow("too short") << u"4242"_s << u"12/30"_s << u"123"_s << u"card number"_s;
    QTest::addRow("letters") << u"4242 abcd"_s << u"12/30"_s << u"123"_s << u"card number"_s;
    QTest::addRow("expired") << u"4242424242424242"_s << u"01/20"_s << u"123"_s << u"expired"_s;
    QTest::addRow("month 13") << u"4242424242424242"_s << u"13/30"_s << u"123"_s << u"expired"_s;
    QTest::addRow("no expiry") << u"4242424242424242"_s << u"/"_s << u"123"_s << u"MM/YY"_s;
    QTest::addRow("short CVC") << u"4242424242424242"_s << u"12/30"_s << u"12"_s << u"3 or 4"_s;
}

void TestCardTopUp::cardChecks()
{
    QFETCH(QString, number);
    QFETCH(QString, expiry);
    QFETCH(QString, cvc);
    QFETCH(QString, problem);
    const QString result = CardDialog::cardProblem(number, expiry, cvc, QDate(2026, 11, 30));
    if (problem.isEmpty())
        QVERIFY2(result.isEmpty(), qPrintable(result));
    else
        QVERIFY2(result.contains(problem), qPrintable(result));
}

// A card that asks for a one-time code: the dialog asks, a wrong code is refused in words, the
// right one pays.
void TestCardTopUp::secondStepThroughTheDialog()
{
    const TestUser user = m_fixtures->createUsers(1, 0, u"otpgui"_s).first();
    const auto api = client(user);
    WalletDialog wallet(api.get());
    wallet.show();
    wallet.refresh();
    auto *amount = wallet.findChild<QLineEdit *>(u"amountEdit"_s);
    QTest::keyClicks(amount, u"70000"_s);
    QTRY_VERIFY_WITH_TIMEOUT(clickable(&wallet, u"topUpButton"_s), kGuiWaitMs);
    QVERIFY(clickNamed(&wallet, u"topUpButton"_s));
    QTRY_VERIFY_WITH_TIMEOUT(openDialog(u"cardDialog"_s), kGuiWaitMs);
    QDialog *card = openDialog(u"cardDialog"_s);
    QTest::keyClicks(card->findChild<QLineEdit *>(u"cardNumberEdit"_s), u"4000000000003220"_s);
    QTest::keyClicks(card->findChild<QLineEdit *>(u"cardExpiryEdit"_s), u"1230"_s);
    QTest::keyClicks(card->findChild<QLineEdit *>(u"cardCvcEdit"_s), u"123"_s);
    QVERIFY(clickNamed(card, u"cardPayButton"_s));
    auto *code = card->findChild<QLineEdit *>(u"cardCodeEdit"_s);
    QTRY_VERIFY_WITH_TIMEOUT(code->isVisible() && code->isEnabled(), kGuiWaitMs);
    QTest::keyClicks(code, u"000000"_s);
    QVERIFY(clickNamed(card, u"cardPayButton"_s));
    auto *status = card->findChild<QLabel *>(u"cardStatus"_s);
    QTRY_VERIFY2_WITH_TIMEOUT(status->text().contains(u"not correct"_s) && code->isEnabled(),
                              qPrintable(status->text()), kGuiWaitMs);
    code->clear();
    QTest::keyClicks(code, u"123456"_s);
    QVERIFY(clickNamed(card, u"cardPayButton"_s));
    QTRY_COMPARE_WITH_TIMEOUT(wallet.balance(), Money(70'000), kGuiWaitMs);
    QCOMPARE(balance(user), 70'000);
}

void TestCardTopUp::interruptedTopUpResumes_data()
{
    QTest::addColumn<bool>("serverHadCredited");
    // The app stopped after saving the top-up and before its confirmation reached the server;
    // or after the server credited it, before the app heard back.
    QTest::addRow("confirmation never sent") << false;
    QTest::addRow("credited, answer lost") << true;
}

void TestCardTopUp::interruptedTopUpResumes()
{
    QFETCH(bool, serverHadCredited);
    const TestUser user = m_fixtures->createUsers(1, 0, u"resume"_s).first();
    const HttpClient http = m_world.server->client();
    const CardTopUpSteps steps = prepareCardTopUp(http, *m_world.gateway, user, 80'000);
    QCOMPARE(steps.authorize.status, 200);
    const PendingTopUp pending {QUuid::fromString(steps.orderId), steps.paymentKey, 80'000,
                                ApiClient::newIdempotencyKey()};
    pending.save();
    if (serverHadCredited)
        QCOMPARE(
            http.send(confirmTopUpRequest(user, steps, 80'000, pending.idempotencyKey.toLatin1()))
                .status,
            201);

    // The app starts again and the wallet opens: the top-up is finished, once.
    const auto api = client(user);
    WalletDialog wallet(api.get());
    wallet.show();
    wallet.refresh();
    QTRY_COMPARE_WITH_TIMEOUT(wallet.balance(), Money(80'000), kGuiWaitMs);
    QVERIFY(!PendingTopUp::load());
    QCOMPARE(balance(user), 80'000);
    QCOMPARE(m_fixtures
                 ->scalar(u"SELECT count(*) FROM wallet_ledger WHERE top_up_order_id = ?::uuid"_s,
                          {steps.orderId})
                 .toInt(),
             1);
}

QTEST_MAIN(TestCardTopUp)
#include "tst_cardtopup.moc"
