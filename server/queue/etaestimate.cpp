#include "etaestimate.h"

#include <algorithm>
#include <cmath>

namespace encore::server {

namespace {

// Below this many recent admissions (or over less than two seconds) the measured
// pace says nothing yet.
constexpr qint64 kMinSamples = 5;
constexpr double kMinSpanSeconds = 2.0;

double secondsAt(qint64 position, double perSecond)
{
    return double(position) / std::max(perSecond, 1e-6);
}

EtaChange changeBetween(double before, double after)
{
    if (after > before * 4.0 / 3.0)
        return EtaChange::Longer;
    if (after < before * 2.0 / 3.0)
        return EtaChange::Shorter;
    return EtaChange::None;
}

} // namespace

WaitEstimate estimateWait(qint64 position, const QueueSnapshot &s)
{
    WaitEstimate out;
    if (s.paused) {
        out.reason = EtaReason::Paused;
        return out;
    }
    const bool atCapacity = s.activeCount >= s.maxActive;
    const double configured = s.admitPerMinute / 60.0;
    const double measured = s.recentAdmitted >= kMinSamples && s.spanSeconds >= kMinSpanSeconds
        ? s.recentAdmitted / s.spanSeconds
        : 0.0;
    double rate = measured > 0 ? std::min(measured, configured) : configured;
    out.reason = measured > 0 ? EtaReason::Steady : EtaReason::Estimating;
    if (s.settingsChanged) {
        rate = configured; // the last minute no longer predicts the next
        out.reason = EtaReason::RateChanged;
        if (measured > 0)
            out.change = changeBetween(secondsAt(position, measured), secondsAt(position, rate));
    }
    if (atCapacity)
        out.reason = EtaReason::AtCapacity;
    const double seconds = secondsAt(position, rate);
    out.eta = EtaRange {qint64(std::ceil(seconds)), qint64(std::floor(seconds * 0.8)),
                        qint64(std::ceil(seconds * (atCapacity ? 2.0 : 1.25))) + 1};
    return out;
}

} // namespace encore::server
