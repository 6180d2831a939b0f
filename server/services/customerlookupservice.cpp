#include "customerlookupservice.h"

#include "queue/queueservice.h"
#include "services/paymentservice.h"
#include "services/reservationservice.h"
#include "services/walletservice.h"
#include "storage/database.h"
#include "storage/sqlvalues.h"

#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace encore::server {

CustomerLookupService::CustomerLookupService(Database &db, ReservationService &reservations,
                                             PaymentService &payments, WalletService &wallet,
                                             QueueService &queue)
    : m_db(db)
    , m_reservations(reservations)
    , m_payments(payments)
    , m_wallet(wallet)
    , m_queue(queue)
{
}

CustomerList CustomerLookupService::search(const QString &text)
{
    // strpos, not LIKE: a name with % or _ in it is searched for as it is.
    const QString needle = text.trimmed().toLower();
    QSqlQuery &q = m_db.exec(
        u"SELECT u.id, u.username, u.role, w.balance FROM users u JOIN wallets w ON w.user_id = "
        "u.id WHERE strpos(lower(u.username), ?) > 0 "
        "ORDER BY lower(u.username) = ? DESC, strpos(lower(u.username), ?), u.username LIMIT ?"_s,
        {needle, needle, needle, kMaxResults});
    CustomerList out;
    while (q.next())
        out.users.append({QUuid::fromString(q.value(0).toString()), q.value(1).toString(),
                          enumFromWord<Role>(q.value(2).toString()).value_or(Role::Customer),
                          q.value(3).toLongLong()});
    return out;
}

CustomerDetail CustomerLookupService::detail(const QUuid &userId)
{
    QSqlQuery &u
        = m_db.exec(u"SELECT username, role FROM users WHERE id = ?::uuid"_s, {sql::uuid(userId)});
    if (!u.next())
        throw ApiError(ErrorCode::NotFound, Msg::NoSuchAccount);
    CustomerDetail out;
    out.user = {userId, u.value(0).toString(),
                enumFromWord<Role>(u.value(1).toString()).value_or(Role::Customer)};
    out.wallet = m_wallet.get(userId);
    out.reservations = m_reservations.list(userId);
    out.payments = m_payments.list(userId);
    out.ledger = m_wallet.ledger(userId, 200); // the newest; the customer's own view pages
    out.queueTickets = m_queue.ticketsOf(userId);
    QSqlQuery &b = m_db.exec(
        u"SELECT b.concert_id, c.title, b.reason, b.created_at FROM queue_blocks b "
        "JOIN concerts c ON c.id = b.concert_id WHERE b.user_id = ?::uuid ORDER BY b.created_at"_s,
        {sql::uuid(userId)});
    while (b.next())
        out.queueBlocks.append({b.value(0).toLongLong(), b.value(1).toString(), userId,
                                b.value(2).toString(), b.value(3).toDateTime()});
    return out;
}

} // namespace encore::server
