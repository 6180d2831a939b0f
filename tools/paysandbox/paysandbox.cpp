#include "paysandbox.h"

#include "jsonreader.h"
#include "payments/cardnumber.h"
#include "webhooksender.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QPointer>
#include <QRandomGenerator>
#include <QSslCertificate>
#include <QSslKey>
#include <QTcpSocket>
#include <QTimer>
#include <QUrlQuery>

#include <algorithm>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcSandbox, "sandbox")

namespace encore::sandbox {

using gateway::CardRefusal;

namespace {
constexpr qsizetype kMaxBody = 64 * 1024;

QString newPaymentKey()
{
    quint32 words[4];
    QRandomGenerator::system()->fillRange(words);
    QByteArray bytes(reinterpret_cast<const char *>(words), sizeof(words));
    return u"tpk_"_s + QString::fromLatin1(bytes.toHex());
}

QByteArray compact(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QByteArray basicUser(const QHttpServerRequest &request)
{
    for (const auto &[name, value] : request.headers()) {
        if (name.compare("Authorization", Qt::CaseInsensitive) != 0)
            continue;
        if (!value.startsWith("Basic "))
            return {};
        const QByteArray decoded = QByteArray::fromBase64(value.mid(6).trimmed());
        const qsizetype colon = decoded.indexOf(':');
        return colon < 0 ? decoded : decoded.left(colon);
    }
    return {};
}

QByteArray headerOf(const QHttpServerRequest &request, const char *wanted)
{
    for (const auto &[name, value] : request.headers()) {
        if (name.compare(wanted, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

// Equal-time comparison of keys, so response timing does not leak how much of a key matched.
bool sameKey(const QByteArray &a, const QByteArray &b)
{
    if (a.size() != b.size() || a.isEmpty())
        return false;
    unsigned char diff = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        diff |= static_cast<unsigned char>(a.at(i) ^ b.at(i));
    return diff == 0;
}

QString methodName(QHttpServerRequest::Method m)
{
    switch (m) {
    case QHttpServerRequest::Method::Get:
        return u"GET"_s;
    case QHttpServerRequest::Method::Post:
        return u"POST"_s;
    default:
        return u"OTHER"_s;
    }
}
} // namespace

PaySandbox::PaySandbox(SandboxConfig config, QObject *parent)
    : QObject(parent)
    , m_config(std::move(config))
    , m_webhooks(new WebhookSender(m_config, this))
{
    m_server.setMissingHandler(
        [this](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
            handle(request, std::move(responder));
        });
}

PaySandbox::~PaySandbox() = default;

quint16 PaySandbox::listen()
{
    if (m_config.tlsEnabled()) {
        QFile certFile(m_config.tlsCert);
        QFile keyFile(m_config.tlsKey);
        if (!certFile.open(QIODevice::ReadOnly) || !keyFile.open(QIODevice::ReadOnly)) {
            qCCritical(lcSandbox) << "cannot read the TLS certificate or key";
            return 0;
        }
        const QSslCertificate cert(certFile.readAll(), QSsl::Pem);
        const QByteArray pem = keyFile.readAll();
        QSslKey key(pem, QSsl::Rsa, QSsl::Pem);
        if (key.isNull())
            key = QSslKey(pem, QSsl::Ec, QSsl::Pem);
        if (cert.isNull() || key.isNull()) {
            qCCritical(lcSandbox) << "the TLS certificate or key is not valid PEM";
            return 0;
        }
        m_server.sslSetup(cert, key);
    }
    const quint16 port = m_server.listen(m_config.listenAddress, m_config.port);
    if (port == 0)
        qCCritical(lcSandbox).noquote()
            << "cannot listen on" << m_config.listenAddress.toString() << m_config.port;
    return port;
}

PaySandbox::Principal PaySandbox::principalOf(const QHttpServerRequest &request) const
{
    const QByteArray user = basicUser(request);
    if (sameKey(user, m_config.secretKey))
        return Principal::Merchant;
    if (sameKey(user, m_config.clientKey))
        return Principal::Client;
    return Principal::None;
}

void PaySandbox::handle(const QHttpServerRequest &request, QHttpServerResponder &&responder)
{
    const Principal who = principalOf(request);
    const QByteArray idempotencyKey = headerOf(request, "Idempotency-Key");
    const bool post = request.method() == QHttpServerRequest::Method::Post;
    const QByteArray recordKey = QByteArray::number(int(who)) + ':' + idempotencyKey;
    const QByteArray requestHash = QCryptographicHash::hash(
        request.url().path().toUtf8() + '\n' + request.body(), QCryptographicHash::Sha256);

    Answer answer;
    bool delay = false;
    const auto known = m_idempotent.constFind(recordKey);
    if (request.body().size() > kMaxBody) {
        answer = refusal(413, u"PAYLOAD_TOO_LARGE"_s, u"The request is too large."_s);
    } else if (post && !idempotencyKey.isEmpty() && known != m_idempotent.cend()) {
        answer = known->requestHash == requestHash
            ? known->answer
            : refusal(422, u"IDEMPOTENCY_KEY_MISMATCH"_s,
                      u"This Idempotency-Key was used for another request."_s);
    } else {
        answer = route(request, who, &delay);
        // Remembered: what changed something (2xx, and 402 refusals that abort a payment). A
        // refusal that changed nothing may be retried with the same key once its cause is gone.
        const bool remember = answer.status < 400 || answer.status == 402;
        if (post && remember && !idempotencyKey.isEmpty() && idempotencyKey.size() <= 300
            && who != Principal::None)
            m_idempotent.insert(recordKey, {requestHash, answer});
        if (post && remember)
            save();
    }
    qCInfo(lcSandbox).noquote() << methodName(request.method()) << request.url().path()
                                << answer.status << (delay ? "(answer delayed)" : "");

    auto shared = std::make_shared<QHttpServerResponder>(std::move(responder));
    auto write = [shared, answer, socket = QPointer<QTcpSocket>(shared->socket())] {
        if (!socket || socket->state() != QAbstractSocket::ConnectedState)
            return;
        shared->write(answer.body, {{"Content-Type", "application/json"}},
                      QHttpServerResponder::StatusCode(answer.status));
    };
    if (delay)
        QTimer::singleShot(m_config.confirmDelayMs, this, write);
    else
        write();
}

PaySandbox::Answer PaySandbox::route(const QHttpServerRequest &request, Principal who, bool *delay)
{
    const QString path = request.url().path();
    const bool get = request.method() == QHttpServerRequest::Method::Get;
    const bool post = request.method() == QHttpServerRequest::Method::Post;
    if (get && path == u"/healthz")
        return {200, compact({{u"status"_s, u"ok"_s}, {u"sandbox"_s, true}})};

    const bool cardEntry = path.startsWith(u"/v1/cards/");
    if (who == Principal::None || (cardEntry != (who == Principal::Client)))
        return refusal(401, u"UNAUTHORIZED_KEY"_s,
                       cardEntry ? u"Card entry needs the client key."_s
                                 : u"This call needs the secret key."_s);
    QJsonObject body;
    if (post) {
        const auto parsed = JsonReader::parseObject(request.body());
        if (!parsed)
            return refusal(400, u"INVALID_REQUEST"_s, u"The body must be a JSON object."_s);
        body = parsed.value();
    }
    const QStringList parts = path.split(u'/', Qt::SkipEmptyParts);
    if (post && path == u"/v1/cards/authorize")
        return authorize(body);
    if (post && path == u"/v1/cards/authenticate")
        return authenticate(body);
    if (post && path == u"/v1/payments/confirm")
        return confirm(body, delay);
    if (get && path == u"/v1/settlements")
        return settlements(QUrlQuery(request.url()).queryItemValue(u"date"_s));
    if (get && parts.size() == 4 && parts[1] == u"payments" && parts[2] == u"orders")
        return lookupByOrder(parts[3]);
    if (get && parts.size() == 3 && parts[1] == u"payments")
        return lookup(parts[2]);
    if (post && parts.size() == 4 && parts[1] == u"payments" && parts[3] == u"cancel")
        return cancel(parts[2], body);
    return refusal(404, u"NOT_FOUND"_s, u"No such endpoint."_s);
}

PaySandbox::Answer PaySandbox::authorize(const QJsonObject &body)
{
    const auto request = gateway::CardAuthorization::fromJson(body);
    if (!request)
        return refusal(400, u"INVALID_REQUEST"_s, request.error().message);
    const QString digits = card::digitsOf(request->number);
    if (!card::isValidNumber(digits))
        return refusal(402, wordOf(CardRefusal::InvalidCardNumber),
                       u"The card number is not valid."_s);
    const QDate today = QDateTime::currentDateTimeUtc().date();
    if (!card::isFutureExpiry(request->expMonth, request->expYear, today.month(), today.year()))
        return refusal(402, wordOf(CardRefusal::InvalidCardExpiration), u"The card has expired."_s);
    if (card::digitsOf(request->cvc) != request->cvc)
        return refusal(402, wordOf(CardRefusal::InvalidCvc),
                       u"The security code must be 3 or 4 digits."_s);
    const QString previous = m_orderPayments.value(request->orderId);
    if (!previous.isEmpty()) {
        const auto status = m_payments.value(previous).payment.status;
        if (status == gateway::PaymentStatus::Done || status == gateway::PaymentStatus::Canceled)
            return refusal(400, u"DUPLICATED_ORDER_ID"_s, u"This order was already paid."_s);
    }

    StoredPayment stored;
    stored.behaviour = behaviourOf(digits);
    gateway::Payment &p = stored.payment;
    p.paymentKey = newPaymentKey();
    p.orderId = request->orderId;
    p.totalAmount = request->amount;
    p.requestedAt = QDateTime::currentDateTimeUtc();
    p.card = {card::brandOf(digits), card::lastFour(digits)};
    gateway::Authorization answer {p.paymentKey, gateway::PaymentStatus::Ready, {}};
    if (stored.behaviour == CardBehaviour::NeedsAuthentication) {
        p.status = gateway::PaymentStatus::InProgress;
        answer.status = p.status;
        answer.challenge = u"Enter the one-time code your card company sent (sandbox: %1)."_s.arg(
            QString::fromUtf16(kAuthenticationCode));
    }
    m_payments.insert(p.paymentKey, stored);
    m_orderPayments.insert(p.orderId, p.paymentKey);
    return {200, compact(answer.toJson())};
}

PaySandbox::Answer PaySandbox::authenticate(const QJsonObject &body)
{
    const QString key = body.value(u"paymentKey"_s).toString();
    StoredPayment *stored = find(key);
    if (!stored)
        return unknownPayment();
    if (stored->payment.status != gateway::PaymentStatus::InProgress)
        return refusal(400, u"ALREADY_PROCESSED_PAYMENT"_s, u"Nothing to authenticate."_s);
    if (body.value(u"code"_s).toString() != QStringView(kAuthenticationCode))
        return refusal(402, wordOf(CardRefusal::InvalidAuthentication),
                       u"The one-time code is not correct."_s);
    stored->payment.status = gateway::PaymentStatus::Ready;
    return {200, compact(gateway::Authorization {key, stored->payment.status, {}}.toJson())};
}

PaySandbox::Answer PaySandbox::confirm(const QJsonObject &body, bool *delay)
{
    JsonReader r(body);
    const QString key = r.string(u"paymentKey"_s, 1, 200);
    const QString orderId = r.string(u"orderId"_s, 1, 64);
    const qint64 amount = r.integer(u"amount"_s, 1, std::numeric_limits<qint64>::max());
    if (!r.ok())
        return refusal(400, u"INVALID_REQUEST"_s, r.error().message);
    StoredPayment *stored = find(key);
    if (!stored)
        return unknownPayment();
    gateway::Payment &p = stored->payment;
    if (p.orderId != orderId)
        return refusal(400, u"INVALID_REQUEST"_s, u"The order does not match the payment."_s);
    if (p.totalAmount != amount)
        return refusal(400, u"INVALID_AMOUNT"_s,
                       u"The amount differs from the amount the card authorised."_s);
    switch (p.status) {
    case gateway::PaymentStatus::Ready:
        break;
    case gateway::PaymentStatus::InProgress:
        return refusal(403, wordOf(CardRefusal::NotAuthenticated),
                       u"The cardholder has not finished the second step."_s);
    case gateway::PaymentStatus::Aborted:
        return refusal(402, p.failureCode, p.failureMessage);
    case gateway::PaymentStatus::Done:
    case gateway::PaymentStatus::Canceled:
        return refusal(400, u"ALREADY_PROCESSED_PAYMENT"_s, u"This payment was processed."_s);
    }
    if (stored->behaviour == CardBehaviour::Decline
        || stored->behaviour == CardBehaviour::InsufficientFunds) {
        const bool decline = stored->behaviour == CardBehaviour::Decline;
        p.status = gateway::PaymentStatus::Aborted;
        p.failureCode
            = wordOf(decline ? CardRefusal::RejectCardCompany : CardRefusal::NotEnoughBalance);
        p.failureMessage = decline ? u"The card company declined the payment."_s
                                   : u"The card's balance or limit is too low."_s;
        changed(*stored);
        return refusal(402, p.failureCode, p.failureMessage);
    }
    p.status = gateway::PaymentStatus::Done;
    p.approvedAt = QDateTime::currentDateTimeUtc();
    if (stored->behaviour == CardBehaviour::TimeoutOnConfirm && !stored->delayedOnce) {
        stored->delayedOnce = true;
        *delay = true;
    }
    changed(*stored);
    return payment(p);
}

PaySandbox::Answer PaySandbox::cancel(const QString &paymentKey, const QJsonObject &body)
{
    JsonReader r(body);
    r.string(u"cancelReason"_s, 1, 200);
    const auto amount = r.optionalInteger(u"cancelAmount"_s, 1, std::numeric_limits<qint64>::max());
    if (!r.ok())
        return refusal(400, u"INVALID_REQUEST"_s, r.error().message);
    StoredPayment *stored = find(paymentKey);
    if (!stored)
        return unknownPayment();
    gateway::Payment &p = stored->payment;
    if (amount && *amount != p.totalAmount)
        return refusal(400, u"INVALID_CANCEL_AMOUNT"_s,
                       u"The sandbox cancels whole payments only."_s);
    if (p.status == gateway::PaymentStatus::Canceled)
        return refusal(400, u"ALREADY_CANCELED_PAYMENT"_s, u"This payment was cancelled."_s);
    if (p.status == gateway::PaymentStatus::Aborted)
        return refusal(400, u"NOT_CANCELABLE_PAYMENT"_s, u"This payment was never charged."_s);
    p.status = gateway::PaymentStatus::Canceled;
    p.canceledAt = QDateTime::currentDateTimeUtc();
    changed(*stored);
    return payment(p);
}

PaySandbox::Answer PaySandbox::lookup(const QString &paymentKey) const
{
    const auto it = m_payments.constFind(paymentKey);
    return it == m_payments.cend() ? unknownPayment() : payment(it->payment);
}

PaySandbox::Answer PaySandbox::lookupByOrder(const QString &orderId) const
{
    const QString key = m_orderPayments.value(orderId);
    return key.isEmpty() ? refusal(404, u"NOT_FOUND_PAYMENT"_s, u"No payment for this order."_s)
                         : lookup(key);
}

PaySandbox::Answer PaySandbox::settlements(const QString &date) const
{
    const QDate day = QDate::fromString(date, Qt::ISODate);
    if (!day.isValid())
        return refusal(400, u"INVALID_REQUEST"_s, u"date must be YYYY-MM-DD."_s);
    QList<gateway::Payment> found;
    for (const StoredPayment &s : m_payments) {
        const gateway::Payment &p = s.payment;
        if ((p.approvedAt.isValid() && p.approvedAt.date() == day)
            || (p.canceledAt.isValid() && p.canceledAt.date() == day))
            found.append(p);
    }
    std::sort(found.begin(), found.end(),
              [](const auto &a, const auto &b) { return a.requestedAt < b.requestedAt; });
    QJsonArray list;
    for (const gateway::Payment &p : found)
        list.append(p.toJson());
    return {200, compact({{u"date"_s, day.toString(Qt::ISODate)}, {u"payments"_s, list}})};
}

PaySandbox::StoredPayment *PaySandbox::find(const QString &paymentKey)
{
    const auto it = m_payments.find(paymentKey);
    return it == m_payments.end() ? nullptr : &it.value();
}

PaySandbox::Answer PaySandbox::unknownPayment()
{
    return refusal(404, u"NOT_FOUND_PAYMENT"_s, u"No such payment."_s);
}

void PaySandbox::changed(const StoredPayment &stored)
{
    m_webhooks->send({{u"eventType"_s, QString::fromUtf16(gateway::kWebhookEventPaymentChanged)},
                      {u"createdAt"_s, isoTime(QDateTime::currentDateTimeUtc())},
                      {u"data"_s, stored.payment.toJson()}});
}

PaySandbox::Answer PaySandbox::payment(const gateway::Payment &p)
{
    return {200, compact(p.toJson())};
}

PaySandbox::Answer PaySandbox::refusal(int status, const QString &code, const QString &message)
{
    return {status, compact(gateway::Error {code, message}.toJson())};
}

} // namespace encore::sandbox
