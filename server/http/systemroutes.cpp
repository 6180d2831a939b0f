#include "apiroutes.h"

#include "http/routeregistrar.h"
#include "jsonreader.h"
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
        return Reply::json({{u"status"_s, u"ready"_s}});
    });
    routes.add(Method::Get, u"/metrics"_s, [](RequestContext &) {
        return Reply::text(Metrics::instance().render(), "text/plain; version=0.0.4");
    });

    routes.add(Method::Get, u"/api/v1/admin/concerts/<arg>/queue"_s, [&s](RequestContext &ctx) {
        s.auth.authenticateStaff(ctx.bearerToken());
        return Reply::json(s.queue.statistics(ctx.idArg(0)));
    });
    routes.add(Method::Put, u"/api/v1/admin/concerts/<arg>/queue-settings"_s, [&s](RequestContext &ctx) {
        s.auth.authenticateStaff(ctx.bearerToken());
        const qint64 concertId = ctx.idArg(0);
        JsonReader r(ctx.jsonBody());
        QueueSettings settings;
        settings.maxActive = int(r.integer(u"maxActive"_s, 1, 1'000'000));
        settings.admitPerMinute = int(r.integer(u"admitPerMinute"_s, 1, 1'000'000));
        settings.activeTtlSeconds = int(r.integer(u"activeTtlSeconds"_s, 10, 86'400));
        settings.paused = r.boolean(u"paused"_s);
        if (!r.ok())
            throw r.error();
        return Reply::json(s.queue.updateSettings(concertId, settings).toJson());
    });
}

} // namespace encore::server
