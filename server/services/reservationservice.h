#pragma once
// ReservationService: seat holds (all or nothing, guarded by one conditional UPDATE), the
// wallet check for holds, cancellation, refunds and the sweeper that frees expired holds.
// Any worker thread; each public call is one transaction.

#include "apierror.h"
#include "models/reservation.h"
#include "models/seatwait.h"
#include "services/seatclaims.h"

#include <QSqlQuery>
#include <QUuid>

#include <optional>

namespace encore::server {

class ConcertService;
class Database;
class DbError;
class NoticePublisher;
class QueueService;
class SeatWaitService;
class WalletService;
struct ServerConfig;

class ReservationService {
public:
    ReservationService(Database &db, const ServerConfig &config, ConcertService &concerts,
                       QueueService &queue, WalletService &wallet, NoticePublisher &notices,
                       SeatWaitService &waitlist);

    struct Held {
        Reservation reservation;
        bool replayed = false; // the stored answer to an earlier request with this key
    };
    // A hold: refuseFromMemory() (unless keyed), then decide(). The HTTP route runs the two
    // halves on different threads (decide() on the decision pool: it waits for a commit).
    // `idempotencyKey`/`requestHash`: exactly once per key (the replay is the first answer).
    Held hold(const QUuid &userId, const QByteArray &queueToken, qint64 scheduleId,
              const QList<int> &seats, const std::optional<QString> &idempotencyKey = {},
              const QByteArray &requestHash = {});
    // No round trip when the session, the turn and the date's seats are in memory: throws what a
    // hold of a seat the in-process copy shows taken (or whose hold this process is deciding:
    // SeatClaims), of a date not on sale or without an active turn is told. In a flash sale
    // almost every attempt ends here. Otherwise returns the claim on the seats, to keep until
    // decide() has returned. Nothing is checked (and no claim returned) for a request with an
    // Idempotency-Key: its stored answer must be replayed first, so decide() decides.
    std::shared_ptr<const SeatClaims::Claim>
    refuseFromMemory(const QUuid &userId, const QByteArray &queueToken, qint64 scheduleId,
                     const QList<int> &seats, const std::optional<QString> &idempotencyKey);
    // One round trip to PostgreSQL (encore_hold), whose guarded UPDATE decides.
    Held decide(const QUuid &userId, const QByteArray &queueToken, qint64 scheduleId,
                const QList<int> &seats, const std::optional<QString> &idempotencyKey,
                const QByteArray &requestHash);
    QList<Reservation> list(const QUuid &userId);
    Reservation get(const QUuid &userId, const QUuid &reservationId);
    // HELD → CANCELLED (seats freed); PAID → REFUNDED to the wallet while refunds are allowed.
    Reservation cancel(const QUuid &userId, const QUuid &reservationId);
    // Frees expired holds and marks their reservations EXPIRED; returns seats freed. A freed
    // seat someone waits for is offered to them in the same transaction.
    int sweepExpired();
    // Declines the caller's live seat offer (its hold is cancelled, so the seat passes to the
    // next person waiting); returns the wait after it.
    SeatWait declineOffer(const QUuid &userId, qint64 waitId);

    // Locks the caller's reservation row (FOR UPDATE) and returns it; NOT_FOUND for others'.
    Reservation lockOwn(const QUuid &userId, const QUuid &reservationId);
    // Staff: locks any reservation row and returns it with its owner; NOT_FOUND when none.
    std::pair<Reservation, QUuid> lockAny(const QUuid &reservationId);
    // The one refund, for customers and staff alike: in the caller's transaction, on a locked
    // PAID reservation of `userId`. Frees the seats (all, or the listed ones), credits the wallet
    // and ends the payment (or shrinks it by a partial refund). Returns the reservation after it
    // and the money given back.
    std::pair<Reservation, Money> refundPaid(const QUuid &userId, const Reservation &locked,
                                             const QList<int> &seats = {});

    // A reservation from the columns of reservation_row() (migration 011), starting at 0.
    static Reservation fromRow(const QSqlQuery &q);

private:
    // The API error for a failed encore_hold (rethrows what is not a business outcome).
    ApiError holdError(const DbError &e, const QUuid &userId, const QByteArray &queueToken,
                       const QList<int> &seats);
    // Frees the reservation's seats that are in `status` and offers them to the waiting list.
    void freeSeats(const Reservation &r, const QString &status);
    QList<Reservation> load(const QString &where, const QVariantList &values);

    Database &m_db;
    const ServerConfig &m_config;
    ConcertService &m_concerts;
    QueueService &m_queue;
    WalletService &m_wallet;
    NoticePublisher &m_notices;
    SeatWaitService &m_waitlist;
    SeatClaims m_claims;
};

} // namespace encore::server
