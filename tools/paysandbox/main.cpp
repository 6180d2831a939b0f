// encore-pay-sandbox: a stand-in card gateway for development and tests (README: "sandbox").
#include "paysandbox.h"

#include <QCoreApplication>
#include <QSaveFile>

#include <csignal>
#include <cstdio>

int main(int argc, char *argv[])
{
    qputenv("TZ", "UTC");
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("encore-pay-sandbox"));
    qSetMessagePattern(QStringLiteral("%{time yyyy-MM-ddThh:mm:ss.zzz} %{category}: %{message}"));
    auto config = encore::sandbox::SandboxConfig::parse(QCoreApplication::arguments());
    if (!config) {
        std::fprintf(stderr, "encore-pay-sandbox: %s\n", qPrintable(config.error().message));
        return 2;
    }
    // SIGTERM/SIGINT end the process at once: the state file is already written after every
    // change (atomically), so there is nothing left to save.
    std::signal(SIGTERM, [](int) { std::_Exit(0); });
    std::signal(SIGINT, [](int) { std::_Exit(0); });
    encore::sandbox::PaySandbox sandbox(config.value());
    if (!sandbox.restore())
        return 1;
    const quint16 port = sandbox.listen();
    if (port == 0)
        return 1;
    if (!config->portFile.isEmpty()) {
        QSaveFile f(config->portFile);
        if (f.open(QIODevice::WriteOnly)) {
            f.write(QByteArray::number(port) + '\n');
            f.commit();
        }
    }
    std::fprintf(stderr, "encore-pay-sandbox: a SANDBOX gateway (no real money) on %s://%s:%u\n",
                 config->tlsEnabled() ? "https" : "http",
                 qPrintable(config->listenAddress.toString()), unsigned(port));
    return QCoreApplication::exec();
}
