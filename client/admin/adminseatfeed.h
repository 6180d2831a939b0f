#pragma once
// AdminSeatFeed: tells the staff seat view when a date's seats change. It follows the live socket
// (/api/v1/live) like a customer does but subscribes as staff (no queue turn needed); the
// broadcast hides holders, so it only says "changed" and the view re-reads the staff seat map;
// while the socket is down it says so every few seconds (a poll). GUI thread.

#include "net/livesocket.h"

#include <QObject>
#include <QTimer>

namespace encore {

class ApiClient;

class AdminSeatFeed : public QObject {
    Q_OBJECT

public:
    explicit AdminSeatFeed(ApiClient *api, QObject *parent = nullptr);
    ~AdminSeatFeed() override;

    void start();
    void stop();
    // 0 stops watching.
    void watch(qint64 scheduleId);
    qint64 watched() const { return m_scheduleId; }
    bool isConnected() const { return m_socket.isConnected(); }
    void setPollIntervalMs(int ms) { m_poll.setInterval(ms); }

Q_SIGNALS:
    // The watched date's seats may have changed: read them again.
    void changed(qint64 scheduleId);
    void connectedChanged(bool connected);

private:
    void onMessage(const QJsonObject &message);
    void subscribe();
    void updatePolling();

    LiveSocket m_socket;
    QTimer m_poll;
    qint64 m_scheduleId = 0;
};

} // namespace encore
