#include "staffmoneyservice.h"

#include "api/admintypes.h"
#include "jsonreader.h"
#include "live/accountnotices.h"
#include "queue/queueservice.h"
#include "services/auditservice.h"
#include "services/concertservice.h"
#include "services/reservationservice.h"
#include "services/seatwaitservice.h"
#include "services/walletservice.h"
#include "storage/database.h"
#include "storage/sqlvalues.h"

#include <QJsonArray>
#include <QLoggingCategory>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcStaffMoney, "encore.staff")

namespace encore::server {

namespace {

QJsonArray seatArray(const QList<int> &seats)
{
    QJsonArray a;
    for (int n : seats)
        a.append(n);
    return a;
}

QString username(Database &db, const QUuid &userId)
{
    QSqlQuery &q = db.exec(u"SELECT username FROM users WHERE id = ?::uuid"_s, {sql::uuid(userId)});
    return q.next() ? q.value(0).toString() : QString();
}

} // namespace

StaffMoneyService::StaffMoneyService(Database &db, AuditService &audit, ConcertService &concerts,
                                     ReservationService &reservations, WalletService &wallet,
                                     QueueService &queue, SeatWaitService &waitlist)
    : m_db(db)
    , m_audit(audit)
    , m_concerts(concerts)
    , m_reservations(reservations)
    , m_wallet(wallet)
    , m_queue(queue)
    , m_waitlist(waitlist)
{
}

Schedule StaffMoneyService::schedule(qint64 concertId, qint64 scheduleId)
{
    for (const Schedule &s : m_concerts.schedules(concertId, false)) {
        if (s.id == scheduleId)
            return s;
    }
    throw ApiError(ErrorCode::NotFound, Msg::NoSuchDate);
}

ScheduleCancellation StaffMoneyService::cancelSchedule(const User &staff, qint64 scheduleId,
                                                       const QString &reason)
{
    ScheduleCancellation out;
    qint64 concertId = 0;
    m_db.transact([&] {
        // FOR UPDATE waits for holds in flight (their reservation's foreign key holds this row)
        // and makes holds that come later wait for this cancellation, then see it.
        QSqlQuery &sc = m_db.exec(
            u"SELECT sc.concert_id, sc.cancelled_at IS NOT NULL, sc.cancel_released_holds, "
            " sc.cancel_refunded, sc.cancel_refunded_total, c.title, sc.starts_at "
            "FROM schedules sc JOIN concerts c ON c.id = sc.concert_id WHERE sc.id = ? "
            "FOR UPDATE OF sc"_s,
            {scheduleId});
        if (!sc.next())
            throw ApiError(ErrorCode::NotFound, Msg::NoSuchDate);
        concertId = sc.value(0).toLongLong();
        if (sc.value(1).toBool()) {
            out.releasedHolds = sc.value(2).toInt();
            out.refundedReservations = sc.value(3).toInt();
            out.refundedTotal = sc.value(4).toLongLong();
            return;
        }
        const QString title = sc.value(5).toString();
        const QDateTime startsAt = sc.value(6).toDateTime();
        // First, so the refunds below offer no seat of a date that is going away.
        m_waitlist.endForCancelledDate(scheduleId);

        // Lock order as in payment: reservations, then their seats. A payment that got its
        // reservation first has committed by now and is refunded below; one that comes later
        // finds its hold cancelled.
        QSqlQuery &open = m_db.exec(
            u"SELECT id, user_id, status, held_until > now() FROM reservations "
            "WHERE schedule_id = ? AND status IN ('HELD', 'PAID') ORDER BY id FOR UPDATE"_s,
            {scheduleId});
        struct Row {
            QUuid id;
            QUuid user;
            bool paid;
            bool live;
        };
        QList<Row> rows;
        while (open.next())
            rows.append({QUuid::fromString(open.value(0).toString()),
                         QUuid::fromString(open.value(1).toString()),
                         open.value(2).toString() == u"PAID", open.value(3).toBool()});

        m_db.exec(u"UPDATE reservations SET ended_at = now(), status = CASE WHEN held_until > "
                  "now() THEN 'CANCELLED' ELSE 'EXPIRED' END "
                  "WHERE schedule_id = ? AND status = 'HELD'"_s,
                  {scheduleId});
        m_db.exec(u"UPDATE seats SET status = 'AVAILABLE', reservation_id = NULL, held_until = "
                  "NULL, version = nextval('seat_version_seq') "
                  "WHERE schedule_id = ? AND status = 'HELD'"_s,
                  {scheduleId});
        for (const Row &row : std::as_const(rows)) {
            if (row.paid) {
                const Reservation locked = m_reservations.lockOwn(row.user, row.id);
                const auto [after, amount] = m_reservations.refundPaid(row.user, locked);
                ++out.refundedReservations;
                out.refundedTotal += amount;
                notifyAccount(
                    m_db, {row.user, AccountNoticeKind::DateCancelled, after, amount, 0, reason});
            } else if (row.live) {
                ++out.releasedHolds;
                notifyAccount(m_db,
                              {row.user, AccountNoticeKind::DateCancelled,
                               m_reservations.get(row.user, row.id), 0, 0, reason});
            }
        }
        m_db.exec(
            u"UPDATE schedules SET cancelled_at = now(), cancel_reason = ?, "
            "cancel_released_holds = ?, cancel_refunded = ?, cancel_refunded_total = ? "
            "WHERE id = ?"_s,
            {reason, out.releasedHolds, out.refundedReservations, out.refundedTotal, scheduleId});
        m_audit.record(staff, u"schedule.cancel"_s, u"schedule:%1"_s.arg(scheduleId),
                       {{wordOf(AuditDetail::Reason), reason},
                        {wordOf(AuditDetail::ConcertTitle), title},
                        {wordOf(AuditDetail::StartsAt), isoTime(startsAt)},
                        {wordOf(AuditDetail::ReleasedHolds), out.releasedHolds},
                        {wordOf(AuditDetail::RefundedReservations), out.refundedReservations},
                        {wordOf(AuditDetail::RefundedTotal), out.refundedTotal}});
        m_db.afterCommit([this, concertId] { closeQueueIfNothingLeft(concertId); });
    });
    m_concerts.invalidateSeatMap(scheduleId);
    m_concerts.invalidateListing();
    out.schedule = schedule(concertId, scheduleId);
    return out;
}

void StaffMoneyService::closeQueueIfNothingLeft(qint64 concertId)
{
    try {
        QSqlQuery &q = m_db.exec(u"SELECT 1 FROM schedules WHERE concert_id = ? "
                                 "AND cancelled_at IS NULL AND starts_at > now()"_s,
                                 {concertId});
        if (!q.next())
            m_queue.close(concertId);
    } catch (const std::exception &e) {
        // The cancellation stands; joining is refused and the tickets run out by themselves.
        qCWarning(lcStaffMoney) << "could not close the queue of concert" << concertId << e.what();
    }
}

Reservation StaffMoneyService::refund(const User &staff, const QUuid &reservationId,
                                      const StaffRefundRequest &request)
{
    return m_db.transact([&] {
        const auto [locked, owner] = m_reservations.lockAny(reservationId);
        const auto [after, amount] = m_reservations.refundPaid(owner, locked, request.seats);
        m_audit.record(staff, u"reservation.refund"_s,
                       u"reservation:%1"_s.arg(sql::uuid(reservationId)),
                       {{wordOf(AuditDetail::Reason), request.reason},
                        {wordOf(AuditDetail::Customer), username(m_db, owner)},
                        {wordOf(AuditDetail::ScheduleId), locked.scheduleId},
                        {wordOf(AuditDetail::ConcertTitle), locked.concertTitle},
                        {wordOf(AuditDetail::Seats),
                         seatArray(request.seats.isEmpty() ? locked.seats : request.seats)},
                        {wordOf(AuditDetail::Amount), amount}});
        notifyAccount(m_db, {owner, AccountNoticeKind::Refunded, after, amount, 0, request.reason});
        return after;
    });
}

WalletAdjustment StaffMoneyService::adjustWallet(const User &staff, const QUuid &userId,
                                                 const WalletAdjustmentRequest &request)
{
    return m_db.transact([&] {
        const Money balance = m_wallet.lockBalance(userId); // NOT_FOUND for no such account
        if (balance + request.amount < 0)
            throw ApiError(ErrorCode::Conflict, Msg::DebitOverBalance,
                           messageArgs(money::format(balance)),
                           {{u"field"_s, u"amount"_s}, {api::details::kBalance, balance}});
        if (balance + request.amount > money::kMaxBalance)
            throw ApiError(ErrorCode::Conflict, Msg::CreditOverCap,
                           messageArgs(money::format(money::kMaxBalance),
                                       money::format(money::kMaxBalance - balance)),
                           {{u"field"_s, u"amount"_s}, {api::details::kBalance, balance}});
        WalletAdjustment out;
        out.balance
            = m_wallet.credit(userId, request.amount, LedgerKind::Adjustment, request.reason);
        out.entry = m_wallet.ledger(userId, 1).first();
        m_audit.record(staff, u"wallet.adjust"_s, u"user:%1"_s.arg(sql::uuid(userId)),
                       {{wordOf(AuditDetail::Reason), request.reason},
                        {wordOf(AuditDetail::Customer), username(m_db, userId)},
                        {wordOf(AuditDetail::Amount), request.amount},
                        {wordOf(AuditDetail::BalanceAfter), out.balance}});
        notifyAccount(m_db,
                      {userId, AccountNoticeKind::WalletAdjusted, std::nullopt, request.amount, 0,
                       request.reason});
        return out;
    });
}

} // namespace encore::server
