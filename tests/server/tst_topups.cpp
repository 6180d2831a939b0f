// Card top-ups end to end (DESIGN.md §8) against real processes: encore-server on a private
// PostgreSQL and the encore-pay-sandbox gateway, webhooks included. Every way a payment can go
// wrong must leave the money exactly once: declines, timeouts, tampering, duplicated and
// reordered webhooks, forged ones, races and a crash between the gateway's charge and our commit.
#include "cardtopup.h"
#include "fixtures.h"
#include "testcluster.h"
#include "testpaysandbox.h"
#include "testserver.h"

#include "api/admintypes.h"
#include "apipaths.h"
#include "jsonreader.h"
#include "payments/gatewaypayment.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace encore;
using namespace encore::test;

namespace {

constexpr int kWaitMs = 30'000;

// A server, its gateway and the server's database.
struct PaymentSetup : GatewayServer {
    std::unique_ptr<Fixtures> fixtures;

    bool start(const QStringList &gatewayArgs, const QStringList &serverArgs, bool webhooks = true)
    {
        if (!GatewayServer::start(gatewayArgs, serverArgs, webhooks))
            return false;
        fixtures = std::make_unique<Fixtures>(server->database());
        return true;
    }
};

QString field(const HttpResponse &r, const QString &object, const QString &key)
{
    return r.json().value(object).toObject().value(key).toString();
}

} // namespace

class TestTopUps final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void approvedCardCreditsOnce();
    void declinedCards_data();
    void declinedCards();
    void luhnInvalidNumberNeverReachesAnOrder();
    void secondConfirmationStep();
    void tamperedAmountIsRefusedAndCancelled_data();
    void tamperedAmountIsRefusedAndCancelled();
    void confirmationsAndWebhookRace();
    void forgedAndStaleWebhooksAreRefused();
    void ordersBelongToTheirCustomer();
    void freeTopUpIsGone();
    void staffRefundToCard();
    void reconciliationFindsInjectedMismatches();
    void gatewayRestartKeepsItsRecords();
    void timeoutThenLookup();
    void crashBetweenChargeAndCommit();
    void duplicatedAndReorderedWebhooks();
    void cardNumbersNeverReachServerOrDatabase();

private:
    qint64 balance(Fixtures &fx, const TestUser &user);
    qint64 topUpEntries(Fixtures &fx, const QString &orderId);
    QString orderStatus(Fixtures &fx, const QString &orderId);
    TestUser newUser(Fixtures &fx, const QString &prefix, qint64 money = 0);
    TestUser staffUser(Fixtures &fx);
    QByteArray postWebhook(const QByteArray &body, const QByteArray &signature, int *status);
    // Starts `setup` without webhooks, its gateway answering the time-out card's first
    // confirmation after `delayMs`, the server waiting `timeoutMs`; a customer's top-up with
    // that card, authorised (empty on failure).
    CardTopUpSteps slowTopUp(PaymentSetup &setup, int delayMs, int timeoutMs, qint64 amount,
                             TestUser *user);

    PaymentSetup m_main;
    QList<PaymentSetup *> m_others; // every setup, for the final log and database search
    PaymentSetup m_slow;
    PaymentSetup m_crash;
    PaymentSetup m_chaos;
};

void TestTopUps::initTestCase()
{
    QVERIFY(m_main.start({}, {}));
    m_others.append(&m_main);
}

qint64 TestTopUps::balance(Fixtures &fx, const TestUser &user)
{
    return fx
        .scalar(u"SELECT balance FROM wallets WHERE user_id = ?::uuid"_s,
                {user.id.toString(QUuid::WithoutBraces)})
        .toLongLong();
}

qint64 TestTopUps::topUpEntries(Fixtures &fx, const QString &orderId)
{
    return fx
        .scalar(u"SELECT count(*) FROM wallet_ledger WHERE kind = 'TOPUP' "
                "AND top_up_order_id = ?::uuid"_s,
                {orderId})
        .toLongLong();
}

QString TestTopUps::orderStatus(Fixtures &fx, const QString &orderId)
{
    return fx.scalar(u"SELECT status FROM top_up_orders WHERE id = ?::uuid"_s, {orderId})
        .toString();
}

TestUser TestTopUps::newUser(Fixtures &fx, const QString &prefix, qint64 money)
{
    return fx.createUsers(1, money, prefix).first();
}

TestUser TestTopUps::staffUser(Fixtures &fx)
{
    const TestUser staff = newUser(fx, u"cashier"_s);
    fx.scalar(u"UPDATE users SET role = 'staff' WHERE id = ?::uuid RETURNING 1"_s,
              {staff.id.toString(QUuid::WithoutBraces)});
    return staff;
}

void TestTopUps::approvedCardCreditsOnce()
{
    Fixtures &fx = *m_main.fixtures;
    const TestUser user = newUser(fx, u"approve"_s);
    const HttpClient http = m_main.server->client();
    const CardTopUpSteps steps = prepareCardTopUp(http, *m_main.gateway, user, 50'000);
    QCOMPARE(steps.order.status, 201);
    QCOMPARE(field(steps.order, u"order"_s, u"status"_s), u"PENDING"_s);
    QCOMPARE(field(steps.order, u"gateway"_s, u"baseUrl"_s), m_main.gateway->url());
    QCOMPARE(steps.authorize.status, 200);

    const HttpRequest confirm = confirmTopUpRequest(user, steps, 50'000, "approve-1");
    const HttpResponse first = http.send(confirm);
    QCOMPARE(first.status, 201);
    QCOMPARE(first.json().value(u"balance"_s).toInteger(), 50'000);
    QCOMPARE(first.json().value(u"entry"_s).toObject().value(u"kind"_s).toString(), u"TOPUP"_s);
    const QJsonObject order = first.json().value(u"order"_s).toObject();
    QCOMPARE(order.value(u"status"_s).toString(), u"PAID"_s);
    QCOMPARE(order.value(u"card"_s).toObject().value(u"last4"_s).toString(), u"4242"_s);
    QCOMPARE(order.value(u"card"_s).toObject().value(u"brand"_s).toString(), u"VISA"_s);

    // The same key replays; another key for the same payment answers the same, credits nothing.
    const HttpResponse replay = http.send(confirm);
    QCOMPARE(replay.status, 201);
    QCOMPARE(replay.headers.value("idempotent-replayed"), QByteArray("true"));
    const HttpResponse again = http.send(confirmTopUpRequest(user, steps, 50'000, "approve-2"));
    QCOMPARE(again.status, 201);
    QCOMPARE(again.json().value(u"balance"_s).toInteger(), 50'000);
    QCOMPARE(balance(fx, user), 50'000);
    QCOMPARE(topUpEntries(fx, steps.orderId), 1);
    // The same key with another body is refused.
    QCOMPARE(http.send(confirmTopUpRequest(user, steps, 40'000, "approve-1")).errorCode(),
             u"IDEMPOTENCY_MISMATCH"_s);
    // The gateway charged exactly that.
    const HttpResponse payment
        = m_main.gateway->merchant("GET", "/v1/payments/" + steps.paymentKey.toLatin1());
    QCOMPARE(payment.json().value(u"status"_s).toString(), u"DONE"_s);
    QCOMPARE(payment.json().value(u"totalAmount"_s).toInteger(), 50'000);
}

void TestTopUps::declinedCards_data()
{
    QTest::addColumn<QString>("card");
    QTest::addColumn<QString>("gatewayCode");
    QTest::addRow("declined") << QString::fromLatin1(cards::kDecline) << u"REJECT_CARD_COMPANY"_s;
    QTest::addRow("insufficient funds")
        << QString::fromLatin1(cards::kInsufficientFunds) << u"NOT_ENOUGH_BALANCE"_s;
}

void TestTopUps::declinedCards()
{
    QFETCH(QString, card);
    QFETCH(QString, gatewayCode);
    Fixtures &fx = *m_main.fixtures;
    const TestUser user = newUser(fx, u"decline"_s);
    const HttpClient http = m_main.server->client();
    const CardTopUpSteps steps = prepareCardTopUp(http, *m_main.gateway, user, 30'000, card);
    QCOMPARE(steps.authorize.status, 200); // refused when charged, not when entered
    const HttpResponse r = http.send(confirmTopUpRequest(user, steps, 30'000, "decline"));
    QCOMPARE(r.status, 402);
    QCOMPARE(r.errorCode(), u"PAYMENT_DECLINED"_s);
    const QJsonObject details
        = r.json().value(u"error"_s).toObject().value(u"details"_s).toObject();
    QCOMPARE(details.value(u"gatewayCode"_s).toString(), gatewayCode);
    QVERIFY(!details.value(u"message"_s).toString().isEmpty());
    QCOMPARE(orderStatus(fx, steps.orderId), u"FAILED"_s);
    QCOMPARE(balance(fx, user), 0);
    // A retry says the same and still credits nothing.
    QCOMPARE(http.send(confirmTopUpRequest(user, steps, 30'000, "decline-2")).errorCode(),
             u"PAYMENT_DECLINED"_s);
    QCOMPARE(topUpEntries(fx, steps.orderId), 0);
}

void TestTopUps::luhnInvalidNumberNeverReachesAnOrder()
{
    Fixtures &fx = *m_main.fixtures;
    const TestUser user = newUser(fx, u"luhn"_s);
    const CardTopUpSteps steps = prepareCardTopUp(m_main.server->client(), *m_main.gateway, user,
                                                  10'000, QString::fromLatin1(cards::kLuhnInvalid));
    QCOMPARE(steps.authorize.status, 402);
    QCOMPARE(steps.authorize.json().value(u"code"_s).toString(), u"INVALID_CARD_NUMBER"_s);
    QCOMPARE(orderStatus(fx, steps.orderId), u"PENDING"_s);
    QCOMPARE(balance(fx, user), 0);
}

void TestTopUps::secondConfirmationStep()
{
    Fixtures &fx = *m_main.fixtures;
    const TestUser user = newUser(fx, u"otp"_s);
    const HttpClient http = m_main.server->client();
    const CardTopUpSteps steps = prepareCardTopUp(http, *m_main.gateway, user, 20'000,
                                                  QString::fromLatin1(cards::kNeedsAuthentication));
    QCOMPARE(steps.authorize.json().value(u"status"_s).toString(), u"IN_PROGRESS"_s);
    QVERIFY(!steps.authorize.json().value(u"challenge"_s).toString().isEmpty());
    const HttpResponse early = http.send(confirmTopUpRequest(user, steps, 20'000, "otp-1"));
    QCOMPARE(early.errorCode(), u"PAYMENT_DECLINED"_s);
    QCOMPARE(orderStatus(fx, steps.orderId), u"PENDING"_s); // the cardholder may still finish

    const QJsonObject code {{u"paymentKey"_s, steps.paymentKey}, {u"code"_s, u"123456"_s}};
    // Card entry is the app's (client key), never the merchant's.
    QCOMPARE(m_main.gateway->merchant("POST", "/v1/cards/authenticate", code).status, 401);
    QCOMPARE(m_main.gateway
                 ->cardEntry("/v1/cards/authenticate",
                             {{u"paymentKey"_s, steps.paymentKey}, {u"code"_s, u"000000"_s}})
                 .status,
             402);
    const HttpResponse passed = m_main.gateway->cardEntry("/v1/cards/authenticate", code);
    QCOMPARE(passed.json().value(u"status"_s).toString(), u"READY"_s);
    const HttpResponse done = http.send(confirmTopUpRequest(user, steps, 20'000, "otp-2"));
    QVERIFY2(done.status == 201, done.body.constData());
    QCOMPARE(balance(fx, user), 20'000);
}

void TestTopUps::tamperedAmountIsRefusedAndCancelled_data()
{
    QTest::addColumn<qint64>("authorised");
    QTest::addColumn<qint64>("claimed");
    // The app authorised the order's amount but claims less; or it authorised less and claims
    // the order's amount (the gateway refuses to charge what the card did not authorise).
    QTest::addRow("claims less than the order") << qint64(80'000) << qint64(8'000);
    QTest::addRow("card authorised less") << qint64(8'000) << qint64(80'000);
}

void TestTopUps::tamperedAmountIsRefusedAndCancelled()
{
    QFETCH(qint64, authorised);
    QFETCH(qint64, claimed);
    Fixtures &fx = *m_main.fixtures;
    const TestUser user = newUser(fx, u"tamper"_s);
    const HttpClient http = m_main.server->client();
    HttpRequest order {"POST", "/api/v1/wallet/top-up-orders", {}, {}};
    order.bearer(user.token).json({{u"amount"_s, 80'000}});
    CardTopUpSteps steps;
    steps.order = http.send(order);
    steps.orderId = field(steps.order, u"order"_s, u"id"_s);
    steps.authorize = m_main.gateway->authorize(steps.orderId, authorised,
                                                QString::fromLatin1(cards::kApprove));
    steps.paymentKey = steps.authorize.json().value(u"paymentKey"_s).toString();

    const HttpResponse r = http.send(confirmTopUpRequest(user, steps, claimed, "tamper"));
    QCOMPARE(r.status, 422);
    QCOMPARE(r.errorCode(), u"VALIDATION_FAILED"_s);
    QCOMPARE(orderStatus(fx, steps.orderId), u"FAILED"_s);
    QCOMPARE(balance(fx, user), 0);
    const HttpResponse payment
        = m_main.gateway->merchant("GET", "/v1/payments/" + steps.paymentKey.toLatin1());
    QCOMPARE(payment.json().value(u"status"_s).toString(), u"CANCELED"_s);
}

void TestTopUps::confirmationsAndWebhookRace()
{
    Fixtures &fx = *m_main.fixtures;
    const TestUser user = newUser(fx, u"race"_s);
    const HttpClient http = m_main.server->client();
    const CardTopUpSteps steps = prepareCardTopUp(http, *m_main.gateway, user, 70'000);
    // Twelve confirmations at once, each with its own key, while the gateway's DONE webhook
    // comes in: one credit.
    QList<HttpRequest> requests;
    for (int i = 0; i < 12; ++i)
        requests.append(confirmTopUpRequest(user, steps, 70'000, "race-" + QByteArray::number(i)));
    const QList<HttpResponse> answers = http.parallel(requests);
    for (const HttpResponse &a : answers) {
        QVERIFY2(a.status == 201, a.body.constData());
        QCOMPARE(a.json().value(u"balance"_s).toInteger(), 70'000);
    }
    QTRY_VERIFY_WITH_TIMEOUT(m_main.gateway->output().contains("delivered, answer 200"), kWaitMs);
    QCOMPARE(balance(fx, user), 70'000);
    QCOMPARE(topUpEntries(fx, steps.orderId), 1);
}

QByteArray TestTopUps::postWebhook(const QByteArray &body, const QByteArray &signature, int *status)
{
    HttpRequest r {"POST", "/api/v1/payment-gateway/webhook", body, {}};
    r.headers.append(qMakePair(QByteArray("Content-Type"), QByteArray("application/json")));
    if (!signature.isEmpty())
        r.headers.append(qMakePair(QByteArray("Encore-Signature"), signature));
    const HttpResponse answer = m_main.server->client().send(r);
    *status = answer.status;
    return answer.body;
}

void TestTopUps::forgedAndStaleWebhooksAreRefused()
{
    Fixtures &fx = *m_main.fixtures;
    const TestUser user = newUser(fx, u"forged"_s);
    const CardTopUpSteps steps
        = prepareCardTopUp(m_main.server->client(), *m_main.gateway, user, 90'000);
    // A DONE event for the authorised (not charged) payment, as a forger would write it.
    gateway::Payment fake;
    fake.paymentKey = steps.paymentKey;
    fake.orderId = steps.orderId;
    fake.status = gateway::PaymentStatus::Done;
    fake.totalAmount = 90'000;
    fake.approvedAt = QDateTime::currentDateTimeUtc();
    const QByteArray body
        = QJsonDocument(QJsonObject {{u"eventType"_s, u"PAYMENT_STATUS_CHANGED"_s},
                                     {u"createdAt"_s, isoTime(fake.approvedAt)},
                                     {u"data"_s, fake.toJson()}})
              .toJson(QJsonDocument::Compact);
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    int status = 0;
    postWebhook(body, gateway::signWebhook("not the secret", now, body), &status);
    QCOMPARE(status, 401);
    postWebhook(body, {}, &status);
    QCOMPARE(status, 401);
    postWebhook(body, "t=" + QByteArray::number(now) + ",v1=zz", &status);
    QCOMPARE(status, 401);
    QByteArray tampered = gateway::signWebhook(m_main.gateway->webhookSecret(), now, body);
    postWebhook(QByteArray(body).replace("90000", "99000"), tampered, &status);
    QCOMPARE(status, 401);
    // Correctly signed but more than five minutes old (or ahead).
    postWebhook(body, gateway::signWebhook(m_main.gateway->webhookSecret(), now - 301, body),
                &status);
    QCOMPARE(status, 401);
    postWebhook(body, gateway::signWebhook(m_main.gateway->webhookSecret(), now + 301, body),
                &status);
    QCOMPARE(status, 401);
    QCOMPARE(balance(fx, user), 0);
    QCOMPARE(orderStatus(fx, steps.orderId), u"PENDING"_s);

    // An event we do not know, properly signed: 200, nothing happens; sent again byte for byte:
    // a replay, refused.
    const QByteArray unknown = R"({"eventType":"DEPOSIT_CALLBACK","data":{}})";
    const QByteArray signature
        = gateway::signWebhook(m_main.gateway->webhookSecret(), now, unknown);
    postWebhook(unknown, signature, &status);
    QCOMPARE(status, 200);
    const QByteArray ignored
        = R"({"eventType":"PAYMENT_STATUS_CHANGED","data":{"paymentKey":"x"}})";
    postWebhook(ignored, gateway::signWebhook(m_main.gateway->webhookSecret(), now, ignored),
                &status);
    QCOMPARE(status, 200);
}

void TestTopUps::ordersBelongToTheirCustomer()
{
    Fixtures &fx = *m_main.fixtures;
    const TestUser alice = newUser(fx, u"alice"_s);
    const TestUser mallory = newUser(fx, u"mallory"_s);
    const HttpClient http = m_main.server->client();
    const CardTopUpSteps steps = prepareCardTopUp(http, *m_main.gateway, alice, 12'000);
    // Mallory cannot confirm (or even see) Alice's order, nor cancel her payment by tampering.
    const HttpResponse theft = http.send(confirmTopUpRequest(mallory, steps, 1, "steal"));
    QCOMPARE(theft.status, 404);
    QCOMPARE(m_main.gateway->merchant("GET", "/v1/payments/" + steps.paymentKey.toLatin1())
                 .json()
                 .value(u"status"_s)
                 .toString(),
             u"READY"_s);
    const HttpResponse list = http.get("/api/v1/wallet/top-up-orders", mallory.token);
    QCOMPARE(list.status, 200);
    QCOMPARE(list.json().value(u"orders"_s).toArray().size(), 0);
    const HttpResponse mine = http.get("/api/v1/wallet/top-up-orders", alice.token);
    QCOMPARE(mine.json().value(u"orders"_s).toArray().size(), 1);
    QCOMPARE(mine.json().value(u"orders"_s).toArray().first().toObject().value(u"id"_s).toString(),
             steps.orderId);
    // Staff listings are for staff.
    QCOMPARE(http.get("/api/v1/admin/top-up-orders", alice.token).status, 403);
    QCOMPARE(http.post("/api/v1/admin/top-up-orders/" + steps.orderId.toLatin1() + "/refund",
                       {{u"reason"_s, u"please"_s}}, alice.token)
                 .status,
             403);
}

void TestTopUps::freeTopUpIsGone()
{
    Fixtures &fx = *m_main.fixtures;
    const TestUser user = newUser(fx, u"free"_s);
    HttpRequest r {"POST", "/api/v1/wallet/top-ups", {}, {}};
    r.bearer(user.token).idempotencyKey("free").json({{u"amount"_s, 100'000}});
    const HttpResponse answer = m_main.server->client().send(r);
    QCOMPARE(answer.status, 422);
    QCOMPARE(balance(fx, user), 0);
}

void TestTopUps::staffRefundToCard()
{
    Fixtures &fx = *m_main.fixtures;
    const TestUser staff = staffUser(fx);
    const TestUser user = newUser(fx, u"refundee"_s);
    const HttpClient http = m_main.server->client();
    const CardTopUpSteps steps = prepareCardTopUp(http, *m_main.gateway, user, 40'000);
    QCOMPARE(http.send(confirmTopUpRequest(user, steps, 40'000, "refund")).status, 201);

    const HttpResponse list = http.get("/api/v1/admin/top-up-orders?status=PAID", staff.token);
    QCOMPARE(list.status, 200);
    bool listed = false;
    for (const QJsonValue &v : list.json().value(u"orders"_s).toArray())
        listed |= v.toObject().value(u"id"_s).toString() == steps.orderId
            && v.toObject().value(u"username"_s).toString() == user.username;
    QVERIFY(listed);

    const QByteArray path = "/api/v1/admin/top-up-orders/" + steps.orderId.toLatin1() + "/refund";
    QCOMPARE(http.post(path, {{u"reason"_s, u"x"_s}}, staff.token).status, 422); // reason too short
    const HttpResponse refund
        = http.post(path, {{u"reason"_s, u"charged by mistake"_s}}, staff.token);
    QCOMPARE(refund.status, 200);
    QCOMPARE(field(refund, u"order"_s, u"status"_s), u"CANCELLED"_s);
    QCOMPARE(balance(fx, user), 0);
    QCOMPARE(m_main.gateway->merchant("GET", "/v1/payments/" + steps.paymentKey.toLatin1())
                 .json()
                 .value(u"status"_s)
                 .toString(),
             u"CANCELED"_s);
    QCOMPARE(fx.scalar(u"SELECT count(*) FROM audit_log WHERE action = 'top-up.refund-to-card' "
                       "AND target = ?"_s,
                       {u"top-up-order:"_s + steps.orderId})
                 .toInt(),
             1);
    QCOMPARE(http.post(path, {{u"reason"_s, u"charged by mistake"_s}}, staff.token).status, 409);

    // Spent money cannot go back to the card: refused, nothing changes anywhere.
    const TestUser spender = newUser(fx, u"spender"_s);
    const CardTopUpSteps spent = prepareCardTopUp(http, *m_main.gateway, spender, 60'000);
    QCOMPARE(http.send(confirmTopUpRequest(spender, spent, 60'000, "spent")).status, 201);
    fx.scalar(
        u"WITH w AS (UPDATE wallets SET balance = balance - 50000 WHERE user_id = ?::uuid "
        "RETURNING user_id, balance) INSERT INTO wallet_ledger(user_id, amount, balance_after, "
        "kind, reference) SELECT user_id, -50000, balance, 'PAYMENT', 'tickets' FROM w "
        "RETURNING 1"_s,
        {spender.id.toString(QUuid::WithoutBraces)});
    const HttpResponse refused
        = http.post("/api/v1/admin/top-up-orders/" + spent.orderId.toLatin1() + "/refund",
                    {{u"reason"_s, u"customer asked"_s}}, staff.token);
    QCOMPARE(refused.status, 402);
    QCOMPARE(refused.errorCode(), u"INSUFFICIENT_BALANCE"_s);
    QCOMPARE(balance(fx, spender), 10'000);
    QCOMPARE(orderStatus(fx, spent.orderId), u"PAID"_s);
    QCOMPARE(m_main.gateway->merchant("GET", "/v1/payments/" + spent.paymentKey.toLatin1())
                 .json()
                 .value(u"status"_s)
                 .toString(),
             u"DONE"_s);
}

void TestTopUps::reconciliationFindsInjectedMismatches()
{
    Fixtures &fx = *m_main.fixtures;
    const TestUser staff = staffUser(fx);
    const HttpClient http = m_main.server->client();
    // Decoded through the shared type, as the staff console reads it.
    const auto report = [&] {
        const auto r = ReconciliationReport::fromJson(
            http.get(api::adminReconciliation().toUtf8(), staff.token).json());
        return r ? r.value() : ReconciliationReport {};
    };
    QTRY_VERIFY_WITH_TIMEOUT(report().ok, kWaitMs);
    QCOMPARE(report().settlements, SettlementCheck::Checked);

    // A charge taken back at the gateway behind our back: the settlement report disagrees.
    const TestUser user = newUser(fx, u"recon"_s);
    const CardTopUpSteps steps = prepareCardTopUp(http, *m_main.gateway, user, 15'000);
    QCOMPARE(http.send(confirmTopUpRequest(user, steps, 15'000, "recon")).status, 201);
    QCOMPARE(m_main.gateway
                 ->merchant("POST", "/v1/payments/" + steps.paymentKey.toLatin1() + "/cancel",
                            {{u"cancelReason"_s, u"outside Encore"_s}}, "outside")
                 .status,
             200);
    ReconciliationReport r = report();
    QVERIFY(!r.ok);
    QCOMPARE(r.problemCount(), 1);
    const QList<FindingRow> disagree = r.finding(FindingKind::GatewayDisagrees).rows;
    QCOMPARE(disagree.size(), 1);
    QCOMPARE(disagree.first().paymentKey, steps.paymentKey);
    QCOMPARE(disagree.first().orderStatus, TopUpOrderStatus::Paid);
    QCOMPARE(disagree.first().gatewayStatus, gateway::PaymentStatus::Canceled);

    // A second TOPUP entry for one order cannot even be written...
    bool refused = false;
    try {
        fx.db().transact([&] {
            fx.db().exec(u"INSERT INTO wallet_ledger(user_id, amount, balance_after, kind, "
                         "reference, top_up_order_id) VALUES (?::uuid, 15000, 15000, 'TOPUP', 'x', "
                         "?::uuid)"_s,
                         {user.id.toString(QUuid::WithoutBraces), steps.orderId});
        });
    } catch (const server::DbError &e) {
        refused = e.isUniqueViolation();
    }
    QVERIFY(refused);
    // ...but a lost one, or one moved to a failed order, is found.
    const CardTopUpSteps failed = prepareCardTopUp(http, *m_main.gateway, user, 5'000,
                                                   QString::fromLatin1(cards::kDecline));
    QCOMPARE(http.send(confirmTopUpRequest(user, failed, 5'000, "recon-fail")).status, 402);
    fx.scalar(u"UPDATE wallet_ledger SET top_up_order_id = ?::uuid WHERE top_up_order_id = ?::uuid "
              "AND kind = 'TOPUP' RETURNING 1"_s,
              {failed.orderId, steps.orderId});
    r = report();
    const QList<FindingRow> unpaired = r.finding(FindingKind::OrdersWithoutOneTopUpEntry).rows;
    QCOMPARE(unpaired.size(), 1);
    QCOMPARE(unpaired.first().orderId, steps.orderId);
    QCOMPARE(unpaired.first().entries, 0);
    const QList<FindingRow> orphans = r.finding(FindingKind::TopUpEntriesWithoutPaidOrder).rows;
    QCOMPARE(orphans.size(), 1);
    QCOMPARE(orphans.first().orderStatus, TopUpOrderStatus::Failed);
    // Put things back, so later checks start clean: the entry home, the order refunded.
    fx.scalar(u"UPDATE wallet_ledger SET top_up_order_id = ?::uuid WHERE top_up_order_id = ?::uuid "
              "RETURNING 1"_s,
              {steps.orderId, failed.orderId});
    fx.scalar(u"UPDATE top_up_orders SET status = 'CANCELLED', cancelled_at = now() "
              "WHERE id = ?::uuid RETURNING 1"_s,
              {steps.orderId});
    // A refund to the card with no wallet debit yet is found too.
    const QList<FindingRow> refunds = report().finding(FindingKind::CardRefundMismatches).rows;
    QCOMPARE(refunds.size(), 1);
    QCOMPARE(refunds.first().orderId, steps.orderId);
    QCOMPARE(refunds.first().debited, 0);
    fx.scalar(
        u"WITH w AS (UPDATE wallets SET balance = balance - 15000 WHERE user_id = ?::uuid "
        "RETURNING user_id, balance) INSERT INTO wallet_ledger(user_id, amount, balance_after, "
        "kind, reference, top_up_order_id) SELECT user_id, -15000, balance, 'CARD_REFUND', "
        "'fix', ?::uuid FROM w RETURNING 1"_s,
        {user.id.toString(QUuid::WithoutBraces), steps.orderId});
    QVERIFY(report().ok);

    // An order that names another payment: the gateway's charge is credited nowhere, and our
    // credit is in none of its settlements.
    const CardTopUpSteps swapped = prepareCardTopUp(http, *m_main.gateway, user, 8'000);
    QCOMPARE(http.send(confirmTopUpRequest(user, swapped, 8'000, "recon-swap")).status, 201);
    const auto setKey = [&](const QString &key) {
        fx.scalar(u"UPDATE top_up_orders SET payment_key = ? WHERE id = ?::uuid RETURNING 1"_s,
                  {key, swapped.orderId});
    };
    setKey(u"tpk_not_at_the_gateway"_s);
    r = report();
    QCOMPARE(r.problemCount(), 2);
    QCOMPARE(r.finding(FindingKind::ChargedNotCredited).rows.value(0).paymentKey,
             swapped.paymentKey);
    QCOMPARE(r.finding(FindingKind::ChargedNotCredited).rows.value(0).gatewayStatus,
             gateway::PaymentStatus::Done);
    QCOMPARE(r.finding(FindingKind::CreditedNotSettled).rows.value(0).paymentKey,
             u"tpk_not_at_the_gateway"_s);
    setKey(swapped.paymentKey);
    QVERIFY(report().ok);
}

// scripts/run.sh stops the sandbox with the server and starts both again: with its state file
// the gateway still knows what it charged, so reconciliation stays clean after the restart
// (without it, every earlier top-up read "credited, not in the gateway's settlements").
void TestTopUps::gatewayRestartKeepsItsRecords()
{
    QTemporaryDir dir;
    PaymentSetup setup;
    QVERIFY(setup.start({u"--state-file"_s, dir.filePath(u"pay-sandbox.json"_s)}, {}));
    const TestUser staff = staffUser(*setup.fixtures);
    const TestUser user = newUser(*setup.fixtures, u"restart"_s);
    const HttpClient http = setup.server->client();
    const CardTopUpSteps steps = prepareCardTopUp(http, *setup.gateway, user, 25'000);
    QCOMPARE(http.send(confirmTopUpRequest(user, steps, 25'000, "restart")).status, 201);
    const QByteArray payment = "/v1/payments/" + steps.paymentKey.toLatin1();
    const HttpResponse before = setup.gateway->merchant("GET", payment);
    QCOMPARE(before.status, 200);

    setup.gateway->stop();
    QVERIFY(setup.gateway->start(
        u"http://127.0.0.1:%1%2"_s.arg(setup.server->port()).arg(api::paymentGatewayWebhook())));
    QCOMPARE(setup.gateway->merchant("GET", payment).body, before.body);
    const auto report = ReconciliationReport::fromJson(
        http.get(api::adminReconciliation().toUtf8(), staff.token).json());
    QVERIFY(report);
    QCOMPARE(report->settlements, SettlementCheck::Checked);
    QVERIFY2(report->ok, qPrintable(QString::number(report->problemCount())));
    // A second top-up after the restart is charged and credited as usual.
    QCOMPARE(cardTopUp(http, *setup.gateway, user, 5'000).status, 201);
}

CardTopUpSteps TestTopUps::slowTopUp(PaymentSetup &setup, int delayMs, int timeoutMs, qint64 amount,
                                     TestUser *user)
{
    if (!setup.start({u"--confirm-delay-ms"_s, QString::number(delayMs)},
                     {u"--payment-timeout-ms"_s, QString::number(timeoutMs)}, false))
        return {};
    m_others.append(&setup);
    *user = newUser(*setup.fixtures, u"slow"_s);
    return prepareCardTopUp(setup.server->client(), *setup.gateway, *user, amount,
                            QString::fromLatin1(cards::kTimeoutOnConfirm));
}

void TestTopUps::timeoutThenLookup()
{
    // The gateway charges but answers after 4 s; the server waits 1 s.
    TestUser user;
    const CardTopUpSteps steps = slowTopUp(m_slow, 4'000, 1'000, 25'000, &user);
    QVERIFY(!steps.paymentKey.isEmpty());
    Fixtures &fx = *m_slow.fixtures;
    const HttpClient http = m_slow.server->client();
    const HttpRequest confirm = confirmTopUpRequest(user, steps, 25'000, "slow-1");
    const HttpResponse first = http.send(confirm);
    QCOMPARE(first.status, 503);
    QCOMPARE(first.errorCode(), u"UNAVAILABLE"_s);
    QCOMPARE(orderStatus(fx, steps.orderId), u"PENDING"_s);
    // No webhooks here: only the resolver's lookup can settle it.
    QTRY_COMPARE_WITH_TIMEOUT(orderStatus(fx, steps.orderId), u"PAID"_s, kWaitMs);
    QCOMPARE(balance(fx, user), 25'000);
    // The app's retry with the same key finds it done.
    const HttpResponse retry = http.send(confirm);
    QCOMPARE(retry.status, 201);
    QCOMPARE(retry.json().value(u"balance"_s).toInteger(), 25'000);
    QCOMPARE(topUpEntries(fx, steps.orderId), 1);
}

void TestTopUps::crashBetweenChargeAndCommit()
{
    // The gateway charges and answers after 3 s; the server is killed while it waits.
    TestUser user;
    const CardTopUpSteps steps = slowTopUp(m_crash, 3'000, 20'000, 35'000, &user);
    QVERIFY(!steps.paymentKey.isEmpty());
    Fixtures &fx = *m_crash.fixtures;
    const HttpClient http = m_crash.server->client();
    const QList<HttpResponse> cut
        = http.parallel({confirmTopUpRequest(user, steps, 35'000, "crash-1")}, 1'000);
    QCOMPARE(cut.first().status, 0); // still waiting for the gateway
    QTRY_VERIFY_WITH_TIMEOUT(m_crash.gateway->output().contains("confirm 200 (answer delayed)"),
                             kWaitMs);
    m_crash.server->kill();
    QCOMPARE(orderStatus(fx, steps.orderId), u"PENDING"_s);
    QCOMPARE(balance(fx, user), 0);
    QCOMPARE(m_crash.gateway->merchant("GET", "/v1/payments/" + steps.paymentKey.toLatin1())
                 .json()
                 .value(u"status"_s)
                 .toString(),
             u"DONE"_s); // charged, not yet credited

    QVERIFY(m_crash.server->start());
    QTRY_COMPARE_WITH_TIMEOUT(orderStatus(fx, steps.orderId), u"PAID"_s, kWaitMs);
    QCOMPARE(balance(fx, user), 35'000);
    QCOMPARE(topUpEntries(fx, steps.orderId), 1);
}

void TestTopUps::duplicatedAndReorderedWebhooks()
{
    QVERIFY(m_chaos.start({u"--webhook-chaos"_s}, {}));
    m_others.append(&m_chaos);
    Fixtures &fx = *m_chaos.fixtures;
    const HttpClient http = m_chaos.server->client();
    const auto confirmAtGateway = [&](const CardTopUpSteps &s, qint64 amount) {
        // As if our server's confirmation answer were lost: only webhooks tell it.
        return m_chaos.gateway->merchant(
            "POST", "/v1/payments/confirm",
            {{u"paymentKey"_s, s.paymentKey}, {u"orderId"_s, s.orderId}, {u"amount"_s, amount}},
            "direct-" + s.paymentKey.toLatin1());
    };

    // Each event arrives three times (once as an exact replay): credited once.
    const TestUser user = newUser(fx, u"dupes"_s);
    const CardTopUpSteps paid = prepareCardTopUp(http, *m_chaos.gateway, user, 45'000);
    QCOMPARE(confirmAtGateway(paid, 45'000).status, 200);
    QTRY_COMPARE_WITH_TIMEOUT(orderStatus(fx, paid.orderId), u"PAID"_s, kWaitMs);
    QTRY_VERIFY_WITH_TIMEOUT(m_chaos.gateway->output().contains("delivered, answer 409"), kWaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(m_chaos.gateway->output().count("delivered, answer"), 3, kWaitMs);
    QCOMPARE(balance(fx, user), 45'000);
    QCOMPARE(topUpEntries(fx, paid.orderId), 1);

    // Charged, then cancelled at once: the events arrive newest first (CANCELED before DONE).
    // The payment ended cancelled, so the wallet must end without it.
    const TestUser other = newUser(fx, u"reorder"_s);
    const CardTopUpSteps undone = prepareCardTopUp(http, *m_chaos.gateway, other, 55'000);
    QCOMPARE(confirmAtGateway(undone, 55'000).status, 200);
    QCOMPARE(m_chaos.gateway
                 ->merchant("POST", "/v1/payments/" + undone.paymentKey.toLatin1() + "/cancel",
                            {{u"cancelReason"_s, u"changed my mind"_s}}, "undo")
                 .status,
             200);
    QTest::qWaitFor([&] { return m_chaos.gateway->output().count("delivered, answer") >= 9; },
                    60'000);
    QVERIFY2(m_chaos.gateway->output().count("delivered, answer") == 9,
             m_chaos.gateway->output().constData());
    QCOMPARE(orderStatus(fx, undone.orderId), u"FAILED"_s);
    QCOMPARE(balance(fx, other), 0);
    QCOMPARE(topUpEntries(fx, undone.orderId), 0);
}

void TestTopUps::cardNumbersNeverReachServerOrDatabase()
{
    // Every card number the tests above typed, in the forms a leak could take.
    QList<QByteArray> numbers;
    for (const char *n : {cards::kApprove, cards::kDecline, cards::kInsufficientFunds,
                          cards::kTimeoutOnConfirm, cards::kNeedsAuthentication}) {
        const QByteArray digits(n);
        numbers << digits
                << digits.left(4) + ' ' + digits.mid(4, 4) + ' ' + digits.mid(8, 4) + ' '
                + digits.mid(12);
    }
    const QString pgDump = [] {
        QProcess p;
        p.start(u"pg_config"_s, {u"--bindir"_s});
        p.waitForFinished();
        return QString::fromLocal8Bit(p.readAllStandardOutput()).trimmed() + u"/pg_dump"_s;
    }();
    for (PaymentSetup *setup : std::as_const(m_others)) {
        setup->server->stop(); // flush everything it logged
        const QByteArray log = setup->server->output();
        QVERIFY(log.contains("paid")); // the log is really there
        QProcess dump;
        dump.start(pgDump, {u"--dbname"_s, TestCluster::url(setup->server->database())});
        QVERIFY(dump.waitForFinished(60'000));
        const QByteArray data = dump.readAllStandardOutput();
        QVERIFY2(data.contains("top_up_orders"), dump.readAllStandardError().constData());
        for (const QByteArray &n : std::as_const(numbers)) {
            QVERIFY2(!log.contains(n), n.constData());
            QVERIFY2(!data.contains(n), n.constData());
        }
    }
}

QTEST_GUILESS_MAIN(TestTopUps)
#include "tst_topups.moc"
