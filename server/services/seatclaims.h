#pragma once
// SeatClaims: the seats whose hold this process is deciding right now. A second attempt on such
// a seat is refused at once (SEAT_UNAVAILABLE) instead of waiting on the seat's row lock in
// PostgreSQL: when a flash sale opens, many attempts on each seat arrive in the milliseconds
// before the first one's commit reaches the in-process seat copy, and each that queued on the
// lock held a decision thread and a connection meanwhile (with 32 decision threads the one-shot
// sale ran at half the rate of 4; docs/PERFORMANCE.md). A seat is wrongly refused only when the
// attempt in flight then fails, and only while it is in flight (one commit). Per process:
// between instances PostgreSQL's guarded UPDATE still decides. Any thread.

#include <QList>

#include <memory>
#include <mutex>
#include <unordered_set>

namespace encore::server {

class SeatClaims {
public:
    // Held while a hold of these seats is decided; releases them when the last copy goes.
    class Claim {
    public:
        ~Claim();
        Claim(const Claim &) = delete;
        Claim &operator=(const Claim &) = delete;

    private:
        friend class SeatClaims;
        Claim(SeatClaims &claims, QList<quint64> keys);
        SeatClaims &m_claims;
        QList<quint64> m_keys;
    };

    // A claim on every one of `seats` of `scheduleId`; none, and `inFlight` set to the seats
    // already claimed, when any is.
    std::shared_ptr<const Claim> claim(qint64 scheduleId, const QList<int> &seats,
                                       QList<int> *inFlight);

private:
    static quint64 keyOf(qint64 scheduleId, int seat)
    {
        return quint64(scheduleId) << 8 | quint8(seat);
    }
    void release(const QList<quint64> &keys);

    std::mutex m_mutex;
    std::unordered_set<quint64> m_claimed;
};

} // namespace encore::server
