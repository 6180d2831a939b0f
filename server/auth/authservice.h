#pragma once
// AuthService: accounts, password login, sessions (only token hashes stored) and login
// throttling shared by every instance through PostgreSQL (per address, per address+username,
// and a bounded per-username back-off). Any worker thread; each call is its own transaction.

#include "api/apitypes.h"
#include "cache/invalidatedcache.h"
#include "models/user.h"

#include <QDateTime>
#include <QHostAddress>

namespace encore::server {

class Database;
class NoticePublisher;
struct ServerConfig;

class AuthService {
public:
    AuthService(Database &db, const ServerConfig &config, NoticePublisher &notices);

    // Sessions are answered from memory (docs/PERFORMANCE.md, "Reads from memory"): a logout
    // reaches every instance's cache through the listener; without the listener a cached
    // session lives at most this long, and never past its own expiry.
    static constexpr qint64 kSessionCacheMs = 15'000;

    // Registration and login come in steps so that the password hash, the slow part, can run
    // off the worker thread (passwordHashPool()): begin (checks, throttles, looks up), the hash
    // (computeHash/verify, any thread, no database), then finish (writes, starts the session).
    // begin and finish throw ApiError as the API answers.
    struct Registration {
        QString username;
        QString password;
        QByteArray hash; // set by computeHash()
        void computeHash();
    };
    struct LoginAttempt {
        QString password;
        QByteArray stored; // the account's hash, or a decoy when there is no such account
        User user;
        bool found = false;
        QString pairKey; // address + username, for the failure counts
        QString userKey;
        bool verified = false; // set by verify()
        void verify();
    };
    Registration beginRegistration(const QString &username, const QString &password,
                                   const QHostAddress &peer);
    Session finishRegistration(const Registration &registration);
    LoginAttempt beginLogin(const QString &username, const QString &password,
                            const QHostAddress &peer);
    Session finishLogin(const LoginAttempt &attempt);
    // All steps on the calling thread (demo data).
    Session registerUser(const QString &username, const QString &password,
                         const QHostAddress &peer);
    void logout(const QByteArray &token);
    // The session's user, or UNAUTHENTICATED.
    User authenticate(const QByteArray &token);
    // Same, and FORBIDDEN unless staff.
    User authenticateStaff(const QByteArray &token);
    // Creates the account as staff, or promotes an existing one; returns false when the
    // username exists with another password.
    bool ensureStaff(const QString &username, const QString &password);

    static void validateCredentials(const QString &username, const QString &password);

    // A cache notice from any instance (NoticePublisher's kCacheChannel): true if it was ours.
    bool onCacheNotice(const QByteArray &payload);
    void forgetAllSessions();

private:
    struct Failures {
        int count = 0;
        double secondsSinceLast = 0;
        int windowLeftSeconds = 0;
    };

    void throttle(const QString &key);
    Failures failures(const QString &key);
    void recordFailure(const QString &key);
    // RATE_LIMITED when this address may not try this username now (docs/SECURITY.md).
    void checkLoginBudget(const QString &pairKey, const QString &userKey);
    Session createSession(const User &user);

    struct CachedSession {
        User user;
        QDateTime expiresAt;
    };

    Database &m_db;
    const ServerConfig &m_config;
    NoticePublisher &m_notices;
    InvalidatedCache<CachedSession> m_sessions {kSessionCacheMs};
};

} // namespace encore::server
