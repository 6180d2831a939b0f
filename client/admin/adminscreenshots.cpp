// The staff console's part of the screenshot mode: every admin tab with believable sample data
// (no server), saved as admin-*.png next to the customer screens.
#include "app/screenshotter.h"

#include "admin/adminwindow.h"
#include "admin/audittab.h"
#include "admin/concertstab.h"
#include "admin/queuetab.h"
#include "admin/salestab.h"
#include "admin/seatstab.h"
#include "admin/topupstab.h"
#include "app/sampledata.h"
#include "net/adminapi.h"
#include "widgets/noticebar.h"
#include "widgets/seatmapwidget.h"

#include <QApplication>
#include <QJsonArray>
#include <QUuid>

#include <cmath>

using namespace Qt::StringLiterals;

namespace encore {

namespace {

QString uuidFor(const QString &seed)
{
    return QUuid::createUuidV5(QUuid(), seed).toString(QUuid::WithoutBraces);
}

AdminSeatMap adminSeatMap(qint64 scheduleId)
{
    const SeatMap map = sample::seatMap(scheduleId);
    const QStringList customers {u"minji"_s, u"jisoo.park"_s, u"hyun_woo"_s,
                                 u"dana"_s,  u"seojun"_s,     u"yuna.k"_s};
    AdminSeatMap admin;
    admin.scheduleId = map.scheduleId;
    admin.version = map.version;
    int i = 0;
    for (Seat seat : map.seats) {
        AdminSeat s;
        seat.mine = false;
        s.seat = seat;
        if (seat.status == SeatStatus::Held || seat.status == SeatStatus::Sold) {
            // Neighbouring seats go to the same customer, as real holds of 2–4 seats do.
            const QString who = customers.at((seat.number / 3 + i) % customers.size());
            s.holder = who;
            s.reservationId = uuidFor(who + QString::number(seat.number / 3));
            if (seat.status == SeatStatus::Held && !seat.heldUntil.isValid())
                s.seat.heldUntil = sample::now().addSecs(60 + 37 * seat.number % 240);
            if (seat.status == SeatStatus::Sold)
                s.paidAt = sample::now().addSecs(-3600 * (1 + seat.number % 30));
        }
        admin.seats.append(s);
        ++i;
    }
    return admin;
}

SalesReport salesReport()
{
    SalesReport report;
    const int sold[] {11, 31, 4, 38, 44, 29};
    const int held[] {7, 5, 2, 3, 2, 6};
    const int blocked[] {2, 0, 0, 1, 0, 2};
    int k = 0;
    for (const Concert &c : sample::concerts()) {
        for (const Schedule &s : c.schedules) {
            SalesRow row;
            row.scheduleId = s.id;
            row.concertId = c.id;
            row.title = c.title;
            row.startsAt = s.startsAt;
            SalesFigures &f = row.figures;
            f.sold = sold[k % 6];
            f.held = held[k % 6];
            f.blocked = blocked[k % 6];
            f.available = 50 - f.sold - f.held - f.blocked;
            f.revenue = Money(f.sold) * 112'000 - (k % 2) * 33'000;
            report.append(row);
            ++k;
        }
    }
    return report;
}

ReconciliationReport reconciliation(bool clean)
{
    ReconciliationReport r;
    r.ok = clean;
    for (const FindingKind kind : allValues<FindingKind>())
        r.findings.append({kind, {}});
    if (!clean) {
        FindingRow unpaid;
        unpaid.scheduleId = 21;
        unpaid.number = 33;
        unpaid.reservationId = uuidFor(u"lost"_s);
        r.findings[int(FindingKind::SoldSeatsWithoutPayment)].rows.append(unpaid);
        FindingRow ledger;
        ledger.username = u"hyun_woo"_s;
        ledger.balance = 310'000;
        ledger.ledgerSum = 300'000;
        r.findings[int(FindingKind::LedgerMismatches)].rows.append(ledger);
    }
    r.revenue = salesReport().revenue();
    r.payments = r.revenue + 231'000;
    r.refunds = 231'000;
    r.topUps = 24'500'000;
    r.walletBalances = r.topUps - r.payments + r.refunds;
    return r;
}

QList<AuditEntry> auditEntries()
{
    const auto entry = [](qint64 id, const QString &actor, const QString &action,
                          const QString &target, const QJsonObject &details, int minutesAgo) {
        AuditEntry e;
        e.id = id;
        e.actor = actor;
        e.action = action;
        e.target = target;
        e.details = details;
        e.createdAt = sample::now().addSecs(-60 * minutesAgo);
        return e;
    };
    return {
        entry(9, u"staff"_s, u"seat.release"_s, u"schedule:11/seat:23"_s,
              {{wordOf(AuditDetail::Holder), u"dana"_s}, {wordOf(AuditDetail::SeatsFreed), 2}}, 2),
        entry(8, u"staff"_s, u"queue.settings"_s, u"concert:1"_s,
              QueueSettings {150, 300, 600, false, {}, {}}.toJson(), 6),
        entry(7, u"eunji.ops"_s, u"seat.block"_s, u"schedule:11/seat:41"_s, {}, 31),
        entry(6, u"eunji.ops"_s, u"seat.block"_s, u"schedule:11/seat:10"_s, {}, 32),
        entry(5, u"staff"_s, u"schedule.prices"_s, u"schedule:13"_s,
              {{wordOf(AuditDetail::Tiers), QJsonObject {{u"VIP"_s, 176'000}}},
               {wordOf(AuditDetail::ChangedSeats), 10}},
              95),
        entry(4, u"staff"_s, u"schedule.create"_s, u"schedule:31"_s,
              {{wordOf(AuditDetail::ConcertId), 3}}, 180),
        entry(3, u"staff"_s, u"concert.create"_s, u"concert:3"_s,
              {{wordOf(AuditDetail::Title), u"Han River Jazz Night"_s}}, 182),
        entry(2, u"staff"_s, u"schedule.create"_s, u"schedule:22"_s,
              {{wordOf(AuditDetail::ConcertId), 2}}, 1440),
        entry(1, u"staff"_s, u"concert.create"_s, u"concert:2"_s,
              {{wordOf(AuditDetail::Title), u"Neon Tide Live 2026"_s}}, 1442),
    };
}

// Card top-ups of a busy evening: paid ones, a declined card, one given back to the card.
QList<TopUpOrder> topUpOrders()
{
    struct Sample {
        const char16_t *who;
        Money amount;
        TopUpOrderStatus status;
        int minutesAgo;
    };
    const Sample samples[] {
        {u"minji", 300'000, TopUpOrderStatus::Paid, 4},
        {u"jisoo.park", 100'000, TopUpOrderStatus::Failed, 9},
        {u"hyun_woo", 500'000, TopUpOrderStatus::Paid, 17},
        {u"dana", 50'000, TopUpOrderStatus::Cancelled, 41},
        {u"seojun", 200'000, TopUpOrderStatus::Pending, 1},
        {u"yuna.k", 150'000, TopUpOrderStatus::Paid, 63},
    };
    QList<TopUpOrder> orders;
    int i = 0;
    for (const Sample &s : samples) {
        TopUpOrder o;
        o.id = QUuid(uuidFor(u"topup"_s + QString::number(i)));
        o.username = QString::fromUtf16(s.who);
        o.amount = s.amount;
        o.status = s.status;
        o.createdAt = sample::now().addSecs(-60 * s.minutesAgo);
        if (s.status != TopUpOrderStatus::Pending) {
            o.paymentKey = u"pay_%1"_s.arg(uuidFor(o.username).remove(u'-').left(20));
            o.cardBrand = i % 2 ? u"MASTERCARD"_s : u"VISA"_s;
            o.cardLast4 = i % 2 ? u"4444"_s : u"4242"_s;
            o.settledAt = o.createdAt.addSecs(3);
        }
        if (s.status == TopUpOrderStatus::Failed) {
            o.failureCode = u"REJECT_CARD_COMPANY"_s;
            o.failureMessage = u"The card company declined the payment."_s;
            o.settledAt = QDateTime();
        }
        orders.append(o);
        ++i;
    }
    std::sort(orders.begin(), orders.end(),
              [](const TopUpOrder &a, const TopUpOrder &b) { return a.createdAt > b.createdAt; });
    return orders;
}

} // namespace

void Screenshotter::shootAdmin(const QString &suffix, bool everything)
{
    ApiClient api;
    api.setBaseUrl(QUrl(u"http://127.0.0.1:9"_s));
    Session session;
    session.user.username = u"staff"_s;
    session.user.role = Role::Staff;
    AdminWindow window(&api, session, m_languages);
    window.adminApi()->setOffline(true);
    const QList<Concert> concerts = sample::concerts();
    window.setConcerts(concerts);

    window.concertsTab()->selectSchedule(concerts.first().schedules.first().id);
    window.showTab(AdminWindow::Tab::Concerts);
    save(&window, u"admin-concerts"_s + suffix);
    if (everything) {
        window.concertsTab()->selectConcert(concerts.at(1).id);
        save(&window, u"admin-concert-edit"_s);
    }

    const qint64 scheduleId = concerts.first().schedules.first().id;
    window.seatsTab()->showSchedule(scheduleId);
    window.seatsTab()->setSeatMap(adminSeatMap(scheduleId));
    window.showTab(AdminWindow::Tab::Seats);
    window.seatsTab()->seatMapWidget()->setSeatSelected(23, true);
    window.seatsTab()->seatMapWidget()->setSeatSelected(24, true);
    save(&window, u"admin-seats"_s + suffix);
    window.seatsTab()->seatMapWidget()->clearSelection();
    if (everything)
        save(&window, u"admin-seats-overview"_s);

    // Six minutes of a flash sale: the line swells, admissions run at the rate, then it drains.
    window.showTab(AdminWindow::Tab::Queue);
    const QDateTime end = QDateTime::currentDateTime();
    for (int i = 0; i < QueueTab::kMaxPoints; ++i) {
        const double t = i / double(QueueTab::kMaxPoints - 1);
        QueueStats s;
        s.concertId = concerts.first().id;
        s.settings = {150, 300, 600, false};
        s.waiting = qint64(1800 * std::exp(-std::pow((t - 0.35) / 0.22, 2)) + 40);
        s.admittedLastMinute = t < 0.08 ? qint64(t / 0.08 * 300) : 290 + (i % 7);
        s.active = std::min<qint64>(150, 60 + i);
        s.completed = qint64(i * 4.6);
        s.etaAtBackSeconds = s.waiting * 60 / 300;
        window.queueTab()->addStats(s, end.addSecs(2 * (i - QueueTab::kMaxPoints + 1)));
    }
    save(&window, u"admin-queue"_s + suffix);

    window.salesTab()->setSales(salesReport());
    window.salesTab()->setReconciliation(reconciliation(true));
    window.showTab(AdminWindow::Tab::Sales);
    save(&window, u"admin-sales"_s + suffix);
    if (everything) {
        window.salesTab()->setReconciliation(reconciliation(false));
        save(&window, u"admin-sales-problems"_s);
    }

    window.auditTab()->setEntries(auditEntries());
    window.showTab(AdminWindow::Tab::Audit);
    save(&window, u"admin-audit"_s + suffix);

    // Last: showing the tab asks the (absent) server, whose failure would show in later shots.
    window.topUpsTab()->setOrders(topUpOrders());
    window.showTab(AdminWindow::Tab::TopUps);
    window.topUpsTab()->selectOrder(window.topUpsTab()->orders().at(1).id);
    save(&window, u"admin-topups"_s + suffix);
    window.hide();
}

} // namespace encore
