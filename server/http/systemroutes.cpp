#include "apiroutes.h"

#include "apipaths.h"
#include "http/routeregistrar.h"
#include "metrics/metrics.h"
#include "services/services.h"
#include "storage/database.h"

using namespace Qt::StringLiterals;

namespace encore::server {

void registerApiRoutes(RouteRegistrar &routes, Services &services)
{
    registerSystemRoutes(routes, services);
    registerAccountRoutes(routes, services);
    registerBookingRoutes(routes, services);
    registerAdminRoutes(routes, services);
    registerStaffRoutes(routes, services);
    registerTopUpRoutes(routes, services);
    registerSeatWaitRoutes(routes, services);
    routes.installMissingHandler();
}

void registerSystemRoutes(RouteRegistrar &routes, Services &s)
{
    routes.add(Method::Get, api::healthz(), [](RequestContext &) {
        return Reply::json({{u"status"_s, u"ok"_s}});
    });
    routes.add(Method::Get, api::readyz(), [&s](RequestContext &) {
        if (!s.db.ping())
            throw ApiError(ErrorCode::Unavailable, Msg::DatabaseUnreachable);
        if (s.redis && !s.redis->ping())
            throw ApiError(ErrorCode::Unavailable, Msg::RedisUnreachable);
        return Reply::json({{u"status"_s, u"ready"_s}});
    });
    // Metrics show revenue and traffic: staff only here; scrapers use --metrics-listen.
    routes.add(Method::Get, api::metrics(), [&s](RequestContext &ctx) {
        s.auth.authenticateStaff(ctx.bearerToken());
        return Reply::text(Metrics::instance().render(), "text/plain; version=0.0.4");
    });
}

} // namespace encore::server
