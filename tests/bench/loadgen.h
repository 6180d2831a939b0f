#pragma once
// Load generators and raw-database ceilings for encore-bench: HttpClient (in-process, one
// thread), wrk (external, Lua script per scenario) and pgbench (custom scripts on the same
// database). Each returns a LoadResult that prints as one markdown table row.

#include "httpclient.h"
#include "storage/connectionparams.h"

#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

namespace encore::bench {

struct LoadResult {
    QString scenario;
    QString generator; // "HttpClient" or "wrk -t2"
    int connections = 0;
    qint64 requests = 0;
    double seconds = 0; // wall time of the measured run
    double p50Ms = 0;
    double p99Ms = 0;
    qint64 successes = 0;
    QMap<QString, qint64> errors; // "409 SEAT_UNAVAILABLE" -> count; "conn" for no response
    QString oversell = QStringLiteral("–");

    double rate() const { return seconds > 0 ? requests / seconds : 0; }
    QString errorText() const;
    QString row() const;
    static QString header();
};

// Runs `requests` through HttpClient::pooled() with `connections` keep-alive connections and
// times it. `okStatus`: the status counted as success (others are errors by status + code).
LoadResult runHttpClient(const QString &scenario, const test::HttpClient &client,
                         const QList<test::HttpRequest> &requests, int connections, int okStatus,
                         QList<test::HttpResponse> *responsesOut = nullptr);

// One user's credentials for a wrk script.
struct WrkUser {
    QByteArray bearer;
    QByteArray queueToken;
};

// GET `path` for `seconds` with wrk (-t threads, -c connections), cycling through `users`; a
// POST of JSON instead when `postBodyLua` is a Lua expression giving each request's body.
// `okStatus`: the status counted as success.
std::optional<LoadResult> runWrk(const QString &scenario, quint16 port, const QByteArray &path,
                                 const QList<WrkUser> &users, int connections, int threads,
                                 int seconds, const QString &workDir,
                                 const QByteArray &postBodyLua = {}, int okStatus = 200);
QString wrkBinary(); // empty when wrk is not installed

struct PgbenchResult {
    QString name;
    double tps = 0;
    double latencyMs = 0;
    qint64 transactions = 0;
    qint64 failed = 0;
    QString error;
};

QString pgbenchBinary();
// Runs `script` for `seconds` (-T), or `transactionsPerClient` times per client (-t) when > 0.
PgbenchResult runPgbench(const QString &name, const server::ConnectionParams &db,
                         const QString &script, int clients, int seconds, const QString &workDir,
                         int transactionsPerClient = 0);

double percentile(QList<double> sortedValues, double p);

} // namespace encore::bench
