#include "adminseatfeed.h"

#include "models/user.h"

using namespace Qt::StringLiterals;

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
            subscribe();
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
    if (m_scheduleId > 0)
        m_socket.send({{u"type"_s, u"unsubscribe"_s}, {u"scheduleId"_s, m_scheduleId}});
    m_scheduleId = scheduleId;
    if (scheduleId > 0)
        subscribe();
    updatePolling();
}

void AdminSeatFeed::subscribe()
{
    // Staff follow any date by their role; a customer's subscription needs a queue turn.
    m_socket.send({{u"type"_s, u"subscribe"_s},
                   {u"scheduleId"_s, m_scheduleId},
                   {u"role"_s, wordOf(Role::Staff)}});
}

void AdminSeatFeed::onMessage(const QJsonObject &message)
{
    if (message.value(u"type"_s).toString() != u"seats")
        return;
    const qint64 scheduleId = message.value(u"scheduleId"_s).toInteger();
    if (scheduleId == m_scheduleId && scheduleId > 0)
        Q_EMIT changed(scheduleId);
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
