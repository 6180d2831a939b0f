#include "requests.h"

#include "apipaths.h"
#include "jsonreader.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace encore {

QJsonObject Credentials::toJson() const
{
    return {{u"username"_s, username}, {u"password"_s, password}};
}

Result<Credentials> Credentials::fromJson(const QJsonObject &json)
{
    JsonReader r(json);
    Credentials c;
    c.username = r.string(u"username"_s, 1, 64);
    c.password = r.string(u"password"_s, 1, 1024);
    if (!r.ok())
        return r.error();
    return c;
}

QJsonObject HoldRequest::toJson() const
{
    QJsonArray numbers;
    for (int n : seats)
        numbers.append(n);
    return {{u"scheduleId"_s, scheduleId}, {u"seats"_s, numbers}};
}

Result<HoldRequest> HoldRequest::fromJson(const QJsonObject &json)
{
    JsonReader r(json);
    HoldRequest h;
    h.scheduleId = r.integer(u"scheduleId"_s, 1, std::numeric_limits<qint64>::max());
    const QList<qint64> numbers
        = r.integerList(u"seats"_s, 1, api::kMaxSeatsPerHold, 1, api::kSeatsPerSchedule);
    if (!r.ok())
        return r.error();
    h.seats = QList<int>(numbers.begin(), numbers.end());
    return h;
}

QJsonObject PaymentRequest::toJson() const
{
    return {{u"reservationId"_s, reservationId.toString(QUuid::WithoutBraces)}};
}

Result<PaymentRequest> PaymentRequest::fromJson(const QJsonObject &json)
{
    JsonReader r(json);
    PaymentRequest p;
    p.reservationId = r.uuid(u"reservationId"_s);
    if (!r.ok())
        return r.error();
    return p;
}

QJsonObject TopUpOrderRequest::toJson() const
{
    return {{u"amount"_s, amount}};
}

Result<TopUpOrderRequest> TopUpOrderRequest::fromJson(const QJsonObject &json)
{
    JsonReader r(json);
    TopUpOrderRequest t;
    t.amount = r.integer(u"amount"_s, money::kMinTopUp, money::kMaxTopUp);
    if (!r.ok())
        return r.error();
    return t;
}

QJsonObject TopUpConfirmRequest::toJson() const
{
    return {{u"orderId"_s, orderId.toString(QUuid::WithoutBraces)},
            {u"paymentKey"_s, paymentKey},
            {u"amount"_s, amount}};
}

Result<TopUpConfirmRequest> TopUpConfirmRequest::fromJson(const QJsonObject &json)
{
    JsonReader r(json);
    TopUpConfirmRequest t;
    t.orderId = r.uuid(u"orderId"_s);
    t.paymentKey = r.string(u"paymentKey"_s, 1, 200);
    t.amount = r.integer(u"amount"_s, money::kMinTopUp, money::kMaxTopUp);
    if (!r.ok())
        return r.error();
    return t;
}

} // namespace encore
