#include "apiroutes.h"

#include "api/apitypes.h"
#include "api/requests.h"
#include "apipaths.h"
#include "http/routeregistrar.h"
#include "models/staffops.h"
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
    routes.add(Method::Post, api::walletTopUpOrders(), [&s](RequestContext &ctx) {
        const User user = s.auth.authenticate(ctx.bearerToken());
        const auto key = ctx.idempotencyKey();
        const Money amount = ctx.body<TopUpOrderRequest>().amount;
        const auto hash = IdempotencyService::requestHash("POST", ctx.request().url().path(),
                                                          ctx.request().body());
        return s.idempotency.run(user.id, key, hash, [&] {
            return Reply::json(s.topUps.createOrder(user.id, amount).toJson(), 201);
        });
    });
    routes.add(Method::Get, api::walletTopUpOrders(), [&s](RequestContext &ctx) {
        const User user = s.auth.authenticate(ctx.bearerToken());
        return Reply::json({{api::keys::kOrders, toArray(s.topUps.orders(user.id))}});
    });
    routes.add(Method::Post, api::walletTopUps(), [&s](RequestContext &ctx) {
        const User user = s.auth.authenticate(ctx.bearerToken());
        const QString key = ctx.requireIdempotencyKey();
        const auto in = ctx.body<TopUpConfirmRequest>();
        const auto hash = IdempotencyService::requestHash("POST", ctx.request().url().path(),
                                                          ctx.request().body());
        if (auto stored = s.idempotency.replay(user.id, key, hash))
            return *stored;
        // The gateway is called outside any transaction; the answer is stored afterwards (the
        // confirmation itself is idempotent per order and payment key).
        const TopUpResult done = s.topUps.confirm(user.id, in.orderId, in.paymentKey, in.amount);
        return s.idempotency.run(user.id, key, hash, [&] { return Reply::of(done, 201); });
    });
    routes.add(Method::Post, api::paymentGatewayWebhook(), [&s](RequestContext &ctx) {
        const int status
            = s.topUps.handleWebhook(ctx.header(gateway::kSignatureHeader), ctx.request().body());
        if (status == 401)
            throw ApiError(ErrorCode::Unauthenticated, Msg::WebhookSignatureInvalid);
        if (status == 409)
            throw ApiError(ErrorCode::Conflict, Msg::WebhookReplayed);
        return Reply::json({{u"received"_s, true}});
    });

    routes.add(Method::Get, api::adminTopUpOrders(), [&s](RequestContext &ctx) {
        s.auth.authenticateStaff(ctx.bearerToken());
        const QString wanted = ctx.queryValue(api::query::kStatus);
        const auto status = topUpOrderStatusFromName(wanted);
        if (!wanted.isEmpty() && !status)
            throw ApiError(ErrorCode::ValidationFailed, Msg::FieldUnknownWord,
                           messageArgs(api::query::kStatus, wanted.left(64)),
                           {{u"field"_s, api::query::kStatus}});
        return Reply::json({{api::keys::kOrders, toArray(s.topUps.allOrders(status))}});
    });
    routes.add(Method::Post, api::adminTopUpOrderRefund(api::kArg), [&s](RequestContext &ctx) {
        const User staff = s.auth.authenticateStaff(ctx.bearerToken());
        const QUuid orderId = ctx.uuidArg(0);
        const QString reason = ctx.body<ReasonRequest>().reason;
        return Reply::json(
            {{api::keys::kOrder, s.topUps.refundToCard(staff, orderId, reason).toJson()}});
    });
}

} // namespace encore::server
