#pragma once
// ScaleOutCluster: the production topology in miniature for one test executable — N encore-server
// child processes (TestServer) on one fresh database of the TestCluster, a private Redis (when
// encore-server supports --redis) and nginx in front on a free loopback port, configured from
// the same template as scripts/cluster.sh (resources/cluster/). Main thread.

#include "httpclient.h"
#include "testpaysandbox.h"
#include "testserver.h"

#include <QProcess>
#include <QTemporaryDir>

#include <memory>
#include <vector>

namespace encore::test {

// A redis-server child on a loopback port with resources/cluster/redis.conf.
class RedisProcess {
public:
    explicit RedisProcess(QString dir);
    ~RedisProcess();

    bool start(); // same port again after stop()
    void stop(); // SIGTERM and wait: Redis is gone, its port refuses connections
    bool running() const;
    quint16 port() const { return m_port; }
    QString url() const; // redis://127.0.0.1:port
    // One command over RESP (e.g. {"INFO", "clients"}); empty on failure.
    QByteArray command(const QList<QByteArray> &args) const;
    int connectedClients() const; // INFO clients → connected_clients, -1 when unreachable

    static QString binary();

private:
    QString m_dir;
    quint16 m_port = 0;
    std::unique_ptr<QProcess> m_process;
};

// nginx in front of encore-server instances, on a free loopback port, from the template of
// resources/cluster/nginx.conf.in (as scripts/cluster.sh renders it; plain HTTP: HttpClient
// speaks no TLS).
class NginxProcess {
public:
    explicit NginxProcess(QString dir);
    ~NginxProcess();

    // passOver503: the HA setting (NEXT_UPSTREAM http_503): an instance answering 503 is passed
    // over like one that cannot be reached.
    bool start(const QList<quint16> &upstreamPorts, bool passOver503 = false);
    void stop();
    quint16 port() const { return m_port; }
    HttpClient client() const { return HttpClient(m_port); }
    QByteArray errorLog() const;
    QByteArray accessLog() const;
    QString config() const;

    static QString render(const QString &stateDir, const QString &listen,
                          const QList<quint16> &upstreamPorts, bool passOver503 = false);

private:
    QString m_dir;
    std::unique_ptr<QProcess> m_process;
    quint16 m_port = 0;
};

class ScaleOutCluster {
public:
    struct Options {
        int instances = 3;
        // Start Redis and pass --redis when the server supports it (ENCORE_CLUSTER_TEST_REDIS=0:
        // share PostgreSQL only, e.g. to tell a Redis-store problem from others).
        bool redis = qEnvironmentVariable("ENCORE_CLUSTER_TEST_REDIS") != QLatin1String("0");
        QStringList serverArgs; // for every instance
        // The instances' environment (e.g. TestPaySandbox::serverEnvironment()); empty: ours.
        QProcessEnvironment serverEnvironment;
    };
    // Every instance paying by card through `gateway` (start the gateway after the cluster, with
    // webhookUrl()).
    static Options withGateway(const TestPaySandbox &gateway);
    QString webhookUrl() const; // the gateway's webhook, through nginx

    ScaleOutCluster();
    explicit ScaleOutCluster(Options options);
    ~ScaleOutCluster();

    bool start();
    void stop();

    HttpClient client() const { return m_nginx.client(); } // through nginx
    quint16 port() const { return m_nginx.port(); }
    int instanceCount() const { return int(m_instances.size()); }
    TestServer &instance(int i) { return *m_instances.at(size_t(i)); }
    const server::ConnectionParams &database() const { return m_instances.front()->database(); }

    // Redis is running and the instances were given --redis.
    bool usesRedis() const { return m_redisArg; }
    RedisProcess *redis() { return m_redis.get(); }

    QByteArray nginxLog() const; // error log
    QByteArray accessLog() const; // one line per request, with the instance that answered
    QString nginxConfig() const; // the rendered configuration

    static bool serverSupportsRedis();
    static quint16 freePort();

private:
    Options m_options;
    QTemporaryDir m_dir;
    std::unique_ptr<RedisProcess> m_redis;
    bool m_redisArg = false;
    std::vector<std::unique_ptr<TestServer>> m_instances;
    NginxProcess m_nginx;
};

} // namespace encore::test
