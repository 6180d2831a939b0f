// Staff money and customer operations (DESIGN.md §4): each parses its body with the shared
// request type, authenticates staff (403 to customers) and calls one service method.
#include "apiroutes.h"

#include "api/apitypes.h"
#include "apipaths.h"
#include "http/routeregistrar.h"
#include "models/staffops.h"
#include "services/idempotencyservice.h"
#include "services/services.h"

using namespace Qt::StringLiterals;

namespace encore::server {

namespace {

template<typename T> T parse(const RequestContext &ctx)
{
    auto r = T::fromJson(ctx.jsonBody());
    if (!r)
        throw r.error();
    return r.value();
}

} // namespace

void registerStaffRoutes(RouteRegistrar &routes, Services &s)
{
    const auto staff = [&s](const RequestContext &ctx) {
        return s.auth.authenticateStaff(ctx.bearerToken());
    };

    routes.add(Method::Post, api::adminScheduleCancel(api::kArg), [&s, staff](RequestContext &ctx) {
        const User user = staff(ctx);
        const qint64 scheduleId = ctx.idArg(0);
        const auto body = parse<ReasonRequest>(ctx);
        return Reply::json(s.staffMoney.cancelSchedule(user, scheduleId, body.reason).toJson());
    });
    routes.add(Method::Post, api::adminReservationRefund(api::kArg),
               [&s, staff](RequestContext &ctx) {
                   const User user = staff(ctx);
                   const QUuid id = ctx.uuidArg(0);
                   const auto body = parse<StaffRefundRequest>(ctx);
                   return Reply::json(
                       {{api::keys::kReservation, s.staffMoney.refund(user, id, body).toJson()}});
               });
    routes.add(Method::Get, api::adminUsers(), [&s, staff](RequestContext &ctx) {
        staff(ctx);
        const QString query = ctx.queryValue(api::query::kQuery);
        if (query.trimmed().isEmpty() || query.size() > 64)
            throw ApiError(ErrorCode::ValidationFailed, Msg::FieldLength,
                           messageArgs(api::query::kQuery, 1, 64),
                           {{u"field"_s, api::query::kQuery}});
        return Reply::json(s.customers.search(query).toJson());
    });
    routes.add(Method::Get, api::adminUser(api::kArg), [&s, staff](RequestContext &ctx) {
        staff(ctx);
        return Reply::json(s.customers.detail(ctx.uuidArg(0)).toJson());
    });
    routes.add(
        Method::Post, api::adminWalletAdjustments(api::kArg), [&s, staff](RequestContext &ctx) {
            const User user = staff(ctx);
            const QUuid customer = ctx.uuidArg(0);
            const QString key = ctx.requireIdempotencyKey();
            const auto body = parse<WalletAdjustmentRequest>(ctx);
            const auto hash = IdempotencyService::requestHash("POST", ctx.request().url().path(),
                                                              ctx.request().body());
            return s.idempotency.run(user.id, key, hash, [&] {
                return Reply::json(s.staffMoney.adjustWallet(user, customer, body).toJson(), 201);
            });
        });
    routes.add(Method::Delete, api::adminQueueEntry(api::kArg, api::kArg),
               [&s, staff](RequestContext &ctx) {
                   const User user = staff(ctx);
                   const qint64 concertId = ctx.idArg(0);
                   const QUuid customer = ctx.uuidArg(1);
                   const auto body = parse<ReasonRequest>(ctx);
                   s.staffQueue.removeEntry(user, concertId, customer, body.reason);
                   return Reply::noContent();
               });
    routes.add(Method::Post, api::adminQueueBlocks(api::kArg), [&s, staff](RequestContext &ctx) {
        const User user = staff(ctx);
        const qint64 concertId = ctx.idArg(0);
        const auto body = parse<QueueBlockRequest>(ctx);
        return Reply::json(s.staffQueue.block(user, concertId, body).toJson(), 201);
    });
    routes.add(Method::Delete, api::adminQueueBlock(api::kArg, api::kArg),
               [&s, staff](RequestContext &ctx) {
                   const User user = staff(ctx);
                   const qint64 concertId = ctx.idArg(0);
                   const QUuid customer = ctx.uuidArg(1);
                   const auto body = parse<ReasonRequest>(ctx);
                   s.staffQueue.unblock(user, concertId, customer, body.reason);
                   return Reply::noContent();
               });

    // The fair queue (issue 15): a concert's pre-queue, and the abuse counters.
    routes.add(Method::Get, api::adminPreQueue(api::kArg), [&s, staff](RequestContext &ctx) {
        staff(ctx);
        return Reply::of(s.queue.preQueueView(ctx.idArg(0)));
    });
    routes.add(Method::Delete, api::adminPreQueue(api::kArg), [&s, staff](RequestContext &ctx) {
        const User user = staff(ctx);
        const qint64 concertId = ctx.idArg(0);
        const auto body = parse<ReasonRequest>(ctx);
        return Reply::json(
            {{api::keys::kRemoved, s.staffQueue.clearPreQueue(user, concertId, body.reason)}});
    });
    routes.add(Method::Get, api::adminAbuseCounters(), [&s, staff](RequestContext &ctx) {
        staff(ctx);
        return Reply::json(wrapList(api::keys::kCounters, s.limits.counters()));
    });
    routes.add(Method::Delete, api::adminAbuseCounters(), [&s, staff](RequestContext &ctx) {
        const User user = staff(ctx);
        const auto body = parse<ClearCountersRequest>(ctx);
        return Reply::json({{api::keys::kCleared, s.staffQueue.clearCounters(user, body)}});
    });
}

} // namespace encore::server
