#pragma once
// NoticePublisher: sends NOTIFYs after the commit that caused them, batched, from a connection of
// its own (one per process), so the hot transactions take no notify lock (docs/PERFORMANCE.md).
// publish() from any thread; a background thread sends what has gathered in one statement.

#include <QList>
#include <QPair>
#include <QString>
#include <QThread>

#include <condition_variable>
#include <memory>
#include <mutex>

namespace encore::server {

class Database;

// The channel of cache invalidations every instance listens to (payloads: CacheNotice).
inline constexpr char kCacheChannel[] = "encore_cache";

class NoticePublisher {
public:
    explicit NoticePublisher(Database &db);
    ~NoticePublisher();
    NoticePublisher(const NoticePublisher &) = delete;
    NoticePublisher &operator=(const NoticePublisher &) = delete;

    // Queues a NOTIFY; it is sent within a round trip of the one in flight. Lost (logged) when
    // PostgreSQL cannot be reached: readers re-sync when their LISTEN connection comes back.
    void publish(const QString &channel, const QString &payload);
    // Sends what is queued and waits for it (tests, shutdown).
    void flush();

private:
    void run();

    Database &m_db;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::condition_variable m_idle;
    QList<QPair<QString, QString>> m_pending;
    bool m_sending = false;
    bool m_stop = false;
    std::unique_ptr<QThread> m_thread;
};

} // namespace encore::server
