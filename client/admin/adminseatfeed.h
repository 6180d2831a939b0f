#pragma once
// AdminSeatFeed: tells the staff seat view when a date's seats change, and keeps the seat counts
// of the followed dates (the concert tree's) live. It follows the live socket (/api/v1/live) like
// a customer does but subscribes as staff (no queue turn needed); the broadcast hides holders, so
// for the watched date it only says "changed" and the view re-reads the staff seat map; while the
// socket is down it says so every few seconds (a poll). GUI thread.

#include "models/seat.h"
#include "net/livesocket.h"

#include <QHash>
#include <QSet>

#include <QObject>
#include <QTimer>

namespace encore {

struct LiveSeats;

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
    // The dates whose seat counts stay live (soonest first; the server takes at most
    // kMaxFollowed subscriptions besides the watched date, the rest are left out).
    void follow(const QList<qint64> &scheduleIds);
    QList<qint64> followed() const { return m_followed.keys(); }
    static constexpr int kMaxFollowed = 19;
    bool isConnected() const { return m_socket.isConnected(); }
    void setPollIntervalMs(int ms) { m_poll.setInterval(ms); }

Q_SIGNALS:
    // The watched date's seats may have changed: read them again.
    void changed(qint64 scheduleId);
    // A followed date's seats changed: `available` of `total` are free now (an expired hold
    // counts as free, as in the concert listing).
    void countsChanged(qint64 scheduleId, int available, int total);
    void connectedChanged(bool connected);

private:
    void onMessage(const QJsonObject &message);
    void subscribe(qint64 scheduleId);
    void unsubscribe(qint64 scheduleId);
    void updateCounts(const LiveSeats &push);
    void updatePolling();

    LiveSocket m_socket;
    QTimer m_poll;
    qint64 m_scheduleId = 0;
    QHash<qint64, QHash<int, Seat>> m_followed; // date → its seats, by number
};

} // namespace encore
