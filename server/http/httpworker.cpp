#include "httpworker.h"

#include "apipaths.h"
#include "config/serverconfig.h"
#include "http/apiroutes.h"
#include "http/edgeserver.h"
#include "http/routeregistrar.h"
#include "live/livehub.h"
#include "live/notificationlistener.h"
#include "services/services.h"
#include "storage/database.h"

#include <QEventLoop>
#include <QHttpServer>
#include <QLoggingCategory>
#include <QWebSocket>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <future>

using namespace Qt::StringLiterals;

Q_DECLARE_LOGGING_CATEGORY(lcHttp)

namespace encore::server {

int openReusePortSocket(const QHostAddress &address, quint16 port, QString *error)
{
    const bool v6 = address.protocol() == QAbstractSocket::IPv6Protocol;
    const int fd = ::socket(v6 ? AF_INET6 : AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0) {
        *error = QString::fromLocal8Bit(strerror(errno));
        return -1;
    }
    const int one = 1;
    ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    ::setsockopt(fd, SOL_SOCKET, SO_REUSEPORT, &one, sizeof one);
    int rc;
    if (v6) {
        sockaddr_in6 sa {};
        sa.sin6_family = AF_INET6;
        sa.sin6_port = htons(port);
        const Q_IPV6ADDR a = address.toIPv6Address();
        memcpy(&sa.sin6_addr, &a, sizeof a);
        rc = ::bind(fd, reinterpret_cast<sockaddr *>(&sa), sizeof sa);
    } else {
        sockaddr_in sa {};
        sa.sin_family = AF_INET;
        sa.sin_port = htons(port);
        sa.sin_addr.s_addr = htonl(address.toIPv4Address());
        rc = ::bind(fd, reinterpret_cast<sockaddr *>(&sa), sizeof sa);
    }
    if (rc != 0 || ::listen(fd, 1024) != 0) {
        *error = QString::fromLocal8Bit(strerror(errno));
        ::close(fd);
        return -1;
    }
    return fd;
}

quint16 boundPort(int fd)
{
    sockaddr_storage ss {};
    socklen_t len = sizeof ss;
    ::getsockname(fd, reinterpret_cast<sockaddr *>(&ss), &len);
    if (ss.ss_family == AF_INET6)
        return ntohs(reinterpret_cast<sockaddr_in6 *>(&ss)->sin6_port);
    return ntohs(reinterpret_cast<sockaddr_in *>(&ss)->sin_port);
}

EdgeSettings edgeSettingsOf(const ServerConfig &config)
{
    EdgeSettings edge;
    edge.limits = {config.maxBodyBytes, config.maxHeaderBytes, config.maxHeaderLines};
    edge.requestTimeoutMs = config.requestTimeoutSeconds * 1000;
    edge.idleTimeoutMs = config.idleTimeoutSeconds * 1000;
    return edge;
}

HttpWorker::HttpWorker(int index, int socketFd, Services &services, const ServerConfig &config,
                       std::optional<QSslConfiguration> tls, NotificationListener &listener,
                       ConnectionBudget &budget)
    : m_index(index)
    , m_socketFd(socketFd)
    , m_services(services)
    , m_config(config)
    , m_tls(std::move(tls))
    , m_listener(listener)
    , m_budget(budget)
{
}

HttpWorker::~HttpWorker()
{
    stop();
}

bool HttpWorker::start()
{
    std::promise<bool> ready;
    auto future = ready.get_future();
    m_thread.reset(QThread::create([this, &ready] {
        // Everything below lives on this thread: the server, its sockets, the DB connection.
        QHttpServer server;
        LiveHub hub(m_services);
        QObject::connect(&m_listener, &NotificationListener::seatsChanged, &hub,
                         &LiveHub::onSeatsChanged);
        QObject::connect(&m_listener, &NotificationListener::queueChanged, &hub,
                         &LiveHub::onQueueChanged);
        // Upgrades are done by the EdgeServer; this route answers plain requests with 426.
        server.route(
            api::live(), [](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
                if (request.value("Upgrade").compare("websocket", Qt::CaseInsensitive) == 0)
                    return;
                const QString requestId = RouteRegistrar::newRequestId();
                const Reply reply = RouteRegistrar::errorReply(
                    ApiError(ErrorCode::BadRequest, Msg::WebSocketOnly), requestId);
                responder.write(request.method() == QHttpServerRequest::Method::Head ? QByteArray()
                                                                                     : reply.body,
                                {{"Content-Type", reply.contentType},
                                 {"X-Request-Id", requestId.toLatin1()},
                                 {"Upgrade", "websocket"},
                                 {"Connection", "Upgrade"}},
                                QHttpServerResponder::StatusCode::UpgradeRequired);
            });
        QObject::connect(&m_listener, &NotificationListener::accountNotice, &hub,
                         &LiveHub::onAccountNotice);
        auto *tcp = new EdgeServer(edgeSettingsOf(m_config), m_budget, m_tls, &server);
        QWebSocketServer &webSockets = tcp->webSockets();
        QObject::connect(
            &webSockets, &QWebSocketServer::newConnection, &hub, [&webSockets, &hub, tcp] {
                while (webSockets.hasPendingConnections()) {
                    std::unique_ptr<QWebSocket> socket(webSockets.nextPendingConnection());
                    // The connection's gate keeps watching it, now for unmasked frames.
                    if (ConnectionGate *gate
                        = tcp->takeUpgraded(socket->peerAddress(), socket->peerPort()))
                        gate->watchWebSocket();
                    hub.adopt(std::move(socket));
                }
            });
        RouteRegistrar routes(server, m_config);
        registerApiRoutes(routes, m_services);
        if (!tcp->setSocketDescriptor(m_socketFd)) {
            qCCritical(lcHttp) << "worker" << m_index
                               << "cannot adopt its socket:" << tcp->errorString();
            ready.set_value(false);
            return;
        }
        server.bind(tcp);
        ready.set_value(true);
        QEventLoop loop; // QThread::quit() ends it
        loop.exec();
        m_services.db.closeThreadConnection();
    }));
    m_thread->setObjectName(u"http-%1"_s.arg(m_index));
    m_thread->start();
    return future.get();
}

void HttpWorker::stop()
{
    if (!m_thread)
        return;
    m_thread->quit();
    m_thread->wait();
    m_thread.reset();
}

} // namespace encore::server
