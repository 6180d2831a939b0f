#include "routeregistrar.h"

#include "apipaths.h"
#include "cache/redisclient.h"
#include "config/serverconfig.h"
#include "http/connectiongate.h"
#include "http/workpool.h"
#include "metrics/metrics.h"
#include "storage/database.h"

#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QPointer>
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

QHttpServerResponse toResponse(const Reply &reply, const QString &requestId, bool tls)
{
    QHttpServerResponse response(reply.contentType, reply.body,
                                 QHttpServerResponse::StatusCode(reply.status));
    response.setHeader("X-Request-Id", requestId.toLatin1());
    response.setHeader("Cache-Control", "no-store");
    if (tls)
        response.setHeader("Strict-Transport-Security", RouteRegistrar::kHsts);
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
        const int after
            = std::max(1, error.details.value(api::details::kRetryAfterSeconds).toInt(1));
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

RouteRegistrar::Call RouteRegistrar::callOf(const QString &route, const QHttpServerRequest &request)
{
    Call call {route, newRequestId(), languageOf(request), request.method(), request.url().path(),
               {}};
    call.timer.start();
    return call;
}

RequestContext RouteRegistrar::contextOf(const QHttpServerRequest &request, QStringList args,
                                         const Call &call) const
{
    if (request.body().size() > m_config.maxBodyBytes)
        throw ApiError(ErrorCode::PayloadTooLarge,
                       QJsonObject {{u"maxBytes"_s, m_config.maxBodyBytes}});
    return RequestContext(request, std::move(args), call.requestId,
                          RequestContext::clientAddressOf(request, m_config.trustedProxies));
}

Reply RouteRegistrar::guarded(const Call &call, const std::function<Reply()> &body) const
{
    const ApiError unavailable = ApiError::retryShortly();
    try {
        return body();
    } catch (const ApiError &e) {
        return errorReply(e, call.requestId, call.language);
    } catch (const DbError &e) {
        if (e.isConnectionFailure()) {
            qCWarning(lcHttp).noquote() << call.requestId << "database unavailable:" << e.message();
            return errorReply(unavailable, call.requestId, call.language);
        }
        qCWarning(lcHttp).noquote()
            << call.requestId << "database error" << e.sqlState() << e.message();
    } catch (const RedisError &e) {
        qCWarning(lcHttp).noquote() << call.requestId << "redis unavailable:" << e.what();
        return errorReply(unavailable, call.requestId, call.language);
    } catch (const std::exception &e) {
        qCCritical(lcHttp).noquote() << call.requestId << "unexpected error:" << e.what();
    }
    return errorReply(ApiError(ErrorCode::Internal), call.requestId, call.language);
}

QHttpServerResponse RouteRegistrar::finished(const Call &call, Reply reply) const
{
    const double seconds = double(call.timer.nsecsElapsed()) / 1e9;
    Metrics::instance().observeRequest(call.route, reply.status, seconds);
    if (m_config.accessLog)
        qCInfo(lcAccess).noquote()
            << call.requestId << methodName(call.method) << call.path << reply.status
            << QString::number(seconds * 1000, 'f', 1) + u"ms"_s;
    if (call.method == Method::Head)
        reply.body.clear();
    return toResponse(reply, call.requestId, m_config.tlsEnabled());
}

QHttpServerResponse RouteRegistrar::dispatch(const QString &route,
                                             const QHttpServerRequest &request, QStringList args,
                                             const Handler &handler) const
{
    const Call call = callOf(route, request);
    return finished(call, guarded(call, [&] {
                        RequestContext context = contextOf(request, std::move(args), call);
                        return handler(context);
                    }));
}

void RouteRegistrar::addOffloaded(Method method, const QString &path, WorkPool &pool,
                                  OffloadHandler handler)
{
    m_routes.append({method, path});
    const QString route = methodName(method) + u' ' + path;
    const QHttpServerRequest::Methods methods(method);
    switch (path.count(u"<arg>"_s)) {
    case 0:
        m_server.route(path, methods,
                       [this, route, &pool, handler](const QHttpServerRequest &request,
                                                     QHttpServerResponder &&responder) {
                           dispatchOffloaded(route, request, {}, std::move(responder), pool,
                                             handler);
                       });
        break;
    case 1:
        m_server.route(
            path, methods,
            [this, route, &pool, handler](const QString &a, const QHttpServerRequest &request,
                                          QHttpServerResponder &&responder) {
                dispatchOffloaded(route, request, {a}, std::move(responder), pool, handler);
            });
        break;
    default:
        qFatal("RouteRegistrar: an offloaded route takes at most one path argument");
    }
}

void RouteRegistrar::dispatchOffloaded(const QString &route, const QHttpServerRequest &request,
                                       QStringList args, QHttpServerResponder &&responder,
                                       WorkPool &pool, const OffloadHandler &handler)
{
    auto call = std::make_shared<const Call>(callOf(route, request));
    std::optional<Offload> offload;
    Reply reply = guarded(*call, [&] {
        RequestContext context = contextOf(request, std::move(args), *call);
        offload = handler(context);
        return Reply {};
    });
    if (offload) {
        // What the work throws is kept for the answer (on the worker, inside guarded()).
        auto thrown = std::make_shared<std::exception_ptr>();
        auto work = [thrown, work = std::move(offload->work)] {
            try {
                work();
            } catch (...) {
                *thrown = std::current_exception();
            }
        };
        auto finish = [thrown, finish = std::move(offload->finish)] {
            if (*thrown)
                std::rethrow_exception(*thrown);
            return finish();
        };
        // The answer waits for the work only when nothing else on the connection would
        // overtake it; a pipelining client is answered here, in order.
        ConnectionGate *gate = ConnectionGate::of(responder.socket());
        if (gate && gate->holdForAnswer()) {
            QPointer<ConnectionGate> watch(gate);
            auto pending = std::make_shared<QHttpServerResponder>(std::move(responder));
            auto done = [this, call, watch, pending, finish] {
                const QHttpServerResponse response = finished(*call, guarded(*call, finish));
                // The gate is the socket's child: gone with it, or closing — then nobody listens.
                if (!watch || !watch->releaseForAnswer())
                    return;
                response.write(std::move(*pending));
                watch->answered();
            };
            if (pool.submit(&m_server, std::move(work), std::move(done)))
                return;
            gate->releaseForAnswer();
            reply = errorReply(pool.busy(), call->requestId, call->language);
        } else {
            reply = guarded(*call, [&] {
                if (!pool.runHere(work))
                    throw pool.busy();
                return finish();
            });
        }
    }
    finished(*call, reply).write(std::move(responder));
}

} // namespace encore::server
