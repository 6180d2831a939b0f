#include "loadgen.h"

#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace encore::bench {

double percentile(QList<double> v, double p)
{
    if (v.isEmpty())
        return 0;
    std::sort(v.begin(), v.end());
    const qsizetype i
        = std::clamp<qsizetype>(qsizetype(std::ceil(p / 100.0 * v.size())) - 1, 0, v.size() - 1);
    return v.at(i);
}

QString LoadResult::errorText() const
{
    if (errors.isEmpty())
        return u"none"_s;
    QStringList parts;
    for (auto it = errors.begin(); it != errors.end(); ++it)
        parts.append(u"%1 ×%2"_s.arg(it.key()).arg(it.value()));
    return parts.join(u", "_s);
}

QString LoadResult::header()
{
    return u"| scenario | load generator | conns | requests | req/s | p50 ms | p99 ms | successes "
           u"| errors by code | oversell |\n"
           "|---|---|---:|---:|---:|---:|---:|---:|---|---:|"_s;
}

QString LoadResult::row() const
{
    return u"| %1 | %2 | %3 | %4 | %5 | %6 | %7 | %8 | %9 | %10 |"_s.arg(scenario, generator)
        .arg(connections)
        .arg(requests)
        .arg(QString::number(rate(), 'f', 0), QString::number(p50Ms, 'f', 2),
             QString::number(p99Ms, 'f', 2))
        .arg(successes)
        .arg(errorText(), oversell);
}

LoadResult runHttpClient(const QString &scenario, const test::HttpClient &client,
                         const QList<test::HttpRequest> &requests, int connections, int okStatus,
                         QList<test::HttpResponse> *responsesOut)
{
    LoadResult r;
    r.scenario = scenario;
    r.generator = u"HttpClient"_s;
    r.connections = connections;
    QElapsedTimer timer;
    timer.start();
    const QList<test::HttpResponse> responses = client.pooled(requests, connections);
    r.seconds = double(timer.nsecsElapsed()) / 1e9;
    r.requests = responses.size();
    QList<double> ms;
    ms.reserve(responses.size());
    for (const test::HttpResponse &resp : responses) {
        if (resp.status == okStatus) {
            ++r.successes;
        } else if (resp.status == 0) {
            ++r.errors[u"conn"_s];
        } else {
            ++r.errors[u"%1 %2"_s.arg(resp.status).arg(resp.errorCode())];
        }
        if (resp.status != 0)
            ms.append(resp.seconds * 1000);
    }
    std::sort(ms.begin(), ms.end());
    r.p50Ms = percentile(ms, 50);
    r.p99Ms = percentile(ms, 99);
    if (responsesOut)
        *responsesOut = responses;
    return r;
}

QString wrkBinary()
{
    return QStandardPaths::findExecutable(u"wrk"_s);
}

namespace {

// Every thread counts statuses (with the error code for 4xx/5xx); done() adds them up across
// threads and prints one machine-readable line.
const char *kWrkScript = R"LUA(
local threads = {}
local counter = 0
function setup(thread)
  thread:set("tid", counter)
  counter = counter + 1
  table.insert(threads, thread)
end
codes = {}
local i = 0
function init(args)
  i = tid * 7919
end
function request()
  i = i + 1
  local u = users[(i % #users) + 1]
  local headers = { ["Authorization"] = "Bearer " .. u[1], ["X-Queue-Token"] = u[2] }
  if post_body then
    headers["Content-Type"] = "application/json"
    return wrk.format("POST", path, headers, post_body())
  end
  return wrk.format("GET", path, headers)
end
function response(status, headers, body)
  local key = tostring(status)
  if status >= 400 then
    local code = string.match(body or "", '"code":"([A-Z_]+)"')
    key = key .. ":" .. (code or "?")
  end
  codes[key] = (codes[key] or 0) + 1
end
function done(summary, latency, requests)
  local agg = {}
  for _, t in ipairs(threads) do
    local c = t:get("codes")
    for k, v in pairs(c) do agg[k] = (agg[k] or 0) + v end
  end
  local parts = {}
  for k, v in pairs(agg) do parts[#parts + 1] = k .. "=" .. v end
  local e = summary.errors
  io.write(string.format("BENCH requests=%d duration_us=%d p50_us=%d p99_us=%d sockerr=%d codes=%s\n",
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99),
    e.connect + e.read + e.write + e.timeout, table.concat(parts, ";")))
end
)LUA";

} // namespace

std::optional<LoadResult> runWrk(const QString &scenario, quint16 port, const QByteArray &path,
                                 const QList<WrkUser> &users, int connections, int threads,
                                 int seconds, const QString &workDir, const QByteArray &postBodyLua,
                                 int okStatus)
{
    const QString wrk = wrkBinary();
    if (wrk.isEmpty() || users.isEmpty())
        return std::nullopt;
    const QString scriptPath = workDir + u"/wrk-%1.lua"_s.arg(qHash(scenario));
    QFile f(scriptPath);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return std::nullopt;
    // Tokens are base64url: safe inside Lua string literals.
    f.write("path = \"" + path + "\"\nusers = {\n");
    for (const WrkUser &u : users)
        f.write("{\"" + u.bearer + "\",\"" + u.queueToken + "\"},\n");
    f.write("}\n");
    if (!postBodyLua.isEmpty())
        f.write("post_body = function() return " + postBodyLua + " end\n");
    f.write(kWrkScript);
    f.close();

    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(wrk,
            {u"-t%1"_s.arg(threads), u"-c%1"_s.arg(connections), u"-d%1s"_s.arg(seconds),
             u"--timeout"_s, u"10s"_s, u"-s"_s, scriptPath,
             u"http://127.0.0.1:%1%2"_s.arg(port).arg(QString::fromLatin1(path))});
    if (!p.waitForFinished((seconds + 30) * 1000)) {
        p.kill();
        p.waitForFinished();
        return std::nullopt;
    }
    const QString out = QString::fromLocal8Bit(p.readAll());
    static const QRegularExpression kLine(
        u"BENCH requests=(\\d+) duration_us=(\\d+) p50_us=(\\d+) p99_us=(\\d+) sockerr=(\\d+) codes=(\\S*)"_s);
    const auto m = kLine.match(out);
    if (!m.hasMatch()) {
        qWarning().noquote() << "wrk said:" << out;
        return std::nullopt;
    }
    LoadResult r;
    r.scenario = scenario;
    r.generator = u"wrk -t%1"_s.arg(threads);
    r.connections = connections;
    r.requests = m.captured(1).toLongLong();
    r.seconds = m.captured(2).toDouble() / 1e6;
    r.p50Ms = m.captured(3).toDouble() / 1000;
    r.p99Ms = m.captured(4).toDouble() / 1000;
    if (const qint64 sockErrors = m.captured(5).toLongLong())
        r.errors[u"socket"_s] = sockErrors;
    for (const QString &part : m.captured(6).split(u';', Qt::SkipEmptyParts)) {
        const QString key = part.section(u'=', 0, 0).replace(u':', u' '); // "409:SEAT_UNAVAILABLE"
        const qint64 n = part.section(u'=', 1).toLongLong();
        if (key == QString::number(okStatus))
            r.successes += n;
        else
            r.errors[key] += n;
    }
    return r;
}

QString pgbenchBinary()
{
    QProcess p;
    p.start(u"pg_config"_s, {u"--bindir"_s});
    if (p.waitForFinished(5000) && p.exitCode() == 0) {
        const QString bin
            = QString::fromLocal8Bit(p.readAllStandardOutput()).trimmed() + u"/pgbench"_s;
        if (QFile::exists(bin))
            return bin;
    }
    for (const QString &bin :
         {u"/usr/lib/postgresql/15/bin/pgbench"_s, QStandardPaths::findExecutable(u"pgbench"_s)}) {
        if (!bin.isEmpty() && QFile::exists(bin))
            return bin;
    }
    return {};
}

PgbenchResult runPgbench(const QString &name, const server::ConnectionParams &db,
                         const QString &script, int clients, int seconds, const QString &workDir,
                         int transactionsPerClient)
{
    PgbenchResult r;
    r.name = name;
    const QString bin = pgbenchBinary();
    if (bin.isEmpty()) {
        r.error = u"pgbench not found"_s;
        return r;
    }
    const QString scriptPath = workDir + u"/pgbench-%1.sql"_s.arg(qHash(name));
    QFile f(scriptPath);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        r.error = u"cannot write the script"_s;
        return r;
    }
    f.write(script.toUtf8());
    f.close();
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    const QStringList length = transactionsPerClient > 0
        ? QStringList {u"-t"_s, QString::number(transactionsPerClient)}
        : QStringList {u"-T"_s, QString::number(seconds)};
    p.start(bin,
            QStringList {u"-n"_s, u"-M"_s, u"prepared"_s, u"-c"_s, QString::number(clients),
                         u"-j"_s, u"2"_s}
                + length
                + QStringList {u"-f"_s, scriptPath, u"-h"_s, db.host, u"-p"_s,
                               QString::number(db.port), u"-U"_s, db.user, db.database});
    if (!p.waitForFinished((std::max(seconds, 60) + 120) * 1000)) {
        p.kill();
        p.waitForFinished();
        r.error = u"pgbench timed out"_s;
        return r;
    }
    const QString out = QString::fromLocal8Bit(p.readAll());
    const auto tps = QRegularExpression(u"tps = ([0-9.]+) \\(without initial"_s).match(out);
    const auto lat = QRegularExpression(u"latency average = ([0-9.]+) ms"_s).match(out);
    const auto tx
        = QRegularExpression(u"number of transactions actually processed: (\\d+)"_s).match(out);
    const auto failed = QRegularExpression(u"number of failed transactions: (\\d+)"_s).match(out);
    // The cause (e.g. a statement that would not prepare) comes before pgbench's summary.
    QStringList errors;
    for (const QString &line : out.split(u'\n')) {
        if (line.contains(u"ERROR"_s) || line.contains(u"error"_s))
            errors.append(line.trimmed());
    }
    if (!tps.hasMatch()) {
        r.error = errors.isEmpty() ? out.trimmed().right(400) : errors.mid(0, 4).join(u' ');
        return r;
    }
    r.tps = tps.captured(1).toDouble();
    r.latencyMs = lat.captured(1).toDouble();
    r.transactions = tx.captured(1).toLongLong();
    r.failed = failed.captured(1).toLongLong();
    if (out.contains(u"aborted"_s) || out.contains(u"ERROR"_s))
        r.error = errors.mid(0, 4).join(u' ');
    return r;
}

} // namespace encore::bench
