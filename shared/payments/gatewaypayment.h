#pragma once
// The card gateway's protocol (DESIGN.md §8, shaped like Toss Payments v1): the payment object,
// its status, the error body, the card-entry request and the webhook event. One definition for
// the sandbox that serves them, the server's adapter and the desktop app. Value types.

#include "api/wordtable.h"
#include "messages.h"
#include "money.h"
#include "result.h"

#include <QDateTime>
#include <QJsonObject>

#include <optional>

namespace encore::gateway {

// READY: authorised by the card entry, not yet charged; IN_PROGRESS: waiting for the cardholder's
// second confirmation step; DONE: charged (confirmed); CANCELED: charged, then given back;
// ABORTED: refused at confirmation.
enum class PaymentStatus { Ready, InProgress, Done, Canceled, Aborted };
QString paymentStatusName(PaymentStatus status); // "READY", "IN_PROGRESS", "DONE", ...
std::optional<PaymentStatus> paymentStatusFromName(const QString &name);

// The refusal codes about the card itself, which Encore explains in words (the server in its
// messages, the app under the card form). Any other code reads as a plain decline.
enum class CardRefusal {
    RejectCardCompany,
    NotEnoughBalance,
    InvalidCardNumber,
    InvalidCardExpiration,
    InvalidCvc,
    InvalidAuthentication,
    NotAuthenticated,
};
// The server's message for a refusal code (PaymentDeclined's own for an unknown code).
Msg cardRefusalMessage(const QString &code);

struct CardSummary {
    QString brand; // "VISA", ...
    QString last4;
};

struct Payment {
    QString paymentKey;
    QString orderId;
    PaymentStatus status = PaymentStatus::Ready;
    Money totalAmount = 0;
    QDateTime requestedAt;
    QDateTime approvedAt; // when DONE (kept after a cancel)
    QDateTime canceledAt;
    CardSummary card;
    QString failureCode; // ABORTED: why
    QString failureMessage;

    QJsonObject toJson() const;
    static Result<Payment> fromJson(const QJsonObject &json);
};

// A refusal: HTTP 4xx with {"code": "REJECT_CARD_COMPANY", "message": "..."}.
struct Error {
    QString code;
    QString message;

    QJsonObject toJson() const
    {
        return {{QStringLiteral("code"), code}, {QStringLiteral("message"), message}};
    }
    static Error fromJson(const QJsonObject &json);
};

// What the desktop app posts to /v1/cards/authorize — the only place a card number travels.
struct CardAuthorization {
    QString orderId;
    Money amount = 0;
    QString number; // digits only
    int expMonth = 0;
    int expYear = 0;
    QString cvc;
    QString holder;

    QJsonObject toJson() const;
    static Result<CardAuthorization> fromJson(const QJsonObject &json);
};

// What the desktop app posts to /v1/cards/authenticate: the cardholder's one-time code for an
// authorisation the gateway answered IN_PROGRESS.
struct CardAuthentication {
    QString paymentKey;
    QString code;

    QJsonObject toJson() const;
    static Result<CardAuthentication> fromJson(const QJsonObject &json);
    friend bool operator==(const CardAuthentication &, const CardAuthentication &) = default;
};

// What the server posts to /v1/payments/confirm: take the amount the card authorised for the
// order (the server's own order id and amount, so a client cannot change them).
struct PaymentConfirmation {
    QString paymentKey;
    QString orderId;
    Money amount = 0;

    QJsonObject toJson() const;
    static Result<PaymentConfirmation> fromJson(const QJsonObject &json);
    friend bool operator==(const PaymentConfirmation &, const PaymentConfirmation &) = default;
};

// The answer to /v1/cards/authorize (and /v1/cards/authenticate).
struct Authorization {
    QString paymentKey;
    PaymentStatus status = PaymentStatus::Ready; // READY, or IN_PROGRESS: authenticate first
    QString challenge; // IN_PROGRESS: what to ask the cardholder

    QJsonObject toJson() const;
    static Result<Authorization> fromJson(const QJsonObject &json);
};

inline constexpr auto kWebhookEventPaymentChanged = u"PAYMENT_STATUS_CHANGED";
inline constexpr auto kSignatureHeader = "Encore-Signature";
inline constexpr int kWebhookToleranceSeconds = 300;

// "t=<unix>,v1=<hex HMAC-SHA256(secret, t + "." + body)>"
QByteArray signWebhook(const QByteArray &secret, qint64 unixTime, const QByteArray &body);
enum class SignatureCheck { Valid, Malformed, BadSignature, Stale };
SignatureCheck verifyWebhook(const QByteArray &secret, const QByteArray &header,
                             const QByteArray &body, qint64 nowUnix);

} // namespace encore::gateway

namespace encore {
template<> struct EnumWords<gateway::CardRefusal> {
    using R = gateway::CardRefusal;
    static constexpr std::array<EnumWord<R>, 7> words {{
        {R::RejectCardCompany, u"REJECT_CARD_COMPANY"},
        {R::NotEnoughBalance, u"NOT_ENOUGH_BALANCE"},
        {R::InvalidCardNumber, u"INVALID_CARD_NUMBER"},
        {R::InvalidCardExpiration, u"INVALID_CARD_EXPIRATION"},
        {R::InvalidCvc, u"INVALID_CVC"},
        {R::InvalidAuthentication, u"INVALID_AUTHENTICATION"},
        {R::NotAuthenticated, u"NOT_AUTHENTICATED"},
    }};
};
} // namespace encore
