#pragma once
// BookingController: the customer's booking state — the current hold, the Idempotency-Key of each
// hold and payment request, and the retry of one the network interrupted — without widgets: the
// customer window shows what its signals say. GUI thread; talks to the server only through
// ApiClient.
//
// Keys: a key belongs to one request body. It is kept while the answer is unknown (the network
// failed), so sending the same body again is the same request (the server replays its answer);
// a different body (other seats, another reservation) gets a new key; any answer from the server
// ends the key, so a later attempt is a new request.

#include "api/apitypes.h"

#include "models/reservation.h"
#include "models/seat.h"

#include <QObject>

#include <optional>

namespace encore {

class ApiClient;
struct ApiError;

class BookingController : public QObject {
    Q_OBJECT

public:
    explicit BookingController(ApiClient *api, QObject *parent = nullptr);
    ~BookingController() override;

    // The date seats are held on (set when the customer's turn opens the seat map).
    void setSchedule(qint64 scheduleId) { m_scheduleId = scheduleId; }
    qint64 scheduleId() const { return m_scheduleId; }
    const std::optional<Reservation> &currentHold() const { return m_hold; }
    bool isBusy() const { return m_busy; }
    // The key a hold or payment request in flight or interrupted uses; empty when none.
    QString holdKey() const { return m_holdRequest ? m_holdRequest->key : QString(); }
    QString payKey() const { return m_payRequest ? m_payRequest->key : QString(); }
    // Whether retry() has an interrupted request to send again.
    bool canRetry() const { return m_interrupted != Action::None; }

    // Holds these seats (1..4) on the date; ignored while a request is in flight.
    void hold(const QList<int> &seats);
    // Takes a hold kept from earlier (My tickets, another run of the app) as the current hold.
    void adopt(const Reservation &reservation);
    // Pays the current hold.
    void pay();
    // Cancels the current hold on the server (the seats go back on sale).
    void release();
    // Sends the interrupted hold or payment again: the same body with the same key.
    void retry();
    // The hold ran out (the countdown reached zero): forget it.
    void forgetHold();
    // A reservation changed elsewhere (My tickets): if it was the current hold and is no longer
    // held, forget it.
    void reservationChanged(const Reservation &reservation);
    // A live update of the date's seats: when a seat of the current hold is no longer held by
    // this account (staff released it, it expired, another window paid), re-read the
    // reservation and end the hold with holdEndedElsewhere.
    void seatsChanged(const QList<encore::Seat> &seats);
    // Re-reads the current hold from the server; ends it when it is no longer HELD.
    void verifyHold();
    // The booking is over (paid, queue left, turn ended): forget everything.
    void reset();

Q_SIGNALS:
    void busyChanged(bool busy);
    // currentHold() was set or cleared.
    void holdChanged();
    void held(const encore::Reservation &reservation);
    // `seats`: what was asked for (the window prices them for a top-up suggestion).
    void holdFailed(const encore::ApiError &error, const QList<int> &seats);
    void released(bool ok);
    void paid(const encore::PaymentReceipt &result);
    void payFailed(const encore::ApiError &error);
    // The current hold ended outside this window; `reservation` has its new status (PAID,
    // CANCELLED, EXPIRED) and says why.
    void holdEndedElsewhere(const encore::Reservation &reservation);

private:
    enum class Action { None, Hold, Pay };
    // One request body and the key that belongs to it.
    struct KeyedRequest {
        QString body; // what identifies the body: the date and seats, or the reservation
        QString key;
    };

    static QString keyFor(std::optional<KeyedRequest> &request, const QString &body);
    // Any answer from the server ends the key; a network failure keeps it for a retry.
    static void settle(std::optional<KeyedRequest> &request, const ApiError *error);
    void setBusy(bool busy);
    void setHold(std::optional<Reservation> hold);

    ApiClient *m_api;
    qint64 m_scheduleId = 0;
    std::optional<Reservation> m_hold;
    std::optional<KeyedRequest> m_holdRequest;
    std::optional<KeyedRequest> m_payRequest;
    Action m_interrupted = Action::None;
    QList<int> m_interruptedSeats;
    bool m_busy = false;
    bool m_verifying = false;
};

} // namespace encore
