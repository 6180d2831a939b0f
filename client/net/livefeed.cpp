#include "livefeed.h"

#include "api/apitypes.h"
#include "api/livemessage.h"
#include "net/apiclient.h"

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
        m_socket.send(LiveSubscription::queue(m_queueToken).toJson());
    if (m_availability)
        m_socket.send(LiveSubscription::availability().toJson());
}

void LiveFeed::watchAvailability(bool on)
{
    if (on == m_availability)
        return;
    m_availability = on;
    const LiveSubscription counts = LiveSubscription::availability();
    m_socket.send((on ? counts : counts.ended()).toJson());
}

void LiveFeed::subscribeSeats()
{
    // The seats follow the REST rule: the server answers only to our active queue turn.
    m_socket.send(LiveSubscription::seats(m_scheduleId, m_api->queueToken()).toJson());
}

void LiveFeed::watchSchedule(qint64 scheduleId)
{
    if (scheduleId == m_scheduleId)
        return;
    if (m_scheduleId > 0)
        m_socket.send(LiveSubscription::seats(m_scheduleId, {}).ended().toJson());
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
    const QString before = std::exchange(m_queueToken, queueToken);
    if (!queueToken.isEmpty())
        m_socket.send(LiveSubscription::queue(queueToken).toJson());
    else
        m_socket.send(LiveSubscription::queue(before).ended().toJson()); // no more pushes of it
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
        if (LiveTurnEnded::isEnded(message)) {
            if (auto ended = LiveTurnEnded::fromJson(message))
                Q_EMIT queueEnded(ended->concertId, ended->reason);
        } else if (auto t = QueueTicket::fromJson(message)) {
            Q_EMIT queueUpdated(t.value());
        }
    } else if (type == LiveMessageType::Account) {
        if (auto notice = AccountNotice::fromJson(message))
            Q_EMIT accountNotice(notice.value());
    } else if (type == LiveMessageType::SeatOffer) {
        if (auto wait = decodeField<SeatWait>(message, api::keys::kWait))
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
    const auto refusal = LiveRefusal::fromJson(message);
    if (!refusal || refusal->topic != LiveTopic::Seats || refusal->scheduleId != m_scheduleId
        || m_scheduleId <= 0)
        return;
    const ApiError &error = refusal->error;
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
    auto push = LiveSeats::fromJson(message);
    if (!push || push->map.scheduleId != m_scheduleId)
        return; // a date we stopped watching (its unsubscribe crossed this message)
    // Versions come from one sequence shared by every seat of every date: they grow but skip
    // numbers, so a jump says nothing about lost messages. Nothing is lost on one connection
    // (TCP, and the server closes a consumer that falls behind); after a reconnect the
    // subscription brings a full map. Stale seats are dropped per seat by the model.
    m_version = std::max(m_version, push->map.version);
    if (push->full) {
        m_loaded = true;
        Q_EMIT seatMapLoaded(push->map);
    } else if (!push->map.seats.isEmpty()) {
        Q_EMIT seatsChanged(push->map.scheduleId, push->map.seats);
    }
}

} // namespace encore
