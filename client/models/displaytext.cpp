#include "displaytext.h"

#include <QLocale>

using namespace Qt::StringLiterals;

namespace encore {

QString DisplayText::seatStatus(SeatStatus status)
{
    switch (status) {
    case SeatStatus::Available:
        return tr("available");
    case SeatStatus::Held:
        return tr("held");
    case SeatStatus::Sold:
        return tr("sold");
    case SeatStatus::Blocked:
        return tr("not for sale");
    }
    return {};
}

QString DisplayText::reservationStatus(ReservationStatus status)
{
    switch (status) {
    case ReservationStatus::Held:
        return tr("Held");
    case ReservationStatus::Paid:
        return tr("Paid");
    case ReservationStatus::Cancelled:
        return tr("Cancelled");
    case ReservationStatus::Expired:
        return tr("Expired");
    case ReservationStatus::Refunded:
        return tr("Refunded");
    }
    return {};
}

QString DisplayText::ledgerKind(LedgerKind kind)
{
    switch (kind) {
    case LedgerKind::TopUp:
        return tr("Top-up");
    case LedgerKind::Payment:
        return tr("Payment");
    case LedgerKind::Refund:
        return tr("Refund");
    case LedgerKind::Adjustment:
        return tr("Adjustment by staff");
    case LedgerKind::CardRefund:
        return tr("Top-up returned to card");
    }
    return {};
}

QString DisplayText::etaReason(EtaReason reason)
{
    switch (reason) {
    case EtaReason::Steady:
        return tr("Based on how fast the line moved in the last minute.");
    case EtaReason::Estimating:
        return tr("The estimate is still being measured and will settle soon.");
    case EtaReason::RateChanged:
        return tr("The organiser just changed how fast people are let in; the estimate follows "
                  "the new pace.");
    case EtaReason::AtCapacity:
        return tr("Everyone admitted is still choosing seats; places free up as they finish.");
    case EtaReason::Paused:
        return tr("Admission is paused by the organiser for now; your place is kept.");
    case EtaReason::Admitted:
        return tr("It's your turn.");
    case EtaReason::PreQueue:
        return tr("Everyone who joins before sales open gets a random place at the opening, "
                  "ahead of everyone who joins later.");
    }
    return {};
}

QString DisplayText::etaChange(EtaChange change)
{
    switch (change) {
    case EtaChange::None:
        return {};
    case EtaChange::Longer:
        return tr("Your estimated wait just went up.");
    case EtaChange::Shorter:
        return tr("Your estimated wait just went down.");
    }
    return {};
}

namespace {
// `format` applied to the time as a clock in `zone` shows it, then the zone's abbreviation
// ("KST"; at that instant, so summer time reads "CEST").
QString zoned(const QDateTime &time, const QTimeZone &zone, const QString &format)
{
    const QDateTime there = time.toTimeZone(zone.isValid() ? zone : QTimeZone::utc());
    return QLocale().toString(there, format) + u' ' + there.timeZoneAbbreviation();
}
} // namespace

QString DisplayText::dateTime(const QDateTime &time, const QTimeZone &zone)
{
    if (!time.isValid())
        return tr("—");
    return zoned(time, zone, tr("ddd d MMM yyyy, HH:mm", "date-time format"));
}

QString DisplayText::timeOfDay(const QDateTime &time, const QTimeZone &zone)
{
    if (!time.isValid())
        return tr("—");
    return zoned(time, zone, u"HH:mm"_s);
}

QTimeZone DisplayText::localZone()
{
    return QTimeZone::systemTimeZone();
}

QString DisplayText::seatList(const QList<int> &seats)
{
    QStringList parts;
    for (int n : seats)
        parts.append(QString::number(n));
    return parts.join(u", "_s);
}

QString DisplayText::clock(qint64 seconds)
{
    seconds = std::max<qint64>(0, seconds);
    return u"%1:%2"_s.arg(seconds / 60).arg(seconds % 60, 2, 10, QLatin1Char('0'));
}

QString DisplayText::duration(qint64 seconds)
{
    if (seconds < 60)
        return tr("less than a minute");
    return tr("about %n min", nullptr, int((seconds + 59) / 60));
}

QString DisplayText::durationRange(qint64 lowSeconds, qint64 highSeconds)
{
    const qint64 low = (std::max<qint64>(0, lowSeconds) + 59) / 60;
    const qint64 high = (std::max(lowSeconds, highSeconds) + 59) / 60;
    if (high <= 1)
        return duration(highSeconds);
    if (low == high)
        return duration(highSeconds);
    return tr("%1–%2 min").arg(std::max<qint64>(low, 1)).arg(high);
}

QString DisplayText::seatWaitStatus(SeatWaitStatus status)
{
    switch (status) {
    case SeatWaitStatus::Waiting:
        return tr("Waiting");
    case SeatWaitStatus::Offered:
        return tr("Offered to you");
    case SeatWaitStatus::Accepted:
        return tr("Bought");
    case SeatWaitStatus::Declined:
        return tr("Declined");
    case SeatWaitStatus::Lapsed:
        return tr("Offer ran out");
    case SeatWaitStatus::Left:
        return tr("Left the list");
    case SeatWaitStatus::Cleared:
        return tr("Cleared by the box office");
    }
    return {};
}

QString DisplayText::seatWaitTarget(const SeatWait &wait)
{
    if (!wait.tier.isEmpty())
        return tr("any %1 seat").arg(wait.tier);
    return tr("seat(s) %1", nullptr, int(wait.seats.size())).arg(seatList(wait.seats));
}

QString DisplayText::seatDescription(const Seat &seat, bool selected, bool offered)
{
    QString status = seatStatus(seat.status);
    if (seat.mine)
        status = seat.status == SeatStatus::Sold ? tr("your ticket") : tr("held by you");
    if (offered && seat.mine && seat.status == SeatStatus::Held)
        status = tr("offered to you — pay before the offer runs out");
    if (selected)
        status = tr("selected");
    QStringList parts {tr("Seat %1").arg(seat.number)};
    if (!seat.tier.isEmpty())
        parts.append(seat.tier);
    parts.append(money::format(seat.price));
    parts.append(status);
    return parts.join(u", "_s);
}

} // namespace encore
