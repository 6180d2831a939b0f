#pragma once
// WebhookSender: delivers the sandbox's signed PAYMENT_STATUS_CHANGED events to the merchant,
// retrying network failures and 5xx answers with a growing delay. In chaos mode (a test mode) it
// also replays each delivery byte for byte, sends a re-signed duplicate and delivers events that
// come close together newest first, one at a time (so the merchant really sees them reordered).
// Lives on the sandbox's main thread.

#include "sandboxconfig.h"

#include <QNetworkAccessManager>
#include <QObject>
#include <QTimer>

namespace encore::sandbox {

class WebhookSender : public QObject {
    Q_OBJECT
public:
    explicit WebhookSender(const SandboxConfig &config, QObject *parent = nullptr);

    void send(const QJsonObject &event);

private:
    struct Delivery {
        QByteArray body;
        QByteArray signature;
        int attempt = 0;
    };
    void deliver(Delivery delivery);
    void flushChaos();
    void sendNextInLine();

    const SandboxConfig &m_config;
    QNetworkAccessManager m_network;
    QList<QByteArray> m_held; // chaos mode: bodies waiting to go out in reverse order
    QList<Delivery> m_line; // chaos mode: deliveries go one after another, in this order
    bool m_lineBusy = false;
    QTimer m_chaosTimer;
};

} // namespace encore::sandbox
