#pragma once
// CardTopUp: the customer's whole card top-up as the desktop app does it — an order at the
// Encore server, the card to the gateway, the confirmation back at the server. For tests that
// need money in a wallet the way a customer gets it. Main thread.

#include "fixtures.h"
#include "httpclient.h"
#include "testpaysandbox.h"
#include "testserver.h"

#include <memory>

namespace encore::test {

// An encore-server and its gateway wired both ways: the gateway's URL (option) and keys
// (environment) into the server, the server's webhook URL into the gateway.
struct GatewayServer {
    std::unique_ptr<TestPaySandbox> gateway;
    std::unique_ptr<TestServer> server;

    bool start(const QStringList &gatewayArgs = {}, const QStringList &serverArgs = {},
               bool webhooks = true);
};

struct CardTopUpSteps {
    HttpResponse order; // POST /wallet/top-up-orders
    HttpResponse authorize; // POST gateway /v1/cards/authorize
    QString orderId;
    QString paymentKey;
};

// Creates an order and authorises the card at the gateway (no confirmation yet).
CardTopUpSteps prepareCardTopUp(const HttpClient &server, const TestPaySandbox &gateway,
                                const TestUser &user, qint64 amount,
                                const QString &card = QString::fromLatin1(cards::kApprove));
// The confirmation request for prepared steps (amount: what the client claims it paid).
HttpRequest confirmTopUpRequest(const TestUser &user, const CardTopUpSteps &steps, qint64 amount,
                                const QByteArray &idempotencyKey);
// The first two steps done now, the third as a request to send later (e.g. all at once); a
// request with an empty path when a step failed.
HttpRequest preparedConfirmation(const HttpClient &server, const TestPaySandbox &gateway,
                                 const TestUser &user, qint64 amount,
                                 const QByteArray &idempotencyKey);
// All three steps; the confirmation's answer (or the failed step's).
HttpResponse cardTopUp(const HttpClient &server, const TestPaySandbox &gateway,
                       const TestUser &user, qint64 amount,
                       const QString &card = QString::fromLatin1(cards::kApprove));

} // namespace encore::test
