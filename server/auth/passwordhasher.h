#pragma once
// PasswordHasher: Argon2id (libsodium) with OWASP's parameters (19 MiB, 2 passes, ~15 ms here).
// Stateless; any thread.

#include <QByteArray>
#include <QString>

namespace encore::server {

class PasswordHasher {
public:
    static bool initialize(); // sodium_init(); call once before any thread uses it
    static QByteArray hash(const QString &password);
    static bool verify(const QByteArray &storedHash, const QString &password);
    // A valid hash of a random password: verified against when the user does not exist, so a
    // wrong username costs the same time as a wrong password.
    static const QByteArray &decoyHash();
};

// Session and queue tokens: 256 random bits, base64url; only their SHA-256 is stored.
namespace tokens {
QByteArray generate();
QByteArray hash(const QByteArray &token);
} // namespace tokens

} // namespace encore::server
