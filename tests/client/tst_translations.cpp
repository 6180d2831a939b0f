// Both languages are compiled in: Korean translates every string, English plurals read right,
// switching language retranslates live widgets, and every word the server can send has words on
// screen in both languages.
#include "admin/salestab.h"
#include "app/languagemanager.h"
#include "models/displaytext.h"
#include "net/errortext.h"
#include "widgets/questionbox.h"
#include "widgets/seatlegend.h"
#include "widgets/seatmapwidget.h"

#include <QDirIterator>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QStandardPaths>
#include <QTest>
#include <QXmlStreamReader>

using namespace Qt::StringLiterals;
using namespace encore;

class TestTranslations final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void bothLanguagesAreEmbedded();
    void koreanTranslatesEveryString();
    void switchingRetranslatesWidgets();
    void englishPluralsReadRight();
    void qtOwnButtonsSpeakKorean();
    void everyServerWordHasWordsInBothLanguages_data();
    void everyServerWordHasWordsInBothLanguages();
};

void TestTranslations::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(u"EncoreTest"_s);
}

void TestTranslations::bothLanguagesAreEmbedded()
{
    for (const QString &code : LanguageManager::available())
        QVERIFY2(QFile::exists(u":/i18n/encore_%1.qm"_s.arg(code)), qPrintable(code));
}

void TestTranslations::koreanTranslatesEveryString()
{
    // The .ts is the source of truth for translators: no message may be left unfinished.
    QFile ts(QStringLiteral(ENCORE_TRANSLATIONS_DIR "/encore_ko.ts"));
    QVERIFY(ts.open(QIODevice::ReadOnly));
    QXmlStreamReader xml(&ts);
    int messages = 0;
    QStringList unfinished;
    QString source;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        if (xml.name() == u"source")
            source = xml.readElementText();
        if (xml.name() == u"translation") {
            ++messages;
            if (xml.attributes().value(u"type"_s) == u"unfinished")
                unfinished.append(source);
        }
    }
    QVERIFY(messages > 100);
    QVERIFY2(unfinished.isEmpty(), qPrintable(unfinished.join(u" | "_s)));
}

void TestTranslations::switchingRetranslatesWidgets()
{
    LanguageManager languages;
    QVERIFY(languages.setLanguage(u"ko"_s, false));
    QCOMPARE(DisplayText::seatStatus(SeatStatus::Available), u"예매 가능"_s);
    SeatMapWidget map;
    QCOMPARE(map.findChild<QLabel *>(u"stage"_s)->text(), u"무대"_s);
    QVERIFY(languages.setLanguage(u"en"_s, false));
    // Qt posts LanguageChange to windows: it arrives with the event loop.
    QTRY_COMPARE(map.findChild<QLabel *>(u"stage"_s)->text(), u"STAGE"_s);
    QCOMPARE(DisplayText::seatStatus(SeatStatus::Available), u"available"_s);
}

// Qt's standard buttons (the question boxes' Cancel) come from qtbase_ko.qm, which
// qt6-translations-l10n installs: without it a Korean question ends in an English "Cancel".
void TestTranslations::qtOwnButtonsSpeakKorean()
{
    LanguageManager languages;
    QVERIFY(languages.setLanguage(u"ko"_s, false));
    QMessageBox *box = questionBox(nullptr, u"t"_s, u"q"_s);
    const QPushButton *cancel = box->addButton(QMessageBox::Cancel);
    const QString text = cancel->text();
    delete box;
    QVERIFY(languages.setLanguage(u"en"_s, false));
    QCOMPARE(text, u"취소"_s);
}

void TestTranslations::englishPluralsReadRight()
{
    LanguageManager languages;
    QVERIFY(languages.setLanguage(u"en"_s, false));
    QCOMPARE(DisplayText::duration(60), u"about 1 min"_s);
    SeatMapWidget map;
    map.setMaxSelection(1);
    QVERIFY(!map.setSeatSelected(1, true)); // no model: nothing to select
    QCOMPARE(QCoreApplication::translate("encore::SeatPage", "Hold %n seat(s)", nullptr, 1),
             u"Hold 1 seat"_s);
    QCOMPARE(QCoreApplication::translate("encore::SeatPage", "Hold %n seat(s)", nullptr, 3),
             u"Hold 3 seats"_s);
    // A list of seat numbers reads in the right number too ("seat 11" / "seats 7, 8").
    const char *kept = "You still hold seats %1 for %2 until %3. Pay for them in My tickets.";
    QCOMPARE(QCoreApplication::translate("encore::CustomerWindow", kept, nullptr, 1)
                 .arg(u"11"_s, u"Kept"_s, u"20:00 KST"_s),
             u"You still hold seat 11 for Kept until 20:00 KST. Pay for it in My tickets."_s);
    QCOMPARE(QCoreApplication::translate("encore::CustomerWindow", kept, nullptr, 2)
                 .arg(u"7, 8"_s, u"Kept"_s, u"20:00 KST"_s),
             u"You still hold seats 7, 8 for Kept until 20:00 KST. Pay for them in My tickets."_s);
}

void TestTranslations::everyServerWordHasWordsInBothLanguages_data()
{
    QTest::addColumn<QString>("language");
    QTest::addRow("en") << u"en"_s;
    QTest::addRow("ko") << u"ko"_s;
}

// For every value of every closed set of words the server sends and the app shows (walked from
// the shared EnumWords tables, so a new value fails here until it has words), the display text
// in this language: present, not the raw word, and Korean when the app runs in Korean.
void TestTranslations::everyServerWordHasWordsInBothLanguages()
{
    QFETCH(QString, language);
    LanguageManager languages;
    QVERIFY(languages.setLanguage(language, false));
    static const QRegularExpression kHangul(u"[\\x{AC00}-\\x{D7A3}]"_s);
    const bool korean = language == u"ko";
    QStringList missing;
    int checked = 0;
    const auto check = [&](const QString &word, const QString &shown) {
        ++checked;
        if (shown.isEmpty() || shown == word || shown.contains(kHangul) != korean)
            missing.append(word + u" → \""_s + shown + u'"');
    };
    for (const SeatStatus v : allValues<SeatStatus>())
        check(wordOf(v), DisplayText::seatStatus(v));
    for (const ReservationStatus v : allValues<ReservationStatus>())
        check(wordOf(v), DisplayText::reservationStatus(v));
    for (const LedgerKind v : allValues<LedgerKind>())
        check(wordOf(v), DisplayText::ledgerKind(v));
    for (const EtaReason v : allValues<EtaReason>())
        check(wordOf(v), DisplayText::etaReason(v));
    for (const EtaChange v : allValues<EtaChange>()) {
        if (v != EtaChange::None) // never sent: the field is absent instead
            check(wordOf(v), DisplayText::etaChange(v));
    }
    for (const ErrorCode v : allValues<ErrorCode>())
        check(wordOf(v), ErrorText::describe(ApiError(v)).text);
    for (const FindingKind v : allValues<FindingKind>())
        check(wordOf(v), SalesTab::findingTitle(v));
    for (const SeatWaitStatus v : allValues<SeatWaitStatus>())
        check(wordOf(v), DisplayText::seatWaitStatus(v));
    QVERIFY(checked >= 40);
    QVERIFY2(missing.isEmpty(), qPrintable(missing.join(u" | "_s)));
    languages.setLanguage(u"en"_s, false);
}

QTEST_MAIN(TestTranslations)
#include "tst_translations.moc"
