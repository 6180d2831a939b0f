#pragma once
// RouteRegistrar: registers API routes on one worker's QHttpServer and wraps every handler in
// the same envelope — request id, body-size limit, ApiError/DbError → JSON error envelope,
// access log line, metrics. Lives on the worker thread that owns the server.

#include "http/reply.h"
#include "http/requestcontext.h"

#include <QElapsedTimer>
#include <QHttpServer>
#include <QList>

#include <functional>
#include <memory>
#include <optional>
#include <type_traits>

namespace encore::server {

struct ServerConfig;
class WorkPool;

using Handler = std::function<Reply(RequestContext &)>;

// What a handler hands off the worker thread: `work` runs on a WorkPool thread (it may use the
// database: the thread has its own connection), then `finish` runs back on the worker and gives
// the answer. What `work` throws is thrown from `finish`'s place instead, so it becomes the error
// envelope like any handler's.
struct Offload {
    std::function<void()> work;
    std::function<Reply()> finish;

    // `work` returns a value (on the pool's thread); `answer` makes the reply of it (back on the
    // worker).
    template<typename Work, typename Answer> static Offload of(Work work, Answer answer)
    {
        auto result = std::make_shared<std::optional<std::invoke_result_t<Work &>>>();
        return {[result, work = std::move(work)]() mutable { result->emplace(work()); },
                [result, answer = std::move(answer)] {
                    return answer(**result);
                }};
    }
};
using OffloadHandler = std::function<Offload(RequestContext &)>;
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
    // A route whose slow part runs on `pool` (password hashing, a decision waiting for its
    // commit): the worker keeps serving other connections meanwhile, and answers when the work
    // is done. At most one path argument.
    void addOffloaded(Method method, const QString &path, WorkPool &pool, OffloadHandler handler);
    void installMissingHandler();

    const QList<RouteInfo> &routes() const { return m_routes; }
    static QString methodName(Method method);
    // The error envelope as a Reply, its message in `language` (also used by the missing-route
    // handler).
    static Reply errorReply(const ApiError &error, const QString &requestId,
                            Language language = Language::English);
    static QString newRequestId();
    // Browsers and other HSTS-aware clients stay on HTTPS for a year once they have seen it.
    static constexpr char kHsts[] = "max-age=31536000";

private:
    // One request as the access log and metrics see it, kept beyond the QHttpServerRequest.
    struct Call {
        QString route;
        QString requestId;
        Language language;
        Method method;
        QString path;
        QElapsedTimer timer;
    };
    static Call callOf(const QString &route, const QHttpServerRequest &request);
    // The handler's view of the request (PAYLOAD_TOO_LARGE beyond the body limit).
    RequestContext contextOf(const QHttpServerRequest &request, QStringList args,
                             const Call &call) const;
    QHttpServerResponse dispatch(const QString &route, const QHttpServerRequest &request,
                                 QStringList args, const Handler &handler) const;
    void dispatchOffloaded(const QString &route, const QHttpServerRequest &request,
                           QStringList args, QHttpServerResponder &&responder, WorkPool &pool,
                           const OffloadHandler &handler);
    // Runs `body` and maps what it throws to the error envelope.
    Reply guarded(const Call &call, const std::function<Reply()> &body) const;
    // Logs and counts the answer; the response to write.
    QHttpServerResponse finished(const Call &call, Reply reply) const;

    QHttpServer &m_server;
    const ServerConfig &m_config;
    QList<RouteInfo> m_routes;
};

} // namespace encore::server
