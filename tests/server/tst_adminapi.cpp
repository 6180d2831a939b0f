// The staff API: who may call it (endpoint by endpoint), what each action does, that every
// action is audited, that staff and customers racing on one seat never break it, and that
// reconciliation finds inconsistencies injected behind the server's back.
#include "api/admintypes.h"
#include "apipaths.h"
#include "bookingrequests.h"
#include "fixtures.h"
#include "messages.h"
#include "models/concert.h"
#include "testserver.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>
#include <QTimeZone>

#include <future>
#include <thread>

using namespace Qt::StringLiterals;
using namespace encore;
using namespace encore::test;

class TestAdminApi final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void authorisationMatrix_data();
    void authorisationMatrix();
    void concertAndDateLifecycle();
    void releaseBlockUnblock();
    void staffAndCustomerRaceOnOneSeat();
    void queueSettingsAppliedAndAudited();
    void salesAndCsv();
    void venueTimeZoneStoredValidatedReturned();
    void csvExportsHaveBomSoldSeatsAndVenueTimes();
    void seatActionsKeepTheReason();
    void reconciliationFindsInjectedProblems();
    void salesCountRevenueAndRefunds();
    void reconciliationFindsEveryCategory();
    void cleanupTestCase();

private:
    HttpResponse call(const QByteArray &method, const QByteArray &path, const QByteArray &token,
                      const QJsonObject &body = {});
    HttpResponse hold(const TestUser &u, qint64 schedule, QList<int> seats);
    int auditCount(const QString &action);

    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<Fixtures> m_fx;
    TestUser m_staff;
    TestUser m_customer;
    qint64 m_concert = 0;
    qint64 m_schedule = 0;
};

void TestAdminApi::initTestCase()
{
    m_server = std::make_unique<TestServer>();
    QVERIFY(m_server->start());
    m_fx = std::make_unique<Fixtures>(m_server->database());
    m_staff = m_fx->createUsers(1, 0, u"boss"_s).first();
    m_fx->db().exec(u"UPDATE users SET role = 'staff' WHERE id = ?::uuid"_s,
                    {m_staff.id.toString(QUuid::WithoutBraces)});
    m_customer = m_fx->createUsers(1, 1'000'000, u"cust"_s).first();
    m_concert = m_fx->createConcert(u"Admin"_s, 1);
    m_schedule = m_fx->schedulesOf(m_concert).first();
}

HttpResponse TestAdminApi::call(const QByteArray &method, const QByteArray &path,
                                const QByteArray &token, const QJsonObject &body)
{
    HttpRequest r {method, path, {}, {}};
    if (!token.isEmpty())
        r.bearer(token);
    if (!body.isEmpty())
        r.json(body);
    return m_server->client().send(r);
}

HttpResponse TestAdminApi::hold(const TestUser &u, qint64 schedule, QList<int> seats)
{
    return m_server->client().send(holdRequest(u, schedule, seats));
}

int TestAdminApi::auditCount(const QString &action)
{
    return m_fx->scalar(u"SELECT count(*) FROM audit_log WHERE action = ?"_s, {action}).toInt();
}

void TestAdminApi::authorisationMatrix_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QByteArray>("path");
    // Ids nobody has: staff get past authorisation to a 404, and nothing is changed.
    const QByteArray c = "/api/v1/admin/concerts/999999";
    const QByteArray s = "/api/v1/admin/schedules/999999";
    const QList<QPair<QByteArray, QByteArray>> endpoints {
        {"GET", "/api/v1/admin/concerts"},
        {"POST", "/api/v1/admin/concerts"},
        {"PUT", c},
        {"DELETE", c},
        {"POST", c + "/schedules"},
        {"GET", c + "/queue"},
        {"PUT", c + "/queue-settings"},
        {"PUT", s},
        {"DELETE", s},
        {"PUT", s + "/prices"},
        {"GET", s + "/seats"},
        {"POST", s + "/seats/1/release"},
        {"POST", s + "/seats/1/block"},
        {"POST", s + "/seats/1/unblock"},
        {"GET", "/api/v1/admin/sales"},
        {"GET", "/api/v1/admin/reconciliation"},
        {"GET", "/api/v1/admin/audit"},
        {"GET", "/api/v1/admin/exports/sales.csv"},
        {"GET", s + "/attendees.csv"},
    };
    for (const auto &[method, path] : endpoints)
        QTest::addRow("%s %s", method.constData(), path.constData()) << method << path;
}

void TestAdminApi::authorisationMatrix()
{
    QFETCH(QByteArray, method);
    QFETCH(QByteArray, path);
    const int auditBefore = m_fx->scalar(u"SELECT count(*) FROM audit_log"_s).toInt();
    const HttpResponse anonymous = call(method, path, {});
    QCOMPARE(anonymous.status, 401);
    QCOMPARE(anonymous.errorCode(), u"UNAUTHENTICATED"_s);
    const HttpResponse forged = call(method, path, "forged-token");
    QCOMPARE(forged.status, 401);
    const HttpResponse customer = call(method, path, m_customer.token, {{u"title"_s, u"x"_s}});
    QCOMPARE(customer.status, 403);
    QCOMPARE(customer.errorCode(), u"FORBIDDEN"_s);
    QCOMPARE(m_fx->scalar(u"SELECT count(*) FROM audit_log"_s).toInt(), auditBefore);
    // Staff get past authorisation (whatever the action then says about the body).
    const HttpResponse staff = call(method, path, m_staff.token);
    QVERIFY2(staff.status != 401 && staff.status != 403 && staff.status < 500,
             staff.body.constData());
}

void TestAdminApi::concertAndDateLifecycle()
{
    const HttpResponse created = call(
        "POST", "/api/v1/admin/concerts", m_staff.token,
        {{u"title"_s, u"새 공연 / New Show"_s}, {u"artist"_s, u"Band"_s}, {u"venue"_s, u"Hall"_s}});
    QCOMPARE(created.status, 201);
    const QByteArray id = QByteArray::number(created.json().value(u"id"_s).toInteger());
    QCOMPARE(
        call("POST", "/api/v1/admin/concerts", m_staff.token, {{u"title"_s, u""_s}}).errorCode(),
        u"VALIDATION_FAILED"_s);
    QCOMPARE(
        call("PUT", "/api/v1/admin/concerts/" + id, m_staff.token, {{u"title"_s, u"Renamed"_s}})
            .json()
            .value(u"title"_s)
            .toString(),
        u"Renamed"_s);

    const QDateTime starts = QDateTime::currentDateTimeUtc().addDays(10);
    const QJsonObject dateBody {{u"startsAt"_s, starts.toString(Qt::ISODate)},
                                {u"salesOpenAt"_s, starts.addDays(-20).toString(Qt::ISODate)},
                                {u"salesCloseAt"_s, starts.addSecs(-3600).toString(Qt::ISODate)},
                                {u"prices"_s, QJsonObject {{u"VIP"_s, 200000}, {u"A"_s, 50000}}}};
    const HttpResponse date
        = call("POST", "/api/v1/admin/concerts/" + id + "/schedules", m_staff.token, dateBody);
    QCOMPARE(date.status, 201);
    const QByteArray scheduleId = QByteArray::number(date.json().value(u"id"_s).toInteger());
    const QJsonArray seats
        = call("GET", "/api/v1/admin/schedules/" + scheduleId + "/seats", m_staff.token)
              .json()
              .value(u"seats"_s)
              .toArray();
    QCOMPARE(seats.size(), 50);
    QCOMPARE(seats[0].toObject().value(u"price"_s).toInt(), 200000);
    QCOMPARE(seats[49].toObject().value(u"price"_s).toInt(), 50000);
    // Sales closing after the show starts is refused.
    QJsonObject bad = dateBody;
    bad.insert(u"salesCloseAt"_s, starts.addDays(1).toString(Qt::ISODate));
    QCOMPARE(
        call("POST", "/api/v1/admin/concerts/" + id + "/schedules", m_staff.token, bad).errorCode(),
        u"VALIDATION_FAILED"_s);
    // A show in the past, or a tier that does not exist, is refused too.
    QJsonObject past = dateBody;
    past.insert(u"startsAt"_s, QDateTime::currentDateTimeUtc().addDays(-1).toString(Qt::ISODate));
    past.insert(u"salesOpenAt"_s,
                QDateTime::currentDateTimeUtc().addDays(-3).toString(Qt::ISODate));
    past.insert(u"salesCloseAt"_s,
                QDateTime::currentDateTimeUtc().addDays(-2).toString(Qt::ISODate));
    QCOMPARE(call("POST", "/api/v1/admin/concerts/" + id + "/schedules", m_staff.token, past)
                 .errorCode(),
             u"VALIDATION_FAILED"_s);
    QJsonObject badTier = dateBody;
    badTier.insert(u"prices"_s, QJsonObject {{u"X"_s, 1}});
    QCOMPARE(call("POST", "/api/v1/admin/concerts/" + id + "/schedules", m_staff.token, badTier)
                 .errorCode(),
             u"VALIDATION_FAILED"_s);

    const HttpResponse priced
        = call("PUT", "/api/v1/admin/schedules/" + scheduleId + "/prices", m_staff.token,
               {{u"tiers"_s, QJsonObject {{u"R"_s, 111000}}},
                {u"seats"_s, QJsonArray {QJsonObject {{u"number"_s, 7}, {u"price"_s, 7000}}}}});
    QCOMPARE(priced.status, 200);
    QCOMPARE(priced.json().value(u"seats"_s).toArray()[6].toObject().value(u"price"_s).toInt(),
             7000);
    QCOMPARE(priced.json().value(u"seats"_s).toArray()[10].toObject().value(u"price"_s).toInt(),
             111000);

    // A date with a sold ticket cannot be deleted; one without can.
    auto buyers = m_fx->createUsers(1, 1'000'000, u"buyer"_s);
    m_fx->admit(buyers, created.json().value(u"id"_s).toInteger());
    const HttpResponse held = hold(buyers[0], scheduleId.toLongLong(), {1});
    QCOMPARE(held.status, 201);
    HttpRequest pay {"POST", "/api/v1/payments", {}, {}};
    pay.bearer(buyers[0].token)
        .queueToken(buyers[0].queueToken)
        .idempotencyKey("pay-1")
        .json(
            {{u"reservationId"_s, held.json().value(u"reservation"_s).toObject().value(u"id"_s)}});
    QCOMPARE(m_server->client().send(pay).status, 201);
    QCOMPARE(call("DELETE", "/api/v1/admin/schedules/" + scheduleId, m_staff.token).errorCode(),
             u"CONFLICT"_s);
    QCOMPARE(call("DELETE", "/api/v1/admin/concerts/" + id, m_staff.token).errorCode(),
             u"CONFLICT"_s);
    const HttpResponse empty
        = call("POST", "/api/v1/admin/concerts", m_staff.token, {{u"title"_s, u"Empty"_s}});
    QCOMPARE(call("DELETE",
                  "/api/v1/admin/concerts/"
                      + QByteArray::number(empty.json().value(u"id"_s).toInteger()),
                  m_staff.token)
                 .status,
             204);
    QCOMPARE(auditCount(u"concert.create"_s), 2);
    QCOMPARE(auditCount(u"concert.update"_s), 1);
    QCOMPARE(auditCount(u"concert.delete"_s), 1);
    QCOMPARE(auditCount(u"schedule.create"_s), 1);
    QCOMPARE(auditCount(u"schedule.prices"_s), 1);
    const QJsonArray audit = call("GET", "/api/v1/admin/audit?action=concert.", m_staff.token)
                                 .json()
                                 .value(u"entries"_s)
                                 .toArray();
    QCOMPARE(audit.size(), 4);
    QCOMPARE(audit[0].toObject().value(u"actor"_s).toString(), m_staff.username);
}

void TestAdminApi::releaseBlockUnblock()
{
    auto users = m_fx->createUsers(1, 1'000'000, u"holder"_s);
    m_fx->admit(users, m_concert);
    QCOMPARE(hold(users[0], m_schedule, {20, 21}).status, 201);
    const QByteArray base = "/api/v1/admin/schedules/" + QByteArray::number(m_schedule);
    const QJsonObject seat20 = call("GET", base + "/seats", m_staff.token)
                                   .json()
                                   .value(u"seats"_s)
                                   .toArray()[19]
                                   .toObject();
    QCOMPARE(seat20.value(u"status"_s).toString(), u"HELD"_s);
    QCOMPARE(seat20.value(u"holder"_s).toString(), users[0].username);

    // Releasing one seat of a hold cancels the whole hold.
    const HttpResponse released = call("POST", base + "/seats/20/release", m_staff.token);
    QCOMPARE(released.status, 200);
    QCOMPARE(
        released.json().value(u"seats"_s).toArray()[20].toObject().value(u"status"_s).toString(),
        u"AVAILABLE"_s);
    QCOMPARE(m_fx->scalar(u"SELECT status FROM reservations WHERE user_id = ?::uuid"_s,
                          {users[0].id.toString(QUuid::WithoutBraces)})
                 .toString(),
             u"CANCELLED"_s);
    QCOMPARE(call("POST", base + "/seats/20/release", m_staff.token).errorCode(), u"CONFLICT"_s);

    QCOMPARE(call("POST", base + "/seats/30/block", m_staff.token).status, 200);
    QCOMPARE(hold(users[0], m_schedule, {30}).errorCode(), u"SEAT_UNAVAILABLE"_s);
    QCOMPARE(call("POST", base + "/seats/30/block", m_staff.token).errorCode(),
             u"SEAT_UNAVAILABLE"_s);
    QCOMPARE(call("POST", base + "/seats/30/unblock", m_staff.token).status, 200);
    QCOMPARE(call("POST", base + "/seats/30/unblock", m_staff.token).errorCode(), u"CONFLICT"_s);
    QCOMPARE(call("POST", base + "/seats/51/block", m_staff.token).status, 404);
    QCOMPARE(call("POST", "/api/v1/admin/schedules/999999/seats/3/block", m_staff.token).status,
             404);
    QCOMPARE(auditCount(u"seat.release"_s), 1);
    QCOMPARE(auditCount(u"seat.block"_s), 1);
    QCOMPARE(auditCount(u"seat.unblock"_s), 1);
}

void TestAdminApi::staffAndCustomerRaceOnOneSeat()
{
    // 30 rounds: a customer holds seat N while staff block seat N at the same moment.
    auto users = m_fx->createUsers(30, 1'000'000, u"racer"_s);
    m_fx->admit(users, m_concert);
    const qint64 schedule = m_fx->schedulesOf(m_fx->createConcert(u"Race"_s, 1)).first();
    m_fx->admit(
        users,
        m_fx->scalar(u"SELECT concert_id FROM schedules WHERE id = ?"_s, {schedule}).toLongLong());
    QList<HttpRequest> requests;
    for (int i = 0; i < users.size(); ++i) {
        HttpRequest h {"POST", "/api/v1/reservations", {}, {}};
        h.bearer(users[i].token)
            .queueToken(users[i].queueToken)
            .json({{u"scheduleId"_s, schedule}, {u"seats"_s, QJsonArray {i + 1}}});
        HttpRequest b {"POST",
                       "/api/v1/admin/schedules/" + QByteArray::number(schedule) + "/seats/"
                           + QByteArray::number(i + 1) + "/block",
                       {},
                       {}};
        b.bearer(m_staff.token);
        requests << h << b;
    }
    const QList<HttpResponse> responses = m_server->client().parallel(requests);
    for (int i = 0; i < users.size(); ++i) {
        const bool held = responses[2 * i].status == 201;
        const bool blocked = responses[2 * i + 1].status == 200;
        QVERIFY2(held != blocked,
                 qPrintable(u"seat %1: held %2 blocked %3"_s.arg(i + 1).arg(held).arg(blocked)));
        const QString status
            = m_fx->scalar(u"SELECT status FROM seats WHERE schedule_id = ? AND number = ?"_s,
                           {schedule, i + 1})
                  .toString();
        QCOMPARE(status, held ? u"HELD"_s : u"BLOCKED"_s);
    }
}

void TestAdminApi::queueSettingsAppliedAndAudited()
{
    const QByteArray path = "/api/v1/admin/concerts/" + QByteArray::number(m_concert);
    const QJsonObject settings {{u"maxActive"_s, 5},
                                {u"admitPerMinute"_s, 30},
                                {u"activeTtlSeconds"_s, 120},
                                {u"paused"_s, true}};
    QCOMPARE(call("PUT", path + "/queue-settings", m_staff.token, settings).status, 200);
    const QJsonObject stats = call("GET", path + "/queue", m_staff.token).json();
    QJsonObject withDefaults = settings; // the fair-queue fields this PUT left at their defaults
    withDefaults.insert(u"preQueueMinutes"_s, 60);
    QCOMPARE(stats.value(u"settings"_s).toObject(), withDefaults);
    QCOMPARE(auditCount(u"queue.settings"_s), 1);
    QCOMPARE(
        call("PUT", path + "/queue-settings", m_staff.token, {{u"maxActive"_s, 0}}).errorCode(),
        u"VALIDATION_FAILED"_s);
    QCOMPARE(auditCount(u"queue.settings"_s), 1);
    // A paused queue admits nobody.
    auto waiting = m_fx->createUsers(1, 0, u"paused"_s);
    const QByteArray join = "/api/v1/concerts/" + QByteArray::number(m_concert) + "/queue";
    QCOMPARE(
        m_server->client().post(join, {}, waiting[0].token).json().value(u"status"_s).toString(),
        u"WAITING"_s);
}

void TestAdminApi::salesAndCsv()
{
    const QJsonObject sales
        = call("GET", "/api/v1/admin/sales?concertId=" + QByteArray::number(m_concert),
               m_staff.token)
              .json();
    const QJsonObject date = sales.value(u"schedules"_s).toArray().first().toObject();
    QCOMPARE(date.value(u"sold"_s).toInt() + date.value(u"held"_s).toInt()
                 + date.value(u"available"_s).toInt() + date.value(u"blocked"_s).toInt(),
             50);
    QCOMPARE(call("GET", "/api/v1/admin/sales?concertId=abc", m_staff.token).errorCode(),
             u"VALIDATION_FAILED"_s);

    const HttpResponse csv = call(
        "GET", "/api/v1/admin/schedules/" + QByteArray::number(m_schedule) + "/attendees.csv",
        m_staff.token);
    QCOMPARE(csv.status, 200);
    QVERIFY(csv.headers.value("content-type").startsWith("text/csv"));
    // Only sold seats are attendees (csvExportsHaveBomSoldSeatsAndVenueTimes checks the rows).
    const QList<QByteArray> lines = csv.body.trimmed().split('\n');
    QCOMPARE(
        lines.size(),
        1
            + m_fx->scalar(
                      u"SELECT count(*) FROM seats WHERE schedule_id = ? AND status = 'SOLD'"_s,
                      {m_schedule})
                  .toInt());
    QVERIFY(lines[0].startsWith("\xEF\xBB\xBF"
                                "seat,tier,price_krw,customer"));
    const HttpResponse salesCsv = call("GET", "/api/v1/admin/exports/sales.csv", m_staff.token);
    QVERIFY(salesCsv.body.startsWith("\xEF\xBB\xBF"
                                     "concert_id,title,schedule_id"));
    QVERIFY(salesCsv.body.split('\n').size() > 2);
}

void TestAdminApi::venueTimeZoneStoredValidatedReturned()
{
    // A concert without a zone is at the default venue (Seoul), like every existing row.
    const HttpResponse plain = call("POST", api::adminConcerts().toUtf8(), m_staff.token,
                                    {{u"title"_s, u"Seoul by default"_s}});
    QCOMPARE(plain.status, 201);
    QCOMPARE(plain.json().value(u"timeZone"_s).toString(), u"Asia/Seoul"_s);
    QCOMPARE(m_fx->scalar(u"SELECT time_zone FROM concerts WHERE id = ?"_s, {m_concert}).toString(),
             u"Asia/Seoul"_s);

    const HttpResponse created
        = call("POST", api::adminConcerts().toUtf8(), m_staff.token,
               {{u"title"_s, u"Berlin night"_s}, {u"timeZone"_s, u"Europe/Berlin"_s}});
    QCOMPARE(created.status, 201);
    const auto concert = Concert::fromJson(created.json());
    QVERIFY(concert);
    QCOMPARE(concert->timeZone, u"Europe/Berlin"_s);
    QCOMPARE(concert->zone().id(), QByteArray("Europe/Berlin"));
    const QByteArray path = api::adminConcert(concert->id).toUtf8();

    // Unknown names (and bare offsets, which are no venue's zone) are refused, naming the field,
    // in the caller's language, and change nothing.
    for (const QString &bad : {u"Mars/Olympus_Mons"_s, u"UTC+09:00"_s, u"asia seoul"_s}) {
        HttpRequest r {"PUT", path, {}, {}};
        r.bearer(m_staff.token).json({{u"title"_s, u"Berlin night"_s}, {u"timeZone"_s, bad}});
        r.headers.append(qMakePair(QByteArray("Accept-Language"), QByteArray("ko")));
        const HttpResponse refused = m_server->client().send(r);
        QCOMPARE(refused.status, 422);
        QCOMPARE(refused.errorCode(), u"VALIDATION_FAILED"_s);
        const QJsonObject error = refused.json().value(u"error"_s).toObject();
        QCOMPARE(error.value(u"details"_s).toObject().value(u"field"_s).toString(), u"timeZone"_s);
        QCOMPARE(error.value(u"message"_s).toString(),
                 messageText(Msg::TimeZoneUnknown, Language::Korean));
    }
    QCOMPARE(call("POST", api::adminConcerts().toUtf8(), m_staff.token,
                  {{u"title"_s, u"Nowhere"_s}, {u"timeZone"_s, u"Nowhere/City"_s}})
                 .status,
             422);
    QCOMPARE(m_fx->scalar(u"SELECT count(*) FROM concerts WHERE title = 'Nowhere'"_s).toInt(), 0);
    QCOMPARE(m_fx->scalar(u"SELECT time_zone FROM concerts WHERE id = ?"_s, {QVariant(concert->id)})
                 .toString(),
             u"Europe/Berlin"_s);

    // An update without a zone keeps it; with one it changes, audited; the public listing and
    // reservations carry it.
    QCOMPARE(call("PUT", path, m_staff.token, {{u"title"_s, u"Renamed night"_s}})
                 .json()
                 .value(u"timeZone"_s)
                 .toString(),
             u"Europe/Berlin"_s);
    const HttpResponse moved
        = call("PUT", path, m_staff.token,
               {{u"title"_s, u"Renamed night"_s}, {u"timeZone"_s, u"America/New_York"_s}});
    QCOMPARE(moved.status, 200);
    QCOMPARE(moved.json().value(u"timeZone"_s).toString(), u"America/New_York"_s);
    QCOMPARE(m_fx->scalar(u"SELECT count(*) FROM audit_log WHERE action = 'concert.update' "
                          "AND details->>'timeZone' = 'America/New_York'"_s)
                 .toInt(),
             1);
    const auto listed
        = m_server->client().get(api::concert(concert->id).toUtf8(), m_customer.token);
    QCOMPARE(listed.status, 200);
    QCOMPARE(listed.json().value(u"timeZone"_s).toString(), u"America/New_York"_s);

    const qint64 concertId = m_fx->createConcert(u"Zoned"_s, 1);
    m_fx->db().exec(u"UPDATE concerts SET time_zone = 'Europe/London' WHERE id = ?"_s, {concertId});
    QList<TestUser> fans = m_fx->createUsers(1, 1'000'000, u"zonefan"_s);
    m_fx->admit(fans, concertId);
    const HttpResponse held = hold(fans[0], m_fx->schedulesOf(concertId).first(), {3});
    QCOMPARE(held.status, 201);
    QCOMPARE(held.json().value(u"reservation"_s).toObject().value(u"timeZone"_s).toString(),
             u"Europe/London"_s);
}

void TestAdminApi::csvExportsHaveBomSoldSeatsAndVenueTimes()
{
    // A date in New York with one seat sold, one held and the rest free.
    const qint64 concertId = m_fx->createConcert(u"서울 재즈 / CSV"_s, 1);
    m_fx->db().exec(u"UPDATE concerts SET time_zone = 'America/New_York' WHERE id = ?"_s,
                    {concertId});
    const qint64 schedule = m_fx->schedulesOf(concertId).first();
    QList<TestUser> fans = m_fx->createUsers(2, 1'000'000, u"csvfan"_s);
    m_fx->admit(fans, concertId);
    const QString bought = buySeats(m_server->client(), fans[0], schedule, {7});
    QVERIFY(!bought.isEmpty());
    QCOMPARE(hold(fans[1], schedule, {8}).status, 201);

    const HttpResponse csv = call("GET", api::adminAttendeesCsv(schedule).toUtf8(), m_staff.token);
    QCOMPARE(csv.status, 200);
    QVERIFY2(csv.body.startsWith("\xEF\xBB\xBF"), csv.body.left(16).toHex().constData());
    const QList<QByteArray> lines = csv.body.mid(3).trimmed().split('\n');
    QCOMPARE(lines.size(), 2); // the header and the one sold seat: no held or free seats
    QCOMPARE(lines[0].trimmed(),
             QByteArray("seat,tier,price_krw,customer,reservation_id,paid_at,time_zone"));
    QVERIFY2(lines[1].startsWith("7,VIP,165000," + fans[0].username.toUtf8() + ","),
             lines[1].constData());
    // paid_at is the wall-clock time in New York, not UTC.
    const QDateTime paidAt
        = m_fx->scalar(u"SELECT paid_at FROM reservations WHERE id = ?::uuid"_s, {bought})
              .toDateTime();
    const QByteArray inNewYork = paidAt.toTimeZone(QTimeZone("America/New_York"))
                                     .toString(u"yyyy-MM-dd HH:mm:ss"_s)
                                     .toUtf8();
    QVERIFY2(lines[1].trimmed().endsWith("," + inNewYork + ",America/New_York"),
             lines[1].constData());

    const HttpResponse sales = call("GET", api::adminSalesCsv().toUtf8(), m_staff.token);
    QVERIFY(sales.body.startsWith("\xEF\xBB\xBF"
                                  "concert_id,title,schedule_id,starts_at"));
    // The Korean title survives as UTF-8 and the date reads in its venue's zone.
    const QDateTime startsAt
        = m_fx->scalar(u"SELECT starts_at FROM schedules WHERE id = ?"_s, {schedule}).toDateTime();
    const QString row = QString::fromUtf8(sales.body).split(u"\r\n"_s).filter(u"CSV"_s).value(0);
    QVERIFY2(row.contains(u",서울 재즈 / CSV,"_s), qPrintable(row));
    QVERIFY2(
        row.contains(
            u","_s
            + startsAt.toTimeZone(QTimeZone("America/New_York")).toString(u"yyyy-MM-dd HH:mm:ss"_s)
            + u","_s),
        qPrintable(row));
    QVERIFY2(row.endsWith(u",America/New_York"_s), qPrintable(row));
}

void TestAdminApi::seatActionsKeepTheReason()
{
    const qint64 schedule = m_fx->schedulesOf(m_fx->createConcert(u"Reasons"_s, 1)).first();
    const QByteArray block = api::adminSeatBlock(schedule, 30).toUtf8();
    // A reason too short is refused and changes nothing.
    QCOMPARE(call("POST", block, m_staff.token, {{u"reason"_s, u"no"_s}}).status, 422);
    QCOMPARE(m_fx->scalar(u"SELECT status FROM seats WHERE schedule_id = ? AND number = 30"_s,
                          {schedule})
                 .toString(),
             u"AVAILABLE"_s);
    QCOMPARE(call("POST", block, m_staff.token, {{u"reason"_s, u"Camera platform"_s}}).status, 200);
    QCOMPARE(call("POST", api::adminSeatUnblock(schedule, 30).toUtf8(), m_staff.token,
                  {{u"reason"_s, u"Camera moved"_s}})
                 .status,
             200);
    QCOMPARE(m_fx->scalar(u"SELECT string_agg(details->>'reason', '|' ORDER BY id) FROM audit_log "
                          "WHERE target = ?"_s,
                          {u"schedule:%1/seat:30"_s.arg(schedule)})
                 .toString(),
             u"Camera platform|Camera moved"_s);
}

void TestAdminApi::reconciliationFindsInjectedProblems()
{
    const auto report = [this] {
        return call("GET", "/api/v1/admin/reconciliation", m_staff.token).json();
    };
    QJsonObject clean = report();
    QVERIFY2(clean.value(u"ok"_s).toBool(), QJsonDocument(clean).toJson().constData());

    // Money appears from nowhere: a balance the ledger does not explain.
    m_fx->db().exec(u"UPDATE wallets SET balance = balance + 1 WHERE user_id = ?::uuid"_s,
                    {m_customer.id.toString(QUuid::WithoutBraces)});
    // A seat marked sold without any payment.
    const qint64 schedule = m_fx->schedulesOf(m_fx->createConcert(u"Broken"_s, 1)).first();
    m_fx->db().exec(
        u"INSERT INTO reservations(id, user_id, schedule_id, status, total, held_until) "
        "VALUES ('00000000-0000-0000-0000-000000000001', ?::uuid, ?, 'PAID', 1000, now())"_s,
        {m_customer.id.toString(QUuid::WithoutBraces), schedule});
    m_fx->db().exec(u"UPDATE seats SET status = 'SOLD', reservation_id = "
                    u"'00000000-0000-0000-0000-000000000001' "
                    "WHERE schedule_id = ? AND number = 9"_s,
                    {schedule});
    const QJsonObject broken = report();
    QVERIFY(!broken.value(u"ok"_s).toBool());
    QCOMPARE(broken.value(u"ledgerMismatches"_s).toArray().size(), 1);
    QCOMPARE(
        broken.value(u"ledgerMismatches"_s).toArray()[0].toObject().value(u"username"_s).toString(),
        m_customer.username);
    QCOMPARE(broken.value(u"soldSeatsWithoutPayment"_s).toArray().size(), 1);
    QCOMPARE(broken.value(u"soldSeatsWithoutPayment"_s)
                 .toArray()[0]
                 .toObject()
                 .value(u"number"_s)
                 .toInt(),
             9);
    // Put it right again.
    m_fx->db().exec(u"UPDATE wallets SET balance = balance - 1 WHERE user_id = ?::uuid"_s,
                    {m_customer.id.toString(QUuid::WithoutBraces)});
    m_fx->db().exec(
        u"UPDATE seats SET status = 'AVAILABLE', reservation_id = NULL WHERE schedule_id = ?"_s,
        {schedule});
    QVERIFY(report().value(u"ok"_s).toBool());
}

namespace {

// Holds a KEY SHARE lock on one seat row from another connection (its own thread): the hold
// sweeper's FOR UPDATE SKIP LOCKED passes the row by, while the test's own UPDATE (which takes
// only NO KEY UPDATE) still commits — so an overdue hold stays put until the pin is released.
class SeatRowPin {
public:
    SeatRowPin(encore::server::Database &db, qint64 schedule, int number)
    {
        std::promise<void> locked;
        auto isLocked = locked.get_future();
        m_thread = std::thread([&db, schedule, number, &locked, release = m_release.get_future()] {
            db.transact([&] {
                db.exec(u"SELECT 1 FROM seats WHERE schedule_id = ? AND number = ? FOR KEY SHARE"_s,
                        {schedule, number});
                locked.set_value();
                release.wait();
            });
            db.closeThreadConnection();
        });
        isLocked.wait();
    }
    ~SeatRowPin()
    {
        m_release.set_value();
        m_thread.join();
    }
    SeatRowPin(const SeatRowPin &) = delete;
    SeatRowPin &operator=(const SeatRowPin &) = delete;

private:
    std::promise<void> m_release;
    std::thread m_thread;
};

} // namespace

// A customer pays two seats: the date's sales say 2 sold and the total as revenue; a refund moves
// it to "refunded". Read through the shared SalesReport, as the staff console reads it.
void TestAdminApi::salesCountRevenueAndRefunds()
{
    const qint64 concert = m_fx->createConcert(u"Revenue"_s, 1);
    const qint64 schedule = m_fx->schedulesOf(concert).first();
    QList<TestUser> fans = m_fx->createUsers(1, 1'000'000, u"payer"_s);
    m_fx->admit(fans, concert);
    const HttpResponse held = hold(fans[0], schedule, {1, 12});
    QCOMPARE(held.status, 201);
    const QJsonObject reservation = held.json().value(u"reservation"_s).toObject();
    const qint64 total = reservation.value(u"total"_s).toInteger();
    QCOMPARE(total, 165'000 + 132'000);
    QCOMPARE(m_server->client()
                 .send(payRequest(fans[0], reservation.value(u"id"_s).toString(), "pay-rev"))
                 .status,
             201);
    const auto sales = [&] {
        const auto report = SalesReport::fromJson(
            call("GET", (api::adminSales() + u"?concertId="_s + QString::number(concert)).toUtf8(),
                 m_staff.token)
                .json());
        return report ? report.value() : SalesReport {};
    };
    SalesReport paid = sales();
    QCOMPARE(paid.schedules.size(), 1);
    QCOMPARE(paid.schedules.first().figures.sold, 2);
    QCOMPARE(paid.schedules.first().figures.revenue, total);
    QCOMPARE(paid.schedules.first().figures.refunded, 0);
    QCOMPARE(paid.concerts.first().figures.revenue, total);
    QCOMPARE(paid.revenue(), total);

    HttpRequest refund {
        "DELETE",
        api::reservation(QUuid::fromString(reservation.value(u"id"_s).toString())).toUtf8(),
        {},
        {}};
    QCOMPARE(m_server->client().send(refund.bearer(fans[0].token)).status, 200);
    const SalesReport refunded = sales();
    QCOMPARE(refunded.schedules.first().figures.sold, 0);
    QCOMPARE(refunded.schedules.first().figures.revenue, 0);
    QCOMPARE(refunded.schedules.first().figures.refunded, total);
}

// Each of the five booking kinds of inconsistency, injected behind the server's back, is found —
// one row each, decoded through the shared ReconciliationReport — and the report is clean once
// repaired.
void TestAdminApi::reconciliationFindsEveryCategory()
{
    const auto report = [this] {
        const auto r = ReconciliationReport::fromJson(
            call("GET", api::adminReconciliation().toUtf8(), m_staff.token).json());
        return r ? r.value() : ReconciliationReport {};
    };
    QVERIFY(report().ok);
    auto &db = m_fx->db();
    const QString user = m_customer.id.toString(QUuid::WithoutBraces);
    const qint64 schedule = m_fx->schedulesOf(m_fx->createConcert(u"Ledger"_s, 1)).first();
    const auto reservation = [&](const char *id, qint64 total) {
        db.exec(u"INSERT INTO reservations(id, user_id, schedule_id, status, total, held_until) "
                "VALUES (?::uuid, ?::uuid, ?, 'PAID', ?, now())"_s,
                {QString::fromLatin1(id), user, schedule, total});
    };
    const char *r1 = "00000000-0000-0000-0000-0000000000a1";
    const char *r2 = "00000000-0000-0000-0000-0000000000a2";
    const char *r3 = "00000000-0000-0000-0000-0000000000a3";
    // A payment whose seat was never sold.
    reservation(r1, 1000);
    db.exec(u"INSERT INTO reservation_seats VALUES (?::uuid, ?, 1)"_s,
            {QString::fromLatin1(r1), schedule});
    db.exec(
        u"INSERT INTO payments(reservation_id, user_id, amount) VALUES (?::uuid, ?::uuid, 1000)"_s,
        {QString::fromLatin1(r1), user});
    // A seat sold without a payment.
    reservation(r2, 1000);
    db.exec(u"UPDATE seats SET status = 'SOLD', reservation_id = ?::uuid "
            "WHERE schedule_id = ? AND number = 2"_s,
            {QString::fromLatin1(r2), schedule});
    // A payment of another amount than its reservation's total.
    reservation(r3, 2000);
    db.exec(u"INSERT INTO reservation_seats VALUES (?::uuid, ?, 3)"_s,
            {QString::fromLatin1(r3), schedule});
    db.exec(u"UPDATE seats SET status = 'SOLD', reservation_id = ?::uuid "
            "WHERE schedule_id = ? AND number = 3"_s,
            {QString::fromLatin1(r3), schedule});
    db.exec(
        u"INSERT INTO payments(reservation_id, user_id, amount) VALUES (?::uuid, ?::uuid, 1999)"_s,
        {QString::fromLatin1(r3), user});
    // A balance the ledger does not explain.
    db.exec(u"UPDATE wallets SET balance = balance + 7 WHERE user_id = ?::uuid"_s, {user});
    {
        // A hold a minute past its time (the sweeper would have freed it: pinned, it cannot).
        const SeatRowPin pin(db, schedule, 4);
        db.exec(u"UPDATE seats SET status = 'HELD', held_until = now() - interval '1 minute', "
                "reservation_id = ?::uuid WHERE schedule_id = ? AND number = 4"_s,
                {QString::fromLatin1(r2), schedule});
        const ReconciliationReport broken = report();
        QVERIFY(!broken.ok);
        // One row of each kind injected here; the card kinds (tst_topups injects those) stay
        // empty.
        for (const FindingKind kind : allValues<FindingKind>()) {
            const bool injected = int(kind) <= int(FindingKind::OverdueHolds);
            QVERIFY2(broken.finding(kind).rows.size() == (injected ? 1 : 0),
                     qPrintable(wordOf(kind)));
        }
        QCOMPARE(broken.finding(FindingKind::PaymentsWithoutSoldSeats).rows[0].reservationId,
                 QString::fromLatin1(r1));
        QCOMPARE(broken.finding(FindingKind::SoldSeatsWithoutPayment).rows[0].number, 2);
        QCOMPARE(broken.finding(FindingKind::LedgerMismatches).rows[0].username,
                 m_customer.username);
        QCOMPARE(broken.finding(FindingKind::LedgerMismatches).rows[0].balance
                     - broken.finding(FindingKind::LedgerMismatches).rows[0].ledgerSum,
                 7);
        QCOMPARE(broken.finding(FindingKind::PaymentAmountMismatches).rows[0].amount, 1999);
        QCOMPARE(broken.finding(FindingKind::PaymentAmountMismatches).rows[0].reservationTotal,
                 2000);
        QCOMPARE(broken.finding(FindingKind::OverdueHolds).rows[0].number, 4);
        db.exec(u"UPDATE seats SET status = 'AVAILABLE', held_until = NULL, reservation_id = NULL "
                "WHERE schedule_id = ?"_s,
                {schedule});
    }
    // Put it right again.
    db.exec(u"UPDATE wallets SET balance = balance - 7 WHERE user_id = ?::uuid"_s, {user});
    db.exec(u"DELETE FROM payments WHERE reservation_id IN (?::uuid, ?::uuid)"_s,
            {QString::fromLatin1(r1), QString::fromLatin1(r3)});
    db.exec(u"DELETE FROM reservations WHERE id IN (?::uuid, ?::uuid, ?::uuid)"_s,
            {QString::fromLatin1(r1), QString::fromLatin1(r2), QString::fromLatin1(r3)});
    QVERIFY(report().ok);
}

void TestAdminApi::cleanupTestCase()
{
    if (QTest::currentTestFailed() || qEnvironmentVariableIsSet("ENCORE_SHOW_SERVER_LOG"))
        qInfo().noquote() << m_server->output();
}

QTEST_GUILESS_MAIN(TestAdminApi)
// (server output is printed on failure by cleanupTestCase below)
#include "tst_adminapi.moc"
