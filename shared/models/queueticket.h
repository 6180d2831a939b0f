#pragma once
// QueueTicket: a user's place in one concert's queue (DESIGN.md §5), with why its estimate is
// what it is. Value type.

#include "api/wordtable.h"
#include "result.h"

#include <QDateTime>
#include <QJsonObject>
#include <QUuid>

#include <optional>

namespace encore {

enum class QueueStatus { Waiting, Active };
template<> struct EnumWords<QueueStatus> {
    static constexpr std::array<EnumWord<QueueStatus>, 2> words {
        {{QueueStatus::Waiting, u"WAITING"}, {QueueStatus::Active, u"ACTIVE"}}};
};

// Why the estimate is what it is. A word this build does not know (a newer server's) decodes to
// Steady, which shows no explanation rather than a raw word.
enum class EtaReason {
    Steady, // from the admissions of the last minute
    Estimating, // too few admissions yet: from the configured rate
    RateChanged, // staff changed the admission settings in the last two minutes
    AtCapacity, // every turn is taken: the line moves as people finish
    Paused, // staff paused admission: no estimate at all
    Admitted, // the ticket is active
    PreQueue, // sales have not opened: a random place among the pre-queue at opening (DESIGN.md §5)
};
template<> struct EnumWords<EtaReason> {
    static constexpr std::array<EnumWord<EtaReason>, 7> words {
        {{EtaReason::Steady, u"steady"},
         {EtaReason::Estimating, u"estimating"},
         {EtaReason::RateChanged, u"rate_changed"},
         {EtaReason::AtCapacity, u"at_capacity"},
         {EtaReason::Paused, u"paused"},
         {EtaReason::Admitted, u"admitted"},
         {EtaReason::PreQueue, u"pre_queue"}}};
};

// Set when the estimate just moved by more than a third; absent (None) otherwise. Unknown words
// decode to None.
enum class EtaChange { None, Longer, Shorter };
template<> struct EnumWords<EtaChange> {
    static constexpr std::array<EnumWord<EtaChange>, 3> words {{{EtaChange::None, u"none"},
                                                                {EtaChange::Longer, u"longer"},
                                                                {EtaChange::Shorter, u"shorter"}}};
};

// A wait in seconds: a point and a low–high range.
struct EtaRange {
    qint64 seconds = 0;
    qint64 low = 0;
    qint64 high = 0;
    friend bool operator==(const EtaRange &, const EtaRange &) = default;
};

struct QueueTicket {
    QString token; // only in the join response and to its owner
    QUuid userId;
    qint64 concertId = 0;
    QueueStatus status = QueueStatus::Waiting;
    qint64 position = 0; // 1-based among the waiting; 0 once active
    qint64 aheadCount = 0;
    // The wait; absent while active and while the queue is paused (no made-up number), and then
    // etaSeconds/etaLowSeconds/etaHighSeconds are JSON null.
    std::optional<EtaRange> eta;
    EtaReason etaReason = EtaReason::Estimating;
    EtaChange etaChange = EtaChange::None;
    QDateTime activeUntil;
    int pollAfterMs = 1000;
    // In the pre-queue (DESIGN.md §5): sales open at `opensAt`; position and aheadCount are 0 and
    // there is no estimate until then (etaReason pre_queue); `preQueueCount` is how many wait in
    // it.
    bool preQueue = false;
    QDateTime opensAt;
    qint64 preQueueCount = 0;

    QJsonObject toJson() const;
    static Result<QueueTicket> fromJson(const QJsonObject &json);
    friend bool operator==(const QueueTicket &, const QueueTicket &) = default;
};

} // namespace encore
