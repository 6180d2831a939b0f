#include "livefeed.h"

#include "net/apiclient.h"

#include "jsonreader.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QWebSocket>

using namespace Qt::StringLiterals;

namespace encore {

LiveFeed::LiveFeed(ApiClient *api, QObject *parent)
    : QObject(parent)
    , m_api(api)
    , m_socket(new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, this))
{
    m_reconnectTimer.setSingleShot(true);
    m_pollTimer.setInterval(3000);
    connect(&m_reconnectTimer, &QTimer::timeout, this, &LiveFeed::open);
    connect(&m_pollTimer, &QTimer::timeout, this, &LiveFeed::resync);
    connect(m_socket, &QWebSocket::connected, this, &LiveFeed::onConnected);
    connect(m_socket, &QWebSocket::disconnected, this, &LiveFeed::onDisconnected);
    connect(m_socket, &QWebSocket::textMessageReceived, this, &LiveFeed::onMessage);
    // Qt 6.4 has no QWebSocket::errorOccurred.
    connect(m_socket, qOverload<QAbstractSocket::SocketError>(&QWebSocket::error), this,
            [this](QAbstractSocket::SocketError) {
                if (m_socket->state() == QAbstractSocket::UnconnectedState)
                    onDisconnected();
            });
}

LiveFeed::~LiveFeed()
{
    m_running = false;
    m_socket->disconnect(this);
    m_socket->abort();
}

void LiveFeed::start()
{
    if (m_running)
        return;
    m_running = true;
    m_backoff.reset();
    open();
    updatePolling();
}

void LiveFeed::stop()
{
    m_running = false;
    m_reconnectTimer.stop();
    m_socket->close();
    updatePolling();
}

void LiveFeed::open()
{
    if (!m_running || m_socket->state() != QAbstractSocket::UnconnectedState)
        return;
    QNetworkRequest request(m_api->liveUrl());
    if (request.url().scheme() == u"wss")
        m_socket->setSslConfiguration(m_api->sslConfiguration());
    m_socket->open(request);
}

void LiveFeed::onConnected()
{
    m_backoff.reset();
    m_connected = true;
    sendJson({{u"type"_s, u"auth"_s}, {u"token"_s, m_api->sessionToken()}});
    subscribe();
    updatePolling();
    Q_EMIT connectedChanged(true);
    // Whatever changed while the socket was down arrives as the full map the server answers the
    // subscription with: no separate fetch.
}

void LiveFeed::onDisconnected()
{
    const bool was = m_connected;
    m_connected = false;
    if (m_running)
        scheduleReconnect();
    updatePolling();
    if (was)
        Q_EMIT connectedChanged(false);
}

void LiveFeed::scheduleReconnect()
{
    if (!m_reconnectTimer.isActive())
        m_reconnectTimer.start(m_backoff.next());
}

void LiveFeed::sendJson(const QJsonObject &message)
{
    if (m_connected)
        m_socket->sendTextMessage(
            QString::fromUtf8(QJsonDocument(message).toJson(QJsonDocument::Compact)));
}

void LiveFeed::subscribe()
{
    if (m_scheduleId > 0)
        sendJson({{u"type"_s, u"subscribe"_s}, {u"scheduleId"_s, m_scheduleId}});
    if (!m_queueToken.isEmpty())
        sendJson({{u"type"_s, u"subscribe"_s}, {u"queueToken"_s, m_queueToken}});
}

void LiveFeed::watchSchedule(qint64 scheduleId)
{
    if (scheduleId == m_scheduleId)
        return;
    if (m_scheduleId > 0)
        sendJson({{u"type"_s, u"unsubscribe"_s}, {u"scheduleId"_s, m_scheduleId}});
    m_scheduleId = scheduleId;
    m_version = 0;
    m_loaded = false;
    if (scheduleId > 0) {
        if (m_connected)
            sendJson({{u"type"_s, u"subscribe"_s}, {u"scheduleId"_s, scheduleId}}); // → full map
        else
            resync();
    }
    updatePolling();
}

void LiveFeed::watchQueue(const QString &queueToken)
{
    if (queueToken == m_queueToken)
        return; // already following it (the server answers every subscribe with a message)
    m_queueToken = queueToken;
    if (!queueToken.isEmpty())
        sendJson({{u"type"_s, u"subscribe"_s}, {u"queueToken"_s, queueToken}});
}

void LiveFeed::resync()
{
    if (m_scheduleId <= 0 || m_resyncInFlight)
        return;
    m_resyncInFlight = true;
    const qint64 id = m_scheduleId;
    m_api->seatMap(id, this, [this, id](const Result<SeatMap> &result) {
        m_resyncInFlight = false;
        if (id != m_scheduleId)
            return; // the user moved on to another date meanwhile
        if (!result) {
            Q_EMIT seatMapFailed(result.error());
            return;
        }
        m_version = std::max(m_version, result->version);
        m_loaded = true;
        Q_EMIT seatMapLoaded(result.value());
    });
}

void LiveFeed::updatePolling()
{
    const bool poll = m_running && !m_connected && m_scheduleId > 0;
    if (poll && !m_pollTimer.isActive())
        m_pollTimer.start();
    else if (!poll)
        m_pollTimer.stop();
}

void LiveFeed::onMessage(const QString &text)
{
    const auto parsed = JsonReader::parseObject(text.toUtf8());
    if (!parsed)
        return; // not ours to crash on
    const QString type = parsed->value(u"type"_s).toString();
    if (type == u"seats") {
        onSeatsMessage(parsed.value());
    } else if (type == u"queue") {
        QJsonObject ticket = parsed.value();
        // Some servers nest the ticket; accept both shapes.
        if (ticket.value(u"ticket"_s).isObject())
            ticket = ticket.value(u"ticket"_s).toObject();
        if (ticket.value(u"status"_s).toString() == u"ENDED") {
            Q_EMIT queueEnded(ticket.value(u"concertId"_s).toInteger(),
                              ApiError::fromEnvelope(ticket));
        } else if (auto t = QueueTicket::fromJson(ticket)) {
            Q_EMIT queueUpdated(t.value());
        }
    } else if (type == u"error" && m_scheduleId > 0 && !m_loaded) {
        resync(); // the subscription's snapshot failed (database busy): fetch it instead
    }
}

void LiveFeed::onSeatsMessage(const QJsonObject &message)
{
    const qint64 scheduleId = message.value(u"scheduleId"_s).toInteger();
    if (scheduleId != m_scheduleId)
        return; // a date we stopped watching (its unsubscribe crossed this message)
    // Versions come from one sequence shared by every seat of every date: they grow but skip
    // numbers, so a jump says nothing about lost messages. Nothing is lost on one connection
    // (TCP, and the server closes a consumer that falls behind); after a reconnect the
    // subscription brings a full map. Stale seats are dropped per seat by the model.
    if (message.value(u"full"_s).toBool()) {
        if (auto map = SeatMap::fromJson(message)) {
            m_version = std::max(m_version, map->version);
            m_loaded = true;
            Q_EMIT seatMapLoaded(map.value());
        }
        return;
    }
    QList<Seat> seats;
    const QJsonArray list = message.value(u"seats"_s).toArray();
    for (const QJsonValue &v : list) {
        if (auto s = Seat::fromJson(v.toObject()))
            seats.append(s.value());
    }
    m_version = std::max(m_version, message.value(u"version"_s).toInteger());
    if (!seats.isEmpty())
        Q_EMIT seatsChanged(scheduleId, seats);
}

} // namespace encore
