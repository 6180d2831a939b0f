#pragma once
// BackgroundJobs: a thread of its own that runs the queue admission tick (every 200 ms), the
// expired-hold sweeper (every second) and housekeeping. Every instance runs it; the work is
// guarded in PostgreSQL (advisory locks, SKIP LOCKED), so instances never step on each other.

#include <QThread>

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

    Services &m_services;
    std::unique_ptr<QThread> m_thread;
    int m_ticks = 0;
};

} // namespace encore::server
