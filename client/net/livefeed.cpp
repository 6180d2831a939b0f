#include "livefeed.h"

#include "api/livemessage.h"
#include "net/apiclient.h"

#include "jsonreader.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace encore {

LiveFeed::LiveFeed(ApiClient *api, QObject *parent)
    : QObject(parent)
    , m_api(api)
    , m_socket(api)
{
    m_pollTimer.setInterval(3000);
    connect(&m_pollTimer, &QTimer::timeout, this, &LiveFeed::resync);
    connect(&m_socket, &LiveSocket::connected, this, &LiveFeed::onConnected);
    connect(&m_socket, &LiveSocket::disconnected, this, &LiveFeed::onDisconnected);
    connect(&m_socket, &LiveSocket::messageReceived, this, &LiveFeed::onMessage);
}

LiveFeed::~LiveFeed() = default;

void LiveFeed::start()
{
    m_socket.start();
    updatePolling();
}

void LiveFeed::stop()
{
    m_socket.stop();
    updatePolling();
}

void LiveFeed::onConnected()
{
    // Whatever changed while the socket was down arrives as the full map the server answers the
    // subscription with: no separate fetch.
    subscribe();
    updatePolling();
    Q_EMIT connectedChanged(true);
}

void LiveFeed::onDisconnected()
{
    updatePolling();
    Q_EMIT connectedChanged(false);
}

void LiveFeed::subscribe()
{
    if (m_scheduleId > 0)
        subscribeSeats();
    if (!m_queueToken.isEmpty())
        m_socket.send(liveMessage(LiveMessageType::Subscribe, {{u"queueToken"_s, m_queueToken}}));
    if (m_availability)
        m_socket.send(liveMessage(LiveMessageType::Subscribe, {{u"availability"_s, true}}));
}

void LiveFeed::watchAvailability(bool on)
{
    if (on == m_availability)
        return;
    m_availability = on;
    m_socket.send(liveMessage(on ? LiveMessageType::Subscribe : LiveMessageType::Unsubscribe,
                              {{u"availability"_s, true}}));
}

void LiveFeed::subscribeSeats()
{
    // The seats follow the REST rule: the server answers only to our active queue turn.
    m_socket.send({{u"type"_s, u"subscribe"_s},
                   {u"scheduleId"_s, m_scheduleId},
                   {u"queueToken"_s, m_api->queueToken()}});
}

void LiveFeed::watchSchedule(qint64 scheduleId)
{
    if (scheduleId == m_scheduleId)
        return;
    if (m_scheduleId > 0)
        m_socket.send(liveMessage(LiveMessageType::Unsubscribe, {{u"scheduleId"_s, m_scheduleId}}));
    m_scheduleId = scheduleId;
    m_version = 0;
    m_loaded = false;
    if (scheduleId > 0) {
        if (m_socket.isConnected())
            subscribeSeats(); // → full map
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
        m_socket.send(liveMessage(LiveMessageType::Subscribe, {{u"queueToken"_s, queueToken}}));
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
    const bool poll = m_socket.isRunning() && !m_socket.isConnected() && m_scheduleId > 0;
    if (poll && !m_pollTimer.isActive())
        m_pollTimer.start();
    else if (!poll)
        m_pollTimer.stop();
}

void LiveFeed::onMessage(const QJsonObject &message)
{
    const auto type = liveMessageType(message);
    if (type == LiveMessageType::Seats) {
        onSeatsMessage(message);
    } else if (type == LiveMessageType::Queue) {
        QJsonObject ticket = message;
        // Some servers nest the ticket; accept both shapes.
        if (ticket.value(u"ticket"_s).isObject())
            ticket = ticket.value(u"ticket"_s).toObject();
        if (ticket.value(u"status"_s).toString() == u"ENDED") {
            Q_EMIT queueEnded(ticket.value(u"concertId"_s).toInteger(),
                              ApiError::fromEnvelope(ticket));
        } else if (auto t = QueueTicket::fromJson(ticket)) {
            Q_EMIT queueUpdated(t.value());
        }
    } else if (type == LiveMessageType::Account) {
        if (auto notice = AccountNotice::fromJson(message))
            Q_EMIT accountNotice(notice.value());
    } else if (type == LiveMessageType::SeatOffer) {
        if (auto wait = SeatWait::fromJson(message.value(u"wait"_s).toObject()))
            Q_EMIT seatOffered(wait.value());
    } else if (type == LiveMessageType::Error) {
        onErrorMessage(message);
    } else if (type == LiveMessageType::Availability) {
        if (auto counts = SeatAvailability::fromJson(message))
            Q_EMIT availabilityChanged(counts.value());
    }
}

void LiveFeed::onErrorMessage(const QJsonObject &message)
{
    if (message.value(u"subscription"_s).toString() != u"seats"
        || message.value(u"scheduleId"_s).toInteger() != m_scheduleId || m_scheduleId <= 0)
        return;
    const ApiError error = ApiError::fromEnvelope(message);
    if (error.code == ErrorCode::Unavailable) {
        if (!m_loaded)
            resync(); // the subscription's snapshot failed (database busy): fetch it instead
        return;
    }
    // Refused (no active turn, not allowed, no such date) or ended with the turn: say why.
    Q_EMIT seatMapFailed(error);
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
