#include "topuporder.h"

#include "jsonreader.h"

#include <array>

using namespace Qt::StringLiterals;

namespace encore {

namespace {
constexpr std::array kStatusNames {u"PENDING", u"PAID", u"FAILED", u"CANCELLED"};

void insertIfSet(QJsonObject &o, const QString &key, const QString &value)
{
    if (!value.isEmpty())
        o.insert(key, value);
}
} // namespace

QString topUpOrderStatusName(TopUpOrderStatus status)
{
    return QString::fromUtf16(kStatusNames[std::size_t(status)]);
}

std::optional<TopUpOrderStatus> topUpOrderStatusFromName(const QString &name)
{
    for (std::size_t i = 0; i < kStatusNames.size(); ++i) {
        if (name == QStringView(kStatusNames[i]))
            return TopUpOrderStatus(i);
    }
    return std::nullopt;
}

QJsonObject TopUpOrder::toJson() const
{
    QJsonObject o {{u"id"_s, id.toString(QUuid::WithoutBraces)},
                   {u"amount"_s, amount},
                   {u"status"_s, topUpOrderStatusName(status)},
                   {u"createdAt"_s, isoTime(createdAt)},
                   {u"settledAt"_s, isoTimeOrNull(settledAt)}};
    insertIfSet(o, u"paymentKey"_s, paymentKey);
    if (!cardLast4.isEmpty())
        o.insert(u"card"_s, QJsonObject {{u"brand"_s, cardBrand}, {u"last4"_s, cardLast4}});
    if (!failureCode.isEmpty())
        o.insert(u"failure"_s,
                 QJsonObject {{u"code"_s, failureCode}, {u"message"_s, failureMessage}});
    if (!userId.isNull())
        o.insert(u"userId"_s, userId.toString(QUuid::WithoutBraces));
    insertIfSet(o, u"username"_s, username);
    return o;
}

Result<TopUpOrder> TopUpOrder::fromJson(const QJsonObject &json)
{
    JsonReader r(json);
    TopUpOrder o;
    o.id = r.uuid(u"id"_s);
    o.amount = r.integer(u"amount"_s, 1, money::kMaxBalance);
    const auto status = topUpOrderStatusFromName(r.string(u"status"_s));
    o.createdAt = r.dateTime(u"createdAt"_s);
    o.settledAt = r.optionalDateTime(u"settledAt"_s).value_or(QDateTime());
    o.paymentKey = r.optionalString(u"paymentKey"_s, 200).value_or(QString());
    o.username = r.optionalString(u"username"_s, 200).value_or(QString());
    if (!r.ok())
        return r.error();
    if (!status)
        return ApiError::unknownWord(u"status"_s, json.value(u"status"_s));
    o.status = *status;
    const QJsonObject card = json.value(u"card"_s).toObject();
    o.cardBrand = card.value(u"brand"_s).toString().left(20);
    o.cardLast4 = card.value(u"last4"_s).toString().left(4);
    const QJsonObject failure = json.value(u"failure"_s).toObject();
    o.failureCode = failure.value(u"code"_s).toString().left(64);
    o.failureMessage = failure.value(u"message"_s).toString().left(500);
    o.userId = QUuid::fromString(json.value(u"userId"_s).toString());
    return o;
}

QJsonObject PaymentGatewayInfo::toJson() const
{
    return {{u"baseUrl"_s, baseUrl}, {u"clientKey"_s, clientKey}};
}

Result<PaymentGatewayInfo> PaymentGatewayInfo::fromJson(const QJsonObject &json)
{
    JsonReader r(json);
    PaymentGatewayInfo g;
    g.baseUrl = r.string(u"baseUrl"_s, 1, 2000);
    g.clientKey = r.string(u"clientKey"_s, 1, 500);
    if (!r.ok())
        return r.error();
    return g;
}

QJsonObject TopUpOrderCreated::toJson() const
{
    return {{u"order"_s, order.toJson()}, {u"gateway"_s, gateway.toJson()}};
}

Result<TopUpOrderCreated> TopUpOrderCreated::fromJson(const QJsonObject &json)
{
    auto order = TopUpOrder::fromJson(json.value(u"order"_s).toObject());
    if (!order)
        return order.error();
    auto gateway = PaymentGatewayInfo::fromJson(json.value(u"gateway"_s).toObject());
    if (!gateway)
        return gateway.error();
    return TopUpOrderCreated {order.value(), gateway.value()};
}

} // namespace encore
