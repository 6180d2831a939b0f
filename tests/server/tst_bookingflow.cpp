// The customer's whole path through the HTTP API: register, queue, seats, hold, top up, pay,
// tickets, refund — against a real encore-server on a private PostgreSQL.
#include "cardtopup.h"
#include "fixtures.h"
#include "testserver.h"

#include <QJsonArray>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace encore::test;

class TestBookingFlow final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void registerQueueHoldPay();

private:
    GatewayServer m_world; // the server and the card gateway
    TestServer *m_server = nullptr;
    std::unique_ptr<Fixtures> m_fixtures;
    qint64 m_concert = 0;
};

void TestBookingFlow::initTestCase()
{
    QVERIFY(m_world.start());
    m_server = m_world.server.get();
    m_fixtures = std::make_unique<Fixtures>(m_server->database());
    m_concert = m_fixtures->createConcert(u"Flow"_s, 2);
}

void TestBookingFlow::registerQueueHoldPay()
{
    const HttpClient http = m_server->client();
    const HttpResponse reg
        = http.post("/api/v1/auth/register",
                    {{u"username"_s, u"alice"_s}, {u"password"_s, u"correct horse"_s}});
    QCOMPARE(reg.status, 201);
    const QByteArray token = reg.json().value(u"token"_s).toString().toLatin1();
    QCOMPARE(reg.json().value(u"user"_s).toObject().value(u"role"_s).toString(), u"customer"_s);
    QCOMPARE(http.post("/api/v1/auth/register",
                       {{u"username"_s, u"alice"_s}, {u"password"_s, u"another one"_s}})
                 .errorCode(),
             u"CONFLICT"_s);

    const HttpResponse join
        = http.post("/api/v1/concerts/" + QByteArray::number(m_concert) + "/queue", {}, token);
    QCOMPARE(join.status, 201);
    QCOMPARE(join.json().value(u"status"_s).toString(), u"ACTIVE"_s);
    const QByteArray queueToken = join.json().value(u"token"_s).toString().toLatin1();
    const qint64 schedule = m_fixtures->schedulesOf(m_concert).first();

    HttpRequest seats {
        "GET", "/api/v1/schedules/" + QByteArray::number(schedule) + "/seats", {}, {}};
    const HttpResponse map = http.send(seats.bearer(token).queueToken(queueToken));
    QCOMPARE(map.status, 200);
    QCOMPARE(map.json().value(u"seats"_s).toArray().size(), 50);

    HttpRequest hold {"POST", "/api/v1/reservations", {}, {}};
    hold.bearer(token)
        .queueToken(queueToken)
        .json({{u"scheduleId"_s, schedule}, {u"seats"_s, QJsonArray {1, 2}}});
    const HttpResponse broke = http.send(hold);
    QCOMPARE(broke.status, 402);
    QCOMPARE(broke.errorCode(), u"INSUFFICIENT_BALANCE"_s);
    QCOMPARE(broke.json()
                 .value(u"error"_s)
                 .toObject()
                 .value(u"details"_s)
                 .toObject()
                 .value(u"shortfall"_s)
                 .toInt(),
             330000);

    // Top up by card: an order here, the card at the gateway, the confirmation here.
    TestUser alice;
    alice.token = token;
    const CardTopUpSteps card = prepareCardTopUp(http, *m_world.gateway, alice, 400000);
    QCOMPARE(card.authorize.status, 200);
    const HttpRequest topUp = confirmTopUpRequest(alice, card, 400000, "t1");
    QCOMPARE(http.send(topUp).status, 201);
    QCOMPARE(http.send(topUp).json().value(u"balance"_s).toInt(),
             400000); // replayed, not added twice

    const HttpResponse held = http.send(hold);
    QCOMPARE(held.status, 201);
    const QJsonObject reservation = held.json().value(u"reservation"_s).toObject();
    QCOMPARE(reservation.value(u"status"_s).toString(), u"HELD"_s);
    QCOMPARE(reservation.value(u"total"_s).toInt(), 330000);

    HttpRequest pay {"POST", "/api/v1/payments", {}, {}};
    pay.bearer(token)
        .queueToken(queueToken)
        .idempotencyKey("p1")
        .json({{u"reservationId"_s, reservation.value(u"id"_s)}});
    const HttpResponse paid = http.send(pay);
    QCOMPARE(paid.status, 201);
    QCOMPARE(paid.json().value(u"balance"_s).toInt(), 70000);
    QCOMPARE(paid.json().value(u"reservation"_s).toObject().value(u"status"_s).toString(),
             u"PAID"_s);
    // The queue token ended with the payment.
    HttpRequest status {"GET", "/api/v1/queue/status", {}, {}};
    QCOMPARE(http.send(status.bearer(token).queueToken(queueToken)).status, 404);

    const HttpResponse mine = http.get("/api/v1/reservations", token);
    QCOMPARE(mine.json().value(u"reservations"_s).toArray().size(), 1);
    QCOMPARE(m_fixtures->scalar(u"SELECT count(*) FROM seats WHERE status = 'SOLD'"_s).toInt(), 2);

    HttpRequest refund {"DELETE",
                        "/api/v1/reservations/" + reservation.value(u"id"_s).toString().toLatin1(),
                        {},
                        {}};
    const HttpResponse refunded = http.send(refund.bearer(token));
    QCOMPARE(refunded.status, 200);
    QCOMPARE(refunded.json().value(u"reservation"_s).toObject().value(u"status"_s).toString(),
             u"REFUNDED"_s);
    QCOMPARE(http.get("/api/v1/wallet", token).json().value(u"balance"_s).toInt(), 400000);
    QCOMPARE(m_fixtures->scalar(u"SELECT count(*) FROM seats WHERE status = 'SOLD'"_s).toInt(), 0);
}

QTEST_GUILESS_MAIN(TestBookingFlow)
#include "tst_bookingflow.moc"
