#include "paymentgatewayclient.h"

#include "jsonreader.h"

#include <QJsonDocument>
#include <QNetworkReply>
#include <QPointer>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace encore {

PaymentGatewayClient::PaymentGatewayClient(QObject *parent)
    : QObject(parent)
{
}

void PaymentGatewayClient::authorize(const PaymentGatewayInfo &gateway,
                                     const gateway::CardAuthorization &card, QObject *context,
                                     Callback done)
{
    post(gateway, u"/v1/cards/authorize"_s, card.toJson(), context, std::move(done));
}

void PaymentGatewayClient::authenticate(const PaymentGatewayInfo &gateway,
                                        const QString &paymentKey, const QString &code,
                                        QObject *context, Callback done)
{
    post(gateway, u"/v1/cards/authenticate"_s,
         gateway::CardAuthentication {paymentKey, code}.toJson(), context, std::move(done));
}

void PaymentGatewayClient::post(const PaymentGatewayInfo &gateway, const QString &path,
                                const QJsonObject &body, QObject *context, Callback done)
{
    QUrl url(gateway.baseUrl);
    url.setPath(url.path().chopped(url.path().endsWith(u'/') ? 1 : 0) + path);
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, "application/json");
    request.setRawHeader("Authorization", "Basic " + (gateway.clientKey.toUtf8() + ':').toBase64());
    // One card entry is one authorisation, even if the request is repeated by the network.
    request.setRawHeader("Idempotency-Key", QUuid::createUuid().toByteArray(QUuid::WithoutBraces));
    request.setTransferTimeout(20'000);
    QNetworkReply *reply
        = m_network.post(request, QJsonDocument(body).toJson(QJsonDocument::Compact));
    QPointer<QObject> guard(context);
    connect(reply, &QNetworkReply::finished, this, [reply, guard, done = std::move(done)] {
        reply->deleteLater();
        if (!guard)
            return;
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const auto json = JsonReader::parseObject(reply->readAll());
        if (status == 200 && json) {
            done(gateway::Authorization::fromJson(json.value()));
            return;
        }
        if (status >= 400 && status < 500 && json) {
            const gateway::Error e = gateway::Error::fromJson(json.value());
            done(ApiError::withText(ErrorCode::PaymentDeclined, e.message,
                                    {{api::details::kGatewayCode, e.code},
                                     {api::details::kGatewayMessage, e.message}}));
            return;
        }
        done(ApiError::withText(
            ErrorCode::Unavailable,
            tr("The card payment service cannot be reached. Your card was not charged."),
            {{u"network"_s, true}}));
    });
}

} // namespace encore
