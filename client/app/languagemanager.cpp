#include "languagemanager.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>

using namespace Qt::StringLiterals;

namespace encore {

namespace {
constexpr auto kLanguageKey = "ui/language";
}

LanguageManager::LanguageManager(QObject *parent)
    : QObject(parent)
{
}

QStringList LanguageManager::available()
{
    return {u"en"_s, u"ko"_s};
}

QString LanguageManager::nativeName(const QString &code)
{
    return code == u"ko" ? u"한국어"_s : u"English"_s;
}

QString LanguageManager::preferred()
{
    const QString saved = QSettings().value(kLanguageKey).toString();
    if (available().contains(saved))
        return saved;
    return QLocale::system().language() == QLocale::Korean ? u"ko"_s : u"en"_s;
}

bool LanguageManager::setLanguage(const QString &code, bool save)
{
    if (!available().contains(code))
        return false;
    QCoreApplication::removeTranslator(&m_app);
    QCoreApplication::removeTranslator(&m_qt);
    const QLocale locale(code == u"ko" ? QLocale::Korean : QLocale::English,
                         code == u"ko" ? QLocale::SouthKorea : QLocale::UnitedStates);
    QLocale::setDefault(locale);
    const bool loaded = m_app.load(u":/i18n/encore_%1.qm"_s.arg(code));
    if (loaded)
        QCoreApplication::installTranslator(&m_app);
    // Qt's own strings (standard buttons, context menus).
    if (m_qt.load(locale, u"qtbase"_s, u"_"_s, QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(&m_qt);
    m_language = code;
    if (save)
        QSettings().setValue(kLanguageKey, code);
    Q_EMIT languageChanged(code);
    return loaded;
}

} // namespace encore
