#pragma once
// LiveSocket: the authenticated WebSocket to /api/v1/live — opens it while running, sends the
// auth message on every connect, reconnects with backoff, and hands over JSON messages. The
// customer LiveFeed and the staff AdminSeatFeed each own one and subscribe on connected().
// It is also the app's ear on the server: it pings while connected, drops a connection that
// stays silent (a hung server or a cut route sends no FIN) and has ApiClient probe /healthz
// whenever the connection is lost, so an outage is noticed within seconds even when the user
// does nothing; when ApiClient hears the server again it reconnects at once. GUI thread.

#include "net/backoff.h"

#include <QJsonObject>
#include <QObject>
#include <QTimer>

class QWebSocket;

namespace encore {

class ApiClient;

class LiveSocket : public QObject {
    Q_OBJECT

public:
    explicit LiveSocket(ApiClient *api, QObject *parent = nullptr);
    ~LiveSocket() override;

    // Opens the socket and keeps it open (reconnecting) until stop().
    void start();
    void stop();
    bool isRunning() const { return m_running; }
    bool isConnected() const { return m_connected; }
    // Sent only while connected; whoever subscribes does so again on connected().
    void send(const QJsonObject &message);
    void setReconnectDelays(int firstMs, int maxMs) { m_backoff = Backoff(firstMs, maxMs); }
    // A ping every `intervalMs` while connected; no frame at all (pong, message) for
    // `silenceMs`, or a connection attempt that takes that long, ends the connection.
    void setHeartbeat(int intervalMs, int silenceMs);

Q_SIGNALS:
    void connected(); // authenticated: (re)subscribe now
    void disconnected(); // a reconnect is scheduled while running
    void messageReceived(const QJsonObject &message);

private:
    void open();
    void onConnected();
    void onDisconnected();
    void onSilence();
    void heardFromServer();

    ApiClient *m_api;
    QWebSocket *m_socket;
    QTimer m_reconnectTimer;
    QTimer m_pingTimer;
    QTimer m_silenceTimer;
    Backoff m_backoff {500, 10000};
    bool m_running = false;
    bool m_connected = false;
};

} // namespace encore
