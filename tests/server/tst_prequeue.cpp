// The pre-queue (DESIGN.md §5, issue 15) through real HTTP on a real server, on whichever queue
// store the server uses (tst_prequeue_redis: Redis): joins before sales open wait without a
// place; at opening they get a random order among themselves — a permutation, uniform by a
// chi-square test over repeated openings — ahead of everyone who joins after opening; the shuffle
// happens once even when two instances race to do it; joins before the window are refused.
#include "api/fairqueuetypes.h"
#include "apipaths.h"
#include "fixtures.h"
#include "jsonreader.h"
#include "models/queueticket.h"
#include "services/services.h"
#include "testserver.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QTest>

#include <algorithm>
#include <numeric>

using namespace Qt::StringLiterals;
using namespace encore;
using namespace encore::test;

namespace {

QByteArray tokenOf(const HttpResponse &r)
{
    return r.json().value(u"token"_s).toString().toLatin1();
}

HttpRequest joinRequest(const TestUser &user, qint64 concertId)
{
    HttpRequest r {"POST", api::concertQueue(concertId).toLatin1(), {}, {}};
    r.bearer(user.token).json({});
    return r;
}

HttpRequest statusRequest(const TestUser &user, const QByteArray &queueToken)
{
    HttpRequest r {"GET", api::queueStatus().toLatin1(), {}, {}};
    r.bearer(user.token).queueToken(queueToken);
    return r;
}

// Σ (observed − expected)² / expected.
double chiSquare(const QList<int> &observed, double expected)
{
    double sum = 0;
    for (int o : observed)
        sum += (o - expected) * (o - expected) / expected;
    return sum;
}

} // namespace

class TestPreQueue final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void joinsBeforeOpeningWaitWithoutAPlace();
    void joinsBeforeTheWindowAreRefused();
    void openingPlacesAPermutationAheadOfLaterJoins();
    void shuffleIsUniform();
    void twoInstancesShuffleOnce();
    void staffSeeAndClearThePreQueue();
    void positionsStayExactAsPeopleLeaveTheMiddle();

private:
    // A paused concert (positions stay put) whose sales open in `minutes`.
    qint64 preQueueConcert(int minutes = 10);
    void openSales(qint64 concertId);
    // Joins every user (in order, one at a time): their tokens.
    QList<QByteArray> joinAll(const QList<TestUser> &users, qint64 concertId,
                              const TestServer *server = nullptr);
    // Each user's position, polled once.
    QList<int> positions(const QList<TestUser> &users, const QList<QByteArray> &tokens);
    qint64 openingsRecorded(qint64 concertId);

    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<Fixtures> m_fixtures;
    TestUser m_staff;
};

void TestPreQueue::initTestCase()
{
    m_server = std::make_unique<TestServer>();
    QVERIFY(m_server->start());
    m_fixtures = std::make_unique<Fixtures>(m_server->database());
    m_staff = m_fixtures->createUsers(1, 0, u"usher"_s).first();
    m_fixtures->scalar(u"UPDATE users SET role = 'staff' WHERE id = ?::uuid"_s,
                       {m_staff.id.toString(QUuid::WithoutBraces)});
}

qint64 TestPreQueue::preQueueConcert(int minutes)
{
    const qint64 id = m_fixtures->createConcert(u"Pre-queue"_s);
    m_fixtures->scalar(u"UPDATE schedules SET sales_open_at = now() + make_interval(mins => ?) "
                       "WHERE concert_id = ?"_s,
                       {minutes, id});
    // Before the store mirrors the settings (Redis loads them on first use).
    m_fixtures->scalar(u"UPDATE queue_settings SET paused = true WHERE concert_id = ?"_s, {id});
    return id;
}

void TestPreQueue::openSales(qint64 concertId)
{
    m_fixtures->scalar(u"UPDATE schedules SET sales_open_at = now() - interval '1 second' "
                       "WHERE concert_id = ?"_s,
                       {concertId});
}

QList<QByteArray> TestPreQueue::joinAll(const QList<TestUser> &users, qint64 concertId,
                                        const TestServer *server)
{
    QList<QByteArray> tokens;
    const HttpClient client = (server ? server : m_server.get())->client();
    for (const TestUser &u : users) {
        const HttpResponse r = client.send(joinRequest(u, concertId));
        if (r.status != 201)
            qWarning("join answered %d: %s", r.status, r.body.constData());
        tokens.append(tokenOf(r));
    }
    return tokens;
}

QList<int> TestPreQueue::positions(const QList<TestUser> &users, const QList<QByteArray> &tokens)
{
    QList<HttpRequest> requests;
    for (qsizetype i = 0; i < users.size(); ++i)
        requests.append(statusRequest(users[i], tokens[i]));
    QList<int> out;
    for (const HttpResponse &r : m_server->client().parallel(requests))
        out.append(r.status == 200 && !r.json().value(u"preQueue"_s).toBool()
                       ? r.json().value(u"position"_s).toInt()
                       : -r.status);
    return out;
}

qint64 TestPreQueue::openingsRecorded(qint64 concertId)
{
    return m_fixtures
        ->scalar(u"SELECT count(*) FROM queue_openings WHERE concert_id = ?"_s, {concertId})
        .toLongLong();
}

// Before opening: WAITING with preQueue, the opening time, no place and no estimate.
void TestPreQueue::joinsBeforeOpeningWaitWithoutAPlace()
{
    const qint64 concert = preQueueConcert(10);
    const QList<TestUser> users = m_fixtures->createUsers(3, 0, u"early"_s);
    const QList<QByteArray> tokens = joinAll(users, concert);
    const QDateTime opensAt
        = m_fixtures
              ->scalar(u"SELECT min(sales_open_at) FROM schedules WHERE concert_id = ?"_s,
                       {concert})
              .toDateTime();
    for (qsizetype i = 0; i < users.size(); ++i) {
        const HttpResponse r = m_server->client().send(statusRequest(users[i], tokens[i]));
        QCOMPARE(r.status, 200);
        const auto ticket = QueueTicket::fromJson(r.json());
        QVERIFY(ticket);
        QCOMPARE(ticket->status, QueueStatus::Waiting);
        QVERIFY(ticket->preQueue);
        QCOMPARE(ticket->etaReason, EtaReason::PreQueue);
        QCOMPARE(ticket->position, qint64(0));
        QVERIFY(!ticket->eta);
        QCOMPARE(ticket->preQueueCount, qint64(3));
        QCOMPARE(ticket->opensAt.toMSecsSinceEpoch(), opensAt.toMSecsSinceEpoch());
        QVERIFY(ticket->pollAfterMs >= 1000 && ticket->pollAfterMs <= 11'000);
    }
    // Joining again keeps the pre-queue entry (one entry per account and concert).
    const HttpResponse again = m_server->client().send(joinRequest(users[0], concert));
    QCOMPARE(again.status, 200);
    QVERIFY(again.json().value(u"preQueue"_s).toBool());
    QCOMPARE(again.json().value(u"preQueueCount"_s).toInt(), 3);
}

// Earlier than preQueueMinutes before opening: 409 CONFLICT with opensAt, and no entry.
void TestPreQueue::joinsBeforeTheWindowAreRefused()
{
    const qint64 concert = preQueueConcert(180); // the default window is 60 minutes
    const TestUser user = m_fixtures->createUsers(1, 0, u"tooearly"_s).first();
    const HttpResponse r = m_server->client().send(joinRequest(user, concert));
    QCOMPARE(r.status, 409);
    QCOMPARE(r.errorCode(), u"CONFLICT"_s);
    const QJsonObject details
        = r.json().value(u"error"_s).toObject().value(u"details"_s).toObject();
    QVERIFY(parseIsoTime(details.value(u"opensAt"_s).toString()).isValid());
    QVERIFY(parseIsoTime(details.value(u"acceptsJoinsFrom"_s).toString())
            < parseIsoTime(details.value(u"opensAt"_s).toString()));
    // The details are the shared type the app reads, with the venue's zone to show them in.
    const auto refusal = PreQueueNotOpen::fromJson(details);
    QVERIFY(refusal);
    QCOMPARE(refusal->timeZone, u"Asia/Seoul"_s);
    QCOMPARE(refusal->preQueueMinutes, 60);
    QCOMPARE(refusal->acceptsJoinsFrom, refusal->opensAt.addSecs(-3600));
    // The message says the time at the venue, not in ISO form: "… opens at 2026-12-01 19:00 KST".
    const QString venue = refusal->acceptsJoinsFrom.toTimeZone(QTimeZone("Asia/Seoul"))
                              .toString(u"yyyy-MM-dd HH:mm"_s);
    const QString message = r.json().value(u"error"_s).toObject().value(u"message"_s).toString();
    QVERIFY2(message.contains(venue + u" KST"_s), qPrintable(message));
    QVERIFY2(!message.contains(QRegularExpression(u"\\d{2}T\\d{2}:"_s)), qPrintable(message));
    QVERIFY(m_fixtures->queueRows(concert).isEmpty());
}

// At opening the pre-queue's positions are 1..N in some order; whoever joins after opening
// comes after all of them, in arrival order.
void TestPreQueue::openingPlacesAPermutationAheadOfLaterJoins()
{
    constexpr int kEarly = 30;
    const qint64 concert = preQueueConcert(10);
    const QList<TestUser> early = m_fixtures->createUsers(kEarly, 0, u"pre"_s);
    const QList<QByteArray> earlyTokens = joinAll(early, concert);
    openSales(concert);
    const QList<TestUser> late = m_fixtures->createUsers(3, 0, u"late"_s);
    const QList<QByteArray> lateTokens = joinAll(late, concert);

    QList<int> placed = positions(early, earlyTokens);
    std::sort(placed.begin(), placed.end());
    QList<int> expected(kEarly);
    std::iota(expected.begin(), expected.end(), 1);
    QCOMPARE(placed, expected);
    QCOMPARE(positions(late, lateTokens), (QList<int> {kEarly + 1, kEarly + 2, kEarly + 3}));
    QCOMPARE(openingsRecorded(concert), qint64(1));
    // Not the joining order (30! orders: the chance that a fair shuffle gives it back is nil).
    QVERIFY(positions(early, earlyTokens) != expected);
}

// Over many openings of five, every early fan lands on every place about equally often: a
// chi-square test with a false-failure rate of about one in a million.
void TestPreQueue::shuffleIsUniform()
{
    constexpr int kFans = 5;
    constexpr int kRounds = 150;
    const QList<TestUser> fans = m_fixtures->createUsers(kFans, 0, u"dice"_s);
    QList<QList<int>> counts(kFans, QList<int>(kFans, 0)); // [fan][position - 1]
    for (int round = 0; round < kRounds; ++round) {
        const qint64 concert = preQueueConcert(10);
        const QList<QByteArray> tokens = joinAll(fans, concert);
        openSales(concert);
        const QList<int> placed = positions(fans, tokens);
        for (int f = 0; f < kFans; ++f) {
            QVERIFY2(placed[f] >= 1 && placed[f] <= kFans, qPrintable(QString::number(placed[f])));
            ++counts[f][placed[f] - 1];
        }
    }
    const double expected = double(kRounds) / kFans;
    // The first to join: its places are multinomial(kRounds, 1/5), chi-square with 4 degrees of
    // freedom; P(X > 33.4) = 1e-6.
    const double first = chiSquare(counts[0], expected);
    // The whole table of fans × places: rows of permutations, so the sum is (n-1)/n-scaled
    // chi-square with (n-1)^2 = 16 degrees of freedom; P(X > 59.2) = 1e-6.
    QList<int> all;
    for (const QList<int> &row : counts)
        all += row;
    const double table = chiSquare(all, expected) * (kFans - 1) / kFans;
    qInfo("chi-square: first fan %.2f (df 4), table %.2f (df 16)", first, table);
    QVERIFY2(first < 33.4, qPrintable(QString::number(first)));
    QVERIFY2(table < 59.2, qPrintable(QString::number(table)));
}

// A second instance on the same database (and Redis): both instances' admission ticks and polls
// to both race to place the pre-queue when sales open; one shuffle is recorded and the places
// are still a permutation.
void TestPreQueue::twoInstancesShuffleOnce()
{
    constexpr int kEarly = 40;
    TestServer second(m_server->database(), {});
    QVERIFY(second.start());
    const qint64 concert = preQueueConcert(10);
    const QList<TestUser> early = m_fixtures->createUsers(kEarly, 0, u"race"_s);
    QList<QByteArray> tokens = joinAll(early.mid(0, kEarly / 2), concert);
    tokens += joinAll(early.mid(kEarly / 2), concert, &second);
    openSales(concert);
    QList<HttpRequest> polls;
    for (int i = 0; i < kEarly; ++i)
        polls.append(statusRequest(early[i], tokens[i]));
    const QList<HttpResponse> viaSecond = second.client().parallel(polls);
    for (const HttpResponse &r : viaSecond)
        QCOMPARE(r.status, 200);
    QList<int> placed = positions(early, tokens);
    std::sort(placed.begin(), placed.end());
    QList<int> expected(kEarly);
    std::iota(expected.begin(), expected.end(), 1);
    QCOMPARE(placed, expected);
    QCOMPARE(openingsRecorded(concert), qint64(1));
}

// Staff see who waits in the pre-queue and the recorded openings, and can clear it; customers
// get 403.
void TestPreQueue::staffSeeAndClearThePreQueue()
{
    const qint64 concert = preQueueConcert(10);
    const QList<TestUser> users = m_fixtures->createUsers(4, 0, u"seen"_s);
    const QList<QByteArray> tokens = joinAll(users, concert);
    const QByteArray path = api::adminPreQueue(concert).toLatin1();

    QCOMPARE(m_server->client().get(path, users[0].token).status, 403);
    const HttpResponse view = m_server->client().get(path, m_staff.token);
    QCOMPARE(view.status, 200);
    const auto decoded = PreQueueView::fromJson(view.json());
    QVERIFY(decoded);
    QCOMPARE(decoded->count, qint64(4));
    QCOMPARE(decoded->entries.size(), 4);
    QCOMPARE(decoded->entries.first().username, users[0].username);
    QVERIFY(decoded->opensAt.isValid());
    QCOMPARE(decoded->preQueueMinutes, 60);
    QVERIFY(decoded->openings.isEmpty());

    HttpRequest clear {"DELETE", path, {}, {}};
    clear.bearer(m_staff.token).json({{u"reason"_s, u"Bots found in the pre-queue"_s}});
    const HttpResponse cleared = m_server->client().send(clear);
    QCOMPARE(cleared.status, 200);
    QCOMPARE(cleared.json().value(u"removed"_s).toInt(), 4);
    QCOMPARE(m_server->client().send(statusRequest(users[1], tokens[1])).status, 404);
    QCOMPARE(PreQueueView::fromJson(m_server->client().get(path, m_staff.token).json())->count,
             qint64(0));
    QCOMPARE(m_fixtures
                 ->scalar(u"SELECT count(*) FROM audit_log WHERE action = 'queue.prequeue.clear' "
                          "AND target = ?"_s,
                          {u"concert:%1"_s.arg(concert)})
                 .toInt(),
             1);

    // After an opening, the staff view lists it.
    const QList<QByteArray> again = joinAll(users, concert);
    openSales(concert);
    QCOMPARE(positions(users.mid(0, 1), again.mid(0, 1)).first() > 0, true);
    const auto afterOpening
        = PreQueueView::fromJson(m_server->client().get(path, m_staff.token).json());
    QVERIFY(afterOpening);
    QCOMPARE(afterOpening->openings.size(), 1);
    QCOMPARE(afterOpening->openings.first().placed, qint64(4));
    QVERIFY(!afterOpening->opensAt.isValid()); // on sale now: no pre-queue
}

// The line's arithmetic (migration 012) through departures from the middle: a customer leaves,
// staff remove one, a waiting-list offer grants one a turn out of order — everyone behind moves up
// by exactly that many; a customer with no entry who is granted a turn joins straight into it.
void TestPreQueue::positionsStayExactAsPeopleLeaveTheMiddle()
{
    const qint64 concert = m_fixtures->createConcert(u"Departures"_s);
    m_fixtures->scalar(u"UPDATE queue_settings SET paused = true WHERE concert_id = ?"_s,
                       {concert});
    const QList<TestUser> users = m_fixtures->createUsers(10, 0, u"middle"_s);
    const QList<QByteArray> tokens = joinAll(users, concert);
    QList<int> expected(10);
    std::iota(expected.begin(), expected.end(), 1);
    QCOMPARE(positions(users, tokens), expected);

    HttpRequest leave {"DELETE", api::queue().toLatin1(), {}, {}};
    leave.bearer(users[2].token).queueToken(tokens[2]);
    QCOMPARE(m_server->client().send(leave).status, 204);
    HttpRequest remove {"DELETE",
                        "/api/v1/admin/concerts/" + QByteArray::number(concert) + "/queue/"
                            + users[0].id.toByteArray(QUuid::WithoutBraces),
                        {},
                        {}};
    remove.bearer(m_staff.token).json({{u"reason"_s, u"Duplicate account"_s}});
    QCOMPARE(m_server->client().send(remove).status, 204);
    m_fixtures->services().queue.grantTurn(users[5].id, concert,
                                           QDateTime::currentDateTimeUtc().addSecs(300));

    const QList<int> after = positions(users, tokens);
    // users 0 and 2 are gone (404), 5 is active (not waiting), the rest moved up.
    QCOMPARE(after[0], -404);
    QCOMPARE(after[2], -404);
    QCOMPARE(after.mid(6), (QList<int> {4, 5, 6, 7}));
    QCOMPARE(after[1], 1);
    QCOMPARE(after[3], 2);
    QCOMPARE(after[4], 3);
    const HttpResponse granted = m_server->client().send(statusRequest(users[5], tokens[5]));
    QCOMPARE(granted.json().value(u"status"_s).toString(), u"ACTIVE"_s);

    // Granted without an entry: the next join answers the turn, with a token that works.
    const TestUser offered = m_fixtures->createUsers(1, 0, u"offered"_s).first();
    m_fixtures->services().queue.grantTurn(offered.id, concert,
                                           QDateTime::currentDateTimeUtc().addSecs(300));
    const HttpResponse joined = m_server->client().send(joinRequest(offered, concert));
    QCOMPARE(joined.status, 200);
    QCOMPARE(joined.json().value(u"status"_s).toString(), u"ACTIVE"_s);
    QCOMPARE(m_server->client().send(statusRequest(offered, tokenOf(joined))).status, 200);
    // And a newcomer queues behind the seven still waiting.
    const TestUser newcomer = m_fixtures->createUsers(1, 0, u"newcomer"_s).first();
    QCOMPARE(
        m_server->client().send(joinRequest(newcomer, concert)).json().value(u"position"_s).toInt(),
        8);
}

QTEST_GUILESS_MAIN(TestPreQueue)
#include "tst_prequeue.moc"
