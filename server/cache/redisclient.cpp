#include "redisclient.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QUrl>

#include <hiredis/hiredis.h>

Q_LOGGING_CATEGORY(lcRedis, "encore.redis")

namespace encore::server {

namespace {

RedisValue convert(const redisReply *r)
{
    RedisValue v;
    switch (r->type) {
    case REDIS_REPLY_INTEGER:
        v.type = RedisValue::Type::Integer;
        v.integer = r->integer;
        break;
    case REDIS_REPLY_STRING:
        v.type = RedisValue::Type::String;
        v.string = QByteArray(r->str, qsizetype(r->len));
        break;
    case REDIS_REPLY_STATUS:
        v.type = RedisValue::Type::Status;
        v.string = QByteArray(r->str, qsizetype(r->len));
        break;
    case REDIS_REPLY_ARRAY:
        v.type = RedisValue::Type::Array;
        for (size_t i = 0; i < r->elements; ++i)
            v.array.append(convert(r->element[i]));
        break;
    default:
        break;
    }
    return v;
}

timeval toTimeval(int ms)
{
    return timeval {ms / 1000, (ms % 1000) * 1000};
}

} // namespace

RedisScript::RedisScript(QByteArray source)
    : m_source(std::move(source))
    , m_sha1(QCryptographicHash::hash(m_source, QCryptographicHash::Sha1).toHex())
{
}

struct RedisClient::PerThread {
    redisContext *context = nullptr;
    QElapsedTimer lastAttempt;

    ~PerThread() { reset(); }
    void reset()
    {
        if (context)
            redisFree(context);
        context = nullptr;
    }
};

RedisClient::RedisClient(const QString &url)
{
    const QUrl u(url);
    if (u.scheme() == QLatin1String("redis") && !u.host().isEmpty()) {
        m_host = u.host().toUtf8();
        m_port = u.port(6379);
        m_db = u.path().mid(1).toInt();
    }
}

RedisClient::~RedisClient()
{
    if (m_threads.hasLocalData())
        m_threads.setLocalData(nullptr);
}

RedisClient::PerThread &RedisClient::connection()
{
    if (!m_threads.hasLocalData())
        m_threads.setLocalData(new PerThread);
    PerThread &t = *m_threads.localData();
    if (t.context)
        return t;
    // While Redis is down, fail at once instead of paying a connect timeout on every request.
    if (t.lastAttempt.isValid() && t.lastAttempt.elapsed() < kRetryMs)
        throw RedisError("redis unavailable");
    t.lastAttempt.start();
    t.context = redisConnectWithTimeout(m_host.constData(), m_port, toTimeval(kTimeoutMs));
    if (!t.context || t.context->err) {
        const QByteArray why
            = t.context ? QByteArray(t.context->errstr) : QByteArray("out of memory");
        t.reset();
        throw RedisError("redis connect failed: " + why);
    }
    redisSetTimeout(t.context, toTimeval(kTimeoutMs));
    if (m_db != 0) {
        auto *r = static_cast<redisReply *>(redisCommand(t.context, "SELECT %d", m_db));
        if (r)
            freeReplyObject(r);
    }
    t.lastAttempt.invalidate();
    return t;
}

RedisValue RedisClient::command(const QList<QByteArray> &args)
{
    PerThread &t = connection();
    std::vector<const char *> argv;
    std::vector<size_t> lens;
    for (const QByteArray &a : args) {
        argv.push_back(a.constData());
        lens.push_back(size_t(a.size()));
    }
    auto *reply = static_cast<redisReply *>(
        redisCommandArgv(t.context, int(argv.size()), argv.data(), lens.data()));
    if (!reply) {
        const QByteArray why(t.context->errstr);
        t.reset(); // a timed-out or broken context cannot be re-used
        t.lastAttempt.start();
        throw RedisError("redis: " + why);
    }
    if (reply->type == REDIS_REPLY_ERROR) {
        const QByteArray why(reply->str, qsizetype(reply->len));
        freeReplyObject(reply);
        throw RedisError(why);
    }
    RedisValue v = convert(reply);
    freeReplyObject(reply);
    return v;
}

RedisValue RedisClient::eval(const RedisScript &script, const QList<QByteArray> &keys,
                             const QList<QByteArray> &args)
{
    QList<QByteArray> tail {QByteArray::number(keys.size())};
    tail += keys;
    tail += args;
    try {
        return command(QList<QByteArray> {"EVALSHA", script.sha1()} + tail);
    } catch (const RedisError &e) {
        if (!QByteArray(e.what()).startsWith("NOSCRIPT"))
            throw;
        return command(QList<QByteArray> {"EVAL", script.source()} + tail);
    }
}

bool RedisClient::ping()
{
    try {
        return command({"PING"}).string == "PONG";
    } catch (const RedisError &) {
        return false;
    }
}

} // namespace encore::server
