// encore: the customer desktop app. `encore [--server URL] [--ca-file FILE] [--language en|ko]`;
// `encore --screenshots DIR` renders every window and dialog with sample data and exits.
#include "app/appcontroller.h"
#include "app/languagemanager.h"
#include "app/screenshotter.h"
#include "app/style.h"

#include <QApplication>
#include <QCommandLineParser>

#include <cstdio>

using namespace Qt::StringLiterals;

int main(int argc, char *argv[])
{
    bool headlessOk = false;
    for (int i = 1; i < argc; ++i) {
        for (const char *option : {"--screenshots", "--help", "-h", "--version", "-v"})
            headlessOk = headlessOk || qstrcmp(argv[i], option) == 0;
    }
    const bool noDisplay = qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")
        && qEnvironmentVariableIsEmpty("DISPLAY") && qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY");
    if (noDisplay && !headlessOk) {
        std::fprintf(stderr,
                     "encore: no display found, so the window cannot open here.\n"
                     "  Run it in a desktop session, over `ssh -X`, or with a virtual display:\n"
                     "    xvfb-run -a encore --server http://HOST:PORT\n"
                     "  `encore --screenshots DIR` renders every screen without a display.\n");
        return 3;
    }
    // Screenshots and --help need no display at all (and screenshots never flash windows).
    bool shootOnly = false;
    for (int i = 1; i < argc; ++i)
        shootOnly = shootOnly || qstrcmp(argv[i], "--screenshots") == 0;
    if (noDisplay || shootOnly)
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QApplication::setOrganizationName(u"Encore"_s);
    QApplication::setApplicationName(u"Encore"_s);
    QApplication::setApplicationVersion(QStringLiteral(ENCORE_CLIENT_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(u"Encore — concert tickets"_s);
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption server(u"server"_s, u"Server address, e.g. http://127.0.0.1:8080"_s,
                                    u"URL"_s);
    const QCommandLineOption caFile(
        u"ca-file"_s, u"PEM file with the CA certificate(s) to trust for HTTPS"_s, u"FILE"_s);
    const QCommandLineOption language(u"language"_s, u"User interface language: en or ko"_s,
                                      u"CODE"_s);
    const QCommandLineOption screenshots(
        u"screenshots"_s, u"Render every window with sample data into DIR and exit"_s, u"DIR"_s);
    parser.addOptions({server, caFile, language, screenshots});
    parser.process(app);
    encore::applyStyle(app);

    if (parser.isSet(screenshots)) {
        encore::LanguageManager languages;
        encore::Screenshotter shooter(parser.value(screenshots), &languages);
        const QStringList files = shooter.run();
        if (files.isEmpty()) {
            std::fprintf(stderr, "encore: %s\n", qPrintable(shooter.error()));
            return 1;
        }
        for (const QString &f : files)
            std::printf("%s\n", qPrintable(f));
        return 0;
    }

    encore::AppController controller(
        {parser.value(server), parser.value(caFile), parser.value(language)});
    QString error;
    if (!controller.start(&error)) {
        std::fprintf(stderr, "encore: %s\n", qPrintable(error));
        return 2;
    }
    return app.exec();
}
