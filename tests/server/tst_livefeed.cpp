// GET /api/v1/live: authenticated WebSocket subscribers hear every seat change (hold, cancel,
// sale, expiry) and queue change, on every worker and every instance; bad clients are closed; a
// date's seats follow the REST rule (an ACTIVE queue token of that concert, or the staff role).
#include "api/livemessage.h"
#include "apipaths.h"
#include "bookingrequests.h"
#include "fixtures.h"
#include "liveclient.h"
#include "testserver.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QSignalSpy>
#include <QTest>
#include <QWebSocket>

using namespace Qt::StringLiterals;
using namespace encore::test;
namespace api = encore::api;

namespace {

std::function<bool(const QJsonObject &)> seatIs(int number, const QString &status,
                                                std::optional<bool> mine = {})
{
    return [=](const QJsonObject &m) {
        for (const QJsonValue &v : m.value(u"seats"_s).toArray()) {
            const QJsonObject s = v.toObject();
            if (s.value(u"number"_s).toInt() == number && s.value(u"status"_s).toString() == status
                && (!mine || s.value(u"mine"_s).toBool() == *mine))
                return true;
        }
        return false;
    };
}

} // namespace

class TestLiveFeed final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void seatChangesReachSubscribers();
    void changesCrossInstances();
    void wholeDateChangeArrivesInChunks();
    void queueTicketIsPushed();
    void seatSubscriptionNeedsActiveTurn_data();
    void seatSubscriptionNeedsActiveTurn();
    void staffFollowSeatsByRole();
    void subscriptionEndsWithTheTurn();
    void badClientsAreClosed_data();
    void badClientsAreClosed();
    void plainHttpIsRefused();

private:
    HttpResponse hold(const TestUser &u, qint64 schedule, QList<int> seats);
    int setPaused(qint64 concert, bool paused);
    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<Fixtures> m_fx;
    qint64 m_concert = 0;
    qint64 m_schedule = 0;
    QList<TestUser> m_users;
    QList<TestUser> m_staff;
};

void TestLiveFeed::initTestCase()
{
    m_server = std::make_unique<TestServer>(QStringList {u"--hold-seconds"_s, u"3"_s});
    QVERIFY(m_server->start());
    m_fx = std::make_unique<Fixtures>(m_server->database());
    m_concert = m_fx->createConcert(u"Live"_s, 1);
    m_schedule = m_fx->schedulesOf(m_concert).first();
    m_users = m_fx->createUsers(4, 1'000'000);
    m_fx->admit(m_users, m_concert);
    m_staff = m_fx->createUsers(1, 0, u"crew"_s);
    m_fx->db().exec(u"UPDATE users SET role = 'staff' WHERE id = ?::uuid"_s,
                    {m_staff[0].id.toString(QUuid::WithoutBraces)});
}

HttpResponse TestLiveFeed::hold(const TestUser &u, qint64 schedule, QList<int> seats)
{
    return m_server->client().send(holdRequest(u, schedule, seats));
}

int TestLiveFeed::setPaused(qint64 concert, bool paused)
{
    HttpRequest put {"PUT", api::adminQueueSettings(concert).toLatin1(), {}, {}};
    put.bearer(m_staff[0].token)
        .json({{u"maxActive"_s, 10},
               {u"admitPerMinute"_s, 600},
               {u"activeTtlSeconds"_s, 600},
               {u"paused"_s, paused}});
    return m_server->client().send(put).status;
}

void TestLiveFeed::seatChangesReachSubscribers()
{
    LiveClient a(m_server->port());
    QVERIFY(a.waitConnected());
    a.subscribeSeats(m_users[0].token, m_schedule, m_users[0].queueToken);
    QTRY_VERIFY(a.find(u"authenticated"_s));
    QTRY_VERIFY(
        a.find(u"seats"_s, [](const QJsonObject &m) { return m.value(u"full"_s).toBool(); }));
    QCOMPARE(a.find(u"seats"_s)->value(u"seats"_s).toArray().size(), 50);

    // Another customer's hold: seen as HELD, not mine.
    qsizetype mark = a.messages.size();
    const HttpResponse other = hold(m_users[1], m_schedule, {5});
    QCOMPARE(other.status, 201);
    QTRY_VERIFY(a.find(u"seats"_s, seatIs(5, u"HELD"_s, false), mark));
    // Our own hold: mine.
    mark = a.messages.size();
    QCOMPARE(hold(m_users[0], m_schedule, {6}).status, 201);
    QTRY_VERIFY(a.find(u"seats"_s, seatIs(6, u"HELD"_s, true), mark));
    // A cancellation frees the seat.
    mark = a.messages.size();
    HttpRequest cancel {
        "DELETE",
        api::reservation(
            QUuid(other.json().value(u"reservation"_s).toObject().value(u"id"_s).toString()))
            .toLatin1(),
        {},
        {}};
    QCOMPARE(m_server->client().send(cancel.bearer(m_users[1].token)).status, 200);
    QTRY_VERIFY(a.find(u"seats"_s, seatIs(5, u"AVAILABLE"_s), mark));
    QVERIFY(!a.find(u"seats"_s, seatIs(6, u"AVAILABLE"_s), mark));
    // Expiry (hold time 3 s) is announced by the sweeper without any request.
    QTRY_VERIFY_WITH_TIMEOUT(a.find(u"seats"_s, seatIs(6, u"AVAILABLE"_s), mark), 15'000);
    // Versions only grow.
    qint64 last = 0;
    for (const QJsonObject &m : a.messages) {
        if (m.value(u"type"_s).toString() != u"seats" || m.value(u"full"_s).toBool())
            continue;
        QVERIFY(m.value(u"version"_s).toInteger() > last);
        last = m.value(u"version"_s).toInteger();
    }
}

void TestLiveFeed::changesCrossInstances()
{
    TestServer second(m_server->database(), {});
    QVERIFY(second.start());
    LiveClient b(second.port());
    QVERIFY(b.waitConnected());
    b.subscribeSeats(m_users[2].token, m_schedule, m_users[2].queueToken);
    QTRY_VERIFY(b.find(u"seats"_s));
    // A hold made through the first instance reaches a subscriber of the second.
    const qsizetype mark = b.messages.size();
    QCOMPARE(hold(m_users[3], m_schedule, {40}).status, 201);
    QTRY_VERIFY(b.find(u"seats"_s, seatIs(40, u"HELD"_s, false), mark));
}

void TestLiveFeed::wholeDateChangeArrivesInChunks()
{
    // All 50 seats held in one statement: the announcement would pass NOTIFY's 8000-byte limit
    // as one message (the statement would fail); it comes in chunks, and every seat arrives.
    const qint64 concert = m_fx->createConcert(u"Bulk"_s, 1);
    const qint64 schedule = m_fx->schedulesOf(concert).first();
    QList<TestUser> watcher {m_users[0]};
    m_fx->admit(watcher, concert);
    LiveClient a(m_server->port());
    QVERIFY(a.waitConnected());
    a.subscribeSeats(watcher[0].token, schedule, watcher[0].queueToken);
    QTRY_VERIFY(a.find(u"seats"_s));
    const qsizetype mark = a.messages.size();
    const QString user = m_users[1].id.toString(QUuid::WithoutBraces);
    m_fx->db().exec(
        u"INSERT INTO reservations(id, user_id, schedule_id, held_until) "
        "VALUES ('00000000-0000-0000-0000-0000000000b1', ?::uuid, ?, now() + interval '1 hour')"_s,
        {user, schedule});
    m_fx->db().exec(
        u"UPDATE seats SET status = 'HELD', reservation_id = "
        u"'00000000-0000-0000-0000-0000000000b1', "
        "held_until = now() + interval '1 hour', version = nextval('seat_version_seq') WHERE schedule_id = ?"_s,
        {schedule});
    QSet<int> held;
    QTRY_VERIFY_WITH_TIMEOUT(([&] {
                                 held.clear();
                                 for (const QJsonObject &m : a.messages.mid(mark)) {
                                     if (m.value(u"type"_s).toString() != u"seats")
                                         continue;
                                     for (const QJsonValue &v : m.value(u"seats"_s).toArray()) {
                                         if (v.toObject().value(u"status"_s).toString() == u"HELD")
                                             held.insert(v.toObject().value(u"number"_s).toInt());
                                     }
                                 }
                                 return held.size() == 50;
                             }()),
                             10'000);
}

void TestLiveFeed::queueTicketIsPushed()
{
    const qint64 concert = m_fx->createConcert(u"Queue live"_s, 1);
    QCOMPARE(setPaused(concert, true), 200);
    auto users = m_fx->createUsers(1, 0, u"waiter"_s);
    const HttpResponse join
        = m_server->client().post(api::concertQueue(concert).toLatin1(), {}, users[0].token);
    QCOMPARE(join.json().value(u"status"_s).toString(), u"WAITING"_s);
    LiveClient c(m_server->port());
    QVERIFY(c.waitConnected());
    c.send({{u"type"_s, u"auth"_s}, {u"token"_s, QString::fromLatin1(users[0].token)}});
    c.send(
        {{u"type"_s, u"subscribe"_s}, {u"queueToken"_s, join.json().value(u"token"_s).toString()}});
    QTRY_VERIFY(c.find(u"queue"_s, [](const QJsonObject &m) {
        return m.value(u"status"_s).toString() == u"WAITING";
    }));
    QCOMPARE(setPaused(concert, false), 200);
    QTRY_VERIFY_WITH_TIMEOUT(
        c.find(u"queue"_s,
               [](const QJsonObject &m) { return m.value(u"status"_s).toString() == u"ACTIVE"; }),
        10'000);
    // The app stops following it with the shared unsubscribe frame: accepted, the socket stays.
    c.send(
        encore::LiveSubscription::queue(join.json().value(u"token"_s).toString()).ended().toJson());
    c.send(encore::liveMessage(encore::LiveMessageType::Ping));
    QTRY_VERIFY(c.find(u"pong"_s));
    QCOMPARE(c.socket.state(), QAbstractSocket::ConnectedState);
}

void TestLiveFeed::seatSubscriptionNeedsActiveTurn_data()
{
    // Each row: which queue token a customer sends with {type:"subscribe", scheduleId}. Every
    // one is refused with QUEUE_NOT_ACTIVE on the open socket, and no seat arrives.
    QTest::addColumn<QString>("token");
    QTest::addRow("no token") << u"none"_s;
    QTest::addRow("empty token") << u"empty"_s;
    QTest::addRow("forged token") << u"forged"_s;
    QTest::addRow("another customer's token") << u"foreign"_s;
    QTest::addRow("another concert's token") << u"otherConcert"_s;
    QTest::addRow("expired token") << u"expired"_s;
    QTest::addRow("waiting, not yet admitted") << u"waiting"_s;
}

void TestLiveFeed::seatSubscriptionNeedsActiveTurn()
{
    QFETCH(QString, token);
    QList<TestUser> me = m_fx->createUsers(1, 0, u"nosy"_s);
    QByteArray queueToken;
    if (token == u"empty") {
        queueToken = "";
    } else if (token == u"forged") {
        queueToken = "forged-queue-token";
    } else if (token == u"foreign") {
        queueToken = m_users[1].queueToken; // an ACTIVE token, but not this customer's
    } else if (token == u"otherConcert") {
        m_fx->admit(me, m_fx->createConcert(u"Elsewhere"_s, 1));
        queueToken = me[0].queueToken;
    } else if (token == u"expired") {
        m_fx->admit(me, m_concert, -60);
        queueToken = me[0].queueToken;
    } else if (token == u"waiting") {
        const qint64 paused = m_fx->createConcert(u"Paused line"_s, 1);
        QCOMPARE(setPaused(paused, true), 200);
        const HttpResponse join
            = m_server->client().post(api::concertQueue(paused).toLatin1(), {}, me[0].token);
        QCOMPARE(join.json().value(u"status"_s).toString(), u"WAITING"_s);
        queueToken = join.json().value(u"token"_s).toString().toLatin1();
        QVERIFY(m_fx->schedulesOf(paused).size() == 1);
        LiveClient c(m_server->port());
        QVERIFY(c.waitConnected());
        c.subscribeSeats(me[0].token, m_fx->schedulesOf(paused).first(), queueToken);
        QTRY_VERIFY(c.find(u"error"_s));
        QCOMPARE(c.find(u"error"_s)->value(u"error"_s).toObject().value(u"code"_s).toString(),
                 u"QUEUE_NOT_ACTIVE"_s);
        QCOMPARE(c.find(u"error"_s)
                     ->value(u"error"_s)
                     .toObject()
                     .value(u"details"_s)
                     .toObject()
                     .value(u"position"_s)
                     .toInt(),
                 1);
        QVERIFY(!c.find(u"seats"_s));
        return;
    }
    LiveClient c(m_server->port());
    QVERIFY(c.waitConnected());
    c.subscribeSeats(me[0].token, m_schedule, queueToken);
    QTRY_VERIFY(c.find(u"error"_s));
    const QJsonObject refused = *c.find(u"error"_s);
    QCOMPARE(refused.value(u"subscription"_s).toString(), u"seats"_s);
    QCOMPARE(refused.value(u"scheduleId"_s).toInteger(), m_schedule);
    QCOMPARE(refused.value(u"error"_s).toObject().value(u"code"_s).toString(),
             u"QUEUE_NOT_ACTIVE"_s);
    QVERIFY(!refused.value(u"error"_s).toObject().value(u"message"_s).toString().isEmpty());
    // The socket stays open, and no map came: an accepted subscription answers with the full
    // map at once, before the pong of a ping sent after it.
    c.send({{u"type"_s, u"ping"_s}});
    QTRY_VERIFY(c.find(u"pong"_s));
    QCOMPARE(c.socket.state(), QAbstractSocket::ConnectedState);
    QVERIFY(!c.find(u"seats"_s));
}

void TestLiveFeed::staffFollowSeatsByRole()
{
    // Staff need no queue turn: with their role the full map comes, and changes follow.
    LiveClient staff(m_server->port());
    QVERIFY(staff.waitConnected());
    staff.subscribeSeats(m_staff[0].token, m_schedule, {}, {{u"role"_s, u"staff"_s}});
    QTRY_VERIFY(
        staff.find(u"seats"_s, [](const QJsonObject &m) { return m.value(u"full"_s).toBool(); }));
    QVERIFY(!staff.find(u"error"_s));
    const qsizetype mark = staff.messages.size();
    const HttpResponse held = hold(m_users[3], m_schedule, {44});
    QCOMPARE(held.status, 201);
    QTRY_VERIFY(staff.find(u"seats"_s, seatIs(44, u"HELD"_s, false), mark));

    // A customer who claims the role is refused with FORBIDDEN, and sees nothing.
    LiveClient pretender(m_server->port());
    QVERIFY(pretender.waitConnected());
    pretender.subscribeSeats(m_users[2].token, m_schedule, m_users[2].queueToken,
                             {{u"role"_s, u"staff"_s}});
    QTRY_VERIFY(pretender.find(u"error"_s));
    QCOMPARE(pretender.find(u"error"_s)->value(u"error"_s).toObject().value(u"code"_s).toString(),
             u"FORBIDDEN"_s);
    QVERIFY(!pretender.find(u"seats"_s));
}

void TestLiveFeed::subscriptionEndsWithTheTurn()
{
    // A short turn: the subscription is accepted, then ends with QUEUE_NOT_ACTIVE once the
    // turn is over (at the next change of the date), and no seat follows.
    QList<TestUser> me = m_fx->createUsers(1, 0, u"brief"_s);
    m_fx->admit(me, m_concert, 2);
    const QDateTime turnEnds = QDateTime::currentDateTimeUtc().addSecs(2);
    LiveClient c(m_server->port());
    QVERIFY(c.waitConnected());
    c.subscribeSeats(me[0].token, m_schedule, me[0].queueToken);
    QTRY_VERIFY(c.find(u"seats"_s));
    QTRY_VERIFY_WITH_TIMEOUT(QDateTime::currentDateTimeUtc() > turnEnds.addMSecs(200), 10'000);
    const qsizetype mark = c.messages.size();
    QCOMPARE(hold(m_users[3], m_schedule, {45}).status, 201);
    QTRY_VERIFY(c.find(u"error"_s, {}, mark));
    QCOMPARE(c.find(u"error"_s, {}, mark)->value(u"error"_s).toObject().value(u"code"_s).toString(),
             u"QUEUE_NOT_ACTIVE"_s);
    QVERIFY(!c.find(u"seats"_s, {}, mark));
}

void TestLiveFeed::badClientsAreClosed_data()
{
    QTest::addColumn<QStringList>("frames");
    QTest::addColumn<int>("closeCode");
    QTest::addRow("not json") << QStringList {u"hello"_s} << 4002;
    QTest::addRow("no type") << QStringList {u"{}"_s} << 4002;
    QTest::addRow("subscribe before auth")
        << QStringList {uR"({"type":"subscribe","scheduleId":1})"_s} << 4001;
    QTest::addRow("forged token") << QStringList {uR"({"type":"auth","token":"forged"})"_s} << 4001;
    QTest::addRow("unknown type") << QStringList {uR"({"type":"auth","token":"%1"})"_s,
                                                  uR"({"type":"dance"})"_s}
                                  << 4002;
    QTest::addRow("bad schedule id") << QStringList {uR"({"type":"auth","token":"%1"})"_s,
                                                     uR"({"type":"subscribe","scheduleId":"x"})"_s}
                                     << 4002;
}

void TestLiveFeed::badClientsAreClosed()
{
    QFETCH(QStringList, frames);
    QFETCH(int, closeCode);
    LiveClient c(m_server->port());
    QVERIFY(c.waitConnected());
    for (const QString &f : frames)
        c.socket.sendTextMessage(f.contains(u"%1"_s) ? f.arg(QString::fromLatin1(m_users[0].token))
                                                     : f);
    QTRY_COMPARE(c.socket.state(), QAbstractSocket::UnconnectedState);
    QCOMPARE(int(c.socket.closeCode()), closeCode);
    QVERIFY(!c.socket.closeReason().isEmpty());
}

void TestLiveFeed::plainHttpIsRefused()
{
    QCOMPARE(m_server->client().get(api::live().toLatin1()).status, 426);
}

QTEST_GUILESS_MAIN(TestLiveFeed)
#include "tst_livefeed.moc"
