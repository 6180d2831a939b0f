#include "apierror.h"

using namespace Qt::StringLiterals;

namespace encore {

ApiError::ApiError(ErrorCode c, QJsonObject d)
    : ApiError(c, defaultMessageKey(c), {}, std::move(d))
{
}

ApiError::ApiError(ErrorCode c, Msg messageKey, QStringList messageArgs, QJsonObject d)
    : code(c)
    , message(messageText(messageKey, Language::English, messageArgs))
    , details(std::move(d))
    , key(messageKey)
    , args(std::move(messageArgs))
{
}

ApiError ApiError::withText(ErrorCode c, QString text, QJsonObject d)
{
    ApiError e(c, std::move(d));
    if (!text.isEmpty()) {
        e.message = std::move(text);
        e.key.reset();
    }
    return e;
}

ApiError ApiError::retryShortly(Msg messageKey)
{
    return ApiError(ErrorCode::Unavailable, messageKey, {},
                    {{api::details::kRetryAfterSeconds, 1}});
}

ApiError ApiError::unknownWord(const QString &field, const QJsonValue &word)
{
    return ApiError(ErrorCode::BadRequest, Msg::FieldUnknownWord,
                    {field, word.toVariant().toString().left(64)}, {{u"field"_s, field}});
}

QString ApiError::messageIn(Language language) const
{
    return key ? messageText(*key, language, args) : message;
}

QJsonObject ApiError::toJson(Language language) const
{
    QJsonObject o {{u"code"_s, codeName()}, {u"message"_s, messageIn(language)}};
    if (!details.isEmpty())
        o.insert(u"details"_s, details);
    return o;
}

QJsonObject ApiError::toEnvelope(const QString &requestId, Language language) const
{
    return QJsonObject {{u"error"_s, toJson(language)}, {u"requestId"_s, requestId}};
}

ApiError ApiError::fromEnvelope(const QJsonObject &envelope)
{
    const QJsonObject e = envelope.value(u"error"_s).toObject();
    const auto code = enumFromWord<ErrorCode>(e.value(u"code"_s).toString());
    if (!code)
        return ApiError(ErrorCode::Internal);
    return withText(*code, e.value(u"message"_s).toString(), e.value(u"details"_s).toObject());
}

} // namespace encore
