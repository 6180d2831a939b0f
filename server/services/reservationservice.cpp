#include "reservationservice.h"

#include "apipaths.h"
#include "config/serverconfig.h"
#include "metrics/metrics.h"
#include "queue/queueservice.h"
#include "services/concertservice.h"
#include "services/seatwaitservice.h"
#include "services/walletservice.h"
#include "storage/database.h"
#include "storage/sqlvalues.h"

#include <QJsonArray>
#include <QMap>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace encore::server {

namespace {

// A reservation whose hold ran out is EXPIRED whether or not the sweeper has been by.
const QString kSelectReservation
    = u"SELECT r.id, r.schedule_id, sc.concert_id, "
      " CASE WHEN r.status = 'HELD' AND r.held_until <= now() THEN 'EXPIRED' ELSE r.status END, "
      " r.total, r.held_until, r.created_at, r.paid_at, c.title, sc.starts_at, "
      " (SELECT string_agg(rs.number::text, ',' ORDER BY rs.number) FROM reservation_seats rs "
      "   WHERE rs.reservation_id = r.id) "
      "FROM reservations r JOIN schedules sc ON sc.id = r.schedule_id JOIN concerts c ON c.id = sc.concert_id "_s;

Reservation fromRow(const QSqlQuery &q)
{
    Reservation r;
    r.id = QUuid::fromString(q.value(0).toString());
    r.scheduleId = q.value(1).toLongLong();
    r.concertId = q.value(2).toLongLong();
    r.status = enumFromWord<ReservationStatus>(q.value(3).toString())
                   .value_or(ReservationStatus::Expired);
    r.total = q.value(4).toLongLong();
    r.heldUntil = q.value(5).toDateTime();
    r.createdAt = q.value(6).toDateTime();
    r.paidAt = q.value(7).toDateTime();
    r.concertTitle = q.value(8).toString();
    r.startsAt = q.value(9).toDateTime();
    for (const QString &n : q.value(10).toString().split(u',', Qt::SkipEmptyParts))
        r.seats.append(n.toInt());
    return r;
}

QJsonArray toJsonArray(const QList<int> &numbers)
{
    QJsonArray a;
    for (int n : numbers)
        a.append(n);
    return a;
}

ApiError seatsUnavailable(QList<int> lost)
{
    std::sort(lost.begin(), lost.end());
    QStringList numbers;
    for (int n : lost)
        numbers.append(QString::number(n));
    return ApiError(ErrorCode::SeatUnavailable, lost.size() == 1 ? Msg::SeatTaken : Msg::SeatsTaken,
                    {numbers.join(u", "_s)}, {{u"seats"_s, toJsonArray(lost)}});
}

const QString kFreeSeats
    = u"UPDATE seats SET status = 'AVAILABLE', reservation_id = NULL, held_until = NULL, "
      "version = nextval('seat_version_seq') "
      "WHERE reservation_id = ?::uuid AND status = ? RETURNING number"_s;

} // namespace

ReservationService::ReservationService(Database &db, const ServerConfig &config,
                                       ConcertService &concerts, QueueService &queue,
                                       WalletService &wallet, SeatWaitService &waitlist)
    : m_db(db)
    , m_config(config)
    , m_concerts(concerts)
    , m_queue(queue)
    , m_wallet(wallet)
    , m_waitlist(waitlist)
{
}

void ReservationService::freeSeats(const Reservation &r, const QString &status)
{
    QSqlQuery &q = m_db.exec(kFreeSeats, {sql::uuid(r.id), status});
    QList<int> freed;
    while (q.next())
        freed.append(q.value(0).toInt());
    m_waitlist.offerReturnedSeats(r.scheduleId, freed);
}

bool ReservationService::isCancelled(qint64 scheduleId)
{
    QSqlQuery &q = m_db.exec(u"SELECT 1 FROM schedules WHERE id = ? AND cancelled_at IS NOT NULL"_s,
                             {scheduleId});
    return q.next();
}

QList<Reservation> ReservationService::load(const QString &where, const QVariantList &values)
{
    QSqlQuery &q = m_db.exec(kSelectReservation + where, values);
    QList<Reservation> out;
    while (q.next())
        out.append(fromRow(q));
    return out;
}

Reservation ReservationService::hold(const QUuid &userId, const QByteArray &queueToken,
                                     qint64 scheduleId, const QList<int> &seats)
{
    const QString user = sql::uuid(userId);
    try {
        // Checks that need no lock come first, outside any transaction: in a flash sale almost
        // every attempt loses, and a loser should cost three round trips, not a dozen.
        QSqlQuery &sched = m_db.exec(
            u"SELECT sc.concert_id, now() >= sc.sales_open_at AND now() < sc.sales_close_at "
            " AND sc.cancelled_at IS NULL, "
            " (SELECT string_agg(s.number::text, ',' ORDER BY s.number) FROM seats s "
            "   WHERE s.schedule_id = sc.id AND s.number = ANY(?::int[]) "
            "     AND NOT (s.status = 'AVAILABLE' OR (s.status = 'HELD' AND s.held_until < "
            "now() AND NOT seat_awaited(s.schedule_id, s.number, s.tier)))) "
            "FROM schedules sc WHERE sc.id = ?"_s,
            {sql::intArray(seats), scheduleId});
        if (!sched.next())
            throw ApiError(ErrorCode::NotFound, Msg::NoSuchDate);
        const qint64 concertId = sched.value(0).toLongLong();
        const bool onSale = sched.value(1).toBool();
        const QString taken = sched.value(2).toString();
        m_queue.requireActive(userId, queueToken, concertId);
        if (!onSale)
            throw ApiError(ErrorCode::Conflict, Msg::NotOnSale);
        if (!taken.isEmpty()) {
            QList<int> lost;
            for (const QString &n : taken.split(u','))
                lost.append(n.toInt());
            throw seatsUnavailable(lost);
        }
        const Reservation r = m_db.transact([&] {
            // The wallet row lock serialises this customer's holds and payments, so two holds
            // at once cannot both pass the balance check.
            const Money balance = m_wallet.lockBalance(userId);
            QSqlQuery &open = m_db.exec(
                u"SELECT coalesce(sum(r.total), 0), "
                " (SELECT count(*) FROM reservation_seats rs JOIN reservations o ON o.id = "
                "rs.reservation_id "
                "   WHERE o.user_id = ?::uuid AND o.schedule_id = ? "
                "     AND (o.status = 'PAID' OR (o.status = 'HELD' AND o.held_until > now()))) "
                "FROM reservations r WHERE r.user_id = ?::uuid AND r.status = 'HELD' AND r.held_until > now()"_s,
                {user, scheduleId, user});
            open.next();
            const Money openHolds = open.value(0).toLongLong();
            const int seatsAlready = open.value(1).toInt();
            if (seatsAlready + seats.size() > api::kMaxSeatsPerHold)
                throw ApiError(
                    ErrorCode::Conflict, Msg::TooManySeats,
                    messageArgs(api::kMaxSeatsPerHold, seatsAlready),
                    {{u"limit"_s, api::kMaxSeatsPerHold}, {u"alreadyHeld"_s, seatsAlready}});

            QSqlQuery &ins = m_db.exec(
                u"INSERT INTO reservations(user_id, schedule_id, held_until) "
                "VALUES (?::uuid, ?, now() + make_interval(secs => ?)) RETURNING id, held_until"_s,
                {user, scheduleId, m_config.holdSeconds});
            ins.next();
            const QString reservationId = ins.value(0).toString();
            const QDateTime heldUntil = ins.value(1).toDateTime();

            // The one statement that guards a seat (DESIGN.md §3). The reservation's foreign key
            // holds the date's row (KEY SHARE) until commit, which a staff cancellation's FOR
            // UPDATE waits for; a hold that waited for the cancellation sees it here.
            QSqlQuery &take = m_db.exec(
                u"UPDATE seats SET status = 'HELD', reservation_id = ?::uuid, held_until = ?, "
                " version = nextval('seat_version_seq') "
                "WHERE schedule_id = ? AND number = ANY(?::int[]) "
                "  AND (status = 'AVAILABLE' OR (status = 'HELD' AND held_until < now() "
                "       AND NOT seat_awaited(schedule_id, number, tier))) "
                "  AND NOT EXISTS (SELECT 1 FROM schedules c WHERE c.id = ? "
                "                  AND c.cancelled_at IS NOT NULL) "
                "RETURNING number, price"_s,
                {reservationId, heldUntil, scheduleId, sql::intArray(seats), scheduleId});
            QList<int> held;
            Money total = 0;
            while (take.next()) {
                held.append(take.value(0).toInt());
                total += take.value(1).toLongLong();
            }
            if (held.isEmpty() && isCancelled(scheduleId))
                throw ApiError(ErrorCode::Conflict, Msg::NotOnSale);
            if (held.size() != seats.size()) {
                QList<int> lost;
                for (int n : seats) {
                    if (!held.contains(n))
                        lost.append(n);
                }
                throw seatsUnavailable(lost);
            }
            if (balance < openHolds + total)
                throw ApiError(ErrorCode::InsufficientBalance,
                               openHolds > 0 ? Msg::HoldsExceedBalance : Msg::SeatsExceedBalance,
                               openHolds > 0
                                   ? QStringList {money::format(total), money::format(openHolds),
                                                  money::format(balance),
                                                  money::format(openHolds + total - balance)}
                                   : QStringList {money::format(total), money::format(balance),
                                                  money::format(total - balance)},
                               {{u"balance"_s, balance},
                                {u"required"_s, openHolds + total},
                                {u"shortfall"_s, openHolds + total - balance}});
            m_db.exec(u"UPDATE reservations SET total = ? WHERE id = ?::uuid"_s,
                      {total, reservationId});
            m_db.exec(u"INSERT INTO reservation_seats(reservation_id, schedule_id, number) "
                      "SELECT ?::uuid, ?, unnest(?::int[])"_s,
                      {reservationId, scheduleId, sql::intArray(seats)});
            return load(u"WHERE r.id = ?::uuid"_s, {reservationId}).first();
        });
        // Both after the commit of the outermost transaction (the idempotent request's), so a
        // rolled-back or retried attempt leaves no trace outside PostgreSQL.
        m_concerts.invalidateSeatMap(scheduleId);
        m_db.afterCommit([this, userId, concertId = r.concertId, heldUntil = r.heldUntil] {
            m_queue.coverHold(userId, concertId, heldUntil);
        });
        m_db.afterCommit(
            [] { Metrics::instance().increment(u"encore_holds_total"_s, u"result=\"ok\""_s); });
        return r;
    } catch (const ApiError &e) {
        Metrics::instance().increment(u"encore_holds_total"_s,
                                      u"result=\"%1\""_s.arg(e.codeName()));
        throw;
    }
}

QList<Reservation> ReservationService::list(const QUuid &userId)
{
    return load(u"WHERE r.user_id = ?::uuid ORDER BY r.created_at DESC LIMIT 500"_s,
                {sql::uuid(userId)});
}

Reservation ReservationService::get(const QUuid &userId, const QUuid &reservationId)
{
    const auto found = load(u"WHERE r.id = ?::uuid AND r.user_id = ?::uuid"_s,
                            {sql::uuid(reservationId), sql::uuid(userId)});
    if (found.isEmpty())
        throw ApiError(ErrorCode::NotFound, Msg::NoSuchReservation);
    return found.first();
}

Reservation ReservationService::lockOwn(const QUuid &userId, const QUuid &reservationId)
{
    const auto found = load(u"WHERE r.id = ?::uuid AND r.user_id = ?::uuid FOR UPDATE OF r"_s,
                            {sql::uuid(reservationId), sql::uuid(userId)});
    if (found.isEmpty())
        throw ApiError(ErrorCode::NotFound, Msg::NoSuchReservation);
    return found.first();
}

std::pair<Reservation, QUuid> ReservationService::lockAny(const QUuid &reservationId)
{
    QSqlQuery &q = m_db.exec(u"SELECT user_id FROM reservations WHERE id = ?::uuid FOR UPDATE"_s,
                             {sql::uuid(reservationId)});
    if (!q.next())
        throw ApiError(ErrorCode::NotFound, Msg::NoSuchReservation);
    const QUuid owner = QUuid::fromString(q.value(0).toString());
    return {lockOwn(owner, reservationId), owner};
}

std::pair<Reservation, Money>
ReservationService::refundPaid(const QUuid &userId, const Reservation &r, const QList<int> &seats)
{
    if (r.status != ReservationStatus::Paid)
        throw ApiError(ErrorCode::Conflict, Msg::OnlyPaidRefundable);
    const QString id = sql::uuid(r.id);
    for (int n : seats) {
        if (!r.seats.contains(n))
            throw ApiError(ErrorCode::ValidationFailed, Msg::SeatNotInReservation, messageArgs(n),
                           {{u"field"_s, u"seats"_s}, {u"seat"_s, n}});
    }
    const bool whole = seats.isEmpty() || seats.size() == r.seats.size();
    Money amount = r.total;
    if (whole) {
        freeSeats(r, u"SOLD"_s);
        m_db.exec(u"UPDATE payments SET refunded_at = now() WHERE reservation_id = ?::uuid"_s,
                  {id});
        m_db.exec(
            u"UPDATE reservations SET status = 'REFUNDED', ended_at = now() WHERE id = ?::uuid"_s,
            {id});
    } else {
        // The seats' own prices, never more than is left of what was paid. The payment and the
        // reservation shrink together, so reconciliation still finds them equal.
        QSqlQuery &freed = m_db.exec(
            u"UPDATE seats SET status = 'AVAILABLE', reservation_id = NULL, held_until = NULL, "
            "version = nextval('seat_version_seq') "
            "WHERE reservation_id = ?::uuid AND status = 'SOLD' AND number = ANY(?::int[]) "
            "RETURNING price, number"_s,
            {id, sql::intArray(seats)});
        Money prices = 0;
        QList<int> numbers;
        while (freed.next()) {
            prices += freed.value(0).toLongLong();
            numbers.append(freed.value(1).toInt());
        }
        m_waitlist.offerReturnedSeats(r.scheduleId, numbers);
        amount = std::min(prices, r.total);
        m_db.exec(u"DELETE FROM reservation_seats WHERE reservation_id = ?::uuid "
                  "AND number = ANY(?::int[])"_s,
                  {id, sql::intArray(seats)});
        m_db.exec(u"UPDATE reservations SET total = total - ? WHERE id = ?::uuid"_s, {amount, id});
        m_db.exec(u"UPDATE payments SET amount = amount - ? WHERE reservation_id = ?::uuid"_s,
                  {amount, id});
    }
    m_wallet.credit(userId, amount, LedgerKind::Refund, id);
    m_db.afterCommit([] { Metrics::instance().increment(u"encore_refunds_total"_s); });
    m_concerts.invalidateSeatMap(r.scheduleId); // deferred to the commit by itself
    return {load(u"WHERE r.id = ?::uuid"_s, {id}).first(), amount};
}

Reservation ReservationService::cancel(const QUuid &userId, const QUuid &reservationId)
{
    const QString id = sql::uuid(reservationId);
    const Reservation cancelled = m_db.transact([&] {
        const Reservation r = lockOwn(userId, reservationId);
        switch (r.status) {
        case ReservationStatus::Held:
            freeSeats(r, u"HELD"_s);
            m_db.exec(
                u"UPDATE reservations SET status = 'CANCELLED', ended_at = now() WHERE id = ?::uuid"_s,
                {id});
            break;
        case ReservationStatus::Paid: {
            QSqlQuery &open = m_db.exec(
                u"SELECT now() < starts_at - make_interval(hours => ?) FROM schedules WHERE id = ?"_s,
                {m_config.refundCutoffHours, r.scheduleId});
            open.next();
            if (!open.value(0).toBool())
                throw ApiError(ErrorCode::Conflict, Msg::RefundsClosed,
                               messageArgs(m_config.refundCutoffHours));
            refundPaid(userId, r);
            break;
        }
        case ReservationStatus::Expired:
            throw ApiError(ErrorCode::ReservationExpired, Msg::HoldAlreadyExpired);
        case ReservationStatus::Cancelled:
        case ReservationStatus::Refunded:
            throw ApiError(ErrorCode::Conflict, Msg::AlreadyCancelled);
        }
        return load(u"WHERE r.id = ?::uuid"_s, {id}).first();
    });
    m_concerts.invalidateSeatMap(cancelled.scheduleId);
    return cancelled;
}

int ReservationService::sweepExpired()
{
    return m_db.transact([&] {
        // Lock order: reservations, then seats — the same order as payment, so no deadlock.
        m_db.exec(
            u"UPDATE reservations SET status = 'EXPIRED', ended_at = now() "
            "WHERE id IN (SELECT id FROM reservations WHERE status = 'HELD' AND held_until < now() "
            "             ORDER BY held_until LIMIT 1000 FOR UPDATE SKIP LOCKED)"_s);
        QSqlQuery &q = m_db.exec(
            u"UPDATE seats SET status = 'AVAILABLE', reservation_id = NULL, held_until = NULL, "
            "version = nextval('seat_version_seq') "
            "WHERE (schedule_id, number) IN (SELECT schedule_id, number FROM seats "
            "  WHERE status = 'HELD' AND held_until < now() LIMIT 5000 FOR UPDATE SKIP LOCKED) "
            "RETURNING schedule_id, number"_s);
        QMap<qint64, QList<int>> freed;
        while (q.next())
            freed[q.value(0).toLongLong()].append(q.value(1).toInt());
        int count = 0;
        for (auto it = freed.cbegin(); it != freed.cend(); ++it) {
            count += it->size();
            // The waiting list's only chance at a hold that ran out: the hold rule leaves such
            // seats to this sweep while someone waits for them.
            m_waitlist.offerReturnedSeats(it.key(), *it);
        }
        return count;
    });
}

SeatWait ReservationService::declineOffer(const QUuid &userId, qint64 waitId)
{
    cancel(userId, m_waitlist.liveOfferOf(userId, waitId));
    return m_waitlist.getOwn(userId, waitId);
}

} // namespace encore::server
