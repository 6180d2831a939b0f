// ServerConfig::parse: the command line of DESIGN.md §4 — defaults, --listen, the bounds of every
// integer option and the TLS rules. Pure parsing; no server, no database.
#include "config/serverconfig.h"

#include "storage/connectionparams.h"

#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using encore::server::ServerConfig;

class TestServerConfig final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void defaults();
    void listen_data();
    void listen();
    void integerBounds_data();
    void integerBounds();
    void plainHttpOnPublicAddress_data();
    void plainHttpOnPublicAddress();
    void tlsNeedsBothFiles_data();
    void tlsNeedsBothFiles();
    void paymentGateway_data();
    void paymentGateway();
    void paymentSecretsFromEnvironment();
    void rejectsJunk_data();
    void rejectsJunk();
    void redisSentinels();
    void redisPasswordFile();
    void redisRejects_data();
    void redisRejects();
    void databaseHostList();

private:
    static encore::Result<ServerConfig> parse(const QStringList &args)
    {
        return ServerConfig::parse(QStringList {u"encore-server"_s} + args);
    }
};

void TestServerConfig::defaults()
{
    const auto c = parse({});
    QVERIFY(c.ok());
    QCOMPARE(c->listenAddress, QHostAddress(QHostAddress::LocalHost));
    QCOMPARE(c->port, quint16(8080));
    QCOMPARE(c->workers, 0);
    QVERIFY(c->effectiveWorkers() >= 4);
    QCOMPARE(c->holdSeconds, 300);
    QCOMPARE(c->queue.maxActive, 200);
    QCOMPARE(c->queue.admitPerMinute, 600);
    QCOMPARE(c->queue.activeTtlSeconds, 600);
    QCOMPARE(c->authAttemptsPerMinute, 20);
    QCOMPARE(c->maxBodyBytes, qint64(1) << 20);
    QVERIFY(c->databaseUrl.isEmpty());
    QVERIFY(!c->dataDir.isEmpty());
    QVERIFY(!c->demoData);
    QVERIFY(!c->tlsEnabled());
    QVERIFY(!c->insecureHttp);
    QVERIFY(c->accessLog);
    QVERIFY(c->createStaff.isEmpty());
}

void TestServerConfig::listen_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QString>("address");
    QTest::addColumn<int>("port");

    QTest::addRow("loopback port 0") << u"127.0.0.1:0"_s << true << u"127.0.0.1"_s << 0;
    QTest::addRow("loopback port") << u"127.0.0.1:9000"_s << true << u"127.0.0.1"_s << 9000;
    QTest::addRow("localhost") << u"localhost:8081"_s << true << u"127.0.0.1"_s << 8081;
    QTest::addRow("ipv6 loopback") << u"[::1]:8082"_s << true << u"::1"_s << 8082;
    QTest::addRow("highest port") << u"127.0.0.1:65535"_s << true << u"127.0.0.1"_s << 65535;
    QTest::addRow("no port") << u"127.0.0.1"_s << false << QString() << 0;
    QTest::addRow("empty port") << u"127.0.0.1:"_s << false << QString() << 0;
    QTest::addRow("port too big") << u"127.0.0.1:65536"_s << false << QString() << 0;
    QTest::addRow("negative port") << u"127.0.0.1:-1"_s << false << QString() << 0;
    QTest::addRow("port not a number") << u"127.0.0.1:http"_s << false << QString() << 0;
    QTest::addRow("no host") << u":8080"_s << false << QString() << 0;
    QTest::addRow("host not an address") << u"not a host:8080"_s << false << QString() << 0;
    QTest::addRow("bad octet") << u"300.1.1.1:8080"_s << false << QString() << 0;
}

void TestServerConfig::listen()
{
    QFETCH(QString, value);
    QFETCH(bool, valid);
    const auto c = parse({u"--listen"_s, value});
    QCOMPARE(c.ok(), valid);
    if (!valid) {
        QCOMPARE(c.error().codeName(), u"VALIDATION_FAILED"_s);
        QVERIFY2(c.error().message.contains(u"--listen"_s), qPrintable(c.error().message));
        return;
    }
    QFETCH(QString, address);
    QFETCH(int, port);
    QCOMPARE(c->listenAddress, QHostAddress(address));
    QCOMPARE(int(c->port), port);
}

void TestServerConfig::integerBounds_data()
{
    QTest::addColumn<QString>("option");
    QTest::addColumn<QString>("value");
    QTest::addColumn<bool>("valid");

    struct Bounds {
        const char *name;
        int min;
        int max;
    };
    const Bounds options[] = {
        {"workers", 0, 256},
        {"hold-seconds", 1, 86400},
        {"queue-max-active", 1, 1'000'000},
        {"queue-admit-per-minute", 1, 1'000'000},
        {"queue-active-ttl", 10, 86400},
        {"auth-attempts-per-minute", 1, 1'000'000},
        {"refund-cutoff-hours", 0, 24 * 365},
        {"max-header-bytes", 1024, 1 << 20},
        {"max-header-lines", 8, 10'000},
        {"request-timeout", 1, 3600},
        {"idle-timeout", 1, 86400},
        {"max-connections", 0, 1'000'000},
        {"max-connections-per-address", 1, 1'000'000},
        {"login-failures-per-address", 1, 1'000'000},
        {"login-backoff-after", 1, 1'000'000},
        {"login-backoff-max", 1, 86400},
        {"payment-timeout-ms", 100, 120'000},
    };
    for (const Bounds &o : options) {
        QTest::addRow("%s min", o.name)
            << QString::fromLatin1(o.name) << QString::number(o.min) << true;
        QTest::addRow("%s max", o.name)
            << QString::fromLatin1(o.name) << QString::number(o.max) << true;
        QTest::addRow("%s below", o.name)
            << QString::fromLatin1(o.name) << QString::number(o.min - 1) << false;
        QTest::addRow("%s above", o.name)
            << QString::fromLatin1(o.name) << QString::number(o.max + 1) << false;
        QTest::addRow("%s text", o.name) << QString::fromLatin1(o.name) << u"ten"_s << false;
        QTest::addRow("%s fraction", o.name) << QString::fromLatin1(o.name) << u"1.5"_s << false;
        QTest::addRow("%s empty", o.name) << QString::fromLatin1(o.name) << QString() << false;
        QTest::addRow("%s overflow", o.name)
            << QString::fromLatin1(o.name) << u"99999999999999999999"_s << false;
    }
}

void TestServerConfig::integerBounds()
{
    QFETCH(QString, option);
    QFETCH(QString, value);
    QFETCH(bool, valid);
    const auto c = parse({u"--"_s + option, value});
    QCOMPARE(c.ok(), valid);
    if (!valid) {
        QCOMPARE(c.error().codeName(), u"VALIDATION_FAILED"_s);
        QVERIFY2(c.error().message.contains(option), qPrintable(c.error().message));
        return;
    }
    const int expected = value.toInt();
    const ServerConfig &cfg = *c;
    const QHash<QString, int> actual {
        {u"workers"_s, cfg.workers},
        {u"hold-seconds"_s, cfg.holdSeconds},
        {u"queue-max-active"_s, cfg.queue.maxActive},
        {u"queue-admit-per-minute"_s, cfg.queue.admitPerMinute},
        {u"queue-active-ttl"_s, cfg.queue.activeTtlSeconds},
        {u"auth-attempts-per-minute"_s, cfg.authAttemptsPerMinute},
        {u"refund-cutoff-hours"_s, cfg.refundCutoffHours},
        {u"max-header-bytes"_s, cfg.maxHeaderBytes},
        {u"max-header-lines"_s, cfg.maxHeaderLines},
        {u"request-timeout"_s, cfg.requestTimeoutSeconds},
        {u"idle-timeout"_s, cfg.idleTimeoutSeconds},
        {u"max-connections"_s, cfg.maxConnections},
        {u"max-connections-per-address"_s, cfg.maxConnectionsPerAddress},
        {u"login-failures-per-address"_s, cfg.loginFailuresPerAddress},
        {u"login-backoff-after"_s, cfg.loginBackoffAfter},
        {u"login-backoff-max"_s, cfg.loginBackoffMaxSeconds},
        {u"payment-timeout-ms"_s, cfg.paymentTimeoutMs},
    };
    QVERIFY(actual.contains(option));
    QCOMPARE(actual.value(option), expected);
}

void TestServerConfig::plainHttpOnPublicAddress_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<bool>("valid");

    QTest::addRow("any address, plain") << QStringList {u"--listen"_s, u"0.0.0.0:8080"_s} << false;
    QTest::addRow("any ipv6, plain") << QStringList {u"--listen"_s, u"[::]:8080"_s} << false;
    QTest::addRow("lan address, plain")
        << QStringList {u"--listen"_s, u"192.168.1.10:8080"_s} << false;
    QTest::addRow("any address, insecure-http")
        << QStringList {u"--listen"_s, u"0.0.0.0:8080"_s, u"--insecure-http"_s} << true;
    QTest::addRow("any address, tls")
        << QStringList {u"--listen"_s, u"0.0.0.0:8443"_s, u"--tls-cert"_s,
                        u"c.pem"_s,    u"--tls-key"_s,    u"k.pem"_s}
        << true;
    QTest::addRow("loopback, plain") << QStringList {u"--listen"_s, u"127.0.0.1:0"_s} << true;
    QTest::addRow("ipv6 loopback, plain") << QStringList {u"--listen"_s, u"[::1]:0"_s} << true;
}

void TestServerConfig::plainHttpOnPublicAddress()
{
    QFETCH(QStringList, args);
    QFETCH(bool, valid);
    const auto c = parse(args);
    QCOMPARE(c.ok(), valid);
    if (!valid) {
        QCOMPARE(c.error().codeName(), u"VALIDATION_FAILED"_s);
        QVERIFY2(c.error().message.contains(u"--insecure-http"_s), qPrintable(c.error().message));
    }
}

void TestServerConfig::tlsNeedsBothFiles_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<bool>("valid");

    QTest::addRow("cert only") << QStringList {u"--tls-cert"_s, u"c.pem"_s} << false;
    QTest::addRow("key only") << QStringList {u"--tls-key"_s, u"k.pem"_s} << false;
    QTest::addRow("both") << QStringList {u"--tls-cert"_s, u"c.pem"_s, u"--tls-key"_s, u"k.pem"_s}
                          << true;
}

void TestServerConfig::tlsNeedsBothFiles()
{
    QFETCH(QStringList, args);
    QFETCH(bool, valid);
    const auto c = parse(args);
    QCOMPARE(c.ok(), valid);
    if (valid) {
        QVERIFY(c->tlsEnabled());
        QCOMPARE(c->tlsCert, u"c.pem"_s);
        QCOMPARE(c->tlsKey, u"k.pem"_s);
    } else {
        QVERIFY2(c.error().message.contains(u"--tls-cert"_s), qPrintable(c.error().message));
    }
}

void TestServerConfig::rejectsJunk_data()
{
    QTest::addColumn<QStringList>("args");

    QTest::addRow("unknown option") << QStringList {u"--no-such-option"_s};
    QTest::addRow("positional argument") << QStringList {u"serve"_s};
    QTest::addRow("option without value") << QStringList {u"--workers"_s};
    QTest::addRow("database not postgresql") << QStringList {u"--database"_s, u"mysql://u@h/db"_s};
    QTest::addRow("database host list with a bad port")
        << QStringList {u"--database"_s, u"postgresql://u@a:5432,b:x/db"_s};
}

void TestServerConfig::rejectsJunk()
{
    QFETCH(QStringList, args);
    const auto c = parse(args);
    QVERIFY(!c.ok());
    QCOMPARE(c.error().codeName(), u"VALIDATION_FAILED"_s);
    QVERIFY(!c.error().message.isEmpty());
}

void TestServerConfig::redisSentinels()
{
    const auto c = parse({u"--redis-sentinel"_s, u"127.0.0.1:26379,10.0.0.2:26380"_s,
                          u"--redis-master-name"_s, u"prod"_s});
    QVERIFY(c.ok());
    QVERIFY(c->usesRedis());
    QVERIFY(c->redisUrl.isEmpty());
    QCOMPARE(c->redisMasterName, u"prod"_s);
    QCOMPARE(c->redisSentinels, u"127.0.0.1:26379,10.0.0.2:26380"_s);
    QVERIFY(!parse({}).value().usesRedis());
}

void TestServerConfig::redisPasswordFile()
{
    QTemporaryDir dir;
    QFile f(dir.filePath(u"redis-password"_s));
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("s3cret pass\n");
    f.close();
    QVERIFY(f.setPermissions(QFile::ReadOwner | QFile::WriteOwner));
    const QStringList args {u"--redis"_s, u"redis://127.0.0.1:6379"_s, u"--redis-password-file"_s,
                            f.fileName()};
    const auto c = parse(args);
    QVERIFY(c.ok());
    QCOMPARE(c->redisPassword, QByteArray("s3cret pass"));
    // A file others may read is refused: the secret would not be the service user's alone.
    // The environment wins over the file (and is how a service manager passes it).
    qputenv("ENCORE_REDIS_PASSWORD", "from-env");
    const auto fromEnv = parse(args);
    qunsetenv("ENCORE_REDIS_PASSWORD");
    QVERIFY(fromEnv.ok());
    QCOMPARE(fromEnv->redisPassword, QByteArray("from-env"));
    QVERIFY(f.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ReadOther));
    QVERIFY(!parse(args).ok());
}

void TestServerConfig::redisRejects_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addRow("TLS to Redis") << QStringList {u"--redis"_s, u"rediss://h:6380"_s};
    QTest::addRow("not a redis URL") << QStringList {u"--redis"_s, u"http://h:6379"_s};
    QTest::addRow("both a URL and sentinels")
        << QStringList {u"--redis"_s, u"redis://h:6379"_s, u"--redis-sentinel"_s, u"h:26379"_s};
    QTest::addRow("sentinel without port") << QStringList {u"--redis-sentinel"_s, u"h"_s};
    QTest::addRow("sentinel bad port") << QStringList {u"--redis-sentinel"_s, u"h:1,h:99999"_s};
    QTest::addRow("password file missing")
        << QStringList {u"--redis"_s, u"redis://h:6379"_s, u"--redis-password-file"_s,
                        u"/nonexistent/encore-redis-password"_s};
}

void TestServerConfig::redisRejects()
{
    QFETCH(QStringList, args);
    const auto c = parse(args);
    QVERIFY(!c.ok());
    QCOMPARE(c.error().codeName(), u"VALIDATION_FAILED"_s);
}

void TestServerConfig::databaseHostList()
{
    using encore::server::ConnectionParams;
    const auto multi = ConnectionParams::fromUrl(
        u"postgresql://encore:p%40ss@10.0.0.1:5433,[::1],db3:6000/shop"_s);
    QVERIFY(multi.ok());
    QCOMPARE(multi->host, u"10.0.0.1,::1,db3"_s);
    QCOMPARE(multi->portList, u"5433,5432,6000"_s);
    QCOMPARE(multi->port, 5433);
    QCOMPARE(multi->user, u"encore"_s);
    QCOMPARE(multi->password, u"p@ss"_s);
    QCOMPARE(multi->database, u"shop"_s);
    // Several hosts: only the primary (the one that accepts writes) will do.
    QCOMPARE(multi->targetSessionAttrs, u"read-write"_s);
    QVERIFY(!multi->describe().contains(u"p@ss"_s));

    const auto single = ConnectionParams::fromUrl(u"postgresql://u@h:5000/d"_s);
    QVERIFY(single.ok());
    QCOMPARE(single->host, u"h"_s);
    QCOMPARE(single->port, 5000);
    QVERIFY(single->portList.isEmpty());
    QVERIFY(single->targetSessionAttrs.isEmpty());

    const auto chosen
        = ConnectionParams::fromUrl(u"postgresql://u@h/d?target_session_attrs=primary"_s);
    QVERIFY(chosen.ok());
    QCOMPARE(chosen->targetSessionAttrs, u"primary"_s);
    QVERIFY(!ConnectionParams::fromUrl(u"postgresql://u@h/d?target_session_attrs=any-old"_s));
    QVERIFY(parse({u"--database"_s, u"postgresql://u@a:5432,b:5433/db"_s}).ok());
}

void TestServerConfig::paymentGateway_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<bool>("valid");
    QTest::addRow("sandbox on loopback") << u"http://127.0.0.1:8090"_s << true;
    QTest::addRow("localhost") << u"http://localhost:8090"_s << true;
    QTest::addRow("https anywhere") << u"https://api.tosspayments.com"_s << true;
    QTest::addRow("plain http elsewhere") << u"http://10.1.2.3:8090"_s << false;
    QTest::addRow("not http") << u"ftp://127.0.0.1"_s << false;
    QTest::addRow("not a url") << u"::"_s << false;
}

// Card payment traffic is encrypted, except to a gateway on this machine (the sandbox).
void TestServerConfig::paymentGateway()
{
    QFETCH(QString, url);
    QFETCH(bool, valid);
    const auto c = ServerConfig::parse({u"encore-server"_s, u"--payment-gateway"_s, url});
    QCOMPARE(c.ok(), valid);
    if (valid)
        QCOMPARE(c->paymentGateway, url);
}

// Secrets come from the environment (never needed on the command line); an option wins.
void TestServerConfig::paymentSecretsFromEnvironment()
{
    qputenv("ENCORE_PAYMENT_SECRET_KEY", "sk-from-env");
    qputenv("ENCORE_PAYMENT_WEBHOOK_SECRET", "wh-from-env");
    qputenv("ENCORE_PAYMENT_CLIENT_KEY", "ck-from-env");
    const auto fromEnv = ServerConfig::parse({u"encore-server"_s});
    QVERIFY(fromEnv.ok());
    QCOMPARE(fromEnv->paymentSecretKey, QByteArray("sk-from-env"));
    QCOMPARE(fromEnv->paymentWebhookSecret, QByteArray("wh-from-env"));
    QCOMPARE(fromEnv->paymentClientKey, u"ck-from-env"_s);
    const auto fromFlag
        = ServerConfig::parse({u"encore-server"_s, u"--payment-secret-key"_s, u"sk-flag"_s});
    QCOMPARE(fromFlag->paymentSecretKey, QByteArray("sk-flag"));
    qunsetenv("ENCORE_PAYMENT_SECRET_KEY");
    qunsetenv("ENCORE_PAYMENT_WEBHOOK_SECRET");
    qunsetenv("ENCORE_PAYMENT_CLIENT_KEY");
}

QTEST_GUILESS_MAIN(TestServerConfig)
#include "tst_serverconfig.moc"
