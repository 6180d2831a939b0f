#include "apiroutes.h"

#include "http/routeregistrar.h"
#include "jsonreader.h"
#include "payments/gatewaypayment.h"
#include "services/services.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace encore::server {

namespace {
QJsonArray toArray(const QList<TopUpOrder> &orders)
{
    QJsonArray a;
    for (const TopUpOrder &o : orders)
        a.append(o.toJson());
    return a;
}
} // namespace

void registerTopUpRoutes(RouteRegistrar &routes, Services &s)
{
    routes.add(Method::Post, u"/api/v1/wallet/top-up-orders"_s, [&s](RequestContext &ctx) {
        const User user = s.auth.authenticate(ctx.bearerToken());
        const auto key = ctx.idempotencyKey();
        JsonReader r(ctx.jsonBody());
        const Money amount = r.integer(u"amount"_s, money::kMinTopUp, money::kMaxTopUp);
        if (!r.ok())
            throw r.error();
        const auto hash = IdempotencyService::requestHash("POST", ctx.request().url().path(),
                                                          ctx.request().body());
        return s.idempotency.run(user.id, key, hash, [&] {
            return Reply::json(s.topUps.createOrder(user.id, amount).toJson(), 201);
        });
    });
    routes.add(Method::Get, u"/api/v1/wallet/top-up-orders"_s, [&s](RequestContext &ctx) {
        const User user = s.auth.authenticate(ctx.bearerToken());
        return Reply::json({{u"orders"_s, toArray(s.topUps.orders(user.id))}});
    });
    routes.add(Method::Post, u"/api/v1/wallet/top-ups"_s, [&s](RequestContext &ctx) {
        const User user = s.auth.authenticate(ctx.bearerToken());
        const QString key = ctx.requireIdempotencyKey();
        JsonReader r(ctx.jsonBody());
        const QUuid orderId = r.uuid(u"orderId"_s);
        const QString paymentKey = r.string(u"paymentKey"_s, 1, 200);
        const Money amount = r.integer(u"amount"_s, money::kMinTopUp, money::kMaxTopUp);
        if (!r.ok())
            throw r.error();
        const auto hash = IdempotencyService::requestHash("POST", ctx.request().url().path(),
                                                          ctx.request().body());
        if (auto stored = s.idempotency.replay(user.id, key, hash))
            return *stored;
        // The gateway is called outside any transaction; the answer is stored afterwards (the
        // confirmation itself is idempotent per order and payment key).
        const TopUpConfirmation done = s.topUps.confirm(user.id, orderId, paymentKey, amount);
        return s.idempotency.run(user.id, key, hash,
                                 [&] { return Reply::json(done.toJson(), 201); });
    });
    routes.add(Method::Post, u"/api/v1/payment-gateway/webhook"_s, [&s](RequestContext &ctx) {
        const int status
            = s.topUps.handleWebhook(ctx.header(gateway::kSignatureHeader), ctx.request().body());
        if (status == 401)
            throw ApiError::withText(ErrorCode::Unauthenticated,
                                     u"The webhook signature is not valid."_s);
        if (status == 409)
            throw ApiError::withText(ErrorCode::Conflict,
                                     u"This webhook delivery was already received."_s);
        return Reply::json({{u"received"_s, true}});
    });

    routes.add(Method::Get, u"/api/v1/admin/top-up-orders"_s, [&s](RequestContext &ctx) {
        s.auth.authenticateStaff(ctx.bearerToken());
        const QString wanted = ctx.queryValue(u"status"_s);
        const auto status = topUpOrderStatusFromName(wanted);
        if (!wanted.isEmpty() && !status)
            throw ApiError::withText(ErrorCode::ValidationFailed,
                                     u"status is one of PENDING, PAID, FAILED, CANCELLED."_s,
                                     {{u"field"_s, u"status"_s}});
        return Reply::json({{u"orders"_s, toArray(s.topUps.allOrders(status))}});
    });
    routes.add(Method::Post, u"/api/v1/admin/top-up-orders/<arg>/refund"_s,
               [&s](RequestContext &ctx) {
                   const User staff = s.auth.authenticateStaff(ctx.bearerToken());
                   const QUuid orderId = ctx.uuidArg(0);
                   JsonReader r(ctx.jsonBody());
                   const QString reason = r.string(u"reason"_s, 3, 500);
                   if (!r.ok())
                       throw r.error();
                   return Reply::json(
                       {{u"order"_s, s.topUps.refundToCard(staff, orderId, reason).toJson()}});
               });
}

} // namespace encore::server
