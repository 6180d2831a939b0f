#include "catalogueservice.h"

#include "apipaths.h"
#include "jsonreader.h"
#include "models/seat.h"
#include "queue/queueservice.h"
#include "services/auditservice.h"
#include "services/concertservice.h"
#include "services/seatoperationsservice.h"
#include "storage/database.h"
#include "storage/sqlvalues.h"

#include <QJsonDocument>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace encore::server {

namespace {

ApiError invalid(const QString &field, Msg message)
{
    return ApiError(ErrorCode::ValidationFailed, message, {}, {{u"field"_s, field}});
}

} // namespace

CatalogueService::CatalogueService(Database &db, ConcertService &concerts, QueueService &queue,
                                   SeatOperationsService &seats, AuditService &audit)
    : m_db(db)
    , m_concerts(concerts)
    , m_queue(queue)
    , m_seats(seats)
    , m_audit(audit)
{
}

void CatalogueService::validate(const ConcertDraft &in)
{
    if (in.title.trimmed().isEmpty() || in.title.size() > 200)
        throw invalid(u"title"_s, Msg::TitleInvalid);
    if (in.artist.size() > 200 || in.venue.size() > 200 || in.description.size() > 5000)
        throw invalid(u"description"_s, Msg::ConcertTextTooLong);
    if (!in.timeZone.isEmpty() && !isKnownTimeZone(in.timeZone))
        throw invalid(u"timeZone"_s, Msg::TimeZoneUnknown);
}

void CatalogueService::validate(const ScheduleDraft &in)
{
    if (!in.startsAt.isValid() || !in.salesOpenAt.isValid() || !in.salesCloseAt.isValid())
        throw invalid(u"startsAt"_s, Msg::TimesRequired);
    if (!(in.salesOpenAt < in.salesCloseAt))
        throw invalid(u"salesCloseAt"_s, Msg::SalesCloseBeforeOpen);
    if (in.salesCloseAt > in.startsAt)
        throw invalid(u"salesCloseAt"_s, Msg::SalesCloseAfterShow);
    if (in.startsAt <= QDateTime::currentDateTimeUtc())
        throw invalid(u"startsAt"_s, Msg::ShowInPast);
}

void CatalogueService::validateTiers(const QMap<QString, Money> &tierPrices)
{
    for (auto it = tierPrices.cbegin(); it != tierPrices.cend(); ++it) {
        if (!kSeatTiers.contains(it.key()))
            throw invalid(u"tiers"_s, Msg::TiersInvalid);
    }
}

void CatalogueService::requireNoSalesHistory(const QString &where, const QVariantList &values,
                                             Msg hasSales, Msg hasHolds)
{
    QSqlQuery &q
        = m_db.exec(u"SELECT count(*) FILTER (WHERE r.status IN ('PAID', 'REFUNDED')), "
                    " count(*) FILTER (WHERE r.status = 'HELD' AND r.held_until > now()) "
                    "FROM reservations r JOIN schedules sc ON sc.id = r.schedule_id WHERE "_s
                        + where,
                    values);
    q.next();
    if (q.value(0).toLongLong() > 0)
        throw ApiError(ErrorCode::Conflict, hasSales, {}, {{u"sold"_s, q.value(0).toLongLong()}});
    if (q.value(1).toLongLong() > 0)
        throw ApiError(ErrorCode::Conflict, hasHolds, {}, {{u"held"_s, q.value(1).toLongLong()}});
}

Concert CatalogueService::createConcert(const User &staff, const ConcertDraft &in)
{
    validate(in);
    return m_db.transact([&] {
        const qint64 id = m_concerts.createConcert(in);
        m_queue.ensureSettings(id);
        m_audit.record(staff, u"concert.create"_s, u"concert:%1"_s.arg(id),
                       {{wordOf(AuditDetail::Title), in.title}});
        return m_concerts.get(id);
    });
}

Concert CatalogueService::updateConcert(const User &staff, qint64 concertId, const ConcertDraft &in)
{
    validate(in);
    return m_db.transact([&] {
        QSqlQuery &q
            = m_db.exec(u"UPDATE concerts SET title = ?, artist = ?, venue = ?, description = ?, "
                        "time_zone = coalesce(?, time_zone) WHERE id = ? RETURNING id"_s,
                        {in.title.trimmed(), sql::text(in.artist), sql::text(in.venue),
                         sql::text(in.description), sql::textOrNull(in.timeZone), concertId});
        if (!q.next())
            throw ApiError(ErrorCode::NotFound, Msg::NoSuchConcert);
        QJsonObject details {{wordOf(AuditDetail::Title), in.title}};
        if (!in.timeZone.isEmpty())
            details.insert(wordOf(AuditDetail::TimeZone), in.timeZone);
        m_audit.record(staff, u"concert.update"_s, u"concert:%1"_s.arg(concertId), details);
        return m_concerts.get(concertId);
    });
}

void CatalogueService::deleteConcert(const User &staff, qint64 concertId)
{
    m_db.transact([&] {
        QSqlQuery &q
            = m_db.exec(u"SELECT title FROM concerts WHERE id = ? FOR UPDATE"_s, {concertId});
        if (!q.next())
            throw ApiError(ErrorCode::NotFound, Msg::NoSuchConcert);
        const QString title = q.value(0).toString();
        requireNoSalesHistory(u"sc.concert_id = ?"_s, {concertId}, Msg::ConcertHasSales,
                              Msg::ConcertHasHolds);
        m_db.exec(
            u"DELETE FROM reservations WHERE schedule_id IN (SELECT id FROM schedules WHERE concert_id = ?)"_s,
            {concertId});
        m_db.exec(u"DELETE FROM concerts WHERE id = ?"_s, {concertId});
        m_audit.record(staff, u"concert.delete"_s, u"concert:%1"_s.arg(concertId),
                       {{wordOf(AuditDetail::Title), title}});
    });
}

Schedule CatalogueService::createSchedule(const User &staff, qint64 concertId,
                                          const ScheduleDraft &in)
{
    validate(in);
    validateTiers(in.prices);
    const QMap<QString, Money> &tierPrices = in.prices;
    TierPrices prices;
    prices.vip = tierPrices.value(u"VIP"_s, prices.vip);
    prices.r = tierPrices.value(u"R"_s, prices.r);
    prices.s = tierPrices.value(u"S"_s, prices.s);
    prices.a = tierPrices.value(u"A"_s, prices.a);
    return m_db.transact([&] {
        QSqlQuery &c = m_db.exec(u"SELECT 1 FROM concerts WHERE id = ?"_s, {concertId});
        if (!c.next())
            throw ApiError(ErrorCode::NotFound, Msg::NoSuchConcert);
        const qint64 id = m_concerts.createSchedule(concertId, in.startsAt, in.salesOpenAt,
                                                    in.salesCloseAt, prices);
        m_audit.record(staff, u"schedule.create"_s, u"schedule:%1"_s.arg(id),
                       {{wordOf(AuditDetail::ConcertId), concertId},
                        {wordOf(AuditDetail::StartsAt), isoTime(in.startsAt)}});
        return schedule(id);
    });
}

Schedule CatalogueService::updateSchedule(const User &staff, qint64 scheduleId,
                                          const ScheduleDraft &in)
{
    validate(in);
    return m_db.transact([&] {
        QSqlQuery &u = m_db.exec(
            u"UPDATE schedules SET starts_at = ?, sales_open_at = ?, sales_close_at = ? WHERE id = ? RETURNING id"_s,
            {in.startsAt.toUTC(), in.salesOpenAt.toUTC(), in.salesCloseAt.toUTC(), scheduleId});
        if (!u.next())
            throw ApiError(ErrorCode::NotFound, Msg::NoSuchDate);
        m_audit.record(staff, u"schedule.update"_s, u"schedule:%1"_s.arg(scheduleId),
                       {{wordOf(AuditDetail::StartsAt), isoTime(in.startsAt)},
                        {wordOf(AuditDetail::SalesOpenAt), isoTime(in.salesOpenAt)},
                        {wordOf(AuditDetail::SalesCloseAt), isoTime(in.salesCloseAt)}});
        return schedule(scheduleId);
    });
}

void CatalogueService::deleteSchedule(const User &staff, qint64 scheduleId)
{
    m_db.transact([&] {
        QSqlQuery &q = m_db.exec(u"SELECT concert_id FROM schedules WHERE id = ? FOR UPDATE"_s,
                                 {scheduleId});
        if (!q.next())
            throw ApiError(ErrorCode::NotFound, Msg::NoSuchDate);
        requireNoSalesHistory(u"sc.id = ?"_s, {scheduleId}, Msg::DateHasSales, Msg::DateHasHolds);
        m_db.exec(u"DELETE FROM reservations WHERE schedule_id = ?"_s, {scheduleId});
        m_db.exec(u"DELETE FROM schedules WHERE id = ?"_s, {scheduleId});
        m_audit.record(staff, u"schedule.delete"_s, u"schedule:%1"_s.arg(scheduleId), {});
    });
}

AdminSeatMap CatalogueService::setPrices(const User &staff, qint64 scheduleId,
                                         const PriceChange &change)
{
    const QMap<QString, Money> &tierPrices = change.tiers;
    const QMap<int, Money> &seatPrices = change.seats;
    validateTiers(tierPrices);
    return m_db.transact([&] {
        QSqlQuery &q
            = m_db.exec(u"SELECT 1 FROM schedules WHERE id = ? FOR UPDATE"_s, {scheduleId});
        if (!q.next())
            throw ApiError(ErrorCode::NotFound, Msg::NoSuchDate);
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
        m_audit.record(staff, u"schedule.prices"_s, u"schedule:%1"_s.arg(scheduleId),
                       {{wordOf(AuditDetail::Tiers), tiers},
                        {wordOf(AuditDetail::Seats), seats},
                        {wordOf(AuditDetail::ChangedSeats), changed}});
        return m_seats.seats(scheduleId);
    });
}

QueueSettings CatalogueService::updateQueueSettings(const User &staff, qint64 concertId,
                                                    const QueueSettings &settings)
{
    return m_db.transact([&] {
        const QueueSettings applied = m_queue.updateSettings(concertId, settings);
        m_audit.record(staff, u"queue.settings"_s, u"concert:%1"_s.arg(concertId),
                       applied.toJson());
        return applied;
    });
}

Schedule CatalogueService::schedule(qint64 scheduleId)
{
    QSqlQuery &q = m_db.exec(
        u"SELECT sc.id, sc.concert_id, sc.starts_at, sc.sales_open_at, sc.sales_close_at, "
        " count(s.number) FILTER (WHERE seat_on_sale(s)), count(s.number), coalesce(min(s.price), "
        "0), "
        "coalesce(max(s.price), 0) "
        "FROM schedules sc LEFT JOIN seats s ON s.schedule_id = sc.id WHERE sc.id = ? "
        "GROUP BY sc.id"_s,
        {scheduleId});
    if (!q.next())
        throw ApiError(ErrorCode::NotFound, Msg::NoSuchDate);
    Schedule s;
    s.id = q.value(0).toLongLong();
    s.concertId = q.value(1).toLongLong();
    s.startsAt = q.value(2).toDateTime();
    s.salesOpenAt = q.value(3).toDateTime();
    s.salesCloseAt = q.value(4).toDateTime();
    s.availableSeats = q.value(5).toInt();
    s.totalSeats = q.value(6).toInt();
    s.minPrice = q.value(7).toLongLong();
    s.maxPrice = q.value(8).toLongLong();
    return s;
}

} // namespace encore::server
