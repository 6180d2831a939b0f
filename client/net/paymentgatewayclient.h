#pragma once
// PaymentGatewayClient: the desktop app's only line to the card gateway. It posts the card
// (number, expiry, CVC, holder) to the gateway's /v1/cards/authorize with the public client key,
// over a connection of its own — nothing of the card ever goes to Encore's server, which later
// confirms the payment by its key alone. Refusals come back as PAYMENT_DECLINED errors with the
// gateway's code, like the server's. GUI thread.

#include "payments/gatewaypayment.h"
#include "payments/topuporder.h"

#include <QNetworkAccessManager>
#include <QObject>

#include <functional>

namespace encore {

class PaymentGatewayClient : public QObject {
    Q_OBJECT

public:
    using Callback = std::function<void(Result<gateway::Authorization>)>;

    explicit PaymentGatewayClient(QObject *parent = nullptr);

    void authorize(const PaymentGatewayInfo &gateway, const gateway::CardAuthorization &card,
                   QObject *context, Callback done);
    // The second step some cards ask for: the one-time code the cardholder received.
    void authenticate(const PaymentGatewayInfo &gateway, const QString &paymentKey,
                      const QString &code, QObject *context, Callback done);

private:
    void post(const PaymentGatewayInfo &gateway, const QString &path, const QJsonObject &body,
              QObject *context, Callback done);

    QNetworkAccessManager m_network;
};

} // namespace encore
