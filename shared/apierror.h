#pragma once
// ApiError: an error as the API reports it (code, human message, details). The server throws it
// from services; the client decodes it from the error envelope. Value type, any thread.

#include "errorcode.h"

#include <QJsonObject>
#include <QString>

namespace encore {

struct ApiError
{
    ErrorCode code = ErrorCode::Internal;
    QString message;
    QJsonObject details;

    ApiError() = default;
    ApiError(ErrorCode c, QString msg = {}, QJsonObject d = {});

    int httpStatus() const { return encore::httpStatus(code); }
    QString codeName() const { return wordOf(code); }

    // {"code": ..., "message": ..., "details": {...}} — the inner object of the envelope.
    QJsonObject toJson() const;
    // The whole envelope {"error": {...}, "requestId": "..."}.
    QJsonObject toEnvelope(const QString &requestId) const;
    // Reads an envelope; anything unreadable becomes an INTERNAL error with the given status text.
    static ApiError fromEnvelope(const QJsonObject &envelope);
};

} // namespace encore
