#pragma once
// Staff money and customer operations (DESIGN.md §4): the request and answer of each, one type
// per shape for the server and the staff console. Value types; decoding never throws.

#include "models/concert.h"
#include "models/payment.h"
#include "models/queueticket.h"
#include "models/reservation.h"
#include "models/user.h"
#include "models/wallet.h"

#include <QJsonObject>
#include <QList>
#include <QUuid>

namespace encore {

namespace staffops {
inline constexpr int kMinReason = 3;
inline constexpr int kMaxReason = 500;
// The most one adjustment may move (either way).
inline constexpr Money kMaxAdjustment = 10'000'000;
} // namespace staffops

// {reason}: cancelling a date, removing a queue entry.
struct ReasonRequest {
    QString reason;
    QJsonObject toJson() const;
    static Result<ReasonRequest> fromJson(const QJsonObject &json);
};

// {reason, seats?}: refund all of a paid reservation or only the listed seats.
struct StaffRefundRequest {
    QString reason;
    QList<int> seats; // empty: every seat
    QJsonObject toJson() const;
    static Result<StaffRefundRequest> fromJson(const QJsonObject &json);
};

// {amount, reason}: a credit (+) or debit (−) of a wallet.
struct WalletAdjustmentRequest {
    Money amount = 0;
    QString reason;
    QJsonObject toJson() const;
    static Result<WalletAdjustmentRequest> fromJson(const QJsonObject &json);
};

// {userId, reason}: block an account from a concert's queue.
struct QueueBlockRequest {
    QUuid userId;
    QString reason;
    QJsonObject toJson() const;
    static Result<QueueBlockRequest> fromJson(const QJsonObject &json);
};

struct ScheduleCancellation {
    Schedule schedule;
    int releasedHolds = 0;
    int refundedReservations = 0;
    Money refundedTotal = 0;
    QJsonObject toJson() const;
    static Result<ScheduleCancellation> fromJson(const QJsonObject &json);
};

struct WalletAdjustment {
    Money balance = 0;
    LedgerEntry entry;
    QJsonObject toJson() const;
    static Result<WalletAdjustment> fromJson(const QJsonObject &json);
};

struct QueueBlock {
    qint64 concertId = 0;
    QString concertTitle;
    QUuid userId;
    QString reason;
    QDateTime createdAt;
    QJsonObject toJson() const;
    static Result<QueueBlock> fromJson(const QJsonObject &json);
};

// One row of GET /admin/users?query=.
struct CustomerSummary {
    QUuid id;
    QString username;
    Role role = Role::Customer;
    Money balance = 0;
    QJsonObject toJson() const;
    static Result<CustomerSummary> fromJson(const QJsonObject &json);
};

struct CustomerList {
    QList<CustomerSummary> users;
    QJsonObject toJson() const;
    static Result<CustomerList> fromJson(const QJsonObject &json);
};

// GET /admin/users/{id}: everything staff need to help one customer.
struct CustomerDetail {
    User user;
    Wallet wallet;
    QList<Reservation> reservations;
    QList<Payment> payments;
    QList<LedgerEntry> ledger;
    QList<QueueTicket> queueTickets; // live entries (no token)
    QList<QueueBlock> queueBlocks;
    QJsonObject toJson() const;
    static Result<CustomerDetail> fromJson(const QJsonObject &json);
};

// What the live feed tells a customer when staff changed something of theirs:
// {"type":"account","kind":...,"reservation":{...}?,"amount":N?,"concertId":N?,"reason":"..."}.
// HoldReleased: staff released the customer's hold (the reservation, now CANCELLED, and why).
enum class AccountNoticeKind {
    Refunded,
    DateCancelled,
    WalletAdjusted,
    QueueRemoved,
    HoldReleased
};
QString accountNoticeKindName(AccountNoticeKind kind); // "REFUNDED" | "DATE_CANCELLED" | ...
std::optional<AccountNoticeKind> accountNoticeKindFromName(const QString &name);

struct AccountNotice {
    QUuid userId;
    AccountNoticeKind kind = AccountNoticeKind::Refunded;
    std::optional<Reservation> reservation; // Refunded, DateCancelled, HoldReleased
    Money amount = 0; // money back (Refunded, DateCancelled) or the adjustment
    qint64 concertId = 0; // QueueRemoved
    QString reason;
    QJsonObject toJson() const;
    static Result<AccountNotice> fromJson(const QJsonObject &json);
};

} // namespace encore
