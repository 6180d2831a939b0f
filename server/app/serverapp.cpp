#include "serverapp.h"

#include "app/backgroundjobs.h"
#include "auth/passwordhasher.h"
#include "embedded/embeddedpostgres.h"
#include "http/connectionbudget.h"
#include "http/edgeserver.h"
#include "http/httpworker.h"
#include "http/workpool.h"
#include "live/notificationlistener.h"
#include "metrics/metrics.h"
#include "services/demodata.h"
#include "services/services.h"
#include "storage/database.h"
#include "storage/migrator.h"

#include <QCoreApplication>
#include <QFile>
#include <QHttpServer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QSaveFile>
#include <QSocketNotifier>
#include <QSslCertificate>
#include <QSslCipher>
#include <QSslKey>
#include <QTextStream>

#include <csignal>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcApp, "encore.server")

namespace encore::server {

namespace {

// Scrapers are few: a small cap keeps a flood on the metrics address from costing memory.
constexpr int kMetricsConnections = 32;

int g_signalPipe[2] = {-1, -1};

void onSignal(int)
{
    const char byte = 1;
    [[maybe_unused]] const auto n = ::write(g_signalPipe[1], &byte, 1);
}

// Quits the event loop on SIGINT/SIGTERM (the handler only writes to a pipe).
void installSignalHandlers()
{
    ::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, g_signalPipe);
    auto *notifier = new QSocketNotifier(g_signalPipe[0], QSocketNotifier::Read, qApp);
    QObject::connect(notifier, &QSocketNotifier::activated, qApp, [] {
        char byte;
        [[maybe_unused]] const auto n = ::read(g_signalPipe[0], &byte, 1);
        qCInfo(lcApp) << "stopping";
        QCoreApplication::quit();
    });
    struct sigaction sa { };
    sa.sa_handler = onSignal;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_RESTART;
    ::sigaction(SIGINT, &sa, nullptr);
    ::sigaction(SIGTERM, &sa, nullptr);
}

std::optional<QSslConfiguration> loadTls(const ServerConfig &config, QString *error)
{
    if (!config.tlsEnabled())
        return std::nullopt;
    QFile certFile(config.tlsCert);
    QFile keyFile(config.tlsKey);
    if (!certFile.open(QIODevice::ReadOnly) || !keyFile.open(QIODevice::ReadOnly)) {
        *error = u"cannot read the TLS certificate or key"_s;
        return std::nullopt;
    }
    const auto chain = QSslCertificate::fromData(certFile.readAll(), QSsl::Pem);
    const QByteArray keyPem = keyFile.readAll();
    QSslKey key(keyPem, QSsl::Rsa, QSsl::Pem);
    if (key.isNull())
        key = QSslKey(keyPem, QSsl::Ec, QSsl::Pem);
    if (chain.isEmpty() || key.isNull()) {
        *error = u"the TLS certificate or key is not valid PEM"_s;
        return std::nullopt;
    }
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setLocalCertificateChain(chain);
    tls.setPrivateKey(key);
    tls.setProtocol(QSsl::TlsV1_2OrLater);
    // Forward secrecy and AEAD only: every TLS 1.3 suite, and TLS 1.2's ECDHE/DHE with GCM or
    // ChaCha20-Poly1305 (no static-RSA key exchange, no CBC).
    QList<QSslCipher> ciphers;
    for (const QSslCipher &c : QSslConfiguration::supportedCiphers()) {
        const QString name = c.name();
        const bool tls13 = name.startsWith(u"TLS_"_s);
        const bool forwardSecret = name.startsWith(u"ECDHE-"_s) || name.startsWith(u"DHE-"_s);
        const bool aead = name.contains(u"GCM"_s) || name.contains(u"CHACHA20"_s);
        if (tls13 || (forwardSecret && aead))
            ciphers.append(c);
    }
    tls.setCiphers(ciphers);
    tls.setPeerVerifyMode(QSslSocket::VerifyNone);
    return tls;
}

struct DatabaseSetup {
    std::unique_ptr<EmbeddedPostgres> embedded;
    std::optional<ConnectionParams> params;
    QString error;
};

DatabaseSetup setUpDatabase(const ServerConfig &config)
{
    DatabaseSetup setup;
    if (!config.databaseUrl.isEmpty()) {
        auto p = ConnectionParams::fromUrl(config.databaseUrl);
        if (!p)
            setup.error = p.error().message;
        else
            setup.params = p.value();
        return setup;
    }
    if (auto env = ConnectionParams::fromLibpqEnvironment()) {
        setup.params = env;
        return setup;
    }
    EmbeddedPostgres::Options options;
    options.clusterDir = config.dataDir + u"/postgres"_s;
    setup.embedded = std::make_unique<EmbeddedPostgres>(options);
    qCInfo(lcApp).noquote() << "starting the embedded PostgreSQL in" << options.clusterDir;
    auto p = setup.embedded->start();
    if (!p)
        setup.error = p.error().message;
    else
        setup.params = p.value();
    return setup;
}

QString readPassword()
{
    const QString fromEnv = qEnvironmentVariable("ENCORE_STAFF_PASSWORD");
    if (!fromEnv.isEmpty())
        return fromEnv;
    QTextStream in(stdin);
    return in.readLine().trimmed();
}

// Migrates, then runs the start-up step; false (after saying why) when either fails.
bool prepare(Database &db, const std::function<void()> &step)
{
    try {
        Migrator::migrate(db);
        step();
        return true;
    } catch (const ApiError &e) {
        qCCritical(lcApp).noquote() << e.message;
    } catch (const DbError &e) {
        qCCritical(lcApp).noquote() << "database:" << e.what();
    }
    return false;
}

// Every connection costs a descriptor: take the hard limit the system allows (the connection
// budget is derived from it, below it, so accept() never runs out).
void raiseDescriptorLimit()
{
    rlimit limit {};
    if (::getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur < limit.rlim_max) {
        limit.rlim_cur = limit.rlim_max;
        ::setrlimit(RLIMIT_NOFILE, &limit);
    }
}

} // namespace

ServerApp::ServerApp(ServerConfig config)
    : m_config(std::move(config))
{
}

int ServerApp::createStaff()
{
    if (!PasswordHasher::initialize())
        return 1;
    DatabaseSetup setup = setUpDatabase(m_config);
    if (!setup.params) {
        qCCritical(lcApp).noquote() << "database:" << setup.error;
        return 1;
    }
    Database db(*setup.params);
    Services services(db, m_config);
    const bool ready = prepare(db, [&] {
        if (!services.auth.ensureStaff(m_config.createStaff, readPassword()))
            throw ApiError::withText(
                ErrorCode::Conflict,
                u"user %1 exists with another password"_s.arg(m_config.createStaff));
    });
    if (!ready)
        return 1;
    qCInfo(lcApp).noquote() << "staff account ready:" << m_config.createStaff;
    db.closeThreadConnection();
    return 0;
}

int ServerApp::run()
{
    if (!PasswordHasher::initialize()) {
        qCCritical(lcApp) << "libsodium failed to initialise";
        return 1;
    }
    installSignalHandlers();
    raiseDescriptorLimit();
    QString tlsError;
    const auto tls = loadTls(m_config, &tlsError);
    if (!tlsError.isEmpty()) {
        qCCritical(lcApp).noquote() << tlsError;
        return 1;
    }
    DatabaseSetup setup = setUpDatabase(m_config);
    if (!setup.params) {
        qCCritical(lcApp).noquote() << "database:" << setup.error;
        return 1;
    }
    qCInfo(lcApp).noquote() << "database" << setup.params->describe();
    Database db(*setup.params);
    Services services(db, m_config);
    const bool ready = prepare(db, [&] {
        const QString staff = qEnvironmentVariable("ENCORE_STAFF_USERNAME");
        if (!staff.isEmpty()
            && !services.auth.ensureStaff(staff, qEnvironmentVariable("ENCORE_STAFF_PASSWORD")))
            qCWarning(lcApp).noquote()
                << "ENCORE_STAFF_USERNAME" << staff << "exists with another password; left alone";
        if (m_config.demoData && DemoData::loadIfEmpty(services))
            qCInfo(lcApp).noquote() << "demo data loaded";
    });
    if (!ready)
        return 1;
    if (m_config.demoData)
        qCInfo(lcApp).noquote() << u"demo accounts: customer %1 / %2, staff %3 / %4"_s.arg(
            QString::fromUtf16(DemoAccounts::kCustomer),
            QString::fromUtf16(DemoAccounts::kCustomerPassword),
            QString::fromUtf16(DemoAccounts::kStaff),
            QString::fromUtf16(DemoAccounts::kStaffPassword));

    // All sockets are bound before any worker starts, so port 0 resolves once for all of them.
    const int workerCount = m_config.effectiveWorkers();
    std::vector<int> fds;
    quint16 port = m_config.port;
    for (int i = 0; i < workerCount; ++i) {
        QString error;
        const int fd = openReusePortSocket(m_config.listenAddress, port, &error);
        if (fd < 0) {
            qCCritical(lcApp).noquote()
                << "cannot listen on" << m_config.listenAddress.toString() << port << error;
            return 1;
        }
        port = boundPort(fd);
        fds.push_back(fd);
    }
    NotificationListener listener(*setup.params);
    // Any instance's seat change reaches this process's cached copy of that date (taken in, or
    // the copy dropped) and drops Redis's.
    QObject::connect(
        &listener, &NotificationListener::seatsChanged, &listener,
        [&services](const QByteArray &payload) { services.concerts.applySeatNotice(payload); },
        Qt::DirectConnection);
    // Sessions and turns cached by this process follow every instance's changes.
    QObject::connect(
        &listener, &NotificationListener::cacheNotice, &listener,
        [&services](const QByteArray &payload) { services.onCacheNotice(payload); },
        Qt::DirectConnection);
    QObject::connect(
        &listener, &NotificationListener::listening, &listener,
        [&services] { services.forgetCached(); }, Qt::DirectConnection);
    listener.start();
    ConnectionBudget budget(m_config.effectiveMaxConnections(), m_config.maxConnectionsPerAddress,
                            m_config.trustedProxies);
    qCInfo(lcApp).noquote() << "connections: at most" << budget.maxConnections() << "(+"
                            << budget.overflowSlots() << "for health checks),"
                            << m_config.maxConnectionsPerAddress << "per address";
    std::vector<std::unique_ptr<HttpWorker>> workers;
    for (int i = 0; i < workerCount; ++i) {
        workers.push_back(std::make_unique<HttpWorker>(i, fds[std::size_t(i)], services, m_config,
                                                       tls, listener, budget));
        if (!workers.back()->start())
            return 1;
    }
    BackgroundJobs jobs(services);
    jobs.start();

    if (!m_config.portFile.isEmpty()) {
        QSaveFile f(m_config.portFile);
        f.open(QIODevice::WriteOnly);
        f.write(QByteArray::number(port) + '\n');
        f.commit();
    }
    // Scrapers read /metrics on a private address of its own, without a session — behind the
    // same edge as the API (limits, timeouts, a small connection cap of its own).
    QHttpServer metricsServer;
    ConnectionBudget metricsBudget(kMetricsConnections, kMetricsConnections / 4, {});
    if (m_config.metricsPort >= 0) {
        metricsServer.route(u"/metrics"_s, QHttpServerRequest::Method::Get, [] {
            return QHttpServerResponse("text/plain; version=0.0.4", Metrics::instance().render());
        });
        auto *edge
            = new EdgeServer(edgeSettingsOf(m_config), metricsBudget, std::nullopt, &metricsServer);
        const quint16 metricsPort
            = edge->listen(m_config.metricsAddress, quint16(m_config.metricsPort))
            ? edge->serverPort()
            : 0;
        metricsServer.bind(edge);
        if (metricsPort == 0) {
            qCCritical(lcApp).noquote()
                << "cannot listen on --metrics-listen" << m_config.metricsAddress.toString();
            return 1;
        }
        qCInfo(lcApp).noquote() << u"metrics on http://%1:%2/metrics"_s
                                       .arg(m_config.metricsAddress.toString())
                                       .arg(metricsPort);
    }
    const QString scheme = tls ? u"https"_s : u"http"_s;
    QString host = m_config.listenAddress.toString();
    if (m_config.listenAddress.protocol() == QAbstractSocket::IPv6Protocol)
        host = u"["_s + host + u"]"_s;
    qCInfo(lcApp).noquote() << u"listening on %1://%2:%3 with %4 workers"_s.arg(scheme, host)
                                   .arg(port)
                                   .arg(workerCount);

    const int rc = QCoreApplication::exec();
    // No hash or decision may finish into a worker that is gone.
    passwordHashPool().drain();
    services.decisions.drain();
    for (auto &w : workers)
        w->stop();
    jobs.stop();
    listener.stop();
    db.closeThreadConnection();
    qCInfo(lcApp) << "stopped";
    return rc;
}

} // namespace encore::server
