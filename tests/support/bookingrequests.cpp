#include "bookingrequests.h"
#include "apipaths.h"

#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QSet>
#include <QTest>

#include <algorithm>
#include <numeric>

using namespace Qt::StringLiterals;

namespace encore::test {

HttpRequest holdRequest(const TestUser &user, qint64 scheduleId, const QList<int> &seats,
                        const QByteArray &idempotencyKey)
{
    QJsonArray numbers;
    for (int n : seats)
        numbers.append(n);
    HttpRequest r {"POST", api::reservations().toLatin1(), {}, {}};
    r.bearer(user.token)
        .queueToken(user.queueToken)
        .json({{u"scheduleId"_s, scheduleId}, {u"seats"_s, numbers}});
    if (!idempotencyKey.isEmpty())
        r.idempotencyKey(idempotencyKey);
    return r;
}

HttpRequest payRequest(const TestUser &user, const QString &reservationId, const QByteArray &key)
{
    HttpRequest r {"POST", api::payments().toLatin1(), {}, {}};
    r.bearer(user.token)
        .queueToken(user.queueToken)
        .idempotencyKey(key)
        .json({{u"reservationId"_s, reservationId}});
    return r;
}

HttpRequest adjustmentRequest(const QByteArray &staffToken, const TestUser &user, qint64 amount,
                              const QByteArray &key)
{
    HttpRequest r {"POST", api::adminWalletAdjustments(user.id).toLatin1(), {}, {}};
    r.bearer(staffToken)
        .idempotencyKey(key)
        .json({{u"amount"_s, amount}, {u"reason"_s, u"test adjustment"_s}});
    return r;
}

void makeStaff(Fixtures &fixtures, const TestUser &user)
{
    fixtures.scalar(u"UPDATE users SET role = 'staff' WHERE id = ?::uuid RETURNING 1"_s,
                    {user.id.toString(QUuid::WithoutBraces)});
}

QString buySeats(const HttpClient &client, const TestUser &user, qint64 scheduleId,
                 const QList<int> &seats)
{
    const HttpResponse held = client.send(holdRequest(user, scheduleId, seats));
    const QString id = held.json().value(u"reservation"_s).toObject().value(u"id"_s).toString();
    if (held.status != 201) {
        qWarning("hold: %d %s", held.status, held.body.constData());
        return {};
    }
    const HttpResponse paid
        = client.send(payRequest(user, id, QUuid::createUuid().toByteArray(QUuid::WithoutBraces)));
    if (paid.status != 201) {
        qWarning("pay: %d %s", paid.status, paid.body.constData());
        return {};
    }
    return id;
}

bool openQueue(const HttpClient &client, Fixtures &fixtures, qint64 concertId, int maxActive)
{
    const TestUser staff = fixtures.createUsers(1, 0, u"staff"_s).first();
    fixtures.scalar(u"UPDATE users SET role = 'staff' WHERE id = ?::uuid RETURNING 1"_s,
                    {staff.id.toString(QUuid::WithoutBraces)});
    HttpRequest put {"PUT", api::adminQueueSettings(concertId).toLatin1(), {}, {}};
    put.bearer(staff.token)
        .json({{u"maxActive"_s, maxActive},
               {u"admitPerMinute"_s, 1'000'000},
               {u"activeTtlSeconds"_s, 3600},
               {u"paused"_s, false}});
    const HttpResponse r = client.send(put);
    if (r.status != 200)
        qWarning("queue settings: %d %s", r.status, r.body.constData());
    return r.status == 200;
}

bool joinQueue(const HttpClient &client, QList<TestUser> &users, qint64 concertId, int timeoutMs)
{
    const QDeadlineTimer deadline(timeoutMs);
    QList<HttpRequest> joins;
    for (const TestUser &u : users)
        joins.append(
            HttpRequest {"POST", api::concertQueue(concertId).toLatin1(), {}, {}}.bearer(u.token));
    const QList<HttpResponse> joined = sendRetrying(client, joins, timeoutMs).responses;
    QList<qsizetype> waiting;
    for (qsizetype i = 0; i < users.size(); ++i) {
        const QJsonObject ticket = joined[i].json();
        if (joined[i].status != 201 && joined[i].status != 200) {
            qWarning("queue join: %d %s", joined[i].status, joined[i].body.constData());
            return false;
        }
        users[i].queueToken = ticket.value(u"token"_s).toString().toLatin1();
        if (ticket.value(u"status"_s).toString() != u"ACTIVE")
            waiting.append(i);
    }
    // Admission runs on a short tick on every instance: poll the rest until they are let in.
    while (!waiting.isEmpty()) {
        if (deadline.hasExpired())
            return false;
        QList<HttpRequest> polls;
        for (qsizetype i : waiting)
            polls.append(HttpRequest {"GET", api::queueStatus().toLatin1(), {}, {}}
                             .bearer(users[i].token)
                             .queueToken(users[i].queueToken));
        const QList<HttpResponse> answers = client.pooled(polls, 16);
        QList<qsizetype> still;
        for (qsizetype k = 0; k < waiting.size(); ++k) {
            if (answers[k].json().value(u"status"_s).toString() != u"ACTIVE")
                still.append(waiting[k]);
        }
        waiting = still;
        if (!waiting.isEmpty()) {
            QTest::qWait(100); // the client's poll interval (pollAfterMs), inside the deadline
        }
    }
    return true;
}

bool retryable(const HttpResponse &response)
{
    return response.status == 0 || response.status == 502 || response.status == 503
        || response.status == 504;
}

RetriedResponses sendRetrying(const HttpClient &client, const QList<HttpRequest> &requests,
                              int deadlineMs)
{
    RetriedResponses out;
    out.responses = QList<HttpResponse>(requests.size());
    QList<qsizetype> pending(requests.size());
    std::iota(pending.begin(), pending.end(), 0);
    QSet<qsizetype> retried;
    const QDeadlineTimer deadline(deadlineMs);
    while (!pending.isEmpty() && !deadline.hasExpired()) {
        if (out.rounds > 0) {
            for (qsizetype i : pending)
                retried.insert(i);
        }
        ++out.rounds;
        QList<HttpRequest> batch;
        for (qsizetype i : pending)
            batch.append(requests[i]);
        const QList<HttpResponse> answers
            = client.parallel(batch, int(std::max<qint64>(1'000, deadline.remainingTime())));
        QList<qsizetype> still;
        for (qsizetype k = 0; k < pending.size(); ++k) {
            out.responses[pending[k]] = answers[k];
            if (retryable(answers[k]))
                still.append(pending[k]);
        }
        pending = still;
    }
    out.retried = int(retried.size());
    return out;
}

QMap<int, int> tally(const QList<HttpResponse> &responses)
{
    QMap<int, int> out;
    for (const HttpResponse &r : responses)
        ++out[r.status];
    return out;
}

QString describe(const QMap<int, int> &counts)
{
    QStringList parts;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        parts.append(u"%1×%2"_s.arg(it.value()).arg(it.key()));
    return parts.join(u", "_s);
}

QList<int> intList(const QJsonValue &array)
{
    QList<int> out;
    for (const QJsonValue &v : array.toArray())
        out.append(v.toInt());
    return out;
}

void verifyHoldRace(const HttpClient &client, Fixtures &fixtures, const QList<TestUser> &users,
                    qint64 scheduleId, const QList<int> &seats)
{
    const int attempts = int(users.size());
    QList<int> wanted = seats;
    while (wanted.size() < attempts)
        wanted.append(seats.at(QRandomGenerator::global()->bounded(int(seats.size()))));
    std::shuffle(wanted.begin(), wanted.end(), *QRandomGenerator::global());
    QList<HttpRequest> requests;
    for (int i = 0; i < attempts; ++i)
        requests.append(holdRequest(users[i], scheduleId, {wanted[i]}));

    QElapsedTimer clock;
    clock.start();
    const QList<HttpResponse> responses = client.parallel(requests);
    const QMap<int, int> counts = tally(responses);
    qInfo("%d hold attempts on %d seats in %lld ms: %s", attempts, int(seats.size()),
          clock.elapsed(), qPrintable(describe(counts)));
    QCOMPARE(counts.value(201), seats.size());
    QCOMPARE(counts.value(409), attempts - seats.size());

    QHash<int, QString> winnerOfSeat;
    QSet<QUuid> winners;
    for (int i = 0; i < attempts; ++i) {
        const HttpResponse &r = responses[i];
        if (r.status != 201) {
            QCOMPARE(r.errorCode(), u"SEAT_UNAVAILABLE"_s);
            const QJsonObject details
                = r.json().value(u"error"_s).toObject().value(u"details"_s).toObject();
            QCOMPARE(intList(details.value(u"seats"_s)), QList<int> {wanted[i]});
            continue;
        }
        const QJsonObject reservation = r.json().value(u"reservation"_s).toObject();
        QCOMPARE(intList(reservation.value(u"seats"_s)), QList<int> {wanted[i]});
        QCOMPARE(reservation.value(u"status"_s).toString(), u"HELD"_s);
        QVERIFY2(!winnerOfSeat.contains(wanted[i]), "two holds won the same seat");
        winnerOfSeat.insert(wanted[i], reservation.value(u"id"_s).toString());
        winners.insert(users[i].id);
    }
    QCOMPARE(winners.size(), seats.size()); // distinct holders

    const QVariantList s {scheduleId};
    const auto count = [&](const QString &sql) {
        return fixtures.scalar(sql, s).toInt();
    };
    QCOMPARE(count(u"SELECT count(*) FROM seats WHERE schedule_id = ? AND status = 'HELD'"_s),
             seats.size());
    QCOMPARE(
        count(
            u"SELECT count(DISTINCT reservation_id) FROM seats WHERE schedule_id = ? AND status = 'HELD'"_s),
        seats.size());
    QCOMPARE(count(u"SELECT count(DISTINCT r.user_id) FROM seats st JOIN reservations r ON r.id = "
                   u"st.reservation_id "
                   "WHERE st.schedule_id = ?"_s),
             seats.size());
    QCOMPARE(count(u"SELECT count(*) FROM reservation_seats WHERE schedule_id = ?"_s),
             seats.size());
    QCOMPARE(count(u"SELECT count(*) FROM reservations WHERE schedule_id = ?"_s), seats.size());
    for (auto it = winnerOfSeat.cbegin(); it != winnerOfSeat.cend(); ++it)
        QCOMPARE(
            fixtures
                .scalar(
                    u"SELECT reservation_id::text FROM seats WHERE schedule_id = ? AND number = ?"_s,
                    {scheduleId, it.key()})
                .toString(),
            it.value());
}

} // namespace encore::test
