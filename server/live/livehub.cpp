#include "livehub.h"

#include "api/livemessage.h"
#include "cache/redisclient.h"
#include "jsonreader.h"
#include "metrics/metrics.h"
#include "services/services.h"
#include "storage/database.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QWebSocket>

using namespace Qt::StringLiterals;

Q_DECLARE_LOGGING_CATEGORY(lcLive)

namespace encore::server {

namespace {
constexpr int kAuthTimeoutMs = 10'000;
constexpr int kQueuePushIntervalMs = 500;
constexpr int kMaxSubscriptions = 20;
// Close codes in the application range (RFC 6455 §7.4.2).
constexpr int kCloseUnauthenticated = 4001;
constexpr int kCloseBadMessage = 4002;
constexpr int kCloseTooSlow = 4003;
} // namespace

struct LiveHub::Client {
    std::unique_ptr<QWebSocket> socket;
    std::optional<User> user;
    QSet<qint64> schedules;
    QByteArray queueToken;
    qint64 queueConcert = 0;
    QTimer authDeadline;
};

LiveHub::LiveHub(Services &services, QObject *parent)
    : QObject(parent)
    , m_services(services)
{
    m_queueTimer.setSingleShot(true);
    connect(&m_queueTimer, &QTimer::timeout, this, &LiveHub::pushPendingQueues);
}

LiveHub::~LiveHub()
{
    for (auto &c : m_clients)
        c->socket->disconnect(this);
}

void LiveHub::adopt(std::unique_ptr<QWebSocket> socket)
{
    auto client = std::make_unique<Client>();
    Client *c = client.get();
    c->socket = std::move(socket);
    c->socket->setMaxAllowedIncomingMessageSize(quint64(kMaxMessage));
    connect(c->socket.get(), &QWebSocket::textMessageReceived, this,
            [this, c](const QString &text) { onMessage(c, text); });
    connect(c->socket.get(), &QWebSocket::binaryMessageReceived, this,
            [this, c](const QByteArray &) {
                drop(c, kCloseBadMessage, u"binary frames are not supported"_s);
            });
    connect(c->socket.get(), &QWebSocket::disconnected, this, [this, c] {
        // Deferred: the socket is still inside its own signal.
        QMetaObject::invokeMethod(
            this,
            [this, c] {
                auto it = std::find_if(m_clients.begin(), m_clients.end(),
                                       [c](const auto &p) { return p.get() == c; });
                if (it != m_clients.end()) {
                    (*it)->socket->disconnect(this);
                    (*it)->socket.release()->deleteLater();
                    m_clients.erase(it);
                }
            },
            Qt::QueuedConnection);
    });
    c->authDeadline.setSingleShot(true);
    connect(&c->authDeadline, &QTimer::timeout, this,
            [this, c] { drop(c, kCloseUnauthenticated, u"authenticate first"_s); });
    c->authDeadline.start(kAuthTimeoutMs);
    m_clients.push_back(std::move(client));
    Metrics::instance().increment(u"encore_live_connections_total"_s);
}

void LiveHub::send(Client *c, const QJsonObject &message)
{
    if (c->socket->state() != QAbstractSocket::ConnectedState)
        return;
    // A consumer that stopped reading must not make us buffer without end.
    if (c->socket->bytesToWrite() > kMaxBacklog) {
        drop(c, kCloseTooSlow, u"too slow: messages were piling up"_s);
        return;
    }
    c->socket->sendTextMessage(
        QString::fromUtf8(QJsonDocument(message).toJson(QJsonDocument::Compact)));
}

void LiveHub::drop(Client *c, int code, const QString &reason)
{
    qCInfo(lcLive).noquote() << "closing live socket:" << reason;
    c->socket->close(QWebSocketProtocol::CloseCode(code), reason);
}

void LiveHub::onMessage(Client *c, const QString &text)
{
    auto parsed = JsonReader::parseObject(text.toUtf8());
    if (!parsed) {
        drop(c, kCloseBadMessage, u"messages must be JSON objects"_s);
        return;
    }
    JsonReader r(parsed.value());
    const auto type = liveMessageType(parsed.value());
    if (!type) {
        drop(c, kCloseBadMessage,
             parsed->value(u"type"_s).isString() ? u"unknown message type"_s
                                                 : u"a message needs a type"_s);
        return;
    }
    try {
        if (type == LiveMessageType::Auth) {
            c->user = m_services.auth.authenticate(r.string(u"token"_s, 1, 128).toLatin1());
            c->authDeadline.stop();
            send(c, liveMessage(LiveMessageType::Authenticated, {{u"user"_s, c->user->toJson()}}));
            return;
        }
        if (!c->user) {
            drop(c, kCloseUnauthenticated, u"authenticate first"_s);
            return;
        }
        if (type == LiveMessageType::Ping) {
            send(c, liveMessage(LiveMessageType::Pong));
        } else if (type == LiveMessageType::Subscribe && parsed->contains(u"queueToken"_s)) {
            const QString token = r.string(u"queueToken"_s, 1, 128);
            if (!r.ok())
                throw r.error();
            subscribeQueue(c, token.toLatin1());
        } else if (type == LiveMessageType::Subscribe || type == LiveMessageType::Unsubscribe) {
            const qint64 scheduleId
                = r.integer(u"scheduleId"_s, 1, std::numeric_limits<qint64>::max());
            if (!r.ok())
                throw r.error();
            if (type == LiveMessageType::Unsubscribe)
                c->schedules.remove(scheduleId);
            else
                subscribeSeats(c, scheduleId);
        } else {
            drop(c, kCloseBadMessage, u"unknown message type"_s);
        }
    } catch (const ApiError &e) {
        if (e.code == ErrorCode::Unauthenticated) {
            drop(c, kCloseUnauthenticated, e.message);
            return;
        }
        if (e.code == ErrorCode::BadRequest || e.code == ErrorCode::ValidationFailed) {
            drop(c, kCloseBadMessage, e.message);
            return;
        }
        send(c, liveMessage(LiveMessageType::Error, {{u"error"_s, e.toJson()}}));
    } catch (const DbError &) {
        send(c,
             liveMessage(LiveMessageType::Error,
                         {{u"error"_s, ApiError(ErrorCode::Unavailable).toJson()}}));
    } catch (const RedisError &) {
        send(c,
             liveMessage(LiveMessageType::Error,
                         {{u"error"_s, ApiError(ErrorCode::Unavailable).toJson()}}));
    }
}

void LiveHub::subscribeSeats(Client *c, qint64 scheduleId)
{
    if (c->schedules.size() >= kMaxSubscriptions && !c->schedules.contains(scheduleId))
        throw ApiError(ErrorCode::ValidationFailed, Msg::TooManySubscriptions);
    const SeatMap map = m_services.concerts.seatMap(scheduleId, c->user->id);
    c->schedules.insert(scheduleId);
    QJsonObject message = map.toJson();
    message = liveMessage(LiveMessageType::Seats, message);
    message.insert(u"full"_s, true);
    send(c, message);
}

void LiveHub::subscribeQueue(Client *c, const QByteArray &queueToken)
{
    const QueueTicket ticket = m_services.queue.status(c->user->id, queueToken);
    c->queueToken = queueToken;
    c->queueConcert = ticket.concertId;
    QJsonObject message = ticket.toJson();
    message = liveMessage(LiveMessageType::Queue, message);
    send(c, message);
}

void LiveHub::pushQueue(Client *c)
{
    try {
        QJsonObject message = m_services.queue.status(c->user->id, c->queueToken).toJson();
        message = liveMessage(LiveMessageType::Queue, message);
        send(c, message);
    } catch (const ApiError &e) {
        // The ticket ended (paid, left, expired): say so once and stop following it.
        send(c,
             liveMessage(LiveMessageType::Queue,
                         {{u"status"_s, u"ENDED"_s},
                          {u"concertId"_s, c->queueConcert},
                          {u"error"_s, e.toJson()}}));
        c->queueToken.clear();
        c->queueConcert = 0;
    } catch (const DbError &) {
        // The next change will bring news again.
    } catch (const RedisError &) {
    }
}

void LiveHub::onSeatsChanged(const QByteArray &payload)
{
    const QJsonObject change = QJsonDocument::fromJson(payload).object();
    const qint64 scheduleId = change.value(u"scheduleId"_s).toInteger();
    const QJsonArray seats = change.value(u"seats"_s).toArray();
    for (auto &client : m_clients) {
        Client *c = client.get();
        if (!c->user || !c->schedules.contains(scheduleId))
            continue;
        QJsonArray out;
        for (const QJsonValue &v : seats) {
            QJsonObject s = v.toObject();
            const QString holder = s.take(u"holder"_s).toString();
            // Holders stay private: each subscriber only learns whether a seat is theirs.
            s.insert(u"mine"_s, !holder.isEmpty() && QUuid::fromString(holder) == c->user->id);
            s.insert(u"heldUntil"_s,
                     s.value(u"status"_s).toString() == u"HELD"
                         ? QJsonValue(isoTime(parseIsoTime(s.value(u"heldUntil"_s).toString())))
                         : QJsonValue(QJsonValue::Null));
            out.append(s);
        }
        send(c,
             liveMessage(LiveMessageType::Seats,
                         {{u"scheduleId"_s, scheduleId},
                          {u"version"_s, change.value(u"version"_s)},
                          {u"seats"_s, out}}));
    }
    Metrics::instance().increment(u"encore_live_seat_messages_total"_s);
}

void LiveHub::onQueueChanged(qint64 concertId)
{
    m_pendingQueueConcerts.insert(concertId);
    if (!m_queueTimer.isActive())
        m_queueTimer.start(kQueuePushIntervalMs);
}

void LiveHub::pushPendingQueues()
{
    const QSet<qint64> concerts = std::exchange(m_pendingQueueConcerts, {});
    for (auto &client : m_clients) {
        if (client->user && client->queueConcert != 0 && concerts.contains(client->queueConcert))
            pushQueue(client.get());
    }
}

} // namespace encore::server
