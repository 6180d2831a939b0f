#pragma once
// RedisClient: one hiredis connection per thread (like Database), with short connect and
// command timeouts so that a Redis outage fails fast instead of stalling workers, and lazy
// reconnection (at most one attempt per kRetryMs per thread while Redis is down). Scripts run
// with EVALSHA, falling back to EVAL once per connection. Any thread.

#include <QByteArray>
#include <QList>
#include <QString>
#include <QThreadStorage>

#include <exception>

namespace encore::server {

struct RedisValue {
    enum class Type { Nil, Integer, String, Array, Status };
    Type type = Type::Nil;
    qint64 integer = 0;
    QByteArray string;
    QList<RedisValue> array;

    bool isNil() const { return type == Type::Nil; }
    qint64 toInteger() const { return type == Type::Integer ? integer : string.toLongLong(); }
    double toDouble() const { return type == Type::Integer ? double(integer) : string.toDouble(); }
};

class RedisError : public std::exception {
public:
    explicit RedisError(QByteArray message)
        : m_message(std::move(message))
    {
    }
    const char *what() const noexcept override { return m_message.constData(); }

private:
    QByteArray m_message;
};

class RedisScript {
public:
    explicit RedisScript(QByteArray source);
    const QByteArray &source() const { return m_source; }
    const QByteArray &sha1() const { return m_sha1; }

private:
    QByteArray m_source;
    QByteArray m_sha1;
};

class RedisClient {
public:
    static constexpr int kTimeoutMs = 250;
    static constexpr int kRetryMs = 500;

    // redis://host:port[/db]
    explicit RedisClient(const QString &url);
    ~RedisClient();

    bool isValidUrl() const { return !m_host.isEmpty(); }
    RedisValue command(const QList<QByteArray> &args);
    RedisValue eval(const RedisScript &script, const QList<QByteArray> &keys,
                    const QList<QByteArray> &args);
    bool ping();

private:
    struct PerThread;
    PerThread &connection();

    QByteArray m_host;
    int m_port = 6379;
    int m_db = 0;
    QThreadStorage<PerThread *> m_threads;
};

} // namespace encore::server
