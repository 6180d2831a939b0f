#pragma once
// DisplayText: how values read on screen — statuses, dates, seat lists, durations — translated,
// in one place so every view says the same thing. Pure functions, GUI thread.

#include "models/queueticket.h"
#include "models/reservation.h"
#include "models/seat.h"
#include "models/seatwait.h"
#include "models/wallet.h"

#include <QCoreApplication>
#include <QDateTime>

namespace encore {

class DisplayText {
    Q_DECLARE_TR_FUNCTIONS(DisplayText)

public:
    static QString seatStatus(SeatStatus status);
    static QString reservationStatus(ReservationStatus status);
    static QString seatWaitStatus(SeatWaitStatus status);
    // "seats 7, 8" or "any R seat": what a waiting-list entry waits for.
    static QString seatWaitTarget(const SeatWait &wait);
    static QString ledgerKind(LedgerKind kind);
    // Why a queue estimate is what it is, in a sentence.
    static QString etaReason(EtaReason reason);
    // "Your estimated wait just went up." — empty for EtaChange::None.
    static QString etaChange(EtaChange change);
    // "Sat 24 Nov 2026, 19:30" in local time.
    static QString dateTime(const QDateTime &time);
    static QString date(const QDateTime &time);
    // "7, 8, 9"
    static QString seatList(const QList<int> &seats);
    // "2:05" for a countdown
    static QString clock(qint64 seconds);
    // "about 3 min", "less than a minute"
    static QString duration(qint64 seconds);
    // "3–5 min", "less than a minute"
    static QString durationRange(qint64 lowSeconds, qint64 highSeconds);
    // "Seat 17, R, 120,000 KRW, available" — the accessible name of a seat.
    // `offered`: held for this user from the waiting list (pay before the offer runs out).
    static QString seatDescription(const Seat &seat, bool selected = false, bool offered = false);
};

} // namespace encore
