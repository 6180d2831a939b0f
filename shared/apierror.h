#pragma once
// ApiError: an error as the API reports it (code, human message, details). The server throws it
// from services with a message key and arguments (rendered in the caller's language when the
// reply is written); the client decodes it from the error envelope. Value type, any thread.

#include "errorcode.h"
#include "messages.h"

#include <QJsonObject>
#include <QString>

#include <optional>

namespace encore {

// The keys of `details` that the client reads (the server writes them with these names).
namespace api::details {
inline const QString kRetryAfterSeconds = QStringLiteral("retryAfterSeconds"); // 429, 503
inline const QString kEtaSeconds = QStringLiteral("etaSeconds"); // QUEUE_NOT_ACTIVE
inline const QString kSeats = QStringLiteral("seats"); // SEAT_UNAVAILABLE: the seats taken
inline const QString kBalance = QStringLiteral("balance"); // INSUFFICIENT_BALANCE
inline const QString kRequired = QStringLiteral("required"); // INSUFFICIENT_BALANCE
inline const QString kGatewayCode = QStringLiteral("gatewayCode"); // PAYMENT_DECLINED
inline const QString kGatewayMessage = QStringLiteral("message"); // PAYMENT_DECLINED
} // namespace api::details

struct ApiError {
    ErrorCode code = ErrorCode::Internal;
    QString message; // English (server) or as received (client)
    QJsonObject details;
    std::optional<Msg> key; // set on the server: the message in every language
    QStringList args;

    ApiError() = default;
    // The code's default message.
    explicit ApiError(ErrorCode c, QJsonObject d = {});
    ApiError(ErrorCode c, Msg messageKey, QStringList messageArgs = {}, QJsonObject d = {});
    // A message outside the table: as received from a server (client side), or an operator-facing
    // start-up error (never an HTTP answer). Empty → the code's default.
    static ApiError withText(ErrorCode c, QString message, QJsonObject d = {});
    // UNAVAILABLE with `Retry-After: 1`: busy or briefly down, try again in a second.
    static ApiError retryShortly(Msg messageKey = Msg::Unavailable);
    // BAD_REQUEST: `field` holds a word outside its closed set.
    static ApiError unknownWord(const QString &field, const QJsonValue &word);

    int httpStatus() const { return encore::httpStatus(code); }
    QString codeName() const { return wordOf(code); }
    // The message in `language` (the received text when there is no key).
    QString messageIn(Language language) const;

    // {"code": ..., "message": ..., "details": {...}} — the inner object of the envelope.
    QJsonObject toJson(Language language = Language::English) const;
    // The whole envelope {"error": {...}, "requestId": "..."}.
    QJsonObject toEnvelope(const QString &requestId, Language language = Language::English) const;
    // Reads an envelope; an unknown code becomes INTERNAL.
    static ApiError fromEnvelope(const QJsonObject &envelope);
};

} // namespace encore
