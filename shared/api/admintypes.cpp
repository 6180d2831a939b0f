#include "admintypes.h"

#include "api/apitypes.h"
#include "apipaths.h"
#include "jsonreader.h"

#include <limits>

using namespace Qt::StringLiterals;

namespace encore {

namespace {

constexpr qint64 kMaxCount = std::numeric_limits<qint64>::max() / 2;

QJsonValue gatewayStatusWord(const std::optional<gateway::PaymentStatus> &status)
{
    return status ? QJsonValue(gateway::paymentStatusName(*status)) : QJsonValue();
}

QJsonObject pricesJson(const QMap<QString, Money> &prices)
{
    QJsonObject tiers;
    for (auto it = prices.cbegin(); it != prices.cend(); ++it)
        tiers.insert(it.key(), it.value());
    return tiers;
}

// {"VIP": 1000, ...}: every value a price; keys are checked by the server's rules, not here.
Result<QMap<QString, Money>> pricesFrom(const QJsonObject &tiers)
{
    QMap<QString, Money> out;
    JsonReader r(tiers);
    for (auto it = tiers.constBegin(); it != tiers.constEnd(); ++it)
        out.insert(it.key(), r.integer(it.key(), 0, money::kMaxPrice));
    if (!r.ok())
        return r.error();
    return out;
}

QJsonValue textOrNull(const QString &text)
{
    return text.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text);
}

} // namespace

QJsonObject ConcertDraft::toJson() const
{
    QJsonObject o {{u"title"_s, title.trimmed()},
                   {u"artist"_s, artist.trimmed()},
                   {u"venue"_s, venue.trimmed()},
                   {u"description"_s, description.trimmed()}};
    if (!timeZone.isEmpty())
        o.insert(u"timeZone"_s, timeZone.trimmed());
    return o;
}

Result<ConcertDraft> ConcertDraft::fromJson(const QJsonObject &json)
{
    JsonReader r(json);
    ConcertDraft d;
    d.title = r.string(u"title"_s, 1, 200);
    d.artist = r.optionalString(u"artist"_s, 200).value_or(QString());
    d.venue = r.optionalString(u"venue"_s, 200).value_or(QString());
    d.description = r.optionalString(u"description"_s, 5000).value_or(QString());
    // Checked against the time-zone database by the server (a 422 naming the field).
    d.timeZone = r.optionalString(u"timeZone"_s, 64).value_or(QString()).trimmed();
    if (!r.ok())
        return r.error();
    return d;
}

QJsonObject ScheduleDraft::toJson() const
{
    QJsonObject o {{u"startsAt"_s, isoTime(startsAt)},
                   {u"salesOpenAt"_s, isoTime(salesOpenAt)},
                   {u"salesCloseAt"_s, isoTime(salesCloseAt)}};
    if (!prices.isEmpty())
        o.insert(u"prices"_s, pricesJson(prices));
    return o;
}

Result<ScheduleDraft> ScheduleDraft::fromJson(const QJsonObject &json)
{
    JsonReader r(json);
    ScheduleDraft d;
    d.startsAt = r.dateTime(u"startsAt"_s);
    d.salesOpenAt = r.dateTime(u"salesOpenAt"_s);
    d.salesCloseAt = r.optionalDateTime(u"salesCloseAt"_s).value_or(d.startsAt);
    const QJsonObject prices = json.value(u"prices"_s).toObject();
    if (!r.ok())
        return r.error();
    auto tiers = pricesFrom(prices);
    if (!tiers)
        return tiers.error();
    d.prices = std::move(tiers).value();
    return d;
}

QJsonObject PriceChange::toJson() const
{
    QJsonObject o {{u"tiers"_s, pricesJson(tiers)}};
    if (!seats.isEmpty()) {
        QJsonArray list;
        for (auto it = seats.cbegin(); it != seats.cend(); ++it)
            list.append(QJsonObject {{u"number"_s, it.key()}, {u"price"_s, it.value()}});
        o.insert(u"seats"_s, list);
    }
    return o;
}

Result<PriceChange> PriceChange::fromJson(const QJsonObject &json)
{
    auto tiers = pricesFrom(json.value(u"tiers"_s).toObject());
    if (!tiers)
        return tiers.error();
    PriceChange change;
    change.tiers = std::move(tiers).value();
    for (const QJsonValue &v : json.value(u"seats"_s).toArray()) {
        JsonReader seat(v.toObject());
        const int number = int(seat.integer(u"number"_s, 1, api::kSeatsPerSchedule));
        const Money price = seat.integer(u"price"_s, 0, money::kMaxPrice);
        if (!seat.ok())
            return seat.error();
        change.seats.insert(number, price);
    }
    return change;
}

QJsonObject AdminSeat::toJson() const
{
    QJsonObject o = seat.toJson();
    o.insert(u"holder"_s, textOrNull(holder));
    o.insert(u"reservationId"_s, textOrNull(reservationId));
    o.insert(u"paidAt"_s, isoTimeOrNull(paidAt));
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

QJsonObject AdminSeatMap::toJson() const
{
    return {
        {u"scheduleId"_s, scheduleId}, {u"version"_s, version}, {u"seats"_s, encodeList(seats)}};
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

std::optional<ApiError> QueueSettings::validate() const
{
    JsonReader r(toJson());
    r.integer(u"maxActive"_s, 1, 1'000'000);
    r.integer(u"admitPerMinute"_s, 1, 1'000'000);
    r.integer(u"activeTtlSeconds"_s, 10, 86'400);
    r.optionalInteger(u"preQueueMinutes"_s, 0, kMaxPreQueueMinutes);
    r.optionalInteger(u"maxAccountsPerAddress"_s, 1, 100'000);
    if (!r.ok())
        return r.error();
    return std::nullopt;
}

QJsonObject QueueSettings::toJson() const
{
    QJsonObject o {{u"maxActive"_s, maxActive},
                   {u"admitPerMinute"_s, admitPerMinute},
                   {u"activeTtlSeconds"_s, activeTtlSeconds},
                   {u"paused"_s, paused}};
    if (preQueueMinutes)
        o.insert(u"preQueueMinutes"_s, *preQueueMinutes);
    if (maxAccountsPerAddress)
        o.insert(u"maxAccountsPerAddress"_s, *maxAccountsPerAddress);
    return o;
}

Result<QueueSettings> QueueSettings::fromJson(const QJsonObject &json)
{
    JsonReader r(json);
    QueueSettings s;
    s.maxActive = int(r.integer(u"maxActive"_s, 0, 1'000'000));
    s.admitPerMinute = int(r.integer(u"admitPerMinute"_s, 0, 1'000'000));
    s.activeTtlSeconds = int(r.integer(u"activeTtlSeconds"_s, 0, 86'400 * 365));
    s.paused = r.boolean(u"paused"_s);
    // Range-checked by validate(), like the fields above (a decoded value says what was sent).
    if (const auto m = r.optionalInteger(u"preQueueMinutes"_s, 0, 1'000'000))
        s.preQueueMinutes = int(*m);
    if (const auto n = r.optionalInteger(u"maxAccountsPerAddress"_s, 0, 1'000'000))
        s.maxAccountsPerAddress = int(*n);
    if (!r.ok())
        return r.error();
    return s;
}

QJsonObject QueueStats::toJson() const
{
    return {{u"concertId"_s, concertId},
            {u"waiting"_s, waiting},
            {u"active"_s, active},
            {u"admittedLastMinute"_s, admittedLastMinute},
            {u"completed"_s, completed},
            {u"etaAtBackSeconds"_s, etaAtBackSeconds},
            {u"settings"_s, settings.toJson()}};
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

namespace {

void writeFigures(QJsonObject &o, const SalesFigures &f)
{
    o.insert(u"sold"_s, f.sold);
    o.insert(u"held"_s, f.held);
    o.insert(u"available"_s, f.available);
    o.insert(u"blocked"_s, f.blocked);
    o.insert(u"revenue"_s, f.revenue);
    o.insert(u"refunded"_s, f.refunded);
}

SalesFigures readFigures(JsonReader &r)
{
    SalesFigures f;
    f.sold = int(r.integer(u"sold"_s, 0, 100'000'000));
    f.held = int(r.integer(u"held"_s, 0, 100'000'000));
    f.available = int(r.integer(u"available"_s, 0, 100'000'000));
    f.blocked = int(r.optionalInteger(u"blocked"_s, 0, 100'000'000).value_or(0));
    f.revenue = r.integer(u"revenue"_s, 0, kMaxCount);
    f.refunded = r.optionalInteger(u"refunded"_s, 0, kMaxCount).value_or(0);
    return f;
}

} // namespace

SalesFigures &SalesFigures::operator+=(const SalesFigures &o)
{
    sold += o.sold;
    held += o.held;
    available += o.available;
    blocked += o.blocked;
    revenue += o.revenue;
    refunded += o.refunded;
    return *this;
}

QJsonObject SalesRow::toJson() const
{
    QJsonObject o {{u"scheduleId"_s, scheduleId},
                   {u"concertId"_s, concertId},
                   {u"title"_s, title},
                   {u"startsAt"_s, isoTime(startsAt)}};
    writeFigures(o, figures);
    return o;
}

Result<SalesRow> SalesRow::fromJson(const QJsonObject &json)
{
    JsonReader r(json);
    SalesRow row;
    row.scheduleId = r.integer(u"scheduleId"_s, 1, kMaxCount);
    row.concertId = r.integer(u"concertId"_s, 1, kMaxCount);
    row.title = r.optionalString(u"title"_s).value_or(QString());
    row.startsAt = r.dateTime(u"startsAt"_s);
    row.figures = readFigures(r);
    if (!r.ok())
        return r.error();
    return row;
}

QJsonObject ConcertSales::toJson() const
{
    QJsonObject o {{u"concertId"_s, concertId}, {u"title"_s, title}};
    writeFigures(o, figures);
    return o;
}

Result<ConcertSales> ConcertSales::fromJson(const QJsonObject &json)
{
    JsonReader r(json);
    ConcertSales c;
    c.concertId = r.integer(u"concertId"_s, 1, kMaxCount);
    c.title = r.optionalString(u"title"_s).value_or(QString());
    c.figures = readFigures(r);
    if (!r.ok())
        return r.error();
    return c;
}

Money SalesReport::revenue() const
{
    Money sum = 0;
    for (const SalesRow &row : schedules)
        sum += row.figures.revenue;
    return sum;
}

void SalesReport::append(const SalesRow &row)
{
    schedules.append(row);
    for (ConcertSales &c : concerts) {
        if (c.concertId == row.concertId) {
            c.figures += row.figures;
            return;
        }
    }
    concerts.append({row.concertId, row.title, row.figures});
}

QJsonObject SalesReport::toJson() const
{
    return {{u"schedules"_s, encodeList(schedules)}, {u"concerts"_s, encodeList(concerts)}};
}

Result<SalesReport> SalesReport::fromJson(const QJsonObject &json)
{
    auto schedules = decodeList<SalesRow>(json, u"schedules"_s);
    if (!schedules)
        return schedules.error();
    SalesReport report;
    report.schedules = std::move(schedules).value();
    // Older servers answer no per-concert totals: they are the dates added up.
    if (json.contains(u"concerts"_s)) {
        auto concerts = decodeList<ConcertSales>(json, u"concerts"_s);
        if (!concerts)
            return concerts.error();
        report.concerts = std::move(concerts).value();
    } else {
        const QList<SalesRow> rows = std::exchange(report.schedules, {});
        for (const SalesRow &row : rows)
            report.append(row);
    }
    return report;
}

QJsonObject FindingRow::toJson(FindingKind kind) const
{
    switch (kind) {
    case FindingKind::PaymentsWithoutSoldSeats:
        return {{u"paymentId"_s, paymentId},
                {u"reservationId"_s, reservationId},
                {u"amount"_s, amount}};
    case FindingKind::SoldSeatsWithoutPayment:
        return {{u"scheduleId"_s, scheduleId},
                {u"number"_s, number},
                {u"reservationId"_s, reservationId}};
    case FindingKind::LedgerMismatches:
        return {{u"userId"_s, userId},
                {u"username"_s, username},
                {u"balance"_s, balance},
                {u"ledgerSum"_s, ledgerSum}};
    case FindingKind::PaymentAmountMismatches:
        return {{u"paymentId"_s, paymentId},
                {u"amount"_s, amount},
                {u"reservationTotal"_s, reservationTotal}};
    case FindingKind::OverdueHolds:
        return {{u"scheduleId"_s, scheduleId},
                {u"number"_s, number},
                {u"reservationId"_s, reservationId},
                {u"heldUntil"_s, isoTimeOrNull(heldUntil)}};
    case FindingKind::OrdersWithoutOneTopUpEntry:
        return {{u"orderId"_s, orderId},
                {u"amount"_s, amount},
                {u"entries"_s, entries},
                {u"credited"_s, credited}};
    case FindingKind::TopUpEntriesWithoutPaidOrder:
        return {{u"entryId"_s, entryId},
                {u"userId"_s, userId},
                {u"amount"_s, amount},
                {u"orderStatus"_s,
                 orderStatus ? QJsonValue(topUpOrderStatusName(*orderStatus)) : QJsonValue()}};
    case FindingKind::CardRefundMismatches:
        return {{u"orderId"_s, orderId}, {u"amount"_s, amount}, {u"debited"_s, debited}};
    case FindingKind::ChargedNotCredited:
        return {{u"paymentKey"_s, paymentKey},
                {u"orderId"_s, orderId},
                {u"amount"_s, amount},
                {u"gatewayStatus"_s, gatewayStatusWord(gatewayStatus)}};
    case FindingKind::GatewayDisagrees:
        return {{u"paymentKey"_s, paymentKey},
                {u"orderId"_s, orderId},
                {u"amount"_s, amount},
                {u"gatewayAmount"_s, gatewayAmount},
                {u"orderStatus"_s,
                 orderStatus ? QJsonValue(topUpOrderStatusName(*orderStatus)) : QJsonValue()},
                {u"gatewayStatus"_s, gatewayStatusWord(gatewayStatus)}};
    case FindingKind::CreditedNotSettled:
        return {{u"paymentKey"_s, paymentKey}, {u"orderId"_s, orderId}, {u"amount"_s, amount}};
    }
    return {};
}

Result<FindingRow> FindingRow::fromJson(const QJsonObject &json)
{
    JsonReader r(json);
    FindingRow row;
    // Every field is optional here: toJson(kind) decides which exist, and a row with a missing
    // field still names the problem.
    row.paymentId = r.optionalString(u"paymentId"_s, 100).value_or(QString());
    row.reservationId = r.optionalString(u"reservationId"_s, 100).value_or(QString());
    row.userId = r.optionalString(u"userId"_s, 100).value_or(QString());
    row.username = r.optionalString(u"username"_s, 200).value_or(QString());
    row.scheduleId = r.optionalInteger(u"scheduleId"_s, 0, kMaxCount).value_or(0);
    row.number = int(r.optionalInteger(u"number"_s, 0, api::kSeatsPerSchedule).value_or(0));
    row.amount = r.optionalInteger(u"amount"_s, -kMaxCount, kMaxCount).value_or(0);
    row.balance = r.optionalInteger(u"balance"_s, -kMaxCount, kMaxCount).value_or(0);
    row.ledgerSum = r.optionalInteger(u"ledgerSum"_s, -kMaxCount, kMaxCount).value_or(0);
    row.reservationTotal
        = r.optionalInteger(u"reservationTotal"_s, -kMaxCount, kMaxCount).value_or(0);
    row.heldUntil = r.optionalDateTime(u"heldUntil"_s).value_or(QDateTime());
    row.orderId = r.optionalString(u"orderId"_s, 100).value_or(QString());
    row.paymentKey = r.optionalString(u"paymentKey"_s, 200).value_or(QString());
    row.entryId = r.optionalInteger(u"entryId"_s, 0, kMaxCount).value_or(0);
    row.entries = int(r.optionalInteger(u"entries"_s, 0, kMaxCount).value_or(0));
    row.credited = r.optionalInteger(u"credited"_s, -kMaxCount, kMaxCount).value_or(0);
    row.debited = r.optionalInteger(u"debited"_s, -kMaxCount, kMaxCount).value_or(0);
    row.gatewayAmount = r.optionalInteger(u"gatewayAmount"_s, -kMaxCount, kMaxCount).value_or(0);
    if (!r.ok())
        return r.error();
    // A status word this build does not know is an error, never text shown to staff.
    if (const QString word = json.value(u"orderStatus"_s).toString(); !word.isEmpty()) {
        row.orderStatus = topUpOrderStatusFromName(word);
        if (!row.orderStatus)
            return ApiError::unknownWord(u"orderStatus"_s, word);
    }
    if (const QString word = json.value(u"gatewayStatus"_s).toString(); !word.isEmpty()) {
        row.gatewayStatus = gateway::paymentStatusFromName(word);
        if (!row.gatewayStatus)
            return ApiError::unknownWord(u"gatewayStatus"_s, word);
    }
    return row;
}

int ReconciliationReport::problemCount() const
{
    int n = 0;
    for (const Finding &f : findings)
        n += int(f.rows.size());
    return n + (settlements == SettlementCheck::Unreachable ? 1 : 0);
}

const ReconciliationReport::Finding &ReconciliationReport::finding(FindingKind kind) const
{
    static const Finding kNone {kind, {}};
    for (const Finding &f : findings) {
        if (f.kind == kind)
            return f;
    }
    return kNone;
}

QJsonObject ReconciliationReport::toJson() const
{
    QJsonObject o {{u"ok"_s, ok},
                   {u"totals"_s,
                    QJsonObject {{u"walletBalances"_s, walletBalances},
                                 {u"topUps"_s, topUps},
                                 {u"payments"_s, payments},
                                 {u"refunds"_s, refunds},
                                 {u"revenue"_s, revenue},
                                 {u"adjustments"_s, adjustments},
                                 {u"cardRefunds"_s, cardRefunds}}},
                   {u"gateway"_s,
                    QJsonObject {{u"settlements"_s, wordOf(settlements)},
                                 {u"settlementDays"_s, settlementDays}}}};
    for (const Finding &f : findings) {
        QJsonArray rows;
        for (const FindingRow &row : f.rows)
            rows.append(row.toJson(f.kind));
        o.insert(wordOf(f.kind), rows);
    }
    return o;
}

Result<ReconciliationReport> ReconciliationReport::fromJson(const QJsonObject &json)
{
    ReconciliationReport report;
    for (const FindingKind kind : allValues<FindingKind>()) {
        Finding finding {kind, {}};
        for (const QJsonValue &v : json.value(wordOf(kind)).toArray()) {
            auto row = FindingRow::fromJson(v.toObject());
            if (!row)
                return row.error();
            finding.rows.append(std::move(row).value());
        }
        report.findings.append(std::move(finding));
    }
    JsonReader r(json);
    report.ok = r.optionalBoolean(u"ok"_s).value_or(report.problemCount() == 0);
    JsonReader t(json.value(u"totals"_s).toObject());
    report.walletBalances
        = t.optionalInteger(u"walletBalances"_s, -kMaxCount, kMaxCount).value_or(0);
    report.topUps = t.optionalInteger(u"topUps"_s, -kMaxCount, kMaxCount).value_or(0);
    report.payments = t.optionalInteger(u"payments"_s, -kMaxCount, kMaxCount).value_or(0);
    report.refunds = t.optionalInteger(u"refunds"_s, -kMaxCount, kMaxCount).value_or(0);
    report.revenue = t.optionalInteger(u"revenue"_s, -kMaxCount, kMaxCount).value_or(0);
    report.adjustments = t.optionalInteger(u"adjustments"_s, -kMaxCount, kMaxCount).value_or(0);
    report.cardRefunds = t.optionalInteger(u"cardRefunds"_s, -kMaxCount, kMaxCount).value_or(0);
    JsonReader g(json.value(u"gateway"_s).toObject());
    report.settlementDays = int(g.optionalInteger(u"settlementDays"_s, 0, kMaxCount).value_or(0));
    if (!r.ok())
        return r.error();
    if (!t.ok())
        return t.error();
    if (!g.ok())
        return g.error();
    if (const QString word = json.value(u"gateway"_s).toObject().value(u"settlements"_s).toString();
        !word.isEmpty()) {
        const auto check = enumFromWord<SettlementCheck>(word);
        if (!check)
            return ApiError::unknownWord(u"settlements"_s, word);
        report.settlements = *check;
    }
    return report;
}

QJsonObject AuditEntry::toJson() const
{
    return {{u"id"_s, id},         {u"actor"_s, actor},     {u"action"_s, action},
            {u"target"_s, target}, {u"details"_s, details}, {u"createdAt"_s, isoTime(createdAt)}};
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
