#include "sandboxconfig.h"

#include <QCommandLineParser>

using namespace Qt::StringLiterals;

namespace encore::sandbox {

namespace {
ApiError invalid(const QString &message)
{
    return ApiError::withText(ErrorCode::ValidationFailed, message);
}

// The flag when given, else the environment variable (the way to keep a secret out of argv).
QByteArray secretOption(const QCommandLineParser &p, const QString &name, const char *env)
{
    return p.isSet(name) ? p.value(name).toUtf8() : qgetenv(env);
}
} // namespace

Result<SandboxConfig> SandboxConfig::parse(const QStringList &arguments)
{
    QCommandLineParser p;
    p.setApplicationDescription(
        u"encore-pay-sandbox: a STAND-IN card payment gateway for development and tests. "
        "It moves no money and must never receive a real card."_s);
    p.addHelpOption();
    p.addOptions({
        {u"listen"_s, u"Address and port (port 0 picks a free one)."_s, u"ADDR:PORT"_s,
         u"127.0.0.1:8090"_s},
        {u"port-file"_s, u"Write the bound port there once listening."_s, u"PATH"_s},
        {u"secret-key"_s, u"Merchant secret key (or ENCORE_PAY_SECRET_KEY)."_s, u"K"_s},
        {u"client-key"_s, u"Public client key for card entry (or ENCORE_PAY_CLIENT_KEY)."_s,
         u"K"_s},
        {u"webhook-url"_s, u"Where to POST signed payment events (or ENCORE_PAY_WEBHOOK_URL)."_s,
         u"URL"_s},
        {u"webhook-secret"_s, u"HMAC key of webhook signatures (or ENCORE_PAY_WEBHOOK_SECRET)."_s,
         u"S"_s},
        {u"tls-cert"_s, u"PEM certificate: serve HTTPS."_s, u"FILE"_s},
        {u"tls-key"_s, u"PEM private key for --tls-cert."_s, u"FILE"_s},
        {u"state-file"_s, u"Keep payments there across restarts (default: in memory)."_s,
         u"FILE"_s},
        {u"webhook-chaos"_s, u"Test mode: replayed, duplicated and reordered webhooks."_s},
        {u"confirm-delay-ms"_s, u"Delay of the first confirm of the time-out test card."_s, u"MS"_s,
         u"30000"_s},
    });
    if (!p.parse(arguments))
        return invalid(p.errorText());
    if (p.isSet(u"help"_s))
        p.showHelp(0);

    SandboxConfig c;
    const QString listen = p.value(u"listen"_s);
    const qsizetype colon = listen.lastIndexOf(u':');
    bool portOk = false;
    const uint port = colon > 0 ? listen.mid(colon + 1).toUInt(&portOk) : 0;
    const QString host = colon > 0 ? listen.left(colon) : QString();
    if (!portOk || port > 65535
        || !c.listenAddress.setAddress(host == u"localhost" ? u"127.0.0.1"_s : host))
        return invalid(u"--listen must be ADDR:PORT, got %1"_s.arg(listen));
    c.port = quint16(port);
    c.portFile = p.value(u"port-file"_s);
    c.secretKey = secretOption(p, u"secret-key"_s, "ENCORE_PAY_SECRET_KEY");
    c.clientKey = secretOption(p, u"client-key"_s, "ENCORE_PAY_CLIENT_KEY");
    c.webhookSecret = secretOption(p, u"webhook-secret"_s, "ENCORE_PAY_WEBHOOK_SECRET");
    const QString hook = p.isSet(u"webhook-url"_s) ? p.value(u"webhook-url"_s)
                                                   : qEnvironmentVariable("ENCORE_PAY_WEBHOOK_URL");
    if (c.secretKey.isEmpty() || c.clientKey.isEmpty())
        return invalid(u"a secret key and a client key are required (--secret-key/--client-key "
                       "or ENCORE_PAY_SECRET_KEY/ENCORE_PAY_CLIENT_KEY)"_s);
    if (!hook.isEmpty()) {
        c.webhookUrl = QUrl(hook, QUrl::StrictMode);
        if (!c.webhookUrl.isValid()
            || (c.webhookUrl.scheme() != u"http" && c.webhookUrl.scheme() != u"https"))
            return invalid(u"--webhook-url must be an http(s) URL"_s);
        if (c.webhookSecret.isEmpty())
            return invalid(u"--webhook-url needs a webhook secret"_s);
    }
    c.tlsCert = p.value(u"tls-cert"_s);
    c.tlsKey = p.value(u"tls-key"_s);
    if (c.tlsCert.isEmpty() != c.tlsKey.isEmpty())
        return invalid(u"--tls-cert and --tls-key go together"_s);
    if (!c.tlsEnabled() && !c.listenAddress.isLoopback())
        return invalid(u"plain HTTP is served on loopback only: give --tls-cert/--tls-key"_s);
    c.stateFile = p.value(u"state-file"_s);
    c.webhookChaos = p.isSet(u"webhook-chaos"_s);
    bool delayOk = false;
    c.confirmDelayMs = p.value(u"confirm-delay-ms"_s).toInt(&delayOk);
    if (!delayOk || c.confirmDelayMs < 0 || c.confirmDelayMs > 600'000)
        return invalid(u"--confirm-delay-ms must be 0..600000"_s);
    return c;
}

} // namespace encore::sandbox
