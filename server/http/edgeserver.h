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
#include <QWebSocketServer>

#include <optional>

namespace encore::server {

class EdgeServer : public QTcpServer {
    Q_OBJECT

public:
    EdgeServer(const EdgeSettings &settings, ConnectionBudget &budget,
               std::optional<QSslConfiguration> tls, QObject *parent = nullptr);
    ~EdgeServer() override;

    void forget(ConnectionGate *gate);
    // WebSocket upgrades of /api/v1/live, done here rather than by QHttpServer (so the gate
    // stays ahead of the QWebSocket): newConnection() offers each upgraded socket.
    QWebSocketServer &webSockets() { return m_webSockets; }
    void upgrade(ConnectionGate *gate, QTcpSocket *socket);
    // The gate of an upgraded socket, matched by its peer (QWebSocket hides its TCP socket).
    ConnectionGate *takeUpgraded(const QHostAddress &peer, quint16 port);

protected:
    void incomingConnection(qintptr handle) override;

private:
    void handOver(QTcpSocket *socket, ConnectionGate *gate);
    void sweep();

    const EdgeSettings m_settings;
    ConnectionBudget &m_budget;
    const std::optional<QSslConfiguration> m_tls;
    QSet<ConnectionGate *> m_gates;
    QList<ConnectionGate *> m_upgrading;
    QWebSocketServer m_webSockets;
    QTimer m_sweep;
};

} // namespace encore::server
