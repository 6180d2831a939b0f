#pragma once
// InvalidatedCache<V>: a bounded in-process copy of values read from PostgreSQL, each kept at
// most `ttlMs` and dropped at once by invalidateGroup() (which the listener calls
// on every instance). A value read while its group was invalidated is not stored, so a slow
// reader cannot put back what was just invalidated. Any thread.

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QMultiHash>

#include <array>
#include <atomic>
#include <mutex>
#include <optional>
#include <shared_mutex>

namespace encore::server {

template<typename V> class InvalidatedCache {
public:
    explicit InvalidatedCache(qint64 ttlMs, qsizetype maxEntries = 200'000)
        : m_ttlMs(ttlMs)
        , m_maxEntries(maxEntries)
    {
    }

    qint64 ttlMs() const { return m_ttlMs; }

    std::optional<V> get(const QByteArray &key) const
    {
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        std::shared_lock lock(m_mutex);
        const auto it = m_entries.constFind(key);
        if (it == m_entries.cend() || it->expiresAtMs <= now)
            return std::nullopt;
        return it->value;
    }

    // Take before reading the value from PostgreSQL; hand to put().
    quint64 ticket(const QByteArray &group) const { return stripe(group).load(); }

    void put(const QByteArray &key, const QByteArray &group, V value, quint64 ticket)
    {
        std::unique_lock lock(m_mutex);
        if (stripe(group).load() != ticket)
            return; // invalidated while it was being read
        if (m_entries.size() >= m_maxEntries) {
            // Bounded memory: start again rather than track recency on every read.
            m_entries.clear();
            m_groups.clear();
        }
        const auto old = m_entries.constFind(key);
        if (old == m_entries.cend())
            m_groups.insert(group, key);
        m_entries.insert(key,
                         {std::move(value), group, QDateTime::currentMSecsSinceEpoch() + m_ttlMs});
    }

    void invalidateGroup(const QByteArray &group)
    {
        std::unique_lock lock(m_mutex);
        ++stripe(group);
        for (const QByteArray &key : m_groups.values(group))
            m_entries.remove(key);
        m_groups.remove(group);
    }

    void clear()
    {
        std::unique_lock lock(m_mutex);
        for (auto &s : m_stripes)
            ++s;
        m_entries.clear();
        m_groups.clear();
    }

private:
    struct Entry {
        V value;
        QByteArray group;
        qint64 expiresAtMs = 0;
    };

    std::atomic<quint64> &stripe(const QByteArray &group) const
    {
        return m_stripes[qHash(group) % m_stripes.size()];
    }

    const qint64 m_ttlMs;
    const qsizetype m_maxEntries;
    mutable std::shared_mutex m_mutex;
    QHash<QByteArray, Entry> m_entries;
    QMultiHash<QByteArray, QByteArray> m_groups;
    mutable std::array<std::atomic<quint64>, 256> m_stripes {};
};

} // namespace encore::server
