#include "scriptedhttpserver.h"

#include <QTcpSocket>

namespace encore::test {

namespace {
constexpr qsizetype kMaxHead = 64 * 1024;

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 401:
        return "Unauthorized";
    case 429:
        return "Too Many Requests";
    case 502:
        return "Bad Gateway";
    case 503:
        return "Service Unavailable";
    default:
        return "Status";
    }
}
} // namespace

ScriptedReply ScriptedReply::http(int status, const QByteArray &contentType, const QByteArray &body,
                                  const QList<QPair<QByteArray, QByteArray>> &headers)
{
    QByteArray raw = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase(status)
        + "\r\nContent-Type: " + contentType
        + "\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\nConnection: close\r\n";
    for (const auto &[name, value] : headers)
        raw += name + ": " + value + "\r\n";
    raw += "\r\n" + body;
    return {raw, false};
}

ScriptedReply ScriptedReply::dropConnection()
{
    return {{}, true};
}

QByteArray ScriptedRequest::header(const QByteArray &name) const
{
    for (const auto &[n, v] : headers) {
        if (n == name.toLower())
            return v;
    }
    return {};
}

ScriptedHttpServer::ScriptedHttpServer(QObject *parent)
    : QObject(parent)
{
    connect(&m_server, &QTcpServer::newConnection, this, &ScriptedHttpServer::onConnection);
}

ScriptedHttpServer::~ScriptedHttpServer() = default;

bool ScriptedHttpServer::listen()
{
    return m_server.listen(QHostAddress::LocalHost, 0);
}

quint16 ScriptedHttpServer::port() const
{
    return m_server.serverPort();
}

QString ScriptedHttpServer::baseUrl() const
{
    return QStringLiteral("http://127.0.0.1:%1").arg(port());
}

void ScriptedHttpServer::setReplies(const QList<ScriptedReply> &replies)
{
    m_replies = replies;
    m_served = 0;
}

void ScriptedHttpServer::onConnection()
{
    while (QTcpSocket *socket = m_server.nextPendingConnection()) {
        socket->setParent(this);
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
        connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
            m_buffers.remove(socket);
            socket->deleteLater();
        });
    }
}

void ScriptedHttpServer::onReadyRead(QTcpSocket *socket)
{
    QByteArray &buffer = m_buffers[socket];
    buffer += socket->readAll();
    const qsizetype headEnd = buffer.indexOf("\r\n\r\n");
    if (headEnd < 0) {
        if (buffer.size() > kMaxHead)
            socket->abort();
        return;
    }
    ScriptedRequest request;
    const QList<QByteArray> lines = buffer.left(headEnd).split('\n');
    const QList<QByteArray> start = lines.value(0).trimmed().split(' ');
    request.method = start.value(0);
    request.path = start.value(1);
    qsizetype length = 0;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const qsizetype colon = lines[i].indexOf(':');
        if (colon < 0)
            continue;
        const QByteArray name = lines[i].left(colon).trimmed().toLower();
        const QByteArray value = lines[i].mid(colon + 1).trimmed();
        request.headers.append({name, value});
        if (name == "content-length")
            length = value.toLongLong();
    }
    if (buffer.size() < headEnd + 4 + length)
        return; // the body is still coming
    request.body = buffer.mid(headEnd + 4, length);
    buffer.clear();
    m_requests.append(request);

    ++m_served;
    const ScriptedReply reply = m_replies.isEmpty()
        ? ScriptedReply::dropConnection()
        : m_replies.value(std::min(m_served, m_replies.size()) - 1);
    if (reply.drop) {
        socket->abort(); // the connection simply goes away
        return;
    }
    socket->write(reply.raw);
    socket->disconnectFromHost(); // Connection: close, after the bytes are written
}

} // namespace encore::test
