#include "edgeserver.h"

#include "metrics/metrics.h"

#include <QDeadlineTimer>
#include <QLoggingCategory>
#include <QPointer>
#include <QSslSocket>

#include <unistd.h>

Q_DECLARE_LOGGING_CATEGORY(lcHttp)

using namespace Qt::StringLiterals;

namespace encore::server {

namespace {
constexpr int kSweepMs = 200;
constexpr int kAcceptPauseMs = 100;
} // namespace

EdgeServer::EdgeServer(const EdgeSettings &settings, ConnectionBudget &budget,
                       std::optional<QSslConfiguration> tls, QObject *parent)
    : QTcpServer(parent)
    , m_settings(settings)
    , m_budget(budget)
    , m_tls(std::move(tls))
    , m_webSockets(u"encore-server"_s,
                   m_tls ? QWebSocketServer::SecureMode : QWebSocketServer::NonSecureMode)
{
    // QHttpServer takes each connection as soon as it is offered; the queue never fills.
    setMaxPendingConnections(1 << 20);
    m_sweep.setInterval(kSweepMs);
    connect(&m_sweep, &QTimer::timeout, this, &EdgeServer::sweep);
    m_sweep.start();
    // Out of descriptors (EMFILE) or memory: pause briefly instead of spinning on accept.
    connect(this, &QTcpServer::acceptError, this, [this](QAbstractSocket::SocketError error) {
        qCWarning(lcHttp) << "accept failed:" << error << "- pausing" << kAcceptPauseMs << "ms";
        pauseAccepting();
        QTimer::singleShot(kAcceptPauseMs, this, [this] { resumeAccepting(); });
    });
}

EdgeServer::~EdgeServer()
{
    for (ConnectionGate *gate : std::as_const(m_gates))
        gate->detachFromServer();
}

void EdgeServer::forget(ConnectionGate *gate)
{
    m_gates.remove(gate);
    m_upgrading.removeOne(gate);
}

void EdgeServer::upgrade(ConnectionGate *gate, QTcpSocket *socket)
{
    m_upgrading.append(gate);
    // Outside the readyRead emission that saw the head, so the handshake slot is called.
    QMetaObject::invokeMethod(
        this,
        [this, socket = QPointer<QTcpSocket>(socket)] {
            if (!socket)
                return;
            m_webSockets.handleConnection(socket);
            if (socket->bytesAvailable() > 0)
                Q_EMIT socket->readyRead();
        },
        Qt::QueuedConnection);
}

ConnectionGate *EdgeServer::takeUpgraded(const QHostAddress &peer, quint16 port)
{
    for (qsizetype i = 0; i < m_upgrading.size(); ++i) {
        ConnectionGate *gate = m_upgrading.at(i);
        if (gate->peerPort() == port && gate->peerAddress() == peer)
            return m_upgrading.takeAt(i);
    }
    return nullptr;
}

void EdgeServer::incomingConnection(qintptr handle)
{
    QTcpSocket *socket = m_tls ? new QSslSocket(this) : new QTcpSocket(this);
    if (!socket->setSocketDescriptor(handle)) {
        ::close(int(handle));
        delete socket;
        return;
    }
    const auto admission = m_budget.acquire(socket->peerAddress());
    if (admission == ConnectionBudget::Admission::Refused) {
        Metrics::instance().increment(u"encore_edge_refused_total"_s,
                                      u"reason=\"over_overflow\""_s);
        socket->abort();
        socket->deleteLater();
        return;
    }
    // Qt buffers at most one allowed request; beyond that the kernel pushes back on the client.
    socket->setReadBufferSize(m_settings.limits.maxBodyBytes + m_settings.limits.maxHeaderBytes
                              + 64 * 1024);
    auto *gate = new ConnectionGate(socket, this, m_settings, m_budget, admission);
    m_gates.insert(gate);
    gate->attachBeforeServer();
    if (!m_tls) {
        handOver(socket, gate);
        return;
    }
    auto *ssl = static_cast<QSslSocket *>(socket);
    ssl->setSslConfiguration(*m_tls);
    connect(ssl, &QSslSocket::encrypted, this, [this, ssl, gate] {
        ssl->disconnect(this);
        handOver(ssl, gate);
    });
    ssl->startServerEncryption();
}

void EdgeServer::handOver(QTcpSocket *socket, ConnectionGate *gate)
{
    addPendingConnection(socket); // QHttpServer connects its slots synchronously in here
    gate->attachAfterServer();
}

void EdgeServer::sweep()
{
    const qint64 now = QDeadlineTimer::current().deadline();
    // checkDeadline may close (and so forget) gates: iterate over a copy.
    const QList<ConnectionGate *> gates = m_gates.values();
    for (ConnectionGate *gate : gates) {
        if (m_gates.contains(gate))
            gate->checkDeadline(now);
    }
}

} // namespace encore::server
