#include "authservice.h"

#include "auth/passwordhasher.h"
#include "config/serverconfig.h"
#include "http/workpool.h"
#include "jsonreader.h"
#include "live/noticepublisher.h"
#include "storage/database.h"

#include <QRegularExpression>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace encore::server {

namespace {
constexpr int kSessionDays = 7;
// Cache notices: one session ended (its token hash in hex), or every cached session.
constexpr QByteArrayView kSessionNotice = "session:";
constexpr QByteArrayView kAllSessionsNotice = "sessions";
constexpr auto kFailureWindow = "interval '15 minutes'";

ApiError tooManyAttempts(int retryAfter)
{
    retryAfter = std::max(1, retryAfter);
    return ApiError(ErrorCode::RateLimited, Msg::TooManyAttempts, messageArgs(retryAfter),
                    {{api::details::kRetryAfterSeconds, retryAfter}});
}

User userFromRow(const QSqlQuery &q, int first)
{
    User u;
    u.id = QUuid::fromString(q.value(first).toString());
    u.username = q.value(first + 1).toString();
    u.role = enumFromWord<Role>(q.value(first + 2).toString()).value_or(Role::Customer);
    return u;
}
} // namespace

AuthService::AuthService(Database &db, const ServerConfig &config, NoticePublisher &notices)
    : m_db(db)
    , m_config(config)
    , m_notices(notices)
{
}

bool AuthService::onCacheNotice(const QByteArray &payload)
{
    if (payload.startsWith(kSessionNotice)) {
        m_sessions.invalidateGroup(QByteArray::fromHex(payload.mid(kSessionNotice.size())));
        return true;
    }
    if (payload == kAllSessionsNotice) {
        forgetAllSessions();
        return true;
    }
    return false;
}

void AuthService::forgetAllSessions()
{
    m_sessions.clear();
}

void AuthService::validateCredentials(const QString &username, const QString &password)
{
    static const QRegularExpression kUsername(u"^[A-Za-z0-9_.-]{3,32}$"_s);
    if (!kUsername.match(username).hasMatch())
        throw ApiError(ErrorCode::ValidationFailed, Msg::UsernameInvalid, {},
                       {{u"field"_s, u"username"_s}});
    if (password.size() < 8 || password.size() > 128)
        throw ApiError(ErrorCode::ValidationFailed, Msg::PasswordInvalid, {},
                       {{u"field"_s, u"password"_s}});
}

void AuthService::throttle(const QString &key)
{
    QSqlQuery &q = m_db.exec(
        u"INSERT INTO auth_throttle AS t (key, window_start, attempts) VALUES (?, now(), 1) "
        "ON CONFLICT (key) DO UPDATE SET "
        "  attempts = CASE WHEN t.window_start < now() - interval '1 minute' THEN 1 ELSE "
        "t.attempts + 1 END, "
        "  window_start = CASE WHEN t.window_start < now() - interval '1 minute' THEN now() ELSE "
        "t.window_start END "
        "RETURNING attempts, ceil(extract(epoch FROM t.window_start + interval '1 minute' - now()))::int"_s,
        {key});
    q.next();
    if (q.value(0).toInt() > m_config.authAttemptsPerMinute)
        throw tooManyAttempts(q.value(1).toInt());
}

AuthService::Failures AuthService::failures(const QString &key)
{
    QSqlQuery &q = m_db.exec(
        u"SELECT failures, extract(epoch FROM now() - last_at)::float8, "
        "ceil(extract(epoch FROM first_at + %1 - now()))::int FROM auth_failures "
        "WHERE key = ? AND first_at > now() - %1"_s.arg(QLatin1StringView(kFailureWindow)),
        {key});
    if (!q.next())
        return {};
    return {q.value(0).toInt(), q.value(1).toDouble(), q.value(2).toInt()};
}

void AuthService::recordFailure(const QString &key)
{
    m_db.exec(u"INSERT INTO auth_failures AS f (key, first_at, last_at, failures) "
              "VALUES (?, now(), now(), 1) ON CONFLICT (key) DO UPDATE SET "
              "  failures = CASE WHEN f.first_at <= now() - %1 THEN 1 ELSE f.failures + 1 END, "
              "  first_at = CASE WHEN f.first_at <= now() - %1 THEN now() ELSE f.first_at END, "
              "  last_at = now()"_s.arg(QLatin1StringView(kFailureWindow)),
              {key});
}

void AuthService::checkLoginBudget(const QString &pairKey, const QString &userKey)
{
    // 1. This address has had its tries at this username.
    const Failures pair = failures(pairKey);
    if (pair.count >= m_config.loginFailuresPerAddress)
        throw tooManyAttempts(pair.windowLeftSeconds);
    // 2. The username is under attack: addresses that already failed for it slow down. A
    // fresh address (the owner's, say) is still heard, so nobody can lock the owner out.
    if (pair.count == 0)
        return;
    const Failures user = failures(userKey);
    if (user.count < m_config.loginBackoffAfter)
        return;
    const int exponent = std::min(user.count - m_config.loginBackoffAfter, 20);
    const double backoff = std::min<double>(1 << exponent, m_config.loginBackoffMaxSeconds);
    if (user.secondsSinceLast < backoff)
        throw tooManyAttempts(int(std::ceil(backoff - user.secondsSinceLast)));
}

Session AuthService::createSession(const User &user)
{
    Session s;
    s.user = user;
    const QByteArray token = tokens::generate();
    s.token = QString::fromLatin1(token);
    QSqlQuery &q
        = m_db.exec(u"INSERT INTO sessions(token_hash, user_id, expires_at) "
                    "VALUES (?, ?::uuid, now() + make_interval(days => ?)) RETURNING expires_at"_s,
                    {tokens::hash(token), user.id.toString(QUuid::WithoutBraces), kSessionDays});
    q.next();
    s.expiresAt = q.value(0).toDateTime();
    return s;
}

void AuthService::Registration::computeHash()
{
    hash = PasswordHasher::hash(password);
}

void AuthService::LoginAttempt::verify()
{
    verified = PasswordHasher::verify(stored, password);
}

AuthService::Registration AuthService::beginRegistration(const QString &username,
                                                         const QString &password,
                                                         const QHostAddress &peer)
{
    validateCredentials(username, password);
    throttle(u"addr:"_s + peer.toString());
    return {username, password, {}};
}

Session AuthService::finishRegistration(const Registration &registration)
{
    return m_db.transact([&] {
        QSqlQuery &q = m_db.exec(u"INSERT INTO users(username, password_hash) VALUES (?, ?) "
                                 "ON CONFLICT (username) DO NOTHING RETURNING id, username, role"_s,
                                 {registration.username, QString::fromLatin1(registration.hash)});
        if (!q.next())
            throw ApiError(ErrorCode::Conflict, Msg::UsernameTaken, {},
                           {{u"field"_s, u"username"_s}});
        return createSession(userFromRow(q, 0));
    });
}

Session AuthService::registerUser(const QString &username, const QString &password,
                                  const QHostAddress &peer)
{
    Registration registration = beginRegistration(username, password, peer);
    if (!passwordHashPool().runHere([&] { registration.computeHash(); }))
        throw passwordHashPool().busy();
    return finishRegistration(registration);
}

AuthService::LoginAttempt AuthService::beginLogin(const QString &username, const QString &password,
                                                  const QHostAddress &peer)
{
    if (username.size() > 64 || password.size() > 128)
        throw ApiError(ErrorCode::Unauthenticated, Msg::WrongCredentials);
    throttle(u"addr:"_s + peer.toString());
    LoginAttempt attempt;
    attempt.password = password;
    attempt.userKey = u"user:"_s + username.toLower();
    attempt.pairKey = u"pair:"_s + peer.toString() + u'|' + username.toLower();
    checkLoginBudget(attempt.pairKey, attempt.userKey);
    QSqlQuery &q = m_db.exec(
        u"SELECT id, username, role, password_hash FROM users WHERE username = ?"_s, {username});
    attempt.found = q.next();
    if (attempt.found)
        attempt.user = userFromRow(q, 0);
    // Unknown usernames cost a hash too, so timing does not tell which accounts exist.
    attempt.stored = attempt.found ? q.value(3).toString().toLatin1() : PasswordHasher::decoyHash();
    return attempt;
}

Session AuthService::finishLogin(const LoginAttempt &attempt)
{
    if (!attempt.verified || !attempt.found) {
        recordFailure(attempt.pairKey);
        recordFailure(attempt.userKey);
        throw ApiError(ErrorCode::Unauthenticated, Msg::WrongCredentials);
    }
    m_db.exec(u"DELETE FROM auth_failures WHERE key = ?"_s, {attempt.pairKey});
    return createSession(attempt.user);
}

void AuthService::logout(const QByteArray &token)
{
    authenticate(token);
    const QByteArray hash = tokens::hash(token);
    m_db.exec(u"DELETE FROM sessions WHERE token_hash = ?"_s, {hash});
    // This instance forgets it before answering; the others when the notice reaches them.
    m_sessions.invalidateGroup(hash);
    m_notices.publish(QString::fromLatin1(kCacheChannel),
                      QString::fromLatin1(kSessionNotice.toByteArray() + hash.toHex()));
}

User AuthService::authenticate(const QByteArray &token)
{
    if (token.isEmpty() || token.size() > 128)
        throw ApiError(ErrorCode::Unauthenticated, Msg::PleaseLogIn);
    const QByteArray hash = tokens::hash(token);
    if (const auto cached = m_sessions.get(hash)) {
        if (cached->expiresAt > QDateTime::currentDateTimeUtc())
            return cached->user;
    }
    const quint64 ticket = m_sessions.ticket(hash);
    QSqlQuery &q = m_db.exec(
        u"SELECT u.id, u.username, u.role, s.expires_at FROM sessions s "
        "JOIN users u ON u.id = s.user_id WHERE s.token_hash = ? AND s.expires_at > now()"_s,
        {hash});
    if (!q.next())
        throw ApiError(ErrorCode::Unauthenticated, Msg::SessionEnded);
    CachedSession session {userFromRow(q, 0), q.value(3).toDateTime()};
    // Inside a transaction the row may be this transaction's own, not yet committed.
    if (!m_db.inTransaction())
        m_sessions.put(hash, hash, session, ticket);
    return session.user;
}

User AuthService::authenticateStaff(const QByteArray &token)
{
    const User user = authenticate(token);
    if (user.role != Role::Staff)
        throw ApiError(ErrorCode::Forbidden, Msg::StaffOnly);
    return user;
}

bool AuthService::ensureStaff(const QString &username, const QString &password)
{
    validateCredentials(username, password);
    return m_db.transact([&] {
        QSqlQuery &q = m_db.exec(u"SELECT password_hash FROM users WHERE username = ? FOR UPDATE"_s,
                                 {username});
        if (q.next()) {
            if (!PasswordHasher::verify(q.value(0).toString().toLatin1(), password))
                return false;
            m_db.exec(u"UPDATE users SET role = 'staff' WHERE username = ?"_s, {username});
            m_db.afterCommit([this] {
                forgetAllSessions();
                m_notices.publish(QString::fromLatin1(kCacheChannel),
                                  QString::fromLatin1(kAllSessionsNotice.toByteArray()));
            });
            return true;
        }
        m_db.exec(u"INSERT INTO users(username, password_hash, role) VALUES (?, ?, 'staff')"_s,
                  {username, QString::fromLatin1(PasswordHasher::hash(password))});
        return true;
    });
}

} // namespace encore::server
