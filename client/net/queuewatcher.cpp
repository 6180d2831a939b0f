#include "queuewatcher.h"

#include "net/apiclient.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace encore {

namespace {
constexpr int kMinPollMs = 500;
constexpr int kMaxPollMs = 10000;
} // namespace

QueueWatcher::QueueWatcher(ApiClient *api, QObject *parent)
    : QObject(parent)
    , m_api(api)
{
    m_pollTimer.setSingleShot(true);
    connect(&m_pollTimer, &QTimer::timeout, this, &QueueWatcher::poll);
}

void QueueWatcher::join(qint64 concertId)
{
    reset();
    m_concertId = concertId;
    const int generation = m_generation;
    m_api->joinQueue(concertId, this, [this, generation](const Result<QueueTicket> &r) {
        if (generation != m_generation)
            return;
        if (!r) {
            Q_EMIT failed(r.error());
            return;
        }
        m_joined = true;
        m_api->setQueueToken(r->token);
        update(r.value());
    });
}

void QueueWatcher::leave()
{
    if (m_joined)
        m_api->leaveQueue(nullptr, [](const Result<Empty> &) {});
    reset();
}

void QueueWatcher::reset()
{
    ++m_generation;
    m_pollTimer.stop();
    m_joined = false;
    m_ticket = QueueTicket();
    m_initialAhead = 0;
    m_api->setQueueToken(QString());
}

void QueueWatcher::applyPush(const QueueTicket &ticket)
{
    if (m_joined && ticket.concertId == m_concertId)
        update(ticket);
}

void QueueWatcher::applyEnded(qint64 concertId, const ApiError &reason)
{
    // Only a waiting ticket ending is news: an admitted one ends by paying, which we did.
    if (!m_joined || concertId != m_concertId || isActive())
        return;
    reset();
    Q_EMIT ended(reason);
}

void QueueWatcher::poll()
{
    const int generation = m_generation;
    m_api->queueStatus(this, [this, generation](const Result<QueueTicket> &r) {
        if (generation != m_generation)
            return;
        if (r) {
            update(r.value());
            return;
        }
        if (r.error().code == ErrorCode::NotFound || r.error().code == ErrorCode::Unauthenticated) {
            const ApiError reason = r.error();
            reset();
            Q_EMIT ended(reason);
            return;
        }
        if (r.error().code == ErrorCode::RateLimited) {
            // Asked sooner than told (a clock jump, a retry): wait what the server says.
            const int after = r.error().details.value(api::details::kRetryAfterSeconds).toInt(1);
            m_pollTimer.start(std::clamp(after * 1000, kMinPollMs, kMaxPollMs));
            return;
        }
        // Network trouble: the banner says so; keep asking at a calm pace.
        m_pollTimer.start(kMaxPollMs / 2);
    });
}

void QueueWatcher::update(const QueueTicket &ticket)
{
    const bool wasActive = m_ticket.status == QueueStatus::Active;
    QueueTicket merged = ticket;
    if (merged.token.isEmpty())
        merged.token = m_ticket.token;
    m_ticket = merged;
    m_initialAhead = std::max(m_initialAhead, ticket.aheadCount);
    Q_EMIT ticketChanged(m_ticket);
    if (m_ticket.status == QueueStatus::Active) {
        m_pollTimer.stop();
        if (!wasActive)
            Q_EMIT admitted(m_ticket);
        return;
    }
    m_pollTimer.start(std::clamp(ticket.pollAfterMs, kMinPollMs, kMaxPollMs));
}

} // namespace encore
