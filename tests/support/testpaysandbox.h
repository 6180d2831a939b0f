#pragma once
// TestPaySandbox: a real encore-pay-sandbox child process (ENCORE_PAY_SANDBOX_BIN) on a free
// loopback port with fresh random keys, for tests that pay by card. Its URL is known before it
// starts, so a TestServer can be pointed at it first and the sandbox at the server's webhook
// after. Calls to the gateway as the desktop app (client key) or a merchant (secret key). Main
// thread.

#include "httpclient.h"

#include <QProcess>
#include <QProcessEnvironment>
#include <QStringList>
#include <QTemporaryDir>

#include <memory>

namespace encore::test {

// DESIGN.md §8's test cards.
namespace cards {
inline constexpr auto kApprove = "4242424242424242";
inline constexpr auto kDecline = "4000000000000002";
inline constexpr auto kInsufficientFunds = "4000000000009995";
inline constexpr auto kTimeoutOnConfirm = "4000000000000119";
inline constexpr auto kNeedsAuthentication = "4000000000003220";
inline constexpr auto kLuhnInvalid = "4242424242424241";
} // namespace cards

class TestPaySandbox {
public:
    // `extraArgs`, e.g. {"--webhook-chaos"} or {"--confirm-delay-ms", "3000"}.
    explicit TestPaySandbox(QStringList extraArgs = {});
    ~TestPaySandbox();

    // Starts it; with `webhookUrl` it signs and sends payment events there.
    bool start(const QString &webhookUrl = {});
    void stop();
    bool isRunning() const;

    quint16 port() const { return m_port; }
    QString url() const; // http://127.0.0.1:PORT
    // What an encore-server needs to use this gateway: options (no secrets) and environment.
    QStringList serverArgs() const;
    QProcessEnvironment serverEnvironment() const;
    const QByteArray &webhookSecret() const { return m_webhookSecret; }
    QByteArray output() const; // everything it printed so far

    // As the desktop app: POST /v1/cards/authorize (client key).
    HttpResponse authorize(const QString &orderId, qint64 amount, const QString &cardNumber) const;
    // As the desktop app: any card-entry call (client key).
    HttpResponse cardEntry(const QByteArray &path, const QJsonObject &body) const;
    // As the merchant (secret key): any gateway call.
    HttpResponse merchant(const QByteArray &method, const QByteArray &path,
                          const QJsonObject &body = {},
                          const QByteArray &idempotencyKey = {}) const;

    static QString binary();

private:
    HttpResponse send(HttpRequest request, const QByteArray &key) const;

    QStringList m_args;
    QTemporaryDir m_dir;
    std::unique_ptr<QProcess> m_process;
    quint16 m_port = 0;
    QByteArray m_secretKey;
    QByteArray m_clientKey;
    QByteArray m_webhookSecret;
    mutable QByteArray m_output;
};

} // namespace encore::test
