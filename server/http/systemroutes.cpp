#include "apiroutes.h"

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
    registerTopUpRoutes(routes, services);
    routes.installMissingHandler();
}

void registerSystemRoutes(RouteRegistrar &routes, Services &s)
{
    routes.add(Method::Get, u"/healthz"_s, [](RequestContext &) {
        return Reply::json({{u"status"_s, u"ok"_s}});
    });
    routes.add(Method::Get, u"/readyz"_s, [&s](RequestContext &) {
        if (!s.db.ping())
            throw ApiError(ErrorCode::Unavailable, u"The database is not reachable."_s);
        if (s.redis && !s.redis->ping())
            throw ApiError(ErrorCode::Unavailable, u"Redis is not reachable."_s);
        return Reply::json({{u"status"_s, u"ready"_s}});
    });
    routes.add(Method::Get, u"/metrics"_s, [](RequestContext &) {
        return Reply::text(Metrics::instance().render(), "text/plain; version=0.0.4");
    });
}

} // namespace encore::server
