#pragma once
// PaymentProvider: the adapter to the card gateway (DESIGN.md §8) — confirm, cancel, look up,
// settlements and webhook signatures — over HTTP(S) with the secret key in Basic auth and an
// Idempotency-Key on every POST. Callable from any worker thread: a call blocks that thread for
// at most the configured timeout (--payment-timeout-ms) while a private network thread does the
// I/O, so no nested event loop ever runs inside a request handler.

#include "payments/gatewaypayment.h"
#include "payments/topuporder.h"

#include <QDate>

#include <memory>

namespace encore::server {

struct ServerConfig;

// What a gateway call came to: the payment, a refusal with the gateway's code, or no answer
// (network error, timeout, 5xx) — in which case the call may or may not have taken effect.
struct GatewayOutcome {
    enum class Kind { Ok, Refused, Unreachable };
    Kind kind = Kind::Unreachable;
    gateway::Payment payment; // Ok
    gateway::Error error; // Refused (and a short reason when Unreachable)
    int httpStatus = 0;

    bool ok() const { return kind == Kind::Ok; }
    bool refused() const { return kind == Kind::Refused; }
};

class PaymentProvider {
public:
    explicit PaymentProvider(const ServerConfig &config);
    ~PaymentProvider();
    PaymentProvider(const PaymentProvider &) = delete;
    PaymentProvider &operator=(const PaymentProvider &) = delete;

    bool isConfigured() const; // a secret and a client key are set
    PaymentGatewayInfo publicInfo() const;

    // Charges an authorised payment. A gateway's "already processed" is answered by a lookup,
    // so a repeat of a confirmation that went through returns the DONE payment.
    GatewayOutcome confirm(const QString &paymentKey, const QString &orderId, Money amount);
    GatewayOutcome cancel(const QString &paymentKey, const QString &reason);
    GatewayOutcome lookup(const QString &paymentKey);
    GatewayOutcome lookupByOrder(const QString &orderId);
    // The payments the gateway settled (confirmed or cancelled) on a UTC day; nullopt when the
    // gateway cannot be asked.
    std::optional<QList<gateway::Payment>> settlements(QDate day);

    gateway::SignatureCheck verifyWebhook(const QByteArray &header, const QByteArray &body) const;

private:
    struct Response;
    class Transport;
    Response call(const QByteArray &method, const QString &path, const QByteArray &body,
                  const QByteArray &idempotencyKey);
    GatewayOutcome outcome(const Response &response) const;

    const ServerConfig &m_config;
    std::unique_ptr<Transport> m_transport;
};

} // namespace encore::server
