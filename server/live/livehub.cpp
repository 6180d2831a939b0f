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
// The concert list's counts: coalesced, so a flash sale sends a few frames a second, not one
// per seat.
constexpr int kAvailabilityIntervalMs = 500;
constexpr int kMaxSubscriptions = 20;
// Close codes in the application range (RFC 6455 §7.4.2).
constexpr int kCloseUnauthenticated = 4001;
constexpr int kCloseBadMessage = 4002;
constexpr int kCloseTooSlow = 4003;

// A client frame as its shared type; a frame that does not decode throws its error (the socket
// is closed for it).
template<typename T> T decoded(const QJsonObject &frame)
{
    auto r = T::fromJson(frame);
    if (!r)
        throw r.error();
    return std::move(r).value();
}

// A changed seat of an encore_seats payload (written by PostgreSQL in the API's seat shape, see
// seat_notice() in migration 016) and who holds it: never sent, each subscriber learns "mine".
struct ChangedSeat {
    Seat seat;
    QUuid holder;
};

QList<ChangedSeat> changedSeats(const QJsonArray &payloadSeats)
{
    QList<ChangedSeat> out;
    out.reserve(payloadSeats.size());
    for (const QJsonValue &v : payloadSeats) {
        const QJsonObject o = v.toObject();
        if (auto seat = Seat::fromJson(o))
            out.append(
                {std::move(seat).value(), QUuid::fromString(o.value(u"holder"_s).toString())});
        else
            qCWarning(lcLive) << "unreadable seat notice:" << seat.error().message;
    }
    return out;
}
} // namespace

// One date's seats followed by one client: with the queue token that allowed it and the end of
// that turn (invalid for staff, who need no token).
struct SeatSubscription {
    QByteArray queueToken;
    qint64 concertId = 0;
    QDateTime until;
};

struct LiveHub::Client {
    std::unique_ptr<QWebSocket> socket;
    std::optional<User> user;
    QHash<qint64, SeatSubscription> schedules;
    QByteArray queueToken;
    qint64 queueConcert = 0;
    bool availability = false; // follows every date's seat counts
    QTimer authDeadline;
};

LiveHub::LiveHub(Services &services, QObject *parent)
    : QObject(parent)
    , m_services(services)
{
    m_queueTimer.setSingleShot(true);
    connect(&m_queueTimer, &QTimer::timeout, this, &LiveHub::pushPendingQueues);
    m_availabilityTimer.setSingleShot(true);
    connect(&m_availabilityTimer, &QTimer::timeout, this, &LiveHub::pushPendingAvailability);
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
    const auto type = liveMessageType(parsed.value());
    if (!type) {
        drop(c, kCloseBadMessage,
             parsed->value(u"type"_s).isString() ? u"unknown message type"_s
                                                 : u"a message needs a type"_s);
        return;
    }
    // What a refusal names: the subscription asked for, once decoded.
    std::optional<LiveSubscription> asked;
    try {
        if (type == LiveMessageType::Auth) {
            c->user
                = m_services.auth.authenticate(decoded<LiveAuth>(parsed.value()).token.toLatin1());
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
        } else if (type == LiveMessageType::Subscribe || type == LiveMessageType::Unsubscribe) {
            asked = decoded<LiveSubscription>(parsed.value());
            follow(c, *asked);
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
        refuse(c, asked, e);
    } catch (const DbError &) {
        refuse(c, asked, ApiError(ErrorCode::Unavailable));
    } catch (const RedisError &) {
        refuse(c, asked, ApiError(ErrorCode::Unavailable));
    }
}

void LiveHub::follow(Client *c, const LiveSubscription &s)
{
    switch (s.topic) {
    case LiveTopic::Availability:
        c->availability = s.subscribe;
        break;
    case LiveTopic::Queue:
        if (s.subscribe) {
            subscribeQueue(c, s.queueToken.toLatin1());
        } else {
            c->queueToken.clear();
            c->queueConcert = 0;
        }
        break;
    case LiveTopic::Seats:
        if (s.subscribe)
            subscribeSeats(c, s.scheduleId, s.queueToken.toLatin1(), s.asStaff);
        else
            c->schedules.remove(s.scheduleId);
        break;
    }
}

void LiveHub::refuse(Client *c, const std::optional<LiveSubscription> &subscription,
                     const ApiError &error)
{
    LiveRefusal refusal;
    if (subscription) {
        refusal.topic = subscription->topic;
        refusal.scheduleId = subscription->scheduleId;
    }
    refusal.error = error;
    send(c, refusal.toJson());
}

void LiveHub::subscribeSeats(Client *c, qint64 scheduleId, const QByteArray &queueToken,
                             bool asStaff)
{
    if (c->schedules.size() >= kMaxSubscriptions && !c->schedules.contains(scheduleId))
        throw ApiError(ErrorCode::ValidationFailed, Msg::TooManySubscriptions);
    const bool staff = c->user->role == Role::Staff;
    if (asStaff && !staff)
        throw ApiError(ErrorCode::Forbidden, Msg::StaffOnlyWithoutTurn);
    const SeatMap map = m_services.concerts.seatMap(scheduleId, c->user->id);
    // The same rule as GET /schedules/{id}/seats: the map is shown only to an admitted customer.
    SeatSubscription sub {queueToken, map.concertId, {}};
    if (!staff)
        sub.until = m_services.queue.requireActive(c->user->id, queueToken, map.concertId);
    c->schedules.insert(scheduleId, sub);
    send(c, LiveSeats {map, true}.toJson());
}

void LiveHub::subscribeQueue(Client *c, const QByteArray &queueToken)
{
    const QueueTicket ticket = m_services.queue.status(c->user->id, queueToken);
    c->queueToken = queueToken;
    c->queueConcert = ticket.concertId;
    send(c, liveMessage(LiveMessageType::Queue, ticket.toJson()));
}

void LiveHub::pushQueue(Client *c)
{
    try {
        send(c,
             liveMessage(LiveMessageType::Queue,
                         m_services.queue.status(c->user->id, c->queueToken).toJson()));
    } catch (const ApiError &e) {
        // The ticket ended (paid, left, expired): say so once and stop following it.
        send(c, LiveTurnEnded {c->queueConcert, e}.toJson());
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
    const QList<ChangedSeat> seats = changedSeats(change.value(u"seats"_s).toArray());
    LiveSeats push;
    push.map.scheduleId = scheduleId;
    push.map.version = change.value(u"version"_s).toInteger();
    for (auto &client : m_clients) {
        Client *c = client.get();
        if (!c->user || !c->schedules.contains(scheduleId) || !seatSubscriptionLasts(c, scheduleId))
            continue;
        push.map.seats.clear();
        for (const ChangedSeat &changed : seats) {
            push.map.seats.append(changed.seat);
            // Holders stay private: each subscriber only learns whether a seat is theirs.
            push.map.seats.last().mine = !changed.holder.isNull() && changed.holder == c->user->id;
        }
        send(c, push.toJson());
    }
    Metrics::instance().increment(u"encore_live_seat_messages_total"_s);
    const bool anyoneCounts = std::any_of(m_clients.cbegin(), m_clients.cend(),
                                          [](const auto &c) { return c->availability; });
    if (anyoneCounts && scheduleId > 0) {
        m_pendingAvailability.insert(scheduleId);
        if (!m_availabilityTimer.isActive())
            m_availabilityTimer.start(kAvailabilityIntervalMs);
    }
}

void LiveHub::pushPendingAvailability()
{
    const QSet<qint64> pending = std::exchange(m_pendingAvailability, {});
    QList<SeatAvailability> counts;
    try {
        counts = m_services.concerts.availability(pending.values());
    } catch (const DbError &) {
        return; // the next change brings fresh counts; the list is re-read on reconnect
    }
    for (const SeatAvailability &a : std::as_const(counts)) {
        const QJsonObject message = liveMessage(LiveMessageType::Availability, a.toJson());
        for (auto &client : m_clients) {
            if (client->user && client->availability)
                send(client.get(), message);
        }
    }
}

bool LiveHub::seatSubscriptionLasts(Client *c, qint64 scheduleId)
{
    SeatSubscription &sub = c->schedules[scheduleId];
    if (!sub.until.isValid() || sub.until > QDateTime::currentDateTimeUtc())
        return true;
    // The turn that allowed it has run out (or was extended): ask the queue again, once.
    try {
        sub.until = m_services.queue.requireActive(c->user->id, sub.queueToken, sub.concertId);
        return true;
    } catch (const ApiError &e) {
        c->schedules.remove(scheduleId);
        refuse(c, LiveSubscription::seats(scheduleId, {}), e);
    } catch (const DbError &) {
        return true; // cannot tell now; the next change asks again
    } catch (const RedisError &) {
        return true;
    }
    return false;
}

void LiveHub::onQueueChanged(qint64 concertId)
{
    m_pendingQueueConcerts.insert(concertId);
    if (!m_queueTimer.isActive())
        m_queueTimer.start(kQueuePushIntervalMs);
}

void LiveHub::onAccountNotice(const QByteArray &payload)
{
    const QJsonObject message = QJsonDocument::fromJson(payload).object();
    const QUuid userId = QUuid::fromString(message.value(u"userId"_s).toString());
    if (userId.isNull())
        return;
    for (auto &client : m_clients) {
        if (client->user && client->user->id == userId)
            send(client.get(), message);
    }
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
