#include "apiclient.h"

#include "api/requests.h"
#include "apipaths.h"
#include "jsonreader.h"
#include "net/backoff.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSslCertificate>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace encore {

struct ApiClient::Pending {
    ApiCall call;
    QPointer<QObject> context;
    bool hasContext = false;
    Callback<QByteArray> done; // a success's body
    int attempt = 1;
    Backoff backoff;
};

namespace {

bool isNetworkFailure(QNetworkReply::NetworkError e)
{
    switch (e) {
    case QNetworkReply::ConnectionRefusedError:
    case QNetworkReply::RemoteHostClosedError:
    case QNetworkReply::HostNotFoundError:
    case QNetworkReply::TimeoutError:
    case QNetworkReply::OperationCanceledError: // the transfer timeout
    case QNetworkReply::TemporaryNetworkFailureError:
    case QNetworkReply::NetworkSessionFailedError:
    case QNetworkReply::ProxyConnectionRefusedError:
    case QNetworkReply::ProxyConnectionClosedError:
    case QNetworkReply::ProxyTimeoutError:
    case QNetworkReply::UnknownNetworkError:
        return true;
    default:
        return false;
    }
}

ApiError networkError(const QNetworkReply *reply, const QUrl &base)
{
    const QString where
        = base.host() + (base.port() > 0 ? u":"_s + QString::number(base.port()) : QString());
    QString message;
    if (reply->error() == QNetworkReply::SslHandshakeFailedError)
        message = ApiClient::tr("The connection to %1 is not secure: its certificate could not be "
                                "verified.")
                      .arg(where);
    else
        message = ApiClient::tr("The Encore server at %1 cannot be reached.").arg(where);
    return ApiError::withText(ErrorCode::Unavailable, message,
                              {{u"network"_s, true}, {u"reason"_s, reply->errorString()}});
}

// An HTTP error answer: the server's envelope when there is one, else a code from the status.
ApiError httpError(int status, const QByteArray &body, const QNetworkReply *reply)
{
    const auto parsed = JsonReader::parseObject(body);
    if (parsed && parsed->value(u"error"_s).isObject()) {
        ApiError e = ApiError::fromEnvelope(parsed.value());
        const QString requestId = parsed->value(u"requestId"_s).toString();
        if (!requestId.isEmpty())
            e.details.insert(u"requestId"_s, requestId);
        return e;
    }
    // A proxy or a server that is starting answered without our envelope.
    ErrorCode code = ErrorCode::Internal;
    if (status == 502 || status == 503 || status == 504)
        code = ErrorCode::Unavailable;
    else if (status == 401)
        code = ErrorCode::Unauthenticated;
    else if (status == 404)
        code = ErrorCode::NotFound;
    else if (status == 429)
        code = ErrorCode::RateLimited;
    else if (status == 413)
        code = ErrorCode::PayloadTooLarge;
    else if (status == 431)
        code = ErrorCode::HeadersTooLarge;
    ApiError e(code);
    e.details.insert(u"status"_s, status);
    if (const QByteArray after = reply->rawHeader("Retry-After"); !after.isEmpty())
        e.details.insert(u"retryAfter"_s, after.toInt());
    return e;
}

QString uuidText(const QUuid &id)
{
    return id.toString(QUuid::WithoutBraces);
}

} // namespace

bool ApiCall::isIdempotent() const
{
    return verb == "GET" || verb == "HEAD" || verb == "DELETE" || verb == "PUT"
        || !idempotencyKey.isEmpty();
}

ApiClient::ApiClient(QObject *parent)
    : QObject(parent)
    , m_nam(new QNetworkAccessManager(this))
    , m_ssl(QSslConfiguration::defaultConfiguration())
{
    m_nam->setAutoDeleteReplies(false);
    m_probeTimer.setInterval(2000);
    connect(&m_probeTimer, &QTimer::timeout, this, &ApiClient::probeNow);
}

ApiClient::~ApiClient() = default;

void ApiClient::setBaseUrl(const QUrl &url)
{
    QUrl base = url.adjusted(QUrl::StripTrailingSlash | QUrl::RemoveQuery | QUrl::RemoveFragment);
    base.setPath(QString());
    m_baseUrl = base;
}

QUrl ApiClient::liveUrl() const
{
    QUrl url = m_baseUrl;
    url.setScheme(m_baseUrl.scheme() == u"https" ? u"wss"_s : u"ws"_s);
    url.setPath(api::live());
    return url;
}

bool ApiClient::setCaFile(const QString &path, QString *error)
{
    const QList<QSslCertificate> certs = QSslCertificate::fromPath(path, QSsl::Pem);
    if (certs.isEmpty()) {
        if (error)
            *error = tr("No certificate could be read from %1.").arg(path);
        return false;
    }
    m_ssl.addCaCertificates(certs);
    return true;
}

void ApiClient::setProbeIntervalMs(int ms)
{
    m_probeTimer.setInterval(ms);
}

QString ApiClient::newIdempotencyKey()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

void ApiClient::send(ApiCall call, QObject *context, Callback<QJsonObject> done)
{
    download(std::move(call), context, [done = std::move(done)](Result<QByteArray> r) {
        if (!r) {
            done(r.error());
            return;
        }
        if (r->trimmed().isEmpty()) {
            done(QJsonObject()); // 204
            return;
        }
        auto parsed = JsonReader::parseObject(r.value());
        if (!parsed)
            parsed = ApiError::withText(ErrorCode::Internal,
                                        tr("The server sent an answer Encore cannot read."));
        done(std::move(parsed));
    });
}

void ApiClient::download(ApiCall call, QObject *context, Callback<QByteArray> done)
{
    auto pending = std::make_shared<Pending>();
    pending->call = std::move(call);
    pending->context = context;
    pending->hasContext = context != nullptr;
    pending->done = std::move(done);
    pending->backoff = Backoff(m_retry.firstDelayMs, m_retry.maxDelayMs);
    dispatch(pending);
}

void ApiClient::dispatch(const std::shared_ptr<Pending> &pending)
{
    const ApiCall &c = pending->call;
    QUrl url = m_baseUrl;
    url.setPath(c.path);
    if (!c.query.isEmpty())
        url.setQuery(c.query);

    QNetworkRequest request(url);
    request.setTransferTimeout(c.timeoutMs > 0 ? c.timeoutMs : m_timeoutMs);
    request.setRawHeader("Accept", c.accept);
    // QHttpServer 6.4 does not implement 100-continue: never make it wait for one.
    request.setRawHeader("Expect", QByteArray(""));
    request.setRawHeader("User-Agent", "Encore-Desktop/" ENCORE_CLIENT_VERSION);
    // The server writes its messages in the language the app runs in (LanguageManager sets the
    // default locale).
    request.setRawHeader(api::kAcceptLanguageHeader,
                         QLocale().language() == QLocale::Korean ? "ko" : "en");
    if (c.needsSession && !m_sessionToken.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + m_sessionToken.toUtf8());
    if (c.needsQueueToken && !m_queueToken.isEmpty())
        request.setRawHeader(api::kQueueTokenHeader, m_queueToken.toUtf8());
    if (!c.idempotencyKey.isEmpty())
        request.setRawHeader(api::kIdempotencyKeyHeader, c.idempotencyKey.toUtf8());
    if (url.scheme() == u"https")
        request.setSslConfiguration(m_ssl);

    QByteArray body;
    if (c.body) {
        request.setHeader(QNetworkRequest::ContentTypeHeader, u"application/json"_s);
        body = QJsonDocument(*c.body).toJson(QJsonDocument::Compact);
    }
    QNetworkReply *reply = c.body ? m_nam->sendCustomRequest(request, c.verb, body)
                                  : m_nam->sendCustomRequest(request, c.verb);
    connect(reply, &QNetworkReply::finished, this, [this, reply, pending] {
        reply->deleteLater();
        onFinished(reply, pending);
    });
}

void ApiClient::onFinished(QNetworkReply *reply, const std::shared_ptr<Pending> &pending)
{
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status == 0) {
        // No HTTP answer at all: the server (or the way to it) is gone.
        const ApiError error = networkError(reply, m_baseUrl);
        if (isNetworkFailure(reply->error())) {
            setReachable(false, error.message);
            if (retryLater(pending, 0))
                return;
        }
        deliver(pending, error);
        return;
    }
    setReachable(true);
    const QByteArray body = reply->readAll();
    if (status >= 200 && status < 300) {
        deliver(pending, body);
        return;
    }
    ApiError error = httpError(status, body, reply);
    if (error.code == ErrorCode::Unavailable) {
        const int retryAfterMs = reply->rawHeader("Retry-After").toInt() * 1000;
        if (retryLater(pending, retryAfterMs))
            return;
    }
    if (error.code == ErrorCode::Unauthenticated && pending->call.needsSession
        && !m_sessionToken.isEmpty())
        Q_EMIT sessionExpired();
    deliver(pending, std::move(error));
}

bool ApiClient::retryLater(const std::shared_ptr<Pending> &pending, int minDelayMs)
{
    const ApiCall &c = pending->call;
    if (!c.retry || !c.isIdempotent() || pending->attempt >= m_retry.maxAttempts)
        return false;
    if (pending->hasContext && pending->context.isNull())
        return true; // nobody is waiting any more: drop it quietly
    const int delay = std::max(pending->backoff.next(), std::min(minDelayMs, m_retry.maxDelayMs));
    ++pending->attempt;
    QTimer::singleShot(delay, this, [this, pending] {
        if (pending->hasContext && pending->context.isNull())
            return;
        Q_EMIT retrying(pending->call.path, pending->attempt, pending->call.idempotencyKey);
        dispatch(pending);
    });
    return true;
}

void ApiClient::deliver(const std::shared_ptr<Pending> &pending, Result<QByteArray> result)
{
    if (pending->hasContext && pending->context.isNull())
        return;
    if (pending->done)
        pending->done(std::move(result));
}

void ApiClient::setReachable(bool reachable, const QString &reason)
{
    if (reachable == m_reachable)
        return;
    m_reachable = reachable;
    if (reachable) {
        m_probeTimer.stop();
        Q_EMIT serverReachable();
    } else {
        m_probeTimer.start();
        Q_EMIT serverUnreachable(reason);
    }
}

void ApiClient::probeNow()
{
    // A single-attempt health check: any HTTP answer means reachable, none means away.
    if (std::exchange(m_probing, true))
        return;
    checkHealth(this, [this](const Result<Empty> &) { m_probing = false; });
}

// --- typed calls -------------------------------------------------------------------------------

void ApiClient::registerUser(const QString &username, const QString &password, QObject *context,
                             Callback<Session> done)
{
    ApiCall c {"POST", api::authRegister(), {}, Credentials {username, password}.toJson()};
    c.needsSession = false;
    call<Session>(std::move(c), context, std::move(done), &Session::fromJson);
}

void ApiClient::login(const QString &username, const QString &password, QObject *context,
                      Callback<Session> done)
{
    ApiCall c {"POST", api::authLogin(), {}, Credentials {username, password}.toJson()};
    c.needsSession = false;
    call<Session>(std::move(c), context, std::move(done), &Session::fromJson);
}

void ApiClient::logout(QObject *context, Callback<Empty> done)
{
    ApiCall c {"POST", api::authLogout(), {}, QJsonObject()};
    c.retry = false;
    call<Empty>(std::move(c), context, std::move(done),
                [](const QJsonObject &) { return Empty {}; });
}

void ApiClient::me(QObject *context, Callback<User> done)
{
    call<User>({"GET", api::me()}, context, std::move(done),
               [](const QJsonObject &o) { return decodeField<User>(o, api::keys::kUser); });
}

void ApiClient::concerts(QObject *context, Callback<QList<Concert>> done)
{
    call<QList<Concert>>(
        {"GET", api::concerts()}, context, std::move(done),
        [](const QJsonObject &o) { return decodeList<Concert>(o, api::keys::kConcerts); });
}

void ApiClient::bookableSchedules(qint64 concertId, QObject *context,
                                  Callback<QList<Schedule>> done)
{
    ApiCall c {"GET", api::concertSchedules(concertId)};
    c.query.addQueryItem(api::query::kAvailable, u"true"_s);
    call<QList<Schedule>>(std::move(c), context, std::move(done), [](const QJsonObject &o) {
        return decodeList<Schedule>(o, api::keys::kSchedules);
    });
}

void ApiClient::joinQueue(qint64 concertId, QObject *context, Callback<QueueTicket> done)
{
    // Joining is idempotent per (user, concert) on the server, so a key makes it retryable.
    ApiCall c {"POST", api::concertQueue(concertId), {}, QJsonObject()};
    c.idempotencyKey = newIdempotencyKey();
    call<QueueTicket>(std::move(c), context, std::move(done), &QueueTicket::fromJson);
}

void ApiClient::queueStatus(QObject *context, Callback<QueueTicket> done)
{
    ApiCall c {"GET", api::queueStatus()};
    c.needsQueueToken = true;
    call<QueueTicket>(std::move(c), context, std::move(done), &QueueTicket::fromJson);
}

void ApiClient::leaveQueue(QObject *context, Callback<Empty> done)
{
    ApiCall c {"DELETE", api::queue()};
    c.needsQueueToken = true;
    call<Empty>(std::move(c), context, std::move(done),
                [](const QJsonObject &) { return Empty {}; });
}

void ApiClient::joinSeatWait(const SeatWaitRequest &request, QObject *context,
                             Callback<SeatWait> done)
{
    ApiCall c {"POST", api::seatWaits()};
    c.body = request.toJson();
    call<SeatWait>(std::move(c), context, std::move(done),
                   [](const QJsonObject &o) { return decodeField<SeatWait>(o, api::keys::kWait); });
}

void ApiClient::seatWaits(QObject *context, Callback<QList<SeatWait>> done)
{
    call<QList<SeatWait>>(
        {"GET", api::seatWaits()}, context, std::move(done),
        [](const QJsonObject &o) { return decodeList<SeatWait>(o, api::keys::kWaits); });
}

void ApiClient::leaveSeatWait(qint64 waitId, QObject *context, Callback<Empty> done)
{
    call<Empty>({"DELETE", api::seatWait(waitId)}, context, std::move(done),
                [](const QJsonObject &) { return Empty {}; });
}

void ApiClient::declineSeatOffer(qint64 waitId, QObject *context, Callback<SeatWait> done)
{
    call<SeatWait>({"POST", api::seatWaitDecline(waitId)}, context, std::move(done),
                   [](const QJsonObject &o) { return decodeField<SeatWait>(o, api::keys::kWait); });
}

void ApiClient::seatMap(qint64 scheduleId, QObject *context, Callback<SeatMap> done)
{
    ApiCall c {"GET", api::scheduleSeats(scheduleId)};
    c.needsQueueToken = true;
    call<SeatMap>(std::move(c), context, std::move(done), &SeatMap::fromJson);
}

void ApiClient::holdSeats(qint64 scheduleId, const QList<int> &seats, const QString &idempotencyKey,
                          QObject *context, Callback<Reservation> done)
{
    ApiCall c {"POST", api::reservations(), {}, HoldRequest {scheduleId, seats}.toJson()};
    c.idempotencyKey = idempotencyKey;
    c.needsQueueToken = true;
    call<Reservation>(std::move(c), context, std::move(done), [](const QJsonObject &o) {
        return decodeField<Reservation>(o, api::keys::kReservation);
    });
}

void ApiClient::reservations(QObject *context, Callback<QList<Reservation>> done)
{
    call<QList<Reservation>>(
        {"GET", api::reservations()}, context, std::move(done),
        [](const QJsonObject &o) { return decodeList<Reservation>(o, api::keys::kReservations); });
}

void ApiClient::reservation(const QUuid &id, QObject *context, Callback<Reservation> done)
{
    call<Reservation>(
        {"GET", api::reservation(id)}, context, std::move(done),
        [](const QJsonObject &o) { return decodeField<Reservation>(o, api::keys::kReservation); });
}

void ApiClient::cancelReservation(const QUuid &id, QObject *context, Callback<Reservation> done)
{
    call<Reservation>(
        {"DELETE", api::reservation(id)}, context, std::move(done),
        [](const QJsonObject &o) { return decodeField<Reservation>(o, api::keys::kReservation); });
}

void ApiClient::wallet(QObject *context, Callback<WalletInfo> done)
{
    call<WalletInfo>({"GET", api::wallet()}, context, std::move(done), &WalletInfo::fromJson);
}

void ApiClient::createTopUpOrder(Money amount, QObject *context, Callback<TopUpOrderCreated> done)
{
    ApiCall c {"POST", api::walletTopUpOrders(), {}, TopUpOrderRequest {amount}.toJson()};
    call<TopUpOrderCreated>(std::move(c), context, std::move(done), &TopUpOrderCreated::fromJson);
}

void ApiClient::topUpOrders(QObject *context, Callback<QList<TopUpOrder>> done)
{
    call<QList<TopUpOrder>>(
        {"GET", api::walletTopUpOrders()}, context, std::move(done),
        [](const QJsonObject &o) { return decodeList<TopUpOrder>(o, api::keys::kOrders); });
}

void ApiClient::topUp(const QUuid &orderId, const QString &paymentKey, Money amount,
                      const QString &idempotencyKey, QObject *context, Callback<TopUpResult> done)
{
    ApiCall c {"POST",
               api::walletTopUps(),
               {},
               TopUpConfirmRequest {orderId, paymentKey, amount}.toJson()};
    c.idempotencyKey = idempotencyKey;
    call<TopUpResult>(std::move(c), context, std::move(done), &TopUpResult::fromJson);
}

void ApiClient::ledger(QObject *context, Callback<QList<LedgerEntry>> done)
{
    call<QList<LedgerEntry>>(
        {"GET", api::walletLedger()}, context, std::move(done),
        [](const QJsonObject &o) { return decodeList<LedgerEntry>(o, api::keys::kEntries); });
}

void ApiClient::pay(const QUuid &reservationId, const QString &idempotencyKey, QObject *context,
                    Callback<PaymentReceipt> done)
{
    ApiCall c {"POST", api::payments(), {}, PaymentRequest {reservationId}.toJson()};
    c.idempotencyKey = idempotencyKey;
    c.needsQueueToken = true;
    call<PaymentReceipt>(std::move(c), context, std::move(done), &PaymentReceipt::fromJson);
}

void ApiClient::checkHealth(QObject *context, Callback<Empty> done)
{
    ApiCall c {"GET", api::healthz()};
    c.needsSession = false;
    c.retry = false;
    c.timeoutMs = m_probeTimeoutMs;
    call<Empty>(std::move(c), context, std::move(done),
                [](const QJsonObject &) { return Empty {}; });
}

} // namespace encore
