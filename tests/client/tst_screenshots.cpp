// Every window and dialog renders with sample data (English and Korean) into PNG files; set
// ENCORE_SCREENSHOT_DIR to keep them (docs/screenshots), else they go to a temporary directory.
#include "app/languagemanager.h"
#include "app/screenshotter.h"
#include "app/style.h"

#include <QApplication>
#include <QImage>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace encore;

class TestScreenshots final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void rendersEveryScreen();
};

void TestScreenshots::rendersEveryScreen()
{
    QStandardPaths::setTestModeEnabled(true);
    applyStyle(*qApp);
    QTemporaryDir temp;
    const QString dir = qEnvironmentVariableIsSet("ENCORE_SCREENSHOT_DIR")
        ? qEnvironmentVariable("ENCORE_SCREENSHOT_DIR")
        : temp.path();
    LanguageManager languages;
    Screenshotter shooter(dir, &languages);
    const QStringList files = shooter.run();
    QVERIFY2(!files.isEmpty(), qPrintable(shooter.error()));
    const QStringList expected {
        u"login"_s, u"register"_s, u"concerts"_s, u"queue"_s, u"seats"_s, u"seats-held"_s,
        u"tickets"_s, u"offline"_s, u"wallet"_s, u"payment-confirm"_s, u"receipt"_s, u"seats-ko"_s,
        // the staff console
        u"admin-concerts"_s, u"admin-seats"_s, u"admin-queue"_s, u"admin-sales"_s,
        u"admin-sales-problems"_s, u"admin-audit"_s, u"admin-seats-ko"_s};
    for (const QString &name : expected) {
        const QImage image(dir + u'/' + name + u".png"_s);
        QVERIFY2(!image.isNull(), qPrintable(name));
        QVERIFY2(image.width() >= 300 && image.height() >= 200, qPrintable(name));
    }
}

QTEST_MAIN(TestScreenshots)
#include "tst_screenshots.moc"
