#include "paymentservice.h"

#include "metrics/metrics.h"
#include "queue/queueservice.h"
#include "services/concertservice.h"
#include "services/decisions.h"
#include "services/reservationservice.h"
#include "services/walletservice.h"
#include "storage/database.h"
#include "storage/sqlvalues.h"

#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace encore::server {

PaymentService::PaymentService(Database &db, ReservationService &reservations,
                               WalletService &wallet, QueueService &queue, ConcertService &concerts,
                               NoticePublisher &notices)
    : m_db(db)
    , m_reservations(reservations)
    , m_wallet(wallet)
    , m_queue(queue)
    , m_concerts(concerts)
    , m_notices(notices)
{
}

PaymentService::Paid PaymentService::pay(const QUuid &userId, const QByteArray &queueToken,
                                         const QUuid &reservationId, const QString &idempotencyKey,
                                         const QByteArray &requestHash)
{
    try {
        // The turn from memory; encore_pay checks it is the reservation's concert, after the
        // reservation's own checks (so the errors come in the order they always did).
        const qint64 turn = m_queue.activeConcert(userId, queueToken);
        const bool turnHere = m_queue.entriesInPostgres();
        QSqlQuery &q = [&]() -> QSqlQuery & {
            try {
                return decisions::run(
                    m_db,
                    u"SELECT id, schedule_id, concert_id, status, total, held_until, created_at, "
                    "paid_at, title, starts_at, seats, payment_id, payment_created_at, balance, "
                    "array_to_json(notices)::text, turn_concert, replayed, "
                    "(SELECT c.time_zone FROM concerts c WHERE c.id = p.concert_id) AS time_zone "
                    "FROM encore_pay(?::uuid, ?::uuid, ?, ?, ?, ?) p"_s,
                    {sql::uuid(userId), sql::uuid(reservationId),
                     turn > 0 ? QVariant(turn) : QVariant(QMetaType::fromType<qint64>()), turnHere,
                     idempotencyKey, requestHash});
            } catch (const DbError &e) {
                throw payError(e, userId, queueToken);
            }
        }();
        q.next();
        Paid out;
        out.receipt.reservation = ReservationService::fromRow(q);
        out.receipt.payment = {QUuid::fromString(q.value(11).toString()),
                               reservationId,
                               out.receipt.reservation.total,
                               q.value(12).toDateTime(),
                               {}};
        out.receipt.balance = q.value(13).toLongLong();
        out.replayed = q.value(16).toBool();
        if (out.replayed)
            return out;
        const Reservation &r = out.receipt.reservation;
        m_concerts.seatsChanged(
            r.scheduleId,
            decisions::announce(m_db, m_notices, q.value(14).toString(), q.value(15).toLongLong()));
        // Only a committed payment ends the ticket: in PostgreSQL encore_pay did it in its own
        // transaction; in Redis it happens after the commit.
        if (turnHere)
            m_queue.turnsChanged(userId);
        else
            m_queue.complete(userId, r.concertId);
        m_db.afterCommit([amount = r.total] {
            Metrics::instance().increment(u"encore_payments_total"_s, u"result=\"ok\""_s);
            Metrics::instance().increment(u"encore_revenue_krw_total"_s, {}, amount);
        });
        return out;
    } catch (const ApiError &e) {
        Metrics::instance().increment(u"encore_payments_total"_s,
                                      u"result=\"%1\""_s.arg(e.codeName()));
        throw;
    }
}

ApiError PaymentService::payError(const DbError &e, const QUuid &userId,
                                  const QByteArray &queueToken)
{
    const auto code = decisions::outcome(e);
    if (!code)
        throw e;
    if (*code == u"ENRES")
        return ApiError(ErrorCode::NotFound, Msg::NoSuchReservation);
    if (*code == u"ENPAI")
        return ApiError(ErrorCode::Conflict, Msg::AlreadyPaid);
    if (*code == u"ENEXP")
        return ApiError(ErrorCode::ReservationExpired, Msg::HoldExpiredBeforePayment);
    if (*code == u"ENCAN")
        return ApiError(ErrorCode::Conflict, Msg::ReservationCancelled);
    if (*code == u"ENIDM")
        return ApiError(ErrorCode::IdempotencyMismatch);
    if (*code == u"ENIPR")
        return ApiError(ErrorCode::Conflict, Msg::IdempotencyInProgress);
    if (*code == u"ENQUE") {
        // Not this concert's active turn: the queue says exactly why (its error is thrown).
        m_queue.requireActive(userId, queueToken, decisions::numbers(e.message()).value(0));
        return ApiError(ErrorCode::QueueNotActive, Msg::JoinQueueFirst);
    }
    if (*code == u"ENBAL") {
        const QList<qint64> n = decisions::numbers(e.message());
        const Money balance = n.value(0), amount = n.value(1);
        return ApiError(
            ErrorCode::InsufficientBalance, Msg::BalanceTooLow,
            {money::format(amount), money::format(balance), money::format(amount - balance)},
            {{api::details::kBalance, balance},
             {api::details::kRequired, amount},
             {u"shortfall"_s, amount - balance}});
    }
    throw e;
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
