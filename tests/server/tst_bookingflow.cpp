// The customer's whole path through the HTTP API: register, queue, seats, hold, top up, pay,
// tickets, refund — against a real encore-server on a private PostgreSQL.
#include "apipaths.h"
#include "bookingrequests.h"
#include "cardtopup.h"
#include "fixtures.h"
#include "messages.h"
#include "testserver.h"

#include <QJsonArray>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace encore::test;
namespace api = encore::api;

class TestBookingFlow final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void registerQueueHoldPay();
    void holdLateInTurnIsPaidAfterTheTurnsEnd();
    void multiSeatHoldIsAllOrNothing();
    void sameKeyWithAnotherBodyIsRefused();
    void messagesInTheCustomersLanguage();
    void ledgerPages();

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
        = http.post(api::authRegister().toLatin1(),
                    {{u"username"_s, u"alice"_s}, {u"password"_s, u"correct horse"_s}});
    QCOMPARE(reg.status, 201);
    const QByteArray token = reg.json().value(u"token"_s).toString().toLatin1();
    QCOMPARE(reg.json().value(u"user"_s).toObject().value(u"role"_s).toString(), u"customer"_s);
    QCOMPARE(http.post(api::authRegister().toLatin1(),
                       {{u"username"_s, u"alice"_s}, {u"password"_s, u"another one"_s}})
                 .errorCode(),
             u"CONFLICT"_s);

    const HttpResponse join = http.post(api::concertQueue(m_concert).toLatin1(), {}, token);
    QCOMPARE(join.status, 201);
    QCOMPARE(join.json().value(u"status"_s).toString(), u"ACTIVE"_s);
    const QByteArray queueToken = join.json().value(u"token"_s).toString().toLatin1();
    const qint64 schedule = m_fixtures->schedulesOf(m_concert).first();

    HttpRequest seats {"GET", api::scheduleSeats(schedule).toLatin1(), {}, {}};
    const HttpResponse map = http.send(seats.bearer(token).queueToken(queueToken));
    QCOMPARE(map.status, 200);
    QCOMPARE(map.json().value(u"seats"_s).toArray().size(), 50);

    HttpRequest hold {"POST", api::reservations().toLatin1(), {}, {}};
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

    HttpRequest pay {"POST", api::payments().toLatin1(), {}, {}};
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
    HttpRequest status {"GET", api::queueStatus().toLatin1(), {}, {}};
    QCOMPARE(http.send(status.bearer(token).queueToken(queueToken)).status, 404);

    const HttpResponse mine = http.get(api::reservations().toLatin1(), token);
    QCOMPARE(mine.json().value(u"reservations"_s).toArray().size(), 1);
    QCOMPARE(m_fixtures->scalar(u"SELECT count(*) FROM seats WHERE status = 'SOLD'"_s).toInt(), 2);

    HttpRequest refund {"DELETE",
                        api::reservation(QUuid(reservation.value(u"id"_s).toString())).toLatin1(),
                        {},
                        {}};
    const HttpResponse refunded = http.send(refund.bearer(token));
    QCOMPARE(refunded.status, 200);
    QCOMPARE(refunded.json().value(u"reservation"_s).toObject().value(u"status"_s).toString(),
             u"REFUNDED"_s);
    QCOMPARE(http.get(api::wallet().toLatin1(), token).json().value(u"balance"_s).toInt(), 400000);
    QCOMPARE(m_fixtures->scalar(u"SELECT count(*) FROM seats WHERE status = 'SOLD'"_s).toInt(), 0);
}

// A hold made in the last seconds of a turn extends the turn to cover it (docs/ARCHITECTURE.md):
// paying after the turn's original end still finds an ACTIVE token and succeeds.
void TestBookingFlow::holdLateInTurnIsPaidAfterTheTurnsEnd()
{
    const HttpClient http = m_server->client();
    QList<TestUser> users = m_fixtures->createUsers(1, 1'000'000, u"late"_s);
    constexpr int kTurnSeconds = 3;
    m_fixtures->admit(users, m_concert, kTurnSeconds);
    const TestUser &user = users.first();
    const qint64 schedule = m_fixtures->schedulesOf(m_concert).last();

    HttpRequest status {"GET", api::queueStatus().toLatin1(), {}, {}};
    status.bearer(user.token).queueToken(user.queueToken);
    const QDateTime turnEnd = QDateTime::fromString(
        http.send(status).json().value(u"activeUntil"_s).toString(), Qt::ISODateWithMs);
    QVERIFY(turnEnd.isValid());

    const HttpResponse held = http.send(holdRequest(user, schedule, {40}));
    QCOMPARE(held.status, 201);
    const QJsonObject reservation = held.json().value(u"reservation"_s).toObject();
    const QDateTime heldUntil
        = QDateTime::fromString(reservation.value(u"heldUntil"_s).toString(), Qt::ISODateWithMs);
    QVERIFY(heldUntil > turnEnd);

    // The turn now lasts at least as long as the hold, in whichever store holds it.
    const HttpResponse extended = http.send(status);
    QCOMPARE(extended.json().value(u"status"_s).toString(), u"ACTIVE"_s);
    QVERIFY(
        QDateTime::fromString(extended.json().value(u"activeUntil"_s).toString(), Qt::ISODateWithMs)
        >= heldUntil);

    // Past the turn's original end, and past an admission tick that expires stale turns.
    QTRY_VERIFY_WITH_TIMEOUT(QDateTime::currentDateTimeUtc() > turnEnd.addSecs(2), 20'000);
    const HttpResponse paid
        = http.send(payRequest(user, reservation.value(u"id"_s).toString(), "late-pay"));
    QCOMPARE(paid.status, 201);
    QCOMPARE(paid.json().value(u"reservation"_s).toObject().value(u"status"_s).toString(),
             u"PAID"_s);
    // Paying ended the turn as always.
    QCOMPARE(http.send(status).status, 404);
}

namespace {

QString seatStatuses(Fixtures &fixtures, qint64 schedule, const QList<int> &numbers)
{
    QStringList out;
    for (int n : numbers)
        out.append(fixtures
                       .scalar(u"SELECT status FROM seats WHERE schedule_id = ? AND number = ?"_s,
                               {schedule, n})
                       .toString());
    return out.join(u',');
}

} // namespace

// One seat of three is taken: the hold fails with that seat named, and the other two stay free
// (no partial hold, no reservation); the two alone can then be held.
void TestBookingFlow::multiSeatHoldIsAllOrNothing()
{
    QList<TestUser> fans = m_fixtures->createUsers(2, 1'000'000, u"allornothing"_s);
    m_fixtures->admit(fans, m_concert);
    const qint64 schedule = m_fixtures->schedulesOf(m_concert).last();
    const HttpClient http = m_server->client();
    QCOMPARE(http.send(holdRequest(fans[0], schedule, {10})).status, 201);

    const HttpResponse lost = http.send(holdRequest(fans[1], schedule, {9, 10, 11}));
    QCOMPARE(lost.status, 409);
    QCOMPARE(lost.errorCode(), u"SEAT_UNAVAILABLE"_s);
    QCOMPARE(
        lost.json().value(u"error"_s).toObject().value(u"details"_s).toObject().value(u"seats"_s),
        QJsonValue(QJsonArray {10}));
    QCOMPARE(seatStatuses(*m_fixtures, schedule, {9, 10, 11}), u"AVAILABLE,HELD,AVAILABLE"_s);
    QCOMPARE(m_fixtures
                 ->scalar(u"SELECT count(*) FROM reservations WHERE user_id = ?::uuid"_s,
                          {fans[1].id.toString(QUuid::WithoutBraces)})
                 .toInt(),
             0);
    QCOMPARE(http.send(holdRequest(fans[1], schedule, {9, 11})).status, 201);
}

// An Idempotency-Key belongs to one request body: reused for other seats it is refused with 422
// IDEMPOTENCY_MISMATCH and nothing is held.
void TestBookingFlow::sameKeyWithAnotherBodyIsRefused()
{
    QList<TestUser> fans = m_fixtures->createUsers(1, 1'000'000, u"samekey"_s);
    m_fixtures->admit(fans, m_concert);
    const qint64 schedule = m_fixtures->schedulesOf(m_concert).last();
    const HttpClient http = m_server->client();
    QCOMPARE(http.send(holdRequest(fans[0], schedule, {20}, "key-1")).status, 201);
    const HttpResponse replay = http.send(holdRequest(fans[0], schedule, {20}, "key-1"));
    QCOMPARE(replay.status, 201);
    const HttpResponse other = http.send(holdRequest(fans[0], schedule, {21}, "key-1"));
    QCOMPARE(other.status, 422);
    QCOMPARE(other.errorCode(), u"IDEMPOTENCY_MISMATCH"_s);
    QCOMPARE(seatStatuses(*m_fixtures, schedule, {20, 21}), u"HELD,AVAILABLE"_s);
}

// Accept-Language: ko gets the Korean sentence of the shared message table; no header, English.
void TestBookingFlow::messagesInTheCustomersLanguage()
{
    const HttpClient http = m_server->client();
    HttpRequest login {"POST", encore::api::authLogin().toUtf8(), {}, {}};
    login.json({{u"username"_s, u"nobody-here"_s}, {u"password"_s, u"wrong password"_s}});
    const HttpResponse english = http.send(login);
    QCOMPARE(english.errorCode(), u"UNAUTHENTICATED"_s);
    QCOMPARE(english.json().value(u"error"_s).toObject().value(u"message"_s).toString(),
             encore::messageText(encore::Msg::WrongCredentials, encore::Language::English));
    login.headers.append(qMakePair(QByteArray(encore::api::kAcceptLanguageHeader),
                                   QByteArray("ko-KR,ko;q=0.9,en;q=0.8")));
    const HttpResponse korean = http.send(login);
    QCOMPARE(korean.errorCode(), u"UNAUTHENTICATED"_s);
    QCOMPARE(korean.json().value(u"error"_s).toObject().value(u"message"_s).toString(),
             u"사용자 이름 또는 비밀번호가 틀렸습니다."_s);
    // A field error names the field in Korean too.
    HttpRequest hold {"POST", encore::api::reservations().toUtf8(), {}, {}};
    hold.headers.append(
        qMakePair(QByteArray(encore::api::kAcceptLanguageHeader), QByteArray("ko")));
    const HttpResponse invalid
        = http.send(hold.bearer(m_fixtures->createUsers(1, 0, u"ko"_s).first().token)
                        .json({{u"seats"_s, QJsonArray {1}}}));
    QCOMPARE(invalid.errorCode(), u"VALIDATION_FAILED"_s);
    QCOMPARE(invalid.json().value(u"error"_s).toObject().value(u"message"_s).toString(),
             u"scheduleId: 필수 항목입니다"_s);
}

void TestBookingFlow::ledgerPages()
{
    // Seven ledger entries (10, 20, ... 70 KRW); the wallet holds their sum.
    const TestUser user = m_fixtures->createUsers(1, 0, u"pager"_s).first();
    const QString id = user.id.toString(QUuid::WithoutBraces);
    for (int i = 1; i <= 7; ++i)
        m_fixtures->scalar(
            u"INSERT INTO wallet_ledger(user_id, amount, balance_after, kind, "
            "reference) VALUES (?::uuid, ?, ?, 'ADJUSTMENT', 'paging') RETURNING id"_s,
            {id, i * 10, i * (i + 1) * 5});
    m_fixtures->scalar(u"UPDATE wallets SET balance = 280 WHERE user_id = ?::uuid RETURNING 1"_s,
                       {id});
    const HttpClient http = m_server->client();
    QList<qint64> amounts;
    QByteArray path = api::walletLedger().toLatin1() + "?limit=3";
    for (int page = 0; page < 3; ++page) {
        const HttpResponse r = http.get(path, user.token);
        QCOMPARE(r.status, 200);
        const QJsonArray entries = r.json().value(u"entries"_s).toArray();
        QCOMPARE(entries.size(), page < 2 ? 3 : 1);
        for (const QJsonValue &e : entries)
            amounts.append(e.toObject().value(u"amount"_s).toInteger());
        const QJsonValue next = r.json().value(u"nextBefore"_s);
        if (page < 2) {
            QVERIFY(next.isDouble());
            QCOMPARE(next.toInteger(), entries.last().toObject().value(u"id"_s).toInteger());
            path = api::walletLedger().toLatin1()
                + "?limit=3&before=" + QByteArray::number(next.toInteger());
        } else {
            QVERIFY(next.isNull()); // the last page says so
        }
    }
    QCOMPARE(amounts, (QList<qint64> {70, 60, 50, 40, 30, 20, 10}));
    // Without parameters: the newest 50 at most.
    QCOMPARE(http.get(api::walletLedger().toLatin1(), user.token)
                 .json()
                 .value(u"entries"_s)
                 .toArray()
                 .size(),
             7);
    for (const QByteArray bad : {"limit=0", "limit=201", "limit=x", "before=0", "before=%00"}) {
        const HttpResponse r = http.get(api::walletLedger().toLatin1() + "?" + bad, user.token);
        QCOMPARE(r.status, 422);
        QCOMPARE(r.errorCode(), u"VALIDATION_FAILED"_s);
    }
}

QTEST_GUILESS_MAIN(TestBookingFlow)
#include "tst_bookingflow.moc"
