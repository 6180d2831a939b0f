#include "passwordhashpool.h"

#include <QThread>

using namespace Qt::StringLiterals;

namespace encore::server {

namespace {
// Up to this many hashes per core wait for a thread (~0.25 s of work at ~15 ms each); more are
// refused, so a flood of logins costs bounded memory and a bounded wait.
constexpr int kQueuedPerCore = 16;
} // namespace

PasswordHashPool &PasswordHashPool::instance()
{
    static PasswordHashPool pool;
    return pool;
}

PasswordHashPool::PasswordHashPool()
    : m_limit(kQueuedPerCore * std::max(1, QThread::idealThreadCount()))
{
    m_pool.setMaxThreadCount(std::max(1, QThread::idealThreadCount()));
    m_pool.setObjectName(QStringLiteral("password-hashes"));
}

ApiError PasswordHashPool::busy()
{
    return ApiError(ErrorCode::Unavailable, Msg::SigningInBusy, {},
                    {{api::details::kRetryAfterSeconds, 1}});
}

bool PasswordHashPool::reserve()
{
    if (m_draining.load())
        return false;
    int now = m_inFlight.load();
    do {
        if (now >= m_limit)
            return false;
    } while (!m_inFlight.compare_exchange_weak(now, now + 1));
    return true;
}

bool PasswordHashPool::submit(QObject *context, std::function<void()> work,
                              std::function<void()> done)
{
    if (!reserve())
        return false;
    m_pool.start([this, context, work = std::move(work), done = std::move(done)]() mutable {
        work();
        QMetaObject::invokeMethod(context, std::move(done), Qt::QueuedConnection);
        m_inFlight.fetch_sub(1);
    });
    return true;
}

bool PasswordHashPool::runHere(const std::function<void()> &work)
{
    if (!reserve())
        return false;
    work();
    m_inFlight.fetch_sub(1);
    return true;
}

void PasswordHashPool::drain()
{
    m_draining.store(true);
    m_pool.waitForDone();
}

} // namespace encore::server
