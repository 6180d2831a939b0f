#include "adminservice.h"

#include "apipaths.h"
#include "jsonreader.h"
#include "models/seat.h"
#include "queue/queueservice.h"
#include "services/concertservice.h"
#include "storage/database.h"
#include "storage/sqlvalues.h"

#include <QJsonDocument>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace encore::server {

namespace {

const QStringList kTiers {u"VIP"_s, u"R"_s, u"S"_s, u"A"_s};

ApiError invalid(const QString &field, const QString &message)
{
    return ApiError(ErrorCode::ValidationFailed, message, {{u"field"_s, field}});
}

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
    QString out = header.join(u',') + u"\r\n"_s;
    for (const QStringList &row : rows) {
        QStringList cells;
        for (const QString &c : row)
            cells.append(csvCell(c));
        out += cells.join(u',') + u"\r\n"_s;
    }
    return out.toUtf8();
}

QJsonObject scheduleJson(const QSqlQuery &q)
{
    return {{u"id"_s, q.value(0).toLongLong()},
            {u"concertId"_s, q.value(1).toLongLong()},
            {u"startsAt"_s, isoTime(q.value(2).toDateTime())},
            {u"salesOpenAt"_s, isoTime(q.value(3).toDateTime())},
            {u"salesCloseAt"_s, isoTime(q.value(4).toDateTime())}};
}

const QString kSelectSchedule
    = u"SELECT id, concert_id, starts_at, sales_open_at, sales_close_at FROM schedules WHERE id = ?"_s;

} // namespace

AdminService::AdminService(Database &db, ConcertService &concerts, QueueService &queue)
    : m_db(db)
    , m_concerts(concerts)
    , m_queue(queue)
{
}

void AdminService::validate(const ConcertInput &in)
{
    if (in.title.trimmed().isEmpty() || in.title.size() > 200)
        throw invalid(u"title"_s, u"A title is 1 to 200 characters."_s);
    if (in.artist.size() > 200 || in.venue.size() > 200 || in.description.size() > 5000)
        throw invalid(u"description"_s,
                      u"Artist and venue are at most 200 characters, the description 5,000."_s);
}

void AdminService::validate(const ScheduleInput &in)
{
    if (!in.startsAt.isValid() || !in.salesOpenAt.isValid() || !in.salesCloseAt.isValid())
        throw invalid(u"startsAt"_s,
                      u"startsAt, salesOpenAt and salesCloseAt are required times."_s);
    if (!(in.salesOpenAt < in.salesCloseAt))
        throw invalid(u"salesCloseAt"_s, u"Sales must close after they open."_s);
    if (in.salesCloseAt > in.startsAt)
        throw invalid(u"salesCloseAt"_s, u"Sales must close by the time the show starts."_s);
    if (in.startsAt <= QDateTime::currentDateTimeUtc())
        throw invalid(u"startsAt"_s, u"The show must start in the future."_s);
}

void AdminService::validateTiers(const QMap<QString, Money> &tierPrices)
{
    for (auto it = tierPrices.cbegin(); it != tierPrices.cend(); ++it) {
        if (!kTiers.contains(it.key()))
            throw invalid(u"tiers"_s, u"Tiers are VIP, R, S and A."_s);
    }
}

void AdminService::record(const User &staff, const QString &action, const QString &target,
                          const QJsonObject &details)
{
    m_concerts.invalidateListing(); // every staff change may alter what the listing shows
    m_db.exec(
        u"INSERT INTO audit_log(actor_id, action, target, details) VALUES (?::uuid, ?, ?, ?::jsonb)"_s,
        {sql::uuid(staff.id), action, target,
         QString::fromUtf8(QJsonDocument(details).toJson(QJsonDocument::Compact))});
}

void AdminService::requireNoSalesHistory(const QString &where, const QVariantList &values,
                                         const QString &what)
{
    QSqlQuery &q
        = m_db.exec(u"SELECT count(*) FILTER (WHERE r.status IN ('PAID', 'REFUNDED')), "
                    " count(*) FILTER (WHERE r.status = 'HELD' AND r.held_until > now()) "
                    "FROM reservations r JOIN schedules sc ON sc.id = r.schedule_id WHERE "_s
                        + where,
                    values);
    q.next();
    if (q.value(0).toLongLong() > 0)
        throw ApiError(ErrorCode::Conflict,
                       u"This %1 has sold tickets, so it cannot be deleted."_s.arg(what),
                       {{u"sold"_s, q.value(0).toLongLong()}});
    if (q.value(1).toLongLong() > 0)
        throw ApiError(ErrorCode::Conflict,
                       u"Customers are holding seats of this %1; release them first."_s.arg(what),
                       {{u"held"_s, q.value(1).toLongLong()}});
}

QJsonObject AdminService::createConcert(const User &staff, const ConcertInput &in)
{
    validate(in);
    return m_db.transact([&] {
        const qint64 id
            = m_concerts.createConcert(in.title.trimmed(), in.artist, in.venue, in.description);
        m_queue.ensureSettings(id);
        record(staff, u"concert.create"_s, u"concert:%1"_s.arg(id), {{u"title"_s, in.title}});
        return m_concerts.get(id).toJson();
    });
}

QJsonObject AdminService::updateConcert(const User &staff, qint64 concertId, const ConcertInput &in)
{
    validate(in);
    return m_db.transact([&] {
        QSqlQuery &q = m_db.exec(
            u"UPDATE concerts SET title = ?, artist = ?, venue = ?, description = ? WHERE id = ? RETURNING id"_s,
            {in.title.trimmed(), sql::text(in.artist), sql::text(in.venue),
             sql::text(in.description), concertId});
        if (!q.next())
            throw ApiError(ErrorCode::NotFound, u"No such concert."_s);
        record(staff, u"concert.update"_s, u"concert:%1"_s.arg(concertId),
               {{u"title"_s, in.title}});
        return m_concerts.get(concertId).toJson();
    });
}

void AdminService::deleteConcert(const User &staff, qint64 concertId)
{
    m_db.transact([&] {
        QSqlQuery &q
            = m_db.exec(u"SELECT title FROM concerts WHERE id = ? FOR UPDATE"_s, {concertId});
        if (!q.next())
            throw ApiError(ErrorCode::NotFound, u"No such concert."_s);
        const QString title = q.value(0).toString();
        requireNoSalesHistory(u"sc.concert_id = ?"_s, {concertId}, u"concert"_s);
        m_db.exec(
            u"DELETE FROM reservations WHERE schedule_id IN (SELECT id FROM schedules WHERE concert_id = ?)"_s,
            {concertId});
        m_db.exec(u"DELETE FROM concerts WHERE id = ?"_s, {concertId});
        record(staff, u"concert.delete"_s, u"concert:%1"_s.arg(concertId), {{u"title"_s, title}});
    });
}

QJsonObject AdminService::createSchedule(const User &staff, qint64 concertId,
                                         const ScheduleInput &in,
                                         const QMap<QString, Money> &tierPrices)
{
    validate(in);
    validateTiers(tierPrices);
    TierPrices prices;
    prices.vip = tierPrices.value(u"VIP"_s, prices.vip);
    prices.r = tierPrices.value(u"R"_s, prices.r);
    prices.s = tierPrices.value(u"S"_s, prices.s);
    prices.a = tierPrices.value(u"A"_s, prices.a);
    return m_db.transact([&] {
        QSqlQuery &c = m_db.exec(u"SELECT 1 FROM concerts WHERE id = ?"_s, {concertId});
        if (!c.next())
            throw ApiError(ErrorCode::NotFound, u"No such concert."_s);
        const qint64 id = m_concerts.createSchedule(concertId, in.startsAt, in.salesOpenAt,
                                                    in.salesCloseAt, prices);
        record(staff, u"schedule.create"_s, u"schedule:%1"_s.arg(id),
               {{u"concertId"_s, concertId}, {u"startsAt"_s, isoTime(in.startsAt)}});
        QSqlQuery &q = m_db.exec(kSelectSchedule, {id});
        q.next();
        return scheduleJson(q);
    });
}

QJsonObject AdminService::updateSchedule(const User &staff, qint64 scheduleId,
                                         const ScheduleInput &in)
{
    validate(in);
    return m_db.transact([&] {
        QSqlQuery &u = m_db.exec(
            u"UPDATE schedules SET starts_at = ?, sales_open_at = ?, sales_close_at = ? WHERE id = ? RETURNING id"_s,
            {in.startsAt.toUTC(), in.salesOpenAt.toUTC(), in.salesCloseAt.toUTC(), scheduleId});
        if (!u.next())
            throw ApiError(ErrorCode::NotFound, u"No such date."_s);
        record(staff, u"schedule.update"_s, u"schedule:%1"_s.arg(scheduleId),
               {{u"startsAt"_s, isoTime(in.startsAt)},
                {u"salesOpenAt"_s, isoTime(in.salesOpenAt)},
                {u"salesCloseAt"_s, isoTime(in.salesCloseAt)}});
        QSqlQuery &q = m_db.exec(kSelectSchedule, {scheduleId});
        q.next();
        return scheduleJson(q);
    });
}

void AdminService::deleteSchedule(const User &staff, qint64 scheduleId)
{
    m_db.transact([&] {
        QSqlQuery &q = m_db.exec(u"SELECT concert_id FROM schedules WHERE id = ? FOR UPDATE"_s,
                                 {scheduleId});
        if (!q.next())
            throw ApiError(ErrorCode::NotFound, u"No such date."_s);
        requireNoSalesHistory(u"sc.id = ?"_s, {scheduleId}, u"date"_s);
        m_db.exec(u"DELETE FROM reservations WHERE schedule_id = ?"_s, {scheduleId});
        m_db.exec(u"DELETE FROM schedules WHERE id = ?"_s, {scheduleId});
        record(staff, u"schedule.delete"_s, u"schedule:%1"_s.arg(scheduleId), {});
    });
}

QJsonObject AdminService::setPrices(const User &staff, qint64 scheduleId,
                                    const QMap<QString, Money> &tierPrices,
                                    const QMap<int, Money> &seatPrices)
{
    validateTiers(tierPrices);
    return m_db.transact([&] {
        QSqlQuery &q
            = m_db.exec(u"SELECT 1 FROM schedules WHERE id = ? FOR UPDATE"_s, {scheduleId});
        if (!q.next())
            throw ApiError(ErrorCode::NotFound, u"No such date."_s);
        // Sold seats keep the price they were sold at; held seats' totals are already fixed.
        int changed = 0;
        for (auto it = tierPrices.cbegin(); it != tierPrices.cend(); ++it)
            changed
                += m_db.exec(
                           u"UPDATE seats SET price = ?, version = nextval('seat_version_seq') "
                           "WHERE schedule_id = ? AND tier = ? AND status <> 'SOLD' AND price <> ?"_s,
                           {it.value(), scheduleId, it.key(), it.value()})
                       .numRowsAffected();
        for (auto it = seatPrices.cbegin(); it != seatPrices.cend(); ++it)
            changed
                += m_db.exec(
                           u"UPDATE seats SET price = ?, version = nextval('seat_version_seq') "
                           "WHERE schedule_id = ? AND number = ? AND status <> 'SOLD' AND price <> ?"_s,
                           {it.value(), scheduleId, it.key(), it.value()})
                       .numRowsAffected();
        QJsonObject tiers, seats;
        for (auto it = tierPrices.cbegin(); it != tierPrices.cend(); ++it)
            tiers.insert(it.key(), it.value());
        for (auto it = seatPrices.cbegin(); it != seatPrices.cend(); ++it)
            seats.insert(QString::number(it.key()), it.value());
        record(staff, u"schedule.prices"_s, u"schedule:%1"_s.arg(scheduleId),
               {{u"tiers"_s, tiers}, {u"seats"_s, seats}, {u"changedSeats"_s, changed}});
        return this->seats(scheduleId);
    });
}

QJsonObject AdminService::seats(qint64 scheduleId)
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
    QJsonArray seats;
    qint64 version = 0;
    while (q.next()) {
        const bool occupied = !q.value(6).isNull();
        QJsonObject seat {{u"number"_s, q.value(0).toInt()},
                          {u"tier"_s, q.value(1).toString()},
                          {u"price"_s, q.value(2).toLongLong()},
                          {u"status"_s, q.value(3).toString()},
                          {u"heldUntil"_s, isoTimeOrNull(q.value(4).toDateTime())},
                          {u"version"_s, q.value(5).toLongLong()},
                          {u"mine"_s, false}};
        seat.insert(u"reservationId"_s,
                    occupied ? QJsonValue(q.value(6).toString()) : QJsonValue());
        seat.insert(u"holder"_s, occupied ? QJsonValue(q.value(7).toString()) : QJsonValue());
        seat.insert(u"paidAt"_s, occupied ? isoTimeOrNull(q.value(8).toDateTime()) : QJsonValue());
        version = std::max(version, q.value(5).toLongLong());
        seats.append(seat);
    }
    if (seats.isEmpty())
        throw ApiError(ErrorCode::NotFound, u"No such date."_s);
    return {{u"scheduleId"_s, scheduleId}, {u"version"_s, version}, {u"seats"_s, seats}};
}

QJsonObject AdminService::releaseHold(const User &staff, qint64 scheduleId, int seat)
{
    return m_db.transact([&] {
        QSqlQuery &s
            = m_db.exec(u"SELECT reservation_id FROM seats WHERE schedule_id = ? AND number = ? "
                        "AND status = 'HELD' AND held_until > now()"_s,
                        {scheduleId, seat});
        if (!s.next())
            throw ApiError(ErrorCode::Conflict, u"Seat %1 is not held."_s.arg(seat));
        const QString reservation = s.value(0).toString();
        // Same lock order as payment (reservation, then seats): a customer paying at this very
        // moment either pays first (and the release finds nothing held) or finds it cancelled.
        QSqlQuery &r = m_db.exec(
            u"UPDATE reservations SET status = 'CANCELLED', ended_at = now() "
            "WHERE id = ?::uuid AND status = 'HELD' AND held_until > now() RETURNING user_id"_s,
            {reservation});
        if (!r.next())
            throw ApiError(ErrorCode::Conflict, u"Seat %1 is no longer held."_s.arg(seat));
        const QString holder = r.value(0).toString();
        const int freed
            = m_db.exec(
                      u"UPDATE seats SET status = 'AVAILABLE', reservation_id = NULL, held_until = "
                      u"NULL, "
                      "version = nextval('seat_version_seq') WHERE reservation_id = ?::uuid AND status = 'HELD'"_s,
                      {reservation})
                  .numRowsAffected();
        record(
            staff, u"seat.release"_s, u"schedule:%1/seat:%2"_s.arg(scheduleId).arg(seat),
            {{u"reservationId"_s, reservation}, {u"holder"_s, holder}, {u"seatsFreed"_s, freed}});
        return seats(scheduleId);
    });
}

QJsonObject AdminService::blockSeat(const User &staff, qint64 scheduleId, int seat)
{
    return m_db.transact([&] {
        QSqlQuery &q = m_db.exec(
            u"UPDATE seats SET status = 'BLOCKED', reservation_id = NULL, held_until = NULL, "
            "version = nextval('seat_version_seq') "
            "WHERE schedule_id = ? AND number = ? "
            "AND (status = 'AVAILABLE' OR (status = 'HELD' AND held_until < now())) RETURNING number"_s,
            {scheduleId, seat});
        if (!q.next()) {
            seats(scheduleId); // NOT_FOUND for a date that does not exist
            throw ApiError(ErrorCode::SeatUnavailable,
                           u"Seat %1 is held or sold; only a free seat can be blocked."_s.arg(seat),
                           {{u"seats"_s, QJsonArray {seat}}});
        }
        record(staff, u"seat.block"_s, u"schedule:%1/seat:%2"_s.arg(scheduleId).arg(seat), {});
        return seats(scheduleId);
    });
}

QJsonObject AdminService::unblockSeat(const User &staff, qint64 scheduleId, int seat)
{
    return m_db.transact([&] {
        QSqlQuery &q = m_db.exec(
            u"UPDATE seats SET status = 'AVAILABLE', version = nextval('seat_version_seq') "
            "WHERE schedule_id = ? AND number = ? AND status = 'BLOCKED' RETURNING number"_s,
            {scheduleId, seat});
        if (!q.next()) {
            seats(scheduleId);
            throw ApiError(ErrorCode::Conflict, u"Seat %1 is not blocked."_s.arg(seat));
        }
        record(staff, u"seat.unblock"_s, u"schedule:%1/seat:%2"_s.arg(scheduleId).arg(seat), {});
        return seats(scheduleId);
    });
}

QJsonObject AdminService::updateQueueSettings(const User &staff, qint64 concertId,
                                              const QueueSettings &settings)
{
    return m_db.transact([&] {
        const QJsonObject applied = m_queue.updateSettings(concertId, settings).toJson();
        record(staff, u"queue.settings"_s, u"concert:%1"_s.arg(concertId), applied);
        return applied;
    });
}

QJsonObject AdminService::sales(std::optional<qint64> concertId)
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
    QJsonArray schedules;
    QMap<qint64, QJsonObject> concerts;
    while (q.next()) {
        const qint64 cid = q.value(1).toLongLong();
        const QJsonObject row {{u"scheduleId"_s, q.value(0).toLongLong()},
                               {u"concertId"_s, cid},
                               {u"title"_s, q.value(2).toString()},
                               {u"startsAt"_s, isoTime(q.value(3).toDateTime())},
                               {u"sold"_s, q.value(4).toInt()},
                               {u"held"_s, q.value(5).toInt()},
                               {u"available"_s, q.value(6).toInt()},
                               {u"blocked"_s, q.value(7).toInt()},
                               {u"revenue"_s, q.value(8).toLongLong()},
                               {u"refunded"_s, q.value(9).toLongLong()}};
        schedules.append(row);
        QJsonObject &c = concerts[cid];
        c.insert(u"concertId"_s, cid);
        c.insert(u"title"_s, row.value(u"title"_s));
        for (const auto *key :
             {u"sold", u"held", u"available", u"blocked", u"revenue", u"refunded"}) {
            const QString k = QString::fromUtf16(key);
            c.insert(k, c.value(k).toInteger() + row.value(k).toInteger());
        }
    }
    QJsonArray concertList;
    for (const QJsonObject &c : std::as_const(concerts))
        concertList.append(c);
    return {{u"schedules"_s, schedules}, {u"concerts"_s, concertList}};
}

QJsonObject AdminService::reconciliation()
{
    const auto rows = [this](const QString &sql, const QStringList &keys) {
        return sql::jsonRows(m_db.exec(sql), keys);
    };
    const QJsonArray paymentsWithoutSeats = rows(
        u"SELECT p.id::text, p.reservation_id::text, p.amount FROM payments p WHERE p.refunded_at "
        u"IS NULL AND "
        " (SELECT count(*) FROM seats s WHERE s.reservation_id = p.reservation_id AND s.status = "
        "'SOLD') "
        " <> (SELECT count(*) FROM reservation_seats rs WHERE rs.reservation_id = p.reservation_id)"_s,
        {u"paymentId"_s, u"reservationId"_s, u"amount"_s});
    const QJsonArray seatsWithoutPayment
        = rows(u"SELECT s.schedule_id, s.number, s.reservation_id::text FROM seats s WHERE "
               u"s.status = 'SOLD' AND NOT EXISTS "
               " (SELECT 1 FROM payments p WHERE p.reservation_id = s.reservation_id AND "
               "p.refunded_at IS NULL) "
               "ORDER BY s.schedule_id, s.number"_s,
               {u"scheduleId"_s, u"number"_s, u"reservationId"_s});
    const QJsonArray ledgerMismatches = rows(
        u"SELECT w.user_id::text, u.username, w.balance, coalesce(sum(l.amount), 0) "
        "FROM wallets w JOIN users u ON u.id = w.user_id LEFT JOIN wallet_ledger l ON l.user_id = "
        "w.user_id "
        "GROUP BY w.user_id, u.username, w.balance HAVING w.balance <> coalesce(sum(l.amount), 0)"_s,
        {u"userId"_s, u"username"_s, u"balance"_s, u"ledgerSum"_s});
    const QJsonArray paymentAmountMismatches
        = rows(u"SELECT p.id::text, p.amount, r.total FROM payments p JOIN reservations r ON r.id "
               u"= p.reservation_id "
               "WHERE p.amount <> r.total"_s,
               {u"paymentId"_s, u"amount"_s, u"reservationTotal"_s});
    // The sweeper frees holds within a second or two; older ones mean it is not running.
    const QJsonArray overdueHolds = rows(
        u"SELECT schedule_id, number, reservation_id::text, held_until FROM seats "
        "WHERE status = 'HELD' AND held_until < now() - interval '30 seconds' ORDER BY held_until"_s,
        {u"scheduleId"_s, u"number"_s, u"reservationId"_s, u"heldUntil"_s});
    QSqlQuery &totals
        = m_db.exec(u"SELECT (SELECT coalesce(sum(balance), 0) FROM wallets), "
                    "(SELECT coalesce(sum(amount), 0) FROM wallet_ledger WHERE kind = 'TOPUP'), "
                    "(SELECT coalesce(-sum(amount), 0) FROM wallet_ledger WHERE kind = 'PAYMENT'), "
                    "(SELECT coalesce(sum(amount), 0) FROM wallet_ledger WHERE kind = 'REFUND'), "
                    "(SELECT coalesce(sum(amount), 0) FROM payments WHERE refunded_at IS NULL)"_s);
    totals.next();
    const bool clean = paymentsWithoutSeats.isEmpty() && seatsWithoutPayment.isEmpty()
        && ledgerMismatches.isEmpty() && paymentAmountMismatches.isEmpty()
        && overdueHolds.isEmpty();
    return {{u"ok"_s, clean},
            {u"paymentsWithoutSoldSeats"_s, paymentsWithoutSeats},
            {u"soldSeatsWithoutPayment"_s, seatsWithoutPayment},
            {u"ledgerMismatches"_s, ledgerMismatches},
            {u"paymentAmountMismatches"_s, paymentAmountMismatches},
            {u"overdueHolds"_s, overdueHolds},
            {u"totals"_s,
             QJsonObject {{u"walletBalances"_s, totals.value(0).toLongLong()},
                          {u"topUps"_s, totals.value(1).toLongLong()},
                          {u"payments"_s, totals.value(2).toLongLong()},
                          {u"refunds"_s, totals.value(3).toLongLong()},
                          {u"revenue"_s, totals.value(4).toLongLong()}}}};
}

QJsonObject AdminService::audit(const QString &action, const QString &actor, int limit)
{
    QSqlQuery &q = m_db.exec(
        u"SELECT a.id, u.username, a.action, a.target, a.details::text, a.created_at "
        "FROM audit_log a LEFT JOIN users u ON u.id = a.actor_id "
        "WHERE (? = '' OR a.action LIKE ? || '%') AND (? = '' OR u.username = ?) "
        "ORDER BY a.id DESC LIMIT ?"_s,
        {sql::text(action), sql::text(action), sql::text(actor), sql::text(actor), limit});
    QJsonArray entries;
    while (q.next())
        entries.append(QJsonObject {
            {u"id"_s, q.value(0).toLongLong()},
            {u"actor"_s, q.value(1).toString()},
            {u"action"_s, q.value(2).toString()},
            {u"target"_s, q.value(3).toString()},
            {u"details"_s, QJsonDocument::fromJson(q.value(4).toString().toUtf8()).object()},
            {u"createdAt"_s, isoTime(q.value(5).toDateTime())}});
    return {{u"entries"_s, entries}};
}

QByteArray AdminService::salesCsv()
{
    QList<QStringList> rows;
    for (const QJsonValue &v : sales(std::nullopt).value(u"schedules"_s).toArray()) {
        const QJsonObject o = v.toObject();
        rows.append(
            {QString::number(o.value(u"concertId"_s).toInteger()), o.value(u"title"_s).toString(),
             QString::number(o.value(u"scheduleId"_s).toInteger()),
             o.value(u"startsAt"_s).toString(), QString::number(o.value(u"sold"_s).toInteger()),
             QString::number(o.value(u"held"_s).toInteger()),
             QString::number(o.value(u"available"_s).toInteger()),
             QString::number(o.value(u"blocked"_s).toInteger()),
             QString::number(o.value(u"revenue"_s).toInteger()),
             QString::number(o.value(u"refunded"_s).toInteger())});
    }
    return csv({u"concert_id"_s, u"title"_s, u"schedule_id"_s, u"starts_at"_s, u"sold"_s, u"held"_s,
                u"available"_s, u"blocked"_s, u"revenue_krw"_s, u"refunded_krw"_s},
               rows);
}

QByteArray AdminService::attendeesCsv(qint64 scheduleId)
{
    QList<QStringList> rows;
    for (const QJsonValue &v : seats(scheduleId).value(u"seats"_s).toArray()) {
        const QJsonObject s = v.toObject();
        rows.append({QString::number(s.value(u"number"_s).toInt()), s.value(u"tier"_s).toString(),
                     QString::number(s.value(u"price"_s).toInteger()),
                     s.value(u"status"_s).toString(), s.value(u"holder"_s).toString(),
                     s.value(u"reservationId"_s).toString(), s.value(u"heldUntil"_s).toString(),
                     s.value(u"paidAt"_s).toString()});
    }
    return csv({u"seat"_s, u"tier"_s, u"price_krw"_s, u"status"_s, u"customer"_s,
                u"reservation_id"_s, u"held_until"_s, u"paid_at"_s},
               rows);
}

} // namespace encore::server
