#include "seatwaitservice.h"

#include "api/admintypes.h"
#include "api/apitypes.h"
#include "api/livemessage.h"
#include "apipaths.h"
#include "config/serverconfig.h"
#include "live/accountnotices.h"
#include "metrics/metrics.h"
#include "queue/queueservice.h"
#include "services/auditservice.h"
#include "services/concertservice.h"
#include "storage/database.h"
#include "storage/sqlvalues.h"

#include <QJsonDocument>
#include <QLoggingCategory>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcSeatWaits, "encore.seatwaits")

namespace encore::server {

namespace {

// A customer may be on this many lists of one date at once (live waits and live offers).
constexpr int kMaxLiveWaitsPerDate = 4;
// Ended waits a customer still sees in their list.
constexpr int kOwnListLimit = 50;

// An offer's outcome is its hold's: paid (or paid and refunded later), cancelled by the customer
// or staff, or run out — whether or not the sweeper has been by.
const QString kSelectWait
    = u"SELECT w.id, w.schedule_id, sc.concert_id, array_to_string(w.seats, ','), w.tier, "
      " CASE WHEN w.status <> 'OFFERED' THEN w.status "
      "      WHEN r.status IN ('PAID', 'REFUNDED') THEN 'ACCEPTED' "
      "      WHEN r.status = 'CANCELLED' THEN 'DECLINED' "
      "      WHEN r.status = 'EXPIRED' OR r.held_until <= now() THEN 'LAPSED' "
      "      ELSE 'OFFERED' END, "
      " w.created_at, w.reservation_id, w.offered_seat, r.total, r.held_until, c.title, "
      " sc.starts_at, w.user_id, u.username "
      "FROM seat_waits w JOIN schedules sc ON sc.id = w.schedule_id "
      "JOIN concerts c ON c.id = sc.concert_id JOIN users u ON u.id = w.user_id "
      "LEFT JOIN reservations r ON r.id = w.reservation_id "_s;

// A wait counts against the per-date limit while it waits or its offer can still be paid.
const QString kLiveWait
    = u"(w.status = 'WAITING' OR (w.status = 'OFFERED' AND EXISTS (SELECT 1 FROM reservations o "
      "  WHERE o.id = w.reservation_id AND o.status = 'HELD' AND o.held_until > now())))"_s;

SeatWait waitFromRow(const QSqlQuery &q)
{
    SeatWait w;
    w.id = q.value(0).toLongLong();
    w.scheduleId = q.value(1).toLongLong();
    w.concertId = q.value(2).toLongLong();
    for (const QString &n : q.value(3).toString().split(u',', Qt::SkipEmptyParts))
        w.seats.append(n.toInt());
    w.tier = q.value(4).toString();
    w.status = enumFromWord<SeatWaitStatus>(q.value(5).toString()).value_or(SeatWaitStatus::Left);
    w.createdAt = q.value(6).toDateTime();
    if (!q.value(7).isNull())
        w.offer = SeatOffer {QUuid::fromString(q.value(7).toString()), q.value(8).toInt(),
                             q.value(9).toLongLong(), q.value(10).toDateTime()};
    w.concertTitle = q.value(11).toString();
    w.startsAt = q.value(12).toDateTime();
    w.userId = QUuid::fromString(q.value(13).toString());
    w.username = q.value(14).toString();
    return w;
}

} // namespace

SeatWaitService::SeatWaitService(Database &db, const ServerConfig &config, ConcertService &concerts,
                                 QueueService &queue, AuditService &audit)
    : m_db(db)
    , m_config(config)
    , m_concerts(concerts)
    , m_queue(queue)
    , m_audit(audit)
{
}

QList<SeatWait> SeatWaitService::load(const QString &where, const QVariantList &values)
{
    QSqlQuery &q = m_db.exec(kSelectWait + where, values);
    QList<SeatWait> out;
    while (q.next())
        out.append(waitFromRow(q));
    return out;
}

std::pair<SeatWait, bool> SeatWaitService::join(const QUuid &userId, const SeatWaitRequest &request)
{
    const QString user = sql::uuid(userId);
    const qint64 scheduleId = request.scheduleId;
    QList<int> seats = request.seats;
    std::sort(seats.begin(), seats.end());
    const auto result = m_db.transact([&]() -> std::pair<SeatWait, bool> {
        // One join of this customer at a time, so the same wait twice cannot both be added.
        m_db.exec(u"SELECT pg_advisory_xact_lock(13, hashtext(?))"_s, {user});
        QSqlQuery &sc = m_db.exec(
            u"SELECT now() >= sales_open_at AND now() < sales_close_at AND cancelled_at IS NULL "
            "FROM schedules WHERE id = ?"_s,
            {scheduleId});
        if (!sc.next())
            throw ApiError(ErrorCode::NotFound, Msg::NoSuchDate);
        if (!sc.value(0).toBool())
            throw ApiError(ErrorCode::Conflict, Msg::NotOnSale);

        const auto same = load(u"WHERE w.user_id = ?::uuid AND w.schedule_id = ? "
                               "AND w.status = 'WAITING' AND w.seats = ?::int[] "
                               "AND w.tier IS NOT DISTINCT FROM ?"_s,
                               {user, scheduleId, sql::intArray(seats),
                                request.tier.isEmpty() ? QVariant() : QVariant(request.tier)});
        if (!same.isEmpty())
            return {same.first(), false};

        QSqlQuery &live = m_db.exec(u"SELECT count(*) FROM seat_waits w WHERE w.user_id = ?::uuid "
                                    "AND w.schedule_id = ? AND "_s
                                        + kLiveWait,
                                    {user, scheduleId});
        live.next();
        if (live.value(0).toInt() >= kMaxLiveWaitsPerDate)
            throw ApiError(ErrorCode::Conflict, Msg::SeatWaitTooMany,
                           messageArgs(kMaxLiveWaitsPerDate), {{u"limit"_s, kMaxLiveWaitsPerDate}});

        // Waiting only makes sense for seats that are taken: a free one is held, not waited for.
        QSqlQuery &state
            = m_db.exec(u"SELECT s.number, "
                        " seat_on_sale(s), "
                        " r.user_id = ?::uuid AND (s.status = 'SOLD' OR s.held_until > now()) "
                        "FROM seats s LEFT JOIN reservations r ON r.id = s.reservation_id "
                        "WHERE s.schedule_id = ? AND (s.number = ANY(?::int[]) OR s.tier = ?) "
                        "ORDER BY s.number"_s,
                        {user, scheduleId, sql::intArray(seats), request.tier});
        int found = 0;
        while (state.next()) {
            ++found;
            const int number = state.value(0).toInt();
            if (state.value(1).toBool())
                throw request.tier.isEmpty()
                    ? ApiError(ErrorCode::Conflict, Msg::SeatWaitSeatFree, messageArgs(number),
                               {{u"seat"_s, number}})
                    : ApiError(ErrorCode::Conflict, Msg::SeatWaitTierFree,
                               messageArgs(request.tier), {{u"seat"_s, number}});
            if (state.value(2).toBool() && request.tier.isEmpty())
                throw ApiError(ErrorCode::Conflict, Msg::SeatWaitOwnSeat, messageArgs(number),
                               {{u"seat"_s, number}});
        }
        if (found == 0)
            throw ApiError(ErrorCode::ValidationFailed, Msg::SeatWaitNoSuchTier,
                           messageArgs(request.tier), {{u"field"_s, u"tier"_s}});

        QSqlQuery &ins = m_db.exec(u"INSERT INTO seat_waits(user_id, schedule_id, seats, tier) "
                                   "VALUES (?::uuid, ?, ?::int[], ?) RETURNING id"_s,
                                   {user, scheduleId, sql::intArray(seats),
                                    request.tier.isEmpty() ? QVariant() : QVariant(request.tier)});
        ins.next();
        const qint64 id = ins.value(0).toLongLong();
        // Seat maps show a run-out hold that someone waits for as taken (it goes to them).
        announceAwaited(scheduleId, u"AND (s.number = ANY(?::int[]) OR s.tier = ?)"_s,
                        {sql::intArray(seats), request.tier});
        return {load(u"WHERE w.id = ?"_s, {id}).first(), true};
    });
    if (result.second)
        Metrics::instance().increment(u"encore_seat_waits_joined_total"_s);
    return result;
}

void SeatWaitService::announceAwaited(qint64 scheduleId, const QString &which,
                                      const QVariantList &values)
{
    // A held seat's "awaited" is part of the seat as the API shows it: a new version sends it to
    // the live seat maps (migration 016), and the cached maps are dropped after the commit.
    m_db.exec(u"UPDATE seats s SET version = nextval('seat_version_seq') "
              "WHERE s.schedule_id = ? AND s.status = 'HELD' "_s
                  + which,
              QVariantList {scheduleId} + values);
    m_concerts.invalidateSeatMap(scheduleId);
}

QList<SeatWait> SeatWaitService::listOwn(const QUuid &userId)
{
    return load(u"WHERE w.user_id = ?::uuid ORDER BY w.id DESC LIMIT ?"_s,
                {sql::uuid(userId), kOwnListLimit});
}

SeatWait SeatWaitService::getOwn(const QUuid &userId, qint64 waitId)
{
    const auto found
        = load(u"WHERE w.id = ? AND w.user_id = ?::uuid"_s, {waitId, sql::uuid(userId)});
    if (found.isEmpty())
        throw ApiError(ErrorCode::NotFound, Msg::NoSuchSeatWait);
    return found.first();
}

void SeatWaitService::leave(const QUuid &userId, qint64 waitId)
{
    const bool left = m_db.transact([&] {
        QSqlQuery &q = m_db.exec(u"UPDATE seat_waits SET status = 'LEFT', ended_at = now() "
                                 "WHERE id = ? AND user_id = ?::uuid AND status = 'WAITING' "
                                 "RETURNING schedule_id, seats, tier"_s,
                                 {waitId, sql::uuid(userId)});
        if (!q.next())
            return false;
        announceAwaited(q.value(0).toLongLong(), u"AND (s.number = ANY(?::int[]) OR s.tier = ?)"_s,
                        {q.value(1), q.value(2)});
        return true;
    });
    if (left)
        return;
    getOwn(userId, waitId); // NOT_FOUND for someone else's
    throw ApiError(ErrorCode::Conflict, Msg::SeatWaitEnded);
}

QUuid SeatWaitService::liveOfferOf(const QUuid &userId, qint64 waitId)
{
    const SeatWait wait = getOwn(userId, waitId);
    if (!wait.isLiveOffer(QDateTime::currentDateTimeUtc()))
        throw ApiError(ErrorCode::Conflict, Msg::SeatOfferNotLive);
    return wait.offer->reservationId;
}

QList<SeatWait> SeatWaitService::listForDate(qint64 scheduleId)
{
    QSqlQuery &exists = m_db.exec(u"SELECT 1 FROM schedules WHERE id = ?"_s, {scheduleId});
    if (!exists.next())
        throw ApiError(ErrorCode::NotFound, Msg::NoSuchDate);
    return load(u"WHERE w.schedule_id = ? AND "_s + kLiveWait + u" ORDER BY w.id"_s, {scheduleId});
}

int SeatWaitService::endWaiting(qint64 scheduleId, const QString &status)
{
    const int ended = m_db.exec(u"UPDATE seat_waits SET status = ?, ended_at = now() "
                                "WHERE schedule_id = ? AND status = 'WAITING'"_s,
                                {status, scheduleId})
                          .numRowsAffected();
    if (ended > 0)
        announceAwaited(scheduleId, {}, {});
    return ended;
}

SeatWaitsCleared SeatWaitService::clear(const User &staff, qint64 scheduleId, const QString &reason)
{
    return m_db.transact([&] {
        QSqlQuery &exists
            = m_db.exec(u"SELECT 1 FROM schedules WHERE id = ? FOR UPDATE"_s, {scheduleId});
        if (!exists.next())
            throw ApiError(ErrorCode::NotFound, Msg::NoSuchDate);
        // Offers already made are holds of their own: they run their course (staff can release
        // them on the seat map like any hold).
        const SeatWaitsCleared out {scheduleId, endWaiting(scheduleId, u"CLEARED"_s)};
        m_audit.record(
            staff, u"seatwaits.clear"_s, u"schedule:%1"_s.arg(scheduleId),
            {{wordOf(AuditDetail::Reason), reason}, {wordOf(AuditDetail::Cleared), out.cleared}});
        return out;
    });
}

int SeatWaitService::endForCancelledDate(qint64 scheduleId)
{
    return endWaiting(scheduleId, u"CLEARED"_s);
}

void SeatWaitService::offerReturnedSeats(qint64 scheduleId, const QList<int> &numbers)
{
    if (numbers.isEmpty())
        return;
    // One round trip when nobody waits (the usual case). The rows are this transaction's already
    // (it freed them), so FOR UPDATE waits for nobody.
    QSqlQuery &q = m_db.exec(
        u"SELECT s.number, s.tier, s.price FROM seats s JOIN schedules sc ON sc.id = s.schedule_id "
        "WHERE s.schedule_id = ? AND s.number = ANY(?::int[]) AND s.status = 'AVAILABLE' "
        "  AND sc.cancelled_at IS NULL AND now() < sc.sales_close_at "
        "  AND seat_awaited(s.schedule_id, s.number, s.tier) "
        "ORDER BY s.number FOR UPDATE OF s"_s,
        {scheduleId, sql::intArray(numbers)});
    struct Returned {
        int number;
        QString tier;
        Money price;
    };
    QList<Returned> returned;
    while (q.next())
        returned.append({q.value(0).toInt(), q.value(1).toString(), q.value(2).toLongLong()});
    for (const Returned &seat : std::as_const(returned))
        offerSeat(scheduleId, seat.number, seat.tier, seat.price);
}

void SeatWaitService::offerSeat(qint64 scheduleId, int number, const QString &tier, Money price)
{
    qint64 after = 0;
    for (;;) {
        QSqlQuery &next = m_db.exec(
            u"SELECT w.id, w.user_id, sc.concert_id FROM seat_waits w "
            "JOIN schedules sc ON sc.id = w.schedule_id "
            "WHERE w.schedule_id = ? AND w.status = 'WAITING' AND w.id > ? "
            "  AND (? = ANY(w.seats) OR w.tier = ?) "
            "  AND NOT EXISTS (SELECT 1 FROM queue_blocks b WHERE b.concert_id = sc.concert_id "
            "                  AND b.user_id = w.user_id) "
            "ORDER BY w.id LIMIT 1"_s,
            {scheduleId, after, number, tier});
        if (!next.next())
            return; // nobody (else) can take it: it returns to general sale
        const qint64 waitId = next.value(0).toLongLong();
        const QString user = next.value(1).toString();
        const qint64 concertId = next.value(2).toLongLong();
        after = waitId;

        // The customer's wallet row serialises their holds and payments (ReservationService::
        // hold counts seats under it), so the 4-seat rule holds against their own holds in
        // flight. Lock order seats → wallet can meet a hold's wallet → seats: PostgreSQL then
        // aborts one of the two as a deadlock and Database::transact runs it again.
        QSqlQuery &wallet
            = m_db.exec(u"SELECT 1 FROM wallets WHERE user_id = ?::uuid FOR UPDATE"_s, {user});
        if (!wallet.next())
            continue;
        QSqlQuery &claim = m_db.exec(
            u"SELECT (SELECT count(*) FROM reservation_seats rs JOIN reservations r "
            "   ON r.id = rs.reservation_id WHERE r.user_id = ?::uuid AND r.schedule_id = ? "
            "   AND (r.status = 'PAID' OR (r.status = 'HELD' AND r.held_until > now()))) "
            "FROM seat_waits WHERE id = ? AND status = 'WAITING' FOR UPDATE"_s,
            {user, scheduleId, waitId});
        if (!claim.next() || claim.value(0).toInt() >= api::kMaxSeatsPerHold)
            continue; // left meanwhile, or has 4 seats of this date: the next person

        QSqlQuery &res = m_db.exec(
            u"INSERT INTO reservations(user_id, schedule_id, held_until, total) "
            "VALUES (?::uuid, ?, now() + make_interval(secs => ?), ?) RETURNING id, held_until"_s,
            {user, scheduleId, m_config.seatOfferSeconds, price});
        res.next();
        const QString reservationId = res.value(0).toString();
        const QDateTime offeredUntil = res.value(1).toDateTime();
        // The wait is answered before the seat is held, so the seat's live push says "awaited"
        // only when someone else still waits for it.
        m_db.exec(u"UPDATE seat_waits SET status = 'OFFERED', reservation_id = ?::uuid, "
                  "offered_seat = ?, ended_at = now() WHERE id = ?"_s,
                  {reservationId, number, waitId});
        const int taken
            = m_db.exec(u"UPDATE seats SET status = 'HELD', reservation_id = ?::uuid, "
                        "held_until = ?, version = nextval('seat_version_seq') "
                        "WHERE schedule_id = ? AND number = ? AND status = 'AVAILABLE'"_s,
                        {reservationId, offeredUntil, scheduleId, number})
                  .numRowsAffected();
        if (taken != 1) // cannot happen while the caller holds the row; never sell it twice
            throw DbError(u"XX000"_s, u"a returned seat was not free to offer"_s);
        m_db.exec(u"INSERT INTO reservation_seats(reservation_id, schedule_id, number) "
                  "VALUES (?::uuid, ?, ?)"_s,
                  {reservationId, scheduleId, number});
        m_concerts.invalidateSeatMap(scheduleId);

        const SeatWait wait = load(u"WHERE w.id = ?"_s, {waitId}).first();
        QJsonObject message
            = liveMessage(LiveMessageType::SeatOffer, wrapOne(api::keys::kWait, wait));
        message.insert(u"userId"_s, user);
        const QString payload
            = QString::fromUtf8(QJsonDocument(message).toJson(QJsonDocument::Compact));
        // After the commit, outside the transaction: the turn lives in the queue store (maybe
        // Redis), and a NOTIFY inside would hold PostgreSQL's commit lock.
        m_db.afterCommit(
            [this, userId = QUuid::fromString(user), concertId, offeredUntil, payload] {
                try {
                    m_queue.grantOfferTurn(userId, concertId, offeredUntil);
                } catch (const std::exception &e) {
                    qCWarning(lcSeatWaits) << "could not give the offer's turn:" << e.what();
                } catch (const ApiError &e) {
                    qCWarning(lcSeatWaits) << "could not give the offer's turn:" << e.message;
                }
                try {
                    m_db.exec(u"SELECT pg_notify(?, ?)"_s,
                              {QString::fromLatin1(kAccountChannel), payload});
                } catch (const DbError &e) {
                    qCWarning(lcSeatWaits) << "could not announce the offer:" << e.what();
                }
                Metrics::instance().increment(u"encore_seat_offers_total"_s);
            });
        return;
    }
}

} // namespace encore::server
