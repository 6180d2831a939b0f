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
#include <QTimeZone>

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
    // "Sat 14 Dec 2026, 19:30 KST": the time in `zone` (a concert's venue zone,
    // Concert::zone()) with the zone's abbreviation, whatever the machine's zone is. Every date
    // and time on screen goes through here.
    static QString dateTime(const QDateTime &time, const QTimeZone &zone);
    // "19:30 KST"
    static QString timeOfDay(const QDateTime &time, const QTimeZone &zone);
    // The machine's own zone, for times that belong to no venue (wallet ledger, audit log).
    static QTimeZone localZone();
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
