#pragma once
// LiveFeed: the /api/v1/live WebSocket. Authenticates, subscribes to one date's seats with the
// caller's active queue token (and to the caller's queue ticket), reconnects with backoff and
// re-subscribes (the server answers with a full map); while the socket is down it polls the seat
// map instead. GUI thread.

#include "net/livesocket.h"

#include "apierror.h"
#include "models/queueticket.h"
#include "models/seat.h"
#include "models/seatavailability.h"
#include "models/seatwait.h"

#include "models/staffops.h"

#include <QObject>
#include <QTimer>

namespace encore {

class ApiClient;

class LiveFeed : public QObject {
    Q_OBJECT

public:
    explicit LiveFeed(ApiClient *api, QObject *parent = nullptr);
    ~LiveFeed() override;

    // Opens the socket (and keeps it open until stop()).
    void start();
    void stop();
    bool isRunning() const { return m_socket.isRunning(); }
    bool isConnected() const { return m_socket.isConnected(); }

    // Loads the date's seat map now and keeps it current; 0 stops watching.
    void watchSchedule(qint64 scheduleId);
    qint64 watchedSchedule() const { return m_scheduleId; }
    // Asks the server to push this queue ticket's changes; empty stops.
    void watchQueue(const QString &queueToken);
    // Re-fetches the watched seat map (after a hold, when in doubt).
    void resync();
    // Follows every date's seat counts (the concert list) while on.
    void watchAvailability(bool on);

    // The highest seat version seen on the watched date.
    qint64 version() const { return m_version; }
    void setPollIntervalMs(int ms) { m_pollTimer.setInterval(ms); }
    void setReconnectDelays(int firstMs, int maxMs) { m_socket.setReconnectDelays(firstMs, maxMs); }

Q_SIGNALS:
    void connectedChanged(bool connected);
    // A full map: first load, the snapshot after a (re)subscription, a poll or resync().
    void seatMapLoaded(const encore::SeatMap &map);
    // Only the seats that changed, each with its own version (apply only newer ones).
    void seatsChanged(qint64 scheduleId, const QList<encore::Seat> &seats);
    // The map could not be loaded, or the server refused or ended the seat subscription (e.g.
    // QUEUE_NOT_ACTIVE once the turn is over).
    void seatMapFailed(const encore::ApiError &error);
    void queueUpdated(const encore::QueueTicket &ticket);
    // The followed queue ticket is over (paid, left, expired).
    void queueEnded(qint64 concertId, const encore::ApiError &reason);
    // Staff refunded, cancelled, adjusted or removed something of this user's.
    void accountNotice(const encore::AccountNotice &notice);
    // A date's seats changed: how many are left (watchAvailability()).
    void availabilityChanged(const encore::SeatAvailability &availability);
    // A seat this user waited for came back and is held for them for a short time.
    void seatOffered(const encore::SeatWait &wait);

private:
    void onConnected();
    void onDisconnected();
    void onMessage(const QJsonObject &message);
    void onSeatsMessage(const QJsonObject &message);
    void onErrorMessage(const QJsonObject &message);
    void subscribe();
    void subscribeSeats();
    void updatePolling();

    ApiClient *m_api;
    LiveSocket m_socket;
    QTimer m_pollTimer;
    bool m_resyncInFlight = false;
    qint64 m_scheduleId = 0;
    qint64 m_version = 0;
    bool m_loaded = false;
    QString m_queueToken;
    bool m_availability = false;
};

} // namespace encore
