#pragma once
// SeatOperationsService: what staff do to one seat — read a date's seats with holders, release a
// customer's hold, block and unblock — through the same guarded statements customers go through.
// Every change is audited in its own transaction. Any worker thread.

#include "api/admintypes.h"
#include "models/user.h"

namespace encore::server {

class AuditService;
class Database;
class ReservationService;
class SeatWaitService;

class SeatOperationsService {
public:
    // A seat freed by a release or an unblock goes to its waiting list first (`waitlist`).
    SeatOperationsService(Database &db, AuditService &audit, SeatWaitService &waitlist,
                          ReservationService &reservations);

    // NOT_FOUND for a date that does not exist.
    AdminSeatMap seats(qint64 scheduleId);
    // `reason`: why, in the staff member's words (audited; a release also tells the holder's
    // windows live, with the reason: AccountNoticeKind::HoldReleased); may be empty.
    AdminSeatMap releaseHold(const User &staff, qint64 scheduleId, int seat, const QString &reason);
    AdminSeatMap blockSeat(const User &staff, qint64 scheduleId, int seat, const QString &reason);
    AdminSeatMap unblockSeat(const User &staff, qint64 scheduleId, int seat, const QString &reason);

private:
    Database &m_db;
    AuditService &m_audit;
    SeatWaitService &m_waitlist;
    ReservationService &m_reservations;
};

} // namespace encore::server
