#include "connectionbudget.h"

namespace encore::server {

ConnectionBudget::ConnectionBudget(int maxConnections, int maxPerAddress,
                                   QList<QHostAddress> exempt)
    : m_maxConnections(std::max(1, maxConnections))
    , m_maxPerAddress(std::max(1, maxPerAddress))
    , m_overflow(std::max(32, m_maxConnections / 32))
    , m_exempt(std::move(exempt))
{
}

ConnectionBudget::Admission ConnectionBudget::acquire(const QHostAddress &peer)
{
    QMutexLocker lock(&m_mutex);
    if (m_total >= m_maxConnections + m_overflow)
        return Admission::Refused;
    int &mine = m_perAddress[peer];
    Admission admission = Admission::Normal;
    if (m_total >= m_maxConnections)
        admission = Admission::OverTotal;
    else if (mine >= m_maxPerAddress && !m_exempt.contains(peer))
        admission = Admission::OverAddress;
    ++mine;
    ++m_total;
    return admission;
}

void ConnectionBudget::release(const QHostAddress &peer)
{
    QMutexLocker lock(&m_mutex);
    --m_total;
    auto it = m_perAddress.find(peer);
    if (it != m_perAddress.end() && --it.value() <= 0)
        m_perAddress.erase(it);
}

int ConnectionBudget::open() const
{
    QMutexLocker lock(&m_mutex);
    return m_total;
}

} // namespace encore::server
