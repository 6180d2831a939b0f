// scripts/cluster.sh start --ha, the one command an operator runs: it brings up the whole HA
// topology (PostgreSQL primary + synchronous standby, Redis primary + replica + three sentinels,
// an instance, nginx with TLS) on free loopback ports; the desktop app's ApiClient logs in over
// HTTPS trusting only the script's CA file; plain HTTP is redirected, HSTS is sent; no running
// process has a password on its command line; `status` names the primaries; `stop` ends it all.
#include "apipaths.h"
#include "net/apiclient.h"
#include "scaleoutcluster.h"
#include "testserver.h"

#include <QDir>
#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRandomGenerator>
#include <QSslCertificate>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace encore;
using namespace encore::test;

namespace {

constexpr int kWaitMs = 20'000;

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// `count` consecutive free loopback ports (the script numbers some ports from a base).
quint16 freeRange(int count)
{
    for (int attempt = 0; attempt < 200; ++attempt) {
        const auto first = quint16(20'000 + QRandomGenerator::global()->bounded(30'000));
        bool free = true;
        for (int i = 0; i < count && free; ++i) {
            QTcpServer probe;
            free = probe.listen(QHostAddress::LocalHost, quint16(first + i));
        }
        if (free)
            return first;
    }
    return 0;
}

} // namespace

class TestHaClusterScript final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void appLogsInOverHttpsWithTheCaFile();
    void plainHttpIsRedirectedAndHstsSent();
    void noPasswordOnAnyCommandLine();
    void statusNamesThePrimaries();

private:
    int script(const QStringList &args, QByteArray *output = nullptr, int timeoutMs = 240'000);

    QTemporaryDir m_dir {QDir::tempPath() + u"/encore-hascript-XXXXXX"_s};
    QProcessEnvironment m_env = QProcessEnvironment::systemEnvironment();
    quint16 m_http = 0;
    quint16 m_https = 0;
    bool m_started = false;
};

int TestHaClusterScript::script(const QStringList &args, QByteArray *output, int timeoutMs)
{
    QProcess p;
    p.setProcessEnvironment(m_env);
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(u"bash"_s,
            QStringList {QStringLiteral(ENCORE_SOURCE_DIR) + u"/scripts/cluster.sh"_s} + args);
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished(5'000);
    }
    const QByteArray out = p.readAll();
    if (output)
        *output = out;
    if (p.exitCode() != 0)
        qWarning().noquote() << "cluster.sh" << args.join(u' ') << "failed:" << out.right(3000);
    return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
}

void TestHaClusterScript::initTestCase()
{
    QVERIFY(m_dir.isValid());
    // The postgres and redis users must enter the state directory.
    QFile::setPermissions(m_dir.path(),
                          QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadOther
                              | QFile::ExeOther);
    const quint16 base = freeRange(12);
    QVERIFY(base != 0);
    m_http = base;
    m_https = base + 1;
    m_env.insert(u"ENCORE_CLUSTER_DIR"_s, m_dir.path());
    m_env.insert(u"ENCORE_CLUSTER_LISTEN"_s, u"127.0.0.1:%1"_s.arg(m_http));
    m_env.insert(u"ENCORE_CLUSTER_HTTPS"_s, u"127.0.0.1:%1"_s.arg(m_https));
    m_env.insert(u"ENCORE_CLUSTER_PG_PORT"_s, QString::number(base + 2)); // standby: + 3
    m_env.insert(u"ENCORE_CLUSTER_REDIS_PORT"_s, QString::number(base + 4)); // replica: + 5
    m_env.insert(u"ENCORE_CLUSTER_SENTINEL_PORT"_s, QString::number(base + 6)); // 6, 7, 8
    m_env.insert(u"ENCORE_CLUSTER_BASE_PORT"_s, QString::number(base + 8)); // instance 1: + 9
    m_env.insert(u"ENCORE_CLUSTER_WORKERS"_s, u"2"_s);
    m_env.insert(u"ENCORE_SERVER_BIN"_s, TestServer::serverBinary());
    m_started = true;
    QCOMPARE(script({u"start"_s, u"--ha"_s, u"1"_s}), 0);
}

void TestHaClusterScript::cleanupTestCase()
{
    if (m_started)
        QCOMPARE(script({u"stop"_s}), 0);
}

void TestHaClusterScript::appLogsInOverHttpsWithTheCaFile()
{
    const QUrl url(u"https://127.0.0.1:%1"_s.arg(m_https));
    ApiClient trusting;
    trusting.setBaseUrl(url);
    QVERIFY(trusting.setCaFile(m_dir.filePath(u"tls/ca.pem"_s)));
    std::optional<Result<Session>> session;
    trusting.login(u"demo"_s, u"demo-password-1"_s, this,
                   [&](Result<Session> r) { session.emplace(std::move(r)); });
    QTRY_VERIFY_WITH_TIMEOUT(session.has_value(), kWaitMs);
    // (QVERIFY2 evaluates its message even when the check passes.)
    QVERIFY2(session->ok(), session->ok() ? "" : qPrintable(session->error().message));

    // Without the CA file the same client refuses the certificate.
    ApiClient untrusting;
    untrusting.setBaseUrl(url);
    untrusting.setRetryPolicy({1, 100, 100});
    std::optional<Result<Session>> refused;
    untrusting.login(u"demo"_s, u"demo-password-1"_s, this,
                     [&](Result<Session> r) { refused.emplace(std::move(r)); });
    QTRY_VERIFY_WITH_TIMEOUT(refused.has_value(), kWaitMs);
    QVERIFY(!refused->ok());
}

void TestHaClusterScript::plainHttpIsRedirectedAndHstsSent()
{
    const HttpResponse plain = HttpClient(m_http).get(api::concerts().toLatin1());
    QCOMPARE(plain.status, 301);
    QCOMPARE(plain.headers.value("location"),
             "https://127.0.0.1:" + QByteArray::number(m_https) + api::concerts().toLatin1());

    QNetworkAccessManager network;
    QNetworkRequest request(QUrl(u"https://127.0.0.1:%1/healthz"_s.arg(m_https)));
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.addCaCertificates(QSslCertificate::fromPath(m_dir.filePath(u"tls/ca.pem"_s)));
    request.setSslConfiguration(tls);
    std::unique_ptr<QNetworkReply> reply(network.get(request));
    QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), kWaitMs);
    QCOMPARE(reply->error(), QNetworkReply::NoError);
    QVERIFY(reply->rawHeader("Strict-Transport-Security").startsWith("max-age="));
}

void TestHaClusterScript::noPasswordOnAnyCommandLine()
{
    const QByteArray pg = readFile(m_dir.filePath(u"secrets/pg-password"_s)).trimmed();
    const QByteArray redis = readFile(m_dir.filePath(u"secrets/redis-password"_s)).trimmed();
    QVERIFY(pg.size() >= 32 && redis.size() >= 32);
    int processes = 0;
    for (const QString &pid : QDir(u"/proc"_s).entryList(QDir::Dirs)) {
        const QByteArray cmdline = readFile(u"/proc/%1/cmdline"_s.arg(pid));
        if (!cmdline.contains(m_dir.path().toUtf8()))
            continue; // not a process of this cluster
        ++processes;
        QVERIFY2(!cmdline.contains(pg) && !cmdline.contains(redis), cmdline.constData());
    }
    QVERIFY(processes >= 7); // 2 PostgreSQL, 2 Redis, 3 sentinels (their config files' paths)
    // The files that hold them are the owner's alone.
    for (const QString &f :
         {u"secrets/pg-password"_s, u"secrets/redis-password"_s, u"secrets/pgpass"_s,
          u"redis-1/redis.conf"_s, u"sentinel-1/sentinel.conf"_s})
        QVERIFY2(!(QFile::permissions(m_dir.filePath(f))
                   & (QFile::ReadGroup | QFile::ReadOther | QFile::WriteOther)),
                 qPrintable(f));
}

void TestHaClusterScript::statusNamesThePrimaries()
{
    QByteArray out;
    QCOMPARE(script({u"status"_s}, &out, 60'000), 0);
    const QList<QByteArray> lines = out.split('\n');
    const auto count = [&](const QByteArray &prefix, const QByteArray &role) {
        return std::count_if(lines.begin(), lines.end(), [&](const QByteArray &l) {
            return l.startsWith(prefix) && l.endsWith(role);
        });
    };
    QCOMPARE(count("postgres", "PRIMARY"), 1);
    QCOMPARE(count("postgres", "standby"), 1);
    QCOMPARE(count("redis", "PRIMARY"), 1);
    QCOMPARE(count("redis", "replica"), 1);
    QCOMPARE(
        count("sentinel", QByteArray::number(m_env.value(u"ENCORE_CLUSTER_REDIS_PORT"_s).toInt())),
        3);
}

QTEST_GUILESS_MAIN(TestHaClusterScript)
#include "tst_haclusterscript.moc"
