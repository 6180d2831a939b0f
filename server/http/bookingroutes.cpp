#include "apiroutes.h"

#include "api/apitypes.h"
#include "api/requests.h"
#include "apipaths.h"
#include "http/routeregistrar.h"
#include "http/workpool.h"
#include "services/services.h"

using namespace Qt::StringLiterals;

namespace encore::server {

namespace {

QByteArray requestHash(const RequestContext &ctx)
{
    return IdempotencyService::requestHash("POST", ctx.request().url().path(),
                                           ctx.request().body());
}

Reply replayable(Reply reply, bool replayed)
{
    return replayed ? IdempotencyService::replayed(std::move(reply)) : reply;
}

} // namespace

void registerBookingRoutes(RouteRegistrar &routes, Services &s)
{
    using api::kArg;
    routes.add(Method::Get, api::concerts(), [&s](RequestContext &ctx) {
        s.auth.authenticate(ctx.bearerToken());
        return Reply::json(wrapList(api::keys::kConcerts, s.concerts.list()));
    });
    routes.add(Method::Get, api::concert(kArg), [&s](RequestContext &ctx) {
        s.auth.authenticate(ctx.bearerToken());
        return Reply::of(s.concerts.get(ctx.idArg(0)));
    });
    routes.add(Method::Get, api::concertSchedules(kArg), [&s](RequestContext &ctx) {
        s.auth.authenticate(ctx.bearerToken());
        const QString available = ctx.queryValue(api::query::kAvailable);
        const bool bookableOnly = available == u"true" || available == u"1";
        return Reply::json(
            wrapList(api::keys::kSchedules, s.concerts.schedules(ctx.idArg(0), bookableOnly)));
    });

    // The hot writes (join, hold, payment) wait for their commit on the decision pool, so the
    // worker serves its other connections meanwhile and many commits share one WAL flush.
    routes.addOffloaded(
        Method::Post, api::concertQueue(kArg), s.decisions, [&s](RequestContext &ctx) {
            const User user = s.auth.authenticate(ctx.bearerToken());
            return Offload::of(
                [&s, user, concertId = ctx.idArg(0), address = ctx.clientAddress()] {
                    return s.queue.join(user.id, concertId, address);
                },
                [](const std::pair<QueueTicket, bool> &joined) {
                    return Reply::of(joined.first, joined.second ? 201 : 200);
                });
        });
    routes.add(Method::Get, api::queueStatus(), [&s](RequestContext &ctx) {
        const User user = s.auth.authenticate(ctx.bearerToken());
        return Reply::of(s.queue.poll(user.id, ctx.queueToken(), ctx.clientAddress()));
    });
    routes.add(Method::Delete, api::queue(), [&s](RequestContext &ctx) {
        const User user = s.auth.authenticate(ctx.bearerToken());
        s.queue.leave(user.id, ctx.queueToken());
        return Reply::noContent();
    });

    routes.add(Method::Get, api::scheduleSeats(kArg), [&s](RequestContext &ctx) {
        const User user = s.auth.authenticate(ctx.bearerToken());
        auto map = s.concerts.seatMapBody(ctx.idArg(0), user.id);
        // Read first (the date's copy gives the concert too), shown only to an active ticket.
        s.queue.requireActive(user.id, ctx.queueToken(), map.concertId);
        return Reply::text(std::move(map.body), "application/json");
    });

    routes.addOffloaded(Method::Post, api::reservations(), s.decisions, [&s](RequestContext &ctx) {
        const User user = s.auth.authenticate(ctx.bearerToken());
        s.limits.holdAttempt(user.id); // issue 15: hold attempts per account per minute
        const auto key = ctx.idempotencyKey();
        const auto in = ctx.body<HoldRequest>();
        const QByteArray token = ctx.queueToken();
        // A flash sale's losers are refused here, on the worker, without a round trip; the
        // seats stay claimed until the decision has returned.
        auto claim = s.reservations.refuseFromMemory(user.id, token, in.scheduleId, in.seats, key);
        // The key is claimed and the answer stored inside encore_hold: one round trip.
        return Offload::of(
            [&s, user, token, in, key, claim = std::move(claim),
             hash = key ? requestHash(ctx) : QByteArray()]() mutable {
                auto held
                    = s.reservations.decide(user.id, token, in.scheduleId, in.seats, key, hash);
                claim.reset(); // before the answer: the customer may try again at once
                return held;
            },
            [](const ReservationService::Held &held) {
                return replayable(
                    Reply::json(wrapOne(api::keys::kReservation, held.reservation), 201),
                    held.replayed);
            });
    });
    routes.add(Method::Get, api::reservations(), [&s](RequestContext &ctx) {
        const User user = s.auth.authenticate(ctx.bearerToken());
        return Reply::json(wrapList(api::keys::kReservations, s.reservations.list(user.id)));
    });
    routes.add(Method::Get, api::reservation(kArg), [&s](RequestContext &ctx) {
        const User user = s.auth.authenticate(ctx.bearerToken());
        return Reply::json(
            wrapOne(api::keys::kReservation, s.reservations.get(user.id, ctx.uuidArg(0))));
    });
    routes.add(Method::Delete, api::reservation(kArg), [&s](RequestContext &ctx) {
        const User user = s.auth.authenticate(ctx.bearerToken());
        return Reply::json(
            wrapOne(api::keys::kReservation, s.reservations.cancel(user.id, ctx.uuidArg(0))));
    });

    routes.addOffloaded(Method::Post, api::payments(), s.decisions, [&s](RequestContext &ctx) {
        const User user = s.auth.authenticate(ctx.bearerToken());
        const QString key = ctx.requireIdempotencyKey();
        const auto in = ctx.body<PaymentRequest>();
        return Offload::of(
            [&s, user, token = ctx.queueToken(), in, key, hash = requestHash(ctx)] {
                return s.payments.pay(user.id, token, in.reservationId, key, hash);
            },
            [](const PaymentService::Paid &paid) {
                return replayable(Reply::of(paid.receipt, 201), paid.replayed);
            });
    });
    routes.add(Method::Get, api::payments(), [&s](RequestContext &ctx) {
        const User user = s.auth.authenticate(ctx.bearerToken());
        return Reply::json(wrapList(api::keys::kPayments, s.payments.list(user.id)));
    });
}

} // namespace encore::server
