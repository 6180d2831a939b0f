// GET /api/v1/live: authenticated WebSocket subscribers hear every seat change (hold, cancel,
// sale, expiry) and queue change, on every worker and every instance; bad clients are closed.
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
    void badClientsAreClosed_data();
    void badClientsAreClosed();
    void plainHttpIsRefused();

private:
    HttpResponse hold(const TestUser &u, qint64 schedule, QList<int> seats);
    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<Fixtures> m_fx;
    qint64 m_concert = 0;
    qint64 m_schedule = 0;
    QList<TestUser> m_users;
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
}

HttpResponse TestLiveFeed::hold(const TestUser &u, qint64 schedule, QList<int> seats)
{
    return m_server->client().send(holdRequest(u, schedule, seats));
}

void TestLiveFeed::seatChangesReachSubscribers()
{
    LiveClient a(m_server->port());
    QVERIFY(a.waitConnected());
    a.send({{u"type"_s, u"auth"_s}, {u"token"_s, QString::fromLatin1(m_users[0].token)}});
    a.send({{u"type"_s, u"subscribe"_s}, {u"scheduleId"_s, m_schedule}});
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
        "/api/v1/reservations/"
            + other.json().value(u"reservation"_s).toObject().value(u"id"_s).toString().toLatin1(),
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
    b.send({{u"type"_s, u"auth"_s}, {u"token"_s, QString::fromLatin1(m_users[2].token)}});
    b.send({{u"type"_s, u"subscribe"_s}, {u"scheduleId"_s, m_schedule}});
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
    const qint64 schedule = m_fx->schedulesOf(m_fx->createConcert(u"Bulk"_s, 1)).first();
    LiveClient a(m_server->port());
    QVERIFY(a.waitConnected());
    a.send({{u"type"_s, u"auth"_s}, {u"token"_s, QString::fromLatin1(m_users[0].token)}});
    a.send({{u"type"_s, u"subscribe"_s}, {u"scheduleId"_s, schedule}});
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
    auto staff = m_fx->createUsers(1, 0, u"staff"_s);
    m_fx->db().exec(u"UPDATE users SET role = 'staff' WHERE id = ?::uuid"_s,
                    {staff[0].id.toString(QUuid::WithoutBraces)});
    const auto setPaused = [&](bool paused) {
        HttpRequest put {"PUT",
                         "/api/v1/admin/concerts/" + QByteArray::number(concert)
                             + "/queue-settings",
                         {},
                         {}};
        put.bearer(staff[0].token)
            .json({{u"maxActive"_s, 10},
                   {u"admitPerMinute"_s, 600},
                   {u"activeTtlSeconds"_s, 600},
                   {u"paused"_s, paused}});
        return m_server->client().send(put).status;
    };
    QCOMPARE(setPaused(true), 200);
    auto users = m_fx->createUsers(1, 0, u"waiter"_s);
    const HttpResponse join = m_server->client().post(
        "/api/v1/concerts/" + QByteArray::number(concert) + "/queue", {}, users[0].token);
    QCOMPARE(join.json().value(u"status"_s).toString(), u"WAITING"_s);
    LiveClient c(m_server->port());
    QVERIFY(c.waitConnected());
    c.send({{u"type"_s, u"auth"_s}, {u"token"_s, QString::fromLatin1(users[0].token)}});
    c.send(
        {{u"type"_s, u"subscribe"_s}, {u"queueToken"_s, join.json().value(u"token"_s).toString()}});
    QTRY_VERIFY(c.find(u"queue"_s, [](const QJsonObject &m) {
        return m.value(u"status"_s).toString() == u"WAITING";
    }));
    QCOMPARE(setPaused(false), 200);
    QTRY_VERIFY_WITH_TIMEOUT(
        c.find(u"queue"_s,
               [](const QJsonObject &m) { return m.value(u"status"_s).toString() == u"ACTIVE"; }),
        10'000);
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
    QCOMPARE(m_server->client().get("/api/v1/live").status, 426);
}

QTEST_GUILESS_MAIN(TestLiveFeed)
#include "tst_livefeed.moc"
