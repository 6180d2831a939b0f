// The per-concert queue under real parallel clients: exact positions for a thousand joins at once,
// admission bounded by max-active, in arrival order and at the configured rate, an ETA that
// matches the actual wait, and a payment that ends the ticket and lets the next fan in.
#include "apipaths.h"
#include "fixtures.h"
#include "testserver.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QSet>
#include <QTest>

#include <algorithm>
#include <cmath>
#include <functional>
#include <numeric>

using namespace Qt::StringLiterals;
using namespace encore::test;
namespace api = encore::api;

namespace {

struct Settings {
    int maxActive = 100'000;
    int admitPerMinute = 600;
    bool paused = false;
    int activeTtlSeconds = 600;
};

HttpRequest statusRequest(const TestUser &user, const QByteArray &queueToken)
{
    HttpRequest r {"GET", api::queueStatus().toLatin1(), {}, {}};
    r.bearer(user.token).queueToken(queueToken);
    return r;
}

// The queue is observed through Fixtures::queueRows(), which reads whichever store the server
// uses (queue_entries, or Redis with ENCORE_TEST_REDIS): the same checks hold both stores to the
// same contract. Rows come in arrival order.
using Status = QueueRow::Status;

qint64 nowUs()
{
    return QDateTime::currentMSecsSinceEpoch() * 1000;
}

// Entries admitted while an earlier arrival still waits.
int jumped(const QList<QueueRow> &rows)
{
    int count = 0;
    bool earlierNotAdmitted = false;
    for (const QueueRow &r : rows) {
        if (r.admitted() && earlierNotAdmitted)
            ++count;
        earlierNotAdmitted = earlierNotAdmitted || !r.admitted();
    }
    return count;
}

qsizetype countRows(const QList<QueueRow> &rows, const std::function<bool(const QueueRow &)> &test)
{
    return std::count_if(rows.cbegin(), rows.cend(), test);
}

QByteArray tokenOf(const HttpResponse &r)
{
    return r.json().value(u"token"_s).toString().toLatin1();
}

} // namespace

class TestQueue final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void thousandJoinsExactPositions();
    void admissionBoundedAndInOrder();
    void joinsDuringAdmissionKeepOrder();
    void admissionKeepsRate_data();
    void admissionKeepsRate();
    void etaMatchesActualWait_data();
    void etaMatchesActualWait();
    void paymentEndsTicketAndFreesCapacity();
    void turnEndsAfterTtl();
    void etaReasonFollowsTheQueue_data();
    void etaReasonFollowsTheQueue();

private:
    qint64 createConcert(const Settings &settings);
    void putSettings(qint64 concertId, const Settings &settings);
    QList<HttpResponse> join(const QList<TestUser> &users, qint64 concertId);
    int admittedCount(qint64 concertId);
    double secondsSinceFirstAdmission(qint64 concertId);

    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<Fixtures> m_fixtures;
    TestUser m_staff;
};

void TestQueue::initTestCase()
{
    m_server = std::make_unique<TestServer>();
    QVERIFY(m_server->start());
    m_fixtures = std::make_unique<Fixtures>(m_server->database());
    m_staff = m_fixtures->createUsers(1, 0, u"usher"_s).first();
    m_fixtures->scalar(u"UPDATE users SET role = 'staff' WHERE id = ?::uuid"_s,
                       {m_staff.id.toString(QUuid::WithoutBraces)});
}

qint64 TestQueue::createConcert(const Settings &settings)
{
    const qint64 id = m_fixtures->createConcert(u"Queue"_s);
    putSettings(id, settings);
    return id;
}

void TestQueue::putSettings(qint64 concertId, const Settings &settings)
{
    HttpRequest r {"PUT", api::adminQueueSettings(concertId).toLatin1(), {}, {}};
    r.bearer(m_staff.token)
        .json({{u"maxActive"_s, settings.maxActive},
               {u"admitPerMinute"_s, settings.admitPerMinute},
               {u"activeTtlSeconds"_s, settings.activeTtlSeconds},
               {u"paused"_s, settings.paused}});
    const HttpResponse response = m_server->client().send(r);
    QVERIFY2(response.status == 200, response.body.constData());
}

QList<HttpResponse> TestQueue::join(const QList<TestUser> &users, qint64 concertId)
{
    QList<HttpRequest> requests;
    for (const TestUser &u : users) {
        HttpRequest r {"POST", api::concertQueue(concertId).toLatin1(), {}, {}};
        requests.append(r.bearer(u.token).json({}));
    }
    return m_server->client().parallel(requests);
}

int TestQueue::admittedCount(qint64 concertId)
{
    return int(countRows(m_fixtures->queueRows(concertId),
                         [](const QueueRow &r) { return r.admitted(); }));
}

// 0 while nobody has been admitted.
double TestQueue::secondsSinceFirstAdmission(qint64 concertId)
{
    qint64 first = 0;
    for (const QueueRow &r : m_fixtures->queueRows(concertId)) {
        if (r.admitted() && (first == 0 || r.admittedAtUs < first))
            first = r.admittedAtUs;
    }
    return first == 0 ? 0.0 : double(nowUs() - first) / 1e6;
}

// A thousand fans join a paused queue at once: positions 1..1000, each once, in arrival order;
// joining again keeps the place and rotates the token.
void TestQueue::thousandJoinsExactPositions()
{
    constexpr int kFans = 1000;
    const qint64 concert = createConcert({.paused = true});
    const QList<TestUser> users = m_fixtures->createUsers(kFans, 0, u"line"_s);
    QElapsedTimer clock;
    clock.start();
    const QList<HttpResponse> joins = join(users, concert);
    qInfo("%d joins in %lld ms", kFans, clock.elapsed());
    QList<HttpRequest> statusRequests;
    for (int i = 0; i < kFans; ++i) {
        QVERIFY2(joins[i].status == 201, joins[i].body.constData());
        QCOMPARE(joins[i].json().value(u"status"_s).toString(), u"WAITING"_s);
        statusRequests.append(statusRequest(users[i], tokenOf(joins[i])));
    }

    QHash<QUuid, int> arrivalRank; // 1 = first to arrive
    for (const QueueRow &r : m_fixtures->queueRows(concert))
        arrivalRank.insert(r.user, int(arrivalRank.size()) + 1);
    QCOMPARE(arrivalRank.size(), kFans);

    const QList<HttpResponse> statuses = m_server->client().parallel(statusRequests);
    QList<int> positions;
    for (int i = 0; i < kFans; ++i) {
        const QJsonObject t = statuses[i].json();
        QVERIFY2(statuses[i].status == 200, statuses[i].body.constData());
        QCOMPARE(t.value(u"status"_s).toString(), u"WAITING"_s);
        const int position = t.value(u"position"_s).toInt();
        QCOMPARE(t.value(u"aheadCount"_s).toInt(), position - 1);
        QCOMPARE(position, arrivalRank.value(users[i].id));
        positions.append(position);
    }
    std::sort(positions.begin(), positions.end());
    QList<int> expected(kFans);
    std::iota(expected.begin(), expected.end(), 1);
    QCOMPARE(positions, expected);

    // Every tenth fan joins again, all at once.
    QList<TestUser> again;
    QList<int> index;
    for (int i = 0; i < kFans; i += 10) {
        again.append(users[i]);
        index.append(i);
    }
    const QList<HttpResponse> rejoins = join(again, concert);
    QList<HttpRequest> oldTokens, newTokens;
    for (int k = 0; k < again.size(); ++k) {
        const int i = index[k];
        QCOMPARE(rejoins[k].status, 200);
        QCOMPARE(rejoins[k].json().value(u"position"_s).toInt(),
                 statuses[i].json().value(u"position"_s).toInt());
        QVERIFY(tokenOf(rejoins[k]) != tokenOf(joins[i]));
        oldTokens.append(statusRequest(again[k], tokenOf(joins[i])));
        newTokens.append(statusRequest(again[k], tokenOf(rejoins[k])));
    }
    const QList<HttpResponse> viaOld = m_server->client().parallel(oldTokens);
    const QList<HttpResponse> viaNew = m_server->client().parallel(newTokens);
    for (int k = 0; k < again.size(); ++k) {
        QCOMPARE(viaOld[k].status, 404);
        QCOMPARE(viaNew[k].json().value(u"position"_s).toInt(),
                 statuses[index[k]].json().value(u"position"_s).toInt());
    }
    QCOMPARE(m_fixtures->queueRows(concert).size(), kFans);
}

// Sixty fans wait for ten places; the admitted ones leave a few at a time. Sampled all along:
// never more than ten active, and nobody admitted while someone who came earlier still waits.
void TestQueue::admissionBoundedAndInOrder()
{
    constexpr int kFans = 60;
    constexpr int kMaxActive = 10;
    Settings settings {.maxActive = kMaxActive, .admitPerMinute = 6000, .paused = true};
    const qint64 concert = createConcert(settings);
    const QList<TestUser> users = m_fixtures->createUsers(kFans, 0, u"cap"_s);
    const QList<HttpResponse> joins = join(users, concert);
    QHash<QUuid, int> byUser;
    for (int i = 0; i < kFans; ++i) {
        QCOMPARE(joins[i].status, 201);
        byUser.insert(users[i].id, i);
    }
    settings.paused = false;
    putSettings(concert, settings);

    HttpRequest stats {"GET", api::adminConcertQueue(concert).toLatin1(), {}, {}};
    stats.bearer(m_staff.token);
    int samples = 0, maxSeen = 0, left = 0;
    QDeadlineTimer deadline(60'000);
    while (left < kFans && !deadline.hasExpired()) {
        const QList<QueueRow> rows = m_fixtures->queueRows(concert); // one moment
        const qint64 now = nowUs();
        const int active = int(countRows(rows, [now](const QueueRow &r) {
            return r.status == Status::Active && r.activeUntilUs > now;
        }));
        const int reported = m_server->client().send(stats).json().value(u"active"_s).toInt();
        ++samples;
        maxSeen = std::max({maxSeen, active, reported});
        QVERIFY2(
            active <= kMaxActive && reported <= kMaxActive,
            qPrintable(u"%1 active (admin view %2) with max %3"_s.arg(active).arg(reported).arg(
                kMaxActive)));
        QCOMPARE(jumped(rows), 0);

        // Up to three of the active fans leave, which makes room for the next ones.
        QList<HttpRequest> leaves;
        for (const QueueRow &r : rows) {
            if (r.status != Status::Active)
                continue;
            if (leaves.size() == 3)
                break;
            const int i = byUser.value(r.user);
            HttpRequest leave {"DELETE", api::queue().toLatin1(), {}, {}};
            leaves.append(leave.bearer(users[i].token).queueToken(tokenOf(joins[i])));
        }
        for (const HttpResponse &r : m_server->client().parallel(leaves))
            QCOMPARE(r.status, 204);
        left += int(leaves.size());
        QTest::qWait(20); // sampling interval
    }
    qInfo("%d samples, at most %d active of %d", samples, maxSeen, kMaxActive);
    QCOMPARE(left, kFans);
    QCOMPARE(maxSeen, kMaxActive);
    // In arrival order: admission times never go backwards along the line.
    const QList<QueueRow> rows = m_fixtures->queueRows(concert);
    QCOMPARE(rows.size(), kFans);
    int backwards = 0;
    for (qsizetype k = 1; k < rows.size(); ++k) {
        if (rows[k].admitted() && rows[k - 1].admitted()
            && rows[k].admittedAtUs < rows[k - 1].admittedAtUs)
            ++backwards;
    }
    QCOMPARE(backwards, 0);
}

// Fans pour in while admission runs (every join also tries to admit): nobody is let in while
// someone who arrived earlier still waits.
void TestQueue::joinsDuringAdmissionKeepOrder()
{
    constexpr int kFans = 600;
    const qint64 concert = createConcert({.admitPerMinute = 3000});
    const QList<TestUser> users = m_fixtures->createUsers(kFans, 0, u"flow"_s);
    const QList<HttpResponse> joins = join(users, concert);
    for (const HttpResponse &r : joins)
        QVERIFY2(r.status == 201, r.body.constData());
    const QList<QueueRow> rows = m_fixtures->queueRows(concert);
    QCOMPARE(rows.size(), kFans);
    const int admitted = int(countRows(rows, [](const QueueRow &r) { return r.admitted(); }));
    qInfo("%d admitted while %d joined", admitted, kFans);
    QVERIFY(admitted > 0 && admitted < kFans);
    QCOMPARE(jumped(rows), 0);
}

void TestQueue::admissionKeepsRate_data()
{
    QTest::addColumn<int>("perMinute");
    QTest::addColumn<int>("windowSeconds");
    QTest::addRow("120 per minute over 10 s") << 120 << 10;
    QTest::addRow("600 per minute over 5 s") << 600 << 5;
}

// A long line, room for everyone: admission runs at the configured rate. Counted from the
// store's own admission times over a window starting at the first admission.
void TestQueue::admissionKeepsRate()
{
    QFETCH(int, perMinute);
    QFETCH(int, windowSeconds);
    const double perSecond = perMinute / 60.0;
    const double burst = std::max(1.0, perSecond); // the token bucket's capacity
    const int fans = int(perSecond * windowSeconds + burst) + 20;
    Settings settings {.admitPerMinute = perMinute, .paused = true};
    const qint64 concert = createConcert(settings);
    const QList<TestUser> users = m_fixtures->createUsers(fans, 0, u"rate"_s);
    for (const HttpResponse &r : join(users, concert))
        QCOMPARE(r.status, 201);
    settings.paused = false;
    putSettings(concert, settings);

    QTRY_VERIFY_WITH_TIMEOUT(secondsSinceFirstAdmission(concert) > windowSeconds + 0.5,
                             (windowSeconds + 10) * 1000);
    const QList<QueueRow> rows = m_fixtures->queueRows(concert);
    QCOMPARE(rows.size(), fans);
    qint64 first = std::numeric_limits<qint64>::max();
    for (const QueueRow &r : rows) {
        if (r.admitted())
            first = std::min(first, r.admittedAtUs);
    }
    const qint64 windowEnd = first + qint64(windowSeconds) * 1'000'000;
    const int admitted = int(countRows(rows, [windowEnd](const QueueRow &r) {
        return r.admitted() && r.admittedAtUs <= windowEnd;
    }));
    const double nominal = perSecond * windowSeconds;
    qInfo("%d/min: %d admitted in %d s (nominal %.0f, burst %.0f)", perMinute, admitted,
          windowSeconds, nominal, burst);
    QVERIFY2(admitted <= nominal + burst, qPrintable(u"%1 admitted"_s.arg(admitted)));
    QVERIFY2(admitted >= 0.8 * nominal, qPrintable(u"%1 admitted"_s.arg(admitted)));
    // The admitted ones are exactly the front of the line.
    int gaps = 0;
    for (qsizetype k = 1; k < rows.size(); ++k) {
        if (rows[k].admitted() && !rows[k - 1].admitted())
            ++gaps;
    }
    QCOMPARE(gaps, 0);
}

void TestQueue::etaMatchesActualWait_data()
{
    QTest::addColumn<int>("perMinute");
    QTest::addColumn<int>("ahead");
    QTest::addRow("120 per minute, 20 ahead") << 120 << 20;
    QTest::addRow("300 per minute, 40 ahead") << 300 << 40;
}

// Under a steady admission rate, the wait a fan is promised at join is the wait they get (±25%).
void TestQueue::etaMatchesActualWait()
{
    QFETCH(int, perMinute);
    QFETCH(int, ahead);
    const int warmUp = perMinute / 12; // five seconds of admissions before the fan joins
    const qint64 concert = createConcert({.admitPerMinute = perMinute});
    const QList<TestUser> line = m_fixtures->createUsers(ahead + warmUp, 0, u"eta"_s);
    for (const HttpResponse &r : join(line, concert))
        QCOMPARE(r.status, 201);
    QTRY_VERIFY_WITH_TIMEOUT(admittedCount(concert) >= warmUp, 30'000);

    const TestUser fan = m_fixtures->createUsers(1, 0, u"etafan"_s).first();
    const HttpResponse joined = join({fan}, concert).first();
    QElapsedTimer waited;
    waited.start();
    QCOMPARE(joined.status, 201);
    const QJsonObject ticket = joined.json();
    QCOMPARE(ticket.value(u"status"_s).toString(), u"WAITING"_s);
    const int position = ticket.value(u"position"_s).toInt();
    const qint64 eta = ticket.value(u"etaSeconds"_s).toInteger();
    QVERIFY(ticket.value(u"etaLowSeconds"_s).toInteger() <= eta
            && eta <= ticket.value(u"etaHighSeconds"_s).toInteger());

    const HttpRequest status = statusRequest(fan, tokenOf(joined));
    QTRY_COMPARE_WITH_TIMEOUT(m_server->client().send(status).json().value(u"status"_s).toString(),
                              u"ACTIVE"_s, int(eta * 3000) + 5'000);
    const double actual = waited.elapsed() / 1000.0;
    qInfo("position %d at %d/min: promised %lld s, waited %.1f s", position, perMinute, eta,
          actual);
    QVERIFY2(std::abs(eta - actual) <= 0.25 * actual,
             qPrintable(u"promised %1 s, waited %2 s"_s.arg(eta).arg(actual)));
}

// One place; the active fan pays. The payment ends their ticket and the next fan is let in.
void TestQueue::paymentEndsTicketAndFreesCapacity()
{
    const qint64 concert = createConcert({.maxActive = 1, .admitPerMinute = 6000});
    const qint64 schedule = m_fixtures->schedulesOf(concert).first();
    const QList<TestUser> users = m_fixtures->createUsers(2, 200'000, u"pay"_s);
    const HttpResponse first = join({users[0]}, concert).first();
    QCOMPARE(first.json().value(u"status"_s).toString(), u"ACTIVE"_s);
    const HttpResponse second = join({users[1]}, concert).first();
    QCOMPARE(second.json().value(u"status"_s).toString(), u"WAITING"_s);
    QCOMPARE(second.json().value(u"position"_s).toInt(), 1);
    const HttpClient http = m_server->client();
    const HttpRequest secondStatus = statusRequest(users[1], tokenOf(second));

    HttpRequest hold {"POST", api::reservations().toLatin1(), {}, {}};
    hold.bearer(users[0].token)
        .queueToken(tokenOf(first))
        .json({{u"scheduleId"_s, schedule}, {u"seats"_s, QJsonArray {40}}});
    const HttpResponse held = http.send(hold);
    QCOMPARE(held.status, 201);
    // Still full: the second fan waits while the first one holds seats.
    QCOMPARE(http.send(secondStatus).json().value(u"status"_s).toString(), u"WAITING"_s);

    HttpRequest pay {"POST", api::payments().toLatin1(), {}, {}};
    pay.bearer(users[0].token)
        .queueToken(tokenOf(first))
        .idempotencyKey("queue-pay")
        .json(
            {{u"reservationId"_s, held.json().value(u"reservation"_s).toObject().value(u"id"_s)}});
    QCOMPARE(http.send(pay).status, 201);
    QCOMPARE(http.send(statusRequest(users[0], tokenOf(first))).status, 404);
    QTRY_COMPARE_WITH_TIMEOUT(http.send(secondStatus).json().value(u"status"_s).toString(),
                              u"ACTIVE"_s, 5'000);
}

// One place, a ten-second turn: when it ends, that ticket stops working and the next fan is in.
void TestQueue::turnEndsAfterTtl()
{
    const qint64 concert
        = createConcert({.maxActive = 1, .admitPerMinute = 6000, .activeTtlSeconds = 10});
    const qint64 schedule = m_fixtures->schedulesOf(concert).first();
    const QList<TestUser> users = m_fixtures->createUsers(2, 200'000, u"ttl"_s);
    const HttpResponse first = join({users[0]}, concert).first();
    QCOMPARE(first.json().value(u"status"_s).toString(), u"ACTIVE"_s);
    const HttpResponse second = join({users[1]}, concert).first();
    QCOMPARE(second.json().value(u"status"_s).toString(), u"WAITING"_s);
    const HttpClient http = m_server->client();

    QTRY_COMPARE_WITH_TIMEOUT(
        http.send(statusRequest(users[1], tokenOf(second))).json().value(u"status"_s).toString(),
        u"ACTIVE"_s, 20'000);
    QCOMPARE(http.send(statusRequest(users[0], tokenOf(first))).status, 404);
    HttpRequest hold {"POST", api::reservations().toLatin1(), {}, {}};
    hold.bearer(users[0].token)
        .queueToken(tokenOf(first))
        .json({{u"scheduleId"_s, schedule}, {u"seats"_s, QJsonArray {1}}});
    QCOMPARE(http.send(hold).errorCode(), u"QUEUE_NOT_ACTIVE"_s);
    QCOMPARE(countRows(m_fixtures->queueRows(concert),
                       [](const QueueRow &r) { return r.status == Status::Active; }),
             1);
}

void TestQueue::etaReasonFollowsTheQueue_data()
{
    QTest::addColumn<QString>("situation");
    QTest::addColumn<QString>("reason");
    QTest::addRow("paused") << u"paused"_s << u"paused"_s;
    QTest::addRow("every turn taken") << u"full"_s << u"at_capacity"_s;
    QTest::addRow("staff just slowed admission") << u"changed"_s << u"rate_changed"_s;
    QTest::addRow("settings untouched, nothing measured") << u"untouched"_s << u"estimating"_s;
}

// Each reason the waiting room explains is produced by the situation that causes it, through
// HTTP and whichever queue store the server runs (this suite also runs with Redis). The last of
// three fans waits; the first is admitted (except while paused). "steady" and the jump
// direction need a minute of measured admissions: tst_etaestimate covers them.
void TestQueue::etaReasonFollowsTheQueue()
{
    QFETCH(QString, situation);
    QFETCH(QString, reason);
    qint64 concert = 0;
    if (situation == u"untouched") {
        // Settings as staff never changed them (defaults are written with updated_at 'epoch'),
        // one admission a minute so the line stands still during the test.
        concert = m_fixtures->createConcert(u"Queue"_s);
        m_fixtures->scalar(u"INSERT INTO queue_settings(concert_id, max_active, admit_per_minute, "
                           "active_ttl_seconds, updated_at) VALUES (?, 100000, 1, 600, 'epoch') "
                           "ON CONFLICT (concert_id) DO UPDATE SET max_active = 100000, "
                           "admit_per_minute = 1, paused = false, updated_at = 'epoch'"_s,
                           {concert});
    } else {
        Settings settings;
        settings.paused = situation == u"paused";
        settings.maxActive = situation == u"full" ? 1 : 100'000;
        settings.admitPerMinute = situation == u"changed" ? 1 : 600;
        concert = createConcert(settings);
    }
    const QList<TestUser> fans = m_fixtures->createUsers(3, 0, u"eta-"_s + situation);
    QJsonObject first, last;
    for (const TestUser &fan : fans) {
        HttpRequest r {"POST", api::concertQueue(concert).toLatin1(), {}, {}};
        const HttpResponse joined = m_server->client().send(r.bearer(fan.token).json({}));
        QVERIFY2(joined.status == 201, joined.body.constData());
        const HttpResponse status = m_server->client().send(statusRequest(fan, tokenOf(joined)));
        QVERIFY2(status.status == 200, status.body.constData());
        (first.isEmpty() ? first : last) = status.json();
    }
    QCOMPARE(last.value(u"status"_s).toString(), u"WAITING"_s);
    QCOMPARE(last.value(u"etaReason"_s).toString(), reason);
    QVERIFY(!last.contains(u"etaChange"_s));
    if (reason == u"paused") {
        // No made-up number while nothing moves.
        for (const QString &key : {u"etaSeconds"_s, u"etaLowSeconds"_s, u"etaHighSeconds"_s})
            QVERIFY2(last.value(key).isNull(), qPrintable(key));
        QCOMPARE(first.value(u"etaReason"_s).toString(), u"paused"_s);
    } else {
        QVERIFY(last.value(u"etaSeconds"_s).toInteger() > 0);
        QCOMPARE(first.value(u"status"_s).toString(), u"ACTIVE"_s);
        QCOMPARE(first.value(u"etaReason"_s).toString(), u"admitted"_s);
    }
}

QTEST_GUILESS_MAIN(TestQueue)
#include "tst_queue.moc"
