#include "serverconfig.h"

#include "storage/connectionparams.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFile>
#include <QStandardPaths>
#include <QThread>
#include <QUrl>

#include <sys/resource.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace encore::server {

namespace {

ApiError invalid(const QString &message)
{
    return ApiError::withText(ErrorCode::ValidationFailed, message);
}

std::optional<int> intOption(const QCommandLineParser &p, const QString &name, int min, int max)
{
    bool ok = false;
    const int v = p.value(name).toInt(&ok);
    if (!ok || v < min || v > max)
        return std::nullopt;
    return v;
}

// "ADDR:PORT" ("[v6]:PORT", "localhost:PORT"); false when it is not that.
bool parseHostPort(const QString &text, QHostAddress *address, quint16 *port)
{
    const qsizetype colon = text.lastIndexOf(u':');
    bool portOk = false;
    const uint p = colon > 0 ? text.mid(colon + 1).toUInt(&portOk) : 0;
    QString host = colon > 0 ? text.left(colon) : QString();
    if (host.startsWith(u'[') && host.endsWith(u']'))
        host = host.mid(1, host.size() - 2);
    if (!portOk || p > 65535 || !address->setAddress(host == u"localhost" ? u"127.0.0.1"_s : host))
        return false;
    *port = quint16(p);
    return true;
}

QString defaultDataDir()
{
    // As root the embedded cluster runs as `postgres`, which cannot enter /root.
    if (::geteuid() == 0)
        return u"/var/lib/encore"_s;
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) + u"/encore"_s;
}

bool validAddressList(const QString &text)
{
    const QStringList items = text.split(u',');
    for (const QString &item : items) {
        const qsizetype colon = item.lastIndexOf(u':');
        bool ok = false;
        const uint port = colon > 0 ? item.mid(colon + 1).toUInt(&ok) : 0;
        if (!ok || port == 0 || port > 65535)
            return false;
    }
    return !items.isEmpty();
}

// A secret from the environment variable `env`, else from the file option `name` (which only
// its owner may read: a secret never goes on a command line, where `ps` shows it).
Result<QByteArray> secret(const QCommandLineParser &p, const QString &name, const char *env)
{
    if (qEnvironmentVariableIsSet(env))
        return qgetenv(env);
    if (!p.isSet(name))
        return QByteArray();
    QFile f(p.value(name));
    if (!f.open(QIODevice::ReadOnly))
        return invalid(u"--%1: cannot read %2"_s.arg(name, f.fileName()));
    if (f.permissions() & (QFile::ReadGroup | QFile::ReadOther))
        return invalid(u"--%1: %2 is readable by others (chmod 600 it)"_s.arg(name, f.fileName()));
    return f.readAll().trimmed();
}

} // namespace

int ServerConfig::effectiveWorkers() const
{
    // Workers answer from memory or with short reads; what waits for a commit (holds, payments,
    // queue joins) runs on the decision threads. More workers than cores only shared the cores
    // worse: 2 per core served more than 4 or 8 per core in every scenario (docs/PERFORMANCE.md).
    return workers > 0 ? workers : 2 * std::max(1, QThread::idealThreadCount());
}

int ServerConfig::effectiveDecisionThreads() const
{
    // Each waits for its commit's WAL flush holding its own connection; the more commits in
    // flight, the more one flush covers (docs/PERFORMANCE.md "Workers and group commit").
    return decisionThreads > 0 ? decisionThreads : 16 * std::max(1, QThread::idealThreadCount());
}

int ServerConfig::effectiveMaxConnections() const
{
    if (maxConnections > 0)
        return maxConnections;
    // Leave room for the database connections, files and the budget's overflow slots, so a
    // full server still has descriptors to accept (and refuse) with.
    rlimit limit {};
    const qint64 descriptors
        = ::getrlimit(RLIMIT_NOFILE, &limit) == 0 ? qint64(limit.rlim_cur) : 1024;
    return int(std::clamp<qint64>((descriptors - 512) * 15 / 16, 64, 100'000));
}

Result<ServerConfig> ServerConfig::parse(const QStringList &arguments)
{
    QCommandLineParser p;
    p.setApplicationDescription(u"Encore ticketing server"_s);
    p.addHelpOption();
    p.addVersionOption();
    p.addOptions({
        {u"listen"_s, u"Address and port to listen on (port 0 picks a free one)."_s, u"ADDR:PORT"_s,
         u"127.0.0.1:8080"_s},
        {u"port-file"_s, u"Write the bound port there once listening."_s, u"PATH"_s},
        {u"workers"_s, u"Worker threads (default 2 x cores)."_s, u"N"_s, u"0"_s},
        {u"decision-threads"_s,
         u"Threads (each with a database connection) for holds, payments and queue joins "
         "(default 16 x cores)."_s,
         u"N"_s, u"0"_s},
        {u"database"_s,
         u"postgresql://user:pass@host:port/db (default: libpq env, else embedded)."_s, u"URL"_s},
        {u"data-dir"_s, u"Where the embedded cluster and other state live."_s, u"DIR"_s},
        {u"demo-data"_s, u"Load demo concerts when the database has none."_s},
        {u"hold-seconds"_s, u"Seat hold time."_s, u"N"_s, u"300"_s},
        {u"seat-offer-seconds"_s,
         u"How long a returned seat is held for the first person on its waiting list."_s, u"N"_s,
         u"120"_s},
        {u"queue-max-active"_s, u"Default active users per concert."_s, u"N"_s, u"200"_s},
        {u"queue-admit-per-minute"_s, u"Default admission rate per concert."_s, u"N"_s, u"600"_s},
        {u"queue-active-ttl"_s, u"Seconds an admitted token stays valid."_s, u"N"_s, u"600"_s},
        {u"tls-cert"_s, u"PEM certificate: serve HTTPS/WSS."_s, u"FILE"_s},
        {u"tls-key"_s, u"PEM private key for --tls-cert."_s, u"FILE"_s},
        {u"insecure-http"_s, u"Allow plain HTTP on a non-loopback address."_s},
        {u"redis"_s, u"redis://host:port — Redis-backed queue and cache."_s, u"URL"_s},
        {u"redis-sentinel"_s,
         u"Find the Redis primary through these sentinels (instead of --redis)."_s,
         u"HOST:PORT,..."_s},
        {u"redis-master-name"_s, u"The primary's name the sentinels monitor."_s, u"NAME"_s,
         u"encore"_s},
        {u"redis-password-file"_s,
         u"Redis password in a file only this user can read (or ENCORE_REDIS_PASSWORD)."_s,
         u"FILE"_s},
        {u"create-staff"_s,
         u"Create a staff account (password from ENCORE_STAFF_PASSWORD or stdin) and exit."_s,
         u"NAME"_s},
        {u"auth-attempts-per-minute"_s, u"Login/register attempts per address and minute."_s,
         u"N"_s, u"20"_s},
        {u"login-failures-per-address"_s,
         u"Failed logins for one username from one address (15 min) before it is refused."_s,
         u"N"_s, u"5"_s},
        {u"login-backoff-after"_s,
         u"Failed logins for one username (15 min, any address) before addresses that failed "
         "for it back off."_s,
         u"N"_s, u"10"_s},
        {u"login-backoff-max"_s, u"Longest back-off between such attempts, in seconds."_s, u"S"_s,
         u"60"_s},
        {u"refund-cutoff-hours"_s, u"Refunds are allowed until this long before the show."_s,
         u"N"_s, u"24"_s},
        {u"no-access-log"_s, u"Do not print one line per request."_s},
        {u"max-header-bytes"_s, u"Largest request line + headers; more is refused with 431."_s,
         u"N"_s, u"16384"_s},
        {u"max-header-lines"_s, u"Most header lines in a request; more is refused with 431."_s,
         u"N"_s, u"100"_s},
        {u"request-timeout"_s,
         u"Seconds a client has to send one request (TLS handshake, headers, body)."_s, u"S"_s,
         u"20"_s},
        {u"idle-timeout"_s, u"Seconds an idle keep-alive connection is kept."_s, u"S"_s, u"60"_s},
        {u"max-connections"_s,
         u"Open connections at most (default: from the descriptor limit); beyond it only health "
         "checks are answered."_s,
         u"N"_s, u"0"_s},
        {u"max-connections-per-address"_s,
         u"Open connections per client address (trusted proxies exempt)."_s, u"N"_s, u"128"_s},
        {u"metrics-listen"_s,
         u"Serve GET /metrics without a session on this separate address (keep it private); "
         "on the API address /metrics needs a staff session."_s,
         u"ADDR:PORT"_s},
        {u"trusted-proxy"_s,
         u"A load balancer whose X-Real-IP/X-Forwarded-For is believed (repeatable)."_s, u"ADDR"_s},
        {u"payment-gateway"_s, u"Base URL of the card payment gateway."_s, u"URL"_s,
         u"http://127.0.0.1:8090"_s},
        {u"payment-secret-key"_s, u"Gateway secret key (prefer ENCORE_PAYMENT_SECRET_KEY)."_s,
         u"K"_s},
        {u"payment-client-key"_s,
         u"Gateway client key for card entry (or ENCORE_PAYMENT_CLIENT_KEY)."_s, u"K"_s},
        {u"payment-webhook-secret"_s,
         u"Gateway webhook signing secret (prefer ENCORE_PAYMENT_WEBHOOK_SECRET)."_s, u"S"_s},
        {u"payment-ca-file"_s, u"PEM CA certificates to trust for the gateway."_s, u"FILE"_s},
        {u"payment-timeout-ms"_s, u"Timeout of one gateway call."_s, u"MS"_s, u"10000"_s},
        // Fair-queue abuse limits (0 turns one off; docs/SECURITY.md).
        {u"limit-queue-joins"_s, u"Queue joins per account per minute."_s, u"N"_s, u"10"_s},
        {u"limit-queue-joins-per-address"_s, u"Queue joins per client address per minute."_s,
         u"N"_s, u"60"_s},
        {u"limit-queue-polls"_s, u"Queue status polls per account per minute."_s, u"N"_s, u"150"_s},
        {u"limit-queue-polls-per-address"_s, u"Queue status polls per client address per minute."_s,
         u"N"_s, u"3000"_s},
        {u"limit-poll-pace"_s, u"Percent of pollAfterMs a ticket must wait before polling again."_s,
         u"PERCENT"_s, u"80"_s},
        {u"limit-holds"_s, u"Hold attempts per account per minute."_s, u"N"_s, u"30"_s},
        {u"limit-accounts-per-address"_s,
         u"Live accounts from one client address in one concert's queue (staff may override "
         "per concert)."_s,
         u"N"_s, u"8"_s},
        {u"limit-seat-waits"_s, u"Waiting-list joins per account per minute."_s, u"N"_s, u"10"_s},
        {u"limit-seat-waits-per-address"_s, u"Waiting-list joins per client address per minute."_s,
         u"N"_s, u"60"_s},
    });
    if (!p.parse(arguments))
        return invalid(p.errorText());
    if (p.isSet(u"help"_s))
        p.showHelp(0);
    if (p.isSet(u"version"_s))
        p.showVersion();
    if (!p.positionalArguments().isEmpty())
        return invalid(u"Unexpected argument: %1"_s.arg(p.positionalArguments().first()));

    ServerConfig c;
    const QString listen = p.value(u"listen"_s);
    if (!parseHostPort(listen, &c.listenAddress, &c.port))
        return invalid(u"--listen must be ADDR:PORT, got %1"_s.arg(listen));
    if (p.isSet(u"metrics-listen"_s)) {
        quint16 metricsPort = 0;
        if (!parseHostPort(p.value(u"metrics-listen"_s), &c.metricsAddress, &metricsPort))
            return invalid(u"--metrics-listen must be ADDR:PORT"_s);
        c.metricsPort = metricsPort;
    }
    c.portFile = p.value(u"port-file"_s);

    struct IntOpt {
        const char16_t *name;
        int *target;
        int min;
        int max;
    };
    const IntOpt ints[] = {
        {u"workers", &c.workers, 0, 256},
        {u"decision-threads", &c.decisionThreads, 0, 1024},
        {u"hold-seconds", &c.holdSeconds, 1, 86400},
        {u"queue-max-active", &c.queue.maxActive, 1, 1'000'000},
        {u"queue-admit-per-minute", &c.queue.admitPerMinute, 1, 1'000'000},
        {u"queue-active-ttl", &c.queue.activeTtlSeconds, 10, 86400},
        {u"auth-attempts-per-minute", &c.authAttemptsPerMinute, 1, 1'000'000},
        {u"login-failures-per-address", &c.loginFailuresPerAddress, 1, 1'000'000},
        {u"login-backoff-after", &c.loginBackoffAfter, 1, 1'000'000},
        {u"login-backoff-max", &c.loginBackoffMaxSeconds, 1, 86400},
        {u"refund-cutoff-hours", &c.refundCutoffHours, 0, 24 * 365},
        {u"max-header-bytes", &c.maxHeaderBytes, 1024, 1 << 20},
        {u"max-header-lines", &c.maxHeaderLines, 8, 10'000},
        {u"request-timeout", &c.requestTimeoutSeconds, 1, 3600},
        {u"idle-timeout", &c.idleTimeoutSeconds, 1, 86400},
        {u"max-connections", &c.maxConnections, 0, 1'000'000},
        {u"max-connections-per-address", &c.maxConnectionsPerAddress, 1, 1'000'000},
        {u"payment-timeout-ms", &c.paymentTimeoutMs, 100, 120'000},
        {u"limit-queue-joins", &c.limits.joinsPerAccount, 0, 1'000'000},
        {u"limit-queue-joins-per-address", &c.limits.joinsPerAddress, 0, 1'000'000},
        {u"limit-queue-polls", &c.limits.pollsPerAccount, 0, 1'000'000},
        {u"limit-queue-polls-per-address", &c.limits.pollsPerAddress, 0, 1'000'000},
        {u"limit-poll-pace", &c.limits.pollPacePercent, 0, 100},
        {u"limit-holds", &c.limits.holdsPerAccount, 0, 1'000'000},
        {u"limit-accounts-per-address", &c.limits.accountsPerAddress, 0, 100'000},
        {u"limit-seat-waits", &c.limits.seatWaitsPerAccount, 0, 1'000'000},
        {u"limit-seat-waits-per-address", &c.limits.seatWaitsPerAddress, 0, 1'000'000},
        {u"seat-offer-seconds", &c.seatOfferSeconds, 1, 3600},
    };
    for (const IntOpt &o : ints) {
        const QString name = QString::fromUtf16(o.name);
        const auto v = intOption(p, name, o.min, o.max);
        if (!v)
            return invalid(
                u"--%1 must be a whole number from %2 to %3"_s.arg(name).arg(o.min).arg(o.max));
        *o.target = *v;
    }

    c.databaseUrl = p.value(u"database"_s);
    if (!c.databaseUrl.isEmpty() && !ConnectionParams::fromUrl(c.databaseUrl))
        return invalid(u"--database must be postgresql://user@host:port[,host:port...]/db"_s);
    c.dataDir
        = p.isSet(u"data-dir"_s) ? QDir(p.value(u"data-dir"_s)).absolutePath() : defaultDataDir();
    c.demoData = p.isSet(u"demo-data"_s);
    c.tlsCert = p.value(u"tls-cert"_s);
    c.tlsKey = p.value(u"tls-key"_s);
    if (c.tlsCert.isEmpty() != c.tlsKey.isEmpty())
        return invalid(u"--tls-cert and --tls-key go together"_s);
    c.insecureHttp = p.isSet(u"insecure-http"_s);
    if (!c.tlsEnabled() && !c.insecureHttp && !c.listenAddress.isLoopback())
        return invalid(
            u"Refusing plain HTTP on %1: give --tls-cert/--tls-key, or --insecure-http"_s.arg(
                c.listenAddress.toString()));
    c.redisUrl = p.value(u"redis"_s);
    if (c.redisUrl.startsWith(u"rediss:"_s))
        return invalid(
            u"rediss:// (TLS to Redis) is not supported: Debian 12's hiredis has no TLS. "
            "Keep Redis on a private network or tunnel it (README \"Scaling out\")"_s);
    if (!c.redisUrl.isEmpty() && !c.redisUrl.startsWith(u"redis://"_s))
        return invalid(u"--redis must be redis://host:port[/db]"_s);
    c.redisSentinels = p.value(u"redis-sentinel"_s);
    c.redisMasterName = p.value(u"redis-master-name"_s);
    if (!c.redisSentinels.isEmpty()) {
        if (!c.redisUrl.isEmpty())
            return invalid(u"give --redis or --redis-sentinel, not both"_s);
        if (!validAddressList(c.redisSentinels) || c.redisMasterName.isEmpty())
            return invalid(u"--redis-sentinel must be host:port[,host:port...] and "
                           "--redis-master-name a name"_s);
    }
    const auto redisPassword = secret(p, u"redis-password-file"_s, "ENCORE_REDIS_PASSWORD");
    if (!redisPassword)
        return redisPassword.error();
    c.redisPassword = *redisPassword;
    c.createStaff = p.value(u"create-staff"_s);
    c.accessLog = !p.isSet(u"no-access-log"_s);
    for (const QString &proxy : p.values(u"trusted-proxy"_s)) {
        QHostAddress address;
        if (!address.setAddress(proxy))
            return invalid(u"--trusted-proxy must be an IP address, got %1"_s.arg(proxy));
        c.trustedProxies.append(address);
    }
    c.paymentGateway = p.value(u"payment-gateway"_s);
    const QUrl gateway(c.paymentGateway, QUrl::StrictMode);
    if (!gateway.isValid() || (gateway.scheme() != u"https" && gateway.scheme() != u"http"))
        return invalid(u"--payment-gateway must be an http(s) URL"_s);
    // Card payment traffic is encrypted except to a gateway on this machine (the sandbox).
    if (gateway.scheme() == u"http" && !c.insecureHttp
        && !QHostAddress(gateway.host() == u"localhost" ? u"127.0.0.1"_s : gateway.host())
                .isLoopback())
        return invalid(u"--payment-gateway must be https:// unless it is on loopback"_s);
    const auto fromOptionOrEnv = [&p](const QString &name, const char *env) {
        return p.isSet(name) ? p.value(name).toUtf8() : qgetenv(env);
    };
    c.paymentSecretKey = fromOptionOrEnv(u"payment-secret-key"_s, "ENCORE_PAYMENT_SECRET_KEY");
    c.paymentClientKey
        = QString::fromUtf8(fromOptionOrEnv(u"payment-client-key"_s, "ENCORE_PAYMENT_CLIENT_KEY"));
    c.paymentWebhookSecret
        = fromOptionOrEnv(u"payment-webhook-secret"_s, "ENCORE_PAYMENT_WEBHOOK_SECRET");
    c.paymentCaFile = p.value(u"payment-ca-file"_s);
    return c;
}

} // namespace encore::server
