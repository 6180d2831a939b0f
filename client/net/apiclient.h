#pragma once
// ApiClient: owns the app's one QNetworkAccessManager (every HTTP call of the app goes through it,
// JSON and file downloads alike), the server address, the session and queue tokens; sends calls,
// retries idempotent ones (same Idempotency-Key) on network failure, turns every failure into one
// ApiError, hands back Result<T> to a callback bound to a context object, and reports
// reachability. GUI thread.

#include "api/apitypes.h"

#include "models/concert.h"
#include "models/queueticket.h"
#include "models/seat.h"
#include "models/seatwait.h"

#include <QObject>
#include <QPointer>
#include <QSslConfiguration>
#include <QTimer>
#include <QUrl>
#include <QUrlQuery>

#include <functional>
#include <memory>
#include <optional>

class QNetworkAccessManager;
class QNetworkReply;

namespace encore {

// One logical request. Retried only when repeating it cannot do anything twice: GET/DELETE, or
// a POST carrying an Idempotency-Key the server replays.
struct ApiCall {
    QByteArray verb = "GET";
    QString path; // from apipaths.h: api::wallet(), api::healthz(), ...
    QUrlQuery query;
    std::optional<QJsonObject> body;
    QString idempotencyKey;
    bool needsSession = true;
    bool needsQueueToken = false;
    bool retry = true; // false: a single attempt (health probes)
    int timeoutMs = 0; // no answer within this long is a network failure; 0: the client's default
    QByteArray accept = "application/json"; // a download names its type ("text/csv, ...")

    bool isIdempotent() const;
};

class ApiClient : public QObject {
    Q_OBJECT

public:
    template<typename T> using Callback = std::function<void(Result<T>)>;

    struct RetryPolicy {
        int maxAttempts = 4; // including the first
        int firstDelayMs = 400;
        int maxDelayMs = 4000;
    };

    explicit ApiClient(QObject *parent = nullptr);
    ~ApiClient() override;

    void setBaseUrl(const QUrl &url);
    QUrl baseUrl() const { return m_baseUrl; }
    // ws(s)://host:port/api/v1/live for the LiveFeed.
    QUrl liveUrl() const;

    // Trusts the certificate(s) in a PEM file in addition to the system's (self-signed servers).
    bool setCaFile(const QString &path, QString *error = nullptr);
    QSslConfiguration sslConfiguration() const { return m_ssl; }

    void setRetryPolicy(const RetryPolicy &policy) { m_retry = policy; }
    RetryPolicy retryPolicy() const { return m_retry; }
    void setTimeoutMs(int ms) { m_timeoutMs = ms; }
    void setProbeIntervalMs(int ms);
    // How long a health probe waits: a server that accepts connections but answers nothing (hung,
    // stopped, a black-holed route) counts as away after this.
    void setProbeTimeoutMs(int ms) { m_probeTimeoutMs = ms; }

    void setSessionToken(const QString &token) { m_sessionToken = token; }
    QString sessionToken() const { return m_sessionToken; }
    void setQueueToken(const QString &token) { m_queueToken = token; }
    QString queueToken() const { return m_queueToken; }

    bool isReachable() const { return m_reachable; }
    // Asks GET /healthz now (one at a time): its answer, or its failure, decides reachability.
    // The live socket calls it when it loses the server or hears nothing from it; while the
    // server is away the client probes by itself every probe interval.
    void probeNow();

    // A fresh key for one logical action (a payment, a top-up): keep it until the server answers.
    static QString newIdempotencyKey();

    // Accounts
    void registerUser(const QString &username, const QString &password, QObject *context,
                      Callback<Session> done);
    void login(const QString &username, const QString &password, QObject *context,
               Callback<Session> done);
    void logout(QObject *context, Callback<Empty> done);
    void me(QObject *context, Callback<User> done);
    // Concerts
    void concerts(QObject *context, Callback<QList<Concert>> done);
    void bookableSchedules(qint64 concertId, QObject *context, Callback<QList<Schedule>> done);
    // Queue (the join stores nothing: the caller decides when to use the token)
    void joinQueue(qint64 concertId, QObject *context, Callback<QueueTicket> done);
    void queueStatus(QObject *context, Callback<QueueTicket> done);
    void leaveQueue(QObject *context, Callback<Empty> done);
    // Seats and reservations
    void seatMap(qint64 scheduleId, QObject *context, Callback<SeatMap> done);
    void holdSeats(qint64 scheduleId, const QList<int> &seats, const QString &idempotencyKey,
                   QObject *context, Callback<Reservation> done);
    void reservations(QObject *context, Callback<QList<Reservation>> done);
    void reservation(const QUuid &id, QObject *context, Callback<Reservation> done);
    // HELD → CANCELLED, PAID → REFUNDED.
    void cancelReservation(const QUuid &id, QObject *context, Callback<Reservation> done);
    // Wallet and payments
    void wallet(QObject *context, Callback<WalletInfo> done);
    // Card top-ups (DESIGN.md §8): an order, then — after the card went to the gateway — the
    // confirmation with the gateway's payment key (Idempotency-Key: the same on every retry).
    void createTopUpOrder(Money amount, QObject *context, Callback<TopUpOrderCreated> done);
    void topUpOrders(QObject *context, Callback<QList<TopUpOrder>> done);
    void topUp(const QUuid &orderId, const QString &paymentKey, Money amount,
               const QString &idempotencyKey, QObject *context, Callback<TopUpResult> done);
    void ledger(QObject *context, Callback<QList<LedgerEntry>> done);
    void pay(const QUuid &reservationId, const QString &idempotencyKey, QObject *context,
             Callback<PaymentReceipt> done);
    void checkHealth(QObject *context, Callback<Empty> done);
    // Waiting list for seats that come back: join, the caller's waits, leave, decline an offer
    // (an offer is paid like any hold, with pay()).
    void joinSeatWait(const SeatWaitRequest &request, QObject *context, Callback<SeatWait> done);
    void seatWaits(QObject *context, Callback<QList<SeatWait>> done);
    void leaveSeatWait(qint64 waitId, QObject *context, Callback<Empty> done);
    void declineSeatOffer(qint64 waitId, QObject *context, Callback<SeatWait> done);

    // Any call, raw JSON back (admin window, tests). 204 answers an empty object.
    void send(ApiCall call, QObject *context, Callback<QJsonObject> done);
    // Any call whose success is a file (CSV exports): its bytes; failures as for send().
    void download(ApiCall call, QObject *context, Callback<QByteArray> done);
    // Any call, its answer decoded into T (the staff APIs use this too).
    template<typename T>
    void call(ApiCall c, QObject *context, Callback<T> done,
              std::function<Result<T>(const QJsonObject &)> decode)
    {
        send(std::move(c), context,
             [done = std::move(done), decode = std::move(decode)](Result<QJsonObject> r) {
                 if (!r)
                     done(r.error());
                 else
                     done(decode(r.value()));
             });
    }

Q_SIGNALS:
    void serverReachable();
    void serverUnreachable(const QString &reason);
    // A call with a session answered UNAUTHENTICATED: the session is over.
    void sessionExpired();
    // A call is about to be sent again (attempt ≥ 2); tests and logs watch this.
    void retrying(const QString &path, int attempt, const QString &idempotencyKey);

private:
    struct Pending;

    void dispatch(const std::shared_ptr<Pending> &pending);
    void onFinished(QNetworkReply *reply, const std::shared_ptr<Pending> &pending);
    bool retryLater(const std::shared_ptr<Pending> &pending, int minDelayMs);
    void deliver(const std::shared_ptr<Pending> &pending, Result<QByteArray> result);
    void setReachable(bool reachable, const QString &reason = {});

    QNetworkAccessManager *m_nam;
    QUrl m_baseUrl;
    QSslConfiguration m_ssl;
    QString m_sessionToken;
    QString m_queueToken;
    RetryPolicy m_retry;
    int m_timeoutMs = 15000;
    int m_probeTimeoutMs = 3000;
    bool m_reachable = true;
    bool m_probing = false;
    QTimer m_probeTimer;
};

} // namespace encore
