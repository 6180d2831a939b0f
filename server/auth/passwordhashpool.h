#pragma once
// PasswordHashPool: the threads that run Argon2id (~15 ms and 19 MiB a hash), so no HTTP
// worker's event loop waits for one — one thread per core, shared by every worker. Its queue is
// bounded: a hash that would wait behind more than a few per core is refused at once (the login
// is told to retry) rather than queued without end. Process-wide; any thread.

#include "apierror.h"

#include <QObject>
#include <QThreadPool>

#include <atomic>
#include <functional>

namespace encore::server {

class PasswordHashPool {
public:
    static PasswordHashPool &instance();
    // UNAVAILABLE with a retry hint: what a login is told when the queue is full.
    static ApiError busy();

    // Runs `work` on a pool thread, then `done` on `context`'s thread. `context` must outlive
    // the work: the server drains the pool before its workers stop. False, and nothing runs,
    // when the queue is full or the pool drained.
    bool submit(QObject *context, std::function<void()> work, std::function<void()> done);
    // Runs `work` on the calling thread within the same bound (for an answer that cannot wait:
    // start-up, demo data, a request pipelined behind others). False when the queue is full.
    bool runHere(const std::function<void()> &work);

    // Refuses new work from now on and waits for what is queued or running (shutdown).
    void drain();

private:
    PasswordHashPool();
    bool reserve();

    QThreadPool m_pool;
    const int m_limit;
    std::atomic<int> m_inFlight {0};
    std::atomic<bool> m_draining {false};
};

} // namespace encore::server
