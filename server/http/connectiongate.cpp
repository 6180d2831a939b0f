#include "connectiongate.h"

#include "apierror.h"
#include "http/edgeserver.h"
#include "http/routeregistrar.h"
#include "metrics/metrics.h"

#include <QDeadlineTimer>
#include <QSslSocket>

#include <sys/socket.h>

using namespace Qt::StringLiterals;

namespace encore::server {

namespace {

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 400:
        return "Bad Request";
    case 413:
        return "Content Too Large";
    case 429:
        return "Too Many Requests";
    case 431:
        return "Request Header Fields Too Large";
    default:
        return "Service Unavailable";
    }
}

bool isHealthCheck(const QByteArray &method, QByteArray path)
{
    path.truncate(path.indexOf('?') < 0 ? path.size() : path.indexOf('?'));
    return (method == "GET" || method == "HEAD") && (path == "/healthz" || path == "/readyz");
}

} // namespace

ConnectionGate::ConnectionGate(QTcpSocket *socket, EdgeServer *server, const EdgeSettings &settings,
                               ConnectionBudget &budget, ConnectionBudget::Admission admission)
    : QObject(socket)
    , m_socket(socket)
    , m_server(server)
    , m_settings(settings)
    , m_budget(budget)
    , m_admission(admission)
    , m_peer(socket->peerAddress())
    , m_peerPort(socket->peerPort())
    , m_framer(settings.limits)
{
    m_deadline = now()
        + (admission == ConnectionBudget::Admission::Normal ? m_settings.requestTimeoutMs
                                                            : m_settings.shedTimeoutMs);
    m_state = qobject_cast<QSslSocket *>(socket) ? State::Handshake : State::Http;
    // A socket QHttpServer never adopted (a TLS handshake that failed) is ours to delete.
    connect(socket, &QTcpSocket::disconnected, this, [this] {
        if (!m_handedOver)
            m_socket->deleteLater();
    });
}

ConnectionGate::~ConnectionGate()
{
    if (m_server)
        m_server->forget(this);
    m_budget.release(m_peer);
}

qint64 ConnectionGate::now()
{
    return QDeadlineTimer::current().deadline();
}

void ConnectionGate::attachBeforeServer()
{
    connect(m_socket, &QTcpSocket::readyRead, this, &ConnectionGate::beforeRead);
}

void ConnectionGate::attachAfterServer()
{
    m_handedOver = true;
    if (m_state == State::Handshake)
        m_state = State::Http;
    connect(m_socket, &QTcpSocket::readyRead, this, &ConnectionGate::afterRead);
    connect(m_socket, &QTcpSocket::bytesWritten, this, &ConnectionGate::onBytesWritten);
}

void ConnectionGate::takeOverForWebSocket()
{
    // QHttpServer would hand the socket to its own QWebSocketServer, after disconnecting every
    // readyRead slot (ours too). Upgrading it here instead keeps this slot first in line.
    disconnect(m_socket, &QTcpSocket::readyRead, nullptr, nullptr);
    disconnect(m_socket, &QTcpSocket::bytesWritten, this, nullptr);
    if (m_socket->isTransactionStarted())
        m_socket->rollbackTransaction(); // the handshake is read again, from its first byte
    connect(m_socket, &QTcpSocket::readyRead, this, &ConnectionGate::beforeRead);
    m_state = State::WebSocket;
    m_scanned = m_socket->bytesAvailable(); // all framed already (head, then any frames)
    m_deadline = now() + m_settings.requestTimeoutMs; // the handshake must finish
    if (m_server)
        m_server->upgrade(this, m_socket);
}

void ConnectionGate::watchWebSocket()
{
    m_deadline = 0; // the live hub owns the socket's lifetime from here
    // Qt 6.4's QWebSocket reads in a direct readyRead slot connected after beforeRead(): this
    // one, connected after it, says how much of the buffer it left (framed already).
    m_scanned = m_socket->bytesAvailable();
    connect(m_socket, &QTcpSocket::readyRead, this,
            [this] { m_scanned = m_socket->bytesAvailable(); });
}

void ConnectionGate::beforeRead()
{
    if (m_state == State::Closing) {
        m_socket->readAll(); // lingering: discard
        return;
    }
    const qint64 available = m_socket->bytesAvailable();
    // In HTTP, QHttpServer reads everything inside a transaction, so peek() shows only the
    // bytes that arrived since; in WebSocket mode the unread front was framed before.
    QByteArray data = m_socket->peek(available);
    if (m_state == State::WebSocket) {
        data.remove(0, std::min<qsizetype>(m_scanned, data.size()));
        m_scanned = available;
    }
    if (m_answerPending) {
        // A request sent before the pending answer: answering it now would put it first.
        return answerAndLinger(ApiError(ErrorCode::BadRequest, Msg::AnswerPending));
    }
    const bool wasMidRequest = m_framer.midRequest();
    const qint64 completedBefore = m_framer.completedRequests();
    const auto verdict = m_framer.feed(data);
    if (verdict == RequestFramer::Verdict::UnmaskedFrame
        || (verdict != RequestFramer::Verdict::Ok && m_state == State::WebSocket))
        return failWebSocket();
    if (verdict != RequestFramer::Verdict::Ok)
        return refuse(verdict);
    if (m_state == State::WebSocket)
        return;
    if (m_admission != ConnectionBudget::Admission::Normal && m_framer.headComplete()) {
        if (!isHealthCheck(m_framer.head().method, m_framer.head().path))
            return refuseShed();
        m_closeAfterResponse = true; // one health check per over-budget connection
    }
    if (m_framer.midRequest() && !wasMidRequest
        && m_admission == ConnectionBudget::Admission::Normal)
        m_deadline = now() + m_settings.requestTimeoutMs;
    const qint64 completed = m_framer.completedRequests() - completedBefore;
    m_pipelinedRead = completed > 1 || (completed == 1 && m_framer.midRequest());
    if (completed > 0) {
        if (m_framer.head().closeAfter)
            m_closeAfterResponse = true;
        if (m_framer.phase() == RequestFramer::Phase::WebSocket)
            return takeOverForWebSocket();
        if (!m_framer.midRequest())
            m_deadline = now() + m_settings.idleTimeoutMs;
    }
}

bool ConnectionGate::holdForAnswer()
{
    if (m_pipelinedRead || m_state != State::Http)
        return false;
    m_answerPending = true;
    m_deadline = now() + m_settings.requestTimeoutMs; // the answer's own wait is bounded
    return true;
}

bool ConnectionGate::releaseForAnswer()
{
    if (!m_answerPending || m_state != State::Http
        || m_socket->state() != QAbstractSocket::ConnectedState)
        return false;
    m_answerPending = false;
    m_deadline = now() + m_settings.idleTimeoutMs;
    return true;
}

void ConnectionGate::answered()
{
    if (m_closeAfterResponse)
        m_socket->disconnectFromHost();
}

ConnectionGate *ConnectionGate::of(QTcpSocket *socket)
{
    return socket ? socket->findChild<ConnectionGate *>(QString(), Qt::FindDirectChildrenOnly)
                  : nullptr;
}

void ConnectionGate::afterRead()
{
    // QHttpServer answered synchronously: the answer is queued, close once it is sent.
    if (m_closeAfterResponse && !m_framer.midRequest() && m_socket->bytesToWrite() > 0)
        m_socket->disconnectFromHost();
}

void ConnectionGate::onBytesWritten()
{
    if (m_state == State::Closing) {
        if (m_socket->bytesToWrite() > 0)
            return;
        // Answer sent: half-close so the client sees the end, keep discarding what it still
        // sends until it closes or the linger time ends (closing with unread data would reset
        // the connection and could destroy the answer in flight).
        if (qobject_cast<QSslSocket *>(m_socket))
            m_socket->disconnectFromHost();
        else
            ::shutdown(int(m_socket->socketDescriptor()), SHUT_WR);
        return;
    }
    // An answer written later (an asynchronous route) to a request that asked to close.
    if (m_closeAfterResponse && !m_framer.midRequest()
        && m_socket->state() == QAbstractSocket::ConnectedState)
        m_socket->disconnectFromHost();
}

void ConnectionGate::refuse(RequestFramer::Verdict verdict)
{
    ApiError error(ErrorCode::BadRequest);
    QString reason = u"malformed"_s;
    if (verdict == RequestFramer::Verdict::HeadersTooLarge) {
        error = ApiError(ErrorCode::HeadersTooLarge,
                         QJsonObject {{u"maxBytes"_s, m_settings.limits.maxHeaderBytes},
                                      {u"maxLines"_s, m_settings.limits.maxHeaderLines}});
        reason = u"headers_too_large"_s;
    } else if (verdict == RequestFramer::Verdict::BodyTooLarge) {
        error = ApiError(ErrorCode::PayloadTooLarge,
                         QJsonObject {{u"maxBytes"_s, m_settings.limits.maxBodyBytes}});
        reason = u"payload_too_large"_s;
    }
    Metrics::instance().increment(u"encore_edge_refused_total"_s, u"reason=\"%1\""_s.arg(reason));
    answerAndLinger(error);
}

void ConnectionGate::refuseShed()
{
    const bool total = m_admission == ConnectionBudget::Admission::OverTotal;
    Metrics::instance().increment(u"encore_edge_refused_total"_s,
                                  total ? u"reason=\"over_connections\""_s
                                        : u"reason=\"over_address_connections\""_s);
    const ApiError error = ApiError(total ? ErrorCode::Unavailable : ErrorCode::RateLimited,
                                    total ? Msg::ServerAtConnectionLimit : Msg::TooManyConnections,
                                    {}, {{api::details::kRetryAfterSeconds, 1}});
    answerAndLinger(error);
}

void ConnectionGate::answerAndLinger(const ApiError &error)
{
    // QHttpServer must not parse another byte of this request: take the socket back.
    disconnect(m_socket, &QTcpSocket::readyRead, nullptr, nullptr);
    if (m_socket->isTransactionStarted())
        m_socket->commitTransaction();
    m_socket->readAll();
    connect(m_socket, &QTcpSocket::readyRead, this, &ConnectionGate::beforeRead);
    if (!m_handedOver)
        connect(m_socket, &QTcpSocket::bytesWritten, this, &ConnectionGate::onBytesWritten);
    m_state = State::Closing;
    m_deadline = now() + m_settings.lingerMs;

    const QString requestId = RouteRegistrar::newRequestId();
    // A head cut short (431) has told us nothing reliable: English then.
    const bool headRead = m_framer.headComplete();
    const Reply reply = RouteRegistrar::errorReply(
        error, requestId, headRead ? m_framer.head().language : Language::English);
    const bool head = headRead && m_framer.head().method == "HEAD";
    QByteArray response = "HTTP/1.1 " + QByteArray::number(reply.status) + ' '
        + reasonPhrase(reply.status) + "\r\nContent-Type: " + reply.contentType
        + "\r\nX-Request-Id: " + requestId.toLatin1()
        + "\r\nCache-Control: no-store\r\nConnection: close\r\nContent-Length: "
        + QByteArray::number(head ? 0 : reply.body.size()) + "\r\n";
    if (qobject_cast<QSslSocket *>(m_socket))
        response += "Strict-Transport-Security: " + QByteArray(RouteRegistrar::kHsts) + "\r\n";
    for (const auto &h : reply.headers)
        response += h.first + ": " + h.second + "\r\n";
    response += "\r\n";
    if (!head)
        response += reply.body;
    m_socket->write(response);
}

void ConnectionGate::failWebSocket()
{
    Metrics::instance().increment(u"encore_edge_refused_total"_s,
                                  u"reason=\"websocket_protocol\""_s);
    // RFC 6455 §7.1.7: fail the connection — a Close frame with 1002 (protocol error), then
    // close. Server frames are never masked.
    disconnect(m_socket, &QTcpSocket::readyRead, nullptr, nullptr);
    m_socket->readAll();
    m_socket->write(QByteArray::fromHex("880203ea"));
    m_state = State::Closing;
    m_deadline = now() + m_settings.lingerMs;
    m_socket->disconnectFromHost();
}

void ConnectionGate::checkDeadline(qint64 nowMs)
{
    if (m_deadline == 0 || nowMs < m_deadline)
        return;
    m_deadline = 0;
    if (m_state == State::WebSocket)
        return;
    const bool idle = m_state == State::Http && !m_framer.midRequest()
        && m_admission == ConnectionBudget::Admission::Normal;
    Metrics::instance().increment(u"encore_edge_timeouts_total"_s,
                                  idle ? u"kind=\"idle\""_s : u"kind=\"request\""_s);
    if (idle)
        m_socket->disconnectFromHost(); // a quiet keep-alive connection: close politely
    else
        m_socket->abort(); // a slow or unfinished request, or a linger that ran out
}

} // namespace encore::server
