#include "paymentprovider.h"

#include "config/serverconfig.h"
#include "jsonreader.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QThread>
#include <QUrlQuery>

#include <future>
#include <mutex>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcGateway, "encore.gateway")

namespace encore::server {

namespace {
constexpr int kAttempts = 3;
constexpr int kBackoffMs[kAttempts] = {0, 200, 600};
} // namespace

struct PaymentProvider::Response {
    int status = 0; // 0: no HTTP answer
    QByteArray body;
    QString error;
    bool neverSent = false; // the connection was refused: the gateway saw nothing
};

// Owns the network thread and its QNetworkAccessManager; send() may be called from any thread.
class PaymentProvider::Transport {
public:
    // The context moves to the (not yet started) thread here, on the thread that owns it; the
    // thread itself starts on first use, from whichever worker needs it.
    Transport() { m_context.moveToThread(&m_thread); }

    ~Transport()
    {
        if (!m_thread.isRunning())
            return;
        QMetaObject::invokeMethod(
            &m_context, [this] { delete m_network; }, Qt::BlockingQueuedConnection);
        m_thread.quit();
        m_thread.wait();
    }

    Response send(QNetworkRequest request, const QByteArray &method, const QByteArray &body,
                  int timeoutMs)
    {
        std::call_once(m_started, [this] {
            m_thread.setObjectName(u"gateway"_s);
            m_thread.start();
        });
        auto promise = std::make_shared<std::promise<Response>>();
        std::future<Response> future = promise->get_future();
        request.setTransferTimeout(timeoutMs);
        QMetaObject::invokeMethod(
            &m_context,
            [this, request, method, body, promise] {
                if (!m_network)
                    m_network = new QNetworkAccessManager;
                QNetworkReply *reply = m_network->sendCustomRequest(request, method, body);
                QObject::connect(reply, &QNetworkReply::finished, reply, [reply, promise] {
                    reply->deleteLater();
                    Response r;
                    r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
                    r.body = reply->readAll();
                    if (r.status == 0) {
                        r.error = reply->errorString();
                        r.neverSent = reply->error() == QNetworkReply::ConnectionRefusedError
                            || reply->error() == QNetworkReply::HostNotFoundError;
                    }
                    promise->set_value(std::move(r));
                });
            },
            Qt::QueuedConnection);
        // The transfer timeout fires first; this only guards against a stuck network thread.
        if (future.wait_for(std::chrono::milliseconds(timeoutMs + 2'000))
            != std::future_status::ready)
            return {0, {}, u"no answer in time"_s, false};
        return future.get();
    }

private:
    QThread m_thread;
    QObject m_context; // lives on m_thread: queued calls run there
    QNetworkAccessManager *m_network = nullptr; // created and deleted on m_thread
    std::once_flag m_started;
};

PaymentProvider::PaymentProvider(const ServerConfig &config)
    : m_config(config)
    , m_transport(std::make_unique<Transport>())
{
}

PaymentProvider::~PaymentProvider() = default;

bool PaymentProvider::isConfigured() const
{
    return !m_config.paymentSecretKey.isEmpty() && !m_config.paymentClientKey.isEmpty();
}

PaymentGatewayInfo PaymentProvider::publicInfo() const
{
    return {m_config.paymentGateway, m_config.paymentClientKey};
}

PaymentProvider::Response PaymentProvider::call(const QByteArray &method, const QString &path,
                                                const QByteArray &body,
                                                const QByteArray &idempotencyKey)
{
    QUrl url(m_config.paymentGateway);
    const QUrl relative(path, QUrl::StrictMode);
    url.setPath(url.path().chopped(url.path().endsWith(u'/') ? 1 : 0) + relative.path());
    url.setQuery(relative.query());
    QNetworkRequest request(url);
    request.setRawHeader("Authorization", "Basic " + (m_config.paymentSecretKey + ':').toBase64());
    request.setHeader(QNetworkRequest::ContentTypeHeader, "application/json");
    request.setRawHeader("Accept", "application/json");
    if (!idempotencyKey.isEmpty())
        request.setRawHeader("Idempotency-Key", idempotencyKey);
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    if (!m_config.paymentCaFile.isEmpty()) {
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.addCaCertificates(QSslCertificate::fromPath(m_config.paymentCaFile));
        request.setSslConfiguration(tls);
    }
    // Resending is safe: GETs change nothing and every POST carries its Idempotency-Key, so the
    // gateway answers a repeat with the first result. A timeout is never resent (the caller
    // would wait twice as long); the order stays PENDING and the resolver asks later.
    Response response;
    for (int attempt = 0; attempt < kAttempts; ++attempt) {
        if (kBackoffMs[attempt] > 0)
            QThread::msleep(kBackoffMs[attempt]);
        response = m_transport->send(request, method, body, m_config.paymentTimeoutMs);
        const bool retry = response.neverSent || response.status == 502 || response.status == 503;
        if (!retry)
            break;
    }
    if (response.status == 0 || response.status >= 500)
        qCWarning(lcGateway).noquote()
            << method << url.path()
            << "failed:" << (response.status ? QString::number(response.status) : response.error);
    return response;
}

GatewayOutcome PaymentProvider::outcome(const Response &response) const
{
    GatewayOutcome o;
    o.httpStatus = response.status;
    const auto json = JsonReader::parseObject(response.body);
    if (response.status >= 200 && response.status < 300 && json) {
        auto payment = gateway::Payment::fromJson(json.value());
        if (payment) {
            o.kind = GatewayOutcome::Kind::Ok;
            o.payment = payment.value();
            return o;
        }
    }
    // "Still processing the first request with this key" says nothing about the outcome.
    if (response.status >= 400 && response.status < 500 && json
        && gateway::Error::fromJson(json.value()).code != u"IDEMPOTENT_REQUEST_PROCESSING") {
        o.kind = GatewayOutcome::Kind::Refused;
        o.error = gateway::Error::fromJson(json.value());
        return o;
    }
    o.error = {u"GATEWAY_UNREACHABLE"_s,
               response.error.isEmpty() ? u"HTTP %1"_s.arg(response.status) : response.error};
    return o;
}

GatewayOutcome PaymentProvider::confirm(const QString &paymentKey, const QString &orderId,
                                        Money amount)
{
    const QByteArray body
        = QJsonDocument(gateway::PaymentConfirmation {paymentKey, orderId, amount}.toJson())
              .toJson(QJsonDocument::Compact);
    // One key per payment: the route, the resolver and any instance send the same request.
    GatewayOutcome o
        = outcome(call("POST", u"/v1/payments/confirm"_s, body, "confirm-" + paymentKey.toUtf8()));
    if (o.refused() && o.error.code == u"ALREADY_PROCESSED_PAYMENT") {
        GatewayOutcome found = lookup(paymentKey);
        if (found.ok() && found.payment.status == gateway::PaymentStatus::Done)
            return found;
    }
    return o;
}

GatewayOutcome PaymentProvider::cancel(const QString &paymentKey, const QString &reason)
{
    const QByteArray body = QJsonDocument(QJsonObject {{u"cancelReason"_s, reason.left(200)}})
                                .toJson(QJsonDocument::Compact);
    return outcome(call(
        "POST",
        u"/v1/payments/%1/cancel"_s.arg(QString::fromLatin1(QUrl::toPercentEncoding(paymentKey))),
        body, "cancel-" + paymentKey.toUtf8()));
}

GatewayOutcome PaymentProvider::lookup(const QString &paymentKey)
{
    return outcome(call(
        "GET", u"/v1/payments/%1"_s.arg(QString::fromLatin1(QUrl::toPercentEncoding(paymentKey))),
        {}, {}));
}

GatewayOutcome PaymentProvider::lookupByOrder(const QString &orderId)
{
    return outcome(call("GET", u"/v1/payments/orders/%1"_s.arg(orderId), {}, {}));
}

std::optional<QList<gateway::Payment>> PaymentProvider::settlements(QDate day)
{
    const Response r
        = call("GET", u"/v1/settlements?date=%1"_s.arg(day.toString(Qt::ISODate)), {}, {});
    const auto json = JsonReader::parseObject(r.body);
    if (r.status != 200 || !json)
        return std::nullopt;
    QList<gateway::Payment> out;
    for (const QJsonValue &v : json->value(u"payments"_s).toArray()) {
        auto p = gateway::Payment::fromJson(v.toObject());
        if (!p)
            return std::nullopt;
        out.append(p.value());
    }
    return out;
}

gateway::SignatureCheck PaymentProvider::verifyWebhook(const QByteArray &header,
                                                       const QByteArray &body) const
{
    return gateway::verifyWebhook(m_config.paymentWebhookSecret, header, body,
                                  QDateTime::currentSecsSinceEpoch());
}

} // namespace encore::server
