#include "sampledata.h"

#include <QUuid>

using namespace Qt::StringLiterals;

namespace encore::sample {

QDateTime now()
{
    return QDateTime::currentDateTimeUtc();
}

QString tierOf(int seatNumber)
{
    const int row = (seatNumber - 1) / 10;
    return row == 0 ? u"VIP"_s : row == 1 ? u"R"_s : row <= 3 ? u"S"_s : u"A"_s;
}

Money tierPrice(const QString &tier)
{
    if (tier == u"VIP")
        return 165'000;
    if (tier == u"R")
        return 132'000;
    if (tier == u"S")
        return 99'000;
    return 77'000;
}

namespace {

Schedule schedule(qint64 id, qint64 concertId, int daysAhead, int hour, int available,
                  int salesOpenDays = -7)
{
    Schedule s;
    s.id = id;
    s.concertId = concertId;
    // Sample concerts are at Seoul venues: their evenings are Seoul evenings.
    const QTimeZone seoul(kDefaultVenueTimeZone);
    const QDate day = now().toTimeZone(seoul).date().addDays(daysAhead);
    s.startsAt = QDateTime(day, QTime(hour, 0), seoul).toUTC();
    s.salesOpenAt = now().addDays(salesOpenDays);
    s.salesCloseAt = s.startsAt.addSecs(-3600);
    s.availableSeats = available;
    s.totalSeats = 50;
    s.minPrice = 77'000;
    s.maxPrice = 165'000;
    return s;
}

Concert concert(qint64 id, const QString &title, const QString &artist, const QString &venue,
                const QString &description, QList<Schedule> schedules)
{
    Concert c;
    c.id = id;
    c.title = title;
    c.artist = artist;
    c.venue = venue;
    c.description = description;
    c.schedules = std::move(schedules);
    return c;
}

Reservation reservation(const QString &title, int daysAhead, QList<int> seats,
                        ReservationStatus status)
{
    Reservation r;
    r.id = QUuid::createUuidV5(QUuid(), title + QString::number(seats.first()));
    r.scheduleId = 11;
    r.concertId = 1;
    r.seats = seats;
    r.status = status;
    for (int n : seats)
        r.total += tierPrice(tierOf(n));
    r.concertTitle = title;
    const QTimeZone seoul(kDefaultVenueTimeZone);
    r.startsAt = QDateTime(now().toTimeZone(seoul).date().addDays(daysAhead), QTime(19, 30), seoul)
                     .toUTC();
    r.timeZone = QString::fromLatin1(kDefaultVenueTimeZone);
    r.createdAt = now().addDays(-2);
    if (status == ReservationStatus::Held)
        r.heldUntil = now().addSecs(240);
    if (status == ReservationStatus::Paid || status == ReservationStatus::Refunded)
        r.paidAt = now().addDays(-2);
    return r;
}

} // namespace

QList<Concert> concerts()
{
    return {
        concert(1, u"Aurora Nights"_s, u"Lumen Quartet"_s, u"Olympic Hall, Seoul"_s,
                u"An evening of neo-classical light shows and strings under the dome."_s,
                {schedule(11, 1, 12, 19, 37), schedule(12, 1, 13, 19, 0),
                 schedule(13, 1, 40, 18, 50, 10)}),
        concert(2, u"Neon Tide Live 2026"_s, u"NEON TIDE"_s, u"KSPO Dome"_s,
                u"The synth-pop five-piece brings its arena tour home."_s,
                {schedule(21, 2, 20, 18, 12), schedule(22, 2, 21, 17, 44)}),
        concert(3, u"Han River Jazz Night"_s, u"Seo Min-ji Trio"_s, u"Sejong Center Chamber Hall"_s,
                u"Standards and originals by the river, in an intimate hall."_s,
                {schedule(31, 3, 5, 20, 3)}),
    };
}

SeatMap seatMap(qint64 scheduleId)
{
    SeatMap map;
    map.scheduleId = scheduleId;
    map.version = 42;
    const QList<int> held {4, 5, 23, 24, 38};
    const QList<int> sold {1, 2, 3, 12, 13, 14, 15, 31, 32, 47, 48};
    const QList<int> blocked {10, 41};
    const QList<int> mine {17, 18};
    for (int n = 1; n <= 50; ++n) {
        Seat s;
        s.number = n;
        s.tier = tierOf(n);
        s.price = tierPrice(s.tier);
        s.version = 40;
        if (held.contains(n))
            s.status = SeatStatus::Held;
        else if (sold.contains(n))
            s.status = SeatStatus::Sold;
        else if (blocked.contains(n))
            s.status = SeatStatus::Blocked;
        if (mine.contains(n)) {
            s.status = SeatStatus::Held;
            s.mine = true;
            s.heldUntil = now().addSecs(242);
        }
        map.seats.append(s);
    }
    return map;
}

QList<Reservation> reservations()
{
    return {
        reservation(u"Aurora Nights"_s, 12, {17, 18}, ReservationStatus::Held),
        reservation(u"Neon Tide Live 2026"_s, 20, {6, 7}, ReservationStatus::Paid),
        reservation(u"Han River Jazz Night"_s, 5, {22}, ReservationStatus::Paid),
        reservation(u"Aurora Nights"_s, 13, {44, 45, 46}, ReservationStatus::Refunded),
        reservation(u"Neon Tide Live 2026"_s, 21, {9}, ReservationStatus::Expired),
    };
}

WalletInfo wallet()
{
    WalletInfo w;
    w.wallet.balance = 271'000;
    w.wallet.updatedAt = now().addSecs(-600);
    return w;
}

QList<LedgerEntry> ledger()
{
    const auto entry = [](qint64 id, Money amount, Money after, LedgerKind kind, int hoursAgo) {
        LedgerEntry e;
        e.id = id;
        e.amount = amount;
        e.balanceAfter = after;
        e.kind = kind;
        e.reference = u"ref-%1"_s.arg(id);
        e.createdAt = now().addSecs(-3600 * hoursAgo);
        return e;
    };
    // Oldest last; each balanceAfter follows from the one before.
    return {entry(6, 231'000, 271'000, LedgerKind::Refund, 2),
            entry(5, -99'000, 40'000, LedgerKind::Payment, 26),
            entry(4, -231'000, 139'000, LedgerKind::Payment, 49),
            entry(3, 200'000, 370'000, LedgerKind::TopUp, 50),
            entry(2, -330'000, 170'000, LedgerKind::Payment, 72),
            entry(1, 500'000, 500'000, LedgerKind::TopUp, 96)};
}

QueueTicket waitingTicket()
{
    QueueTicket t;
    t.concertId = 1;
    t.status = QueueStatus::Waiting;
    t.position = 128;
    t.aheadCount = 127;
    t.eta = EtaRange {190, 150, 260};
    t.etaReason = EtaReason::RateChanged;
    t.etaChange = EtaChange::Longer;
    t.pollAfterMs = 2000;
    return t;
}

PaymentReceipt payment()
{
    PaymentReceipt p;
    p.reservation = reservations().first();
    p.reservation.status = ReservationStatus::Paid;
    p.reservation.paidAt = now();
    p.payment.id = QUuid::createUuidV5(QUuid(), u"payment"_s);
    p.payment.reservationId = p.reservation.id;
    p.payment.amount = p.reservation.total;
    p.payment.paidAt = now();
    p.balance = wallet().wallet.balance - p.reservation.total;
    return p;
}

} // namespace encore::sample
