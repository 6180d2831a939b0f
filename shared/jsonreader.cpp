#include "jsonreader.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QStringDecoder>

#include <cmath>

using namespace Qt::StringLiterals;

namespace encore {

namespace {
// Doubles represent every integer exactly only up to 2^53; beyond it "1e19" and "2^63" would
// silently round, so such numbers are out of range for every field.
constexpr double kMaxExactInteger = 9007199254740992.0;

QString childPath(const QString &parent, const QString &key)
{
    return parent.isEmpty() ? key : parent + u'.' + key;
}

// The first string (key or value) below `value` that cannot be stored, as {field, reason}.
std::optional<std::pair<QString, QString>> findBadText(const QJsonValue &value, const QString &path)
{
    if (value.isString()) {
        const QString problem = JsonReader::textProblem(value.toString());
        if (!problem.isEmpty())
            return std::pair {path, problem};
    } else if (value.isObject()) {
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            const QString problem = JsonReader::textProblem(it.key());
            if (!problem.isEmpty())
                return std::pair {childPath(path, u"(key)"_s), u"key "_s + problem};
            if (auto bad = findBadText(it.value(), childPath(path, it.key())))
                return bad;
        }
    } else if (value.isArray()) {
        const QJsonArray array = value.toArray();
        for (qsizetype i = 0; i < array.size(); ++i) {
            if (auto bad = findBadText(array.at(i), u"%1[%2]"_s.arg(path).arg(i)))
                return bad;
        }
    }
    return std::nullopt;
}
} // namespace

JsonReader::JsonReader(QJsonObject object)
    : m_object(std::move(object))
{
}

Result<QJsonObject> JsonReader::parseObject(const QByteArray &body)
{
    QStringDecoder decoder(QStringDecoder::Utf8);
    const QString text = decoder(body);
    if (decoder.hasError())
        return ApiError(ErrorCode::BadRequest, Msg::BodyNotUtf8);
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(text.toUtf8(), &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return ApiError(ErrorCode::BadRequest, Msg::BodyNotJson, {parseError.errorString()},
                        {{u"offset"_s, parseError.offset}});
    if (!doc.isObject())
        return ApiError(ErrorCode::BadRequest, Msg::BodyNotObject);
    if (const auto bad = findBadText(doc.object(), {})) {
        JsonReader r(QJsonObject {});
        r.fail(ErrorCode::ValidationFailed, bad->first, Msg::FieldTextNotStorable);
        return r.error();
    }
    return doc.object();
}

QString JsonReader::textProblem(QStringView text)
{
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (c.isNull())
            return u"must not contain NUL characters"_s;
        if (c.isHighSurrogate() && i + 1 < text.size() && text[i + 1].isLowSurrogate()) {
            ++i;
            continue;
        }
        if (c.isSurrogate())
            return u"must not contain unpaired UTF-16 surrogates"_s;
    }
    return {};
}

void JsonReader::fail(ErrorCode code, const QString &field, Msg reason, const QStringList &args)
{
    if (m_error)
        return;
    m_error = ApiError(code, reason, QStringList {field} + args, {{u"field"_s, field}});
}

bool JsonReader::present(const QString &key)
{
    const QJsonValue v = m_object.value(key);
    return !v.isUndefined() && !v.isNull();
}

QString JsonReader::string(const QString &key, int minLength, int maxLength)
{
    if (!present(key)) {
        fail(ErrorCode::ValidationFailed, key, Msg::FieldRequired);
        return {};
    }
    const auto s = optionalString(key, maxLength);
    if (!s)
        return {};
    if (s->size() < minLength) {
        fail(ErrorCode::ValidationFailed, key, Msg::FieldTooShort, messageArgs(minLength));
        return {};
    }
    return *s;
}

std::optional<QString> JsonReader::optionalString(const QString &key, int maxLength)
{
    if (!present(key))
        return std::nullopt;
    const QJsonValue v = m_object.value(key);
    if (!v.isString()) {
        fail(ErrorCode::BadRequest, key, Msg::FieldNotString);
        return std::nullopt;
    }
    const QString s = v.toString();
    if (s.size() > maxLength) {
        fail(ErrorCode::ValidationFailed, key, Msg::FieldTooLong, messageArgs(maxLength));
        return std::nullopt;
    }
    return s;
}

std::optional<qint64> JsonReader::toInteger(const QString &key, const QJsonValue &v, qint64 min,
                                            qint64 max)
{
    if (!v.isDouble()) {
        fail(ErrorCode::BadRequest, key, Msg::FieldNotNumber);
        return std::nullopt;
    }
    const double d = v.toDouble();
    if (!std::isfinite(d) || d != std::floor(d)) {
        fail(ErrorCode::ValidationFailed, key, Msg::FieldNotWholeNumber);
        return std::nullopt;
    }
    if (std::fabs(d) > kMaxExactInteger || d < double(min) || d > double(max)) {
        fail(ErrorCode::ValidationFailed, key, Msg::FieldOutOfRange, messageArgs(min, max));
        return std::nullopt;
    }
    return static_cast<qint64>(d);
}

qint64 JsonReader::integer(const QString &key, qint64 min, qint64 max)
{
    if (!present(key)) {
        fail(ErrorCode::ValidationFailed, key, Msg::FieldRequired);
        return 0;
    }
    return optionalInteger(key, min, max).value_or(0);
}

std::optional<qint64> JsonReader::optionalInteger(const QString &key, qint64 min, qint64 max)
{
    if (!present(key))
        return std::nullopt;
    return toInteger(key, m_object.value(key), min, max);
}

bool JsonReader::boolean(const QString &key)
{
    if (!present(key)) {
        fail(ErrorCode::ValidationFailed, key, Msg::FieldRequired);
        return false;
    }
    return optionalBoolean(key).value_or(false);
}

std::optional<bool> JsonReader::optionalBoolean(const QString &key)
{
    if (!present(key))
        return std::nullopt;
    const QJsonValue v = m_object.value(key);
    if (!v.isBool()) {
        fail(ErrorCode::BadRequest, key, Msg::FieldNotBoolean);
        return std::nullopt;
    }
    return v.toBool();
}

QUuid JsonReader::uuid(const QString &key)
{
    const QString s = string(key, 1, 64);
    if (!ok())
        return {};
    const QUuid id = QUuid::fromString(s);
    if (id.isNull())
        fail(ErrorCode::ValidationFailed, key, Msg::FieldNotUuid);
    return id;
}

QDateTime JsonReader::dateTime(const QString &key)
{
    if (!present(key)) {
        fail(ErrorCode::ValidationFailed, key, Msg::FieldRequired);
        return {};
    }
    return optionalDateTime(key).value_or(QDateTime());
}

std::optional<QDateTime> JsonReader::optionalDateTime(const QString &key)
{
    const auto s = optionalString(key, 64);
    if (!s)
        return std::nullopt;
    const QDateTime t = parseIsoTime(*s);
    if (!t.isValid()) {
        fail(ErrorCode::ValidationFailed, key, Msg::FieldNotTime);
        return std::nullopt;
    }
    return t;
}

QList<qint64> JsonReader::integerList(const QString &key, int minCount, int maxCount, qint64 min,
                                      qint64 max)
{
    if (!present(key)) {
        fail(ErrorCode::ValidationFailed, key, Msg::FieldRequired);
        return {};
    }
    const QJsonValue v = m_object.value(key);
    if (!v.isArray()) {
        fail(ErrorCode::BadRequest, key, Msg::FieldNotNumberList);
        return {};
    }
    const QJsonArray a = v.toArray();
    if (a.size() < minCount || a.size() > maxCount) {
        fail(ErrorCode::ValidationFailed, key, Msg::FieldListSize, messageArgs(minCount, maxCount));
        return {};
    }
    QList<qint64> out;
    out.reserve(a.size());
    for (const QJsonValue &item : a) {
        const auto n = toInteger(key, item, min, max);
        if (!n)
            return {};
        if (out.contains(*n)) {
            fail(ErrorCode::ValidationFailed, key, Msg::FieldRepeats, messageArgs(*n));
            return {};
        }
        out.append(*n);
    }
    return out;
}

QJsonObject JsonReader::object(const QString &key)
{
    const QJsonValue v = m_object.value(key);
    if (!v.isObject()) {
        fail(v.isUndefined() ? ErrorCode::ValidationFailed : ErrorCode::BadRequest, key,
             Msg::FieldNotObject);
        return {};
    }
    return v.toObject();
}

QJsonArray JsonReader::array(const QString &key)
{
    const QJsonValue v = m_object.value(key);
    if (!v.isArray()) {
        fail(v.isUndefined() ? ErrorCode::ValidationFailed : ErrorCode::BadRequest, key,
             Msg::FieldNotArray);
        return {};
    }
    return v.toArray();
}

QString isoTime(const QDateTime &time)
{
    return time.isValid() ? time.toUTC().toString(Qt::ISODateWithMs) : QString();
}

QJsonValue isoTimeOrNull(const QDateTime &time)
{
    return time.isValid() ? QJsonValue(isoTime(time)) : QJsonValue(QJsonValue::Null);
}

QDateTime parseIsoTime(const QString &text)
{
    QDateTime t = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!t.isValid())
        t = QDateTime::fromString(text, Qt::ISODate);
    return t.isValid() ? t.toUTC() : QDateTime();
}

} // namespace encore
