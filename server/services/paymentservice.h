#pragma once
// PaymentService: pays a held reservation in one transaction (encore_pay) — seats HELD→SOLD
// (re-checking the hold is still live), wallet debit + ledger, payment row, reservation PAID,
// queue ticket ended, idempotency key stored. Any worker thread.

#include "api/apitypes.h"
#include "models/payment.h"
#include "models/reservation.h"

namespace encore::server {

class ConcertService;
class Database;
class DbError;
class NoticePublisher;
class QueueService;
class ReservationService;
class WalletService;

class PaymentService {
public:
    PaymentService(Database &db, ReservationService &reservations, WalletService &wallet,
                   QueueService &queue, ConcertService &concerts, NoticePublisher &notices);

    struct Paid {
        PaymentReceipt receipt;
        bool replayed = false; // the stored answer to an earlier request with this key
    };
    // One round trip to PostgreSQL (encore_pay) when the session and the turn are in memory;
    // exactly once per idempotency key (the replay is the first answer).
    Paid pay(const QUuid &userId, const QByteArray &queueToken, const QUuid &reservationId,
             const QString &idempotencyKey, const QByteArray &requestHash);
    QList<Payment> list(const QUuid &userId);

private:
    // The API error for a failed encore_pay (rethrows what is not a business outcome).
    ApiError payError(const DbError &e, const QUuid &userId, const QByteArray &queueToken);

    Database &m_db;
    ReservationService &m_reservations;
    WalletService &m_wallet;
    QueueService &m_queue;
    ConcertService &m_concerts;
    NoticePublisher &m_notices;
};

} // namespace encore::server
