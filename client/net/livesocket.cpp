#include "livesocket.h"

#include "api/livemessage.h"
#include "net/apiclient.h"

#include "jsonreader.h"

#include <QJsonDocument>
#include <QWebSocket>

using namespace Qt::StringLiterals;

namespace encore {

LiveSocket::LiveSocket(ApiClient *api, QObject *parent)
    : QObject(parent)
    , m_api(api)
    , m_socket(new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, this))
{
    m_reconnectTimer.setSingleShot(true);
    connect(&m_reconnectTimer, &QTimer::timeout, this, &LiveSocket::open);
    m_silenceTimer.setSingleShot(true);
    connect(&m_silenceTimer, &QTimer::timeout, this, &LiveSocket::onSilence);
    connect(&m_pingTimer, &QTimer::timeout, m_socket, [this] { m_socket->ping(); });
    setHeartbeat(2000, 5000);
    connect(m_socket, &QWebSocket::pong, this, &LiveSocket::heardFromServer);
    // The server is back (a probe answered): no need to wait out the reconnect backoff.
    connect(m_api, &ApiClient::serverReachable, this, [this] {
        m_backoff.reset();
        if (m_running && !m_connected) {
            m_reconnectTimer.stop();
            open();
        }
    });
    connect(m_socket, &QWebSocket::connected, this, &LiveSocket::onConnected);
    connect(m_socket, &QWebSocket::disconnected, this, &LiveSocket::onDisconnected);
    connect(m_socket, &QWebSocket::textMessageReceived, this, [this](const QString &text) {
        heardFromServer();
        if (const auto parsed = JsonReader::parseObject(text.toUtf8()))
            Q_EMIT messageReceived(parsed.value()); // anything else is not ours to crash on
    });
    // Qt 6.4 has no QWebSocket::errorOccurred.
    connect(m_socket, qOverload<QAbstractSocket::SocketError>(&QWebSocket::error), this,
            [this](QAbstractSocket::SocketError) {
                if (m_socket->state() == QAbstractSocket::UnconnectedState)
                    onDisconnected();
            });
}

LiveSocket::~LiveSocket()
{
    m_running = false;
    m_socket->disconnect(this);
    m_socket->abort();
}

void LiveSocket::setHeartbeat(int intervalMs, int silenceMs)
{
    m_pingTimer.setInterval(intervalMs);
    m_silenceTimer.setInterval(silenceMs);
}

void LiveSocket::heardFromServer()
{
    if (m_connected)
        m_silenceTimer.start();
}

void LiveSocket::onSilence()
{
    // Connecting or connected, the server said nothing for too long: treat it as gone.
    m_socket->abort();
    if (m_socket->state() == QAbstractSocket::UnconnectedState)
        onDisconnected();
}

void LiveSocket::start()
{
    if (m_running)
        return;
    m_running = true;
    m_backoff.reset();
    open();
}

void LiveSocket::stop()
{
    m_running = false;
    m_reconnectTimer.stop();
    m_pingTimer.stop();
    m_silenceTimer.stop();
    m_socket->close();
}

void LiveSocket::open()
{
    if (!m_running || m_socket->state() != QAbstractSocket::UnconnectedState)
        return;
    QNetworkRequest request(m_api->liveUrl());
    if (request.url().scheme() == u"wss")
        m_socket->setSslConfiguration(m_api->sslConfiguration());
    m_silenceTimer.start(); // a handshake nobody answers counts as silence too
    m_socket->open(request);
}

void LiveSocket::onConnected()
{
    m_backoff.reset();
    m_connected = true;
    m_silenceTimer.start();
    m_pingTimer.start();
    send(LiveAuth {m_api->sessionToken()}.toJson());
    Q_EMIT connected();
}

void LiveSocket::onDisconnected()
{
    const bool was = m_connected;
    m_connected = false;
    m_pingTimer.stop();
    m_silenceTimer.stop();
    if (m_running) {
        if (!m_reconnectTimer.isActive())
            m_reconnectTimer.start(m_backoff.next());
        // Lost the server or could not reach it: is it away? (Noticed even on an idle page.)
        m_api->probeNow();
    }
    if (was)
        Q_EMIT disconnected();
}

void LiveSocket::send(const QJsonObject &message)
{
    if (m_connected)
        m_socket->sendTextMessage(
            QString::fromUtf8(QJsonDocument(message).toJson(QJsonDocument::Compact)));
}

} // namespace encore
