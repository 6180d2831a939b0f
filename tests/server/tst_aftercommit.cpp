// Effects outside PostgreSQL (the seat-map cache, metrics, the Redis queue store) follow only a
// committed transaction: a fault injected in PostgreSQL (a trigger raising an error) makes the
// real server roll back or retry (40001) a request after its work is done, and Redis and /metrics
// then show no effect of the undone attempt and exactly one of the committed one.
#include "apipaths.h"
#include "bookingrequests.h"
#include "fixtures.h"
#include "testserver.h"

#include "cache/snapshotcache.h"
#include "services/services.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>
#include <QWebSocket>

using namespace Qt::StringLiterals;
using namespace encore::test;
namespace api = encore::api;
using encore::server::RedisValue;
using encore::server::SnapshotCache;

namespace {

// A trigger that fails a table's writes with `sqlState`: every time, or only the first time
// (a sequence counts attempts: unlike a table row, it is not rolled back with the attempt).
class InjectedFault {
public:
    enum class Times { Once, Always };
    // The trigger function and the attempt counter, once per database.
    static void install(Fixtures &fx)
    {
        fx.db().execScript(u"CREATE SEQUENCE test_fault_seq; "
                           "CREATE FUNCTION test_fault() RETURNS trigger LANGUAGE plpgsql AS $$ "
                           "DECLARE attempt bigint := nextval('test_fault_seq'); "
                           "BEGIN "
                           "  IF TG_ARGV[1] = 'always' OR attempt = 1 THEN "
                           "    RAISE EXCEPTION 'injected fault' USING ERRCODE = TG_ARGV[0]; "
                           "  END IF; "
                           "  RETURN NEW; "
                           "END $$;"_s);
    }
    InjectedFault(Fixtures &fx, const QString &table, const QString &event, const QString &sqlState,
                  Times times)
        : m_fx(fx)
        , m_table(table)
    {
        m_fx.db().execScript(
            u"ALTER SEQUENCE test_fault_seq RESTART WITH 1; "
            "CREATE TRIGGER test_fault AFTER %1 ON %2 FOR EACH ROW "
            "EXECUTE FUNCTION test_fault('%3', '%4');"_s.arg(
                event, table, sqlState, times == Times::Once ? u"once"_s : u"always"_s));
    }
    ~InjectedFault() { m_fx.db().execScript(u"DROP TRIGGER test_fault ON %1"_s.arg(m_table)); }
    InjectedFault(const InjectedFault &) = delete;
    InjectedFault &operator=(const InjectedFault &) = delete;
    // How many attempts reached the faulty statement.
    qint64 attempts() const
    {
        return m_fx
            .scalar(u"SELECT CASE WHEN is_called THEN last_value ELSE 0 END "
                    "FROM test_fault_seq"_s)
            .toLongLong();
    }

private:
    Fixtures &m_fx;
    QString m_table;
};

} // namespace

class TestAfterCommit final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void rolledBackHoldLeavesCacheAndMetrics();
    void retriedHoldCountsOnce();
    void rolledBackPaymentKeepsTurnAndMetrics();
    void retriedPaymentCountsOnce();
    void rolledBackQueueSettingsStayOutOfRedis();
    void retriedQueueSettingsReachRedis();

private:
    double metric(const QString &name, const QString &labels = {});
    encore::server::RedisClient &redis() { return *m_fx->services().redis; }
    void plantSeatMapSentinel(qint64 schedule);
    bool seatMapSentinelPresent(qint64 schedule);
    HttpResponse putSettings(qint64 concert, int maxActive);
    QMap<QByteArray, QByteArray> redisSettings(qint64 concert);
    // Holds a seat for setting up a test, and waits until every instance heard of it (its
    // NOTIFY also drops the cached map), so that drop cannot be mistaken for the test's.
    QJsonObject holdAndSettle(const TestUser &user, int seat);

    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<Fixtures> m_fx;
    QByteArray m_metricsToken;
    qint64 m_concert = 0;
    qint64 m_schedule = 0;
    QList<TestUser> m_users;
    QList<TestUser> m_staff;
    QWebSocket m_live; // the staff live feed of m_schedule
    QList<QJsonObject> m_announced;
};

void TestAfterCommit::initTestCase()
{
    // The Redis queue store and cache: the effects that could run ahead of PostgreSQL.
    qputenv("ENCORE_TEST_REDIS", "1");
    m_server = std::make_unique<TestServer>();
    QVERIFY(m_server->start());
    m_fx = std::make_unique<Fixtures>(m_server->database());
    QVERIFY(m_fx->services().redis);
    InjectedFault::install(*m_fx);
    m_concert = m_fx->createConcert(u"After commit"_s, 1);
    m_schedule = m_fx->schedulesOf(m_concert).first();
    m_users = m_fx->createUsers(4, 1'000'000);
    m_fx->admit(m_users, m_concert);
    m_staff = m_fx->createUsers(1, 0, u"crew"_s);
    m_fx->db().exec(u"UPDATE users SET role = 'staff' WHERE id = ?::uuid"_s,
                    {m_staff[0].id.toString(QUuid::WithoutBraces)});

    connect(&m_live, &QWebSocket::textMessageReceived, this, [this](const QString &text) {
        m_announced.append(QJsonDocument::fromJson(text.toUtf8()).object());
    });
    QSignalSpy connected(&m_live, &QWebSocket::connected);
    m_live.open(QUrl(u"ws://127.0.0.1:%1"_s.arg(m_server->port()) + api::live()));
    QVERIFY(connected.wait(10'000));
    for (const QJsonObject &m :
         {QJsonObject {{u"type"_s, u"auth"_s}, {u"token"_s, QString::fromLatin1(m_staff[0].token)}},
          QJsonObject {
              {u"type"_s, u"subscribe"_s}, {u"scheduleId"_s, m_schedule}, {u"role"_s, u"staff"_s}}})
        m_live.sendTextMessage(QString::fromUtf8(QJsonDocument(m).toJson(QJsonDocument::Compact)));
    QTRY_VERIFY(!m_announced.isEmpty() && m_announced.last().value(u"full"_s).toBool());
}

QJsonObject TestAfterCommit::holdAndSettle(const TestUser &user, int seat)
{
    const qsizetype mark = m_announced.size();
    const HttpResponse held = m_server->client().send(holdRequest(user, m_schedule, {seat}));
    if (held.status != 201)
        return {};
    const auto announced = [&] {
        for (const QJsonObject &m : m_announced.mid(mark)) {
            for (const QJsonValue &v : m.value(u"seats"_s).toArray()) {
                if (v.toObject().value(u"number"_s).toInt() == seat)
                    return true;
            }
        }
        return false;
    };
    if (!QTest::qWaitFor(announced, 10'000))
        return {};
    return held.json().value(u"reservation"_s).toObject();
}

double TestAfterCommit::metric(const QString &name, const QString &labels)
{
    // /metrics on the API address is staff-only (docs/SECURITY.md).
    if (m_metricsToken.isEmpty()) {
        const TestUser staff = m_fx->createUsers(1, 0, u"metrics"_s).first();
        m_fx->scalar(u"UPDATE users SET role = 'staff' WHERE id = ?::uuid RETURNING 1"_s,
                     {staff.id.toString(QUuid::WithoutBraces)});
        m_metricsToken = staff.token;
    }
    const QString text = QString::fromUtf8(m_server->client().get("/metrics", m_metricsToken).body);
    const QString series = labels.isEmpty() ? name : name + u'{' + labels + u'}';
    const QRegularExpression line(u"^"_s + QRegularExpression::escape(series) + u" (\\S+)$"_s,
                                  QRegularExpression::MultilineOption);
    const auto m = line.match(text);
    return m.hasMatch() ? m.captured(1).toDouble() : 0;
}

// A value in the date's seat-map cache key that only a drop removes (it outlives the test).
void TestAfterCommit::plantSeatMapSentinel(qint64 schedule)
{
    redis().command({"SET", SnapshotCache::seatMapKey(schedule), "sentinel", "EX", "600"});
}

bool TestAfterCommit::seatMapSentinelPresent(qint64 schedule)
{
    return redis().command({"GET", SnapshotCache::seatMapKey(schedule)}).string == "sentinel";
}

HttpResponse TestAfterCommit::putSettings(qint64 concert, int maxActive)
{
    HttpRequest put {"PUT", api::adminQueueSettings(concert).toLatin1(), {}, {}};
    put.bearer(m_staff[0].token)
        .json({{u"maxActive"_s, maxActive},
               {u"admitPerMinute"_s, 600},
               {u"activeTtlSeconds"_s, 600},
               {u"paused"_s, false}});
    return m_server->client().send(put);
}

QMap<QByteArray, QByteArray> TestAfterCommit::redisSettings(qint64 concert)
{
    const RedisValue v
        = redis().command({"HGETALL", "encore:q:" + QByteArray::number(concert) + ":settings"});
    QMap<QByteArray, QByteArray> out;
    for (qsizetype i = 0; i + 1 < v.array.size(); i += 2)
        out.insert(v.array[i].string, v.array[i + 1].string);
    return out;
}

void TestAfterCommit::rolledBackHoldLeavesCacheAndMetrics()
{
    // The hold's own work succeeds; storing the idempotent answer then fails, so the whole
    // request rolls back (500): no seat was held, so nothing outside may say otherwise.
    const double holdsBefore = metric(u"encore_holds_total"_s, u"result=\"ok\""_s);
    plantSeatMapSentinel(m_schedule);
    HttpResponse r;
    {
        const InjectedFault fault(*m_fx, u"idempotency_keys"_s, u"UPDATE"_s, u"P0001"_s,
                                  InjectedFault::Times::Always);
        r = m_server->client().send(holdRequest(m_users[0], m_schedule, {1}, "rollback-hold-1"));
        QCOMPARE(fault.attempts(), 1);
    }
    QCOMPARE(r.status, 500);
    QCOMPARE(m_fx->scalar(u"SELECT status FROM seats WHERE schedule_id = ? AND number = 1"_s,
                          {m_schedule})
                 .toString(),
             u"AVAILABLE"_s);
    QVERIFY(seatMapSentinelPresent(m_schedule)); // the cache was not dropped for it
    QCOMPARE(metric(u"encore_holds_total"_s, u"result=\"ok\""_s), holdsBefore);
}

void TestAfterCommit::retriedHoldCountsOnce()
{
    // The first attempt ends in a serialization failure (40001) after the hold's work; the
    // server retries the whole request, which commits: one hold, counted once, cache dropped.
    const double holdsBefore = metric(u"encore_holds_total"_s, u"result=\"ok\""_s);
    plantSeatMapSentinel(m_schedule);
    HttpResponse r;
    {
        const InjectedFault fault(*m_fx, u"idempotency_keys"_s, u"UPDATE"_s, u"40001"_s,
                                  InjectedFault::Times::Once);
        r = m_server->client().send(holdRequest(m_users[1], m_schedule, {2}, "retried-hold-1"));
        QCOMPARE(fault.attempts(), 2); // the retry really happened
    }
    QCOMPARE(r.status, 201);
    QCOMPARE(m_fx->scalar(u"SELECT count(*) FROM reservations WHERE user_id = ?::uuid"_s,
                          {m_users[1].id.toString(QUuid::WithoutBraces)})
                 .toLongLong(),
             1);
    QCOMPARE(metric(u"encore_holds_total"_s, u"result=\"ok\""_s), holdsBefore + 1);
    QVERIFY(!seatMapSentinelPresent(m_schedule));
}

void TestAfterCommit::rolledBackPaymentKeepsTurnAndMetrics()
{
    const QString reservation = holdAndSettle(m_users[2], 3).value(u"id"_s).toString();
    QVERIFY(!reservation.isEmpty());
    const double paymentsBefore = metric(u"encore_payments_total"_s, u"result=\"ok\""_s);
    const double revenueBefore = metric(u"encore_revenue_krw_total"_s);
    plantSeatMapSentinel(m_schedule);
    HttpResponse r;
    {
        const InjectedFault fault(*m_fx, u"idempotency_keys"_s, u"UPDATE"_s, u"P0001"_s,
                                  InjectedFault::Times::Always);
        r = m_server->client().send(payRequest(m_users[2], reservation, "pay-rb"));
    }
    QCOMPARE(r.status, 500);
    QCOMPARE(metric(u"encore_payments_total"_s, u"result=\"ok\""_s), paymentsBefore);
    QCOMPARE(metric(u"encore_revenue_krw_total"_s), revenueBefore);
    QVERIFY(seatMapSentinelPresent(m_schedule));
    // The queue turn (in Redis) was not ended for a payment that did not happen.
    const HttpResponse status = m_server->client().send(HttpRequest {
        "GET", api::queueStatus().toLatin1(), {}, {}}.bearer(m_users[2].token)
                                                            .queueToken(m_users[2].queueToken));
    QCOMPARE(status.status, 200);
    QCOMPARE(status.json().value(u"status"_s).toString(), u"ACTIVE"_s);
}

void TestAfterCommit::retriedPaymentCountsOnce()
{
    const QJsonObject reservation = holdAndSettle(m_users[3], 4);
    QVERIFY(!reservation.isEmpty());
    const double paymentsBefore = metric(u"encore_payments_total"_s, u"result=\"ok\""_s);
    const double revenueBefore = metric(u"encore_revenue_krw_total"_s);
    HttpResponse r;
    {
        const InjectedFault fault(*m_fx, u"idempotency_keys"_s, u"UPDATE"_s, u"40001"_s,
                                  InjectedFault::Times::Once);
        r = m_server->client().send(
            payRequest(m_users[3], reservation.value(u"id"_s).toString(), "pay-r"));
        QCOMPARE(fault.attempts(), 2);
    }
    QCOMPARE(r.status, 201);
    QCOMPARE(metric(u"encore_payments_total"_s, u"result=\"ok\""_s), paymentsBefore + 1);
    QCOMPARE(metric(u"encore_revenue_krw_total"_s),
             revenueBefore + reservation.value(u"total"_s).toDouble());
    // The committed payment ended the turn in Redis.
    const HttpResponse status = m_server->client().send(HttpRequest {
        "GET", api::queueStatus().toLatin1(), {}, {}}.bearer(m_users[3].token)
                                                            .queueToken(m_users[3].queueToken));
    QCOMPARE(status.status, 404);
}

void TestAfterCommit::rolledBackQueueSettingsStayOutOfRedis()
{
    // The audit entry of the staff change fails: the settings stay as they were in PostgreSQL,
    // and Redis's copy (which admission reads) must not run ahead with the new ones.
    const qint64 concert = m_fx->createConcert(u"Settings rollback"_s, 1);
    QCOMPARE(putSettings(concert, 7).status, 200);
    QCOMPARE(redisSettings(concert).value("maxActive"), QByteArray("7"));
    HttpResponse r;
    {
        const InjectedFault fault(*m_fx, u"audit_log"_s, u"INSERT"_s, u"P0001"_s,
                                  InjectedFault::Times::Always);
        r = putSettings(concert, 99);
    }
    QCOMPARE(r.status, 500);
    QCOMPARE(
        m_fx->scalar(u"SELECT max_active FROM queue_settings WHERE concert_id = ?"_s, {concert})
            .toInt(),
        7);
    QCOMPARE(redisSettings(concert).value("maxActive"), QByteArray("7"));
}

void TestAfterCommit::retriedQueueSettingsReachRedis()
{
    const qint64 concert = m_fx->createConcert(u"Settings retry"_s, 1);
    QCOMPARE(putSettings(concert, 7).status, 200);
    HttpResponse r;
    {
        const InjectedFault fault(*m_fx, u"audit_log"_s, u"INSERT"_s, u"40001"_s,
                                  InjectedFault::Times::Once);
        r = putSettings(concert, 12);
        QCOMPARE(fault.attempts(), 2);
    }
    QCOMPARE(r.status, 200);
    QCOMPARE(
        m_fx->scalar(u"SELECT max_active FROM queue_settings WHERE concert_id = ?"_s, {concert})
            .toInt(),
        12);
    QCOMPARE(redisSettings(concert).value("maxActive"), QByteArray("12"));
    QCOMPARE(m_fx->scalar(u"SELECT count(*) FROM audit_log WHERE action = 'queue.settings' "
                          "AND target = ?"_s,
                          {u"concert:%1"_s.arg(concert)})
                 .toLongLong(),
             2); // the first PUT and the retried one, once each
}

QTEST_GUILESS_MAIN(TestAfterCommit)
#include "tst_aftercommit.moc"
