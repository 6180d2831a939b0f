#include "seatoperationsservice.h"

#include "jsonreader.h"
#include "live/accountnotices.h"
#include "services/auditservice.h"
#include "services/reservationservice.h"
#include "services/seatwaitservice.h"
#include "storage/database.h"

#include <QJsonArray>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace encore::server {

namespace {
QString seatTarget(qint64 scheduleId, int seat)
{
    return u"schedule:%1/seat:%2"_s.arg(scheduleId).arg(seat);
}
} // namespace

SeatOperationsService::SeatOperationsService(Database &db, AuditService &audit,
                                             SeatWaitService &waitlist,
                                             ReservationService &reservations)
    : m_db(db)
    , m_audit(audit)
    , m_waitlist(waitlist)
    , m_reservations(reservations)
{
}

AdminSeatMap SeatOperationsService::seats(qint64 scheduleId)
{
    QSqlQuery &q = m_db.exec(
        u"SELECT s.number, s.tier, s.price, "
        " CASE WHEN s.status = 'HELD' AND s.held_until <= now() THEN 'AVAILABLE' ELSE s.status "
        "END, "
        " CASE WHEN s.status = 'HELD' AND s.held_until > now() THEN s.held_until END, s.version, "
        " CASE WHEN s.status = 'SOLD' OR s.held_until > now() THEN s.reservation_id END, "
        "u.username, r.paid_at "
        "FROM seats s LEFT JOIN reservations r ON r.id = s.reservation_id LEFT JOIN users u ON "
        "u.id = r.user_id "
        "WHERE s.schedule_id = ? ORDER BY s.number"_s,
        {scheduleId});
    AdminSeatMap map;
    map.scheduleId = scheduleId;
    while (q.next()) {
        AdminSeat s;
        s.seat.number = q.value(0).toInt();
        s.seat.tier = q.value(1).toString();
        s.seat.price = q.value(2).toLongLong();
        s.seat.status
            = enumFromWord<SeatStatus>(q.value(3).toString()).value_or(SeatStatus::Blocked);
        s.seat.heldUntil = q.value(4).toDateTime();
        s.seat.version = q.value(5).toLongLong();
        if (!q.value(6).isNull()) {
            s.reservationId = q.value(6).toString();
            s.holder = q.value(7).toString();
            s.paidAt = q.value(8).toDateTime();
        }
        map.version = std::max(map.version, s.seat.version);
        map.seats.append(s);
    }
    if (map.seats.isEmpty())
        throw ApiError(ErrorCode::NotFound, Msg::NoSuchDate);
    return map;
}

namespace {
// Audit details with the staff member's reason, when one was given.
QJsonObject withReason(QJsonObject details, const QString &reason)
{
    if (!reason.isEmpty())
        details.insert(u"reason"_s, reason);
    return details;
}
} // namespace

AdminSeatMap SeatOperationsService::releaseHold(const User &staff, qint64 scheduleId, int seat,
                                                const QString &reason)
{
    return m_db.transact([&] {
        QSqlQuery &s
            = m_db.exec(u"SELECT reservation_id FROM seats WHERE schedule_id = ? AND number = ? "
                        "AND status = 'HELD' AND held_until > now()"_s,
                        {scheduleId, seat});
        if (!s.next())
            throw ApiError(ErrorCode::Conflict, Msg::SeatNotHeld, messageArgs(seat));
        const QString reservation = s.value(0).toString();
        // Same lock order as payment (reservation, then seats): a customer paying at this very
        // moment either pays first (and the release finds nothing held) or finds it cancelled.
        QSqlQuery &r = m_db.exec(
            u"UPDATE reservations SET status = 'CANCELLED', ended_at = now() "
            "WHERE id = ?::uuid AND status = 'HELD' AND held_until > now() RETURNING user_id"_s,
            {reservation});
        if (!r.next())
            throw ApiError(ErrorCode::Conflict, Msg::SeatNoLongerHeld, messageArgs(seat));
        const QString holder = r.value(0).toString();
        QSqlQuery &f = m_db.exec(
            u"UPDATE seats SET status = 'AVAILABLE', reservation_id = NULL, held_until = NULL, "
            "version = nextval('seat_version_seq') WHERE reservation_id = ?::uuid AND status = "
            "'HELD' RETURNING number"_s,
            {reservation});
        QList<int> numbers;
        while (f.next())
            numbers.append(f.value(0).toInt());
        const int freed = int(numbers.size());
        m_waitlist.offerReturnedSeats(scheduleId, numbers);
        m_audit.record(staff, u"seat.release"_s, seatTarget(scheduleId, seat),
                       withReason({{u"reservationId"_s, reservation},
                                   {u"holder"_s, holder},
                                   {u"seatsFreed"_s, freed}},
                                  reason));
        // The holder's windows learn it at commit, with the reason in the staff member's words.
        const QUuid holderId = QUuid::fromString(holder);
        notifyAccount(m_db,
                      {holderId, AccountNoticeKind::HoldReleased,
                       m_reservations.get(holderId, QUuid::fromString(reservation)), 0, 0, reason});
        return seats(scheduleId);
    });
}

AdminSeatMap SeatOperationsService::blockSeat(const User &staff, qint64 scheduleId, int seat,
                                              const QString &reason)
{
    return m_db.transact([&] {
        QSqlQuery &q = m_db.exec(
            u"UPDATE seats SET status = 'BLOCKED', reservation_id = NULL, held_until = NULL, "
            "version = nextval('seat_version_seq') "
            "WHERE schedule_id = ? AND number = ? "
            "AND (status = 'AVAILABLE' OR (status = 'HELD' AND held_until < now() "
            "     AND NOT seat_awaited(schedule_id, number, tier))) RETURNING number"_s,
            {scheduleId, seat});
        if (!q.next()) {
            seats(scheduleId); // NOT_FOUND for a date that does not exist
            throw ApiError(ErrorCode::SeatUnavailable, Msg::SeatNotFree, messageArgs(seat),
                           {{u"seats"_s, QJsonArray {seat}}});
        }
        m_audit.record(staff, u"seat.block"_s, seatTarget(scheduleId, seat),
                       withReason({}, reason));
        return seats(scheduleId);
    });
}

AdminSeatMap SeatOperationsService::unblockSeat(const User &staff, qint64 scheduleId, int seat,
                                                const QString &reason)
{
    return m_db.transact([&] {
        QSqlQuery &q = m_db.exec(
            u"UPDATE seats SET status = 'AVAILABLE', version = nextval('seat_version_seq') "
            "WHERE schedule_id = ? AND number = ? AND status = 'BLOCKED' RETURNING number"_s,
            {scheduleId, seat});
        if (!q.next()) {
            seats(scheduleId);
            throw ApiError(ErrorCode::Conflict, Msg::SeatNotBlocked, messageArgs(seat));
        }
        m_waitlist.offerReturnedSeats(scheduleId, {seat});
        m_audit.record(staff, u"seat.unblock"_s, seatTarget(scheduleId, seat),
                       withReason({}, reason));
        return seats(scheduleId);
    });
}

} // namespace encore::server
