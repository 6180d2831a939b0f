#pragma once
// SandboxConfig: what encore-pay-sandbox is told on its command line and environment (DESIGN.md
// §8: --listen, --port-file, --secret-key, --client-key, --webhook-url, --webhook-secret,
// --tls-cert/--tls-key; --state-file keeps its records across restarts). Keys may come from
// ENCORE_PAY_* variables so they never sit in argv.

#include "result.h"

#include <QHostAddress>
#include <QString>
#include <QUrl>

namespace encore::sandbox {

struct SandboxConfig {
    QHostAddress listenAddress = QHostAddress::LocalHost;
    quint16 port = 8090;
    QString portFile;
    QByteArray secretKey; // the merchant's server key (HTTP Basic user)
    QByteArray clientKey; // the desktop app's public key, for card entry only
    QUrl webhookUrl; // empty: no webhooks
    QByteArray webhookSecret;
    QString tlsCert;
    QString tlsKey;
    // Where payments and idempotent answers are kept across restarts, as a real gateway keeps
    // them (empty: in memory only, forgotten at exit — the tests' default).
    QString stateFile;
    // Test mode: every webhook is delivered twice with the same signature (a replay), once more
    // re-signed (a duplicate), and events close together are delivered newest first.
    bool webhookChaos = false;
    // How long the first confirmation of the "times out" test card waits before it answers.
    int confirmDelayMs = 30'000;

    bool tlsEnabled() const { return !tlsCert.isEmpty(); }
    static Result<SandboxConfig> parse(const QStringList &arguments);
};

} // namespace encore::sandbox
