#include "apiroutes.h"

#include "apipaths.h"
#include "http/routeregistrar.h"
#include "jsonreader.h"
#include "services/services.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace encore::server {

namespace {

template<typename T> QJsonArray toArray(const QList<T> &items)
{
    QJsonArray a;
    for (const T &item : items)
        a.append(item.toJson());
    return a;
}

QByteArray requestHash(const RequestContext &ctx)
{
    return IdempotencyService::requestHash("POST", ctx.request().url().path(),
                                           ctx.request().body());
}

} // namespace

void registerBookingRoutes(RouteRegistrar &routes, Services &s)
{
    routes.add(Method::Get, u"/api/v1/concerts"_s, [&s](RequestContext &ctx) {
        s.auth.authenticate(ctx.bearerToken());
        return Reply::json({{u"concerts"_s, toArray(s.concerts.list())}});
    });
    routes.add(Method::Get, u"/api/v1/concerts/<arg>"_s, [&s](RequestContext &ctx) {
        s.auth.authenticate(ctx.bearerToken());
        return Reply::json(s.concerts.get(ctx.idArg(0)).toJson());
    });
    routes.add(Method::Get, u"/api/v1/concerts/<arg>/schedules"_s, [&s](RequestContext &ctx) {
        s.auth.authenticate(ctx.bearerToken());
        const QString available = ctx.queryValue(u"available"_s);
        const bool bookableOnly = available == u"true" || available == u"1";
        return Reply::json(
            {{u"schedules"_s, toArray(s.concerts.schedules(ctx.idArg(0), bookableOnly))}});
    });

    routes.add(Method::Post, u"/api/v1/concerts/<arg>/queue"_s, [&s](RequestContext &ctx) {
        const User user = s.auth.authenticate(ctx.bearerToken());
        const auto [ticket, created] = s.queue.join(user.id, ctx.idArg(0));
        return Reply::json(ticket.toJson(), created ? 201 : 200);
    });
    routes.add(Method::Get, u"/api/v1/queue/status"_s, [&s](RequestContext &ctx) {
        const User user = s.auth.authenticate(ctx.bearerToken());
        return Reply::json(s.queue.status(user.id, ctx.queueToken()).toJson());
    });
    routes.add(Method::Delete, u"/api/v1/queue"_s, [&s](RequestContext &ctx) {
        const User user = s.auth.authenticate(ctx.bearerToken());
        s.queue.leave(user.id, ctx.queueToken());
        return Reply::noContent();
    });

    routes.add(Method::Get, u"/api/v1/schedules/<arg>/seats"_s, [&s](RequestContext &ctx) {
        const User user = s.auth.authenticate(ctx.bearerToken());
        const SeatMap map = s.concerts.seatMap(ctx.idArg(0), user.id);
        // Read first (one round trip gives the concert too), shown only to an active ticket.
        s.queue.requireActive(user.id, ctx.queueToken(), map.concertId);
        return Reply::text(map.toJsonBytes(), "application/json");
    });

    routes.add(Method::Post, u"/api/v1/reservations"_s, [&s](RequestContext &ctx) {
        const User user = s.auth.authenticate(ctx.bearerToken());
        const auto key = ctx.idempotencyKey();
        JsonReader r(ctx.jsonBody());
        const qint64 scheduleId = r.integer(u"scheduleId"_s, 1, std::numeric_limits<qint64>::max());
        const QList<qint64> numbers
            = r.integerList(u"seats"_s, 1, api::kMaxSeatsPerHold, 1, api::kSeatsPerSchedule);
        if (!r.ok())
            throw r.error();
        const QList<int> seats(numbers.begin(), numbers.end());
        return s.idempotency.run(user.id, key, requestHash(ctx), [&] {
            const Reservation res
                = s.reservations.hold(user.id, ctx.queueToken(), scheduleId, seats);
            return Reply::json({{u"reservation"_s, res.toJson()}}, 201);
        });
    });
    routes.add(Method::Get, u"/api/v1/reservations"_s, [&s](RequestContext &ctx) {
        const User user = s.auth.authenticate(ctx.bearerToken());
        return Reply::json({{u"reservations"_s, toArray(s.reservations.list(user.id))}});
    });
    routes.add(Method::Get, u"/api/v1/reservations/<arg>"_s, [&s](RequestContext &ctx) {
        const User user = s.auth.authenticate(ctx.bearerToken());
        return Reply::json(
            {{u"reservation"_s, s.reservations.get(user.id, ctx.uuidArg(0)).toJson()}});
    });
    routes.add(Method::Delete, u"/api/v1/reservations/<arg>"_s, [&s](RequestContext &ctx) {
        const User user = s.auth.authenticate(ctx.bearerToken());
        return Reply::json(
            {{u"reservation"_s, s.reservations.cancel(user.id, ctx.uuidArg(0)).toJson()}});
    });

    routes.add(Method::Post, u"/api/v1/payments"_s, [&s](RequestContext &ctx) {
        const User user = s.auth.authenticate(ctx.bearerToken());
        const QString key = ctx.requireIdempotencyKey();
        JsonReader r(ctx.jsonBody());
        const QUuid reservationId = r.uuid(u"reservationId"_s);
        if (!r.ok())
            throw r.error();
        return s.idempotency.run(user.id, key, requestHash(ctx), [&] {
            return Reply::json(s.payments.pay(user.id, ctx.queueToken(), reservationId).toJson(),
                               201);
        });
    });
    routes.add(Method::Get, u"/api/v1/payments"_s, [&s](RequestContext &ctx) {
        const User user = s.auth.authenticate(ctx.bearerToken());
        return Reply::json({{u"payments"_s, toArray(s.payments.list(user.id))}});
    });
}

} // namespace encore::server
