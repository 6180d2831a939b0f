#include "routeregistrar.h"

#include "apipaths.h"
#include "cache/redisclient.h"
#include "config/serverconfig.h"
#include "metrics/metrics.h"
#include "storage/database.h"

#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QRandomGenerator>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcAccess, "encore.access")
Q_LOGGING_CATEGORY(lcHttp, "encore.http")

namespace encore::server {

QString RouteRegistrar::newRequestId()
{
    quint64 words[2];
    QRandomGenerator::global()->fillRange(words);
    return QString::number(words[0], 16).rightJustified(16, u'0');
}

namespace {

// The language of every message in the answer (DESIGN.md §4): English unless asked for Korean.
Language languageOf(const QHttpServerRequest &request)
{
    return languageFromAcceptLanguage(request.value(api::kAcceptLanguageHeader));
}

// Browsers and other HSTS-aware clients stay on HTTPS for a year once they have seen it.
constexpr char kHsts[] = "max-age=31536000";

QHttpServerResponse toResponse(const Reply &reply, const QString &requestId, bool tls)
{
    QHttpServerResponse response(reply.contentType, reply.body,
                                 QHttpServerResponse::StatusCode(reply.status));
    response.setHeader("X-Request-Id", requestId.toLatin1());
    response.setHeader("Cache-Control", "no-store");
    if (tls)
        response.setHeader("Strict-Transport-Security", kHsts);
    for (const auto &h : reply.headers)
        response.setHeader(h.first, h.second);
    return response;
}

} // namespace

RouteRegistrar::RouteRegistrar(QHttpServer &server, const ServerConfig &config)
    : m_server(server)
    , m_config(config)
{
}

QString RouteRegistrar::methodName(Method method)
{
    switch (method) {
    case Method::Get:
        return u"GET"_s;
    case Method::Post:
        return u"POST"_s;
    case Method::Put:
        return u"PUT"_s;
    case Method::Delete:
        return u"DELETE"_s;
    case Method::Patch:
        return u"PATCH"_s;
    case Method::Head:
        return u"HEAD"_s;
    case Method::Options:
        return u"OPTIONS"_s;
    default:
        return u"OTHER"_s;
    }
}

Reply RouteRegistrar::errorReply(const ApiError &error, const QString &requestId, Language language)
{
    Reply reply = Reply::json(error.toEnvelope(requestId, language), error.httpStatus());
    if (error.code == ErrorCode::RateLimited || error.code == ErrorCode::Unavailable) {
        const int after = std::max(1, error.details.value(u"retryAfterSeconds"_s).toInt(1));
        reply.headers.append(qMakePair(QByteArray("Retry-After"), QByteArray::number(after)));
    }
    return reply;
}

void RouteRegistrar::add(Method method, const QString &path, Handler handler)
{
    m_routes.append({method, path});
    const QString route = methodName(method) + u' ' + path;
    // HEAD is GET without the body (RFC 9110 §9.3.2): every GET route answers it.
    const QHttpServerRequest::Methods methods
        = method == Method::Get ? Method::Get | Method::Head : QHttpServerRequest::Methods(method);
    switch (path.count(u"<arg>"_s)) {
    case 0:
        m_server.route(path, methods, [this, route, handler](const QHttpServerRequest &r) {
            return dispatch(route, r, {}, handler);
        });
        break;
    case 1:
        m_server.route(path, methods,
                       [this, route, handler](const QString &a, const QHttpServerRequest &r) {
                           return dispatch(route, r, {a}, handler);
                       });
        break;
    case 2:
        m_server.route(path, methods,
                       [this, route, handler](const QString &a, const QString &b,
                                              const QHttpServerRequest &r) {
                           return dispatch(route, r, {a, b}, handler);
                       });
        break;
    default:
        qFatal("RouteRegistrar: at most two path arguments");
    }
}

void RouteRegistrar::installMissingHandler()
{
    m_server.setMissingHandler(
        [this](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
            const QString requestId = newRequestId();
            const Reply reply = errorReply(ApiError(ErrorCode::NotFound, Msg::NoSuchEndpoint),
                                           requestId, languageOf(request));
            responder.write(
                request.method() == Method::Head ? QByteArray() : reply.body,
                {{"Content-Type", reply.contentType}, {"X-Request-Id", requestId.toLatin1()}},
                QHttpServerResponder::StatusCode(reply.status));
            Metrics::instance().observeRequest(u"unmatched"_s, reply.status, 0);
            if (m_config.accessLog)
                qCInfo(lcAccess).noquote() << requestId << methodName(request.method())
                                           << request.url().path() << reply.status << "0.0ms";
        });
}

QHttpServerResponse RouteRegistrar::dispatch(const QString &route,
                                             const QHttpServerRequest &request, QStringList args,
                                             const Handler &handler) const
{
    QElapsedTimer timer;
    timer.start();
    const QString requestId = newRequestId();
    const Language language = languageOf(request);
    const ApiError unavailable(ErrorCode::Unavailable, QJsonObject {{u"retryAfterSeconds"_s, 1}});
    Reply reply;
    try {
        if (request.body().size() > m_config.maxBodyBytes)
            throw ApiError(ErrorCode::PayloadTooLarge,
                           QJsonObject {{u"maxBytes"_s, m_config.maxBodyBytes}});
        RequestContext context(request, std::move(args), requestId,
                               RequestContext::clientAddressOf(request, m_config.trustedProxies));
        reply = handler(context);
    } catch (const ApiError &e) {
        reply = errorReply(e, requestId, language);
    } catch (const DbError &e) {
        if (e.isConnectionFailure()) {
            qCWarning(lcHttp).noquote() << requestId << "database unavailable:" << e.message();
            reply = errorReply(unavailable, requestId, language);
        } else {
            qCWarning(lcHttp).noquote()
                << requestId << "database error" << e.sqlState() << e.message();
            reply = errorReply(ApiError(ErrorCode::Internal), requestId, language);
        }
    } catch (const RedisError &e) {
        qCWarning(lcHttp).noquote() << requestId << "redis unavailable:" << e.what();
        reply = errorReply(unavailable, requestId, language);
    } catch (const std::exception &e) {
        qCCritical(lcHttp).noquote() << requestId << "unexpected error:" << e.what();
        reply = errorReply(ApiError(ErrorCode::Internal), requestId, language);
    }
    const double seconds = double(timer.nsecsElapsed()) / 1e9;
    Metrics::instance().observeRequest(route, reply.status, seconds);
    if (m_config.accessLog)
        qCInfo(lcAccess).noquote()
            << requestId << methodName(request.method()) << request.url().path() << reply.status
            << QString::number(seconds * 1000, 'f', 1) + u"ms"_s;
    if (request.method() == Method::Head)
        reply.body.clear();
    return toResponse(reply, requestId, m_config.tlsEnabled());
}

} // namespace encore::server
