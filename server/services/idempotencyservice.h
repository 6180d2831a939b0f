#pragma once
// IdempotencyService: exactly-once POSTs. The key row is inserted in the same transaction as the
// work it guards, so a concurrent request with the same key waits for the first, then replays
// its stored response; a failed request leaves no key behind. Any worker thread.

#include "http/reply.h"

#include <QUuid>

#include <functional>

namespace encore::server {

class Database;

class IdempotencyService {
public:
    explicit IdempotencyService(Database &db);

    // Runs `work` once per (user, key); `requestHash` identifies the request so that the same
    // key with another request is IDEMPOTENCY_MISMATCH. Without a key, just runs `work` in a
    // transaction.
    Reply run(const QUuid &userId, const std::optional<QString> &key, const QByteArray &requestHash,
              const std::function<Reply()> &work);

    // The stored response of a finished request with this key (IDEMPOTENCY_MISMATCH when the key
    // was used for another request), or nullopt. For work that cannot sit inside run()'s
    // transaction, such as a call to the card gateway: check first, store with run() after.
    std::optional<Reply> replay(const QUuid &userId, const QString &key,
                                const QByteArray &requestHash);

    static QByteArray requestHash(const QByteArray &method, const QString &path,
                                  const QByteArray &body);
    // Marks a stored answer given again (the Idempotent-Replayed header). Holds and payments
    // store theirs inside their decision function (migration 011) and mark it with this too.
    static Reply replayed(Reply reply);
    // Forgets keys older than a day.
    int purgeOld();

private:
    Database &m_db;
};

} // namespace encore::server
