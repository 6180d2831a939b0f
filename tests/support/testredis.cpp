#include "testredis.h"

#include <QDeadlineTimer>
#include <QProcess>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>

#include <cstdlib>

using namespace Qt::StringLiterals;

namespace encore::test {

struct TestRedis::Private
{
    QTemporaryDir dir;
    QProcess process;
    quint16 port = 0;
};

bool TestRedis::requested()
{
    return qEnvironmentVariableIsSet("ENCORE_TEST_REDIS");
}

TestRedis &TestRedis::instance()
{
    static TestRedis *redis = [] {
        auto *r = new TestRedis;
        std::atexit([] { instance().stop(); });
        return r;
    }();
    return *redis;
}

TestRedis::TestRedis() : d(new Private)
{
    QTcpServer probe; // a free port, chosen by the kernel
    probe.listen(QHostAddress::LocalHost, 0);
    d->port = probe.serverPort();
    probe.close();
    if (!start())
        qFatal("test Redis did not start");
}

QString TestRedis::url() const
{
    return u"redis://127.0.0.1:%1"_s.arg(d->port);
}

QString TestRedis::urlFor(const QString &databaseName) const
{
    const int n = databaseName.section(u'_', -1).toInt();
    return url() + u"/%1"_s.arg(n % 16);
}

quint16 TestRedis::port() const
{
    return d->port;
}

bool TestRedis::isRunning() const
{
    return d->process.state() == QProcess::Running;
}

bool TestRedis::start()
{
    if (isRunning())
        return true;
    d->process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    d->process.start(u"redis-server"_s,
                     {u"--port"_s, QString::number(d->port), u"--bind"_s, u"127.0.0.1"_s, u"--save"_s, u""_s,
                      u"--appendonly"_s, u"no"_s, u"--dir"_s, d->dir.path(), u"--loglevel"_s, u"warning"_s});
    if (!d->process.waitForStarted(5000))
        return false;
    QDeadlineTimer deadline(10'000);
    while (!deadline.hasExpired()) {
        QTcpSocket s;
        s.connectToHost(QHostAddress::LocalHost, d->port);
        if (s.waitForConnected(200)) {
            s.write("PING\r\n");
            if (s.waitForReadyRead(500) && s.readAll().startsWith("+PONG"))
                return true;
        }
        d->process.waitForFinished(50);
    }
    return false;
}

void TestRedis::stop()
{
    if (!isRunning())
        return;
    d->process.terminate();
    if (!d->process.waitForFinished(5000))
        d->process.kill();
    d->process.waitForFinished(2000);
}

} // namespace encore::test
