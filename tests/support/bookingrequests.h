#pragma once
// Requests of the booking flow (hold, pay, top up) for the concurrency tests and benchmarks, a
// retrying sender that behaves like a careful client (same Idempotency-Key, retry while the
// answer is a gateway/availability failure) and small tallies for messages. Main thread.

#include "fixtures.h"
#include "httpclient.h"

#include <QMap>

namespace encore::test {

HttpRequest holdRequest(const TestUser &user, qint64 scheduleId, const QList<int> &seats,
                        const QByteArray &idempotencyKey = {});
HttpRequest payRequest(const TestUser &user, const QString &reservationId, const QByteArray &key);
// A staff wallet adjustment (money from anywhere but a card) for `user`, with its key.
HttpRequest adjustmentRequest(const QByteArray &staffToken, const TestUser &user, qint64 amount,
                              const QByteArray &key);
// Makes `user` a staff member (direct SQL, like every fixture).
void makeStaff(Fixtures &fixtures, const TestUser &user);

// Holds and pays `seats` of the date for `user` (who needs an active queue ticket); the
// reservation's id, or empty (with a warning) when either step was refused.
QString buySeats(const HttpClient &client, const TestUser &user, qint64 scheduleId,
                 const QList<int> &seats);
// Opens the concert's queue wide through the staff API (PUT .../queue-settings: maxActive
// 1,000,000 unless given, admitPerMinute 1,000,000, activeTtlSeconds 3600), so joinQueue() admits
// everyone at once. Makes a staff user with `fixtures` for it. True on 200.
bool openQueue(const HttpClient &client, Fixtures &fixtures, qint64 concertId,
               int maxActive = 1'000'000);

// Joins the concert's queue for every user through the API (the queue store may be PostgreSQL or
// Redis) and waits until each ticket is ACTIVE; sets the users' queue tokens. Needs a server
// whose queue is open wide (openQueue()). False after `timeoutMs`.
bool joinQueue(const HttpClient &client, QList<TestUser> &users, qint64 concertId,
               int timeoutMs = 60'000);

// No answer, or an answer a client should retry with the same Idempotency-Key: nginx found no
// instance (502/504) or the service is briefly unavailable (503).
bool retryable(const HttpResponse &response);

struct RetriedResponses {
    QList<HttpResponse> responses; // the last answer to each request
    int rounds = 0; // 1 when nothing had to be retried
    int retried = 0; // requests sent more than once
};

// Sends every request in parallel; then re-sends the retryable ones (same bytes, so the same
// Idempotency-Key) until none is left or `deadlineMs` passes.
RetriedResponses sendRetrying(const HttpClient &client, const QList<HttpRequest> &requests,
                              int deadlineMs = 60'000);

// The hold race of the concurrency suites: each user tries to hold one of `seats` (every seat
// wanted at least once), all at once through `client`; checks with QTest that each seat has
// exactly one winner, every loser is told the seat it lost, and the database agrees. Check
// QTest::currentTestFailed() afterwards.
void verifyHoldRace(const HttpClient &client, Fixtures &fixtures, const QList<TestUser> &users,
                    qint64 scheduleId, const QList<int> &seats);

QMap<int, int> tally(const QList<HttpResponse> &responses); // status → count (0: no answer)
QString describe(const QMap<int, int> &counts); // "49×201, 951×409"
QList<int> intList(const QJsonValue &array);

} // namespace encore::test
