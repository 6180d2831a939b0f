#pragma once
// LiveHub: one worker's WebSocket subscribers (GET /api/v1/live). A client authenticates with
// its session token, subscribes to dates' seats and to its queue ticket, and receives every
// change the NotificationListener hears of. Lives on its worker thread; owns its sockets.
//
// Protocol (JSON text frames; each is a type of shared/api/livemessage.h, which the client
// encodes and decodes with too):
//   → {"type":"auth","token":T}                 ← {"type":"authenticated","user":{...}}
//   → {"type":"subscribe","scheduleId":N,"queueToken":Q}   (staff: "role":"staff", no token) ←
//   {"type":"seats","scheduleId":N,"version":V,"full":true,"seats":[50]} →
//   {"type":"subscribe","queueToken":Q}       ← {"type":"queue", ...ticket} →
//   {"type":"unsubscribe","scheduleId":N}     → {"type":"ping"} ← {"type":"pong"} then, as things
//   change: {"type":"seats","scheduleId":N,"version":V,"seats":[changed]} (each seat with "mine"
//   and "awaited", as in the REST map) and {"type":"queue",...} (or, once the ticket is over,
//   {"type":"queue","status":"ENDED","concertId":C,"error":{...}}), and {"type":"account",...} (an
//   AccountNotice) when staff refunded, cancelled or adjusted something of the user's. →
//   {"type":"subscribe","availability":true} (any signed-in user; "unsubscribe" ends it) ←
//   {"type":"availability","scheduleId":N, "availableSeats":A,"totalSeats":T} for every date whose
//   seats changed, at most one per date every kAvailabilityIntervalMs. Per-seat versions only grow;
//   a client that reconnects re-subscribes and gets a full snapshot. Bad or unauthenticated
//   messages close the socket with a reason; a consumer that falls more than kMaxBacklog bytes
//   behind is disconnected.
//
// The seats follow the REST rule (DESIGN.md §4): a customer's seat subscription needs an ACTIVE
// queue token of that date's concert, staff need none. A refused subscription is answered with
// {"type":"error","subscription":"seats","scheduleId":N,"error":{code,message,details}} and the
// socket stays open; a subscription ends (with the same error) once its token's turn is over,
// checked again when the turn's end time has passed.

#include "api/livemessage.h"

#include <QHash>
#include <QObject>
#include <QSet>
#include <QTimer>
#include <QUuid>

#include <memory>

class QWebSocket;

namespace encore::server {

struct Services;

class LiveHub : public QObject {
    Q_OBJECT

public:
    static constexpr qint64 kMaxBacklog = 4 * 1024 * 1024;
    static constexpr qint64 kMaxMessage = 64 * 1024;

    explicit LiveHub(Services &services, QObject *parent = nullptr);
    ~LiveHub() override;

    void adopt(std::unique_ptr<QWebSocket> socket);
    int clientCount() const { return int(m_clients.size()); }

public Q_SLOTS:
    void onSeatsChanged(const QByteArray &payload);
    void onQueueChanged(qint64 concertId);
    // Staff changed something of a customer's: {"type":"account",...} to that user's sockets.
    void onAccountNotice(const QByteArray &payload);

private:
    struct Client;
    void onMessage(Client *client, const QString &text);
    void subscribeSeats(Client *client, qint64 scheduleId, const QByteArray &queueToken,
                        bool asStaff);
    bool seatSubscriptionLasts(Client *client, qint64 scheduleId);
    void follow(Client *client, const LiveSubscription &subscription);
    void refuse(Client *client, const std::optional<LiveSubscription> &subscription,
                const ApiError &error);
    void subscribeQueue(Client *client, const QByteArray &queueToken);
    void pushQueue(Client *client);
    void send(Client *client, const QJsonObject &message);
    void drop(Client *client, int code, const QString &reason);
    void pushPendingQueues();
    void pushPendingAvailability();

    Services &m_services;
    std::vector<std::unique_ptr<Client>> m_clients;
    QSet<qint64> m_pendingQueueConcerts; // coalesced: one recompute per concert per tick
    QTimer m_queueTimer;
    QSet<qint64> m_pendingAvailability; // dates whose counts changed since the last push
    QTimer m_availabilityTimer;
};

} // namespace encore::server
