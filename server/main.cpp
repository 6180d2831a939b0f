// encore-server: parses the command line and hands over to ServerApp.
#include "app/serverapp.h"

#include <QCoreApplication>
#include <QLoggingCategory>

#include <cstdio>

int main(int argc, char *argv[])
{
    // Every time we handle is UTC; without TZ, glibc re-reads /etc/localtime on each conversion
    // (measured: a quarter of the CPU of a seat-map read).
    qputenv("TZ", "UTC");
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("encore-server"));
    QCoreApplication::setApplicationVersion(QStringLiteral(ENCORE_VERSION));
    qSetMessagePattern(QStringLiteral("%{time yyyy-MM-ddThh:mm:ss.zzz} %{if-warning}W "
                                      "%{endif}%{if-critical}E %{endif}%{category}: %{message}"));

    auto config = encore::server::ServerConfig::parse(QCoreApplication::arguments());
    if (!config) {
        std::fprintf(stderr, "encore-server: %s\n", qPrintable(config.error().message));
        return 2;
    }
    encore::server::ServerApp server(config.value());
    return config->createStaff.isEmpty() ? server.run() : server.createStaff();
}
