#include "cardtopup.h"
#include "apipaths.h"

#include <QUuid>

using namespace Qt::StringLiterals;

namespace encore::test {

bool GatewayServer::start(const QStringList &gatewayArgs, const QStringList &serverArgs,
                          bool webhooks)
{
    gateway = std::make_unique<TestPaySandbox>(gatewayArgs);
    server = std::make_unique<TestServer>(gateway->serverArgs() + serverArgs);
    server->setEnvironment(gateway->serverEnvironment());
    if (!server->start())
        return false;
    const QString hook
        = u"http://127.0.0.1:%1"_s.arg(server->port()) + api::paymentGatewayWebhook();
    return gateway->start(webhooks ? hook : QString());
}

CardTopUpSteps prepareCardTopUp(const HttpClient &server, const TestPaySandbox &gateway,
                                const TestUser &user, qint64 amount, const QString &card)
{
    CardTopUpSteps steps;
    HttpRequest order {"POST", api::walletTopUpOrders().toLatin1(), {}, {}};
    order.bearer(user.token).json({{u"amount"_s, amount}});
    steps.order = server.send(order);
    if (steps.order.status != 201)
        return steps;
    steps.orderId = steps.order.json().value(u"order"_s).toObject().value(u"id"_s).toString();
    steps.authorize = gateway.authorize(steps.orderId, amount, card);
    steps.paymentKey = steps.authorize.json().value(u"paymentKey"_s).toString();
    return steps;
}

HttpRequest confirmTopUpRequest(const TestUser &user, const CardTopUpSteps &steps, qint64 amount,
                                const QByteArray &idempotencyKey)
{
    HttpRequest r {"POST", api::walletTopUps().toLatin1(), {}, {}};
    r.bearer(user.token)
        .idempotencyKey(idempotencyKey)
        .json({{u"orderId"_s, steps.orderId},
               {u"paymentKey"_s, steps.paymentKey},
               {u"amount"_s, amount}});
    return r;
}

HttpRequest preparedConfirmation(const HttpClient &server, const TestPaySandbox &gateway,
                                 const TestUser &user, qint64 amount,
                                 const QByteArray &idempotencyKey)
{
    const CardTopUpSteps steps = prepareCardTopUp(server, gateway, user, amount);
    if (steps.authorize.status != 200)
        return {};
    return confirmTopUpRequest(user, steps, amount, idempotencyKey);
}

HttpResponse cardTopUp(const HttpClient &server, const TestPaySandbox &gateway,
                       const TestUser &user, qint64 amount, const QString &card)
{
    const CardTopUpSteps steps = prepareCardTopUp(server, gateway, user, amount, card);
    if (steps.order.status != 201)
        return steps.order;
    if (steps.authorize.status != 200)
        return steps.authorize;
    return server.send(confirmTopUpRequest(
        user, steps, amount, QUuid::createUuid().toString(QUuid::WithoutBraces).toLatin1()));
}

} // namespace encore::test
