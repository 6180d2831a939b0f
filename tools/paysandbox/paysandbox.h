#pragma once
// PaySandbox: the stand-in card gateway (DESIGN.md §8) — card entry with the client key; confirm,
// lookup, cancel and settlements with the secret key; Idempotency-Key honoured on every POST;
// signed webhooks. Payments and idempotent answers live in memory and, with --state-file, in
// that file (rewritten atomically after every change, read back at start); of a card it keeps
// only the brand and the last four digits. Lives on the main thread (one event loop).

#include "payments/gatewaypayment.h"
#include "sandboxconfig.h"
#include "testcards.h"

#include <QHash>
#include <QHttpServer>
#include <QObject>

namespace encore::sandbox {

class WebhookSender;

class PaySandbox : public QObject {
    Q_OBJECT
public:
    explicit PaySandbox(SandboxConfig config, QObject *parent = nullptr);
    ~PaySandbox() override;

    // Reads the state file when one is configured (a missing file is a first start); false,
    // after saying why, when it exists but cannot be read.
    bool restore();
    // Listens (with TLS when configured); the bound port, or 0 after saying why it failed.
    quint16 listen();

private:
    struct Answer {
        int status = 200;
        QByteArray body;
    };
    struct StoredPayment {
        gateway::Payment payment;
        CardBehaviour behaviour = CardBehaviour::Approve;
        bool delayedOnce = false;
    };
    struct IdempotentRecord {
        QByteArray requestHash;
        Answer answer;
    };
    enum class Principal { None, Client, Merchant };

    void handle(const QHttpServerRequest &request, QHttpServerResponder &&responder);
    Answer route(const QHttpServerRequest &request, Principal who, bool *delay);
    Principal principalOf(const QHttpServerRequest &request) const;

    Answer authorize(const QJsonObject &body);
    Answer authenticate(const QJsonObject &body);
    Answer confirm(const QJsonObject &body, bool *delay);
    Answer cancel(const QString &paymentKey, const QJsonObject &body);
    Answer lookup(const QString &paymentKey) const;
    Answer lookupByOrder(const QString &orderId) const;
    Answer settlements(const QString &date) const;

    void changed(const StoredPayment &stored);
    void save() const; // the state file, when configured (paysandboxstate.cpp)
    StoredPayment *find(const QString &paymentKey); // nullptr when unknown
    static Answer unknownPayment();
    static Answer payment(const gateway::Payment &p);
    static Answer refusal(int status, const QString &code, const QString &message);

    SandboxConfig m_config;
    QHttpServer m_server;
    WebhookSender *m_webhooks;
    QHash<QString, StoredPayment> m_payments; // by payment key
    QHash<QString, QString> m_orderPayments; // order id → its latest payment key
    QHash<QByteArray, IdempotentRecord> m_idempotent; // principal + key → first answer
};

} // namespace encore::sandbox
