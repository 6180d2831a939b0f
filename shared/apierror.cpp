#include "apierror.h"

using namespace Qt::StringLiterals;

namespace encore {

ApiError::ApiError(ErrorCode c, QString msg, QJsonObject d)
    : code(c)
    , message(msg.isEmpty() ? defaultMessage(c) : std::move(msg))
    , details(std::move(d))
{
}

QJsonObject ApiError::toJson() const
{
    QJsonObject o{{u"code"_s, codeName()}, {u"message"_s, message}};
    if (!details.isEmpty())
        o.insert(u"details"_s, details);
    return o;
}

QJsonObject ApiError::toEnvelope(const QString &requestId) const
{
    return QJsonObject{{u"error"_s, toJson()}, {u"requestId"_s, requestId}};
}

ApiError ApiError::fromEnvelope(const QJsonObject &envelope)
{
    const QJsonObject e = envelope.value(u"error"_s).toObject();
    const auto code = enumFromWord<ErrorCode>(e.value(u"code"_s).toString());
    if (!code)
        return ApiError(ErrorCode::Internal);
    return ApiError(*code, e.value(u"message"_s).toString(), e.value(u"details"_s).toObject());
}

} // namespace encore
