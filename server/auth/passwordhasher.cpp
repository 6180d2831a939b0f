#include "passwordhasher.h"

#include <QCryptographicHash>

#include <sodium.h>

namespace encore::server {

namespace {
constexpr unsigned long long kOpsLimit = 2;
constexpr size_t kMemLimit = 19 * 1024 * 1024;
} // namespace

bool PasswordHasher::initialize()
{
    return sodium_init() >= 0;
}

QByteArray PasswordHasher::hash(const QString &password)
{
    const QByteArray utf8 = password.toUtf8();
    char out[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str_alg(out, utf8.constData(), size_t(utf8.size()), kOpsLimit, kMemLimit,
                              crypto_pwhash_ALG_ARGON2ID13)
        != 0)
        qFatal("Argon2id: out of memory");
    return QByteArray(out);
}

bool PasswordHasher::verify(const QByteArray &storedHash, const QString &password)
{
    const QByteArray utf8 = password.toUtf8();
    const QByteArray terminated = storedHash + '\0';
    return crypto_pwhash_str_verify(terminated.constData(), utf8.constData(), size_t(utf8.size()))
        == 0;
}

const QByteArray &PasswordHasher::decoyHash()
{
    static const QByteArray decoy = hash(QString::fromLatin1(tokens::generate()));
    return decoy;
}

namespace tokens {

QByteArray generate()
{
    QByteArray raw(32, Qt::Uninitialized);
    randombytes_buf(raw.data(), size_t(raw.size()));
    return raw.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

QByteArray hash(const QByteArray &token)
{
    return QCryptographicHash::hash(token, QCryptographicHash::Sha256);
}

} // namespace tokens

} // namespace encore::server
