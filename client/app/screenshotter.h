#pragma once
// Screenshotter: renders every main window page and dialog with sample data (no server) into
// PNG files, in English and Korean, so people can see what customers see. GUI thread.

#include <QString>
#include <QStringList>

class QWidget;

namespace encore {

class LanguageManager;

class Screenshotter {
public:
    Screenshotter(QString directory, LanguageManager *languages);

    // Writes the files; returns the names written (empty on failure, with error()).
    QStringList run();
    QString error() const { return m_error; }

private:
    void shootAll(const QString &suffix, bool everything);
    // The staff console's tabs (admin-*.png); defined in admin/adminscreenshots.cpp.
    void shootAdmin(const QString &suffix, bool everything);
    bool save(QWidget *widget, const QString &name);

    QString m_directory;
    LanguageManager *m_languages;
    QStringList m_written;
    QString m_error;
};

} // namespace encore
