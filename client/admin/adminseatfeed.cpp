#include "adminseatfeed.h"

#include "api/livemessage.h"

namespace encore {

AdminSeatFeed::AdminSeatFeed(ApiClient *api, QObject *parent)
    : QObject(parent)
    , m_socket(api)
{
    m_poll.setInterval(3000);
    connect(&m_poll, &QTimer::timeout, this, [this] {
        if (m_scheduleId > 0)
            Q_EMIT changed(m_scheduleId);
    });
    connect(&m_socket, &LiveSocket::connected, this, [this] {
        if (m_scheduleId > 0)
            subscribe(m_scheduleId);
        for (auto it = m_followed.cbegin(); it != m_followed.cend(); ++it) {
            if (it.key() != m_scheduleId)
                subscribe(it.key());
        }
        updatePolling();
        Q_EMIT connectedChanged(true);
    });
    connect(&m_socket, &LiveSocket::disconnected, this, [this] {
        updatePolling();
        Q_EMIT connectedChanged(false);
    });
    connect(&m_socket, &LiveSocket::messageReceived, this, &AdminSeatFeed::onMessage);
}

AdminSeatFeed::~AdminSeatFeed() = default;

void AdminSeatFeed::start()
{
    m_socket.start();
    updatePolling();
}

void AdminSeatFeed::stop()
{
    m_socket.stop();
    updatePolling();
}

void AdminSeatFeed::watch(qint64 scheduleId)
{
    if (scheduleId == m_scheduleId)
        return;
    if (m_scheduleId > 0 && !m_followed.contains(m_scheduleId))
        unsubscribe(m_scheduleId);
    m_scheduleId = scheduleId;
    if (scheduleId > 0 && !m_followed.contains(scheduleId))
        subscribe(scheduleId);
    updatePolling();
}

void AdminSeatFeed::follow(const QList<qint64> &scheduleIds)
{
    const QList<qint64> wanted = scheduleIds.mid(0, kMaxFollowed);
    const QList<qint64> before = m_followed.keys();
    for (qint64 id : before) {
        if (wanted.contains(id))
            continue;
        m_followed.remove(id);
        if (id != m_scheduleId)
            unsubscribe(id);
    }
    for (qint64 id : wanted) {
        if (m_followed.contains(id))
            continue;
        m_followed.insert(id, {});
        if (id != m_scheduleId)
            subscribe(id); // the answer is the date's full map, which sets its counts
    }
}

void AdminSeatFeed::subscribe(qint64 scheduleId)
{
    // Staff follow any date by their role; a customer's subscription needs a queue turn.
    m_socket.send(LiveSubscription::staffSeats(scheduleId).toJson());
}

void AdminSeatFeed::unsubscribe(qint64 scheduleId)
{
    m_socket.send(LiveSubscription::staffSeats(scheduleId).ended().toJson());
}

void AdminSeatFeed::onMessage(const QJsonObject &message)
{
    if (liveMessageType(message) != LiveMessageType::Seats)
        return;
    const auto push = LiveSeats::fromJson(message);
    if (!push)
        return;
    const qint64 scheduleId = push->map.scheduleId;
    if (m_followed.contains(scheduleId))
        updateCounts(push.value());
    if (scheduleId == m_scheduleId && scheduleId > 0)
        Q_EMIT changed(scheduleId);
}

void AdminSeatFeed::updateCounts(const LiveSeats &push)
{
    QHash<int, Seat> &seats = m_followed[push.map.scheduleId];
    // A full map replaces what was known; a change applies seat by seat, newer versions only.
    if (push.full)
        seats.clear();
    for (const Seat &seat : push.map.seats) {
        if (seat.version >= seats.value(seat.number).version)
            seats.insert(seat.number, seat);
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const auto available = std::count_if(seats.cbegin(), seats.cend(),
                                         [&now](const Seat &s) { return s.isOnSale(now); });
    Q_EMIT countsChanged(push.map.scheduleId, int(available), int(seats.size()));
}

void AdminSeatFeed::updatePolling()
{
    const bool poll = m_socket.isRunning() && !m_socket.isConnected() && m_scheduleId > 0;
    if (poll && !m_poll.isActive())
        m_poll.start();
    else if (!poll)
        m_poll.stop();
}

} // namespace encore
