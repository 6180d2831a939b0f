#pragma once
// WorkPool: threads that run the slow part of a request off the HTTP workers, so a worker's
// event loop keeps serving its other connections meanwhile (RouteRegistrar::addOffloaded).
// Two serve the server: Argon2id hashing (passwordHashPool(): one thread per core, CPU-bound)
// and the hot decisions — hold, payment, queue join — whose cost is waiting for their commit's
// WAL flush (Services::decisions: many threads, each with its own PostgreSQL connection, so
// many commits share one flush; docs/PERFORMANCE.md "Workers and group commit").
//
// The queue is bounded: work beyond `queueLimit` (queued or running) is refused at once and the
// request told `busy` (retry), rather than queued without end. Threads start as work needs them,
// up to `threads`, and stay until the pool drains. Any thread.

#include "apierror.h"

#include <QObject>
#include <QString>
#include <QThread>

#include <atomic>
#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <vector>

namespace encore::server {

class WorkPool {
public:
    struct Options {
        QString name; // threads are named <name>-<i>
        int threads = 1;
        int queueLimit = 16; // work queued or running at once; more is refused
        ApiError busy; // what a refused request is told
        std::function<void()> atThreadExit; // e.g. close the thread's database connection
    };

    explicit WorkPool(Options options);
    ~WorkPool(); // drains
    WorkPool(const WorkPool &) = delete;
    WorkPool &operator=(const WorkPool &) = delete;

    // Runs `work` on a pool thread, then `done` on `context`'s thread. `context` must outlive
    // the work: the server drains its pools before its workers stop. False, and nothing runs,
    // when the queue is full or the pool drained. `work` must not throw (the caller keeps what
    // it throws for `done`: RouteRegistrar).
    bool submit(QObject *context, std::function<void()> work, std::function<void()> done);
    // Runs `work` on the calling thread within the same bound (an answer that cannot wait:
    // start-up, demo data, a request pipelined behind others). False when the queue is full.
    bool runHere(const std::function<void()> &work);
    // Refuses new work from now on and waits for what is queued or running (shutdown).
    void drain();

    const ApiError &busy() const { return m_options.busy; }
    int threadLimit() const { return m_options.threads; }

private:
    bool reserve();
    void release() { m_inFlight.fetch_sub(1); }
    void runThread();

    const Options m_options;
    std::atomic<int> m_inFlight {0};
    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::deque<std::function<void()>> m_queue; // guarded by m_mutex, like the two below
    std::vector<std::unique_ptr<QThread>> m_threads;
    int m_idle = 0;
    bool m_draining = false;
};

// The Argon2id threads: one per core, at most 16 hashes per core waiting (~0.25 s of work).
WorkPool &passwordHashPool();

} // namespace encore::server
