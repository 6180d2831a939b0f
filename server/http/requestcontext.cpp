#include "requestcontext.h"

#include "apipaths.h"
#include "jsonreader.h"

#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace encore::server {

RequestContext::RequestContext(const QHttpServerRequest &request, QStringList pathArgs,
                               QString requestId, QHostAddress clientAddress)
    : m_request(request)
    , m_args(std::move(pathArgs))
    , m_requestId(std::move(requestId))
    , m_clientAddress(std::move(clientAddress))
{
}

QHostAddress RequestContext::clientAddressOf(const QHttpServerRequest &request,
                                             const QList<QHostAddress> &trustedProxies)
{
    const QHostAddress peer = request.remoteAddress();
    if (!trustedProxies.contains(peer))
        return peer;
    // nginx sets X-Real-IP to the address it saw; X-Forwarded-For's last entry is the same.
    QByteArray claimed = request.value("X-Real-IP").trimmed();
    if (claimed.isEmpty())
        claimed = request.value("X-Forwarded-For").split(',').last().trimmed();
    QHostAddress client;
    return client.setAddress(QString::fromLatin1(claimed)) ? client : peer;
}

QJsonObject RequestContext::jsonBody() const
{
    auto parsed = JsonReader::parseObject(m_request.body());
    if (!parsed)
        throw parsed.error();
    return parsed.value();
}

qint64 RequestContext::idArg(int i) const
{
    const QString s = m_args.value(i);
    bool ok = false;
    const qint64 id = s.toLongLong(&ok);
    // Digits only: "+5", " 5" and "5.0" are not ids; toLongLong rejects overflow.
    const bool digits = !s.isEmpty() && s.size() <= 19
        && std::all_of(s.begin(), s.end(),
                       [](QChar c) { return c.isDigit() && c.unicode() < 128; });
    if (!ok || !digits || id <= 0)
        throw ApiError(ErrorCode::NotFound, Msg::NoSuchObject);
    return id;
}

QUuid RequestContext::uuidArg(int i) const
{
    const QUuid id = QUuid::fromString(m_args.value(i));
    if (id.isNull())
        throw ApiError(ErrorCode::NotFound, Msg::NoSuchObject);
    return id;
}

QString RequestContext::queryValue(const QString &key) const
{
    QString value = m_request.query().queryItemValue(key, QUrl::FullyDecoded);
    const QString problem = JsonReader::textProblem(value);
    if (!problem.isEmpty())
        throw ApiError(ErrorCode::ValidationFailed, Msg::FieldTextNotStorable, {key},
                       {{u"field"_s, key}, {u"reason"_s, problem}});
    return value;
}

std::optional<qint64> RequestContext::queryInteger(const QString &key, qint64 min, qint64 max) const
{
    if (!m_request.query().hasQueryItem(key))
        return std::nullopt;
    bool ok = false;
    const qint64 value = queryValue(key).toLongLong(&ok);
    if (!ok || value < min || value > max)
        throw ApiError(ErrorCode::ValidationFailed, Msg::FieldOutOfRange,
                       messageArgs(key, min, max), {{u"field"_s, key}});
    return value;
}

QByteArray RequestContext::header(const QByteArray &name) const
{
    return m_request.value(name);
}

QByteArray RequestContext::bearerToken() const
{
    const QByteArray h = header("Authorization");
    static const QByteArray kPrefix = "Bearer ";
    if (!h.startsWith(kPrefix))
        return {};
    return h.mid(kPrefix.size()).trimmed();
}

QByteArray RequestContext::queueToken() const
{
    return header(api::kQueueTokenHeader).trimmed();
}

std::optional<QString> RequestContext::idempotencyKey() const
{
    const QByteArray raw = header(api::kIdempotencyKeyHeader);
    if (raw.isEmpty())
        return std::nullopt;
    const bool printable
        = std::all_of(raw.begin(), raw.end(), [](char c) { return c > 32 && c < 127; });
    if (raw.size() > api::kMaxIdempotencyKeyLength || !printable)
        throw ApiError(ErrorCode::ValidationFailed, Msg::IdempotencyKeyInvalid, {},
                       {{u"field"_s, u"Idempotency-Key"_s}});
    return QString::fromLatin1(raw);
}

QString RequestContext::requireIdempotencyKey() const
{
    const auto key = idempotencyKey();
    if (!key)
        throw ApiError(ErrorCode::ValidationFailed, Msg::IdempotencyKeyRequired, {},
                       {{u"field"_s, u"Idempotency-Key"_s}});
    return *key;
}

} // namespace encore::server
