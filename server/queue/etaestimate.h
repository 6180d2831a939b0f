#pragma once
// estimateWait: how long a waiting customer will wait, and why the estimate is what it is
// (DESIGN.md §5). Pure function of one QueueSnapshot; any thread, no I/O.

#include "models/queueticket.h"
#include "queue/queuestore.h"

namespace encore::server {

struct WaitEstimate {
    std::optional<EtaRange> eta; // absent while the queue is paused: no made-up number
    EtaReason reason = EtaReason::Estimating;
    EtaChange change = EtaChange::None;
};

// ETA = my position ÷ admissions per second. The measured rate of the recent admissions (the
// last minute, or the five latest of the last ten minutes when admissions wait for turns to end)
// is used once there are enough samples (it sees capacity limits the settings cannot); before
// that, and right after staff change the settings, the configured rate. When a settings change
// moves the estimate by more than a third from what the last minute's pace promised, `change` says
// which way.
WaitEstimate estimateWait(qint64 position, const QueueSnapshot &snapshot);

} // namespace encore::server
