#include "reportservice.h"

#include "jsonreader.h"
#include "models/concert.h"
#include "services/seatoperationsservice.h"
#include "storage/database.h"
#include "storage/sqlvalues.h"

#include <QHash>
#include <QSqlQuery>
#include <QTimeZone>

using namespace Qt::StringLiterals;

namespace encore::server {

namespace {

// One CSV cell; cells that a spreadsheet would run as a formula are defused with a quote.
QString csvCell(QString value)
{
    if (!value.isEmpty() && QStringView(u"=+-@").contains(value.front()))
        value.prepend(u'\'');
    if (value.contains(u',') || value.contains(u'"') || value.contains(u'\n')
        || value.contains(u'\''))
        value = u'"' + value.replace(u"\""_s, u"\"\""_s) + u'"';
    return value;
}

QByteArray csv(const QStringList &header, const QList<QStringList> &rows)
{
    // The byte-order mark is how Excel knows the file is UTF-8 (without it, Hangul garbles).
    QString out = QChar(0xFEFF) + header.join(u',') + u"\r\n"_s;
    for (const QStringList &row : rows) {
        QStringList cells;
        for (const QString &c : row)
            cells.append(csvCell(c));
        out += cells.join(u',') + u"\r\n"_s;
    }
    return out.toUtf8();
}

// "2026-12-14 19:30:00": the wall-clock time at the venue (the zone is in its own column).
QString venueTime(const QDateTime &time, const QTimeZone &zone)
{
    return time.isValid() ? time.toTimeZone(zone).toString(u"yyyy-MM-dd HH:mm:ss"_s) : QString();
}

} // namespace

ReportService::ReportService(Database &db, SeatOperationsService &seats)
    : m_db(db)
    , m_seats(seats)
{
}

SalesReport ReportService::sales(std::optional<qint64> concertId)
{
    QSqlQuery &q = m_db.exec(
        u"SELECT sc.id, sc.concert_id, c.title, sc.starts_at, "
        " count(*) FILTER (WHERE s.status = 'SOLD'), "
        " count(*) FILTER (WHERE s.status = 'HELD' AND s.held_until > now()), "
        " count(*) FILTER (WHERE s.status = 'AVAILABLE' OR (s.status = 'HELD' AND s.held_until <= "
        "now())), "
        " count(*) FILTER (WHERE s.status = 'BLOCKED'), "
        " (SELECT coalesce(sum(p.amount), 0) FROM payments p JOIN reservations r ON r.id = "
        "p.reservation_id "
        "   WHERE r.schedule_id = sc.id AND p.refunded_at IS NULL), "
        " (SELECT coalesce(sum(p.amount), 0) FROM payments p JOIN reservations r ON r.id = "
        "p.reservation_id "
        "   WHERE r.schedule_id = sc.id AND p.refunded_at IS NOT NULL) "
        "FROM schedules sc JOIN concerts c ON c.id = sc.concert_id JOIN seats s ON s.schedule_id = "
        "sc.id "
        "WHERE (? = 0 OR sc.concert_id = ?) GROUP BY sc.id, c.title ORDER BY sc.concert_id, sc.starts_at"_s,
        {concertId.value_or(0), concertId.value_or(0)});
    SalesReport report;
    while (q.next()) {
        SalesRow row;
        row.scheduleId = q.value(0).toLongLong();
        row.concertId = q.value(1).toLongLong();
        row.title = q.value(2).toString();
        row.startsAt = q.value(3).toDateTime();
        row.figures = {q.value(4).toInt(), q.value(5).toInt(),      q.value(6).toInt(),
                       q.value(7).toInt(), q.value(8).toLongLong(), q.value(9).toLongLong()};
        report.append(row);
    }
    return report;
}

ReconciliationReport ReportService::reconciliation()
{
    ReconciliationReport report;
    report.findings.append(
        {FindingKind::PaymentsWithoutSoldSeats,
         sql::mapRows<FindingRow>(
             m_db.exec(
                 u"SELECT p.id::text, p.reservation_id::text, p.amount FROM payments p WHERE "
                 "p.refunded_at IS NULL AND "
                 " (SELECT count(*) FROM seats s WHERE s.reservation_id = p.reservation_id AND "
                 "s.status = 'SOLD') "
                 " <> (SELECT count(*) FROM reservation_seats rs WHERE rs.reservation_id = "
                 "p.reservation_id)"_s),
             [](const QSqlQuery &q, FindingRow &r) {
                 r.paymentId = q.value(0).toString();
                 r.reservationId = q.value(1).toString();
                 r.amount = q.value(2).toLongLong();
             })});
    report.findings.append(
        {FindingKind::SoldSeatsWithoutPayment,
         sql::mapRows<FindingRow>(
             m_db.exec(u"SELECT s.schedule_id, s.number, s.reservation_id::text FROM seats s WHERE "
                       "s.status = 'SOLD' AND NOT EXISTS "
                       " (SELECT 1 FROM payments p WHERE p.reservation_id = s.reservation_id AND "
                       "p.refunded_at IS NULL) "
                       "ORDER BY s.schedule_id, s.number"_s),
             [](const QSqlQuery &q, FindingRow &r) {
                 r.scheduleId = q.value(0).toLongLong();
                 r.number = q.value(1).toInt();
                 r.reservationId = q.value(2).toString();
             })});
    report.findings.append(
        {FindingKind::LedgerMismatches,
         sql::mapRows<FindingRow>(
             m_db.exec(u"SELECT w.user_id::text, u.username, w.balance, coalesce(sum(l.amount), 0) "
                       "FROM wallets w JOIN users u ON u.id = w.user_id LEFT JOIN wallet_ledger l "
                       "ON l.user_id = w.user_id "
                       "GROUP BY w.user_id, u.username, w.balance "
                       "HAVING w.balance <> coalesce(sum(l.amount), 0)"_s),
             [](const QSqlQuery &q, FindingRow &r) {
                 r.userId = q.value(0).toString();
                 r.username = q.value(1).toString();
                 r.balance = q.value(2).toLongLong();
                 r.ledgerSum = q.value(3).toLongLong();
             })});
    report.findings.append(
        {FindingKind::PaymentAmountMismatches,
         sql::mapRows<FindingRow>(
             m_db.exec(u"SELECT p.id::text, p.amount, r.total FROM payments p JOIN reservations r "
                       "ON r.id = p.reservation_id WHERE p.amount <> r.total"_s),
             [](const QSqlQuery &q, FindingRow &r) {
                 r.paymentId = q.value(0).toString();
                 r.amount = q.value(1).toLongLong();
                 r.reservationTotal = q.value(2).toLongLong();
             })});
    // The sweeper frees holds within a second or two; older ones mean it is not running.
    report.findings.append(
        {FindingKind::OverdueHolds,
         sql::mapRows<FindingRow>(
             m_db.exec(u"SELECT schedule_id, number, reservation_id::text, held_until FROM seats "
                       "WHERE status = 'HELD' AND held_until < now() - interval '30 seconds' "
                       "ORDER BY held_until"_s),
             [](const QSqlQuery &q, FindingRow &r) {
                 r.scheduleId = q.value(0).toLongLong();
                 r.number = q.value(1).toInt();
                 r.reservationId = q.value(2).toString();
                 r.heldUntil = q.value(3).toDateTime();
             })});
    QSqlQuery &totals = m_db.exec(
        u"SELECT (SELECT coalesce(sum(balance), 0) FROM wallets), "
        "(SELECT coalesce(sum(amount), 0) FROM wallet_ledger WHERE kind = 'TOPUP'), "
        "(SELECT coalesce(-sum(amount), 0) FROM wallet_ledger WHERE kind = 'PAYMENT'), "
        "(SELECT coalesce(sum(amount), 0) FROM wallet_ledger WHERE kind = 'REFUND'), "
        "(SELECT coalesce(sum(amount), 0) FROM payments WHERE refunded_at IS NULL), "
        "(SELECT coalesce(sum(amount), 0) FROM wallet_ledger WHERE kind = 'ADJUSTMENT'), "
        "(SELECT coalesce(-sum(amount), 0) FROM wallet_ledger WHERE kind = 'CARD_REFUND')"_s);
    totals.next();
    report.walletBalances = totals.value(0).toLongLong();
    report.topUps = totals.value(1).toLongLong();
    report.payments = totals.value(2).toLongLong();
    report.refunds = totals.value(3).toLongLong();
    report.revenue = totals.value(4).toLongLong();
    report.adjustments = totals.value(5).toLongLong();
    report.cardRefunds = totals.value(6).toLongLong();
    report.ok = report.problemCount() == 0;
    return report;
}

QByteArray ReportService::salesCsv()
{
    QHash<qint64, QString> zones;
    QSqlQuery &q = m_db.exec(u"SELECT id, time_zone FROM concerts"_s);
    while (q.next())
        zones.insert(q.value(0).toLongLong(), q.value(1).toString());
    QList<QStringList> rows;
    for (const SalesRow &row : sales(std::nullopt).schedules) {
        const SalesFigures &f = row.figures;
        const QString zone = zones.value(row.concertId);
        rows.append({QString::number(row.concertId), row.title, QString::number(row.scheduleId),
                     venueTime(row.startsAt, venueTimeZone(zone)), QString::number(f.sold),
                     QString::number(f.held), QString::number(f.available),
                     QString::number(f.blocked), QString::number(f.revenue),
                     QString::number(f.refunded), zone});
    }
    return csv({u"concert_id"_s, u"title"_s, u"schedule_id"_s, u"starts_at"_s, u"sold"_s, u"held"_s,
                u"available"_s, u"blocked"_s, u"revenue_krw"_s, u"refunded_krw"_s, u"time_zone"_s},
               rows);
}

QByteArray ReportService::attendeesCsv(qint64 scheduleId)
{
    QSqlQuery &q = m_db.exec(u"SELECT c.time_zone FROM schedules sc JOIN concerts c "
                             "ON c.id = sc.concert_id WHERE sc.id = ?"_s,
                             {scheduleId});
    const QString zoneName = q.next() ? q.value(0).toString() : QString();
    const QTimeZone zone = venueTimeZone(zoneName);
    QList<QStringList> rows;
    for (const AdminSeat &s : m_seats.seats(scheduleId).seats) {
        if (s.seat.status != SeatStatus::Sold)
            continue;
        rows.append({QString::number(s.seat.number), s.seat.tier, QString::number(s.seat.price),
                     s.holder, s.reservationId, venueTime(s.paidAt, zone), zoneName});
    }
    return csv({u"seat"_s, u"tier"_s, u"price_krw"_s, u"customer"_s, u"reservation_id"_s,
                u"paid_at"_s, u"time_zone"_s},
               rows);
}

} // namespace encore::server
