#include "admintypes.h"

#include "net/apitypes.h"

#include "jsonreader.h"

#include <limits>

using namespace Qt::StringLiterals;

namespace encore {

namespace {

constexpr qint64 kMaxCount = std::numeric_limits<qint64>::max() / 2;

} // namespace

QJsonObject ConcertDraft::toJson() const
{
    return {{u"title"_s, title.trimmed()},
            {u"artist"_s, artist.trimmed()},
            {u"venue"_s, venue.trimmed()},
            {u"description"_s, description.trimmed()}};
}

QJsonObject ScheduleDraft::toJson() const
{
    QJsonObject o {{u"startsAt"_s, isoTime(startsAt)},
                   {u"salesOpenAt"_s, isoTime(salesOpenAt)},
                   {u"salesCloseAt"_s, isoTime(salesCloseAt)}};
    if (!prices.isEmpty()) {
        QJsonObject tiers;
        for (auto it = prices.cbegin(); it != prices.cend(); ++it)
            tiers.insert(it.key(), it.value());
        o.insert(u"prices"_s, tiers);
    }
    return o;
}

Result<AdminSeat> AdminSeat::fromJson(const QJsonObject &json)
{
    auto seat = Seat::fromJson(json);
    if (!seat)
        return seat.error();
    JsonReader r(json);
    AdminSeat s;
    s.seat = std::move(seat).value();
    s.holder = r.optionalString(u"holder"_s, 200).value_or(QString());
    s.reservationId = r.optionalString(u"reservationId"_s, 100).value_or(QString());
    s.paidAt = r.optionalDateTime(u"paidAt"_s).value_or(QDateTime());
    if (!r.ok())
        return r.error();
    return s;
}

SeatMap AdminSeatMap::toSeatMap() const
{
    SeatMap map;
    map.scheduleId = scheduleId;
    map.version = version;
    for (const AdminSeat &s : seats)
        map.seats.append(s.seat);
    return map;
}

std::optional<AdminSeat> AdminSeatMap::seat(int number) const
{
    for (const AdminSeat &s : seats) {
        if (s.seat.number == number)
            return s;
    }
    return std::nullopt;
}

Money AdminSeatMap::tierPrice(const QString &tier) const
{
    QMap<Money, int> counts;
    for (const AdminSeat &s : seats) {
        if (s.seat.tier == tier && s.seat.status != SeatStatus::Sold)
            ++counts[s.seat.price];
    }
    Money best = 0;
    int most = 0;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it) {
        if (it.value() > most) {
            most = it.value();
            best = it.key();
        }
    }
    return best;
}

Result<AdminSeatMap> AdminSeatMap::fromJson(const QJsonObject &json)
{
    auto seats = decodeList<AdminSeat>(json, u"seats"_s);
    if (!seats)
        return seats.error();
    JsonReader r(json);
    AdminSeatMap map;
    map.scheduleId = r.integer(u"scheduleId"_s, 1, kMaxCount);
    map.version = r.optionalInteger(u"version"_s, 0, kMaxCount).value_or(0);
    map.seats = std::move(seats).value();
    if (!r.ok())
        return r.error();
    return map;
}

QJsonObject QueueSettings::toJson() const
{
    return {{u"maxActive"_s, maxActive},
            {u"admitPerMinute"_s, admitPerMinute},
            {u"activeTtlSeconds"_s, activeTtlSeconds},
            {u"paused"_s, paused}};
}

Result<QueueSettings> QueueSettings::fromJson(const QJsonObject &json)
{
    JsonReader r(json);
    QueueSettings s;
    s.maxActive = int(r.integer(u"maxActive"_s, 0, 1'000'000));
    s.admitPerMinute = int(r.integer(u"admitPerMinute"_s, 0, 1'000'000));
    s.activeTtlSeconds = int(r.integer(u"activeTtlSeconds"_s, 0, 86'400 * 365));
    s.paused = r.optionalBoolean(u"paused"_s).value_or(false);
    if (!r.ok())
        return r.error();
    return s;
}

Result<QueueStats> QueueStats::fromJson(const QJsonObject &json)
{
    auto settings = decodeField<QueueSettings>(json, u"settings"_s);
    if (!settings)
        return settings.error();
    JsonReader r(json);
    QueueStats s;
    s.concertId = r.optionalInteger(u"concertId"_s, 0, kMaxCount).value_or(0);
    s.waiting = r.integer(u"waiting"_s, 0, kMaxCount);
    s.active = r.integer(u"active"_s, 0, kMaxCount);
    s.admittedLastMinute = r.optionalInteger(u"admittedLastMinute"_s, 0, kMaxCount).value_or(0);
    s.completed = r.optionalInteger(u"completed"_s, 0, kMaxCount).value_or(0);
    s.etaAtBackSeconds = r.optionalInteger(u"etaAtBackSeconds"_s, 0, kMaxCount).value_or(0);
    s.settings = std::move(settings).value();
    if (!r.ok())
        return r.error();
    return s;
}

Money SalesReport::revenue() const
{
    Money sum = 0;
    for (const SalesRow &row : schedules)
        sum += row.revenue;
    return sum;
}

Result<SalesReport> SalesReport::fromJson(const QJsonObject &json)
{
    JsonReader top(json);
    const QJsonArray list = top.array(u"schedules"_s);
    if (!top.ok())
        return top.error();
    SalesReport report;
    for (const QJsonValue &v : list) {
        JsonReader r(v.toObject());
        SalesRow row;
        row.scheduleId = r.integer(u"scheduleId"_s, 1, kMaxCount);
        row.concertId = r.integer(u"concertId"_s, 1, kMaxCount);
        row.title = r.optionalString(u"title"_s).value_or(QString());
        row.startsAt = r.dateTime(u"startsAt"_s);
        row.sold = int(r.integer(u"sold"_s, 0, 100'000));
        row.held = int(r.integer(u"held"_s, 0, 100'000));
        row.available = int(r.integer(u"available"_s, 0, 100'000));
        row.blocked = int(r.optionalInteger(u"blocked"_s, 0, 100'000).value_or(0));
        row.revenue = r.integer(u"revenue"_s, 0, kMaxCount);
        row.refunded = r.optionalInteger(u"refunded"_s, 0, kMaxCount).value_or(0);
        if (!r.ok())
            return r.error();
        report.schedules.append(row);
    }
    return report;
}

int ReconciliationReport::problemCount() const
{
    int n = 0;
    for (const Finding &f : findings)
        n += int(f.rows.size());
    return n;
}

Result<ReconciliationReport> ReconciliationReport::fromJson(const QJsonObject &json)
{
    JsonReader r(json);
    ReconciliationReport report;
    for (const QString &kind :
         {u"paymentsWithoutSoldSeats"_s, u"soldSeatsWithoutPayment"_s, u"ledgerMismatches"_s,
          u"paymentAmountMismatches"_s, u"overdueHolds"_s})
        report.findings.append({kind, json.value(kind).toArray()});
    report.ok = r.optionalBoolean(u"ok"_s).value_or(report.problemCount() == 0);
    const QJsonObject totals = json.value(u"totals"_s).toObject();
    JsonReader t(totals);
    report.walletBalances
        = t.optionalInteger(u"walletBalances"_s, -kMaxCount, kMaxCount).value_or(0);
    report.topUps = t.optionalInteger(u"topUps"_s, -kMaxCount, kMaxCount).value_or(0);
    report.payments = t.optionalInteger(u"payments"_s, -kMaxCount, kMaxCount).value_or(0);
    report.refunds = t.optionalInteger(u"refunds"_s, -kMaxCount, kMaxCount).value_or(0);
    report.revenue = t.optionalInteger(u"revenue"_s, -kMaxCount, kMaxCount).value_or(0);
    if (!r.ok())
        return r.error();
    if (!t.ok())
        return t.error();
    return report;
}

Result<AuditEntry> AuditEntry::fromJson(const QJsonObject &json)
{
    JsonReader r(json);
    AuditEntry e;
    e.id = r.integer(u"id"_s, 0, kMaxCount);
    e.actor = r.optionalString(u"actor"_s, 200).value_or(QString());
    e.action = r.string(u"action"_s, 1, 200);
    e.target = r.optionalString(u"target"_s, 500).value_or(QString());
    e.details = json.value(u"details"_s).toObject();
    e.createdAt = r.dateTime(u"createdAt"_s);
    if (!r.ok())
        return r.error();
    return e;
}

} // namespace encore
