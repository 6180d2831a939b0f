#pragma once
// RouteRegistrar: registers API routes on one worker's QHttpServer and wraps every handler in
// the same envelope — request id, body-size limit, ApiError/DbError → JSON error envelope,
// access log line, metrics. Lives on the worker thread that owns the server.

#include "http/reply.h"
#include "http/requestcontext.h"

#include <QHttpServer>
#include <QList>

#include <functional>

namespace encore::server {

struct ServerConfig;

using Handler = std::function<Reply(RequestContext &)>;
using Method = QHttpServerRequest::Method;

struct RouteInfo {
    Method method;
    QString path; // with <arg> placeholders
};

class RouteRegistrar {
public:
    RouteRegistrar(QHttpServer &server, const ServerConfig &config);

    // `path` uses <arg> for each path parameter (at most two); handlers get them as strings.
    void add(Method method, const QString &path, Handler handler);
    void installMissingHandler();

    const QList<RouteInfo> &routes() const { return m_routes; }
    static QString methodName(Method method);
    // The error envelope as a Reply, its message in `language` (also used by the missing-route
    // handler).
    static Reply errorReply(const ApiError &error, const QString &requestId,
                            Language language = Language::English);
    static QString newRequestId();

private:
    QHttpServerResponse dispatch(const QString &route, const QHttpServerRequest &request,
                                 QStringList args, const Handler &handler) const;

    QHttpServer &m_server;
    const ServerConfig &m_config;
    QList<RouteInfo> m_routes;
};

} // namespace encore::server
