#pragma once
// RedisClient: one hiredis connection per thread (like Database), with short connect and
// command timeouts so that a Redis outage fails fast instead of stalling workers, and lazy
// reconnection (at most one attempt per kRetryMs per thread while Redis is down). Scripts run
// with EVALSHA, falling back to EVAL once per connection. Any thread.
//
// High availability: with sentinels (Options::sentinels) every (re)connection asks them for the
// primary of Options::masterName and checks with ROLE that it is one; a connection error or a
// -READONLY answer (an old primary that came back as a replica) drops the connection, so the next
// command finds the promoted primary without a restart (a command refused with -READONLY did
// nothing and is sent once more at once). AUTH with Options::password on connect.

#include <QByteArray>
#include <QElapsedTimer>
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
    // How long a queue write waits for the replica to confirm it (WAIT), and how long a thread
    // stops waiting after the replica did not answer in time (running without one).
    static constexpr int kReplicaWaitMs = 100;
    static constexpr int kNoReplicaBackoffMs = 1000;

    struct Address {
        QByteArray host;
        int port = 0;
    };
    struct Options {
        QString url; // redis://host:port[/db]; with sentinels only the /db part is used
        QList<Address> sentinels; // empty: connect to url's host:port
        QByteArray masterName; // the name the sentinels monitor
        QByteArray password; // AUTH on every connection when non-empty
    };

    // Parses "host:port[,host:port...]"; empty on a malformed list.
    static QList<Address> parseAddressList(const QString &text);

    explicit RedisClient(Options options);
    explicit RedisClient(const QString &url)
        : RedisClient(Options {url, {}, {}, {}})
    {
    }
    ~RedisClient();

    bool isValidUrl() const { return !m_host.isEmpty() || !m_options.sentinels.isEmpty(); }
    bool usesSentinels() const { return !m_options.sentinels.isEmpty(); }
    RedisValue command(const QList<QByteArray> &args);
    RedisValue eval(const RedisScript &script, const QList<QByteArray> &keys,
                    const QList<QByteArray> &args);
    bool ping();
    // After a write that a client will be told about: with sentinels (a replicated setup), waits
    // up to kReplicaWaitMs until one replica has it (WAIT 1). True when confirmed. When not, and
    // the sentinels name another primary than the one written to (a switchover: the write will
    // be lost), drops the connection and throws RedisError; otherwise false (running without a
    // replica: this thread then skips the wait, not the sentinel check, for kNoReplicaBackoffMs).
    // Without sentinels there is no replica to wait for: true.
    bool waitForReplica();

private:
    struct PerThread;
    PerThread &connection();
    Address primaryAddress(); // from the sentinels, or the URL
    void authenticate(PerThread &t);
    RedisValue run(PerThread &t, const QList<QByteArray> &args);

    Options m_options;
    QByteArray m_host;
    int m_port = 6379;
    int m_db = 0;
    QThreadStorage<PerThread *> m_threads;
};

} // namespace encore::server
