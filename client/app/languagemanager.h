#pragma once
// LanguageManager: which language the UI speaks (English or Korean), from the saved choice or
// the system locale; installs the compiled translations and switches them at run time.
// GUI thread.

#include <QObject>
#include <QTranslator>

namespace encore {

class LanguageManager : public QObject {
    Q_OBJECT

public:
    explicit LanguageManager(QObject *parent = nullptr);

    static QStringList available(); // {"en", "ko"}
    static QString nativeName(const QString &code);
    // The saved choice, else the system's language when available, else English.
    static QString preferred();

    // Installs the language (widgets get a LanguageChange event); remembers it when `save`.
    bool setLanguage(const QString &code, bool save = true);
    QString language() const { return m_language; }

Q_SIGNALS:
    void languageChanged(const QString &code);

private:
    QTranslator m_app;
    QTranslator m_qt;
    QString m_language;
};

} // namespace encore
