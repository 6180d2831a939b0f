// Hostile and broken input over HTTP: malformed and non-object JSON, wrong types, missing
// fields, out-of-range seats and amounts, ids that overflow or are not ids, oversized bodies,
// SQL-injection strings, invalid UTF-8 and bad Idempotency-Keys. Each answers its documented
// 4xx code, never 5xx, and changes nothing in the database.
#include "apipaths.h"
#include "fixtures.h"
#include "testserver.h"

#include <QJsonArray>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace encore::test;
namespace api = encore::api;

namespace {
constexpr QByteArrayView kNoKey = "<none>";
} // namespace

class TestBadInput final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void rejected_data();
    void rejected();
    void cleanupTestCase();

private:
    // Everything a bad request could have touched, as one comparable string.
    QString stateSignature();
    QByteArray substitute(QByteArray text) const;

    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<Fixtures> m_fixtures;
    qint64 m_concert = 0;
    qint64 m_schedule = 0;
    QByteArray m_reservation;
    QHash<QString, TestUser> m_users;
};

void TestBadInput::initTestCase()
{
    m_server = std::make_unique<TestServer>();
    QVERIFY(m_server->start());
    m_fixtures = std::make_unique<Fixtures>(m_server->database());
    m_concert = m_fixtures->createConcert(u"Bad Input"_s, 1);
    m_schedule = m_fixtures->schedulesOf(m_concert).first();
    QList<TestUser> users = m_fixtures->createUsers(1, 500'000, u"alice"_s);
    m_fixtures->admit(users, m_concert);
    m_users.insert(u"alice"_s, users.first());
    // Near the balance cap of 10,000,000: a top-up of 600,000 would pass it.
    m_users.insert(u"rich"_s, m_fixtures->createUsers(1, 9'500'000, u"rich"_s).first());

    // A held reservation to aim payments at.
    HttpRequest hold {"POST", api::reservations().toLatin1(), {}, {}};
    hold.bearer(users.first().token).queueToken(users.first().queueToken);
    hold.json({{u"scheduleId"_s, m_schedule}, {u"seats"_s, QJsonArray {1}}});
    const HttpResponse held = m_server->client().send(hold);
    QCOMPARE(held.status, 201);
    m_reservation
        = held.json().value(u"reservation"_s).toObject().value(u"id"_s).toString().toLatin1();
}

QString TestBadInput::stateSignature()
{
    return m_fixtures
        ->scalar(
            u"SELECT concat_ws(' / ', "
            " (SELECT count(*) FROM users), (SELECT count(*) FROM sessions), "
            " (SELECT string_agg(balance::text, ',' ORDER BY user_id) FROM wallets), "
            " (SELECT count(*) FROM wallet_ledger), (SELECT count(*) FROM payments), "
            " (SELECT string_agg(id::text || status, ',' ORDER BY id) FROM reservations), "
            " (SELECT string_agg(number || status, ',' ORDER BY schedule_id, number) FROM seats), "
            " (SELECT string_agg(status, ',' ORDER BY id) FROM queue_entries), "
            " (SELECT count(*) FROM idempotency_keys), (SELECT count(*) FROM concerts), "
            " (SELECT count(*) FROM schedules))"_s)
        .toString();
}

QByteArray TestBadInput::substitute(QByteArray text) const
{
    return text.replace("{concert}", QByteArray::number(m_concert))
        .replace("{schedule}", QByteArray::number(m_schedule))
        .replace("{reservation}", m_reservation);
}

void TestBadInput::rejected_data()
{
    QTest::addColumn<QString>("who"); // "alice", "rich" or "" (anonymous)
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QByteArray>("path");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("idempotencyKey"); // kNoKey: no header
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("code");

    const QString alice = u"alice"_s;
    const QByteArray noKey = kNoKey.toByteArray();
    const QString bad = u"BAD_REQUEST"_s;
    const QString invalid = u"VALIDATION_FAILED"_s;
    const QString notFound = u"NOT_FOUND"_s;

    // Rows per endpoint; every body is raw bytes, exactly as sent.
    const auto reg
        = [&](const char *name, const QByteArray &body, int status, const QString &code) {
              QTest::addRow("register: %s", name)
                  << QString() << QByteArray("POST") << api::authRegister().toLatin1() << body
                  << noKey << status << code;
          };
    const auto login
        = [&](const char *name, const QByteArray &body, int status, const QString &code) {
              QTest::addRow("login: %s", name)
                  << QString() << QByteArray("POST") << api::authLogin().toLatin1() << body << noKey
                  << status << code;
          };
    const auto hold
        = [&](const char *name, const QByteArray &body, int status, const QString &code) {
              QTest::addRow("hold: %s", name)
                  << alice << QByteArray("POST") << api::reservations().toLatin1() << body << noKey
                  << status << code;
          };
    const auto topUp
        = [&](const char *name, const QByteArray &body, int status, const QString &code,
              const QString &who = u"alice"_s, const QByteArray &key = "top-up-key") {
              QTest::addRow("top-up order: %s", name)
                  << who << QByteArray("POST") << api::walletTopUpOrders().toLatin1() << body << key
                  << status << code;
          };
    const auto confirmTopUp = [&](const char *name, const QByteArray &body, int status,
                                  const QString &code, const QByteArray &key) {
        QTest::addRow("top-up confirmation: %s", name)
            << alice << QByteArray("POST") << api::walletTopUps().toLatin1() << body << key
            << status << code;
    };
    const auto pay = [&](const char *name, const QByteArray &body, int status, const QString &code,
                         const QByteArray &key = "pay-key") {
        QTest::addRow("pay: %s", name) << alice << QByteArray("POST") << api::payments().toLatin1()
                                       << body << key << status << code;
    };
    const auto get = [&](const char *name, const QByteArray &method, const QByteArray &path) {
        QTest::addRow("path: %s", name)
            << alice << method << path << QByteArray() << noKey << 404 << notFound;
    };
    const QByteArray seat2 = R"({"scheduleId": {schedule}, "seats": [2]})";

    // Malformed JSON, non-object JSON, invalid UTF-8.
    reg("truncated JSON", R"({"username": "mallory", "password": "correct horse")", 400, bad);
    reg("trailing comma", R"({"username": "mallory", "password": "correct horse",})", 400, bad);
    reg("single quotes", R"({'username': 'mallory', 'password': 'correct horse'})", 400, bad);
    reg("empty body", "", 400, bad);
    reg("array", R"(["mallory", "correct horse"])", 400, bad);
    reg("string", R"("mallory")", 400, bad);
    reg("number", "42", 400, bad);
    reg("null", "null", 400, bad);
    reg("invalid UTF-8 in value",
        "{\"username\": \"mal\xff\xfeory\", \"password\": \"correct horse\"}", 400, bad);
    reg("invalid UTF-8 overlong",
        "{\"username\": \"mal\xc0\xafory\", \"password\": \"correct horse\"}", 400, bad);
    reg("lone surrogate escape", R"({"username": "mal\ud800ory", "password": "correct horse"})",
        422, invalid);
    reg("NUL escape", R"({"username": "mal\u0000ory", "password": "correct horse"})", 422, invalid);
    hold("truncated JSON", R"({"scheduleId": {schedule}, "seats": [2)", 400, bad);
    hold("empty body", "", 400, bad);
    hold("array", "[2]", 400, bad);
    hold("invalid UTF-8", "{\"scheduleId\": {schedule}, \"seats\": [2], \"x\": \"\xff\"}", 400,
         bad);
    topUp("truncated JSON", R"({"amount": 100)", 400, bad);
    topUp("not JSON", "amount=100", 400, bad);
    topUp("array", "[100]", 400, bad);
    topUp("invalid UTF-8", "{\"amount\": 100, \"note\": \"\xed\xa0\x80\"}", 400, bad);
    pay("not JSON", "reservationId={reservation}", 400, bad);
    pay("string", R"("{reservation}")", 400, bad);

    // Wrong types.
    reg("username a number", R"({"username": 42, "password": "correct horse"})", 400, bad);
    reg("password a boolean", R"({"username": "mallory", "password": true})", 400, bad);
    reg("username an object", R"({"username": {"$ne": ""}, "password": "correct horse"})", 400,
        bad);
    login("username an array", R"({"username": ["alice"], "password": "correct horse"})", 400, bad);
    hold("scheduleId a string", R"({"scheduleId": "{schedule}", "seats": [2]})", 400, bad);
    hold("seats a string", R"({"scheduleId": {schedule}, "seats": "2,3"})", 400, bad);
    hold("seats a number", R"({"scheduleId": {schedule}, "seats": 2})", 400, bad);
    hold("seat a string", R"({"scheduleId": {schedule}, "seats": [2, "3"]})", 400, bad);
    hold("seat null", R"({"scheduleId": {schedule}, "seats": [null]})", 400, bad);
    topUp("amount a string", R"({"amount": "100"})", 400, bad);
    topUp("amount a boolean", R"({"amount": true})", 400, bad);
    topUp("amount an array", R"({"amount": [100]})", 400, bad);
    pay("reservationId a number", R"({"reservationId": 42})", 400, bad);
    pay("reservationId an object", R"({"reservationId": {"id": "{reservation}"}})", 400, bad);

    // Missing fields.
    reg("empty object", "{}", 422, invalid);
    reg("password missing", R"({"username": "mallory"})", 422, invalid);
    login("empty object", "{}", 422, invalid);
    hold("empty object", "{}", 422, invalid);
    hold("seats missing", R"({"scheduleId": {schedule}})", 422, invalid);
    hold("scheduleId missing", R"({"seats": [2]})", 422, invalid);
    hold("scheduleId null", R"({"scheduleId": null, "seats": [2]})", 422, invalid);
    topUp("empty object", "{}", 422, invalid);
    topUp("amount null", R"({"amount": null})", 422, invalid);
    pay("empty object", "{}", 422, invalid);

    // Seats.
    hold("seat 0", R"({"scheduleId": {schedule}, "seats": [0]})", 422, invalid);
    hold("seat 51", R"({"scheduleId": {schedule}, "seats": [51]})", 422, invalid);
    hold("seat -1", R"({"scheduleId": {schedule}, "seats": [-1]})", 422, invalid);
    hold("seat 1.5", R"({"scheduleId": {schedule}, "seats": [1.5]})", 422, invalid);
    hold("seat 2^63", R"({"scheduleId": {schedule}, "seats": [9223372036854775808]})", 422,
         invalid);
    hold("duplicate seats", R"({"scheduleId": {schedule}, "seats": [2, 3, 2]})", 422, invalid);
    hold("five seats", R"({"scheduleId": {schedule}, "seats": [2, 3, 4, 5, 6]})", 422, invalid);
    hold("no seats", R"({"scheduleId": {schedule}, "seats": []})", 422, invalid);
    hold("scheduleId 0", R"({"scheduleId": 0, "seats": [2]})", 422, invalid);
    hold("scheduleId -1", R"({"scheduleId": -1, "seats": [2]})", 422, invalid);
    hold("scheduleId 2^63", R"({"scheduleId": 9223372036854775808, "seats": [2]})", 422, invalid);
    hold("scheduleId 1e308", R"({"scheduleId": 1e308, "seats": [2]})", 422, invalid);
    hold("scheduleId unknown", R"({"scheduleId": 987654321, "seats": [2]})", 404, notFound);

    // Amounts.
    topUp("amount -1", R"({"amount": -1})", 422, invalid);
    topUp("amount 0", R"({"amount": 0})", 422, invalid);
    topUp("amount 1.5", R"({"amount": 1.5})", 422, invalid);
    topUp("amount 2^63", R"({"amount": 9223372036854775808})", 422, invalid);
    topUp("amount -2^63", R"({"amount": -9223372036854775809})", 422, invalid);
    topUp("amount 1e308", R"({"amount": 1e308})", 422, invalid);
    topUp("amount 1e999 (not a JSON double)", R"({"amount": 1e999})", 400, bad);
    topUp("amount over the cap", R"({"amount": 1000001})", 422, invalid);
    topUp("amount past the balance cap", R"({"amount": 600000})", 422, invalid, u"rich"_s);

    // Ids in paths: negative, zero, overflowing, not numbers — no such object.
    get("schedule -1", "GET", api::scheduleSeats(api::PathArg(u"-1")).toLatin1());
    get("schedule 0", "GET", api::scheduleSeats(0).toLatin1());
    get("schedule overflow", "GET",
        api::scheduleSeats(api::PathArg(u"99999999999999999999")).toLatin1());
    get("schedule 2^63", "GET",
        api::scheduleSeats(api::PathArg(u"9223372036854775808")).toLatin1());
    get("schedule abc", "GET", api::scheduleSeats(api::PathArg(u"abc")).toLatin1());
    get("schedule unknown", "GET", api::scheduleSeats(987654321).toLatin1());
    get("concert abc", "GET", api::concert(api::PathArg(u"abc")).toLatin1());
    get("concert -1", "GET", api::concert(api::PathArg(u"-1")).toLatin1());
    get("concert overflow", "GET", api::concert(api::PathArg(u"99999999999999999999")).toLatin1());
    get("concert plus sign", "GET", api::concert(api::PathArg(u"+{concert}")).toLatin1());
    get("concert exponent", "GET", api::concert(api::PathArg(u"1e3")).toLatin1());
    get("concert percent-encoded NUL", "GET",
        api::concert(api::PathArg(u"{concert}%00")).toLatin1());
    get("concert fullwidth digit", "GET", api::concert(api::PathArg(u"%EF%BC%91")).toLatin1());
    get("concert schedules overflow", "GET",
        api::concertSchedules(api::PathArg(u"99999999999999999999")).toLatin1());
    get("queue join -1", "POST", api::concertQueue(api::PathArg(u"-1")).toLatin1());
    get("queue join overflow", "POST",
        api::concertQueue(api::PathArg(u"99999999999999999999")).toLatin1());
    get("queue join abc", "POST", api::concertQueue(api::PathArg(u"abc")).toLatin1());
    get("reservation not a uuid", "GET", api::reservation(api::PathArg(u"abc")).toLatin1());
    get("reservation number", "GET", api::reservation(1).toLatin1());
    get("reservation unknown", "GET",
        api::reservation(QUuid(u"7c6d2b41-4f1e-4a57-9c1b-3a0c4f1f2e11"_s)).toLatin1());
    get("cancel not a uuid", "DELETE", api::reservation(api::PathArg(u"-1")).toLatin1());
    get("cancel unknown", "DELETE",
        api::reservation(QUuid(u"7c6d2b41-4f1e-4a57-9c1b-3a0c4f1f2e11"_s)).toLatin1());

    // SQL injection: only ever data.
    reg("sql in username",
        R"({"username": "x'); DROP TABLE users; --", "password": "correct horse"})", 422, invalid);
    login("sql in username", R"({"username": "' OR '1'='1' --", "password": "' OR '1'='1' --"})",
          401, u"UNAUTHENTICATED"_s);
    hold("sql in seats", R"({"scheduleId": {schedule}, "seats": ["1); DELETE FROM seats; --"]})",
         400, bad);
    pay("sql in reservationId",
        R"({"reservationId": "' OR 1=1; UPDATE wallets SET balance = 0; --"})", 422, invalid);
    get("sql in concert id", "GET", api::concert(api::PathArg(u"1%20OR%201=1")).toLatin1());
    get("sql in schedule id", "GET",
        api::scheduleSeats(api::PathArg(u"1;DELETE%20FROM%20seats")).toLatin1());
    get("sql in reservation id", "DELETE",
        api::reservation(api::PathArg(u"'%20OR%20'1'='1")).toLatin1());

    // Oversized bodies are refused whole.
    const QByteArray huge = R"({"amount": 100, "pad": ")" + QByteArray(2 << 20, 'x') + R"("})";
    topUp("2 MiB body", huge, 413, u"PAYLOAD_TOO_LARGE"_s);
    reg("2 MiB body",
        R"({"username": "mallory", "password": ")" + QByteArray(2 << 20, 'p') + R"("})", 413,
        u"PAYLOAD_TOO_LARGE"_s);
    hold("2 MiB body",
         R"({"scheduleId": {schedule}, "seats": [2], "pad": ")" + QByteArray(2 << 20, ' ')
             + R"("})",
         413, u"PAYLOAD_TOO_LARGE"_s);

    // Idempotency-Key: required on payments and top-ups, 1..255 visible ASCII characters.
    const QByteArray paid = R"({"orderId": "0b7d6f1e-5c4a-4e43-9a57-8f6f3f1c2d10", )"
                            R"("paymentKey": "tpk_x", "amount": 100})";
    confirmTopUp("no Idempotency-Key", paid, 422, invalid, noKey);
    confirmTopUp("empty Idempotency-Key", paid, 422, invalid, "");
    confirmTopUp("256-char Idempotency-Key", paid, 422, invalid, QByteArray(256, 'k'));
    confirmTopUp("Idempotency-Key with a space", paid, 422, invalid, "two words");
    confirmTopUp("Idempotency-Key with UTF-8", paid, 422, invalid, "\xec\x95\x88\xeb\x85\x95");
    confirmTopUp("not a uuid orderId", R"({"orderId": "1", "paymentKey": "k", "amount": 100})", 422,
                 invalid, "confirm-key");
    confirmTopUp("paymentKey a number",
                 R"({"orderId": "0b7d6f1e-5c4a-4e43-9a57-8f6f3f1c2d10", )"
                 R"("paymentKey": 5, "amount": 100})",
                 400, bad, "confirm-key");
    confirmTopUp("someone else's or no order", paid, 404, u"NOT_FOUND"_s, "confirm-key");
    pay("no Idempotency-Key", R"({"reservationId": "{reservation}"})", 422, invalid, noKey);
    pay("256-char Idempotency-Key", R"({"reservationId": "{reservation}"})", 422, invalid,
        QByteArray(256, 'k'));
    QTest::addRow("hold: 256-char Idempotency-Key")
        << alice << QByteArray("POST") << api::reservations().toLatin1() << seat2
        << QByteArray(256, 'k') << 422 << invalid;
}

void TestBadInput::rejected()
{
    QFETCH(QString, who);
    QFETCH(QByteArray, method);
    QFETCH(QByteArray, path);
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, idempotencyKey);
    QFETCH(int, status);
    QFETCH(QString, code);

    HttpRequest request {
        method, substitute(path), body.size() < 4096 ? substitute(body) : body, {}};
    if (!who.isEmpty()) {
        const TestUser user = m_users.value(who);
        request.bearer(user.token);
        if (!user.queueToken.isEmpty())
            request.queueToken(user.queueToken);
    }
    if (idempotencyKey != kNoKey)
        request.headers.append({"Idempotency-Key", idempotencyKey});

    const QString before = stateSignature();
    const HttpResponse r = m_server->client().send(request);
    QVERIFY2(r.status > 0 && r.status < 500, r.body.left(300).constData());
    QVERIFY2(r.status == status,
             qPrintable(u"%1: %2"_s.arg(r.status).arg(QString::fromUtf8(r.body.left(300)))));
    QCOMPARE(r.errorCode(), code);
    QVERIFY(!r.json().value(u"error"_s).toObject().value(u"message"_s).toString().isEmpty());
    QVERIFY(!r.headers.value("x-request-id").isEmpty());
    QCOMPARE(stateSignature(), before);
}

void TestBadInput::cleanupTestCase()
{
    // Still alive, and nothing above was an internal error.
    QCOMPARE(m_server->client().get("/healthz").status, 200);
    const QByteArray log = m_server->output();
    QVERIFY2(!log.contains("unexpected error") && !log.contains("database error"),
             log.right(2000).constData());
}

QTEST_GUILESS_MAIN(TestBadInput)
#include "tst_badinput.moc"
