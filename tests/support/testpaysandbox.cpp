#include "testpaysandbox.h"

#include <QCoreApplication>
#include <QDate>
#include <QDeadlineTimer>
#include <QFile>
#include <QRandomGenerator>
#include <QTcpServer>

using namespace Qt::StringLiterals;

namespace encore::test {

namespace {
QByteArray randomKey(const char *prefix)
{
    quint32 words[4];
    QRandomGenerator::system()->fillRange(words);
    return QByteArray(prefix)
        + QByteArray(reinterpret_cast<const char *>(words), sizeof(words)).toHex();
}
} // namespace

TestPaySandbox::TestPaySandbox(QStringList extraArgs)
    : m_args(std::move(extraArgs))
    , m_secretKey(randomKey("test_sk_"))
    , m_clientKey(randomKey("test_ck_"))
    , m_webhookSecret(randomKey("whsec_"))
{
    QTcpServer probe; // a free port, chosen by the kernel
    probe.listen(QHostAddress::LocalHost, 0);
    m_port = probe.serverPort();
}

TestPaySandbox::~TestPaySandbox()
{
    stop();
}

QString TestPaySandbox::binary()
{
    const QString fromEnv = qEnvironmentVariable("ENCORE_PAY_SANDBOX_BIN");
    if (!fromEnv.isEmpty())
        return fromEnv;
    return QCoreApplication::applicationDirPath() + u"/../../tools/paysandbox/encore-pay-sandbox"_s;
}

QString TestPaySandbox::url() const
{
    return u"http://127.0.0.1:%1"_s.arg(m_port);
}

QStringList TestPaySandbox::serverArgs() const
{
    return {u"--payment-gateway"_s, url()};
}

QProcessEnvironment TestPaySandbox::serverEnvironment() const
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"ENCORE_PAYMENT_SECRET_KEY"_s, QString::fromLatin1(m_secretKey));
    env.insert(u"ENCORE_PAYMENT_CLIENT_KEY"_s, QString::fromLatin1(m_clientKey));
    env.insert(u"ENCORE_PAYMENT_WEBHOOK_SECRET"_s, QString::fromLatin1(m_webhookSecret));
    return env;
}

QByteArray TestPaySandbox::output() const
{
    if (m_process)
        m_output += m_process->readAll();
    return m_output;
}

bool TestPaySandbox::isRunning() const
{
    return m_process && m_process->state() == QProcess::Running;
}

bool TestPaySandbox::start(const QString &webhookUrl)
{
    const QString portFile = m_dir.path() + u"/port"_s;
    m_process = std::make_unique<QProcess>();
    m_process->setProcessChannelMode(QProcess::MergedChannels);
    // The keys travel in the environment, as scripts/run.sh passes them.
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"ENCORE_PAY_SECRET_KEY"_s, QString::fromLatin1(m_secretKey));
    env.insert(u"ENCORE_PAY_CLIENT_KEY"_s, QString::fromLatin1(m_clientKey));
    env.insert(u"ENCORE_PAY_WEBHOOK_SECRET"_s, QString::fromLatin1(m_webhookSecret));
    if (!webhookUrl.isEmpty())
        env.insert(u"ENCORE_PAY_WEBHOOK_URL"_s, webhookUrl);
    m_process->setProcessEnvironment(env);
    m_process->start(
        binary(),
        QStringList {u"--listen"_s, u"127.0.0.1:%1"_s.arg(m_port), u"--port-file"_s, portFile}
            + m_args);
    if (!m_process->waitForStarted(10'000))
        return false;
    QDeadlineTimer deadline(20'000);
    while (!deadline.hasExpired()) {
        if (QFile::exists(portFile) && HttpClient(m_port).get("/healthz").status == 200)
            return true;
        if (m_process->state() == QProcess::NotRunning) {
            qWarning().noquote() << "encore-pay-sandbox exited:" << output();
            return false;
        }
        m_process->waitForReadyRead(50);
        output();
    }
    return false;
}

void TestPaySandbox::stop()
{
    if (!m_process || m_process->state() == QProcess::NotRunning)
        return;
    m_process->terminate();
    if (!m_process->waitForFinished(5'000))
        m_process->kill();
    m_process->waitForFinished(5'000);
    output();
}

HttpResponse TestPaySandbox::send(HttpRequest request, const QByteArray &key) const
{
    request.headers.append(
        qMakePair(QByteArray("Authorization"), "Basic " + (key + ':').toBase64()));
    return HttpClient(m_port).send(request);
}

HttpResponse TestPaySandbox::authorize(const QString &orderId, qint64 amount,
                                       const QString &cardNumber) const
{
    return cardEntry("/v1/cards/authorize",
                     {{u"orderId"_s, orderId},
                      {u"amount"_s, amount},
                      {u"card"_s,
                       QJsonObject {{u"number"_s, cardNumber},
                                    {u"expMonth"_s, 12},
                                    {u"expYear"_s, QDate::currentDate().year() + 3},
                                    {u"cvc"_s, u"123"_s},
                                    {u"holder"_s, u"Test Holder"_s}}}});
}

HttpResponse TestPaySandbox::cardEntry(const QByteArray &path, const QJsonObject &body) const
{
    HttpRequest r {"POST", path, {}, {}};
    r.json(body);
    return send(r, m_clientKey);
}

HttpResponse TestPaySandbox::merchant(const QByteArray &method, const QByteArray &path,
                                      const QJsonObject &body,
                                      const QByteArray &idempotencyKey) const
{
    HttpRequest r {method, path, {}, {}};
    if (method == "POST")
        r.json(body);
    if (!idempotencyKey.isEmpty())
        r.idempotencyKey(idempotencyKey);
    return send(r, m_secretKey);
}

} // namespace encore::test
