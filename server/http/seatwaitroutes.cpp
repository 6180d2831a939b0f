// The waiting list for seats that come back (issue 15): customers join, list and leave their
// waits and decline an offer (an offer is paid like any hold, POST /payments); staff see a date's
// list and clear it. Each route authenticates, parses the shared type and calls one service.
#include "apiroutes.h"

#include "api/apitypes.h"
#include "apipaths.h"
#include "http/routeregistrar.h"
#include "models/seatwait.h"
#include "models/staffops.h"
#include "services/services.h"

namespace encore::server {

void registerSeatWaitRoutes(RouteRegistrar &routes, Services &s)
{
    using api::kArg;
    routes.add(Method::Post, api::seatWaits(), [&s](RequestContext &ctx) {
        const User user = s.auth.authenticate(ctx.bearerToken());
        s.limits.seatWaitJoin(user.id, ctx.clientAddress()); // issue 15: like the queue joins
        const auto in = ctx.body<SeatWaitRequest>();
        const auto [wait, created] = s.waitlist.join(user.id, in);
        return Reply::json(wrapOne(api::keys::kWait, wait), created ? 201 : 200);
    });
    routes.add(Method::Get, api::seatWaits(), [&s](RequestContext &ctx) {
        const User user = s.auth.authenticate(ctx.bearerToken());
        return Reply::json(wrapList(api::keys::kWaits, s.waitlist.listOwn(user.id)));
    });
    routes.add(Method::Get, api::seatWait(kArg), [&s](RequestContext &ctx) {
        const User user = s.auth.authenticate(ctx.bearerToken());
        return Reply::json(wrapOne(api::keys::kWait, s.waitlist.getOwn(user.id, ctx.idArg(0))));
    });
    routes.add(Method::Delete, api::seatWait(kArg), [&s](RequestContext &ctx) {
        const User user = s.auth.authenticate(ctx.bearerToken());
        s.waitlist.leave(user.id, ctx.idArg(0));
        return Reply::noContent();
    });
    routes.add(Method::Post, api::seatWaitDecline(kArg), [&s](RequestContext &ctx) {
        const User user = s.auth.authenticate(ctx.bearerToken());
        return Reply::json(
            wrapOne(api::keys::kWait, s.reservations.declineOffer(user.id, ctx.idArg(0))));
    });

    routes.add(Method::Get, api::adminScheduleSeatWaits(kArg), [&s](RequestContext &ctx) {
        s.auth.authenticateStaff(ctx.bearerToken());
        return Reply::json(wrapList(api::keys::kWaits, s.waitlist.listForDate(ctx.idArg(0))));
    });
    routes.add(Method::Delete, api::adminScheduleSeatWaits(kArg), [&s](RequestContext &ctx) {
        const User staff = s.auth.authenticateStaff(ctx.bearerToken());
        const qint64 scheduleId = ctx.idArg(0);
        const auto body = ctx.body<ReasonRequest>();
        return Reply::json(s.waitlist.clear(staff, scheduleId, body.reason).toJson());
    });
}

} // namespace encore::server
