#pragma once
// SeatWait: a customer's place on a date's waiting list for chosen seats or a tier, and the
// offer it turned into when such a seat came back. Request and answer shapes of /seat-waits and
// the staff's /admin/schedules/{id}/seat-waits. Value types, any thread.

#include "api/wordtable.h"
#include "money.h"
#include "result.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QUuid>

#include <optional>

namespace encore {

// Where a wait stands. An offer's outcome is read from its hold: paid (ACCEPTED), cancelled by
// the customer or staff (DECLINED), run out (LAPSED).
enum class SeatWaitStatus { Waiting, Offered, Accepted, Declined, Lapsed, Left, Cleared };
template<> struct EnumWords<SeatWaitStatus> {
    static constexpr std::array<EnumWord<SeatWaitStatus>, 7> words {
        {{SeatWaitStatus::Waiting, u"WAITING"},
         {SeatWaitStatus::Offered, u"OFFERED"},
         {SeatWaitStatus::Accepted, u"ACCEPTED"},
         {SeatWaitStatus::Declined, u"DECLINED"},
         {SeatWaitStatus::Lapsed, u"LAPSED"},
         {SeatWaitStatus::Left, u"LEFT"},
         {SeatWaitStatus::Cleared, u"CLEARED"}}};
};

// The seat held for the customer: paid like any hold (POST /payments with reservationId),
// declined through POST /seat-waits/{id}/decline, gone to the next person at offeredUntil.
struct SeatOffer {
    QUuid reservationId;
    int seat = 0;
    Money price = 0;
    QDateTime offeredUntil;

    QJsonObject toJson() const;
    static Result<SeatOffer> fromJson(const QJsonObject &json);
    friend bool operator==(const SeatOffer &, const SeatOffer &) = default;
};

struct SeatWait {
    qint64 id = 0;
    qint64 scheduleId = 0;
    qint64 concertId = 0;
    QList<int> seats; // chosen seats, or empty when waiting for a tier
    QString tier; // a tier ("VIP", "R", ...), or empty when waiting for chosen seats
    SeatWaitStatus status = SeatWaitStatus::Waiting;
    QDateTime createdAt;
    std::optional<SeatOffer> offer; // from OFFERED on
    // Display helpers, so a list needs no second request; the staff's list adds the customer.
    QString concertTitle;
    QDateTime startsAt;
    QUuid userId;
    QString username;

    bool isLiveOffer(const QDateTime &now) const
    {
        return status == SeatWaitStatus::Offered && offer && offer->offeredUntil > now;
    }

    QJsonObject toJson() const;
    static Result<SeatWait> fromJson(const QJsonObject &json);
    friend bool operator==(const SeatWait &, const SeatWait &) = default;
};

// POST /seat-waits: {scheduleId, seats: [1..4 numbers]} or {scheduleId, tier}.
struct SeatWaitRequest {
    qint64 scheduleId = 0;
    QList<int> seats;
    QString tier;

    QJsonObject toJson() const;
    static Result<SeatWaitRequest> fromJson(const QJsonObject &json);
    friend bool operator==(const SeatWaitRequest &, const SeatWaitRequest &) = default;
};

// DELETE /admin/schedules/{id}/seat-waits: how many waits staff ended.
struct SeatWaitsCleared {
    qint64 scheduleId = 0;
    int cleared = 0;

    QJsonObject toJson() const;
    static Result<SeatWaitsCleared> fromJson(const QJsonObject &json);
    friend bool operator==(const SeatWaitsCleared &, const SeatWaitsCleared &) = default;
};

// The keys of the answers: {"wait": {...}}, {"waits": [...]}.
namespace api::keys {
inline const QString kWait = QStringLiteral("wait");
inline const QString kWaits = QStringLiteral("waits");
} // namespace api::keys

} // namespace encore
