#pragma once
// ConnectionBudget: counts the server's open connections, in total and per client address,
// and says how a new one is to be treated. Shared by every worker (one mutex, held for a hash
// lookup). Trusted proxies are exempt from the per-address cap (their clients are many).

#include <QHash>
#include <QHostAddress>
#include <QList>
#include <QMutex>

namespace encore::server {

class ConnectionBudget {
public:
    enum class Admission {
        Normal,
        OverTotal, // served only /healthz and /readyz, then closed; others get 503
        OverAddress, // that address has its share: 429, then closed
        Refused, // beyond even the overflow slots: closed at once
    };

    ConnectionBudget(int maxConnections, int maxPerAddress, QList<QHostAddress> exempt);

    // Counts the connection unless Refused; every counted one must be released once.
    Admission acquire(const QHostAddress &peer);
    void release(const QHostAddress &peer);

    int open() const;
    int maxConnections() const { return m_maxConnections; }
    // Connections kept beyond the cap, to answer health checks and say "busy" (not to hang).
    int overflowSlots() const { return m_overflow; }

private:
    const int m_maxConnections;
    const int m_maxPerAddress;
    const int m_overflow;
    const QList<QHostAddress> m_exempt;
    mutable QMutex m_mutex;
    int m_total = 0;
    QHash<QHostAddress, int> m_perAddress;
};

} // namespace encore::server
