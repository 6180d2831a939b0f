#include "workpool.h"

#include <QLoggingCategory>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcWorkPool, "encore.workpool")

namespace encore::server {

WorkPool::WorkPool(Options options)
    : m_options(std::move(options))
{
}

WorkPool::~WorkPool()
{
    drain();
}

bool WorkPool::reserve()
{
    int now = m_inFlight.load();
    do {
        if (now >= m_options.queueLimit)
            return false;
    } while (!m_inFlight.compare_exchange_weak(now, now + 1));
    return true;
}

bool WorkPool::submit(QObject *context, std::function<void()> work, std::function<void()> done)
{
    if (!reserve())
        return false;
    std::lock_guard lock(m_mutex);
    if (m_draining) {
        release();
        return false;
    }
    m_queue.push_back([context, work = std::move(work), done = std::move(done)]() mutable {
        work();
        QMetaObject::invokeMethod(context, std::move(done), Qt::QueuedConnection);
    });
    // An idle thread counts as idle until it wakes, so a burst must be compared with the idle
    // threads, not just see that there is one: each queued task beyond them gets a thread.
    if (qsizetype(m_queue.size()) > m_idle && int(m_threads.size()) < m_options.threads) {
        auto &thread = m_threads.emplace_back(QThread::create([this] { runThread(); }));
        thread->setObjectName(u"%1-%2"_s.arg(m_options.name).arg(m_threads.size()));
        thread->start();
    }
    if (m_idle > 0)
        m_wake.notify_one();
    return true;
}

bool WorkPool::runHere(const std::function<void()> &work)
{
    if (!reserve())
        return false;
    struct Release {
        WorkPool *pool;
        ~Release() { pool->release(); }
    } release {this};
    work();
    return true;
}

void WorkPool::runThread()
{
    std::unique_lock lock(m_mutex);
    for (;;) {
        ++m_idle;
        m_wake.wait(lock, [this] { return m_draining || !m_queue.empty(); });
        --m_idle;
        if (m_queue.empty())
            break; // draining, and nothing left
        auto task = std::move(m_queue.front());
        m_queue.pop_front();
        lock.unlock();
        try {
            task();
        } catch (const std::exception &e) {
            qCCritical(lcWorkPool).noquote() << m_options.name << "work failed:" << e.what();
        }
        release();
        lock.lock();
    }
    lock.unlock();
    if (m_options.atThreadExit)
        m_options.atThreadExit();
}

void WorkPool::drain()
{
    std::vector<std::unique_ptr<QThread>> threads;
    {
        std::lock_guard lock(m_mutex);
        m_draining = true;
        threads.swap(m_threads);
    }
    m_wake.notify_all();
    for (auto &thread : threads)
        thread->wait();
}

WorkPool &passwordHashPool()
{
    static WorkPool pool([] {
        const int cores = std::max(1, QThread::idealThreadCount());
        return WorkPool::Options {u"password-hashes"_s,
                                  cores,
                                  16 * cores,
                                  ApiError::retryShortly(Msg::SigningInBusy),
                                  {}};
    }());
    return pool;
}

} // namespace encore::server
