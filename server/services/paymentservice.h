#pragma once
// PaymentService: pays a held reservation in one transaction — seats HELD→SOLD (re-checking the
// hold is still live), wallet debit + ledger, payment row, reservation PAID, queue ticket ended.
// Any worker thread; joins the caller's (idempotency) transaction.

#include "api/apitypes.h"
#include "models/payment.h"
#include "models/reservation.h"

namespace encore::server {

class ConcertService;
class Database;
class QueueService;
class ReservationService;
class WalletService;

class PaymentService {
public:
    PaymentService(Database &db, ReservationService &reservations, WalletService &wallet,
                   QueueService &queue, ConcertService &concerts);

    PaymentReceipt pay(const QUuid &userId, const QByteArray &queueToken,
                       const QUuid &reservationId);
    QList<Payment> list(const QUuid &userId);

private:
    Database &m_db;
    ReservationService &m_reservations;
    WalletService &m_wallet;
    QueueService &m_queue;
    ConcertService &m_concerts;
};

} // namespace encore::server
