#pragma once
// EdgeServer: the listening socket a worker's QHttpServer is bound to. It accepts each
// connection itself (plain or TLS), puts a ConnectionGate in front of it, and hands it to
// QHttpServer (after the TLS handshake); a sweep timer enforces the gates' deadlines. Lives on
// the worker thread, owned by that worker's QHttpServer.

#include "http/connectiongate.h"

#include <QSet>
#include <QSslConfiguration>
#include <QTcpServer>
#include <QTimer>

#include <optional>

namespace encore::server {

class EdgeServer : public QTcpServer {
    Q_OBJECT

public:
    EdgeServer(const EdgeSettings &settings, ConnectionBudget &budget,
               std::optional<QSslConfiguration> tls, QObject *parent = nullptr);
    ~EdgeServer() override;

    void forget(ConnectionGate *gate) { m_gates.remove(gate); }

protected:
    void incomingConnection(qintptr handle) override;

private:
    void handOver(QTcpSocket *socket, ConnectionGate *gate);
    void sweep();

    const EdgeSettings m_settings;
    ConnectionBudget &m_budget;
    const std::optional<QSslConfiguration> m_tls;
    QSet<ConnectionGate *> m_gates;
    QTimer m_sweep;
};

} // namespace encore::server
