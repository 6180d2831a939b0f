#pragma once
// ServerConfig: everything encore-server is told on its command line and environment
// (DESIGN.md §4 "Server command line"). Parsed once in main, then read-only; any thread.

#include "result.h"

#include <QHostAddress>
#include <QString>
#include <QStringList>

namespace encore::server {

struct QueueDefaults {
    int maxActive = 200;
    int admitPerMinute = 600;
    int activeTtlSeconds = 600;
};

// Fair-queue abuse limits (issue 15, docs/SECURITY.md "Fair queue limits"): requests per account
// or per client address in a one-minute window, shared by every instance (Redis or PostgreSQL).
// 0 turns a limit off.
struct AbuseLimits {
    int joinsPerAccount = 10;
    int joinsPerAddress = 60;
    int pollsPerAccount = 150; // an honest client at the shortest pollAfterMs (500 ms) asks 120
    int pollsPerAddress = 3000;
    // A poll is refused until this share (percent) of the pollAfterMs it was given has passed.
    int pollPacePercent = 80;
    int holdsPerAccount = 30;
    // Live accounts from one address in one concert's queue (staff may set it per concert).
    int accountsPerAddress = 8;
    // Waiting-list joins (POST /seat-waits) per account and per address a minute.
    int seatWaitsPerAccount = 10;
    int seatWaitsPerAddress = 60;
};

struct ServerConfig {
    QHostAddress listenAddress = QHostAddress::LocalHost;
    quint16 port = 8080;
    QString portFile;
    int workers = 0; // 0: 2 x cores
    int decisionThreads = 0; // 0: 16 x cores (WorkPool of holds, payments and queue joins)
    QString databaseUrl; // empty: libpq environment if set, else embedded
    QString dataDir;
    bool demoData = false;
    int holdSeconds = 300;
    QueueDefaults queue;
    AbuseLimits limits;
    QString tlsCert;
    QString tlsKey;
    bool insecureHttp = false;
    QString redisUrl;
    // Redis through Sentinel (--redis-sentinel host:port,... --redis-master-name NAME).
    QString redisSentinels;
    QString redisMasterName;
    // From ENCORE_REDIS_PASSWORD or --redis-password-file (never a command-line value).
    QByteArray redisPassword;
    QString createStaff; // non-empty: create this staff account and exit
    int authAttemptsPerMinute = 20; // login/register attempts per address
    // Login failures (15-minute window): an address is refused for a username after this many
    // of its own failures for it; after loginBackoffAfter failures of a username from anywhere,
    // addresses that already failed for it wait 2^(n - loginBackoffAfter) s (at most
    // loginBackoffMaxSeconds) between attempts. A fresh address is always heard.
    int loginFailuresPerAddress = 5;
    int loginBackoffAfter = 10;
    int loginBackoffMaxSeconds = 60;
    qint64 maxBodyBytes = 1 << 20;
    bool accessLog = true;
    // Load balancers whose X-Real-IP / X-Forwarded-For we believe (for per-address throttling).
    QList<QHostAddress> trustedProxies;
    int refundCutoffHours = 24; // refunds allowed until this long before the show
    int seatOfferSeconds = 120; // how long a returned seat is held for the first person waiting
    // The HTTP edge (docs/SECURITY.md): limits enforced before a request reaches a route.
    int maxHeaderBytes = 16 * 1024; // request line + headers
    int maxHeaderLines = 100;
    int requestTimeoutSeconds = 20; // TLS handshake + head + body of one request
    int idleTimeoutSeconds = 60; // keep-alive connection with no request in progress
    int maxConnections = 0; // 0: derived from the descriptor limit
    int maxConnectionsPerAddress = 128; // trusted proxies are exempt
    // --metrics-listen: a private address serving GET /metrics to scrapers (-1: none).
    QHostAddress metricsAddress;
    int metricsPort = -1;
    // The card gateway (DESIGN.md §8). Secrets come from the environment unless given as options.
    QString paymentGateway = QStringLiteral("http://127.0.0.1:8090"); // what scripts/run.sh starts
    QByteArray paymentSecretKey;
    QString paymentClientKey;
    QByteArray paymentWebhookSecret;
    QString paymentCaFile; // extra CA certificates to trust for the gateway (e.g. a private CA)
    int paymentTimeoutMs = 10'000; // per gateway call; a worker waits at most this long

    bool tlsEnabled() const { return !tlsCert.isEmpty(); }
    bool usesRedis() const { return !redisUrl.isEmpty() || !redisSentinels.isEmpty(); }
    int effectiveWorkers() const;
    int effectiveDecisionThreads() const;
    // maxConnections, or what the process's descriptor limit leaves room for.
    int effectiveMaxConnections() const;

    // Parses argv (without any side effect); --help/--version print and exit inside.
    static Result<ServerConfig> parse(const QStringList &arguments);
};

} // namespace encore::server
