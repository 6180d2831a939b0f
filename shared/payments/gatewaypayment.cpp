#include "gatewaypayment.h"

#include "jsonreader.h"

#include <QMessageAuthenticationCode>

#include <array>

using namespace Qt::StringLiterals;

namespace encore::gateway {

namespace {
constexpr std::array kStatusNames {u"READY", u"IN_PROGRESS", u"DONE", u"CANCELED", u"ABORTED"};
constexpr qint64 kMaxAmount = 1'000'000'000'000;

QJsonValue stringOrNull(const QString &s)
{
    return s.isEmpty() ? QJsonValue() : QJsonValue(s);
}
} // namespace

QString paymentStatusName(PaymentStatus status)
{
    return QString::fromUtf16(kStatusNames[std::size_t(status)]);
}

std::optional<PaymentStatus> paymentStatusFromName(const QString &name)
{
    for (std::size_t i = 0; i < kStatusNames.size(); ++i) {
        if (name == QStringView(kStatusNames[i]))
            return PaymentStatus(i);
    }
    return std::nullopt;
}

Msg cardRefusalMessage(const QString &code)
{
    const auto refusal = enumFromWord<CardRefusal>(code);
    if (!refusal)
        return Msg::PaymentDeclined;
    switch (*refusal) {
    case CardRefusal::RejectCardCompany:
        return Msg::CardRejected;
    case CardRefusal::NotEnoughBalance:
        return Msg::CardNoFunds;
    case CardRefusal::InvalidCardNumber:
        return Msg::CardNumberInvalid;
    case CardRefusal::InvalidCardExpiration:
        return Msg::CardExpired;
    case CardRefusal::InvalidCvc:
        return Msg::CardCvcInvalid;
    case CardRefusal::InvalidAuthentication:
        return Msg::CardCodeWrong;
    case CardRefusal::NotAuthenticated:
        return Msg::CardNotAuthenticated;
    }
    return Msg::PaymentDeclined;
}

QJsonObject Payment::toJson() const
{
    QJsonObject o {{u"paymentKey"_s, paymentKey},
                   {u"orderId"_s, orderId},
                   {u"status"_s, paymentStatusName(status)},
                   {u"totalAmount"_s, totalAmount},
                   {u"requestedAt"_s, isoTimeOrNull(requestedAt)},
                   {u"approvedAt"_s, isoTimeOrNull(approvedAt)},
                   {u"canceledAt"_s, isoTimeOrNull(canceledAt)},
                   {u"card"_s, QJsonObject {{u"brand"_s, card.brand}, {u"last4"_s, card.last4}}}};
    if (!failureCode.isEmpty())
        o.insert(u"failure"_s,
                 QJsonObject {{u"code"_s, failureCode}, {u"message"_s, failureMessage}});
    return o;
}

Result<Payment> Payment::fromJson(const QJsonObject &json)
{
    JsonReader r(json);
    Payment p;
    p.paymentKey = r.string(u"paymentKey"_s, 1, 200);
    p.orderId = r.string(u"orderId"_s, 1, 64);
    const auto status = paymentStatusFromName(r.string(u"status"_s));
    p.totalAmount = r.integer(u"totalAmount"_s, 0, kMaxAmount);
    p.requestedAt = r.optionalDateTime(u"requestedAt"_s).value_or(QDateTime());
    p.approvedAt = r.optionalDateTime(u"approvedAt"_s).value_or(QDateTime());
    p.canceledAt = r.optionalDateTime(u"canceledAt"_s).value_or(QDateTime());
    const QJsonObject card = json.value(u"card"_s).toObject();
    p.card.brand = card.value(u"brand"_s).toString().left(20);
    p.card.last4 = card.value(u"last4"_s).toString().left(4);
    const QJsonObject failure = json.value(u"failure"_s).toObject();
    p.failureCode = failure.value(u"code"_s).toString().left(64);
    p.failureMessage = failure.value(u"message"_s).toString().left(500);
    if (!r.ok())
        return r.error();
    if (!status)
        return ApiError::unknownWord(u"status"_s, json.value(u"status"_s));
    p.status = *status;
    return p;
}

Error Error::fromJson(const QJsonObject &json)
{
    return {json.value(u"code"_s).toString().left(64),
            json.value(u"message"_s).toString().left(500)};
}

QJsonObject CardAuthorization::toJson() const
{
    return {{u"orderId"_s, orderId},
            {u"amount"_s, amount},
            {u"card"_s,
             QJsonObject {{u"number"_s, number},
                          {u"expMonth"_s, expMonth},
                          {u"expYear"_s, expYear},
                          {u"cvc"_s, cvc},
                          {u"holder"_s, stringOrNull(holder)}}}};
}

Result<CardAuthorization> CardAuthorization::fromJson(const QJsonObject &json)
{
    JsonReader r(json);
    CardAuthorization a;
    a.orderId = r.string(u"orderId"_s, 6, 64);
    a.amount = r.integer(u"amount"_s, 1, kMaxAmount);
    JsonReader c(r.object(u"card"_s));
    if (!r.ok())
        return r.error();
    a.number = c.string(u"number"_s, 1, 40);
    a.expMonth = int(c.integer(u"expMonth"_s, 1, 12));
    a.expYear = int(c.integer(u"expYear"_s, 2000, 2100));
    a.cvc = c.string(u"cvc"_s, 3, 4);
    a.holder = c.optionalString(u"holder"_s, 100).value_or(QString());
    if (!c.ok())
        return c.error();
    return a;
}

QJsonObject CardAuthentication::toJson() const
{
    return {{u"paymentKey"_s, paymentKey}, {u"code"_s, code}};
}

Result<CardAuthentication> CardAuthentication::fromJson(const QJsonObject &json)
{
    JsonReader r(json);
    CardAuthentication a {r.string(u"paymentKey"_s, 1, 200), r.string(u"code"_s, 0, 32)};
    if (!r.ok())
        return r.error();
    return a;
}

QJsonObject PaymentConfirmation::toJson() const
{
    return {{u"paymentKey"_s, paymentKey}, {u"orderId"_s, orderId}, {u"amount"_s, amount}};
}

Result<PaymentConfirmation> PaymentConfirmation::fromJson(const QJsonObject &json)
{
    JsonReader r(json);
    PaymentConfirmation c;
    c.paymentKey = r.string(u"paymentKey"_s, 1, 200);
    c.orderId = r.string(u"orderId"_s, 1, 64);
    c.amount = r.integer(u"amount"_s, 1, std::numeric_limits<qint64>::max());
    if (!r.ok())
        return r.error();
    return c;
}

QJsonObject Authorization::toJson() const
{
    QJsonObject o {{u"paymentKey"_s, paymentKey}, {u"status"_s, paymentStatusName(status)}};
    if (!challenge.isEmpty())
        o.insert(u"challenge"_s, challenge);
    return o;
}

Result<Authorization> Authorization::fromJson(const QJsonObject &json)
{
    JsonReader r(json);
    Authorization a;
    a.paymentKey = r.string(u"paymentKey"_s, 1, 200);
    const auto status = paymentStatusFromName(r.string(u"status"_s));
    a.challenge = r.optionalString(u"challenge"_s, 500).value_or(QString());
    if (!r.ok())
        return r.error();
    if (!status)
        return ApiError::unknownWord(u"status"_s, json.value(u"status"_s));
    a.status = *status;
    return a;
}

QByteArray signWebhook(const QByteArray &secret, qint64 unixTime, const QByteArray &body)
{
    const QByteArray t = QByteArray::number(unixTime);
    const QByteArray mac
        = QMessageAuthenticationCode::hash(t + '.' + body, secret, QCryptographicHash::Sha256);
    return "t=" + t + ",v1=" + mac.toHex();
}

SignatureCheck verifyWebhook(const QByteArray &secret, const QByteArray &header,
                             const QByteArray &body, qint64 nowUnix)
{
    QByteArray t;
    QByteArray v1;
    for (const QByteArray &part : header.split(',')) {
        const QByteArray item = part.trimmed();
        if (item.startsWith("t="))
            t = item.mid(2);
        else if (item.startsWith("v1="))
            v1 = item.mid(3);
    }
    bool ok = false;
    const qint64 stamp = t.toLongLong(&ok);
    if (!ok || v1.size() != 64 || secret.isEmpty())
        return SignatureCheck::Malformed;
    const QByteArray expected = signWebhook(secret, stamp, body).mid(t.size() + 6);
    // Constant-time comparison: a timing difference must not reveal how many characters match.
    unsigned char diff = 0;
    for (qsizetype i = 0; i < 64; ++i)
        diff |= static_cast<unsigned char>(expected.at(i) ^ v1.toLower().at(i));
    if (diff != 0)
        return SignatureCheck::BadSignature;
    if (std::abs(nowUnix - stamp) > kWebhookToleranceSeconds)
        return SignatureCheck::Stale;
    return SignatureCheck::Valid;
}

} // namespace encore::gateway
