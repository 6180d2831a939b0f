// Holds run out by the clock, not by a timer in a process: a hold made before the server went
// down is free after its time once the server is back, with nobody asking for that seat; and a
// running server shows an expired hold as available at once, before its sweeper gets there.
#include "apipaths.h"
#include "fixtures.h"
#include "jsonreader.h"
#include "testserver.h"

#include <QJsonArray>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace encore::test;
namespace api = encore::api;

namespace {

HttpRequest holdRequest(const TestUser &user, qint64 scheduleId, int seat)
{
    HttpRequest r {"POST", api::reservations().toLatin1(), {}, {}};
    r.bearer(user.token)
        .queueToken(user.queueToken)
        .json({{u"scheduleId"_s, scheduleId}, {u"seats"_s, QJsonArray {seat}}});
    return r;
}

QJsonObject seatOf(const HttpResponse &map, int number)
{
    for (const QJsonValue &seat : map.json().value(u"seats"_s).toArray()) {
        if (seat.toObject().value(u"number"_s).toInt() == number)
            return seat.toObject();
    }
    return {};
}

} // namespace

class TestExpiry final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void holdExpiresWhileServerIsDown();
    void expiredHoldShowsAvailableBeforeSweep();

private:
    // A hold made now; returns the reservation id.
    QString hold(const TestUser &user, qint64 scheduleId, int seat);

    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<Fixtures> m_fixtures;
    qint64 m_concert = 0;
    qint64 m_schedule = 0;
};

void TestExpiry::initTestCase()
{
    m_server = std::make_unique<TestServer>(QStringList {u"--hold-seconds"_s, u"3"_s});
    QVERIFY(m_server->start());
    m_fixtures = std::make_unique<Fixtures>(m_server->database());
    m_concert = m_fixtures->createConcert(u"Expiry"_s);
    m_schedule = m_fixtures->schedulesOf(m_concert).first();
}

QString TestExpiry::hold(const TestUser &user, qint64 scheduleId, int seat)
{
    const HttpResponse r = m_server->client().send(holdRequest(user, scheduleId, seat));
    if (r.status != 201)
        qWarning() << "hold failed:" << r.status << r.body;
    return r.json().value(u"reservation"_s).toObject().value(u"id"_s).toString();
}

void TestExpiry::holdExpiresWhileServerIsDown()
{
    constexpr int kSeat = 5;
    QList<TestUser> users = m_fixtures->createUsers(2, 200'000, u"down"_s);
    m_fixtures->admit(users, m_concert);
    const QString reservation = hold(users[0], m_schedule, kSeat);
    QVERIFY(!reservation.isEmpty());
    m_server->stop();

    const QString seatStatus = u"SELECT status FROM seats WHERE schedule_id = ? AND number = ?"_s;
    const QString reservationStatus = u"SELECT status FROM reservations WHERE id = ?::uuid"_s;
    QCOMPARE(m_fixtures->scalar(seatStatus, {m_schedule, kSeat}).toString(), u"HELD"_s);
    // The hold's time passes while no server runs.
    QTRY_VERIFY_WITH_TIMEOUT(
        m_fixtures
            ->scalar(u"SELECT held_until < now() FROM reservations WHERE id = ?::uuid"_s,
                     {reservation})
            .toBool(),
        10'000);
    QCOMPARE(m_fixtures->scalar(seatStatus, {m_schedule, kSeat}).toString(), u"HELD"_s);
    QCOMPARE(m_fixtures->scalar(reservationStatus, {reservation}).toString(), u"HELD"_s);

    QVERIFY(m_server->restart());
    // Nobody asks for the seat: the restarted server frees it by itself.
    QTRY_COMPARE_WITH_TIMEOUT(m_fixtures->scalar(seatStatus, {m_schedule, kSeat}).toString(),
                              u"AVAILABLE"_s, 5'000);
    QTRY_COMPARE_WITH_TIMEOUT(m_fixtures->scalar(reservationStatus, {reservation}).toString(),
                              u"EXPIRED"_s, 5'000);
    QVERIFY(m_fixtures
                ->scalar(u"SELECT reservation_id IS NULL AND held_until IS NULL FROM seats "
                         "WHERE schedule_id = ? AND number = ?"_s,
                         {m_schedule, kSeat})
                .toBool());

    const QString second = hold(users[1], m_schedule, kSeat);
    QVERIFY(!second.isEmpty());
    QCOMPARE(
        m_fixtures
            ->scalar(
                u"SELECT reservation_id::text FROM seats WHERE schedule_id = ? AND number = ?"_s,
                {m_schedule, kSeat})
            .toString(),
        second);
}

void TestExpiry::expiredHoldShowsAvailableBeforeSweep()
{
    constexpr int kSeat = 9;
    QList<TestUser> users = m_fixtures->createUsers(1, 200'000, u"sweep"_s);
    m_fixtures->admit(users, m_concert);
    const TestUser &user = users.first();
    const QString reservation = hold(user, m_schedule, kSeat);
    QVERIFY(!reservation.isEmpty());

    HttpRequest seats {"GET", api::scheduleSeats(m_schedule).toLatin1(), {}, {}};
    seats.bearer(user.token).queueToken(user.queueToken);
    const HttpClient http = m_server->client();
    const QJsonObject before = seatOf(http.send(seats), kSeat);
    QCOMPARE(before.value(u"status"_s).toString(), u"HELD"_s);
    QVERIFY(before.value(u"mine"_s).toBool());
    QVERIFY(encore::parseIsoTime(before.value(u"heldUntil"_s).toString()).isValid());

    {
        // Keep the sweeper off this seat and reservation (it skips locked rows), so what the API
        // shows can only come from held_until.
        encore::server::Transaction pin(m_fixtures->db());
        m_fixtures->db().exec(
            u"SELECT 1 FROM seats WHERE schedule_id = ? AND number = ? FOR UPDATE"_s,
            {m_schedule, kSeat});
        m_fixtures->db().exec(u"SELECT 1 FROM reservations WHERE id = ?::uuid FOR UPDATE"_s,
                              {reservation});
        QTRY_VERIFY_WITH_TIMEOUT(
            m_fixtures
                ->scalar(u"SELECT held_until < clock_timestamp() FROM reservations "
                         "WHERE id = ?::uuid"_s,
                         {reservation})
                .toBool(),
            10'000);

        const QJsonObject after = seatOf(http.send(seats), kSeat);
        QCOMPARE(after.value(u"status"_s).toString(), u"AVAILABLE"_s);
        QVERIFY(after.value(u"heldUntil"_s).isNull());
        QVERIFY(!after.value(u"mine"_s).toBool());
        const HttpResponse mine
            = http.get(api::reservation(QUuid(reservation)).toLatin1(), user.token);
        QCOMPARE(mine.json().value(u"reservation"_s).toObject().value(u"status"_s).toString(),
                 u"EXPIRED"_s);
        // The rows still say HELD: the sweeper has not touched them.
        QCOMPARE(m_fixtures
                     ->scalar(u"SELECT status FROM seats WHERE schedule_id = ? AND number = ?"_s,
                              {m_schedule, kSeat})
                     .toString(),
                 u"HELD"_s);
        QCOMPARE(
            m_fixtures
                ->scalar(u"SELECT status FROM reservations WHERE id = ?::uuid"_s, {reservation})
                .toString(),
            u"HELD"_s);
    } // unpinned: now the sweeper catches up
    QTRY_COMPARE_WITH_TIMEOUT(
        m_fixtures
            ->scalar(u"SELECT status FROM seats WHERE schedule_id = ? AND number = ?"_s,
                     {m_schedule, kSeat})
            .toString(),
        u"AVAILABLE"_s, 5'000);
}

QTEST_GUILESS_MAIN(TestExpiry)
#include "tst_expiry.moc"
