// Who may do what, over HTTP: every protected endpoint refuses a missing, forged or expired
// session; the queue-protected calls refuse every queue token that is not this user's ACTIVE
// ticket for this concert; another user's reservation does not exist for the caller; the admin
// queue endpoints are for staff only. Nothing a refused request asks for happens.
#include "apipaths.h"
#include "auth/passwordhasher.h"
#include "fixtures.h"
#include "services/services.h"
#include "testserver.h"

#include <QJsonArray>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace encore::test;
namespace api = encore::api;

class TestAuthorization final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void sessionRequired_data();
    void sessionRequired();
    void queueTokenRequired_data();
    void queueTokenRequired();
    void othersReservations_data();
    void othersReservations();
    void adminEndpoints_data();
    void adminEndpoints();

private:
    QString stateSignature();
    QByteArray substitute(QByteArray text) const;
    QByteArray heldReservation(const TestUser &user, int seat);
    HttpRequest request(const QByteArray &method, const QByteArray &path,
                        const QByteArray &body) const;

    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<Fixtures> m_fixtures;
    qint64 m_concert = 0; // queue paused: nobody is admitted behind the tests' back
    qint64 m_otherConcert = 0;
    qint64 m_schedule = 0;
    QHash<QString, TestUser> m_users;
    QHash<QString, QByteArray> m_reservations; // user name → a HELD reservation of theirs
    QByteArray m_aliceOtherConcertToken;
};

void TestAuthorization::initTestCase()
{
    m_server = std::make_unique<TestServer>();
    QVERIFY(m_server->start());
    m_fixtures = std::make_unique<Fixtures>(m_server->database());
    m_concert = m_fixtures->createConcert(u"Protected"_s, 1);
    m_otherConcert = m_fixtures->createConcert(u"Elsewhere"_s, 1);
    m_schedule = m_fixtures->schedulesOf(m_concert).first();
    m_fixtures->scalar(u"UPDATE queue_settings SET paused = true WHERE concert_id = ?"_s,
                       {m_concert});

    const QStringList names {u"alice"_s, u"bob"_s, u"carol"_s, u"dave"_s, u"erin"_s, u"staff"_s};
    QList<TestUser> users;
    for (const QString &name : names)
        users.append(m_fixtures->createUsers(1, 1'000'000, name).first());
    QList<TestUser> aliceElsewhere {users.first()};
    m_fixtures->admit(aliceElsewhere, m_otherConcert);
    m_aliceOtherConcertToken = aliceElsewhere.first().queueToken;
    m_fixtures->admit(users, m_concert);
    for (int i = 0; i < names.size(); ++i)
        m_users.insert(names[i], users[i]);

    for (const QString &name : {u"alice"_s, u"bob"_s, u"carol"_s, u"dave"_s})
        m_reservations.insert(name,
                              heldReservation(m_users.value(name), int(m_reservations.size()) + 1));
    QVERIFY(!m_reservations.value(u"dave"_s).isEmpty());

    // carol is back in line (WAITING); dave's turn is over (active_until passed); erin's session
    // has expired; staff is staff.
    m_fixtures->scalar(
        // line_seq 1: first in line (an entry without a place would be in the pre-queue).
        u"UPDATE queue_entries SET status = 'WAITING', admitted_at = NULL, active_until = NULL, "
        "line_seq = 1 WHERE user_id = ?::uuid"_s,
        {m_users.value(u"carol"_s).id.toString(QUuid::WithoutBraces)});
    m_fixtures->scalar(
        u"UPDATE queue_entries SET active_until = now() - interval '1 second' WHERE user_id = ?::uuid"_s,
        {m_users.value(u"dave"_s).id.toString(QUuid::WithoutBraces)});
    m_fixtures->scalar(
        u"UPDATE sessions SET expires_at = now() - interval '1 minute' WHERE user_id = ?::uuid"_s,
        {m_users.value(u"erin"_s).id.toString(QUuid::WithoutBraces)});
    m_fixtures->scalar(u"UPDATE users SET role = 'staff' WHERE id = ?::uuid"_s,
                       {m_users.value(u"staff"_s).id.toString(QUuid::WithoutBraces)});
    // Let the sweep expire dave's ticket now, so no background sweep changes state mid-test.
    m_fixtures->services().queue.admit(m_concert);
    QCOMPARE(
        m_fixtures
            ->scalar(
                u"SELECT status FROM queue_entries WHERE user_id = ?::uuid AND concert_id = ?"_s,
                {m_users.value(u"dave"_s).id.toString(QUuid::WithoutBraces), m_concert})
            .toString(),
        u"EXPIRED"_s);
}

QByteArray TestAuthorization::heldReservation(const TestUser &user, int seat)
{
    HttpRequest hold = request("POST", api::reservations().toLatin1(), {});
    hold.bearer(user.token).queueToken(user.queueToken);
    hold.json({{u"scheduleId"_s, m_schedule}, {u"seats"_s, QJsonArray {seat}}});
    const HttpResponse held = m_server->client().send(hold);
    if (held.status != 201)
        qWarning() << "hold failed" << held.status << held.body;
    return held.json().value(u"reservation"_s).toObject().value(u"id"_s).toString().toLatin1();
}

QString TestAuthorization::stateSignature()
{
    return m_fixtures
        ->scalar(
            u"SELECT concat_ws(' / ', "
            " (SELECT count(*) FROM sessions), "
            " (SELECT string_agg(balance::text, ',' ORDER BY user_id) FROM wallets), "
            " (SELECT count(*) FROM wallet_ledger), (SELECT count(*) FROM payments), "
            " (SELECT string_agg(id::text || status, ',' ORDER BY id) FROM reservations), "
            " (SELECT string_agg(number || status, ',' ORDER BY schedule_id, number) FROM seats), "
            " (SELECT string_agg(id || status || token_hash::text, ',' ORDER BY id) FROM "
            "queue_entries), "
            " (SELECT string_agg(concert_id || ':' || max_active::text || paused::text, ',' ORDER "
            "BY concert_id) "
            "  FROM queue_settings), "
            " (SELECT count(*) FROM idempotency_keys))"_s)
        .toString();
}

QByteArray TestAuthorization::substitute(QByteArray text) const
{
    return text.replace("{concert}", QByteArray::number(m_concert))
        .replace("{schedule}", QByteArray::number(m_schedule))
        .replace("{aliceReservation}", m_reservations.value(u"alice"_s))
        .replace("{bobReservation}", m_reservations.value(u"bob"_s))
        .replace("{carolReservation}", m_reservations.value(u"carol"_s))
        .replace("{daveReservation}", m_reservations.value(u"dave"_s));
}

HttpRequest TestAuthorization::request(const QByteArray &method, const QByteArray &path,
                                       const QByteArray &body) const
{
    return HttpRequest {method, substitute(path), substitute(body), {}};
}

struct Endpoint {
    const char *method;
    QByteArray path; // with placeholders, filled in by request()
    const char *body;
};

// Every endpoint that needs a session, with a request that would succeed for alice.
static const Endpoint kProtected[] = {
    {"GET", api::me().toLatin1(), ""},
    {"POST", api::authLogout().toLatin1(), ""},
    {"GET", api::concerts().toLatin1(), ""},
    {"GET", api::concert(api::PathArg(u"{concert}")).toLatin1(), ""},
    {"GET", api::concertSchedules(api::PathArg(u"{concert}")).toLatin1() + "?available=true", ""},
    {"POST", api::concertQueue(api::PathArg(u"{concert}")).toLatin1(), ""},
    {"GET", api::queueStatus().toLatin1(), ""},
    {"DELETE", api::queue().toLatin1(), ""},
    {"GET", api::scheduleSeats(api::PathArg(u"{schedule}")).toLatin1(), ""},
    {"POST", api::reservations().toLatin1(), R"({"scheduleId": {schedule}, "seats": [20]})"},
    {"GET", api::reservations().toLatin1(), ""},
    {"GET", api::reservation(api::PathArg(u"{aliceReservation}")).toLatin1(), ""},
    {"DELETE", api::reservation(api::PathArg(u"{aliceReservation}")).toLatin1(), ""},
    {"GET", api::wallet().toLatin1(), ""},
    {"POST", api::walletTopUpOrders().toLatin1(), R"({"amount": 1000})"},
    {"GET", api::walletTopUpOrders().toLatin1(), ""},
    {"POST", api::walletTopUps().toLatin1(),
     R"({"orderId": "0b7d6f1e-5c4a-4e43-9a57-8f6f3f1c2d10", "paymentKey": "k", "amount": 1000})"},
    {"GET", api::walletLedger().toLatin1(), ""},
    {"POST", api::payments().toLatin1(), R"({"reservationId": "{aliceReservation}"})"},
    {"GET", api::payments().toLatin1(), ""},
    {"GET", api::adminConcertQueue(api::PathArg(u"{concert}")).toLatin1(), ""},
    {"PUT", api::adminQueueSettings(api::PathArg(u"{concert}")).toLatin1(),
     R"({"maxActive": 5, "admitPerMinute": 5, "activeTtlSeconds": 60, "paused": false})"},
};

void TestAuthorization::sessionRequired_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QByteArray>("path");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("authorization"); // the whole header; empty: none

    const QByteArray forged = "Bearer " + encore::server::tokens::generate();
    const QByteArray expired = "Bearer " + m_users.value(u"erin"_s).token;
    for (const Endpoint &e : kProtected) {
        const QByteArray method(e.method), path(e.path), body(e.body);
        QTest::addRow("%s %s, no token", e.method, e.path.constData())
            << method << path << body << QByteArray();
        QTest::addRow("%s %s, forged token", e.method, e.path.constData())
            << method << path << body << forged;
        QTest::addRow("%s %s, expired session", e.method, e.path.constData())
            << method << path << body << expired;
    }
    QTest::addRow("GET /me, queue token as session")
        << QByteArray("GET") << api::me().toLatin1() << QByteArray()
        << QByteArray("Bearer " + m_users.value(u"alice"_s).queueToken);
    QTest::addRow("GET /me, token without scheme")
        << QByteArray("GET") << api::me().toLatin1() << QByteArray()
        << m_users.value(u"alice"_s).token;
}

void TestAuthorization::sessionRequired()
{
    QFETCH(QByteArray, method);
    QFETCH(QByteArray, path);
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, authorization);

    HttpRequest r = request(method, path, body);
    if (!authorization.isEmpty())
        r.headers.append({"Authorization", authorization});
    r.queueToken(m_users.value(u"alice"_s).queueToken).idempotencyKey("session-test");

    const QString before = stateSignature();
    const HttpResponse response = m_server->client().send(r);
    QVERIFY2(response.status == 401,
             qPrintable(u"%1 %2"_s.arg(response.status).arg(QString::fromUtf8(response.body))));
    QCOMPARE(response.errorCode(), u"UNAUTHENTICATED"_s);
    QCOMPARE(stateSignature(), before);
}

void TestAuthorization::queueTokenRequired_data()
{
    QTest::addColumn<QString>("user");
    QTest::addColumn<QByteArray>("queueToken"); // empty: no header
    QTest::addColumn<QByteArray>("reservation"); // placeholder of the user's own reservation
    QTest::addColumn<bool>("waiting");

    const TestUser alice = m_users.value(u"alice"_s);
    struct Case {
        const char *name;
        QString user;
        QByteArray token;
        QByteArray reservation;
        bool waiting;
    };
    const QList<Case> cases {
        {"missing", u"alice"_s, {}, "{aliceReservation}", false},
        {"forged", u"alice"_s, encore::server::tokens::generate(), "{aliceReservation}", false},
        {"session token", u"alice"_s, alice.token, "{aliceReservation}", false},
        {"waiting", u"carol"_s, m_users.value(u"carol"_s).queueToken, "{carolReservation}", true},
        {"expired", u"dave"_s, m_users.value(u"dave"_s).queueToken, "{daveReservation}", false},
        {"another user's", u"alice"_s, m_users.value(u"bob"_s).queueToken, "{aliceReservation}",
         false},
        {"another concert's", u"alice"_s, m_aliceOtherConcertToken, "{aliceReservation}", false},
    };
    for (const Case &c : cases)
        QTest::addRow("%s", c.name) << c.user << c.token << c.reservation << c.waiting;
}

void TestAuthorization::queueTokenRequired()
{
    QFETCH(QString, user);
    QFETCH(QByteArray, queueToken);
    QFETCH(QByteArray, reservation);
    QFETCH(bool, waiting);
    const TestUser caller = m_users.value(user);

    const QList<HttpRequest> requests {
        request("GET", api::scheduleSeats(api::PathArg(u"{schedule}")).toLatin1(), {}),
        request("POST", api::reservations().toLatin1(),
                R"({"scheduleId": {schedule}, "seats": [30, 31]})"),
        request("POST", api::payments().toLatin1(),
                R"({"reservationId": ")" + reservation + R"("})"),
    };
    for (HttpRequest r : requests) {
        r.bearer(caller.token)
            .idempotencyKey("queue-test-" + QByteArray(QTest::currentDataTag()).toHex());
        if (!queueToken.isEmpty())
            r.queueToken(queueToken);
        const QString before = stateSignature();
        const HttpResponse response = m_server->client().send(r);
        const QByteArray what = r.method + ' ' + r.path + " → "
            + QByteArray::number(response.status) + ' ' + response.body;
        QVERIFY2(response.status == 403, what.constData());
        QCOMPARE(response.errorCode(), u"QUEUE_NOT_ACTIVE"_s);
        const QJsonObject details
            = response.json().value(u"error"_s).toObject().value(u"details"_s).toObject();
        if (waiting) {
            QVERIFY2(details.value(u"position"_s).toInt() >= 1, what.constData());
            // This concert's queue is paused: the estimate is there, and null (no made-up
            // number while nothing moves).
            QVERIFY2(details.contains(u"etaSeconds"_s) && details.value(u"etaSeconds"_s).isNull(),
                     what.constData());
        }
        QCOMPARE(stateSignature(), before);
    }
}

void TestAuthorization::othersReservations_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QByteArray>("path");
    QTest::addColumn<QByteArray>("body");

    QTest::addRow("read bob's") << QByteArray("GET")
                                << api::reservation(api::PathArg(u"{bobReservation}")).toLatin1()
                                << QByteArray();
    QTest::addRow("cancel bob's") << QByteArray("DELETE")
                                  << api::reservation(api::PathArg(u"{bobReservation}")).toLatin1()
                                  << QByteArray();
    QTest::addRow("pay bob's") << QByteArray("POST") << api::payments().toLatin1()
                               << QByteArray(R"({"reservationId": "{bobReservation}"})");
    QTest::addRow("read unknown") << QByteArray(
        "GET") << api::reservation(QUuid(u"0b8f2c1e-9d7a-4c55-8e3b-6f1a2d3c4b5a"_s)).toLatin1()
                                  << QByteArray();
    QTest::addRow("pay unknown")
        << QByteArray("POST") << api::payments().toLatin1()
        << QByteArray(R"({"reservationId": "0b8f2c1e-9d7a-4c55-8e3b-6f1a2d3c4b5a"})");
}

void TestAuthorization::othersReservations()
{
    QFETCH(QByteArray, method);
    QFETCH(QByteArray, path);
    QFETCH(QByteArray, body);
    const TestUser alice = m_users.value(u"alice"_s);

    HttpRequest r = request(method, path, body);
    r.bearer(alice.token)
        .queueToken(alice.queueToken)
        .idempotencyKey("others-" + QByteArray(QTest::currentDataTag()).toHex());
    const QString before = stateSignature();
    const HttpResponse response = m_server->client().send(r);
    QVERIFY2(response.status == 404, response.body.constData());
    QCOMPARE(response.errorCode(), u"NOT_FOUND"_s);
    // Not even a hint that it exists.
    QVERIFY(!response.body.contains(m_reservations.value(u"bob"_s)));
    QCOMPARE(stateSignature(), before);
    // bob still sees it held.
    const HttpResponse mine
        = m_server->client().get(api::reservation(QUuid(m_reservations.value(u"bob"_s))).toLatin1(),
                                 m_users.value(u"bob"_s).token);
    QCOMPARE(mine.status, 200);
    QCOMPARE(mine.json().value(u"reservation"_s).toObject().value(u"status"_s).toString(),
             u"HELD"_s);
    // And bob's list is bob's alone.
    const QJsonArray aliceList = m_server->client()
                                     .get(api::reservations().toLatin1(), alice.token)
                                     .json()
                                     .value(u"reservations"_s)
                                     .toArray();
    QCOMPARE(aliceList.size(), 1);
    QCOMPARE(aliceList.first().toObject().value(u"id"_s).toString().toLatin1(),
             m_reservations.value(u"alice"_s));
}

void TestAuthorization::adminEndpoints_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QByteArray>("path");
    QTest::addColumn<QString>("caller"); // "" anonymous
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("code");

    const QByteArray stats = api::adminConcertQueue(m_otherConcert).toLatin1();
    const QByteArray settings = api::adminQueueSettings(m_otherConcert).toLatin1();
    QTest::addRow("statistics, anonymous")
        << QByteArray("GET") << stats << QString() << 401 << u"UNAUTHENTICATED"_s;
    QTest::addRow("statistics, customer")
        << QByteArray("GET") << stats << u"alice"_s << 403 << u"FORBIDDEN"_s;
    QTest::addRow("statistics, staff")
        << QByteArray("GET") << stats << u"staff"_s << 200 << QString();
    QTest::addRow("settings, anonymous")
        << QByteArray("PUT") << settings << QString() << 401 << u"UNAUTHENTICATED"_s;
    QTest::addRow("settings, customer")
        << QByteArray("PUT") << settings << u"alice"_s << 403 << u"FORBIDDEN"_s;
    QTest::addRow("settings, expired staff session")
        << QByteArray("PUT") << settings << u"erin"_s << 401 << u"UNAUTHENTICATED"_s;
    QTest::addRow("settings, staff")
        << QByteArray("PUT") << settings << u"staff"_s << 200 << QString();
}

void TestAuthorization::adminEndpoints()
{
    QFETCH(QByteArray, method);
    QFETCH(QByteArray, path);
    QFETCH(QString, caller);
    QFETCH(int, status);
    QFETCH(QString, code);

    HttpRequest r {method, path, {}, {}};
    if (method == "PUT")
        r.json({{u"maxActive"_s, 7},
                {u"admitPerMinute"_s, 70},
                {u"activeTtlSeconds"_s, 700},
                {u"paused"_s, false}});
    if (!caller.isEmpty())
        r.bearer(m_users.value(caller).token);
    const auto maxActive = [this] {
        return m_fixtures
            ->scalar(u"SELECT max_active FROM queue_settings WHERE concert_id = ?"_s,
                     {m_otherConcert})
            .toInt();
    };
    const int maxActiveBefore = maxActive();
    const HttpResponse response = m_server->client().send(r);
    QVERIFY2(response.status == status, response.body.constData());
    QCOMPARE(response.errorCode(), code);
    if (status != 200) {
        QCOMPARE(maxActive(), maxActiveBefore);
        return;
    }
    const QJsonObject body = response.json();
    if (method == "PUT") {
        QCOMPARE(body.value(u"maxActive"_s).toInt(), 7);
        QCOMPARE(maxActive(), 7);
    } else {
        QVERIFY2(!body.isEmpty(), response.body.constData());
    }
}

QTEST_GUILESS_MAIN(TestAuthorization)
#include "tst_authorization.moc"
