// WalletDialog: amounts are checked against the limits (per top-up and balance cap) before any
// call; the Top up button follows the validation.
#include "dialogs/walletdialog.h"
#include "net/apiclient.h"

#include <QLineEdit>
#include <QPushButton>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace encore;

class TestWalletDialog final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void parsesAmounts_data();
    void parsesAmounts();
    void validatesAmounts_data();
    void validatesAmounts();
    void buttonFollowsValidation();
    void quickAmountsFillTheField();
};

void TestWalletDialog::parsesAmounts_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("amount");
    QTest::addRow("plain") << u"50000"_s << qint64(50'000);
    QTest::addRow("commas") << u"1,000,000"_s << qint64(1'000'000);
    QTest::addRow("with currency") << u"12,000 KRW"_s << qint64(12'000);
    QTest::addRow("won sign") << u"₩5000"_s << qint64(5'000);
    QTest::addRow("negative") << u"-5"_s << qint64(-1);
    QTest::addRow("decimal") << u"10.5"_s << qint64(-1);
    QTest::addRow("letters") << u"ten"_s << qint64(-1);
    QTest::addRow("empty") << QString() << qint64(-1);
    QTest::addRow("huge") << u"99999999999999999999"_s << qint64(-1);
    QTest::addRow("arabic-indic digits") << u"٥٠٠٠"_s << qint64(-1);
}

void TestWalletDialog::parsesAmounts()
{
    QFETCH(QString, text);
    QFETCH(qint64, amount);
    QCOMPARE(WalletDialog::parseAmount(text), amount);
}

void TestWalletDialog::validatesAmounts_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("balance");
    QTest::addColumn<QString>("problem"); // a fragment of the message; empty: fine
    QTest::addRow("smallest") << u"1"_s << qint64(0) << QString();
    QTest::addRow("largest") << u"1000000"_s << qint64(0) << QString();
    QTest::addRow("zero") << u"0"_s << qint64(0) << u"smallest"_s;
    QTest::addRow("over the per top-up limit") << u"1000001"_s << qint64(0) << u"at most"_s;
    QTest::addRow("reaches the cap exactly") << u"1000000"_s << qint64(9'000'000) << QString();
    QTest::addRow("over the balance cap") << u"1000000"_s << qint64(9'500'000) << u"500,000 KRW"_s;
    QTest::addRow("not a number") << u"abc"_s << qint64(0) << u"whole number"_s;
    QTest::addRow("empty") << u" "_s << qint64(0) << u"Enter an amount"_s;
}

void TestWalletDialog::validatesAmounts()
{
    QFETCH(QString, text);
    QFETCH(qint64, balance);
    QFETCH(QString, problem);
    const QString result = WalletDialog::amountProblem(text, balance, WalletLimits());
    if (problem.isEmpty())
        QVERIFY2(result.isEmpty(), qPrintable(result));
    else
        QVERIFY2(result.contains(problem), qPrintable(result));
}

void TestWalletDialog::buttonFollowsValidation()
{
    ApiClient api;
    WalletDialog dialog(&api);
    WalletInfo info;
    info.wallet.balance = 9'990'000;
    dialog.setWallet(info);
    auto *amount = dialog.findChild<QLineEdit *>(u"amountEdit"_s);
    auto *topUp = dialog.findChild<QPushButton *>(u"topUpButton"_s);
    QVERIFY(amount && topUp);
    QVERIFY(!topUp->isEnabled());
    amount->setText(u"10000"_s);
    QVERIFY(topUp->isEnabled());
    amount->setText(u"10001"_s);
    QVERIFY(!topUp->isEnabled());
    // Limits come from the server when it sends them.
    info.limits.maxBalance = 20'000'000;
    dialog.setWallet(info);
    QVERIFY(topUp->isEnabled());
}

// "+ 50,000" adds to the amount typed, as its label says; on an empty field it fills it in.
void TestWalletDialog::quickAmountsFillTheField()
{
    ApiClient api;
    WalletDialog dialog(&api);
    auto *edit = dialog.findChild<QLineEdit *>(u"amountEdit"_s);
    for (Money amount : WalletDialog::kQuickAmounts) {
        auto *quick = dialog.findChild<QPushButton *>(u"quickAmount%1"_s.arg(amount));
        QVERIFY(quick);
        QVERIFY(quick->text().contains(money::format(amount)));
        edit->clear();
        quick->click();
        QCOMPARE(edit->text(), QString::number(amount));
    }
    edit->setText(u"12,000"_s);
    dialog.findChild<QPushButton *>(u"quickAmount50000"_s)->click();
    dialog.findChild<QPushButton *>(u"quickAmount10000"_s)->click();
    QCOMPARE(edit->text(), u"72000"_s);
}

QTEST_MAIN(TestWalletDialog)
#include "tst_walletdialog.moc"
