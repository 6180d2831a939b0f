// The account endpoints over HTTP: register, login, logout and /me, the answers to bad
// credentials, login throttling per username and per address, and what the database keeps
// (Argon2id hashes, SHA-256 session hashes, never a token).
#include "apipaths.h"
#include "auth/passwordhasher.h"
#include "fixtures.h"
#include "testserver.h"

#include <QDateTime>
#include <QDeadlineTimer>
#include <QSqlQuery>
#include <QTcpSocket>
#include <QTest>
#include <QUuid>

using namespace Qt::StringLiterals;
using namespace encore::test;
namespace api = encore::api;

namespace {

QJsonObject credentials(const QString &username, const QString &password)
{
    return {{u"username"_s, username}, {u"password"_s, password}};
}

// One request from a chosen loopback source address (127.0.0.0/8 all reach the server), so
// the per-address limit can be told apart from the per-username one.
HttpResponse sendFrom(const QHostAddress &from, quint16 port, const HttpRequest &request)
{
    HttpResponse out;
    QTcpSocket socket;
    if (!socket.bind(from)) {
        qWarning() << "cannot bind" << from << socket.errorString();
        return out;
    }
    socket.connectToHost(QHostAddress::LocalHost, port);
    if (!socket.waitForConnected(10'000))
        return out;
    socket.write(HttpClient::serialize(request, "127.0.0.1"));
    QByteArray buffer;
    QDeadlineTimer deadline(30'000);
    while (!deadline.hasExpired()) {
        if (!socket.waitForReadyRead(int(deadline.remainingTime())) && socket.bytesAvailable() == 0)
            break;
        buffer += socket.readAll();
        const qsizetype end = buffer.indexOf("\r\n\r\n");
        if (end < 0)
            continue;
        const QList<QByteArray> lines = buffer.left(end).split('\n');
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const qsizetype colon = lines[i].indexOf(':');
            if (colon > 0)
                out.headers.insert(lines[i].left(colon).trimmed().toLower(),
                                   lines[i].mid(colon + 1).trimmed());
        }
        const qsizetype length = out.headers.value("content-length", "0").toLongLong();
        if (buffer.size() < end + 4 + length)
            continue;
        out.status = lines.value(0).split(' ').value(1).toInt();
        out.body = buffer.mid(end + 4, length);
        return out;
    }
    return out;
}

HttpRequest loginRequest(const QString &username, const QString &password)
{
    HttpRequest r {"POST", api::authLogin().toLatin1(), {}, {}};
    return r.json(credentials(username, password));
}

} // namespace

class TestAuthApi final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void registerAnswersSession();
    void registerTakenUsername();
    void registerRejects_data();
    void registerRejects();
    void login();
    void loginFailuresLookAlike_data();
    void loginFailuresLookAlike();
    void logoutEndsOnlyThatSession();
    void me_data();
    void me();
    void rateLimitPerUsername();
    void rateLimitPerAddress();
    void rateLimitRegister();
    void rateLimitBehindTrustedProxy();
    void passwordsAreArgon2id();
    void tokensAreNeverStored();

private:
    HttpResponse registerUser(const QString &username,
                              const QString &password = u"correct horse"_s) const
    {
        return m_server->client().post(api::authRegister().toLatin1(),
                                       credentials(username, password));
    }
    static void verifySession(const HttpResponse &response, const QString &username);

    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<TestServer> m_limited; // --auth-attempts-per-minute 3
    std::unique_ptr<Fixtures> m_fixtures;
    QList<QByteArray> m_issuedTokens; // every token handed out, for tokensAreNeverStored()
};

void TestAuthApi::initTestCase()
{
    m_server = std::make_unique<TestServer>();
    QVERIFY(m_server->start());
    m_fixtures = std::make_unique<Fixtures>(m_server->database());
    // The limits count per address and per username; each test below uses its own of both.
    m_limited = std::make_unique<TestServer>(QStringList {u"--auth-attempts-per-minute"_s, u"3"_s,
                                                          u"--login-failures-per-address"_s, u"2"_s,
                                                          u"--login-backoff-after"_s, u"3"_s});
    QVERIFY(m_limited->start());
}

void TestAuthApi::verifySession(const HttpResponse &response, const QString &username)
{
    const QJsonObject body = response.json();
    const QJsonObject user = body.value(u"user"_s).toObject();
    QVERIFY2(!QUuid::fromString(user.value(u"id"_s).toString()).isNull(),
             response.body.constData());
    QCOMPARE(user.value(u"username"_s).toString(), username);
    QCOMPARE(user.value(u"role"_s).toString(), u"customer"_s);
    QVERIFY(body.value(u"token"_s).toString().size() >= 32);
    const QDateTime expires
        = QDateTime::fromString(body.value(u"expiresAt"_s).toString(), Qt::ISODateWithMs);
    QVERIFY2(expires.isValid(), response.body.constData());
    QVERIFY(expires > QDateTime::currentDateTimeUtc().addSecs(3600));
}

void TestAuthApi::registerAnswersSession()
{
    const HttpResponse reg = registerUser(u"alice"_s);
    QCOMPARE(reg.status, 201);
    verifySession(reg, u"alice"_s);
    const QByteArray token = reg.json().value(u"token"_s).toString().toLatin1();
    m_issuedTokens.append(token);
    // The token works at once.
    const HttpResponse me = m_server->client().get(api::me().toLatin1(), token);
    QCOMPARE(me.status, 200);
    QCOMPARE(me.json().value(u"user"_s).toObject(), reg.json().value(u"user"_s).toObject());
}

void TestAuthApi::registerTakenUsername()
{
    QCOMPARE(registerUser(u"taken.name"_s).status, 201);
    const HttpResponse again = registerUser(u"taken.name"_s, u"another password"_s);
    QCOMPARE(again.status, 409);
    QCOMPARE(again.errorCode(), u"CONFLICT"_s);
    QCOMPARE(
        m_fixtures->scalar(u"SELECT count(*) FROM users WHERE username = 'taken.name'"_s).toInt(),
        1);
}

void TestAuthApi::registerRejects_data()
{
    QTest::addColumn<QJsonObject>("body");
    QTest::addColumn<QString>("field");

    const QString pw = u"correct horse"_s;
    QTest::addRow("username too short") << credentials(u"ab"_s, pw) << u"username"_s;
    QTest::addRow("username too long") << credentials(QString(33, u'a'), pw) << u"username"_s;
    QTest::addRow("username far too long") << credentials(QString(500, u'a'), pw) << u"username"_s;
    QTest::addRow("username empty") << credentials(QString(), pw) << u"username"_s;
    QTest::addRow("username with space") << credentials(u"bad name"_s, pw) << u"username"_s;
    QTest::addRow("username with slash") << credentials(u"bad/name"_s, pw) << u"username"_s;
    QTest::addRow("username non-ascii") << credentials(u"élodie"_s, pw) << u"username"_s;
    QTest::addRow("username hangul") << credentials(u"김민수"_s, pw) << u"username"_s;
    QTest::addRow("username sql") << credentials(u"x' OR '1'='1"_s, pw) << u"username"_s;
    QTest::addRow("username missing") << QJsonObject {{u"password"_s, pw}} << u"username"_s;
    QTest::addRow("username null")
        << QJsonObject {{u"username"_s, QJsonValue::Null}, {u"password"_s, pw}} << u"username"_s;
    QTest::addRow("password too short") << credentials(u"shortpw"_s, u"1234567"_s) << u"password"_s;
    QTest::addRow("password empty") << credentials(u"emptypw"_s, QString()) << u"password"_s;
    QTest::addRow("password too long")
        << credentials(u"longpw"_s, QString(129, u'p')) << u"password"_s;
    QTest::addRow("password far too long")
        << credentials(u"longerpw"_s, QString(5000, u'p')) << u"password"_s;
    QTest::addRow("password missing") << QJsonObject {{u"username"_s, u"nopw"_s}} << u"password"_s;
}

void TestAuthApi::registerRejects()
{
    QFETCH(QJsonObject, body);
    QFETCH(QString, field);
    const int usersBefore = m_fixtures->scalar(u"SELECT count(*) FROM users"_s).toInt();
    const HttpResponse r = m_server->client().post(api::authRegister().toLatin1(), body);
    QCOMPARE(r.status, 422);
    QCOMPARE(r.errorCode(), u"VALIDATION_FAILED"_s);
    QCOMPARE(r.json()
                 .value(u"error"_s)
                 .toObject()
                 .value(u"details"_s)
                 .toObject()
                 .value(u"field"_s)
                 .toString(),
             field);
    QVERIFY(!r.json().value(u"requestId"_s).toString().isEmpty());
    QCOMPARE(m_fixtures->scalar(u"SELECT count(*) FROM users"_s).toInt(), usersBefore);
}

void TestAuthApi::login()
{
    QCOMPARE(registerUser(u"bob"_s, u"bobs password"_s).status, 201);
    const HttpResponse r = m_server->client().post(api::authLogin().toLatin1(),
                                                   credentials(u"bob"_s, u"bobs password"_s));
    QCOMPARE(r.status, 200);
    verifySession(r, u"bob"_s);
    const QByteArray token = r.json().value(u"token"_s).toString().toLatin1();
    m_issuedTokens.append(token);
    QCOMPARE(m_server->client()
                 .get(api::me().toLatin1(), token)
                 .json()
                 .value(u"user"_s)
                 .toObject()
                 .value(u"username"_s),
             u"bob"_s);
}

void TestAuthApi::loginFailuresLookAlike_data()
{
    QTest::addColumn<QString>("username");
    QTest::addColumn<QString>("password");

    QTest::addRow("wrong password") << u"carol"_s << u"not her password"_s;
    QTest::addRow("unknown user") << u"nobody-here"_s << u"carols password"_s;
    QTest::addRow("username in other case") << u"CAROL"_s << u"carols password"_s;
    QTest::addRow("password with trailing space") << u"carol"_s << u"carols password "_s;
    QTest::addRow("username longer than any account") << QString(50, u'c') << u"carols password"_s;
    QTest::addRow("very long password") << u"carol"_s << QString(1000, u'p');
}

void TestAuthApi::loginFailuresLookAlike()
{
    QFETCH(QString, username);
    QFETCH(QString, password);
    if (m_fixtures->scalar(u"SELECT count(*) FROM users WHERE username = 'carol'"_s).toInt() == 0)
        QCOMPARE(registerUser(u"carol"_s, u"carols password"_s).status, 201);
    const int sessionsBefore = m_fixtures->scalar(u"SELECT count(*) FROM sessions"_s).toInt();

    const HttpResponse r
        = m_server->client().post(api::authLogin().toLatin1(), credentials(username, password));
    QCOMPARE(r.status, 401);
    QCOMPARE(r.errorCode(), u"UNAUTHENTICATED"_s);
    // The same words whether the user exists or not: nothing to tell usernames apart.
    QCOMPARE(r.json().value(u"error"_s).toObject().value(u"message"_s).toString(),
             u"Wrong username or password."_s);
    QCOMPARE(m_fixtures->scalar(u"SELECT count(*) FROM sessions"_s).toInt(), sessionsBefore);
}

void TestAuthApi::logoutEndsOnlyThatSession()
{
    const HttpClient http = m_server->client();
    const HttpResponse reg = registerUser(u"dave"_s);
    QCOMPARE(reg.status, 201);
    const QByteArray first = reg.json().value(u"token"_s).toString().toLatin1();
    const QByteArray second
        = http.post(api::authLogin().toLatin1(), credentials(u"dave"_s, u"correct horse"_s))
              .json()
              .value(u"token"_s)
              .toString()
              .toLatin1();
    QVERIFY(!second.isEmpty());
    QVERIFY(first != second);
    m_issuedTokens << first << second;

    const HttpResponse out = http.post(api::authLogout().toLatin1(), {}, first);
    QCOMPARE(out.status, 204);
    QVERIFY(out.body.isEmpty());
    const HttpResponse me = http.get(api::me().toLatin1(), first);
    QCOMPARE(me.status, 401);
    QCOMPARE(me.errorCode(), u"UNAUTHENTICATED"_s);
    QCOMPARE(http.post(api::authLogout().toLatin1(), {}, first).status, 401); // already ended
    QCOMPARE(http.get(api::me().toLatin1(), second).status, 200); // the other device stays in
    QCOMPARE(http.post(api::authLogout().toLatin1(), {}, {}).status, 401);
}

void TestAuthApi::me_data()
{
    QTest::addColumn<QByteArray>("authorization");
    QTest::addColumn<int>("status");

    QTest::addRow("no header") << QByteArray() << 401;
    QTest::addRow("empty bearer") << QByteArray("Bearer ") << 401;
    QTest::addRow("basic scheme") << QByteArray("Basic YWxpY2U6cHc=") << 401;
    QTest::addRow("forged token") << QByteArray("Bearer " + encore::server::tokens::generate())
                                  << 401;
    QTest::addRow("huge token") << QByteArray("Bearer " + QByteArray(4000, 'x')) << 401;
    QTest::addRow("valid token") << QByteArray("valid") << 200;
}

void TestAuthApi::me()
{
    QFETCH(QByteArray, authorization);
    QFETCH(int, status);
    HttpRequest r {"GET", api::me().toLatin1(), {}, {}};
    if (authorization == "valid") {
        const HttpResponse reg = registerUser(u"erin"_s);
        QCOMPARE(reg.status, 201);
        authorization = "Bearer " + reg.json().value(u"token"_s).toString().toLatin1();
        m_issuedTokens.append(authorization.mid(7));
    }
    if (!authorization.isEmpty())
        r.headers.append({"Authorization", authorization});
    const HttpResponse me = m_server->client().send(r);
    QCOMPARE(me.status, status);
    if (status == 200) {
        const QJsonObject user = me.json().value(u"user"_s).toObject();
        QCOMPARE(user.value(u"username"_s).toString(), u"erin"_s);
        QCOMPARE(user.value(u"role"_s).toString(), u"customer"_s);
        QVERIFY(!QUuid::fromString(user.value(u"id"_s).toString()).isNull());
    } else {
        QCOMPARE(me.errorCode(), u"UNAUTHENTICATED"_s);
    }
}

void TestAuthApi::rateLimitPerUsername()
{
    // --login-failures-per-address 2, --login-backoff-after 3 (docs/SECURITY.md).
    const TestServer &limited = *m_limited;
    const auto login = [&](int from, const QString &username, const QString &password) {
        return sendFrom(QHostAddress(u"127.0.0.%1"_s.arg(from)), limited.port(),
                        loginRequest(username, password));
    };
    QCOMPARE(sendFrom(QHostAddress(u"127.0.0.20"_s), limited.port(),
                      HttpRequest {"POST", api::authRegister().toLatin1(), {}, {}}.json(
                          credentials(u"victim"_s, u"victims password"_s)))
                 .status,
             201);
    // One address gets two tries at a username, then it is refused (even the right password).
    QCOMPARE(login(21, u"victim"_s, u"guess 1"_s).status, 401);
    QCOMPARE(login(21, u"victim"_s, u"guess 2"_s).status, 401);
    const HttpResponse pairBlocked = login(21, u"victim"_s, u"victims password"_s);
    QCOMPARE(pairBlocked.status, 429);
    QCOMPARE(pairBlocked.errorCode(), u"RATE_LIMITED"_s);
    const int retryAfter = pairBlocked.headers.value("retry-after").toInt();
    QVERIFY2(retryAfter >= 1 && retryAfter <= 15 * 60,
             pairBlocked.headers.value("retry-after").constData());
    // Guesses from more addresses put the username under attack (4 failures >= 3)...
    QCOMPARE(login(22, u"victim"_s, u"guess 3"_s).status, 401);
    QCOMPARE(login(23, u"victim"_s, u"guess 4"_s).status, 401);
    // ...so an address that already failed for it must back off (the username counts
    // case-insensitively)...
    const HttpResponse backoff = login(22, u"VICTIM"_s, u"guess 5"_s);
    QCOMPARE(backoff.status, 429);
    QVERIFY(backoff.headers.value("retry-after").toInt() >= 1);
    QVERIFY(backoff.headers.value("retry-after").toInt() <= 60);
    // ...while the owner, from an address of their own, is never locked out.
    const HttpResponse owner = login(24, u"victim"_s, u"victims password"_s);
    QCOMPARE(owner.status, 200);
    QVERIFY(!owner.json().value(u"token"_s).toString().isEmpty());
    // A fresh address is heard, but only once before it too backs off.
    QCOMPARE(login(25, u"victim"_s, u"guess 6"_s).status, 401);
    QCOMPARE(login(25, u"victim"_s, u"guess 7"_s).status, 429);
    // Another username is not affected.
    QCOMPARE(login(22, u"someone-else"_s, u"whatever1"_s).status, 401);
}

void TestAuthApi::rateLimitPerAddress()
{
    const TestServer &limited = *m_limited;
    const QHostAddress noisy(u"127.0.0.30"_s);
    for (int i = 0; i < 3; ++i)
        QCOMPARE(sendFrom(noisy, limited.port(),
                          loginRequest(u"user%1"_s.arg(i), u"password %1"_s.arg(i)))
                     .status,
                 401);
    const HttpResponse blocked
        = sendFrom(noisy, limited.port(), loginRequest(u"user9"_s, u"password 9"_s));
    QCOMPARE(blocked.status, 429);
    QCOMPARE(blocked.errorCode(), u"RATE_LIMITED"_s);
    QVERIFY(blocked.headers.value("retry-after").toInt() >= 1);
    QVERIFY(blocked.json()
                .value(u"error"_s)
                .toObject()
                .value(u"details"_s)
                .toObject()
                .value(u"retryAfterSeconds"_s)
                .toInt()
            >= 1);
    // The same username from another address gets an ordinary answer.
    QCOMPARE(sendFrom(QHostAddress(u"127.0.0.31"_s), limited.port(),
                      loginRequest(u"user9"_s, u"password 9"_s))
                 .status,
             401);
}

void TestAuthApi::rateLimitRegister()
{
    const TestServer &limited = *m_limited;
    const QHostAddress from(u"127.0.0.40"_s);
    for (int i = 0; i < 3; ++i) {
        HttpRequest r {"POST", api::authRegister().toLatin1(), {}, {}};
        QCOMPARE(sendFrom(from, limited.port(),
                          r.json(credentials(u"signup%1"_s.arg(i), u"correct horse"_s)))
                     .status,
                 201);
    }
    HttpRequest r {"POST", api::authRegister().toLatin1(), {}, {}};
    const HttpResponse blocked
        = sendFrom(from, limited.port(), r.json(credentials(u"signup9"_s, u"correct horse"_s)));
    QCOMPARE(blocked.status, 429);
    QCOMPARE(blocked.errorCode(), u"RATE_LIMITED"_s);
    QVERIFY(blocked.headers.contains("retry-after"));
}

void TestAuthApi::rateLimitBehindTrustedProxy()
{
    // Behind nginx every request comes from the proxy: the customer's address is X-Real-IP,
    // believed only from a proxy we were told to trust.
    TestServer proxied(
        {u"--auth-attempts-per-minute"_s, u"3"_s, u"--trusted-proxy"_s, u"127.0.0.50"_s});
    QVERIFY(proxied.start());
    const QHostAddress proxy(u"127.0.0.50"_s);
    const auto viaProxy = [&](const QByteArray &client, int i) {
        HttpRequest r = loginRequest(u"guest%1"_s.arg(i), u"password %1"_s.arg(i));
        r.headers.append({"X-Real-IP", client});
        return sendFrom(proxy, proxied.port(), r).status;
    };
    for (int i = 0; i < 3; ++i)
        QCOMPARE(viaProxy("192.0.2.1", i), 401);
    QCOMPARE(viaProxy("192.0.2.1", 3), 429);
    QCOMPARE(viaProxy("192.0.2.2", 4), 401); // another customer behind the same proxy
    // From an untrusted peer the header is ignored: a client cannot buy itself fresh budgets.
    const QHostAddress spoofer(u"127.0.0.51"_s);
    for (int i = 0; i < 4; ++i) {
        HttpRequest r = loginRequest(u"spoof%1"_s.arg(i), u"password %1"_s.arg(i));
        r.headers.append({"X-Real-IP", "198.51.100." + QByteArray::number(i)});
        QCOMPARE(sendFrom(spoofer, proxied.port(), r).status, i < 3 ? 401 : 429);
    }
}

void TestAuthApi::passwordsAreArgon2id()
{
    const int registered = m_fixtures->scalar(u"SELECT count(*) FROM users"_s).toInt();
    QVERIFY(registered >= 5);
    QCOMPARE(
        m_fixtures->scalar(u"SELECT count(*) FROM users WHERE password_hash LIKE '$argon2id$%'"_s)
            .toInt(),
        registered);
    // Salted: two accounts with the same password do not share a hash.
    QCOMPARE(m_fixtures->scalar(u"SELECT count(DISTINCT password_hash) FROM users"_s).toInt(),
             registered);
    QCOMPARE(
        m_fixtures
            ->scalar(u"SELECT count(*) FROM users WHERE password_hash LIKE '%correct horse%'"_s)
            .toInt(),
        0);
}

void TestAuthApi::tokensAreNeverStored()
{
    QVERIFY(m_issuedTokens.size() >= 4);
    // The sessions table has exactly these columns, and its key is a 32-byte hash.
    QCOMPARE(m_fixtures
                 ->scalar(u"SELECT string_agg(column_name::text, ',' ORDER BY column_name) "
                          "FROM information_schema.columns WHERE table_name = 'sessions'"_s)
                 .toString(),
             u"created_at,expires_at,token_hash,user_id"_s);
    QCOMPARE(
        m_fixtures->scalar(u"SELECT count(*) FROM sessions WHERE octet_length(token_hash) <> 32"_s)
            .toInt(),
        0);

    QStringList tables;
    {
        QSqlQuery &q = m_fixtures->db().exec(
            u"SELECT table_name::text FROM information_schema.tables WHERE table_schema = 'public' "
            "AND table_type = 'BASE TABLE'"_s);
        while (q.next())
            tables.append(q.value(0).toString());
    }
    QVERIFY(tables.contains(u"sessions"_s));
    const HttpClient http = m_server->client();
    for (const QByteArray &token : std::as_const(m_issuedTokens)) {
        // A live session is found by the SHA-256 of its token; a logged-out one is gone.
        const bool live = http.get(api::me().toLatin1(), token).status == 200;
        QCOMPARE(
            m_fixtures
                ->scalar(
                    u"SELECT count(*) FROM sessions WHERE token_hash = sha256(convert_to(?, 'UTF8'))"_s,
                    {QString::fromLatin1(token)})
                .toInt(),
            live ? 1 : 0);
        // No row of any table holds the token, as text or as its bytes.
        for (const QString &table : std::as_const(tables)) {
            const int hits
                = m_fixtures
                      ->scalar(u"SELECT count(*) FROM \"%1\" t WHERE position(? IN t::text) > 0 "
                               "OR position(? IN t::text) > 0"_s.arg(table),
                               {QString::fromLatin1(token), QString::fromLatin1(token.toHex())})
                      .toInt();
            QVERIFY2(hits == 0, qPrintable(u"token found in table "_s + table));
        }
    }
}

QTEST_GUILESS_MAIN(TestAuthApi)
#include "tst_authapi.moc"
