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
    QElapsedTimer noReplicaSince; // valid while WAIT found no replica recently
    Address server; // where `context` is connected

    ~PerThread() { reset(); }
    void reset()
    {
        if (context)
            redisFree(context);
        context = nullptr;
    }
};

QList<RedisClient::Address> RedisClient::parseAddressList(const QString &text)
{
    QList<Address> out;
    for (const QString &item : text.split(u',', Qt::SkipEmptyParts)) {
        const qsizetype colon = item.lastIndexOf(u':');
        bool ok = false;
        const int port = colon > 0 ? item.mid(colon + 1).toInt(&ok) : 0;
        if (!ok || port <= 0 || port > 65535)
            return {};
        out.append({item.left(colon).trimmed().toUtf8(), port});
    }
    return out;
}

RedisClient::RedisClient(Options options)
    : m_options(std::move(options))
{
    const QUrl u(m_options.url);
    if (u.scheme() == QLatin1String("redis") && !u.host().isEmpty()) {
        m_host = u.host().toUtf8();
        m_port = u.port(6379);
    }
    if (u.scheme() == QLatin1String("redis"))
        m_db = u.path().mid(1).toInt();
}

RedisClient::~RedisClient()
{
    if (m_threads.hasLocalData())
        m_threads.setLocalData(nullptr);
}

RedisClient::Address RedisClient::primaryAddress()
{
    if (m_options.sentinels.isEmpty())
        return {m_host, m_port};
    // The first sentinel that answers names the primary; during a failover they may still name
    // the old one, which the ROLE check in connection() then refuses.
    for (const Address &s : m_options.sentinels) {
        redisContext *c
            = redisConnectWithTimeout(s.host.constData(), s.port, toTimeval(kTimeoutMs));
        if (!c || c->err) {
            if (c)
                redisFree(c);
            continue;
        }
        redisSetTimeout(c, toTimeval(kTimeoutMs));
        const char *argv[]
            = {"SENTINEL", "get-master-addr-by-name", m_options.masterName.constData()};
        const size_t lens[] = {8, 23, size_t(m_options.masterName.size())};
        auto *r = static_cast<redisReply *>(redisCommandArgv(c, 3, argv, lens));
        Address a;
        if (r && r->type == REDIS_REPLY_ARRAY && r->elements == 2) {
            a.host = QByteArray(r->element[0]->str, qsizetype(r->element[0]->len));
            a.port = QByteArray(r->element[1]->str, qsizetype(r->element[1]->len)).toInt();
        }
        if (r)
            freeReplyObject(r);
        redisFree(c);
        if (a.port > 0)
            return a;
    }
    throw RedisError("redis: no sentinel named a primary for " + m_options.masterName);
}

RedisValue RedisClient::run(PerThread &t, const QList<QByteArray> &args)
{
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
        // A demoted primary: find the new one on the next command.
        if (why.startsWith("READONLY"))
            t.reset();
        throw RedisError(why);
    }
    RedisValue v = convert(reply);
    freeReplyObject(reply);
    return v;
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
    const Address primary = primaryAddress();
    t.server = primary;
    t.context
        = redisConnectWithTimeout(primary.host.constData(), primary.port, toTimeval(kTimeoutMs));
    if (!t.context || t.context->err) {
        const QByteArray why
            = t.context ? QByteArray(t.context->errstr) : QByteArray("out of memory");
        t.reset();
        throw RedisError("redis connect failed: " + why);
    }
    redisSetTimeout(t.context, toTimeval(kTimeoutMs));
    try {
        if (!m_options.password.isEmpty())
            run(t, {"AUTH", m_options.password});
        if (usesSentinels()) {
            const RedisValue role = run(t, {"ROLE"});
            if (role.array.value(0).string != "master") {
                t.reset();
                throw RedisError("redis: " + primary.host + ':' + QByteArray::number(primary.port)
                                 + " is not a primary (yet)");
            }
        }
        if (m_db != 0)
            run(t, {"SELECT", QByteArray::number(m_db)});
    } catch (const RedisError &) {
        t.reset();
        t.lastAttempt.start();
        throw;
    }
    t.lastAttempt.invalidate();
    return t;
}

RedisValue RedisClient::command(const QList<QByteArray> &args)
{
    try {
        return run(connection(), args);
    } catch (const RedisError &e) {
        // A demoted primary refused the write, so nothing was done: once more, on the primary
        // the sentinels name now (run() dropped the connection).
        if (!QByteArray(e.what()).startsWith("READONLY"))
            throw;
        qCInfo(lcRedis) << "the Redis server became a replica; finding the primary";
        return run(connection(), args);
    }
}

bool RedisClient::waitForReplica()
{
    if (!usesSentinels())
        return true;
    PerThread &t = connection();
    const bool waited
        = !t.noReplicaSince.isValid() || t.noReplicaSince.elapsed() >= kNoReplicaBackoffMs;
    if (waited && run(t, {"WAIT", "1", QByteArray::number(kReplicaWaitMs)}).toInteger() >= 1) {
        t.noReplicaSince.invalidate();
        return true;
    }
    // Not replicated: either there is no replica, or the sentinels have already promoted another
    // server (a switchover in progress) and this one, still a primary for a moment, will be made
    // its replica and lose the write. Then the write must not be acknowledged.
    const Address primary = primaryAddress();
    if (primary.host != t.server.host || primary.port != t.server.port) {
        t.reset();
        throw RedisError("redis: the primary moved during the write; try again");
    }
    if (waited && !t.noReplicaSince.isValid())
        qCWarning(lcRedis) << "no Redis replica confirmed a queue write within" << kReplicaWaitMs
                           << "ms: running without a replica";
    if (waited)
        t.noReplicaSince.start();
    return false;
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
