#include "apiroutes.h"

#include "api/apitypes.h"
#include "apipaths.h"
#include "http/routeregistrar.h"
#include "models/staffops.h"
#include "services/services.h"

using namespace Qt::StringLiterals;

namespace encore::server {

namespace {

int seatArg(const RequestContext &ctx, int i)
{
    const qint64 n = ctx.idArg(i);
    if (n > api::kSeatsPerSchedule)
        throw ApiError(ErrorCode::NotFound, Msg::NoSuchSeat);
    return int(n);
}

// The staff member's reason for a seat action ({"reason": "..."}, 3..500 characters, kept in the
// audit log); empty when the body gives none (older clients send an empty object).
QString seatReason(const RequestContext &ctx)
{
    if (ctx.request().body().trimmed().isEmpty())
        return {};
    const QJsonObject body = ctx.jsonBody();
    if (!body.contains(u"reason"_s))
        return {};
    return ctx.body<ReasonRequest>().reason;
}

std::optional<qint64> concertFilter(const RequestContext &ctx)
{
    const QString concert = ctx.queryValue(api::query::kConcertId);
    if (concert.isEmpty())
        return std::nullopt;
    bool ok = false;
    const qint64 id = concert.toLongLong(&ok);
    if (!ok || id <= 0)
        throw ApiError(ErrorCode::ValidationFailed, Msg::ConcertFilterInvalid, {},
                       {{u"field"_s, api::query::kConcertId}});
    return id;
}

} // namespace

void registerAdminRoutes(RouteRegistrar &routes, Services &s)
{
    const auto staff = [&s](const RequestContext &ctx) {
        return s.auth.authenticateStaff(ctx.bearerToken());
    };
    using api::kArg;

    // Catalogue: concerts, dates, prices, queue settings.
    routes.add(Method::Get, api::adminConcerts(), [&s, staff](RequestContext &ctx) {
        staff(ctx);
        return Reply::json(wrapList(api::keys::kConcerts, s.concerts.list()));
    });
    routes.add(Method::Post, api::adminConcerts(), [&s, staff](RequestContext &ctx) {
        const User user = staff(ctx);
        return Reply::of(s.catalogue.createConcert(user, ctx.body<ConcertDraft>()), 201);
    });
    routes.add(Method::Put, api::adminConcert(kArg), [&s, staff](RequestContext &ctx) {
        const User user = staff(ctx);
        return Reply::of(s.catalogue.updateConcert(user, ctx.idArg(0), ctx.body<ConcertDraft>()));
    });
    routes.add(Method::Delete, api::adminConcert(kArg), [&s, staff](RequestContext &ctx) {
        const User user = staff(ctx);
        s.catalogue.deleteConcert(user, ctx.idArg(0));
        return Reply::noContent();
    });
    routes.add(Method::Post, api::adminConcertSchedules(kArg), [&s, staff](RequestContext &ctx) {
        const User user = staff(ctx);
        const qint64 concertId = ctx.idArg(0);
        return Reply::of(s.catalogue.createSchedule(user, concertId, ctx.body<ScheduleDraft>()),
                         201);
    });
    routes.add(Method::Put, api::adminSchedule(kArg), [&s, staff](RequestContext &ctx) {
        const User user = staff(ctx);
        const qint64 scheduleId = ctx.idArg(0);
        return Reply::of(s.catalogue.updateSchedule(user, scheduleId, ctx.body<ScheduleDraft>()));
    });
    routes.add(Method::Delete, api::adminSchedule(kArg), [&s, staff](RequestContext &ctx) {
        const User user = staff(ctx);
        s.catalogue.deleteSchedule(user, ctx.idArg(0));
        return Reply::noContent();
    });
    routes.add(Method::Put, api::adminSchedulePrices(kArg), [&s, staff](RequestContext &ctx) {
        const User user = staff(ctx);
        const qint64 scheduleId = ctx.idArg(0);
        return Reply::of(s.catalogue.setPrices(user, scheduleId, ctx.body<PriceChange>()));
    });
    routes.add(Method::Put, api::adminQueueSettings(kArg), [&s, staff](RequestContext &ctx) {
        const User user = staff(ctx);
        const qint64 concertId = ctx.idArg(0);
        const auto settings = ctx.body<QueueSettings>();
        if (const auto invalid = settings.validate())
            throw *invalid;
        return Reply::of(s.catalogue.updateQueueSettings(user, concertId, settings));
    });
    routes.add(Method::Get, api::adminConcertQueue(kArg), [&s, staff](RequestContext &ctx) {
        staff(ctx);
        return Reply::of(s.queue.statistics(ctx.idArg(0)));
    });

    // Seat operations.
    routes.add(Method::Get, api::adminScheduleSeats(kArg), [&s, staff](RequestContext &ctx) {
        staff(ctx);
        return Reply::of(s.seatOperations.seats(ctx.idArg(0)));
    });
    routes.add(Method::Post, api::adminSeatRelease(kArg, kArg), [&s, staff](RequestContext &ctx) {
        const User user = staff(ctx);
        return Reply::of(
            s.seatOperations.releaseHold(user, ctx.idArg(0), seatArg(ctx, 1), seatReason(ctx)));
    });
    routes.add(Method::Post, api::adminSeatBlock(kArg, kArg), [&s, staff](RequestContext &ctx) {
        const User user = staff(ctx);
        return Reply::of(
            s.seatOperations.blockSeat(user, ctx.idArg(0), seatArg(ctx, 1), seatReason(ctx)));
    });
    routes.add(Method::Post, api::adminSeatUnblock(kArg, kArg), [&s, staff](RequestContext &ctx) {
        const User user = staff(ctx);
        return Reply::of(
            s.seatOperations.unblockSeat(user, ctx.idArg(0), seatArg(ctx, 1), seatReason(ctx)));
    });

    // Reports and audit.
    routes.add(Method::Get, api::adminSales(), [&s, staff](RequestContext &ctx) {
        staff(ctx);
        return Reply::of(s.reports.sales(concertFilter(ctx)));
    });
    routes.add(Method::Get, api::adminReconciliation(), [&s, staff](RequestContext &ctx) {
        staff(ctx);
        ReconciliationReport report = s.reports.reconciliation();
        s.topUps.addToReconciliation(report);
        return Reply::of(report);
    });
    routes.add(Method::Get, api::adminSalesCsv(), [&s, staff](RequestContext &ctx) {
        staff(ctx);
        return Reply::text(s.reports.salesCsv(), "text/csv; charset=utf-8");
    });
    routes.add(Method::Get, api::adminAttendeesCsv(kArg), [&s, staff](RequestContext &ctx) {
        staff(ctx);
        return Reply::text(s.reports.attendeesCsv(ctx.idArg(0)), "text/csv; charset=utf-8");
    });
    routes.add(Method::Get, api::adminAudit(), [&s, staff](RequestContext &ctx) {
        staff(ctx);
        bool ok = false;
        int limit = ctx.queryValue(api::query::kLimit).toInt(&ok);
        if (!ok)
            limit = 200;
        return Reply::json(wrapList(api::keys::kEntries,
                                    s.audit.entries(ctx.queryValue(api::query::kAction).left(64),
                                                    ctx.queryValue(api::query::kActor).left(64),
                                                    std::clamp(limit, 1, 1000))));
    });
}

} // namespace encore::server
