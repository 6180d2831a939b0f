#include "webhooksender.h"

#include "payments/gatewaypayment.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QNetworkReply>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcWebhook, "sandbox.webhook")

namespace encore::sandbox {

namespace {
constexpr int kMaxAttempts = 6;
constexpr int kChaosWindowMs = 1000;
} // namespace

WebhookSender::WebhookSender(const SandboxConfig &config, QObject *parent)
    : QObject(parent)
    , m_config(config)
{
    m_chaosTimer.setSingleShot(true);
    m_chaosTimer.setInterval(kChaosWindowMs);
    connect(&m_chaosTimer, &QTimer::timeout, this, &WebhookSender::flushChaos);
}

void WebhookSender::send(const QJsonObject &event)
{
    if (m_config.webhookUrl.isEmpty())
        return;
    const QByteArray body = QJsonDocument(event).toJson(QJsonDocument::Compact);
    if (!m_config.webhookChaos) {
        deliver({body, {}, 0});
        return;
    }
    m_held.append(body);
    if (!m_chaosTimer.isActive())
        m_chaosTimer.start();
}

void WebhookSender::flushChaos()
{
    const QList<QByteArray> held = std::exchange(m_held, {});
    for (auto it = held.crbegin(); it != held.crend(); ++it) {
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        const QByteArray signature = gateway::signWebhook(m_config.webhookSecret, now, *it);
        m_line.append({*it, signature, 0});
        m_line.append({*it, signature, 0}); // the same bytes again: a replay to be refused
        m_line.append({*it, gateway::signWebhook(m_config.webhookSecret, now + 1, *it), 0});
    }
    sendNextInLine();
}

void WebhookSender::sendNextInLine()
{
    if (m_lineBusy || m_line.isEmpty())
        return;
    m_lineBusy = true;
    deliver(m_line.takeFirst());
}

void WebhookSender::deliver(Delivery delivery)
{
    if (delivery.signature.isEmpty())
        delivery.signature = gateway::signWebhook(
            m_config.webhookSecret, QDateTime::currentSecsSinceEpoch(), delivery.body);
    QNetworkRequest request(m_config.webhookUrl);
    request.setHeader(QNetworkRequest::ContentTypeHeader, "application/json");
    request.setRawHeader(gateway::kSignatureHeader, delivery.signature);
    request.setTransferTimeout(10'000);
    QNetworkReply *reply = m_network.post(request, delivery.body);
    connect(reply, &QNetworkReply::finished, this, [this, reply, delivery]() mutable {
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const bool retry = status == 0 || status >= 500;
        qCInfo(lcWebhook).noquote() << "delivered, answer" << status;
        if (!retry || ++delivery.attempt >= kMaxAttempts) {
            if (m_config.webhookChaos) {
                m_lineBusy = false;
                sendNextInLine();
            }
            return;
        }
        // A fresh signature on each retry: the old timestamp may be too old by then.
        delivery.signature.clear();
        QTimer::singleShot(500 * (1 << delivery.attempt), this,
                           [this, delivery] { deliver(delivery); });
    });
}

} // namespace encore::sandbox
