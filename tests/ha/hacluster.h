#pragma once
// HaCluster: the HA topology of scripts/cluster.sh start --ha in miniature for one test
// executable — PostgreSQL primary + synchronous streaming standby (password auth, the password
// only in a PGPASSFILE), Redis primary + replica + three sentinels (requirepass, the password
// only in files), N encore-server instances that find both primaries by themselves
// (multi-host --database, --redis-sentinel) and nginx in front. Everything on free loopback
// ports in a temporary directory; failure tests crash, promote and cut parts. Main thread.

#include "cache/redisclient.h"
#include "httpclient.h"
#include "scaleoutcluster.h"
#include "storage/connectionparams.h"
#include "testserver.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QThread>

#include <memory>
#include <vector>

namespace encore::test {

// One PostgreSQL server on 127.0.0.1 (as `postgres` when root), primary or streaming standby.
class PgNode {
public:
    PgNode(QString dir, QString passFile);
    ~PgNode();

    // initdb (superuser encore, its password from `passwordFile`, scram-sha-256 over TCP), start.
    bool initPrimary(const QString &passwordFile);
    // pg_basebackup from `primary`, then start streaming as application_name `name`.
    bool initStandby(const PgNode &primary, const QString &name);
    void crash(); // pg_ctl stop -m immediate: no shutdown checkpoint, like a power cut
    bool promote(); // pg_ctl promote, waits until it accepts writes
    quint16 port() const { return m_port; }
    QString log() const;

private:
    bool start(const QString &extraSettings);
    bool run(const QString &tool, const QStringList &args, int timeoutMs = 120'000) const;

    QString m_dir;
    QString m_passFile; // owned by postgres when root: the standby's replication password
    quint16 m_port = 0;
    bool m_running = false;
};

// A TCP forwarder the test can cut: the network between one instance and a server. cut() resets
// every connection and refuses new ones (a partition that rejects: the instance learns at once);
// heal() accepts again. Runs on its own thread.
class TcpCut {
public:
    explicit TcpCut(quint16 targetPort);
    ~TcpCut();
    quint16 port() const { return m_port; }
    void cut();
    void heal();

private:
    class Worker;
    std::unique_ptr<QThread> m_thread;
    Worker *m_worker = nullptr;
    quint16 m_port = 0;
};

class HaCluster {
public:
    struct Options {
        int instances = 2;
        QStringList serverArgs; // for every instance
        bool cutDatabaseOfLast = false; // the last instance reaches PostgreSQL through TcpCuts
    };

    explicit HaCluster(Options options);
    ~HaCluster();

    bool start();
    void stop();

    HttpClient client() const { return m_nginx->client(); }
    TestServer &instance(int i) { return *m_instances.at(size_t(i)); }
    int instanceCount() const { return int(m_instances.size()); }
    // Multi-host, read-write: reaches whichever PostgreSQL is primary (password from PGPASSFILE).
    const server::ConnectionParams &database() const { return m_database; }

    PgNode &pgPrimary() { return *m_pg[0]; }
    PgNode &pgStandby() { return *m_pg[1]; }
    // The Redis process on this port (one of the two data nodes) is SIGKILLed.
    void killRedis(quint16 port);
    QList<quint16> redisPorts() const { return m_redisPorts; }
    QList<quint16> sentinelPorts() const { return m_sentinelPorts; }
    QByteArray redisPassword() const { return m_password; }
    // Who the sentinels say is primary (0 when none answers).
    quint16 redisPrimaryPort() const;
    // One command to the Redis on `port` (with the password).
    server::RedisValue redis(quint16 port, const QList<QByteArray> &args) const;
    TcpCut *databaseCut(int i) { return m_cuts.at(size_t(i)).get(); }

private:
    bool startPostgres();
    bool startRedis();
    bool startInstances();
    bool startRedisProcess(const QString &name, quint16 port, const QString &conf);
    bool writeSecret(const QString &path, const QByteArray &data, bool forPostgres);

    Options m_options;
    QTemporaryDir m_dir;
    QByteArray m_password;
    std::vector<std::unique_ptr<PgNode>> m_pg;
    server::ConnectionParams m_database;
    QString m_databaseUrl;
    QList<quint16> m_redisPorts;
    QList<quint16> m_sentinelPorts;
    std::vector<std::unique_ptr<QProcess>> m_redisProcesses; // 2 data nodes, then 3 sentinels
    std::vector<std::unique_ptr<TcpCut>> m_cuts;
    std::vector<std::unique_ptr<TestServer>> m_instances;
    std::unique_ptr<NginxProcess> m_nginx;
};

} // namespace encore::test
