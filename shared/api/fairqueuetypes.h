#pragma once
// The fair queue's staff shapes (issue 15): a concert's pre-queue (who waits for sales to open,
// and the recorded opening shuffles) and the abuse counters (what was limited, and how often).
// The server encodes with toJson(), the staff console decodes with fromJson(). Value types.

#include "api/wordtable.h"
#include "result.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QUuid>

namespace encore {

// One customer waiting in a pre-queue, in the order they joined (which decides nothing).
struct PreQueueEntry {
    QUuid userId;
    QString username;
    QDateTime joinedAt;

    QJsonObject toJson() const;
    static Result<PreQueueEntry> fromJson(const QJsonObject &json);
    friend bool operator==(const PreQueueEntry &, const PreQueueEntry &) = default;
};

// One opening: when sales opened, when the pre-queue was shuffled and how many it placed.
struct PreQueueOpening {
    QDateTime opensAt;
    QDateTime shuffledAt;
    qint64 placed = 0;

    QJsonObject toJson() const;
    static Result<PreQueueOpening> fromJson(const QJsonObject &json);
    friend bool operator==(const PreQueueOpening &, const PreQueueOpening &) = default;
};

// GET /admin/concerts/{id}/pre-queue.
struct PreQueueView {
    qint64 concertId = 0;
    QDateTime opensAt; // the next opening; null when a date is on sale or none is planned
    QDateTime acceptsJoinsFrom; // opensAt - preQueueMinutes
    int preQueueMinutes = 0;
    qint64 count = 0;
    QList<PreQueueEntry> entries; // the first 200
    QList<PreQueueOpening> openings; // newest first

    QJsonObject toJson() const;
    static Result<PreQueueView> fromJson(const QJsonObject &json);
    friend bool operator==(const PreQueueView &, const PreQueueView &) = default;
};

// The details of the 409 CONFLICT that refuses a join before the concert's pre-queue opens
// (POST /concerts/{id}/queue): when it opens, in UTC, and the venue's zone to show it in — the
// client writes the time as every other time on screen ("Tue 1 Dec 2026, 19:00 KST").
struct PreQueueNotOpen {
    QDateTime opensAt; // sales open
    QDateTime acceptsJoinsFrom; // the pre-queue opens: opensAt - preQueueMinutes
    int preQueueMinutes = 0;
    QString timeZone; // the venue's IANA zone

    QJsonObject toJson() const;
    // Details of another error (no "acceptsJoinsFrom") fails to decode.
    static Result<PreQueueNotOpen> fromJson(const QJsonObject &json);
    friend bool operator==(const PreQueueNotOpen &, const PreQueueNotOpen &) = default;
};

// What an abuse limit counts (docs/SECURITY.md, "Fair queue limits").
enum class LimitKind {
    JoinAccount, // queue joins by one account
    JoinAddress, // queue joins from one client address
    PollAccount, // queue status polls by one account
    PollAddress, // queue status polls from one client address
    PollPace, // a poll sooner than the pollAfterMs the ticket was given
    HoldAccount, // hold attempts by one account
    AddressAccounts, // live accounts from one address in one concert's queue
};
template<> struct EnumWords<LimitKind> {
    static constexpr std::array<EnumWord<LimitKind>, 7> words {
        {{LimitKind::JoinAccount, u"join_account"},
         {LimitKind::JoinAddress, u"join_address"},
         {LimitKind::PollAccount, u"poll_account"},
         {LimitKind::PollAddress, u"poll_address"},
         {LimitKind::PollPace, u"poll_pace"},
         {LimitKind::HoldAccount, u"hold_account"},
         {LimitKind::AddressAccounts, u"address_accounts"}}};
};

// One counter in its current window.
struct AbuseCounter {
    LimitKind kind = LimitKind::JoinAccount;
    QString subject; // an account id, a client address, or "concert/address"
    qint64 count = 0; // requests in the window
    qint64 limit = 0;
    qint64 refused = 0; // of those, answered 429
    QDateTime resetsAt;

    QJsonObject toJson() const;
    static Result<AbuseCounter> fromJson(const QJsonObject &json);
    friend bool operator==(const AbuseCounter &, const AbuseCounter &) = default;
};

// DELETE /admin/abuse-counters: clears one counter (kind + subject) or, without them, every one.
struct ClearCountersRequest {
    QString reason;
    std::optional<LimitKind> kind;
    QString subject;

    QJsonObject toJson() const;
    static Result<ClearCountersRequest> fromJson(const QJsonObject &json);
    friend bool operator==(const ClearCountersRequest &, const ClearCountersRequest &) = default;
};

} // namespace encore
