#pragma once
// StaffMoneyService: staff's money operations (DESIGN.md §4) — cancelling a date (every hold
// released, every paid reservation refunded, its waiting lists ended, the line closed), refunding a
// reservation on a customer's behalf, adjusting a wallet. Each is one transaction with its audit
// entry and the customers' live notices; refunds go through ReservationService::refundPaid. Any
// worker thread.

#include "models/staffops.h"

namespace encore::server {

class AuditService;
class ConcertService;
class Database;
class QueueService;
class ReservationService;
class SeatWaitService;
class WalletService;

class StaffMoneyService {
public:
    StaffMoneyService(Database &db, AuditService &audit, ConcertService &concerts,
                      ReservationService &reservations, WalletService &wallet, QueueService &queue,
                      SeatWaitService &waitlist);

    // Idempotent: a repeat changes nothing and answers the first cancellation's counts.
    ScheduleCancellation cancelSchedule(const User &staff, qint64 scheduleId,
                                        const QString &reason);
    // All of a paid reservation, or the listed seats; ignores the customer refund cut-off.
    Reservation refund(const User &staff, const QUuid &reservationId,
                       const StaffRefundRequest &request);
    // A credit or debit with its reason, as a ledger entry of kind ADJUSTMENT; never below zero.
    WalletAdjustment adjustWallet(const User &staff, const QUuid &userId,
                                  const WalletAdjustmentRequest &request);

private:
    Schedule schedule(qint64 concertId, qint64 scheduleId);
    // Ends every live queue entry of the concert when none of its dates is on sale any more.
    void closeQueueIfNothingLeft(qint64 concertId);

    Database &m_db;
    AuditService &m_audit;
    ConcertService &m_concerts;
    ReservationService &m_reservations;
    WalletService &m_wallet;
    QueueService &m_queue;
    SeatWaitService &m_waitlist;
};

} // namespace encore::server
