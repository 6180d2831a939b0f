// The fair queue's abuse limits (issue 15, docs/SECURITY.md "Fair queue limits") on a real
// server behind a trusted proxy (each test speaks from its own X-Real-IP addresses), on either
// store (tst_abuselimits_redis: counters in Redis): each limit answers 429 RATE_LIMITED with
// Retry-After, polls faster than pollAfterMs are refused without reading the queue, limits hold
// across two instances, staff see and clear the counters — and the scripted crowd of "Done
// means": early joiners get a random order ahead of later ones while polling bots are slowed.
#include "api/apitypes.h"
#include "api/fairqueuetypes.h"
#include "apipaths.h"
#include "fixtures.h"
#include "models/queueticket.h"
#include "models/seatwait.h"
#include "testserver.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QTest>

#include <algorithm>
#include <numeric>

using namespace Qt::StringLiterals;
using namespace encore;
using namespace encore::test;

namespace {

// Small limits, so a test reaches each quickly.
const QStringList kLimits {
    u"--trusted-proxy"_s,
    u"127.0.0.1"_s,
    u"--limit-queue-joins"_s,
    u"5"_s,
    u"--limit-queue-joins-per-address"_s,
    u"8"_s,
    u"--limit-queue-polls"_s,
    u"30"_s,
    u"--limit-queue-polls-per-address"_s,
    u"100000"_s,
    u"--limit-poll-pace"_s,
    u"80"_s,
    u"--limit-holds"_s,
    u"3"_s,
    u"--limit-accounts-per-address"_s,
    u"3"_s,
    u"--limit-seat-waits"_s,
    u"3"_s,
    u"--limit-seat-waits-per-address"_s,
    u"5"_s,
};

// Requests from `address`, as the trusted proxy says.
HttpRequest from(HttpRequest r, const QByteArray &address)
{
    r.headers.append({"X-Real-IP", address});
    return r;
}

HttpRequest joinRequest(const TestUser &user, qint64 concertId, const QByteArray &address)
{
    HttpRequest r {"POST", api::concertQueue(concertId).toLatin1(), {}, {}};
    r.bearer(user.token).json({});
    return from(r, address);
}

HttpRequest statusRequest(const TestUser &user, const QByteArray &queueToken,
                          const QByteArray &address)
{
    HttpRequest r {"GET", api::queueStatus().toLatin1(), {}, {}};
    r.bearer(user.token).queueToken(queueToken);
    return from(r, address);
}

QByteArray tokenOf(const HttpResponse &r)
{
    return r.json().value(u"token"_s).toString().toLatin1();
}

// A 429 as the contract says: RATE_LIMITED, a Retry-After of whole seconds matching the details.
bool isRateLimited(const HttpResponse &r)
{
    const int after = r.headers.value("retry-after").toInt();
    return r.status == 429 && r.errorCode() == u"RATE_LIMITED"_s && after >= 1 && after <= 60
        && r.json()
               .value(u"error"_s)
               .toObject()
               .value(u"details"_s)
               .toObject()
               .value(u"retryAfterSeconds"_s)
               .toInt()
        == after;
}

} // namespace

class TestAbuseLimits final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void joinsPerAccount();
    void joinsPerAddress();
    void pollsFasterThanToldAreRefused();
    void pollsPerAccount();
    void holdAttemptsPerAccount();
    void seatWaitJoinsPerAccount();
    void seatWaitJoinsPerAddress();
    void liveAccountsPerAddress();
    void limitsHoldAcrossInstances();
    void staffSeeAndClearCounters();
    void scriptedCrowd();

private:
    qint64 concertWithSettings(const QJsonObject &settings);
    QList<AbuseCounter> counters();
    std::optional<AbuseCounter> counter(LimitKind kind, const QString &subject);
    // Asks to wait for seat 1 of `schedule` (free, so 409 when the limit lets it through).
    HttpResponse joinWaitingList(const TestUser &user, qint64 schedule, const QByteArray &address);

    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<Fixtures> m_fixtures;
    TestUser m_staff;
};

void TestAbuseLimits::initTestCase()
{
    m_server = std::make_unique<TestServer>(kLimits);
    QVERIFY(m_server->start());
    m_fixtures = std::make_unique<Fixtures>(m_server->database());
    m_staff = m_fixtures->createUsers(1, 0, u"usher"_s).first();
    m_fixtures->scalar(u"UPDATE users SET role = 'staff' WHERE id = ?::uuid"_s,
                       {m_staff.id.toString(QUuid::WithoutBraces)});
}

qint64 TestAbuseLimits::concertWithSettings(const QJsonObject &settings)
{
    const qint64 id = m_fixtures->createConcert(u"Limits"_s);
    QJsonObject body {{u"maxActive"_s, 100'000},
                      {u"admitPerMinute"_s, 600},
                      {u"activeTtlSeconds"_s, 600},
                      {u"paused"_s, true}};
    for (auto it = settings.begin(); it != settings.end(); ++it)
        body.insert(it.key(), it.value());
    HttpRequest r {"PUT", api::adminQueueSettings(id).toLatin1(), {}, {}};
    r.bearer(m_staff.token).json(body);
    const HttpResponse response = m_server->client().send(r);
    if (response.status != 200)
        qWarning("queue settings: %d %s", response.status, response.body.constData());
    return id;
}

QList<AbuseCounter> TestAbuseLimits::counters()
{
    const HttpResponse r
        = m_server->client().get(api::adminAbuseCounters().toLatin1(), m_staff.token);
    const auto list = decodeList<AbuseCounter>(r.json(), u"counters"_s);
    return list ? list.value() : QList<AbuseCounter>();
}

std::optional<AbuseCounter> TestAbuseLimits::counter(LimitKind kind, const QString &subject)
{
    for (const AbuseCounter &c : counters())
        if (c.kind == kind && c.subject == subject)
            return c;
    return std::nullopt;
}

// The sixth join of one account within a minute (re-joins count: each rotates a token) is 429.
void TestAbuseLimits::joinsPerAccount()
{
    const qint64 concert = concertWithSettings({});
    const TestUser user = m_fixtures->createUsers(1, 0, u"rejoiner"_s).first();
    for (int i = 0; i < 5; ++i)
        QVERIFY(m_server->client().send(joinRequest(user, concert, "198.51.100.1")).status < 300);
    const HttpResponse refused
        = m_server->client().send(joinRequest(user, concert, "198.51.100.1"));
    QVERIFY2(isRateLimited(refused), refused.body.constData());
    const auto c = counter(LimitKind::JoinAccount, user.id.toString(QUuid::WithoutBraces));
    QVERIFY(c);
    QCOMPARE(c->count, qint64(6));
    QCOMPARE(c->limit, qint64(5));
    QCOMPARE(c->refused, qint64(1));
}

// Nine accounts joining nine concerts from one address: the ninth join is 429, while another
// address is still heard.
void TestAbuseLimits::joinsPerAddress()
{
    const QList<TestUser> users = m_fixtures->createUsers(9, 0, u"farm"_s);
    QList<int> statuses;
    for (const TestUser &u : users)
        statuses.append(m_server->client()
                            .send(joinRequest(u, concertWithSettings({}), "198.51.100.2"))
                            .status);
    QCOMPARE(statuses, (QList<int> {201, 201, 201, 201, 201, 201, 201, 201, 429}));
    QCOMPARE(m_server->client()
                 .send(joinRequest(users.last(), concertWithSettings({}), "198.51.100.3"))
                 .status,
             201);
    QVERIFY(counter(LimitKind::JoinAddress, u"198.51.100.2"_s));
}

// A ticket told to ask again in 10 s (a paused queue) that asks at once is refused without its
// ticket being read; one that waits as told is served.
void TestAbuseLimits::pollsFasterThanToldAreRefused()
{
    const qint64 paused = concertWithSettings({});
    const QList<TestUser> users = m_fixtures->createUsers(2, 0, u"poller"_s);
    const HttpResponse joined
        = m_server->client().send(joinRequest(users[0], paused, "198.51.100.4"));
    QCOMPARE(joined.json().value(u"pollAfterMs"_s).toInt(), 10'000);
    const HttpResponse tooSoon
        = m_server->client().send(statusRequest(users[0], tokenOf(joined), "198.51.100.4"));
    QVERIFY2(isRateLimited(tooSoon), tooSoon.body.constData());
    QVERIFY(tooSoon.headers.value("retry-after").toInt() >= 5); // about 8 s of the 10 left
    QVERIFY(counter(LimitKind::PollPace, users[0].id.toString(QUuid::WithoutBraces)));

    // A full queue that moves (someone holds the only turn): near the front, ask every 500 ms.
    const qint64 full = concertWithSettings({{u"paused"_s, false}, {u"maxActive"_s, 1}});
    QList<TestUser> holder = m_fixtures->createUsers(1, 0, u"holder"_s);
    m_fixtures->admit(holder, full);
    const HttpResponse waiting
        = m_server->client().send(joinRequest(users[1], full, "198.51.100.4"));
    const int pollAfterMs = waiting.json().value(u"pollAfterMs"_s).toInt();
    QVERIFY2(pollAfterMs <= 1000, waiting.body.constData());
    // The contract's own clock: an honest client waits what it was told (not synchronisation).
    QTest::qWait(pollAfterMs);
    const HttpResponse asTold
        = m_server->client().send(statusRequest(users[1], tokenOf(waiting), "198.51.100.4"));
    QCOMPARE(asTold.status, 200);
}

// Thirty polls a minute per account: the 31st is refused by the counter (Retry-After up to the
// window's end) even though the pace refused the earlier ones already.
void TestAbuseLimits::pollsPerAccount()
{
    const qint64 concert = concertWithSettings({});
    const TestUser user = m_fixtures->createUsers(1, 0, u"hammer"_s).first();
    const QByteArray token
        = tokenOf(m_server->client().send(joinRequest(user, concert, "198.51.100.5")));
    int refused = 0;
    for (int i = 0; i < 35; ++i)
        refused
            += isRateLimited(m_server->client().send(statusRequest(user, token, "198.51.100.5")));
    QCOMPARE(refused, 35);
    const auto c = counter(LimitKind::PollAccount, user.id.toString(QUuid::WithoutBraces));
    QVERIFY(c);
    QCOMPARE(c->count, qint64(35));
    QCOMPARE(c->refused, qint64(5));
}

// Three hold attempts per account per minute, counted before anything else is checked.
void TestAbuseLimits::holdAttemptsPerAccount()
{
    const TestUser user = m_fixtures->createUsers(1, 0, u"grabber"_s).first();
    const qint64 concert = m_fixtures->createConcert(u"Holds"_s);
    const qint64 schedule = m_fixtures->schedulesOf(concert).first();
    QList<int> statuses;
    for (int i = 0; i < 4; ++i) {
        HttpRequest r {"POST", api::reservations().toLatin1(), {}, {}};
        r.bearer(user.token).json({{u"scheduleId"_s, schedule}, {u"seats"_s, QJsonArray {1}}});
        statuses.append(m_server->client().send(r).status);
    }
    QCOMPARE(statuses, (QList<int> {403, 403, 403, 429})); // no queue turn, then the limit
    QVERIFY(counter(LimitKind::HoldAccount, user.id.toString(QUuid::WithoutBraces)));
}

HttpResponse TestAbuseLimits::joinWaitingList(const TestUser &user, qint64 schedule,
                                              const QByteArray &address)
{
    HttpRequest r {"POST", api::seatWaits().toLatin1(), {}, {}};
    r.bearer(user.token).json(SeatWaitRequest {schedule, {1}, {}}.toJson());
    return m_server->client().send(from(r, address));
}

// Waiting-list joins are limited like queue joins: the fourth of one account within a minute is
// 429 with Retry-After, counted before anything else is checked, and it changes nothing.
void TestAbuseLimits::seatWaitJoinsPerAccount()
{
    const TestUser user = m_fixtures->createUsers(1, 0, u"waiter"_s).first();
    const qint64 schedule = m_fixtures->schedulesOf(m_fixtures->createConcert(u"Waits"_s)).first();
    QList<int> statuses;
    HttpResponse last;
    for (int i = 0; i < 4; ++i) {
        last = joinWaitingList(user, schedule, "198.51.100.20");
        statuses.append(last.status);
    }
    QCOMPARE(statuses, (QList<int> {409, 409, 409, 429})); // seat 1 is free, then the limit
    QCOMPARE(last.errorCode(), u"RATE_LIMITED"_s);
    QVERIFY(last.headers.value("retry-after").toInt() >= 1);
    const auto c = counter(LimitKind::SeatWaitAccount, user.id.toString(QUuid::WithoutBraces));
    QVERIFY(c);
    QCOMPARE(c->refused, qint64(1));
    QCOMPARE(
        m_fixtures->scalar(u"SELECT count(*) FROM seat_waits WHERE schedule_id = ?"_s, {schedule})
            .toInt(),
        0);
}

// Five waiting-list joins a minute from one address, whichever accounts make them.
void TestAbuseLimits::seatWaitJoinsPerAddress()
{
    const auto users = m_fixtures->createUsers(3, 0, u"household"_s);
    const qint64 schedule = m_fixtures->schedulesOf(m_fixtures->createConcert(u"Waits"_s)).first();
    QList<int> statuses;
    for (int i = 0; i < 6; ++i)
        statuses.append(joinWaitingList(users[i % 3], schedule, "198.51.100.21").status);
    QCOMPARE(statuses, (QList<int> {409, 409, 409, 409, 409, 429}));
    QCOMPARE(joinWaitingList(users[0], schedule, "198.51.100.22").status, 409); // another address
    QVERIFY(counter(LimitKind::SeatWaitAddress, u"198.51.100.21"_s));
}

// Staff allow two live accounts per address in this concert: the third from that address is
// refused until one of the two leaves; another address is not affected.
void TestAbuseLimits::liveAccountsPerAddress()
{
    const qint64 concert = concertWithSettings({{u"maxAccountsPerAddress"_s, 2}});
    const HttpResponse settings
        = m_server->client().get(api::adminConcertQueue(concert).toLatin1(), m_staff.token);
    QCOMPARE(
        settings.json().value(u"settings"_s).toObject().value(u"maxAccountsPerAddress"_s).toInt(),
        2);
    const QList<TestUser> users = m_fixtures->createUsers(4, 0, u"flat"_s);
    const HttpResponse first
        = m_server->client().send(joinRequest(users[0], concert, "198.51.100.6"));
    QCOMPARE(first.status, 201);
    QCOMPARE(m_server->client().send(joinRequest(users[1], concert, "198.51.100.6")).status, 201);
    const HttpResponse third
        = m_server->client().send(joinRequest(users[2], concert, "198.51.100.6"));
    QVERIFY2(isRateLimited(third), third.body.constData());
    QCOMPARE(m_server->client().send(joinRequest(users[3], concert, "198.51.100.7")).status, 201);
    QVERIFY(counter(LimitKind::AddressAccounts, u"%1/198.51.100.6"_s.arg(concert)));

    HttpRequest leave {"DELETE", api::queue().toLatin1(), {}, {}};
    leave.bearer(users[0].token).queueToken(tokenOf(first));
    QCOMPARE(m_server->client().send(leave).status, 204);
    QCOMPARE(m_server->client().send(joinRequest(users[2], concert, "198.51.100.6")).status, 201);
}

// Counters live in PostgreSQL or Redis: a second instance sees the first one's joins.
void TestAbuseLimits::limitsHoldAcrossInstances()
{
    TestServer second(m_server->database(), kLimits);
    QVERIFY(second.start());
    const qint64 concert = concertWithSettings({});
    const TestUser user = m_fixtures->createUsers(1, 0, u"hopper"_s).first();
    QList<int> statuses;
    for (int i = 0; i < 6; ++i) {
        const TestServer &server = i % 2 ? second : *m_server;
        statuses.append(server.client().send(joinRequest(user, concert, "198.51.100.8")).status);
    }
    QCOMPARE(statuses, (QList<int> {201, 200, 200, 200, 200, 429}));
}

// Staff read the counters (customers may not) and clear one: its subject is heard again at once.
void TestAbuseLimits::staffSeeAndClearCounters()
{
    const qint64 concert = concertWithSettings({});
    const TestUser user = m_fixtures->createUsers(1, 0, u"pardoned"_s).first();
    for (int i = 0; i < 6; ++i)
        m_server->client().send(joinRequest(user, concert, "198.51.100.9"));
    const QString subject = user.id.toString(QUuid::WithoutBraces);
    QVERIFY(counter(LimitKind::JoinAccount, subject));
    QCOMPARE(m_server->client().get(api::adminAbuseCounters().toLatin1(), user.token).status, 403);

    HttpRequest clear {"DELETE", api::adminAbuseCounters().toLatin1(), {}, {}};
    clear.bearer(m_staff.token)
        .json(ClearCountersRequest {u"Customer called: shared office network"_s,
                                    LimitKind::JoinAccount, subject}
                  .toJson());
    const HttpResponse cleared = m_server->client().send(clear);
    QCOMPARE(cleared.status, 200);
    QCOMPARE(cleared.json().value(u"cleared"_s).toInt(), 1);
    QVERIFY(!counter(LimitKind::JoinAccount, subject));
    QCOMPARE(m_server->client().send(joinRequest(user, concert, "198.51.100.9")).status, 200);

    HttpRequest bad {"DELETE", api::adminAbuseCounters().toLatin1(), {}, {}};
    bad.bearer(m_staff.token).json({{u"reason"_s, u"x"_s}});
    QCOMPARE(m_server->client().send(bad).status, 422);
}

// "Done means" (issue 15): a test sale with a scripted crowd. Twelve fans join before sales open,
// three bots poll as fast as they can, six fans join after opening. The early twelve get places
// 1..12 in an order that is not their joining order; the late six follow in arrival order; the
// bots' rapid polls are all refused (none reaches the queue) while fans polling as told are served.
void TestAbuseLimits::scriptedCrowd()
{
    const qint64 concert = concertWithSettings({{u"paused"_s, false}, {u"maxActive"_s, 1}});
    QList<TestUser> holder = m_fixtures->createUsers(1, 0, u"onstage"_s);
    m_fixtures->admit(holder, concert); // the one turn is taken: nobody moves during the test
    m_fixtures->scalar(u"UPDATE schedules SET sales_open_at = now() + interval '10 minutes' "
                       "WHERE concert_id = ?"_s,
                       {concert});
    const auto address = [](int i) {
        return "203.0.113." + QByteArray::number(i + 1);
    };

    const QList<TestUser> early = m_fixtures->createUsers(12, 0, u"earlybird"_s);
    QList<QByteArray> earlyTokens;
    for (int i = 0; i < early.size(); ++i) {
        const HttpResponse r = m_server->client().send(joinRequest(early[i], concert, address(i)));
        QCOMPARE(r.status, 201);
        QVERIFY(r.json().value(u"preQueue"_s).toBool());
        earlyTokens.append(tokenOf(r));
    }
    const QList<TestUser> bots = m_fixtures->createUsers(3, 0, u"bot"_s);
    QList<QByteArray> botTokens;
    for (int b = 0; b < bots.size(); ++b)
        botTokens.append(
            tokenOf(m_server->client().send(joinRequest(bots[b], concert, address(100 + b)))));

    // The bots hammer before the opening.
    int botServed = 0;
    int botRefused = 0;
    for (int round = 0; round < 20; ++round) {
        for (int b = 0; b < bots.size(); ++b) {
            const HttpResponse r
                = m_server->client().send(statusRequest(bots[b], botTokens[b], address(100 + b)));
            botServed += r.status == 200;
            botRefused += isRateLimited(r);
        }
    }
    QCOMPARE(botServed, 0);
    QCOMPARE(botRefused, 60);

    m_fixtures->scalar(u"UPDATE schedules SET sales_open_at = now() - interval '1 second' "
                       "WHERE concert_id = ?"_s,
                       {concert});
    const QList<TestUser> late = m_fixtures->createUsers(6, 0, u"latecomer"_s);
    QList<QByteArray> lateTokens;
    for (int i = 0; i < late.size(); ++i)
        lateTokens.append(
            tokenOf(m_server->client().send(joinRequest(late[i], concert, address(50 + i)))));

    // Where everyone stands now, as staff see it (fans were told to ask again only at the
    // opening, up to 11 s away; asking sooner is exactly what this limits).
    const auto placeOf = [this](const TestUser &u) {
        const QJsonArray tickets
            = m_server->client()
                  .get(api::adminUser(QUuid(u.id.toByteArray(QUuid::WithoutBraces))).toLatin1(),
                       m_staff.token)
                  .json()
                  .value(u"queueTickets"_s)
                  .toArray();
        return tickets.size() == 1 ? tickets.first().toObject().value(u"position"_s).toInt() : -1;
    };
    QList<int> earlyPlaces;
    for (const TestUser &u : early)
        earlyPlaces.append(placeOf(u));
    // The pre-queue (twelve fans and the three bots) holds places 1..15, in a random order.
    QList<int> preQueuePlaces = earlyPlaces;
    for (const TestUser &bot : bots)
        preQueuePlaces.append(placeOf(bot));
    std::sort(preQueuePlaces.begin(), preQueuePlaces.end());
    QList<int> oneToFifteen(15);
    std::iota(oneToFifteen.begin(), oneToFifteen.end(), 1);
    QCOMPARE(preQueuePlaces, oneToFifteen);
    // A fair shuffle keeps the twelve fans in joining order once in 12! openings.
    QVERIFY(!std::is_sorted(earlyPlaces.begin(), earlyPlaces.end()));
    QList<int> latePlaces;
    for (const TestUser &u : late)
        latePlaces.append(placeOf(u));
    QCOMPARE(latePlaces, (QList<int> {16, 17, 18, 19, 20, 21}));
    for (const TestUser &bot : bots) {
        const auto c = counter(LimitKind::PollPace, bot.id.toString(QUuid::WithoutBraces));
        QVERIFY(c);
        QCOMPARE(c->refused, qint64(20));
    }
    QCOMPARE(
        m_fixtures->scalar(u"SELECT count(*) FROM queue_openings WHERE concert_id = ?"_s, {concert})
            .toInt(),
        1);
}

QTEST_GUILESS_MAIN(TestAbuseLimits)
#include "tst_abuselimits.moc"
