#include "apiroutes.h"

#include "apipaths.h"
#include "http/routeregistrar.h"
#include "jsonreader.h"
#include "services/services.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace encore::server {

namespace {

ConcertInput concertInput(const RequestContext &ctx)
{
    JsonReader r(ctx.jsonBody());
    ConcertInput in;
    in.title = r.string(u"title"_s, 1, 200);
    in.artist = r.optionalString(u"artist"_s, 200).value_or(QString());
    in.venue = r.optionalString(u"venue"_s, 200).value_or(QString());
    in.description = r.optionalString(u"description"_s, 5000).value_or(QString());
    if (!r.ok())
        throw r.error();
    return in;
}

ScheduleInput scheduleInput(JsonReader &r)
{
    ScheduleInput in;
    in.startsAt = r.dateTime(u"startsAt"_s);
    in.salesOpenAt = r.dateTime(u"salesOpenAt"_s);
    in.salesCloseAt = r.optionalDateTime(u"salesCloseAt"_s).value_or(in.startsAt);
    return in;
}

QMap<QString, Money> tierPrices(JsonReader &r, const QJsonObject &tiers)
{
    QMap<QString, Money> out;
    JsonReader t(tiers);
    for (auto it = tiers.constBegin(); it != tiers.constEnd(); ++it)
        out.insert(it.key(), t.integer(it.key(), 0, money::kMaxPrice));
    if (!t.ok())
        throw t.error();
    if (!r.ok())
        throw r.error();
    return out;
}

int seatArg(const RequestContext &ctx, int i)
{
    const qint64 n = ctx.idArg(i);
    if (n > api::kSeatsPerSchedule)
        throw ApiError(ErrorCode::NotFound, u"No such seat."_s);
    return int(n);
}

} // namespace

void registerAdminRoutes(RouteRegistrar &routes, Services &s)
{
    const auto staff = [&s](const RequestContext &ctx) {
        return s.auth.authenticateStaff(ctx.bearerToken());
    };

    routes.add(Method::Get, u"/api/v1/admin/concerts"_s, [&s, staff](RequestContext &ctx) {
        staff(ctx);
        QJsonArray list;
        for (const Concert &c : s.concerts.list())
            list.append(c.toJson());
        return Reply::json({{u"concerts"_s, list}});
    });
    routes.add(Method::Post, u"/api/v1/admin/concerts"_s, [&s, staff](RequestContext &ctx) {
        const User user = staff(ctx);
        return Reply::json(s.admin.createConcert(user, concertInput(ctx)), 201);
    });
    routes.add(Method::Put, u"/api/v1/admin/concerts/<arg>"_s, [&s, staff](RequestContext &ctx) {
        const User user = staff(ctx);
        return Reply::json(s.admin.updateConcert(user, ctx.idArg(0), concertInput(ctx)));
    });
    routes.add(Method::Delete, u"/api/v1/admin/concerts/<arg>"_s, [&s, staff](RequestContext &ctx) {
        const User user = staff(ctx);
        s.admin.deleteConcert(user, ctx.idArg(0));
        return Reply::noContent();
    });
    routes.add(Method::Post, u"/api/v1/admin/concerts/<arg>/schedules"_s,
               [&s, staff](RequestContext &ctx) {
                   const User user = staff(ctx);
                   const qint64 concertId = ctx.idArg(0);
                   JsonReader r(ctx.jsonBody());
                   const ScheduleInput in = scheduleInput(r);
                   const QJsonObject prices = ctx.jsonBody().value(u"prices"_s).toObject();
                   return Reply::json(
                       s.admin.createSchedule(user, concertId, in, tierPrices(r, prices)), 201);
               });
    routes.add(Method::Put, u"/api/v1/admin/schedules/<arg>"_s, [&s, staff](RequestContext &ctx) {
        const User user = staff(ctx);
        const qint64 scheduleId = ctx.idArg(0);
        JsonReader r(ctx.jsonBody());
        const ScheduleInput in = scheduleInput(r);
        if (!r.ok())
            throw r.error();
        return Reply::json(s.admin.updateSchedule(user, scheduleId, in));
    });
    routes.add(Method::Delete, u"/api/v1/admin/schedules/<arg>"_s,
               [&s, staff](RequestContext &ctx) {
                   const User user = staff(ctx);
                   s.admin.deleteSchedule(user, ctx.idArg(0));
                   return Reply::noContent();
               });
    routes.add(
        Method::Put, u"/api/v1/admin/schedules/<arg>/prices"_s, [&s, staff](RequestContext &ctx) {
            const User user = staff(ctx);
            const qint64 scheduleId = ctx.idArg(0);
            const QJsonObject body = ctx.jsonBody();
            JsonReader r(body);
            const QMap<QString, Money> tiers = tierPrices(r, body.value(u"tiers"_s).toObject());
            QMap<int, Money> seats;
            for (const QJsonValue &v : body.value(u"seats"_s).toArray()) {
                JsonReader seat(v.toObject());
                const int number = int(seat.integer(u"number"_s, 1, api::kSeatsPerSchedule));
                const Money price = seat.integer(u"price"_s, 0, money::kMaxPrice);
                if (!seat.ok())
                    throw seat.error();
                seats.insert(number, price);
            }
            return Reply::json(s.admin.setPrices(user, scheduleId, tiers, seats));
        });
    routes.add(Method::Get, u"/api/v1/admin/schedules/<arg>/seats"_s,
               [&s, staff](RequestContext &ctx) {
                   staff(ctx);
                   return Reply::json(s.admin.seats(ctx.idArg(0)));
               });
    routes.add(Method::Post, u"/api/v1/admin/schedules/<arg>/seats/<arg>/release"_s,
               [&s, staff](RequestContext &ctx) {
                   const User user = staff(ctx);
                   return Reply::json(s.admin.releaseHold(user, ctx.idArg(0), seatArg(ctx, 1)));
               });
    routes.add(Method::Post, u"/api/v1/admin/schedules/<arg>/seats/<arg>/block"_s,
               [&s, staff](RequestContext &ctx) {
                   const User user = staff(ctx);
                   return Reply::json(s.admin.blockSeat(user, ctx.idArg(0), seatArg(ctx, 1)));
               });
    routes.add(Method::Post, u"/api/v1/admin/schedules/<arg>/seats/<arg>/unblock"_s,
               [&s, staff](RequestContext &ctx) {
                   const User user = staff(ctx);
                   return Reply::json(s.admin.unblockSeat(user, ctx.idArg(0), seatArg(ctx, 1)));
               });

    routes.add(Method::Get, u"/api/v1/admin/concerts/<arg>/queue"_s,
               [&s, staff](RequestContext &ctx) {
                   staff(ctx);
                   return Reply::json(s.queue.statistics(ctx.idArg(0)));
               });
    routes.add(Method::Put, u"/api/v1/admin/concerts/<arg>/queue-settings"_s,
               [&s, staff](RequestContext &ctx) {
                   const User user = staff(ctx);
                   const qint64 concertId = ctx.idArg(0);
                   JsonReader r(ctx.jsonBody());
                   QueueSettings settings;
                   settings.maxActive = int(r.integer(u"maxActive"_s, 1, 1'000'000));
                   settings.admitPerMinute = int(r.integer(u"admitPerMinute"_s, 1, 1'000'000));
                   settings.activeTtlSeconds = int(r.integer(u"activeTtlSeconds"_s, 10, 86'400));
                   settings.paused = r.boolean(u"paused"_s);
                   if (!r.ok())
                       throw r.error();
                   return Reply::json(s.admin.updateQueueSettings(user, concertId, settings));
               });

    routes.add(Method::Get, u"/api/v1/admin/sales"_s, [&s, staff](RequestContext &ctx) {
        staff(ctx);
        const QString concert = ctx.queryValue(u"concertId"_s);
        std::optional<qint64> concertId;
        if (!concert.isEmpty()) {
            bool ok = false;
            concertId = concert.toLongLong(&ok);
            if (!ok || *concertId <= 0)
                throw ApiError(ErrorCode::ValidationFailed,
                               u"concertId must be a positive number."_s,
                               {{u"field"_s, u"concertId"_s}});
        }
        return Reply::json(s.admin.sales(concertId));
    });
    routes.add(Method::Get, u"/api/v1/admin/reconciliation"_s, [&s, staff](RequestContext &ctx) {
        staff(ctx);
        QJsonObject report = s.admin.reconciliation();
        s.topUps.addToReconciliation(report);
        return Reply::json(report);
    });
    routes.add(Method::Get, u"/api/v1/admin/audit"_s, [&s, staff](RequestContext &ctx) {
        staff(ctx);
        bool ok = false;
        int limit = ctx.queryValue(u"limit"_s).toInt(&ok);
        if (!ok)
            limit = 200;
        return Reply::json(s.admin.audit(ctx.queryValue(u"action"_s).left(64),
                                         ctx.queryValue(u"actor"_s).left(64),
                                         std::clamp(limit, 1, 1000)));
    });
    routes.add(Method::Get, u"/api/v1/admin/exports/sales.csv"_s, [&s, staff](RequestContext &ctx) {
        staff(ctx);
        return Reply::text(s.admin.salesCsv(), "text/csv; charset=utf-8");
    });
    routes.add(Method::Get, u"/api/v1/admin/schedules/<arg>/attendees.csv"_s,
               [&s, staff](RequestContext &ctx) {
                   staff(ctx);
                   return Reply::text(s.admin.attendeesCsv(ctx.idArg(0)),
                                      "text/csv; charset=utf-8");
               });
}

} // namespace encore::server
