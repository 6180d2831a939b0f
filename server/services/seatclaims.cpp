#include "seatclaims.h"

namespace encore::server {

SeatClaims::Claim::Claim(SeatClaims &claims, QList<quint64> keys)
    : m_claims(claims)
    , m_keys(std::move(keys))
{
}

SeatClaims::Claim::~Claim()
{
    m_claims.release(m_keys);
}

std::shared_ptr<const SeatClaims::Claim>
SeatClaims::claim(qint64 scheduleId, const QList<int> &seats, QList<int> *inFlight)
{
    QList<quint64> keys;
    keys.reserve(seats.size());
    for (int seat : seats)
        keys.append(keyOf(scheduleId, seat));
    std::lock_guard lock(m_mutex);
    for (qsizetype i = 0; i < keys.size(); ++i) {
        if (m_claimed.count(keys[i]))
            inFlight->append(seats[i]);
    }
    if (!inFlight->isEmpty())
        return nullptr;
    m_claimed.insert(keys.begin(), keys.end());
    return std::shared_ptr<const Claim>(new Claim(*this, std::move(keys)));
}

void SeatClaims::release(const QList<quint64> &keys)
{
    std::lock_guard lock(m_mutex);
    for (quint64 key : keys)
        m_claimed.erase(key);
}

} // namespace encore::server
