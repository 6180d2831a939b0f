#include "paymentservice.h"

#include "metrics/metrics.h"
#include "queue/queueservice.h"
#include "services/concertservice.h"
#include "services/reservationservice.h"
#include "services/walletservice.h"
#include "storage/database.h"
#include "storage/sqlvalues.h"

#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace encore::server {

PaymentService::PaymentService(Database &db, ReservationService &reservations,
                               WalletService &wallet, QueueService &queue, ConcertService &concerts)
    : m_db(db)
    , m_reservations(reservations)
    , m_wallet(wallet)
    , m_queue(queue)
    , m_concerts(concerts)
{
}

PaymentReceipt PaymentService::pay(const QUuid &userId, const QByteArray &queueToken,
                                   const QUuid &reservationId)
{
    const QString id = sql::uuid(reservationId);
    try {
        PaymentReceipt receipt = m_db.transact([&] {
            const Reservation r = m_reservations.lockOwn(userId, reservationId);
            if (r.status == ReservationStatus::Paid)
                throw ApiError(ErrorCode::Conflict, Msg::AlreadyPaid);
            if (r.status == ReservationStatus::Expired)
                throw ApiError(ErrorCode::ReservationExpired, Msg::HoldExpiredBeforePayment);
            if (r.status != ReservationStatus::Held)
                throw ApiError(ErrorCode::Conflict, Msg::ReservationCancelled);
            m_queue.requireActive(userId, queueToken, r.concertId);

            // Re-check the hold in the same transaction as the debit: a hold that expires during
            // payment is either sold here or released by the sweeper, never both.
            QSqlQuery &sold = m_db.exec(
                u"UPDATE seats SET status = 'SOLD', held_until = NULL, "
                "version = nextval('seat_version_seq') "
                "WHERE reservation_id = ?::uuid AND status = 'HELD' AND held_until > now()"_s,
                {id});
            if (sold.numRowsAffected() != r.seats.size())
                throw ApiError(ErrorCode::ReservationExpired, Msg::HoldExpiredBeforePayment);
            PaymentReceipt out;
            out.balance = m_wallet.debit(userId, r.total, id);
            QSqlQuery &p = m_db.exec(u"INSERT INTO payments(reservation_id, user_id, amount) "
                                     "VALUES (?::uuid, ?::uuid, ?) RETURNING id, created_at"_s,
                                     {id, sql::uuid(userId), r.total});
            p.next();
            out.payment = {QUuid::fromString(p.value(0).toString()),
                           reservationId,
                           r.total,
                           p.value(1).toDateTime(),
                           {}};
            m_db.exec(
                u"UPDATE reservations SET status = 'PAID', paid_at = now() WHERE id = ?::uuid"_s,
                {id});
            // Only a committed payment ends the ticket (complete() waits for the commit): if
            // this is undone, the customer's retry with the same key still finds the turn active.
            m_queue.complete(userId, r.concertId);
            out.reservation = m_reservations.get(userId, reservationId);
            m_concerts.invalidateSeatMap(r.scheduleId);
            m_db.afterCommit([amount = r.total] {
                Metrics::instance().increment(u"encore_payments_total"_s, u"result=\"ok\""_s);
                Metrics::instance().increment(u"encore_revenue_krw_total"_s, {}, amount);
            });
            return out;
        });
        return receipt;
    } catch (const ApiError &e) {
        Metrics::instance().increment(u"encore_payments_total"_s,
                                      u"result=\"%1\""_s.arg(e.codeName()));
        throw;
    }
}

QList<Payment> PaymentService::list(const QUuid &userId)
{
    QSqlQuery &q
        = m_db.exec(u"SELECT id, reservation_id, amount, created_at, refunded_at FROM payments "
                    "WHERE user_id = ?::uuid ORDER BY created_at DESC LIMIT 500"_s,
                    {sql::uuid(userId)});
    QList<Payment> out;
    while (q.next())
        out.append({QUuid::fromString(q.value(0).toString()),
                    QUuid::fromString(q.value(1).toString()), q.value(2).toLongLong(),
                    q.value(3).toDateTime(), q.value(4).toDateTime()});
    return out;
}

} // namespace encore::server
