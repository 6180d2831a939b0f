// Staff money and customer operations (DESIGN.md §4) through real HTTP on a real server: who may
// call them, that each needs a reason and is audited with it, cancelling a date (idempotent, and
// racing real parallel payments and holds), refunds on a customer's behalf past the cut-off,
// wallet adjustments that never go below zero, finding a customer, and queue control that holds
// on every instance. Reconciliation must be empty after each. Runs on the PostgreSQL queue store
// and, as tst_staffops_redis, on the Redis one.
#include "apipaths.h"
#include "bookingrequests.h"
#include "fixtures.h"
#include "liveclient.h"
#include "models/staffops.h"
#include "testserver.h"

#include <QJsonArray>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace encore::test;

class TestStaffOps final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void authorisationMatrix_data();
    void authorisationMatrix();
    void reasonIsRequired_data();
    void reasonIsRequired();
    void refundOnBehalfPastTheCutOff();
    void cancelDateRefundsEveryoneAndTellsThem();
    void cancelRacesPaymentsAndHolds();
    void releaseTellsTheHolderWhy();
    void walletAdjustment();
    void findCustomer();
    void queueControlOnEveryInstance();
    void cleanupTestCase();

private:
    HttpResponse call(const QByteArray &method, const QByteArray &path, const QByteArray &token,
                      const QJsonObject &body = {}, const QByteArray &idempotencyKey = {});
    QString buy(const TestUser &user, qint64 schedule, const QList<int> &seats)
    {
        return buySeats(m_server->client(), user, schedule, seats);
    }
    QString holdOnly(const TestUser &user, qint64 schedule, const QList<int> &seats);
    qint64 balance(const TestUser &user);
    int auditCount(const QString &action);
    QString auditReason(const QString &action);
    void verifyReconciled();

    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<Fixtures> m_fx;
    TestUser m_staff;
    TestUser m_customer;
};

namespace {
const QString kReason = u"Artist fell ill / 아티스트 건강 문제"_s;

QByteArray id(qint64 n)
{
    return QByteArray::number(n);
}

QByteArray uuidText(const QUuid &u)
{
    return u.toByteArray(QUuid::WithoutBraces);
}
} // namespace

void TestStaffOps::initTestCase()
{
    m_server = std::make_unique<TestServer>();
    QVERIFY(m_server->start());
    m_fx = std::make_unique<Fixtures>(m_server->database());
    m_staff = m_fx->createUsers(1, 0, u"boss"_s).first();
    m_fx->db().exec(u"UPDATE users SET role = 'staff' WHERE id = ?::uuid"_s,
                    {m_staff.id.toString(QUuid::WithoutBraces)});
    m_customer = m_fx->createUsers(1, 1'000'000, u"cust"_s).first();
}

void TestStaffOps::cleanupTestCase()
{
    m_fx.reset();
    m_server.reset();
}

HttpResponse TestStaffOps::call(const QByteArray &method, const QByteArray &path,
                                const QByteArray &token, const QJsonObject &body,
                                const QByteArray &idempotencyKey)
{
    HttpRequest r {method, path, {}, {}};
    if (!token.isEmpty())
        r.bearer(token);
    if (!body.isEmpty())
        r.json(body);
    if (!idempotencyKey.isEmpty())
        r.idempotencyKey(idempotencyKey);
    return m_server->client().send(r);
}

QString TestStaffOps::holdOnly(const TestUser &user, qint64 schedule, const QList<int> &seats)
{
    const HttpResponse held = m_server->client().send(holdRequest(user, schedule, seats));
    if (held.status != 201)
        qWarning("hold: %d %s", held.status, held.body.constData());
    return held.json().value(u"reservation"_s).toObject().value(u"id"_s).toString();
}

qint64 TestStaffOps::balance(const TestUser &user)
{
    return m_server->client()
        .get("/api/v1/wallet", user.token)
        .json()
        .value(u"balance"_s)
        .toInteger();
}

int TestStaffOps::auditCount(const QString &action)
{
    return m_fx->scalar(u"SELECT count(*) FROM audit_log WHERE action = ?"_s, {action}).toInt();
}

QString TestStaffOps::auditReason(const QString &action)
{
    return m_fx
        ->scalar(u"SELECT details->>'reason' FROM audit_log WHERE action = ? ORDER BY id DESC "
                 "LIMIT 1"_s,
                 {action})
        .toString();
}

void TestStaffOps::verifyReconciled()
{
    const HttpResponse r = call("GET", "/api/v1/admin/reconciliation", m_staff.token);
    QCOMPARE(r.status, 200);
    QVERIFY2(r.json().value(u"ok"_s).toBool(), r.body.constData());
}

void TestStaffOps::authorisationMatrix_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QByteArray>("path");
    // Ids nobody has: staff get past authorisation to a 404 or 422, and nothing changes.
    const QByteArray nobody = "00000000-0000-4000-8000-000000000001";
    const QList<QPair<QByteArray, QByteArray>> endpoints {
        {"POST", "/api/v1/admin/schedules/999999/cancel"},
        {"POST", "/api/v1/admin/reservations/" + nobody + "/refund"},
        {"GET", "/api/v1/admin/users?query=cust"},
        {"GET", "/api/v1/admin/users/" + nobody},
        {"POST", "/api/v1/admin/users/" + nobody + "/wallet-adjustments"},
        {"DELETE", "/api/v1/admin/concerts/999999/queue/" + nobody},
        {"POST", "/api/v1/admin/concerts/999999/queue-blocks"},
        {"DELETE", "/api/v1/admin/concerts/999999/queue-blocks/" + nobody},
    };
    for (const auto &[method, path] : endpoints)
        QTest::addRow("%s %s", method.constData(), path.constData()) << method << path;
}

void TestStaffOps::authorisationMatrix()
{
    QFETCH(QByteArray, method);
    QFETCH(QByteArray, path);
    const QJsonObject body {{u"reason"_s, kReason},
                            {u"amount"_s, 1000},
                            {u"userId"_s, m_customer.id.toString(QUuid::WithoutBraces)}};
    const int auditBefore = m_fx->scalar(u"SELECT count(*) FROM audit_log"_s).toInt();
    QCOMPARE(call(method, path, {}, body, "k-anon").status, 401);
    QCOMPARE(call(method, path, "forged-token", body, "k-forged").status, 401);
    const HttpResponse customer = call(method, path, m_customer.token, body, "k-cust");
    QCOMPARE(customer.status, 403);
    QCOMPARE(customer.errorCode(), u"FORBIDDEN"_s);
    const HttpResponse staff = call(method, path, m_staff.token, body, "k-staff-" + path);
    QVERIFY2(staff.status != 401 && staff.status != 403 && staff.status < 500,
             staff.body.constData());
    QCOMPARE(m_fx->scalar(u"SELECT count(*) FROM audit_log"_s).toInt(), auditBefore);
}

void TestStaffOps::reasonIsRequired_data()
{
    QTest::addColumn<QJsonValue>("reason");
    QTest::addColumn<QString>("code");
    QTest::addRow("missing") << QJsonValue() << u"VALIDATION_FAILED"_s;
    QTest::addRow("too short") << QJsonValue(u"ab"_s) << u"VALIDATION_FAILED"_s;
    QTest::addRow("blanks") << QJsonValue(u"     "_s) << u"VALIDATION_FAILED"_s;
    QTest::addRow("too long") << QJsonValue(QString(501, u'x')) << u"VALIDATION_FAILED"_s;
    QTest::addRow("a number") << QJsonValue(42) << u"BAD_REQUEST"_s;
}

void TestStaffOps::reasonIsRequired()
{
    QFETCH(QJsonValue, reason);
    QFETCH(QString, code);
    const qint64 concert = m_fx->createConcert(u"Reasons"_s, 1);
    const qint64 schedule = m_fx->schedulesOf(concert).first();
    QJsonObject body {{u"amount"_s, 1000},
                      {u"userId"_s, m_customer.id.toString(QUuid::WithoutBraces)}};
    if (!reason.isNull())
        body.insert(u"reason"_s, reason);
    const int auditBefore = m_fx->scalar(u"SELECT count(*) FROM audit_log"_s).toInt();
    const qint64 before = balance(m_customer);
    const QByteArray user = uuidText(m_customer.id);
    for (const auto &[method, path] : QList<QPair<QByteArray, QByteArray>> {
             {"POST", "/api/v1/admin/schedules/" + id(schedule) + "/cancel"},
             {"POST", "/api/v1/admin/users/" + user + "/wallet-adjustments"},
             {"DELETE", "/api/v1/admin/concerts/" + id(concert) + "/queue/" + user},
             {"POST", "/api/v1/admin/concerts/" + id(concert) + "/queue-blocks"},
             {"DELETE", "/api/v1/admin/concerts/" + id(concert) + "/queue-blocks/" + user}}) {
        const HttpResponse r = call(method, path, m_staff.token, body,
                                    QUuid::createUuid().toByteArray(QUuid::WithoutBraces));
        QVERIFY2(r.errorCode() == code, (path + " " + r.body).constData());
    }
    QCOMPARE(m_fx->scalar(u"SELECT count(*) FROM audit_log"_s).toInt(), auditBefore);
    QCOMPARE(balance(m_customer), before);
    QVERIFY(m_fx->scalar(u"SELECT cancelled_at IS NULL FROM schedules WHERE id = ?"_s, {schedule})
                .toBool());
}

void TestStaffOps::refundOnBehalfPastTheCutOff()
{
    const qint64 concert = m_fx->createConcert(u"Refunds"_s, 1);
    const qint64 schedule = m_fx->schedulesOf(concert).first();
    QList<TestUser> fans = m_fx->createUsers(1, 1'000'000, u"refund"_s);
    m_fx->admit(fans, concert);
    const TestUser fan = fans.first();
    const QString reservation = buy(fan, schedule, {1, 2, 3});
    QVERIFY(!reservation.isEmpty());
    const qint64 paid = balance(fan);
    // Three hours before the show: the customer's own refund is closed, staff's is not.
    m_fx->db().exec(u"UPDATE schedules SET sales_open_at = now() - interval '1 day', "
                    "sales_close_at = now() + interval '1 hour', starts_at = now() + interval '3 "
                    "hours' WHERE id = ?"_s,
                    {schedule});
    const QByteArray own = "/api/v1/reservations/" + reservation.toLatin1();
    QCOMPARE(call("DELETE", own, fan.token).status, 409);

    LiveClient live(m_server->port());
    QVERIFY(live.waitConnected());
    live.send({{u"type"_s, u"auth"_s}, {u"token"_s, QString::fromLatin1(fan.token)}});
    QTRY_VERIFY(live.find(u"authenticated"_s));

    const QByteArray refund = "/api/v1/admin/reservations/" + reservation.toLatin1() + "/refund";
    const qint64 seat2
        = m_fx->scalar(u"SELECT price FROM seats WHERE schedule_id = ? AND number = 2"_s,
                       {schedule})
              .toLongLong();
    HttpResponse part = call("POST", refund, m_staff.token,
                             {{u"reason"_s, kReason}, {u"seats"_s, QJsonArray {2}}});
    QCOMPARE(part.status, 200);
    QJsonObject r = part.json().value(u"reservation"_s).toObject();
    QCOMPARE(r.value(u"status"_s).toString(), u"PAID"_s);
    QCOMPARE(intList(r.value(u"seats"_s)), (QList<int> {1, 3}));
    QCOMPARE(balance(fan), paid + seat2);
    QCOMPARE(
        m_fx->scalar(u"SELECT status FROM seats WHERE schedule_id = ? AND number = 2"_s, {schedule})
            .toString(),
        u"AVAILABLE"_s);
    QCOMPARE(auditReason(u"reservation.refund"_s), kReason);
    QTRY_VERIFY(live.find(u"account"_s, [](const QJsonObject &m) {
        return m.value(u"kind"_s).toString() == u"REFUNDED"
            && m.value(u"reason"_s).toString() == kReason;
    }));
    verifyReconciled();

    // A seat that is not part of it, then the rest, then once more.
    QCOMPARE(
        call("POST", refund, m_staff.token, {{u"reason"_s, kReason}, {u"seats"_s, QJsonArray {2}}})
            .errorCode(),
        u"VALIDATION_FAILED"_s);
    const HttpResponse rest = call("POST", refund, m_staff.token, {{u"reason"_s, kReason}});
    QCOMPARE(rest.status, 200);
    QCOMPARE(rest.json().value(u"reservation"_s).toObject().value(u"status"_s).toString(),
             u"REFUNDED"_s);
    QCOMPARE(balance(fan), 1'000'000);
    QCOMPARE(call("POST", refund, m_staff.token, {{u"reason"_s, kReason}}).status, 409);
    QCOMPARE(m_fx->scalar(u"SELECT count(*) FROM seats WHERE schedule_id = ? AND status <> "
                          "'AVAILABLE'"_s,
                          {schedule})
                 .toInt(),
             0);
    verifyReconciled();
}

void TestStaffOps::cancelDateRefundsEveryoneAndTellsThem()
{
    const qint64 concert = m_fx->createConcert(u"Cancelled"_s, 2);
    const qint64 schedule = m_fx->schedulesOf(concert).first();
    QList<TestUser> fans = m_fx->createUsers(3, 1'000'000, u"cancel"_s);
    m_fx->admit(fans, concert);
    const QString heldId = holdOnly(fans[0], schedule, {10});
    QVERIFY(!heldId.isEmpty());
    QVERIFY(!buy(fans[1], schedule, {11, 12}).isEmpty());
    QVERIFY(!buy(fans[2], schedule, {13}).isEmpty());
    const qint64 spent = 2'000'000 - balance(fans[1]) - balance(fans[2]);
    QVERIFY(spent > 0);

    LiveClient live(m_server->port());
    QVERIFY(live.waitConnected());
    live.send({{u"type"_s, u"auth"_s}, {u"token"_s, QString::fromLatin1(fans[1].token)}});
    QTRY_VERIFY(live.find(u"authenticated"_s));

    const QByteArray path = "/api/v1/admin/schedules/" + id(schedule) + "/cancel";
    const HttpResponse first = call("POST", path, m_staff.token, {{u"reason"_s, kReason}});
    QCOMPARE(first.status, 200);
    const QJsonObject body = first.json();
    QCOMPARE(body.value(u"releasedHolds"_s).toInt(), 1);
    QCOMPARE(body.value(u"refundedReservations"_s).toInt(), 2);
    QCOMPARE(body.value(u"refundedTotal"_s).toInteger(), spent);
    QVERIFY(!body.value(u"schedule"_s).toObject().value(u"cancelledAt"_s).toString().isEmpty());
    for (const TestUser &fan : fans)
        QCOMPARE(balance(fan), 1'000'000);
    QCOMPARE(m_fx->scalar(u"SELECT count(*) FROM seats WHERE schedule_id = ? AND status IN "
                          "('HELD', 'SOLD')"_s,
                          {schedule})
                 .toInt(),
             0);
    QCOMPARE(auditCount(u"schedule.cancel"_s), 1);
    QCOMPARE(auditReason(u"schedule.cancel"_s), kReason);

    // Told live, and in My tickets.
    QTRY_VERIFY(live.find(u"account"_s, [](const QJsonObject &m) {
        return m.value(u"kind"_s).toString() == u"DATE_CANCELLED"
            && m.value(u"reservation"_s).toObject().value(u"status"_s).toString() == u"REFUNDED";
    }));
    const QJsonArray tickets = m_server->client()
                                   .get("/api/v1/reservations", fans[1].token)
                                   .json()
                                   .value(u"reservations"_s)
                                   .toArray();
    QCOMPARE(tickets.first().toObject().value(u"status"_s).toString(), u"REFUNDED"_s);
    QCOMPARE(m_server->client()
                 .get("/api/v1/reservations/" + heldId.toLatin1(), fans[0].token)
                 .json()
                 .value(u"reservation"_s)
                 .toObject()
                 .value(u"status"_s)
                 .toString(),
             u"CANCELLED"_s);

    // Off sale: no longer bookable, no new hold; the other date still is.
    const QJsonArray bookable
        = m_server->client()
              .get("/api/v1/concerts/" + id(concert) + "/schedules?available=true", fans[0].token)
              .json()
              .value(u"schedules"_s)
              .toArray();
    QCOMPARE(bookable.size(), 1);
    QVERIFY(bookable.first().toObject().value(u"id"_s).toInteger() != schedule);
    QCOMPARE(m_server->client().send(holdRequest(fans[0], schedule, {20})).status, 409);

    // A repeat changes nothing and answers the same counts.
    const HttpResponse again
        = call("POST", path, m_staff.token, {{u"reason"_s, u"again, by mistake"_s}});
    QCOMPARE(again.status, 200);
    QCOMPARE(again.json().value(u"refundedReservations"_s), body.value(u"refundedReservations"_s));
    QCOMPARE(again.json().value(u"releasedHolds"_s), body.value(u"releasedHolds"_s));
    QCOMPARE(again.json().value(u"refundedTotal"_s), body.value(u"refundedTotal"_s));
    QCOMPARE(auditCount(u"schedule.cancel"_s), 1);
    for (const TestUser &fan : fans)
        QCOMPARE(balance(fan), 1'000'000);
    verifyReconciled();
}

void TestStaffOps::cancelRacesPaymentsAndHolds()
{
    // Every payment either completes and is refunded, or is refused; every hold either is
    // released or refused; nobody ends up with a seat or short of money.
    constexpr int kPayers = 24;
    constexpr int kHolders = 16;
    const qint64 concert = m_fx->createConcert(u"Race"_s, 1);
    const qint64 schedule = m_fx->schedulesOf(concert).first();
    QList<TestUser> fans = m_fx->createUsers(kPayers + kHolders, 1'000'000, u"race"_s);
    m_fx->admit(fans, concert);
    QList<HttpRequest> requests;
    QStringList reservations;
    for (int i = 0; i < kPayers; ++i) {
        reservations.append(holdOnly(fans[i], schedule, {i + 1}));
        QVERIFY(!reservations.last().isEmpty());
        requests.append(
            payRequest(fans[i], reservations.last(), "race-pay-" + QByteArray::number(i)));
    }
    for (int i = 0; i < kHolders; ++i)
        requests.append(holdRequest(fans[kPayers + i], schedule, {kPayers + 1 + i}));
    HttpRequest cancel {"POST", "/api/v1/admin/schedules/" + id(schedule) + "/cancel", {}, {}};
    cancel.bearer(m_staff.token).json({{u"reason"_s, kReason}});
    requests.insert(kPayers / 2, cancel); // in the middle of the burst

    const QList<HttpResponse> answers = m_server->client().parallel(requests);
    const HttpResponse cancelled = answers[kPayers / 2];
    QCOMPARE(cancelled.status, 200);
    int paid = 0;
    int held = 0;
    for (int i = 0; i < answers.size(); ++i) {
        if (i == kPayers / 2)
            continue;
        const HttpResponse &a = answers[i];
        // Refused: the date was cancelled (409), or its line closed with it (403).
        QVERIFY2(a.status == 201 || a.status == 409
                     || (a.status == 403 && a.errorCode() == u"QUEUE_NOT_ACTIVE"),
                 a.body.constData());
        const bool isPayment = a.body.contains("\"payment\"");
        if (a.status == 201 && isPayment)
            ++paid;
        else if (a.status == 201)
            ++held;
    }
    const QJsonObject c = cancelled.json();
    QCOMPARE(c.value(u"refundedReservations"_s).toInt(), paid);
    QVERIFY(c.value(u"releasedHolds"_s).toInt() >= kPayers - paid);
    QCOMPARE(c.value(u"releasedHolds"_s).toInt(), kPayers - paid + held);
    qInfo("race: %d payments completed and were refunded, %d refused; %d late holds released", paid,
          kPayers - paid, held);
    for (const TestUser &fan : fans)
        QCOMPARE(balance(fan), 1'000'000);
    QCOMPARE(m_fx->scalar(u"SELECT count(*) FROM seats WHERE schedule_id = ? AND status IN "
                          "('HELD', 'SOLD')"_s,
                          {schedule})
                 .toInt(),
             0);
    QCOMPARE(m_fx->scalar(u"SELECT count(*) FROM reservations WHERE schedule_id = ? AND status "
                          "IN ('HELD', 'PAID')"_s,
                          {schedule})
                 .toInt(),
             0);
    verifyReconciled();
}

// Staff release a customer's hold with a reason: the holder's live feed (and only theirs) gets
// the account notice with the reservation, now CANCELLED, and the reason in staff's words.
void TestStaffOps::releaseTellsTheHolderWhy()
{
    const qint64 concert = m_fx->createConcert(u"Released With Reason"_s, 1);
    const qint64 schedule = m_fx->schedulesOf(concert).first();
    QList<TestUser> fans = m_fx->createUsers(2, 1'000'000, u"released"_s);
    m_fx->admit(fans, concert);
    const QString reservation = holdOnly(fans[0], schedule, {5, 6});
    QVERIFY(!reservation.isEmpty());

    LiveClient holder(m_server->port());
    LiveClient other(m_server->port());
    for (auto [live, fan] : {std::pair {&holder, fans[0]}, std::pair {&other, fans[1]}}) {
        QVERIFY(live->waitConnected());
        live->send({{u"type"_s, u"auth"_s}, {u"token"_s, QString::fromLatin1(fan.token)}});
        QTRY_VERIFY(live->find(u"authenticated"_s));
    }

    const QString why = u"Held by mistake at the box office / 매표소 실수"_s;
    const HttpResponse r = call("POST", encore::api::adminSeatRelease(schedule, 6).toUtf8(),
                                m_staff.token, {{u"reason"_s, why}});
    QCOMPARE(r.status, 200);
    QCOMPARE(auditReason(u"seat.release"_s), why);
    QTRY_VERIFY(holder.find(u"account"_s, [&](const QJsonObject &m) {
        const QJsonObject res = m.value(u"reservation"_s).toObject();
        return m.value(u"kind"_s).toString() == u"HOLD_RELEASED"
            && m.value(u"reason"_s).toString() == why
            && res.value(u"id"_s).toString() == reservation
            && res.value(u"status"_s).toString() == u"CANCELLED"_s
            && res.value(u"seats"_s).toArray() == QJsonArray {5, 6};
    }));
    // The shared type reads it back as the client does.
    const auto notice = encore::AccountNotice::fromJson(*holder.find(u"account"_s));
    QVERIFY(notice);
    QCOMPARE(notice->kind, encore::AccountNoticeKind::HoldReleased);
    QCOMPARE(notice->reason, why);
    // Nobody else hears of it (a ping round trip orders the check after any stray frame).
    other.send({{u"type"_s, u"ping"_s}});
    QTRY_VERIFY(other.find(u"pong"_s));
    QVERIFY(!other.find(u"account"_s));
    verifyReconciled();
}

void TestStaffOps::walletAdjustment()
{
    const TestUser fan = m_fx->createUsers(1, 10'000, u"adjust"_s).first();
    const QByteArray path = "/api/v1/admin/users/" + uuidText(fan.id) + "/wallet-adjustments";
    const QJsonObject credit {{u"amount"_s, 5'000}, {u"reason"_s, u"Goodwill for the delay"_s}};

    QCOMPARE(call("POST", path, m_staff.token, credit).errorCode(), u"VALIDATION_FAILED"_s);
    QCOMPARE(balance(fan), 10'000);

    const HttpResponse first = call("POST", path, m_staff.token, credit, "adj-1");
    QCOMPARE(first.status, 201);
    QCOMPARE(first.json().value(u"balance"_s).toInteger(), 15'000);
    const QJsonObject entry = first.json().value(u"entry"_s).toObject();
    QCOMPARE(entry.value(u"kind"_s).toString(), u"ADJUSTMENT"_s);
    QCOMPARE(entry.value(u"amount"_s).toInteger(), 5'000);
    QCOMPARE(entry.value(u"reference"_s).toString(), u"Goodwill for the delay"_s);
    // The same key replays the answer and moves no money twice.
    const HttpResponse replay = call("POST", path, m_staff.token, credit, "adj-1");
    QCOMPARE(replay.status, 201);
    QCOMPARE(replay.body, first.body);
    QCOMPARE(balance(fan), 15'000);
    QCOMPARE(
        call("POST", path, m_staff.token, {{u"amount"_s, 1}, {u"reason"_s, u"other"_s}}, "adj-1")
            .errorCode(),
        u"IDEMPOTENCY_MISMATCH"_s);

    // Never below zero; exactly to zero is fine.
    const HttpResponse tooMuch
        = call("POST", path, m_staff.token,
               {{u"amount"_s, -15'001}, {u"reason"_s, u"Chargeback"_s}}, "adj-2");
    QCOMPARE(tooMuch.status, 409);
    QCOMPARE(balance(fan), 15'000);
    QCOMPARE(
        call("POST", path, m_staff.token, {{u"amount"_s, 0}, {u"reason"_s, u"nothing"_s}}, "adj-3")
            .errorCode(),
        u"VALIDATION_FAILED"_s);
    const HttpResponse toZero
        = call("POST", path, m_staff.token,
               {{u"amount"_s, -15'000}, {u"reason"_s, u"Chargeback"_s}}, "adj-4");
    QCOMPARE(toZero.status, 201);
    QCOMPARE(toZero.json().value(u"balance"_s).toInteger(), 0);
    QCOMPARE(auditCount(u"wallet.adjust"_s), 2);
    QCOMPARE(auditReason(u"wallet.adjust"_s), u"Chargeback"_s);

    // The customer sees it in their ledger; the ledger still adds up.
    const QJsonArray ledger = m_server->client()
                                  .get("/api/v1/wallet/ledger", fan.token)
                                  .json()
                                  .value(u"entries"_s)
                                  .toArray();
    QCOMPARE(ledger.first().toObject().value(u"kind"_s).toString(), u"ADJUSTMENT"_s);
    QCOMPARE(ledger.first().toObject().value(u"amount"_s).toInteger(), -15'000);
    QCOMPARE(call("POST",
                  "/api/v1/admin/users/00000000-0000-4000-8000-000000000009/wallet-adjustments",
                  m_staff.token, credit, "adj-5")
                 .status,
             404);
    verifyReconciled();
}

void TestStaffOps::findCustomer()
{
    const qint64 concert = m_fx->createConcert(u"Lookup"_s, 1);
    const qint64 schedule = m_fx->schedulesOf(concert).first();
    QList<TestUser> fans = m_fx->createUsers(1, 500'000, u"lookup"_s);
    m_fx->admit(fans, concert);
    const TestUser fan = fans.first();
    QVERIFY(!buy(fan, schedule, {5}).isEmpty());

    const HttpResponse found = call(
        "GET", "/api/v1/admin/users?query=" + fan.username.toUpper().toUtf8(), m_staff.token);
    QCOMPARE(found.status, 200);
    const QJsonArray users = found.json().value(u"users"_s).toArray();
    QCOMPARE(users.size(), 1);
    const QJsonObject row = users.first().toObject();
    QCOMPARE(row.value(u"username"_s).toString(), fan.username);
    QCOMPARE(row.value(u"role"_s).toString(), u"customer"_s);
    QCOMPARE(row.value(u"balance"_s).toInteger(), balance(fan));
    QCOMPARE(call("GET", "/api/v1/admin/users?query=%25", m_staff.token)
                 .json()
                 .value(u"users"_s)
                 .toArray()
                 .size(),
             0); // "%" is a character, not a wildcard
    QCOMPARE(call("GET", "/api/v1/admin/users?query=", m_staff.token).errorCode(),
             u"VALIDATION_FAILED"_s);

    const HttpResponse detail
        = call("GET", "/api/v1/admin/users/" + uuidText(fan.id), m_staff.token);
    QCOMPARE(detail.status, 200);
    const QJsonObject d = detail.json();
    QCOMPARE(d.value(u"user"_s).toObject().value(u"username"_s).toString(), fan.username);
    QCOMPARE(d.value(u"wallet"_s).toObject().value(u"balance"_s).toInteger(), balance(fan));
    QCOMPARE(d.value(u"reservations"_s).toArray().size(), 1);
    QCOMPARE(d.value(u"payments"_s).toArray().size(), 1);
    QVERIFY(d.value(u"ledger"_s).toArray().size() >= 1);
    const QJsonArray tickets = d.value(u"queueTickets"_s).toArray();
    QCOMPARE(tickets.size(), 0); // the payment ended the turn
    QCOMPARE(call("GET", "/api/v1/admin/users/00000000-0000-4000-8000-000000000009", m_staff.token)
                 .status,
             404);
    QCOMPARE(call("GET", "/api/v1/admin/users/not-a-uuid", m_staff.token).status, 404);
}

void TestStaffOps::queueControlOnEveryInstance()
{
    const qint64 concert = m_fx->createConcert(u"Queue control"_s, 1);
    QVERIFY(openQueue(m_server->client(), *m_fx, concert));
    QList<TestUser> fans = m_fx->createUsers(1, 0, u"line"_s);
    QVERIFY(joinQueue(m_server->client(), fans, concert));
    const TestUser fan = fans.first();
    const QByteArray user = uuidText(fan.id);

    // Staff see the ticket, then end it.
    const QJsonArray tickets = call("GET", "/api/v1/admin/users/" + user, m_staff.token)
                                   .json()
                                   .value(u"queueTickets"_s)
                                   .toArray();
    QCOMPARE(tickets.size(), 1);
    QCOMPARE(tickets.first().toObject().value(u"concertId"_s).toInteger(), concert);
    QCOMPARE(tickets.first().toObject().value(u"status"_s).toString(), u"ACTIVE"_s);
    QVERIFY(!tickets.first().toObject().contains(u"token"_s)
            || tickets.first().toObject().value(u"token"_s).toString().isEmpty());
    const QByteArray entry = "/api/v1/admin/concerts/" + id(concert) + "/queue/" + user;
    QCOMPARE(call("DELETE", entry, m_staff.token, {{u"reason"_s, u"Bot-like traffic"_s}}).status,
             204);
    HttpRequest status {"GET", "/api/v1/queue/status", {}, {}};
    status.bearer(fan.token).queueToken(fan.queueToken);
    QCOMPARE(m_server->client().send(status).status, 404);
    QCOMPARE(call("DELETE", entry, m_staff.token, {{u"reason"_s, u"Bot-like traffic"_s}}).status,
             404);
    QCOMPARE(auditReason(u"queue.remove"_s), u"Bot-like traffic"_s);

    // A block holds on a second instance too (and on whichever store both use).
    TestServer second(m_server->database(), {});
    QVERIFY(second.start());
    const QByteArray blocks = "/api/v1/admin/concerts/" + id(concert) + "/queue-blocks";
    const HttpResponse blocked
        = call("POST", blocks, m_staff.token,
               {{u"userId"_s, QString::fromLatin1(user)}, {u"reason"_s, u"Reselling"_s}});
    QCOMPARE(blocked.status, 201);
    QCOMPARE(blocked.json().value(u"reason"_s).toString(), u"Reselling"_s);
    HttpRequest join {"POST", "/api/v1/concerts/" + id(concert) + "/queue", {}, {}};
    join.bearer(fan.token);
    for (const HttpClient &client : {m_server->client(), second.client()}) {
        const HttpResponse refused = client.send(join);
        QCOMPARE(refused.status, 403);
        QCOMPARE(refused.errorCode(), u"FORBIDDEN"_s);
    }
    const QJsonArray listed = call("GET", "/api/v1/admin/users/" + user, m_staff.token)
                                  .json()
                                  .value(u"queueBlocks"_s)
                                  .toArray();
    QCOMPARE(listed.size(), 1);
    QCOMPARE(auditCount(u"queue.block"_s), 1);

    // Others still join; once unblocked, so does the customer.
    QList<TestUser> others = m_fx->createUsers(1, 0, u"other"_s);
    QVERIFY(joinQueue(second.client(), others, concert));
    QCOMPARE(
        call("DELETE", blocks + "/" + user, m_staff.token, {{u"reason"_s, u"Cleared by support"_s}})
            .status,
        204);
    QCOMPARE(
        call("DELETE", blocks + "/" + user, m_staff.token, {{u"reason"_s, u"Cleared by support"_s}})
            .status,
        404);
    QCOMPARE(second.client().send(join).status, 201);
    QCOMPARE(auditReason(u"queue.unblock"_s), u"Cleared by support"_s);
}

QTEST_MAIN(TestStaffOps)
#include "tst_staffops.moc"
