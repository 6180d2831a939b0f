#pragma once
// QueueWatcher: one place in one concert's queue. Joins, keeps the ticket current (polling at the
// server's pollAfterMs, plus live pushes) and says when the user is admitted or the place is
// gone. Stores the queue token in the ApiClient. GUI thread.

#include "apierror.h"
#include "models/queueticket.h"

#include <QObject>
#include <QTimer>

namespace encore {

class ApiClient;

class QueueWatcher : public QObject {
    Q_OBJECT

public:
    explicit QueueWatcher(ApiClient *api, QObject *parent = nullptr);

    void join(qint64 concertId);
    // Leaves the queue on the server and forgets the token.
    void leave();
    // Forgets the ticket without telling the server (after a payment the server ends it).
    void reset();
    // A pushed ticket from the live feed.
    void applyPush(const QueueTicket &ticket);
    // The live feed says the ticket ended.
    void applyEnded(qint64 concertId, const ApiError &reason);

    bool isActive() const { return m_joined && m_ticket.status == QueueStatus::Active; }
    bool isJoined() const { return m_joined; }
    const QueueTicket &ticket() const { return m_ticket; }
    qint64 concertId() const { return m_concertId; }
    // The largest number of people ahead seen since joining (for a progress bar).
    qint64 initialAhead() const { return m_initialAhead; }

Q_SIGNALS:
    void ticketChanged(const encore::QueueTicket &ticket);
    void admitted(const encore::QueueTicket &ticket);
    // The place is gone (expired, left elsewhere) or joining failed.
    void ended(const encore::ApiError &reason);
    void failed(const encore::ApiError &error);

private:
    void poll();
    void update(const QueueTicket &ticket);

    ApiClient *m_api;
    QTimer m_pollTimer;
    QueueTicket m_ticket;
    qint64 m_concertId = 0;
    qint64 m_initialAhead = 0;
    bool m_joined = false;
    int m_generation = 0; // answers for an older join are ignored
};

} // namespace encore
