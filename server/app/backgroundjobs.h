#pragma once
// BackgroundJobs: a thread of its own that runs the queue admission tick (every 200 ms), the
// expired-hold sweeper (every second) and housekeeping. Every instance runs it; the work is
// guarded in PostgreSQL (advisory locks, SKIP LOCKED), so instances never step on each other.
// A second thread resolves card top-ups left PENDING (its gateway calls may wait for seconds,
// which must not delay admission).

#include <QThread>

#include <functional>
#include <memory>

namespace encore::server {

struct Services;

class BackgroundJobs {
public:
    explicit BackgroundJobs(Services &services);
    ~BackgroundJobs();
    void start();
    void stop();

private:
    void tick();
    void resolvePayments();
    static std::unique_ptr<QThread> loop(const QString &name, int intervalMs,
                                         std::function<void()> work, Services &services);

    Services &m_services;
    std::unique_ptr<QThread> m_thread;
    std::unique_ptr<QThread> m_paymentThread;
    int m_ticks = 0;
};

} // namespace encore::server
