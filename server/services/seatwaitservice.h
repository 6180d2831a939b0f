#pragma once
// SeatWaitService: the waiting list for seats that come back (issue 15) — customers join and
// leave a date's list, staff see and clear it, and offerReturnedSeats() gives a freed seat to the
// first person waiting for it as a short hold of their own (an offer). Any worker thread;
// offerReturnedSeats() and endForCancelledDate() run in the caller's transaction, every other
// call is its own.

#include "models/seatwait.h"
#include "models/user.h"

namespace encore::server {

class AuditService;
class ConcertService;
class Database;
class QueueService;
struct ServerConfig;

class SeatWaitService {
public:
    SeatWaitService(Database &db, const ServerConfig &config, ConcertService &concerts,
                    QueueService &queue, AuditService &audit);

    // Returns the wait and whether it is new (the same live wait again answers the first one).
    std::pair<SeatWait, bool> join(const QUuid &userId, const SeatWaitRequest &request);
    // The caller's waits, newest first (live ones and the last ended ones).
    QList<SeatWait> listOwn(const QUuid &userId);
    SeatWait getOwn(const QUuid &userId, qint64 waitId);
    void leave(const QUuid &userId, qint64 waitId);
    // The hold behind the caller's live offer (to decline it); SEAT_OFFER_NOT_LIVE otherwise.
    QUuid liveOfferOf(const QUuid &userId, qint64 waitId);

    // Staff: a date's waiting list (waiting and offered, in order), and clearing it (audited).
    QList<SeatWait> listForDate(qint64 scheduleId);
    SeatWaitsCleared clear(const User &staff, qint64 scheduleId, const QString &reason);
    // A cancelled date's waits end with it (in the cancellation's transaction, before its
    // refunds free seats, so nothing is offered on it); returns how many.
    int endForCancelledDate(qint64 scheduleId);

    // THE hook of every path that frees seats (a hold cancelled, released by staff or run out; a
    // ticket refunded): called in the transaction that freed `numbers` of this date, while it
    // still holds their row locks, so a freed seat that someone waits for goes straight to them
    // and is never free in between. Each such seat is held for the first person waiting for it
    // who can take it (not blocked from the concert, fewer than 4 seats of the date); a seat
    // nobody can take stays free. The offer's turn and live message follow the commit.
    void offerReturnedSeats(qint64 scheduleId, const QList<int> &numbers);

private:
    // Holds the seat for the first eligible person waiting for it, if any.
    void offerSeat(qint64 scheduleId, int number, const QString &tier, Money price);
    QList<SeatWait> load(const QString &where, const QVariantList &values);
    int endWaiting(qint64 scheduleId, const QString &status);
    // The held seats of a date (those `which` selects, a condition on seats s) were or are no
    // longer waited for: new versions, so every live seat map hears the flag.
    void announceAwaited(qint64 scheduleId, const QString &which, const QVariantList &values);

    Database &m_db;
    const ServerConfig &m_config;
    ConcertService &m_concerts;
    QueueService &m_queue;
    AuditService &m_audit;
};

} // namespace encore::server
