#include "testcluster.h"

#include "embedded/embeddedpostgres.h"
#include "storage/database.h"

#include <QAtomicInteger>
#include <QDir>
#include <QTemporaryDir>
#include <QUrl>
#include <QUrlQuery>

#include <cstdlib>

using namespace Qt::StringLiterals;

namespace encore::test {

struct TestCluster::Private {
    QTemporaryDir dir {QDir::tempPath() + u"/encore-test-XXXXXX"_s};
    std::unique_ptr<server::EmbeddedPostgres> postgres;
    server::ConnectionParams admin;
    int databases = 0;
};

TestCluster &TestCluster::instance()
{
    static TestCluster *cluster = [] {
        auto *c = new TestCluster;
        // Stop the cluster when the test executable exits.
        std::atexit([] { delete instance().d; });
        return c;
    }();
    return *cluster;
}

TestCluster::TestCluster()
    : d(new Private)
{
    if (!d->dir.isValid())
        qFatal("cannot create a temporary directory");
    server::EmbeddedPostgres::Options options;
    options.clusterDir = d->dir.path() + u"/pg"_s;
    options.databaseName = u"postgres"_s;
    // Tests trade durability for speed; benchmarks measure what the product ships (the embedded
    // cluster's own settings: fsync, synchronous_commit and full_page_writes on).
    if (qEnvironmentVariable("ENCORE_TEST_CLUSTER_DURABLE") != u"1"_s)
        options.serverSettings
            = {u"fsync=off"_s, u"synchronous_commit=off"_s, u"full_page_writes=off"_s};
    d->postgres = std::make_unique<server::EmbeddedPostgres>(options);
    auto params = d->postgres->start();
    if (!params)
        qFatal("test PostgreSQL: %s", qPrintable(params.error().message));
    d->admin = params.value();
}

server::ConnectionParams TestCluster::createDatabase()
{
    const QString name = u"encore_test_%1"_s.arg(++d->databases);
    {
        server::Database admin(d->admin);
        admin.execScript(u"CREATE DATABASE %1"_s.arg(name));
        admin.closeThreadConnection();
    }
    server::ConnectionParams p = d->admin;
    p.database = name;
    return p;
}

bool TestCluster::stop()
{
    d->postgres->stop();
    return true;
}

bool TestCluster::start()
{
    const auto params = d->postgres->start();
    if (!params)
        qWarning("test PostgreSQL: %s", qPrintable(params.error().message));
    return params.ok();
}

QString TestCluster::url(const server::ConnectionParams &p)
{
    QUrl url;
    url.setScheme(u"postgresql"_s);
    url.setUserName(p.user);
    url.setHost(u"localhost"_s);
    url.setPath(u"/"_s + p.database);
    QUrlQuery query;
    query.addQueryItem(u"host"_s, p.host); // the socket directory
    query.addQueryItem(u"port"_s, QString::number(p.port));
    url.setQuery(query);
    return url.toString();
}

} // namespace encore::test
