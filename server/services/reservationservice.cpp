#include "reservationservice.h"

#include "apipaths.h"
#include "config/serverconfig.h"
#include "metrics/metrics.h"
#include "queue/queueservice.h"
#include "services/concertservice.h"
#include "services/decisions.h"
#include "services/seatwaitservice.h"
#include "services/walletservice.h"
#include "storage/database.h"
#include "storage/sqlvalues.h"

#include <QSqlRecord>

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
      "   WHERE rs.reservation_id = r.id), c.time_zone "
      "FROM reservations r JOIN schedules sc ON sc.id = r.schedule_id JOIN concerts c ON c.id = sc.concert_id "_s;

} // namespace

Reservation ReservationService::fromRow(const QSqlQuery &q)
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
    // The venue zone, by name: the plain SELECT and the hold and payment calls (encore_hold,
    // encore_pay, which return the same first columns) each add it in their one statement.
    if (const int zone = q.record().indexOf(u"time_zone"_s); zone >= 0)
        r.timeZone = q.value(zone).toString();
    return r;
}

namespace {

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
                    {numbers.join(u", "_s)}, {{api::details::kSeats, toJsonArray(lost)}});
}

const QString kFreeSeats
    = u"UPDATE seats SET status = 'AVAILABLE', reservation_id = NULL, held_until = NULL, "
      "version = nextval('seat_version_seq') "
      "WHERE reservation_id = ?::uuid AND status = ? RETURNING number"_s;

} // namespace

ReservationService::ReservationService(Database &db, const ServerConfig &config,
                                       ConcertService &concerts, QueueService &queue,
                                       WalletService &wallet, NoticePublisher &notices,
                                       SeatWaitService &waitlist)
    : m_db(db)
    , m_config(config)
    , m_concerts(concerts)
    , m_queue(queue)
    , m_wallet(wallet)
    , m_notices(notices)
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

QList<Reservation> ReservationService::load(const QString &where, const QVariantList &values)
{
    QSqlQuery &q = m_db.exec(kSelectReservation + where, values);
    QList<Reservation> out;
    while (q.next())
        out.append(fromRow(q));
    return out;
}

namespace {

// Counts the hold's outcome by error code (the success is counted after the commit).
template<typename Fn> auto countingRefusals(Fn &&fn) -> decltype(fn())
{
    try {
        return fn();
    } catch (const ApiError &e) {
        Metrics::instance().increment(u"encore_holds_total"_s,
                                      u"result=\"%1\""_s.arg(e.codeName()));
        throw;
    }
}

} // namespace

ReservationService::Held ReservationService::hold(const QUuid &userId, const QByteArray &queueToken,
                                                  qint64 scheduleId, const QList<int> &seats,
                                                  const std::optional<QString> &idempotencyKey,
                                                  const QByteArray &requestHash)
{
    const auto claim = refuseFromMemory(userId, queueToken, scheduleId, seats, idempotencyKey);
    return decide(userId, queueToken, scheduleId, seats, idempotencyKey, requestHash);
}

std::shared_ptr<const SeatClaims::Claim>
ReservationService::refuseFromMemory(const QUuid &userId, const QByteArray &queueToken,
                                     qint64 scheduleId, const QList<int> &seats,
                                     const std::optional<QString> &idempotencyKey)
{
    if (idempotencyKey)
        return nullptr;
    // A seat this copy wrongly shows free goes on to the guarded UPDATE; one wrongly shown
    // taken lasts at most the copy's bound (ConcertService::seatRows).
    return countingRefusals([&] {
        const auto rows = m_concerts.seatRows(scheduleId);
        if (rows->rows.isEmpty())
            throw ApiError(ErrorCode::NotFound, Msg::NoSuchDate);
        m_queue.requireActive(userId, queueToken, rows->concertId);
        const QDateTime now = QDateTime::currentDateTimeUtc();
        if (!rows->onSale(now))
            throw ApiError(ErrorCode::Conflict, Msg::NotOnSale);
        if (const QList<int> taken = rows->unavailable(seats, now); !taken.isEmpty())
            throw seatsUnavailable(taken);
        QList<int> inFlight;
        auto claim = m_claims.claim(scheduleId, seats, &inFlight);
        if (!claim)
            throw seatsUnavailable(inFlight);
        return claim;
    });
}

ReservationService::Held ReservationService::decide(const QUuid &userId,
                                                    const QByteArray &queueToken, qint64 scheduleId,
                                                    const QList<int> &seats,
                                                    const std::optional<QString> &idempotencyKey,
                                                    const QByteArray &requestHash)
{
    return countingRefusals([&] {
        const qint64 turn = m_queue.activeConcert(userId, queueToken);
        const bool turnHere = m_queue.entriesInPostgres();
        QSqlQuery &q = [&]() -> QSqlQuery & {
            try {
                return decisions::run(
                    m_db,
                    u"SELECT id, schedule_id, concert_id, status, total, held_until, created_at, "
                    "paid_at, title, starts_at, seats, array_to_json(notices)::text, "
                    "turn_concert, replayed, "
                    "(SELECT c.time_zone FROM concerts c WHERE c.id = h.concert_id) AS time_zone "
                    "FROM encore_hold(?::uuid, ?, ?::int[], ?, ?, ?, ?, ?, ?, ?) h"_s,
                    {sql::uuid(userId), scheduleId, sql::intArray(seats), m_config.holdSeconds,
                     api::kMaxSeatsPerHold,
                     turn > 0 ? QVariant(turn) : QVariant(QMetaType::fromType<qint64>()), turnHere,
                     QueueService::kPaymentGraceSeconds,
                     idempotencyKey ? QVariant(*idempotencyKey)
                                    : QVariant(QMetaType::fromType<QString>()),
                     requestHash});
            } catch (const DbError &e) {
                throw holdError(e, userId, queueToken, seats);
            }
        }();
        q.next();
        Held out {fromRow(q), q.value(13).toBool()};
        if (out.replayed)
            return out;
        m_concerts.seatsChanged(
            scheduleId,
            decisions::announce(m_db, m_notices, q.value(11).toString(), q.value(12).toLongLong()));
        if (turnHere)
            m_queue.turnsChanged(userId); // encore_hold extended the turn
        else
            m_db.afterCommit([this, userId, concertId = out.reservation.concertId,
                              heldUntil = out.reservation.heldUntil] {
                m_queue.coverHold(userId, concertId, heldUntil);
            });
        m_db.afterCommit(
            [] { Metrics::instance().increment(u"encore_holds_total"_s, u"result=\"ok\""_s); });
        return out;
    });
}

ApiError ReservationService::holdError(const DbError &e, const QUuid &userId,
                                       const QByteArray &queueToken, const QList<int> &seats)
{
    const auto code = decisions::outcome(e);
    if (!code)
        throw e;
    const QList<qint64> n = decisions::numbers(e.message());
    if (*code == u"EN404")
        return ApiError(ErrorCode::NotFound, Msg::NoSuchDate);
    if (*code == u"EN409")
        return ApiError(ErrorCode::Conflict, Msg::NotOnSale);
    if (*code == u"ENWAL")
        return ApiError(ErrorCode::NotFound, Msg::NoWallet);
    if (*code == u"ENQUE") {
        // Not this concert's active turn: the queue says exactly why (its error is thrown).
        m_queue.requireActive(userId, queueToken, n.value(0));
        return ApiError(ErrorCode::QueueNotActive, Msg::JoinQueueFirst);
    }
    if (*code == u"ENIDM")
        return ApiError(ErrorCode::IdempotencyMismatch);
    if (*code == u"ENIPR")
        return ApiError(ErrorCode::Conflict, Msg::IdempotencyInProgress);
    if (*code == u"ENMAX") {
        const int already = int(n.value(0));
        return ApiError(ErrorCode::Conflict, Msg::TooManySeats,
                        messageArgs(api::kMaxSeatsPerHold, already),
                        {{u"limit"_s, api::kMaxSeatsPerHold}, {u"alreadyHeld"_s, already}});
    }
    if (*code == u"ENSEA") {
        QList<int> lost;
        for (qint64 v : n)
            lost.append(int(v));
        return seatsUnavailable(lost.isEmpty() ? seats : lost);
    }
    if (*code == u"ENBAL") {
        const Money balance = n.value(0), openHolds = n.value(1), total = n.value(2);
        return ApiError(ErrorCode::InsufficientBalance,
                        openHolds > 0 ? Msg::HoldsExceedBalance : Msg::SeatsExceedBalance,
                        openHolds > 0 ? QStringList {money::format(total), money::format(openHolds),
                                                     money::format(balance),
                                                     money::format(openHolds + total - balance)}
                                      : QStringList {money::format(total), money::format(balance),
                                                     money::format(total - balance)},
                        {{api::details::kBalance, balance},
                         {api::details::kRequired, openHolds + total},
                         {u"shortfall"_s, openHolds + total - balance}});
    }
    throw e;
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
