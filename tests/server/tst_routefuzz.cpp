// A mutation fuzzer over every route the server registers (listed in-process, exactly as the
// workers register them): hostile path ids, query strings and JSON bodies — NUL and lone
// surrogates in every field, wrong types, huge and negative numbers, deep nesting — sent as a
// customer, as staff and anonymously to a real server. Any 5xx fails the route's row, printing
// the request. Deterministic: ENCORE_FUZZ_SEED picks another seed, ENCORE_FUZZ_ROUNDS more rounds.
#include "cardtopup.h"
#include "fixtures.h"
#include "registeredroutes.h"
#include "testserver.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace encore::test;
namespace server = encore::server;

namespace {

// Every field a request body of the API reads, with a valid value: a body starts as all of
// them (routes ignore what they do not read), then one or two get a hostile value.
const QList<QPair<QByteArray, QByteArray>> kValidFields {
    {"username", R"("fuzzer")"},
    {"password", R"("correct horse battery")"},
    {"scheduleId", "{schedule}"},
    {"seats", "[7]"},
    {"amount", "1000"},
    {"reservationId", R"("00000000-0000-4000-8000-000000000001")"},
    {"reason", R"("fuzzing the routes")"},
    {"title", R"("Fuzz Night")"},
    {"artist", R"("The Fuzzers")"},
    {"venue", R"("Hall")"},
    {"description", R"("text")"},
    {"startsAt", R"("2031-01-01T19:00:00Z")"},
    {"salesOpenAt", R"("2030-01-01T00:00:00Z")"},
    {"salesCloseAt", R"("2031-01-01T18:00:00Z")"},
    {"prices", R"({"VIP":1000,"R":900})"},
    {"tiers", R"({"VIP":1000})"},
    {"maxActive", "10"},
    {"admitPerMinute", "10"},
    {"activeTtlSeconds", "60"},
    {"paused", "false"},
    {"preQueueMinutes", "10"},
    {"userId", R"("{user}")"},
    {"orderId", R"("00000000-0000-4000-8000-000000000002")"},
    {"paymentKey", R"("pk_fuzz")"},
    {"number", "3"},
    {"price", "1000"},
    {"query", R"("fuzz")"},
};

// JSON text fragments for a value: the hostile strings are written as raw escapes so the
// server's JSON parser (not ours) produces them.
const QList<QByteArray> kValues {
    R"("\u0000")",
    R"("a\u0000b")",
    R"("\ud800")",
    R"("x\udfffy")",
    R"("\ud800\u0000")",
    R"("")",
    R"(" ")",
    R"("2026-13-45T99:99:99Z")",
    R"("9999-12-31T23:59:59Z")",
    R"("0000-01-01T00:00:00Z")",
    R"("00000000-0000-0000-0000-000000000000")",
    R"("'; DROP TABLE users; --")",
    "0",
    "-1",
    "1",
    "2",
    "50",
    "51",
    "9007199254740993",
    "-9223372036854775808",
    "1e308",
    "-1e308",
    "1.5",
    "true",
    "false",
    "null",
    "[]",
    "{}",
    "[1,2,3,4]",
    "[1,1]",
    R"(["\u0000"])",
    R"({"\u0000":1})",
    R"({"A":-1,"\ud800":5})",
    R"([[[[[[[[[[]]]]]]]]]])",
    R"({"a":{"b":{"c":{"d":"\u0000"}}}})",
};

const QList<QByteArray> kPathArgs {
    "0",
    "-1",
    "99999999999999999999",
    "1e3",
    "%00",
    "%ED%A0%80",
    "abc",
    "%2e%2e",
    "1%00",
    "00000000-0000-0000-0000-000000000000",
    "{00000000-0000-0000-0000-000000000001}",
    QByteArray(300, '9'),
};

const QList<QByteArray> kQueryValues {"%00", "%ED%A0%80", "a%00b", "-1", "999999999999999999999",
                                      "",    "%FF",       "true",  "1",  QByteArray(2000, 'q')};

const QStringList kQueryKeys {u"action"_s,    u"actor"_s,     u"limit"_s, u"before"_s,
                              u"concertId"_s, u"available"_s, u"query"_s, u"status"_s};

} // namespace

class TestRouteFuzz final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void noServerError_data();
    void noServerError();
    void serverStillHealthy();

private:
    QByteArray pick(const QList<QByteArray> &list) { return list.at(m_rng.bounded(list.size())); }
    QByteArray mutatedPath(QString path, bool validArgs);
    QByteArray mutatedBody(int round);
    QByteArray bodyOf(const QList<QPair<QByteArray, QByteArray>> &fields) const;
    QByteArray substitute(QByteArray text) const;

    GatewayServer m_gateway;
    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<Fixtures> m_fixtures;
    QList<server::RouteInfo> m_routes;
    QRandomGenerator m_rng;
    QByteArray m_customer;
    QByteArray m_queueToken;
    QByteArray m_staff;
    QList<QByteArray> m_validArgs; // ids of real objects, tried as path arguments too
    int m_rounds = 70;
};

void TestRouteFuzz::initTestCase()
{
    const quint32 seed = qEnvironmentVariableIsSet("ENCORE_FUZZ_SEED")
        ? quint32(qEnvironmentVariableIntValue("ENCORE_FUZZ_SEED"))
        : 20261130u;
    if (qEnvironmentVariableIsSet("ENCORE_FUZZ_ROUNDS"))
        m_rounds = std::max(1, qEnvironmentVariableIntValue("ENCORE_FUZZ_ROUNDS"));
    qInfo("seed %u, %d rounds per route and caller", seed, m_rounds);
    m_rng.seed(seed);

    m_routes = registeredRoutes(); // exactly as a worker registers them
    QVERIFY(m_routes.size() >= 20);

    // Throttling would turn most auth requests into 429 before they reach the code under test.
    // With its card gateway, so the top-up routes run their code instead of "not set up" (503).
    QVERIFY(m_gateway.start({}, {u"--auth-attempts-per-minute"_s, u"1000000"_s}));
    m_server = std::move(m_gateway.server);
    m_fixtures = std::make_unique<Fixtures>(m_server->database());
    const qint64 concert = m_fixtures->createConcert(u"Fuzz"_s, 1);
    const qint64 schedule = m_fixtures->schedulesOf(concert).first();
    QList<TestUser> users = m_fixtures->createUsers(2, 500'000, u"fuzz"_s);
    m_fixtures->admit(users, concert);
    m_customer = users.at(0).token;
    m_queueToken = users.at(0).queueToken;
    m_staff = users.at(1).token;
    m_fixtures->scalar(u"UPDATE users SET role = 'staff' WHERE id = ?::uuid RETURNING 1"_s,
                       {users.at(1).id.toString(QUuid::WithoutBraces)});
    m_validArgs = {QByteArray::number(concert), QByteArray::number(schedule), "1", "50",
                   users.at(0).id.toString(QUuid::WithoutBraces).toLatin1()};
}

QByteArray TestRouteFuzz::mutatedPath(QString path, bool validArgs)
{
    while (path.contains(u"<arg>"_s))
        path.replace(path.indexOf(u"<arg>"_s), 5,
                     QString::fromLatin1(validArgs ? pick(m_validArgs) : pick(kPathArgs)));
    QByteArray out = path.toLatin1();
    const int params = m_rng.bounded(4);
    for (int i = 0; i < params; ++i)
        out += (i == 0 ? "?" : "&") + kQueryKeys.at(m_rng.bounded(kQueryKeys.size())).toLatin1()
            + '=' + pick(kQueryValues);
    return out;
}

QByteArray TestRouteFuzz::mutatedBody(int round)
{
    QList<QPair<QByteArray, QByteArray>> fields = kValidFields;
    if (round < 2 * fields.size()) {
        // First every field with each kind of text the database cannot store, the rest valid.
        fields[round / 2].second = round % 2 ? R"("a\u0000b")" : R"("x\ud800")";
        return bodyOf(fields);
    }
    switch (m_rng.bounded(10)) {
    case 0:
        return pick(kValues); // not an object
    case 1:
        return "{\"a\":" + QByteArray(600, '[') + QByteArray(600, ']') + '}';
    default:
        break;
    }
    const int mutations = 1 + m_rng.bounded(2);
    for (int i = 0; i < mutations; ++i)
        fields[m_rng.bounded(fields.size())].second = pick(kValues);
    return bodyOf(fields);
}

QByteArray TestRouteFuzz::bodyOf(const QList<QPair<QByteArray, QByteArray>> &fields) const
{
    QByteArray body = "{";
    for (const auto &[name, value] : fields)
        body += (body.size() > 1 ? "," : "") + ('"' + name + "\":") + value;
    return substitute(body + '}');
}

QByteArray TestRouteFuzz::substitute(QByteArray text) const
{
    return text.replace("{schedule}", m_validArgs.at(1)).replace("{user}", m_validArgs.at(4));
}

void TestRouteFuzz::noServerError_data()
{
    QTest::addColumn<int>("route");
    for (int i = 0; i < m_routes.size(); ++i)
        QTest::addRow("%s %s",
                      qPrintable(server::RouteRegistrar::methodName(m_routes.at(i).method)),
                      qPrintable(m_routes.at(i).path))
            << i;
}

void TestRouteFuzz::noServerError()
{
    const QPair<QByteArray, QByteArray> kKorean {"Accept-Language", "ko-KR"};
    QFETCH(int, route);
    const server::RouteInfo &info = m_routes.at(route);
    const QByteArray method = server::RouteRegistrar::methodName(info.method).toLatin1();
    // Logging out would end the sessions the other routes are fuzzed with.
    const bool logout = info.path.endsWith(u"/auth/logout"_s);
    const QList<QByteArray> callers = logout ? QList<QByteArray> {"not-a-session", QByteArray()}
                                             : QList<QByteArray> {m_customer, m_staff, {}};
    QList<HttpRequest> requests;
    for (int round = 0; round < m_rounds; ++round) {
        for (const QByteArray &token : callers) {
            HttpRequest r;
            r.method = method;
            r.path = mutatedPath(info.path, round % 2 == 0);
            if (method != "GET")
                r.body = mutatedBody(round);
            r.headers.append(qMakePair(QByteArray("Content-Type"), QByteArray("application/json")));
            if (!token.isEmpty())
                r.bearer(token);
            if (round % 3 != 2)
                r.queueToken(m_queueToken);
            if (round % 2)
                r.idempotencyKey("fuzz-" + QByteArray::number(m_rng.generate()));
            if (round % 4 < 2)
                r.headers.append(kKorean);
            requests.append(r);
        }
    }
    const QList<HttpResponse> answers = m_server->client().pooled(requests, 4);
    QCOMPARE(answers.size(), requests.size());
    if (qEnvironmentVariableIsSet("ENCORE_FUZZ_VERBOSE")) {
        QMap<int, int> statuses;
        for (const HttpResponse &a : answers)
            ++statuses[a.status];
        qInfo() << statuses;
    }
    for (int i = 0; i < answers.size(); ++i) {
        const HttpResponse &a = answers.at(i);
        const HttpRequest &r = requests.at(i);
        QVERIFY2(a.status >= 200 && a.status < 500,
                 qPrintable(u"%1 %2 %3 → %4 %5"_s
                                .arg(QString::fromLatin1(r.method), QString::fromLatin1(r.path),
                                     QString::fromLatin1(r.body.left(300)))
                                .arg(a.status)
                                .arg(QString::fromUtf8(a.body.left(300)))));
        // Every refusal speaks the caller's language: a message written outside the shared
        // table (English only) fails here.
        if (a.status >= 400 && r.headers.contains(kKorean)) {
            static const QRegularExpression kHangul(u"[\\x{AC00}-\\x{D7A3}]"_s);
            const QString message
                = a.json().value(u"error"_s).toObject().value(u"message"_s).toString();
            QVERIFY2(message.contains(kHangul),
                     qPrintable(u"%1 %2 → %3 in English: %4"_s.arg(
                         QString::fromLatin1(r.method), QString::fromLatin1(r.path),
                         QString::number(a.status), message)));
        }
    }
}

void TestRouteFuzz::serverStillHealthy()
{
    QCOMPARE(m_server->client().get("/healthz").status, 200);
    QCOMPARE(m_server->client().get("/readyz").status, 200);
}

QTEST_GUILESS_MAIN(TestRouteFuzz)
#include "tst_routefuzz.moc"
