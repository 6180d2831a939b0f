// The waiting list for seats that come back (issue 15 item 3) through real HTTP on a real server:
// joining and leaving, an offer made in the very transaction that frees the seat (a customer's
// cancellation, a staff release, a refund by the customer or staff), the offer pushed live and
// paid with the turn it gives, decline and lapse passing the seat on, the 4-seat rule, a
// cancelled date, the staff view — and races of an offer, customers holding the same seat and
// staff blocking it, with exactly one winner and the money exact. Runs on the PostgreSQL queue
// store and, as tst_seatwaits_redis, on the Redis one (the offer's turn lives there).
#include "bookingrequests.h"
#include "fixtures.h"
#include "liveclient.h"
#include "testserver.h"

#include "api/admintypes.h"
#include "api/apitypes.h"
#include "api/livemessage.h"
#include "apipaths.h"
#include "models/seatwait.h"
#include "services/concertservice.h"
#include "services/services.h"

#include <QJsonArray>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace encore;
using namespace encore::test;

class TestSeatWaits final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void joinListLeave();
    void badRequestsChangeNothing_data();
    void badRequestsChangeNothing();
    void cancelledHoldGoesToFirstInLineLiveAndPaid();
    void liveSeatPushesSayAwaited();
    void declinePassesToNext();
    void staffReleaseOffers();
    void refundOffers_data();
    void refundOffers();
    void customerWithFourSeatsIsSkipped();
    void raceOfferHoldAndBlock();
    void expiredHoldIsOfferedNotSold();
    void lapsedOfferPassesToNext();
    void cancelledDateClearsWaits();
    void staffSeeAndClear();
    void cleanupTestCase();

private:
    HttpResponse call(const QByteArray &method, const QString &path, const TestUser &user,
                      const QJsonObject &body = {});
    HttpResponse join(const TestUser &user, qint64 schedule, const QList<int> &seats);
    SeatWait wait(const TestUser &user, qint64 waitId);
    qint64 joinOk(const TestUser &user, qint64 schedule, const QList<int> &seats);
    QString holdOnly(const TestUser &user, qint64 schedule, const QList<int> &seats);
    // Joins the concert's queue (the offer gave a turn) and pays the offer's hold.
    HttpResponse payOffer(TestUser &user, qint64 concert, const SeatWait &offered);
    QString seatHolder(qint64 schedule, int seat); // "STATUS:user-id"
    void verifyMoney(); // reconciliation clean, every ledger sums to its balance
    qint64 freshDate(qint64 *concert = nullptr);

    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<Fixtures> m_fx;
    TestUser m_staff;
};

namespace {
const QString kReason = u"Customer asked us / 고객 요청"_s;
constexpr Money kWalletMoney = 2'000'000;

QString userText(const TestUser &u)
{
    return u.id.toString(QUuid::WithoutBraces);
}
} // namespace

void TestSeatWaits::initTestCase()
{
    m_server = std::make_unique<TestServer>(QStringList {u"--seat-offer-seconds"_s, u"120"_s});
    QVERIFY(m_server->start());
    m_fx = std::make_unique<Fixtures>(m_server->database());
    m_staff = m_fx->createUsers(1, 0, u"boss"_s).first();
    makeStaff(*m_fx, m_staff);
}

void TestSeatWaits::cleanupTestCase()
{
    m_fx.reset();
    m_server.reset();
}

HttpResponse TestSeatWaits::call(const QByteArray &method, const QString &path,
                                 const TestUser &user, const QJsonObject &body)
{
    HttpRequest r {method, path.toUtf8(), {}, {}};
    r.bearer(user.token);
    if (!body.isEmpty())
        r.json(body);
    return m_server->client().send(r);
}

HttpResponse TestSeatWaits::join(const TestUser &user, qint64 schedule, const QList<int> &seats)
{
    return call("POST", api::seatWaits(), user, SeatWaitRequest {schedule, seats, {}}.toJson());
}

qint64 TestSeatWaits::joinOk(const TestUser &user, qint64 schedule, const QList<int> &seats)
{
    const HttpResponse r = join(user, schedule, seats);
    if (r.status != 201)
        qWarning("join: %d %s", r.status, r.body.constData());
    return r.json().value(api::keys::kWait).toObject().value(u"id"_s).toInteger();
}

SeatWait TestSeatWaits::wait(const TestUser &user, qint64 waitId)
{
    const HttpResponse r = call("GET", api::seatWait(waitId), user);
    auto w = SeatWait::fromJson(r.json().value(api::keys::kWait).toObject());
    return w ? w.value() : SeatWait {};
}

QString TestSeatWaits::holdOnly(const TestUser &user, qint64 schedule, const QList<int> &seats)
{
    const HttpResponse held = m_server->client().send(holdRequest(user, schedule, seats));
    if (held.status != 201)
        qWarning("hold: %d %s", held.status, held.body.constData());
    return held.json().value(u"reservation"_s).toObject().value(u"id"_s).toString();
}

HttpResponse TestSeatWaits::payOffer(TestUser &user, qint64 concert, const SeatWait &offered)
{
    const HttpResponse joined = call("POST", api::concertQueue(concert), user);
    user.queueToken = joined.json().value(u"token"_s).toString().toLatin1();
    if (joined.json().value(u"status"_s).toString() != u"ACTIVE")
        qWarning("the offer gave no turn: %s", joined.body.constData());
    return m_server->client().send(
        payRequest(user, offered.offer->reservationId.toString(QUuid::WithoutBraces),
                   "pay-" + QUuid::createUuid().toByteArray(QUuid::WithoutBraces)));
}

QString TestSeatWaits::seatHolder(qint64 schedule, int seat)
{
    return m_fx
        ->scalar(u"SELECT s.status || ':' || coalesce(r.user_id::text, '') FROM seats s "
                 "LEFT JOIN reservations r ON r.id = s.reservation_id "
                 "WHERE s.schedule_id = ? AND s.number = ?"_s,
                 {schedule, seat})
        .toString();
}

void TestSeatWaits::verifyMoney()
{
    const HttpResponse r = call("GET", api::adminReconciliation(), m_staff);
    QCOMPARE(r.status, 200);
    QVERIFY2(r.json().value(u"ok"_s).toBool(), r.body.constData());
    QCOMPARE(m_fx->scalar(u"SELECT count(*) FROM wallets w WHERE w.balance <> "
                          "(SELECT coalesce(sum(amount), 0) FROM wallet_ledger l "
                          " WHERE l.user_id = w.user_id)"_s)
                 .toInt(),
             0);
    // Never sold twice: a seat has at most one paid reservation.
    QCOMPARE(m_fx->scalar(u"SELECT count(*) FROM (SELECT rs.schedule_id, rs.number "
                          "FROM reservation_seats rs JOIN reservations r ON r.id = "
                          "rs.reservation_id WHERE r.status = 'PAID' "
                          "GROUP BY 1, 2 HAVING count(*) > 1) x"_s)
                 .toInt(),
             0);
}

qint64 TestSeatWaits::freshDate(qint64 *concert)
{
    const qint64 c = m_fx->createConcert(u"Waits"_s, 1);
    if (concert)
        *concert = c;
    return m_fx->schedulesOf(c).first();
}

void TestSeatWaits::joinListLeave()
{
    qint64 concert = 0;
    const qint64 date = freshDate(&concert);
    auto users = m_fx->createUsers(3, kWalletMoney, u"jl"_s);
    m_fx->admit(users, concert);
    QVERIFY(!holdOnly(users[0], date, {5, 6}).isEmpty());

    // A free seat is held, not waited for; a seat of one's own is not waited for either.
    QCOMPARE(join(users[1], date, {7}).status, 409);
    const HttpResponse own = join(users[0], date, {5});
    QCOMPARE(own.status, 409);
    QCOMPARE(own.errorCode(), u"CONFLICT"_s);

    const HttpResponse first = join(users[1], date, {6, 5});
    QCOMPARE(first.status, 201);
    const auto w = SeatWait::fromJson(first.json().value(api::keys::kWait).toObject());
    QVERIFY(w);
    QCOMPARE(w.value().status, SeatWaitStatus::Waiting);
    QCOMPARE(w.value().seats, (QList<int> {5, 6}));
    QCOMPARE(w.value().concertId, concert);
    // The same wait again answers the first one.
    const HttpResponse again = join(users[1], date, {5, 6});
    QCOMPARE(again.status, 200);
    QCOMPARE(again.json().value(api::keys::kWait).toObject().value(u"id"_s).toInteger(),
             w.value().id);
    // A tier the seats are in, while none of it is free: VIP is 1–10, 5 and 6 are held.
    QVERIFY(!holdOnly(users[2], date, {1, 2, 3, 4}).isEmpty());
    QCOMPARE(call("POST", api::seatWaits(), users[1], SeatWaitRequest {date, {}, u"VIP"_s}.toJson())
                 .status,
             409); // 7..10 are free

    const HttpResponse list = call("GET", api::seatWaits(), users[1]);
    QCOMPARE(list.status, 200);
    QCOMPARE(list.json().value(api::keys::kWaits).toArray().size(), 1);
    QCOMPARE(
        call("GET", api::seatWaits(), users[2]).json().value(api::keys::kWaits).toArray().size(),
        0);

    // Someone else's wait does not exist for them; leaving twice is a conflict.
    QCOMPARE(call("DELETE", api::seatWait(w.value().id), users[2]).status, 404);
    QCOMPARE(call("GET", api::seatWait(w.value().id), users[2]).status, 404);
    QCOMPARE(call("DELETE", api::seatWait(w.value().id), users[1]).status, 204);
    QCOMPARE(wait(users[1], w.value().id).status, SeatWaitStatus::Left);
    QCOMPARE(call("DELETE", api::seatWait(w.value().id), users[1]).status, 409);
    QCOMPARE(call("POST", api::seatWaitDecline(w.value().id), users[1]).status, 409);
}

void TestSeatWaits::badRequestsChangeNothing_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("status");
    QTest::addRow("seats and tier")
        << QByteArray(R"({"scheduleId":1,"seats":[1],"tier":"VIP"})") << 422;
    QTest::addRow("neither") << QByteArray(R"({"scheduleId":1})") << 422;
    QTest::addRow("five seats") << QByteArray(R"({"scheduleId":1,"seats":[1,2,3,4,5]})") << 422;
    QTest::addRow("seat 51") << QByteArray(R"({"scheduleId":1,"seats":[51]})") << 422;
    QTest::addRow("repeated") << QByteArray(R"({"scheduleId":1,"seats":[3,3]})") << 422;
    QTest::addRow("seats not a list") << QByteArray(R"({"scheduleId":1,"seats":"1"})") << 400;
    QTest::addRow("no such date") << QByteArray(R"({"scheduleId":999999,"seats":[1]})") << 404;
    QTest::addRow("no such tier") << QByteArray(R"({"scheduleId":1,"tier":"GOLD"})") << 422;
    QTest::addRow("tier too long")
        << QByteArray(R"({"scheduleId":1,"tier":"AAAAAAAAAAAAAAAAA"})") << 422;
    QTest::addRow("not json") << QByteArray("{seats") << 400;
}

void TestSeatWaits::badRequestsChangeNothing()
{
    QFETCH(QByteArray, body);
    QFETCH(int, status);
    const qint64 date = m_fx->schedulesOf(m_fx->createConcert(u"Bad"_s, 1)).first();
    body.replace("\"scheduleId\":1,", "\"scheduleId\":" + QByteArray::number(date) + ",");
    body.replace("\"scheduleId\":1}", "\"scheduleId\":" + QByteArray::number(date) + "}");
    const TestUser user = m_fx->createUsers(1, 0, u"bad"_s).first();
    // Every seat taken, so only the body decides.
    m_fx->db().exec(u"UPDATE seats SET status = 'BLOCKED' WHERE schedule_id = ?"_s, {date});
    const int before = m_fx->scalar(u"SELECT count(*) FROM seat_waits"_s).toInt();
    HttpRequest r {"POST", api::seatWaits().toUtf8(), {}, {}};
    r.bearer(user.token);
    r.headers.append(qMakePair(QByteArray("Content-Type"), QByteArray("application/json")));
    r.body = body;
    const HttpResponse answer = m_server->client().send(r);
    QCOMPARE(answer.status, status);
    QCOMPARE(m_fx->scalar(u"SELECT count(*) FROM seat_waits"_s).toInt(), before);
}

void TestSeatWaits::cancelledHoldGoesToFirstInLineLiveAndPaid()
{
    qint64 concert = 0;
    const qint64 date = freshDate(&concert);
    auto holder = m_fx->createUsers(1, kWalletMoney, u"ch"_s);
    m_fx->admit(holder, concert);
    auto waiters = m_fx->createUsers(2, kWalletMoney, u"cw"_s); // not in the queue at all
    const QString held = holdOnly(holder[0], date, {11, 12});
    QVERIFY(!held.isEmpty());
    const qint64 first = joinOk(waiters[0], date, {11, 12});
    const qint64 second = joinOk(waiters[1], date, {11});

    LiveClient live(m_server->port());
    QVERIFY(live.waitConnected());
    live.send({{u"type"_s, u"auth"_s}, {u"token"_s, QString::fromLatin1(waiters[0].token)}});
    QTRY_VERIFY(live.find(u"authenticated"_s));

    // The cancellation's answer comes after its commit, and the offer was in that transaction.
    QCOMPARE(call("DELETE", api::reservation(QUuid::fromString(held)), holder[0]).status, 200);
    const SeatWait offered = wait(waiters[0], first);
    QCOMPARE(offered.status, SeatWaitStatus::Offered);
    QVERIFY(offered.offer);
    QCOMPARE(offered.offer->seat, 11);
    QCOMPARE(offered.offer->price, Money(132'000));
    QVERIFY(offered.offer->offeredUntil > QDateTime::currentDateTimeUtc().addSecs(100));
    QCOMPARE(seatHolder(date, 11), u"HELD:"_s + userText(waiters[0]));
    QCOMPARE(wait(waiters[1], second).status, SeatWaitStatus::Waiting);
    // One offer per wait: seat 12, freed too, had nobody else waiting and is on sale again.
    QCOMPARE(seatHolder(date, 12), u"AVAILABLE:"_s);

    // Pushed live, in the shared shape.
    QTRY_VERIFY(live.find(u"seatOffer"_s));
    const auto pushed = SeatWait::fromJson(live.find(u"seatOffer"_s)->value(u"wait"_s).toObject());
    QVERIFY(pushed);
    QCOMPARE(pushed.value().id, first);
    QCOMPARE(pushed.value().offer->reservationId, offered.offer->reservationId);

    // Everybody else sees the seat taken; the waiter sees it as theirs.
    QCOMPARE(holdOnly(holder[0], date, {11}), QString());
    const HttpResponse paid = payOffer(waiters[0], concert, offered);
    QCOMPARE(paid.status, 201);
    QCOMPARE(seatHolder(date, 11), u"SOLD:"_s + userText(waiters[0]));
    QCOMPARE(wait(waiters[0], first).status, SeatWaitStatus::Accepted);
    QCOMPARE(call("GET", api::wallet(), waiters[0]).json().value(u"balance"_s).toInteger(),
             kWalletMoney - 132'000);
    verifyMoney();
}

// Issue 15: a live seat map hears that a held seat is awaited (it goes to the waiting list, not
// back on sale, when the hold ends) as the REST map says it: when someone joins, when an offer
// is made while another still waits, and when the last waiter leaves.
void TestSeatWaits::liveSeatPushesSayAwaited()
{
    qint64 concert = 0;
    const qint64 date = freshDate(&concert);
    auto customers = m_fx->createUsers(2, kWalletMoney, u"aw"_s); // a holder and a watcher
    m_fx->admit(customers, concert);
    auto waiters = m_fx->createUsers(2, kWalletMoney, u"aww"_s);
    const TestUser &holder = customers[0];
    const TestUser &watcher = customers[1];

    LiveClient live(m_server->port());
    QVERIFY(live.waitConnected());
    live.subscribeSeats(watcher.token, date, watcher.queueToken);
    QTRY_VERIFY(live.find(u"seats"_s));
    // The last pushed state of seat 31 (nullopt before any push of it).
    const auto pushed = [&live](qsizetype from) -> std::optional<Seat> {
        std::optional<Seat> last;
        for (const QJsonObject &m : live.messages.mid(from)) {
            const auto push = LiveSeats::fromJson(m);
            if (liveMessageType(m) != LiveMessageType::Seats || !push || push->full)
                continue;
            for (const Seat &s : push->map.seats) {
                if (s.number == 31)
                    last = s;
            }
        }
        return last;
    };
    const auto restSeat = [&]() {
        HttpRequest r {"GET", api::scheduleSeats(date).toLatin1(), {}, {}};
        r.bearer(watcher.token).queueToken(watcher.queueToken);
        const auto map = SeatMap::fromJson(m_server->client().send(r).json());
        return map ? map->seats.value(30) : Seat {};
    };

    qsizetype mark = live.messages.size();
    const QString held = holdOnly(holder, date, {31});
    QVERIFY(!held.isEmpty());
    QTRY_VERIFY(pushed(mark) && pushed(mark)->status == SeatStatus::Held);
    QVERIFY(!pushed(mark)->awaited);

    mark = live.messages.size();
    const qint64 first = joinOk(waiters[0], date, {31});
    QTRY_VERIFY(pushed(mark) && pushed(mark)->awaited);
    QCOMPARE(pushed(mark)->status, SeatStatus::Held);
    QVERIFY(restSeat().awaited); // the same flag on the REST map
    const qint64 second = joinOk(waiters[1], date, {31});

    // The first waiter gets the seat; the second still waits for it.
    mark = live.messages.size();
    QCOMPARE(call("DELETE", api::reservation(QUuid::fromString(held)), holder).status, 200);
    QCOMPARE(wait(waiters[0], first).status, SeatWaitStatus::Offered);
    QTRY_VERIFY(pushed(mark) && pushed(mark)->status == SeatStatus::Held);
    QVERIFY(pushed(mark)->awaited);
    QVERIFY(!pushed(mark)->mine);

    // The last waiter leaves: the offer's hold is no longer awaited.
    mark = live.messages.size();
    QCOMPARE(call("DELETE", api::seatWait(second), waiters[1]).status, 204);
    QTRY_VERIFY(pushed(mark) && !pushed(mark)->awaited);
    QCOMPARE(pushed(mark)->status, SeatStatus::Held);
    QVERIFY(!restSeat().awaited);
}

void TestSeatWaits::declinePassesToNext()
{
    qint64 concert = 0;
    const qint64 date = freshDate(&concert);
    auto holder = m_fx->createUsers(1, kWalletMoney, u"dh"_s);
    m_fx->admit(holder, concert);
    auto waiters = m_fx->createUsers(2, kWalletMoney, u"dw"_s);
    const QString held = holdOnly(holder[0], date, {21});
    const qint64 first = joinOk(waiters[0], date, {21});
    // A tier wait counts for the seat too (21 is an S seat); it came second.
    const HttpResponse tier
        = call("POST", api::seatWaits(), waiters[1], SeatWaitRequest {date, {}, u"S"_s}.toJson());
    QCOMPARE(tier.status, 409); // 22..35 are free: nothing to wait for
    QVERIFY(!holdOnly(holder[0], date, {22, 23, 24}).isEmpty());
    m_fx->db().exec(u"UPDATE seats SET status = 'BLOCKED' WHERE schedule_id = ? AND number "
                    "BETWEEN 25 AND 35"_s,
                    {date});
    const HttpResponse tierNow
        = call("POST", api::seatWaits(), waiters[1], SeatWaitRequest {date, {}, u"S"_s}.toJson());
    QCOMPARE(tierNow.status, 201);
    const qint64 tierWait
        = tierNow.json().value(api::keys::kWait).toObject().value(u"id"_s).toInteger();

    QCOMPARE(call("DELETE", api::reservation(QUuid::fromString(held)), holder[0]).status, 200);
    QCOMPARE(wait(waiters[0], first).status, SeatWaitStatus::Offered);
    // Declining someone else's offer: no such wait.
    QCOMPARE(call("POST", api::seatWaitDecline(first), waiters[1]).status, 404);
    const HttpResponse declined = call("POST", api::seatWaitDecline(first), waiters[0]);
    QCOMPARE(declined.status, 200);
    QCOMPARE(declined.json().value(api::keys::kWait).toObject().value(u"status"_s).toString(),
             u"DECLINED"_s);
    const SeatWait next = wait(waiters[1], tierWait);
    QCOMPARE(next.status, SeatWaitStatus::Offered);
    QCOMPARE(next.offer->seat, 21);
    QCOMPARE(seatHolder(date, 21), u"HELD:"_s + userText(waiters[1]));
    // Declining again: nothing live to decline.
    QCOMPARE(call("POST", api::seatWaitDecline(first), waiters[0]).status, 409);
    verifyMoney();
}

void TestSeatWaits::staffReleaseOffers()
{
    qint64 concert = 0;
    const qint64 date = freshDate(&concert);
    auto holder = m_fx->createUsers(1, kWalletMoney, u"sh"_s);
    m_fx->admit(holder, concert);
    auto waiter = m_fx->createUsers(1, kWalletMoney, u"sw"_s);
    QVERIFY(!holdOnly(holder[0], date, {30}).isEmpty());
    const qint64 w = joinOk(waiter[0], date, {30});
    const HttpResponse released = call("POST", api::adminSeatRelease(date, 30), m_staff,
                                       QJsonObject {{u"reason"_s, kReason}});
    QCOMPARE(released.status, 200);
    QCOMPARE(wait(waiter[0], w).status, SeatWaitStatus::Offered);
    QCOMPARE(seatHolder(date, 30), u"HELD:"_s + userText(waiter[0]));
}

void TestSeatWaits::refundOffers_data()
{
    QTest::addColumn<bool>("byStaff");
    QTest::addRow("customer refund") << false;
    QTest::addRow("staff refund") << true;
}

void TestSeatWaits::refundOffers()
{
    QFETCH(bool, byStaff);
    qint64 concert = 0;
    const qint64 date = freshDate(&concert);
    auto buyer = m_fx->createUsers(1, kWalletMoney, u"rb"_s);
    m_fx->admit(buyer, concert);
    auto waiter = m_fx->createUsers(1, kWalletMoney, u"rw"_s);
    const QString bought = buySeats(m_server->client(), buyer[0], date, {40, 41});
    QVERIFY(!bought.isEmpty());
    const qint64 w = joinOk(waiter[0], date, {41});
    const HttpResponse refunded = byStaff
        ? call("POST", api::adminReservationRefund(QUuid::fromString(bought)), m_staff,
               {{u"reason"_s, kReason}, {u"seats"_s, QJsonArray {41}}})
        : call("DELETE", api::reservation(QUuid::fromString(bought)), buyer[0]);
    QCOMPARE(refunded.status, 200);
    const SeatWait offered = wait(waiter[0], w);
    QCOMPARE(offered.status, SeatWaitStatus::Offered);
    QCOMPARE(offered.offer->seat, 41);
    QCOMPARE(seatHolder(date, 41), u"HELD:"_s + userText(waiter[0]));
    QCOMPARE(payOffer(waiter[0], concert, offered).status, 201);
    verifyMoney();
}

void TestSeatWaits::customerWithFourSeatsIsSkipped()
{
    qint64 concert = 0;
    const qint64 date = freshDate(&concert);
    auto users = m_fx->createUsers(3, kWalletMoney, u"fs"_s);
    m_fx->admit(users, concert);
    QVERIFY(!holdOnly(users[0], date, {3, 4}).isEmpty());
    QVERIFY(!buySeats(m_server->client(), users[0], date, {1, 2}).isEmpty()); // 4 seats: full
    const QString held = holdOnly(users[1], date, {45});
    const qint64 full = joinOk(users[0], date, {45});
    const qint64 next = joinOk(users[2], date, {45});
    QCOMPARE(call("DELETE", api::reservation(QUuid::fromString(held)), users[1]).status, 200);
    QCOMPARE(wait(users[0], full).status, SeatWaitStatus::Waiting); // skipped, still waiting
    QCOMPARE(wait(users[2], next).status, SeatWaitStatus::Offered);
    QCOMPARE(m_fx->scalar(u"SELECT count(*) FROM reservation_seats rs JOIN reservations r ON "
                          "r.id = rs.reservation_id WHERE r.user_id = ?::uuid AND r.status IN "
                          "('HELD', 'PAID')"_s,
                          {userText(users[0])})
                 .toInt(),
             4);
}

// An offer made by a cancellation races customers holding the very seat (the waiter among them)
// and staff blocking it, all at once over parallel connections, round after round: the waiting
// list must win every time — nobody else holds it, the block fails — and the seat is sold once.
void TestSeatWaits::raceOfferHoldAndBlock()
{
    qint64 concert = 0;
    const qint64 date = freshDate(&concert);
    auto holder = m_fx->createUsers(1, kWalletMoney * 5, u"rh"_s);
    auto rivals = m_fx->createUsers(8, kWalletMoney, u"rr"_s);
    auto waiters = m_fx->createUsers(10, kWalletMoney, u"rq"_s);
    m_fx->admit(holder, concert);
    m_fx->admit(rivals, concert);
    m_fx->admit(waiters, concert);
    const QList<int> seats {12, 13, 14, 15, 16, 17, 18, 19, 20, 46};
    for (int round = 0; round < seats.size(); ++round) {
        const int seat = seats[round];
        TestUser &waiter = waiters[round];
        const QString held = holdOnly(holder[0], date, {seat});
        QVERIFY(!held.isEmpty());
        const qint64 w = joinOk(waiter, date, {seat});
        QVERIFY(w > 0);
        QList<HttpRequest> burst;
        HttpRequest cancel {"DELETE", api::reservation(QUuid::fromString(held)).toUtf8(), {}, {}};
        cancel.bearer(holder[0].token);
        burst.append(cancel);
        HttpRequest block {"POST", api::adminSeatBlock(date, seat).toUtf8(), {}, {}};
        block.bearer(m_staff.token).json({{u"reason"_s, kReason}});
        burst.append(block);
        for (const TestUser &rival : std::as_const(rivals))
            burst.append(holdRequest(rival, date, {seat}));
        burst.append(holdRequest(waiter, date, {seat}));
        const QList<HttpResponse> answers = m_server->client().parallel(burst);
        QCOMPARE(answers[0].status, 200);
        QVERIFY2(answers[1].status == 409, answers[1].body.constData());
        for (int i = 2; i < answers.size(); ++i)
            QVERIFY2(answers[i].status == 409, answers[i].body.constData());
        QCOMPARE(seatHolder(date, seat), u"HELD:"_s + userText(waiter));
        const SeatWait offered = wait(waiter, w);
        QCOMPARE(offered.status, SeatWaitStatus::Offered);
        QCOMPARE(m_fx->scalar(u"SELECT count(*) FROM reservation_seats rs JOIN reservations r "
                              "ON r.id = rs.reservation_id WHERE rs.schedule_id = ? AND "
                              "rs.number = ? AND r.status = 'HELD' AND r.held_until > now()"_s,
                              {date, seat})
                     .toInt(),
                 1);
        // Paying races a rival's hold and the staff block once more: the seat is sold once.
        HttpResponse joined = call("POST", api::concertQueue(concert), waiter);
        waiter.queueToken = joined.json().value(u"token"_s).toString().toLatin1();
        const QList<HttpResponse> pay = m_server->client().parallel(
            {payRequest(waiter, offered.offer->reservationId.toString(QUuid::WithoutBraces),
                        "race-pay-" + QByteArray::number(round)),
             holdRequest(rivals[0], date, {seat}), block});
        QCOMPARE(pay[0].status, 201);
        QCOMPARE(pay[1].status, 409);
        QCOMPARE(pay[2].status, 409);
        QCOMPARE(seatHolder(date, seat), u"SOLD:"_s + userText(waiter));
    }
    verifyMoney();
    // The holder's money is untouched (cancelled holds cost nothing), each waiter paid once.
    for (const TestUser &waiter : std::as_const(waiters))
        QVERIFY(call("GET", api::wallet(), waiter).json().value(u"balance"_s).toInteger()
                < kWalletMoney);
    QCOMPARE(call("GET", api::wallet(), holder[0]).json().value(u"balance"_s).toInteger(),
             kWalletMoney * 5);
}

// A hold that ran out while someone waits for its seat belongs to the waiting list: general sale
// and staff blocking cannot take it before the sweeper has offered it (within a second).
void TestSeatWaits::expiredHoldIsOfferedNotSold()
{
    qint64 concert = 0;
    const qint64 date = freshDate(&concert);
    auto holder = m_fx->createUsers(1, kWalletMoney, u"eh"_s);
    auto rivals = m_fx->createUsers(6, kWalletMoney, u"er"_s);
    auto waiter = m_fx->createUsers(1, kWalletMoney, u"ew"_s);
    m_fx->admit(holder, concert);
    m_fx->admit(rivals, concert);
    const QString held = holdOnly(holder[0], date, {33});
    const qint64 w = joinOk(waiter[0], date, {33});
    // The hold runs out now (as if its five minutes had passed); the sweeper has not been by.
    m_fx->db().exec(u"UPDATE reservations SET held_until = now() - interval '1 second' "
                    "WHERE id = ?::uuid"_s,
                    {held});
    m_fx->db().exec(u"UPDATE seats SET held_until = now() - interval '1 second' "
                    "WHERE reservation_id = ?::uuid"_s,
                    {held});
    // Not for sale in any count either (before the sweeper's offer and after it alike): the
    // concert list's and the staff console's.
    QCOMPARE(m_fx->services().concerts.availability({date}).value(0).availableSeats, 49);
    const auto staffMap
        = AdminSeatMap::fromJson(call("GET", api::adminScheduleSeats(date), m_staff).json());
    QVERIFY(staffMap);
    QCOMPARE(staffMap->seat(33)->seat.status, SeatStatus::Held);
    QList<HttpRequest> burst;
    for (const TestUser &rival : std::as_const(rivals))
        burst.append(holdRequest(rival, date, {33}));
    HttpRequest block {"POST", api::adminSeatBlock(date, 33).toUtf8(), {}, {}};
    block.bearer(m_staff.token).json({{u"reason"_s, kReason}});
    burst.append(block);
    for (const HttpResponse &r : m_server->client().parallel(burst))
        QVERIFY2(r.status == 409, r.body.constData());
    QTRY_COMPARE_WITH_TIMEOUT(wait(waiter[0], w).status, SeatWaitStatus::Offered, 10'000);
    QCOMPARE(seatHolder(date, 33), u"HELD:"_s + userText(waiter[0]));
}

void TestSeatWaits::lapsedOfferPassesToNext()
{
    // Offers of 2 seconds on a server of their own.
    TestServer server({u"--seat-offer-seconds"_s, u"2"_s});
    QVERIFY(server.start());
    Fixtures fx(server.database());
    const qint64 concert = fx.createConcert(u"Lapse"_s, 1);
    const qint64 date = fx.schedulesOf(concert).first();
    auto holder = fx.createUsers(1, kWalletMoney, u"lh"_s);
    auto waiters = fx.createUsers(2, kWalletMoney, u"lw"_s);
    fx.admit(holder, concert);
    HttpClient client = server.client();
    const HttpResponse held = client.send(holdRequest(holder[0], date, {8}));
    QCOMPARE(held.status, 201);
    const auto joinAt = [&](const TestUser &u) {
        HttpRequest r {"POST", api::seatWaits().toUtf8(), {}, {}};
        r.bearer(u.token).json(SeatWaitRequest {date, {8}, {}}.toJson());
        return client.send(r).json().value(api::keys::kWait).toObject().value(u"id"_s).toInteger();
    };
    const auto statusOf = [&](const TestUser &u, qint64 id) {
        return client.get(api::seatWait(id).toUtf8(), u.token)
            .json()
            .value(api::keys::kWait)
            .toObject()
            .value(u"status"_s)
            .toString();
    };
    const qint64 first = joinAt(waiters[0]);
    const qint64 second = joinAt(waiters[1]);
    HttpRequest cancel {
        "DELETE",
        api::reservation(
            QUuid::fromString(
                held.json().value(u"reservation"_s).toObject().value(u"id"_s).toString()))
            .toUtf8(),
        {},
        {}};
    cancel.bearer(holder[0].token);
    QCOMPARE(client.send(cancel).status, 200);
    QCOMPARE(statusOf(waiters[0], first), u"OFFERED"_s);
    QCOMPARE(statusOf(waiters[1], second), u"WAITING"_s);
    // Nobody pays: the offer lapses and the sweeper passes the seat to the next person.
    QTRY_COMPARE_WITH_TIMEOUT(statusOf(waiters[1], second), u"OFFERED"_s, 15'000);
    QCOMPARE(statusOf(waiters[0], first), u"LAPSED"_s);
    // And when that one lapses too with nobody left, the seat returns to general sale.
    QTRY_COMPARE_WITH_TIMEOUT(statusOf(waiters[1], second), u"LAPSED"_s, 15'000);
    int status = 0; // QTRY evaluates once more after success: hold only until it worked
    QTRY_VERIFY_WITH_TIMEOUT(
        status == 201 || (status = client.send(holdRequest(holder[0], date, {8})).status) == 201,
        15'000);
}

void TestSeatWaits::cancelledDateClearsWaits()
{
    qint64 concert = 0;
    const qint64 date = freshDate(&concert);
    auto users = m_fx->createUsers(3, kWalletMoney, u"cd"_s);
    m_fx->admit(users, concert);
    QVERIFY(!buySeats(m_server->client(), users[0], date, {9}).isEmpty());
    const qint64 w = joinOk(users[1], date, {9});
    const qint64 w2 = joinOk(users[2], date, {9});
    const HttpResponse cancelled
        = call("POST", api::adminScheduleCancel(date), m_staff, {{u"reason"_s, kReason}});
    QCOMPARE(cancelled.status, 200);
    // The refund freed seat 9, but the date is gone: nobody got it, every wait ended.
    QCOMPARE(wait(users[1], w).status, SeatWaitStatus::Cleared);
    QCOMPARE(wait(users[2], w2).status, SeatWaitStatus::Cleared);
    QCOMPARE(seatHolder(date, 9), u"AVAILABLE:"_s);
    QCOMPARE(join(users[1], date, {9}).status, 409); // not on sale
    verifyMoney();
}

void TestSeatWaits::staffSeeAndClear()
{
    qint64 concert = 0;
    const qint64 date = freshDate(&concert);
    auto users = m_fx->createUsers(3, kWalletMoney, u"sc"_s);
    m_fx->admit(users, concert);
    QVERIFY(!holdOnly(users[0], date, {47}).isEmpty());
    joinOk(users[1], date, {47});
    joinOk(users[2], date, {47});
    const QString path = api::adminScheduleSeatWaits(date);
    QCOMPARE(call("GET", path, users[1]).status, 403);
    QCOMPARE(call("DELETE", path, users[1], {{u"reason"_s, kReason}}).status, 403);
    const HttpResponse list = call("GET", path, m_staff);
    QCOMPARE(list.status, 200);
    const auto waits = decodeList<SeatWait>(list.json(), api::keys::kWaits);
    QVERIFY(waits);
    QCOMPARE(waits.value().size(), 2);
    QCOMPARE(waits.value()[0].username, users[1].username); // in order
    QCOMPARE(waits.value()[1].username, users[2].username);
    QCOMPARE(call("GET", api::adminScheduleSeatWaits(999999), m_staff).status, 404);

    QCOMPARE(call("DELETE", path, m_staff, {{u"reason"_s, u"x"_s}}).status, 422);
    const HttpResponse cleared = call("DELETE", path, m_staff, {{u"reason"_s, kReason}});
    QCOMPARE(cleared.status, 200);
    const auto counts = SeatWaitsCleared::fromJson(cleared.json());
    QVERIFY(counts);
    QCOMPARE(counts.value().cleared, 2);
    QCOMPARE(m_fx->scalar(u"SELECT details->>'reason' FROM audit_log WHERE action = "
                          "'seatwaits.clear' ORDER BY id DESC LIMIT 1"_s)
                 .toString(),
             kReason);
    QCOMPARE(
        decodeList<SeatWait>(call("GET", path, m_staff).json(), api::keys::kWaits).value().size(),
        0);
}

QTEST_GUILESS_MAIN(TestSeatWaits)
#include "tst_seatwaits.moc"
