// ApiClient against a real encore-server: typed results, the server's errors decoded from the
// envelope, idempotent retries that re-use the key (charged once across a server restart), and
// network failures in plain words with reachability signals. Against a scripted HTTP server: what
// proxies and broken servers send (HTML 502, 429 with Retry-After, malformed JSON, a dropped
// connection, a bare 401) ends as one ApiError in words; CSV downloads take the same path.
#include "apipaths.h"
#include "net/adminapi.h"
#include "net/apiclient.h"
#include "net/errortext.h"

#include "cardtopup.h"
#include "fixtures.h"
#include "scriptedhttpserver.h"
#include "testserver.h"

#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>

#include <memory>
#include <optional>

using namespace Qt::StringLiterals;
using namespace encore;
using namespace encore::test;

namespace {
// Collects one callback's result; QTRY_VERIFY(w.done()) waits for it.
template<typename T> struct Wait {
    std::shared_ptr<std::optional<Result<T>>> slot = std::make_shared<std::optional<Result<T>>>();
    ApiClient::Callback<T> callback()
    {
        return [s = slot](Result<T> r) {
            s->emplace(std::move(r));
        };
    }
    bool done() const { return slot->has_value(); }
    const Result<T> &result() const { return **slot; }
};

constexpr int kWaitMs = 20'000;

// The failure text of a result (QVERIFY2 evaluates its message even when the check passes).
template<typename T> QByteArray why(const Result<T> &r)
{
    return r.ok() ? QByteArray() : r.error().message.toUtf8();
}
} // namespace

class TestApiClient final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void registerAndLogin();
    void decodesTheErrorEnvelope();
    void typedBookingFlow();
    void networkFailureIsPlainAndRetried();
    void retriedTopUpAcrossRestartChargesOnce();
    void failuresWithoutTheServerInWords_data();
    void failuresWithoutTheServerInWords();
    void csvDownloadTakesTheSamePath();

private:
    ApiClient *newClient(const TestUser *user = nullptr);
    // An order created through `api` and paid for at the gateway (not yet confirmed).
    std::pair<QUuid, QString> authorisedOrder(ApiClient *api, Money amount);

    GatewayServer m_world; // the server and the card gateway
    TestServer *m_server = nullptr;
    std::unique_ptr<Fixtures> m_fixtures;
    QList<std::shared_ptr<ApiClient>> m_clients;
};

void TestApiClient::initTestCase()
{
    QVERIFY(m_world.start({}, {u"--demo-data"_s}));
    m_server = m_world.server.get();
    m_fixtures = std::make_unique<Fixtures>(m_server->database());
}

void TestApiClient::cleanupTestCase()
{
    m_clients.clear();
    m_fixtures.reset();
    m_world.server.reset();
    m_world.gateway.reset();
}

std::pair<QUuid, QString> TestApiClient::authorisedOrder(ApiClient *api, Money amount)
{
    Wait<TopUpOrderCreated> order;
    api->createTopUpOrder(amount, this, order.callback());
    if (!QTest::qWaitFor([&] { return order.done(); }, kWaitMs) || !order.result())
        return {};
    const HttpResponse card
        = m_world.gateway->authorize(order.result()->order.id.toString(QUuid::WithoutBraces),
                                     amount, QString::fromLatin1(cards::kApprove));
    return {order.result()->order.id, card.json().value(u"paymentKey"_s).toString()};
}

ApiClient *TestApiClient::newClient(const TestUser *user)
{
    auto api = std::make_shared<ApiClient>();
    api->setBaseUrl(QUrl(u"http://127.0.0.1:%1"_s.arg(m_server->port())));
    api->setRetryPolicy({4, 100, 400});
    if (user)
        api->setSessionToken(QString::fromLatin1(user->token));
    m_clients.append(api);
    return api.get();
}

void TestApiClient::registerAndLogin()
{
    ApiClient *api = newClient();
    Wait<Session> registered;
    api->registerUser(u"apiclient-user"_s, u"long-password-1"_s, this, registered.callback());
    QTRY_VERIFY_WITH_TIMEOUT(registered.done(), kWaitMs);
    QVERIFY2(registered.result().ok(), why(registered.result()).constData());
    QCOMPARE(registered.result()->user.username, u"apiclient-user"_s);
    QVERIFY(!registered.result()->token.isEmpty());

    Wait<Session> again;
    api->registerUser(u"apiclient-user"_s, u"long-password-1"_s, this, again.callback());
    QTRY_VERIFY_WITH_TIMEOUT(again.done(), kWaitMs);
    QCOMPARE(again.result().error().code, ErrorCode::Conflict);

    Wait<Session> wrong;
    api->login(u"apiclient-user"_s, u"not-the-password"_s, this, wrong.callback());
    QTRY_VERIFY_WITH_TIMEOUT(wrong.done(), kWaitMs);
    QCOMPARE(wrong.result().error().code, ErrorCode::Unauthenticated);

    Wait<Session> right;
    api->login(u"apiclient-user"_s, u"long-password-1"_s, this, right.callback());
    QTRY_VERIFY_WITH_TIMEOUT(right.done(), kWaitMs);
    QVERIFY(right.result().ok());
    api->setSessionToken(right.result()->token);
    Wait<User> me;
    api->me(this, me.callback());
    QTRY_VERIFY_WITH_TIMEOUT(me.done(), kWaitMs);
    QCOMPARE(me.result()->username, u"apiclient-user"_s);
}

void TestApiClient::decodesTheErrorEnvelope()
{
    QList<TestUser> users = m_fixtures->createUsers(1, 0, u"envelope"_s);
    const qint64 concert = m_fixtures->createConcert(u"Envelope"_s);
    const qint64 schedule = m_fixtures->schedulesOf(concert).first();
    ApiClient *api = newClient(&users.first());
    // No queue token: the seat map is protected by the queue.
    Wait<SeatMap> seats;
    api->seatMap(schedule, this, seats.callback());
    QTRY_VERIFY_WITH_TIMEOUT(seats.done(), kWaitMs);
    const ApiError &e = seats.result().error();
    QCOMPARE(e.code, ErrorCode::QueueNotActive);
    QVERIFY(!e.message.isEmpty());
    QVERIFY(!e.details.value(u"requestId"_s).toString().isEmpty());
    // A forged session is reported as such.
    api->setSessionToken(u"forged"_s);
    QSignalSpy expired(api, &ApiClient::sessionExpired);
    Wait<WalletInfo> wallet;
    api->wallet(this, wallet.callback());
    QTRY_VERIFY_WITH_TIMEOUT(wallet.done(), kWaitMs);
    QCOMPARE(wallet.result().error().code, ErrorCode::Unauthenticated);
    QCOMPARE(expired.count(), 1);
}

void TestApiClient::typedBookingFlow()
{
    QList<TestUser> users = m_fixtures->createUsers(1, 0, u"flow"_s);
    const qint64 concert = m_fixtures->createConcert(u"Flow"_s);
    const qint64 schedule = m_fixtures->schedulesOf(concert).first();
    m_fixtures->admit(users, concert);
    ApiClient *api = newClient(&users.first());
    api->setQueueToken(QString::fromLatin1(users.first().queueToken));

    Wait<WalletInfo> wallet;
    api->wallet(this, wallet.callback());
    QTRY_VERIFY_WITH_TIMEOUT(wallet.done(), kWaitMs);
    QCOMPARE(wallet.result()->wallet.balance, 0);
    QCOMPARE(wallet.result()->limits.maxTopUp, money::kMaxTopUp);

    Wait<SeatMap> map;
    api->seatMap(schedule, this, map.callback());
    QTRY_VERIFY_WITH_TIMEOUT(map.done(), kWaitMs);
    QCOMPARE(map.result()->seats.size(), 50);

    Wait<Reservation> poor;
    api->holdSeats(schedule, {1, 2}, ApiClient::newIdempotencyKey(), this, poor.callback());
    QTRY_VERIFY_WITH_TIMEOUT(poor.done(), kWaitMs);
    QCOMPARE(poor.result().error().code, ErrorCode::InsufficientBalance);

    // The same key twice is one top-up.
    const QString topUpKey = ApiClient::newIdempotencyKey();
    Wait<TopUpResult> first, second;
    const auto [orderId, paymentKey] = authorisedOrder(api, 400'000);
    QVERIFY(!paymentKey.isEmpty());
    api->topUp(orderId, paymentKey, 400'000, topUpKey, this, first.callback());
    QTRY_VERIFY_WITH_TIMEOUT(first.done(), kWaitMs);
    QCOMPARE(first.result()->balance, 400'000);
    QCOMPARE(first.result()->order.status, TopUpOrderStatus::Paid);
    QCOMPARE(first.result()->order.cardLast4, u"4242"_s);
    api->topUp(orderId, paymentKey, 400'000, topUpKey, this, second.callback());
    QTRY_VERIFY_WITH_TIMEOUT(second.done(), kWaitMs);
    QCOMPARE(second.result()->balance, 400'000);
    QCOMPARE(second.result()->entry.id, first.result()->entry.id);

    Wait<Reservation> held;
    api->holdSeats(schedule, {1, 2}, ApiClient::newIdempotencyKey(), this, held.callback());
    QTRY_VERIFY_WITH_TIMEOUT(held.done(), kWaitMs);
    QVERIFY2(held.result().ok(), why(held.result()).constData());
    QCOMPARE(held.result()->status, ReservationStatus::Held);
    QCOMPARE(held.result()->total, 330'000);

    const QString payKey = ApiClient::newIdempotencyKey();
    Wait<PaymentReceipt> paid, replay;
    api->pay(held.result()->id, payKey, this, paid.callback());
    QTRY_VERIFY_WITH_TIMEOUT(paid.done(), kWaitMs);
    QVERIFY2(paid.result().ok(), why(paid.result()).constData());
    QCOMPARE(paid.result()->balance, 70'000);
    QCOMPARE(paid.result()->reservation.status, ReservationStatus::Paid);
    api->pay(held.result()->id, payKey, this, replay.callback());
    QTRY_VERIFY_WITH_TIMEOUT(replay.done(), kWaitMs);
    QCOMPARE(replay.result()->payment.id, paid.result()->payment.id);

    Wait<QList<Reservation>> mine;
    api->reservations(this, mine.callback());
    QTRY_VERIFY_WITH_TIMEOUT(mine.done(), kWaitMs);
    QCOMPARE(mine.result()->size(), 1);
    QCOMPARE(mine.result()->first().status, ReservationStatus::Paid);

    Wait<QList<LedgerEntry>> ledger;
    api->ledger(this, ledger.callback());
    QTRY_VERIFY_WITH_TIMEOUT(ledger.done(), kWaitMs);
    QCOMPARE(ledger.result()->size(), 2); // one top-up, one payment
}

void TestApiClient::networkFailureIsPlainAndRetried()
{
    // A port nobody listens on: bind one, remember it, close it.
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
    const quint16 deadPort = probe.serverPort();
    probe.close();

    ApiClient api;
    api.setBaseUrl(QUrl(u"http://127.0.0.1:%1"_s.arg(deadPort)));
    api.setRetryPolicy({3, 50, 100});
    api.setSessionToken(u"t"_s);
    QSignalSpy unreachable(&api, &ApiClient::serverUnreachable);
    QSignalSpy retrying(&api, &ApiClient::retrying);
    const QString key = ApiClient::newIdempotencyKey();
    Wait<TopUpResult> topUp;
    api.topUp(QUuid::createUuid(), u"tpk_test"_s, 1000, key, this, topUp.callback());
    QTRY_VERIFY_WITH_TIMEOUT(topUp.done(), kWaitMs);
    const ApiError &e = topUp.result().error();
    QCOMPARE(e.code, ErrorCode::Unavailable);
    QVERIFY(e.message.contains(u"cannot be reached"_s));
    QVERIFY(!e.message.contains(u"503"_s));
    QCOMPARE(unreachable.count(), 1);
    QCOMPARE(retrying.count(), 2);
    for (const QList<QVariant> &call : std::as_const(retrying))
        QCOMPARE(call.at(2).toString(), key);

    // A POST without a key is never repeated.
    retrying.clear();
    Wait<Session> login;
    api.login(u"a"_s, u"b"_s, this, login.callback());
    QTRY_VERIFY_WITH_TIMEOUT(login.done(), kWaitMs);
    QCOMPARE(retrying.count(), 0);
}

void TestApiClient::retriedTopUpAcrossRestartChargesOnce()
{
    QList<TestUser> users = m_fixtures->createUsers(1, 0, u"restart"_s);
    ApiClient *api = newClient(&users.first());
    api->setRetryPolicy({40, 100, 300});
    api->setProbeIntervalMs(200);
    QSignalSpy unreachable(api, &ApiClient::serverUnreachable);
    QSignalSpy reachable(api, &ApiClient::serverReachable);

    const auto [orderId, paymentKey] = authorisedOrder(api, 50'000);
    QVERIFY(!paymentKey.isEmpty());
    m_server->stop();
    const QString key = ApiClient::newIdempotencyKey();
    Wait<TopUpResult> topUp;
    api->topUp(orderId, paymentKey, 50'000, key, this, topUp.callback());
    QTRY_VERIFY_WITH_TIMEOUT(unreachable.count() == 1, kWaitMs);
    QVERIFY(!topUp.done());
    QVERIFY2(m_server->start(), m_server->output().right(2000).constData());
    QTRY_VERIFY_WITH_TIMEOUT(topUp.done(), kWaitMs);
    QVERIFY2(topUp.result().ok(), why(topUp.result()).constData());
    QCOMPARE(topUp.result()->balance, 50'000);
    QTRY_VERIFY_WITH_TIMEOUT(reachable.count() >= 1, kWaitMs);
    QVERIFY(api->isReachable());

    // Sending it again by hand (the user pressing "Try again") still charges once.
    Wait<TopUpResult> again;
    api->topUp(orderId, paymentKey, 50'000, key, this, again.callback());
    QTRY_VERIFY_WITH_TIMEOUT(again.done(), kWaitMs);
    QCOMPARE(again.result()->balance, 50'000);
    Wait<QList<LedgerEntry>> ledger;
    api->ledger(this, ledger.callback());
    QTRY_VERIFY_WITH_TIMEOUT(ledger.done(), kWaitMs);
    QCOMPARE(ledger.result()->size(), 1);
}

void TestApiClient::failuresWithoutTheServerInWords_data()
{
    QTest::addColumn<int>("status"); // 0: the connection is dropped without an answer
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("retryAfter");
    QTest::addColumn<int>("codeNumber"); // an ErrorCode
    QTest::addColumn<QString>("words"); // in what the person reads
    QTest::addColumn<int>("retries"); // repeats of the GET (policy: 3 attempts)
    QTest::addColumn<int>("retryAfterDetail"); // -1: none
    QTest::addColumn<bool>("sessionExpired");

    const QByteArray html = "text/html";
    QTest::addRow("502 from a proxy, HTML, no envelope")
        << 502 << html << QByteArray("<html><body><h1>502 Bad Gateway</h1>nginx</body></html>")
        << QByteArray() << int(ErrorCode::Unavailable) << u"busy or restarting"_s << 2 << -1
        << false;
    QTest::addRow("429 with Retry-After, no envelope")
        << 429 << html << QByteArray("<html><body>Too Many Requests</body></html>")
        << QByteArray("7") << int(ErrorCode::RateLimited) << u"Too many attempts"_s << 0 << 7
        << false;
    QTest::addRow("malformed JSON in a 200")
        << 200 << QByteArray("application/json") << QByteArray(R"({"concerts": [{"id": 1,)")
        << QByteArray() << int(ErrorCode::Internal) << u"went wrong on our side"_s << 0 << -1
        << false;
    QTest::addRow("dropped connection")
        << 0 << QByteArray() << QByteArray() << QByteArray() << int(ErrorCode::Unavailable)
        << u"cannot be reached"_s << 2 << -1 << false;
    QTest::addRow("401 without an envelope")
        << 401 << html << QByteArray("<html><body>401 Authorization Required</body></html>")
        << QByteArray() << int(ErrorCode::Unauthenticated) << u"Your session has ended"_s << 0 << -1
        << true;
    QTest::addRow("401 with the server's envelope")
        << 401 << QByteArray("application/json")
        << QByteArray(R"({"error":{"code":"UNAUTHENTICATED","message":"Please log in."},)"
                      R"("requestId":"r-1"})")
        << QByteArray() << int(ErrorCode::Unauthenticated) << u"Your session has ended"_s << 0 << -1
        << true;
}

void TestApiClient::failuresWithoutTheServerInWords()
{
    QFETCH(int, status);
    QFETCH(QByteArray, contentType);
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, retryAfter);
    QFETCH(int, codeNumber);
    const auto code = ErrorCode(codeNumber);
    QFETCH(QString, words);
    QFETCH(int, retries);
    QFETCH(int, retryAfterDetail);
    QFETCH(bool, sessionExpired);

    ScriptedHttpServer server;
    QVERIFY(server.listen());
    QList<QPair<QByteArray, QByteArray>> headers;
    if (!retryAfter.isEmpty())
        headers.append({"Retry-After", retryAfter});
    server.setReplies({status == 0 ? ScriptedReply::dropConnection()
                                   : ScriptedReply::http(status, contentType, body, headers)});
    ApiClient api;
    api.setBaseUrl(QUrl(server.baseUrl()));
    api.setRetryPolicy({3, 10, 20});
    api.setSessionToken(u"session-token"_s);
    QSignalSpy retrying(&api, &ApiClient::retrying);
    QSignalSpy expired(&api, &ApiClient::sessionExpired);

    Wait<QList<Concert>> concerts;
    api.concerts(this, concerts.callback());
    QTRY_VERIFY_WITH_TIMEOUT(concerts.done(), kWaitMs);
    QVERIFY(!concerts.result().ok());
    const ApiError &e = concerts.result().error();
    QCOMPARE(e.code, code);
    QCOMPARE(retrying.count(), retries);
    QCOMPARE(e.details.value(u"retryAfter"_s).toInt(-1), retryAfterDetail);
    QCOMPARE(expired.count(), sessionExpired ? 1 : 0);
    QVERIFY(!server.requests().isEmpty());
    QCOMPARE(server.requests().first().header("authorization"), QByteArray("Bearer session-token"));

    // What the person reads: words, never the proxy's HTML, a status number or a code name.
    const QString text = ErrorText::describe(e).full();
    QVERIFY2(text.contains(words), qPrintable(text));
    QVERIFY2(!text.contains(u'<') && !text.contains(u"html"_s, Qt::CaseInsensitive),
             qPrintable(text));
    if (status != 0)
        QVERIFY2(!text.contains(QString::number(status)), qPrintable(text));
    QVERIFY2(!text.contains(wordOf(code)), qPrintable(text));
}

void TestApiClient::csvDownloadTakesTheSamePath()
{
    // The staff CSV export goes through ApiClient: its session, Accept, retries and error table.
    ScriptedHttpServer server;
    QVERIFY(server.listen());
    ApiClient api;
    api.setBaseUrl(QUrl(server.baseUrl()));
    api.setRetryPolicy({3, 10, 20});
    api.setSessionToken(u"staff-token"_s);
    AdminApi admin(&api);

    const QByteArray csv = "schedule,sold\n1,12\n";
    server.setReplies({ScriptedReply::dropConnection(),
                       ScriptedReply::http(200, "text/csv; charset=utf-8", csv)});
    Wait<QByteArray> file;
    admin.salesCsv(this, file.callback());
    QTRY_VERIFY_WITH_TIMEOUT(file.done(), kWaitMs);
    QVERIFY2(file.result().ok(), why(file.result()).constData());
    QCOMPARE(file.result().value(), csv);
    // The dropped first attempt was sent again (by Qt's network stack or ApiClient's retry).
    QVERIFY(server.requests().size() >= 2);
    const ScriptedRequest &request = server.requests().last();
    QCOMPARE(request.path, api::adminSalesCsv().toLatin1());
    QCOMPARE(request.header("authorization"), QByteArray("Bearer staff-token"));
    QVERIFY(request.header("accept").startsWith("text/csv"));

    // A proxy's HTML 502 is the same ApiError as for any call, and a bare 401 ends the session.
    server.setReplies({ScriptedReply::http(502, "text/html", "<html>Bad Gateway</html>")});
    Wait<QByteArray> busy;
    admin.attendeesCsv(4, this, busy.callback());
    QTRY_VERIFY_WITH_TIMEOUT(busy.done(), kWaitMs);
    QCOMPARE(busy.result().error().code, ErrorCode::Unavailable);
    QSignalSpy expired(&api, &ApiClient::sessionExpired);
    server.setReplies({ScriptedReply::http(401, "text/html", "<html>401</html>")});
    Wait<QByteArray> denied;
    admin.salesCsv(this, denied.callback());
    QTRY_VERIFY_WITH_TIMEOUT(denied.done(), kWaitMs);
    QCOMPARE(denied.result().error().code, ErrorCode::Unauthenticated);
    QCOMPARE(expired.count(), 1);
}

QTEST_MAIN(TestApiClient)
#include "tst_apiclient.moc"
