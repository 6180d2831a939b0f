#include "adminseatfeed.h"

#include "net/apiclient.h"

#include "jsonreader.h"

#include <QJsonDocument>
#include <QWebSocket>

using namespace Qt::StringLiterals;

namespace encore {

AdminSeatFeed::AdminSeatFeed(ApiClient *api, QObject *parent)
    : QObject(parent)
    , m_api(api)
    , m_socket(new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, this))
{
    m_reconnect.setSingleShot(true);
    m_poll.setInterval(3000);
    connect(&m_reconnect, &QTimer::timeout, this, &AdminSeatFeed::open);
    connect(&m_poll, &QTimer::timeout, this, [this] {
        if (m_scheduleId > 0)
            Q_EMIT changed(m_scheduleId);
    });
    connect(m_socket, &QWebSocket::connected, this, [this] {
        m_backoff.reset();
        m_connected = true;
        send({{u"type"_s, u"auth"_s}, {u"token"_s, m_api->sessionToken()}});
        if (m_scheduleId > 0)
            send({{u"type"_s, u"subscribe"_s}, {u"scheduleId"_s, m_scheduleId}});
        updatePolling();
        Q_EMIT connectedChanged(true);
    });
    connect(m_socket, &QWebSocket::disconnected, this, &AdminSeatFeed::onDisconnected);
    connect(m_socket, &QWebSocket::textMessageReceived, this, &AdminSeatFeed::onMessage);
    // Qt 6.4 has no QWebSocket::errorOccurred.
    connect(m_socket, qOverload<QAbstractSocket::SocketError>(&QWebSocket::error), this,
            [this](QAbstractSocket::SocketError) {
                if (m_socket->state() == QAbstractSocket::UnconnectedState)
                    onDisconnected();
            });
}

AdminSeatFeed::~AdminSeatFeed()
{
    m_running = false;
    m_socket->disconnect(this);
    m_socket->abort();
}

void AdminSeatFeed::start()
{
    if (m_running)
        return;
    m_running = true;
    m_backoff.reset();
    open();
    updatePolling();
}

void AdminSeatFeed::stop()
{
    m_running = false;
    m_reconnect.stop();
    m_socket->close();
    updatePolling();
}

void AdminSeatFeed::watch(qint64 scheduleId)
{
    if (scheduleId == m_scheduleId)
        return;
    if (m_scheduleId > 0)
        send({{u"type"_s, u"unsubscribe"_s}, {u"scheduleId"_s, m_scheduleId}});
    m_scheduleId = scheduleId;
    if (scheduleId > 0)
        send({{u"type"_s, u"subscribe"_s}, {u"scheduleId"_s, scheduleId}});
    updatePolling();
}

void AdminSeatFeed::open()
{
    if (!m_running || m_socket->state() != QAbstractSocket::UnconnectedState)
        return;
    QNetworkRequest request(m_api->liveUrl());
    if (request.url().scheme() == u"wss")
        m_socket->setSslConfiguration(m_api->sslConfiguration());
    m_socket->open(request);
}

void AdminSeatFeed::onDisconnected()
{
    const bool was = m_connected;
    m_connected = false;
    if (m_running && !m_reconnect.isActive())
        m_reconnect.start(m_backoff.next());
    updatePolling();
    if (was)
        Q_EMIT connectedChanged(false);
}

void AdminSeatFeed::onMessage(const QString &text)
{
    const auto parsed = JsonReader::parseObject(text.toUtf8());
    if (!parsed || parsed->value(u"type"_s).toString() != u"seats")
        return;
    const qint64 scheduleId = parsed->value(u"scheduleId"_s).toInteger();
    if (scheduleId == m_scheduleId && scheduleId > 0)
        Q_EMIT changed(scheduleId);
}

void AdminSeatFeed::send(const QJsonObject &message)
{
    if (m_connected)
        m_socket->sendTextMessage(
            QString::fromUtf8(QJsonDocument(message).toJson(QJsonDocument::Compact)));
}

void AdminSeatFeed::updatePolling()
{
    const bool poll = m_running && !m_connected && m_scheduleId > 0;
    if (poll && !m_poll.isActive())
        m_poll.start();
    else if (!poll)
        m_poll.stop();
}

} // namespace encore
