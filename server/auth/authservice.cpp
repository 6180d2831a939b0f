#include "authservice.h"

#include "auth/passwordhasher.h"
#include "config/serverconfig.h"
#include "jsonreader.h"
#include "storage/database.h"

#include <QRegularExpression>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace encore::server {

namespace {
constexpr int kSessionDays = 7;

User userFromRow(const QSqlQuery &q, int first)
{
    User u;
    u.id = QUuid::fromString(q.value(first).toString());
    u.username = q.value(first + 1).toString();
    u.role = enumFromWord<Role>(q.value(first + 2).toString()).value_or(Role::Customer);
    return u;
}
} // namespace

AuthService::AuthService(Database &db, const ServerConfig &config)
    : m_db(db)
    , m_config(config)
{
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
    if (q.value(0).toInt() > m_config.authAttemptsPerMinute) {
        const int retryAfter = std::max(1, q.value(1).toInt());
        throw ApiError(ErrorCode::RateLimited, Msg::TooManyAttempts, messageArgs(retryAfter),
                       {{u"retryAfterSeconds"_s, retryAfter}});
    }
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

Session AuthService::registerUser(const QString &username, const QString &password,
                                  const QHostAddress &peer)
{
    validateCredentials(username, password);
    throttle(u"addr:"_s + peer.toString());
    const QByteArray hash = PasswordHasher::hash(password);
    return m_db.transact([&] {
        QSqlQuery &q = m_db.exec(u"INSERT INTO users(username, password_hash) VALUES (?, ?) "
                                 "ON CONFLICT (username) DO NOTHING RETURNING id, username, role"_s,
                                 {username, QString::fromLatin1(hash)});
        if (!q.next())
            throw ApiError(ErrorCode::Conflict, Msg::UsernameTaken, {},
                           {{u"field"_s, u"username"_s}});
        return createSession(userFromRow(q, 0));
    });
}

Session AuthService::login(const QString &username, const QString &password,
                           const QHostAddress &peer)
{
    if (username.size() > 64 || password.size() > 128)
        throw ApiError(ErrorCode::Unauthenticated, Msg::WrongCredentials);
    throttle(u"addr:"_s + peer.toString());
    throttle(u"user:"_s + username.toLower());
    QSqlQuery &q = m_db.exec(
        u"SELECT id, username, role, password_hash FROM users WHERE username = ?"_s, {username});
    const bool found = q.next();
    const User user = found ? userFromRow(q, 0) : User {};
    const QByteArray stored
        = found ? q.value(3).toString().toLatin1() : PasswordHasher::decoyHash();
    if (!PasswordHasher::verify(stored, password) || !found)
        throw ApiError(ErrorCode::Unauthenticated, Msg::WrongCredentials);
    return createSession(user);
}

void AuthService::logout(const QByteArray &token)
{
    authenticate(token);
    m_db.exec(u"DELETE FROM sessions WHERE token_hash = ?"_s, {tokens::hash(token)});
}

User AuthService::authenticate(const QByteArray &token)
{
    if (token.isEmpty() || token.size() > 128)
        throw ApiError(ErrorCode::Unauthenticated, Msg::PleaseLogIn);
    QSqlQuery &q = m_db.exec(
        u"SELECT u.id, u.username, u.role FROM sessions s JOIN users u ON u.id = s.user_id "
        "WHERE s.token_hash = ? AND s.expires_at > now()"_s,
        {tokens::hash(token)});
    if (!q.next())
        throw ApiError(ErrorCode::Unauthenticated, Msg::SessionEnded);
    return userFromRow(q, 0);
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
            return true;
        }
        m_db.exec(u"INSERT INTO users(username, password_hash, role) VALUES (?, ?, 'staff')"_s,
                  {username, QString::fromLatin1(PasswordHasher::hash(password))});
        return true;
    });
}

} // namespace encore::server
