#pragma once
// The staff API's shapes (/api/v1/admin/...) beyond the shared models: catalogue drafts and price
// changes, seats with their holders, queue settings and statistics, sales, reconciliation and
// audit entries. The server encodes with toJson(), the client decodes with fromJson() (and the
// other way round for what staff send). Value types, any thread.

#include "api/wordtable.h"
#include "models/seat.h"
#include "money.h"
#include "payments/gatewaypayment.h"
#include "payments/topuporder.h"
#include "result.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QMap>

#include <optional>

namespace encore {

// The seat tiers, front to back.
inline const QStringList kSeatTiers {QStringLiteral("VIP"), QStringLiteral("R"),
                                     QStringLiteral("S"), QStringLiteral("A")};

// POST /admin/concerts and PUT /admin/concerts/{id}.
struct ConcertDraft {
    QString title;
    QString artist;
    QString venue;
    QString description;
    QString timeZone; // IANA name; empty: the default zone on create, unchanged on update

    QJsonObject toJson() const; // "timeZone" only when set
    static Result<ConcertDraft> fromJson(const QJsonObject &json);
    friend bool operator==(const ConcertDraft &, const ConcertDraft &) = default;
};

// POST /admin/concerts/{id}/schedules (with prices) and PUT /admin/schedules/{id} (times only).
struct ScheduleDraft {
    QDateTime startsAt;
    QDateTime salesOpenAt;
    QDateTime salesCloseAt; // defaults to startsAt
    QMap<QString, Money> prices; // by tier

    QJsonObject toJson() const; // with "prices" when there are any
    static Result<ScheduleDraft> fromJson(const QJsonObject &json);
    friend bool operator==(const ScheduleDraft &, const ScheduleDraft &) = default;
};

// PUT /admin/schedules/{id}/prices: prices of unsold seats by tier and/or per seat.
struct PriceChange {
    QMap<QString, Money> tiers;
    QMap<int, Money> seats;

    QJsonObject toJson() const;
    static Result<PriceChange> fromJson(const QJsonObject &json);
    friend bool operator==(const PriceChange &, const PriceChange &) = default;
};

// A seat as staff see it: who holds or owns it.
struct AdminSeat {
    Seat seat;
    QString holder; // username; empty when free or blocked
    QString reservationId;
    QDateTime paidAt;

    QJsonObject toJson() const;
    static Result<AdminSeat> fromJson(const QJsonObject &json);
    friend bool operator==(const AdminSeat &, const AdminSeat &) = default;
};

struct AdminSeatMap {
    qint64 scheduleId = 0;
    qint64 version = 0;
    QList<AdminSeat> seats;

    SeatMap toSeatMap() const;
    std::optional<AdminSeat> seat(int number) const;
    // The price most unsold seats of a tier have (what a tier price edit starts from).
    Money tierPrice(const QString &tier) const;
    QJsonObject toJson() const;
    static Result<AdminSeatMap> fromJson(const QJsonObject &json);
    friend bool operator==(const AdminSeatMap &, const AdminSeatMap &) = default;
};

// The longest pre-queue window staff may set: a week.
inline constexpr int kMaxPreQueueMinutes = 10'080;

// GET (inside statistics) and PUT /admin/concerts/{id}/queue-settings.
struct QueueSettings {
    int maxActive = 0;
    int admitPerMinute = 0;
    int activeTtlSeconds = 0;
    bool paused = false;
    // Issue 15. Absent in a PUT: unchanged. Always present in what the server answers.
    // How long before sales open the pre-queue accepts joins (0..10080 minutes; 0: no pre-queue,
    // joins before opening are refused).
    std::optional<int> preQueueMinutes;
    // At most this many live accounts from one client address in this concert's queue
    // (1..100000); null in a PUT returns the concert to the server-wide default.
    std::optional<int> maxAccountsPerAddress;

    // What staff may set: VALIDATION_FAILED naming the field, or nothing.
    std::optional<ApiError> validate() const;
    QJsonObject toJson() const;
    static Result<QueueSettings> fromJson(const QJsonObject &json);
    friend bool operator==(const QueueSettings &, const QueueSettings &) = default;
};

// GET /admin/concerts/{id}/queue.
struct QueueStats {
    qint64 concertId = 0;
    qint64 waiting = 0;
    qint64 active = 0;
    qint64 admittedLastMinute = 0;
    qint64 completed = 0;
    qint64 etaAtBackSeconds = 0;
    QueueSettings settings;

    QJsonObject toJson() const;
    static Result<QueueStats> fromJson(const QJsonObject &json);
    friend bool operator==(const QueueStats &, const QueueStats &) = default;
};

// Seat counts and money of a date or a whole concert.
struct SalesFigures {
    int sold = 0;
    int held = 0;
    int available = 0;
    int blocked = 0;
    Money revenue = 0; // paid and not refunded
    Money refunded = 0;

    SalesFigures &operator+=(const SalesFigures &other);
    friend bool operator==(const SalesFigures &, const SalesFigures &) = default;
};

struct SalesRow {
    qint64 scheduleId = 0;
    qint64 concertId = 0;
    QString title;
    QDateTime startsAt;
    SalesFigures figures;

    QJsonObject toJson() const;
    static Result<SalesRow> fromJson(const QJsonObject &json);
    friend bool operator==(const SalesRow &, const SalesRow &) = default;
};

struct ConcertSales {
    qint64 concertId = 0;
    QString title;
    SalesFigures figures;

    QJsonObject toJson() const;
    static Result<ConcertSales> fromJson(const QJsonObject &json);
    friend bool operator==(const ConcertSales &, const ConcertSales &) = default;
};

// GET /admin/sales: per date, and per concert (the dates added up).
struct SalesReport {
    QList<SalesRow> schedules;
    QList<ConcertSales> concerts;

    Money revenue() const;
    // Adds a date and its figures to its concert's totals.
    void append(const SalesRow &row);
    QJsonObject toJson() const;
    static Result<SalesReport> fromJson(const QJsonObject &json);
    friend bool operator==(const SalesReport &, const SalesReport &) = default;
};

// The kinds of inconsistency reconciliation looks for; the word is the answer's key. The last
// six are the card gateway's part (TopUpService::addToReconciliation): our orders against our
// ledger, then against the gateway's settlement reports.
enum class FindingKind {
    PaymentsWithoutSoldSeats,
    SoldSeatsWithoutPayment,
    LedgerMismatches,
    PaymentAmountMismatches,
    OverdueHolds,
    OrdersWithoutOneTopUpEntry,
    TopUpEntriesWithoutPaidOrder,
    CardRefundMismatches,
    ChargedNotCredited,
    GatewayDisagrees,
    CreditedNotSettled,
};
template<> struct EnumWords<FindingKind> {
    static constexpr std::array<EnumWord<FindingKind>, 11> words {
        {{FindingKind::PaymentsWithoutSoldSeats, u"paymentsWithoutSoldSeats"},
         {FindingKind::SoldSeatsWithoutPayment, u"soldSeatsWithoutPayment"},
         {FindingKind::LedgerMismatches, u"ledgerMismatches"},
         {FindingKind::PaymentAmountMismatches, u"paymentAmountMismatches"},
         {FindingKind::OverdueHolds, u"overdueHolds"},
         {FindingKind::OrdersWithoutOneTopUpEntry, u"ordersWithoutOneTopUpEntry"},
         {FindingKind::TopUpEntriesWithoutPaidOrder, u"topUpEntriesWithoutPaidOrder"},
         {FindingKind::CardRefundMismatches, u"cardRefundMismatches"},
         {FindingKind::ChargedNotCredited, u"chargedNotCredited"},
         {FindingKind::GatewayDisagrees, u"gatewayDisagrees"},
         {FindingKind::CreditedNotSettled, u"creditedNotSettled"}}};
};

// Whether the gateway's settlement reports were compared: no gateway configured, compared, or
// the gateway could not be asked (itself a problem: the books cannot close unchecked).
enum class SettlementCheck { NotConfigured, Checked, Unreachable };
template<> struct EnumWords<SettlementCheck> {
    static constexpr std::array<EnumWord<SettlementCheck>, 3> words {
        {{SettlementCheck::NotConfigured, u"notConfigured"},
         {SettlementCheck::Checked, u"checked"},
         {SettlementCheck::Unreachable, u"unreachable"}}};
};

// One finding. Each kind uses some of the fields (FindingRow::toJson writes only those):
// paymentsWithoutSoldSeats: paymentId, reservationId, amount; soldSeatsWithoutPayment:
// scheduleId, number, reservationId; ledgerMismatches: userId, username, balance, ledgerSum;
// paymentAmountMismatches: paymentId, amount, reservationTotal; overdueHolds: scheduleId, number,
// reservationId, heldUntil; ordersWithoutOneTopUpEntry: orderId, amount, entries, credited;
// topUpEntriesWithoutPaidOrder: entryId, userId, amount, orderStatus (none: no such order);
// cardRefundMismatches: orderId, amount, debited; chargedNotCredited: paymentKey, orderId,
// amount, gatewayStatus; gatewayDisagrees: paymentKey, orderId, amount, gatewayAmount,
// orderStatus, gatewayStatus; creditedNotSettled: paymentKey, orderId, amount.
struct FindingRow {
    QString paymentId;
    QString reservationId;
    QString userId;
    QString username;
    qint64 scheduleId = 0;
    int number = 0;
    Money amount = 0;
    Money balance = 0;
    Money ledgerSum = 0;
    Money reservationTotal = 0;
    QDateTime heldUntil;
    QString orderId;
    QString paymentKey;
    qint64 entryId = 0;
    int entries = 0;
    Money credited = 0;
    Money debited = 0;
    Money gatewayAmount = 0;
    std::optional<TopUpOrderStatus> orderStatus;
    std::optional<gateway::PaymentStatus> gatewayStatus;

    QJsonObject toJson(FindingKind kind) const;
    static Result<FindingRow> fromJson(const QJsonObject &json);
    friend bool operator==(const FindingRow &, const FindingRow &) = default;
};

// GET /admin/reconciliation.
struct ReconciliationReport {
    struct Finding {
        FindingKind kind;
        QList<FindingRow> rows;
        friend bool operator==(const Finding &, const Finding &) = default;
    };
    bool ok = true;
    QList<Finding> findings; // every kind, empty or not, in table order
    Money walletBalances = 0;
    Money topUps = 0;
    Money payments = 0;
    Money refunds = 0;
    Money revenue = 0;
    Money adjustments = 0; // staff wallet adjustments, signed
    Money cardRefunds = 0; // top-ups given back to the card
    SettlementCheck settlements = SettlementCheck::NotConfigured;
    int settlementDays = 0; // the days whose settlement reports were compared

    // Every finding's rows, and an unreachable gateway counts as one.
    int problemCount() const;
    const Finding &finding(FindingKind kind) const;
    QJsonObject toJson() const;
    static Result<ReconciliationReport> fromJson(const QJsonObject &json);
    friend bool operator==(const ReconciliationReport &, const ReconciliationReport &) = default;
};

// One line of GET /admin/audit.
struct AuditEntry {
    qint64 id = 0;
    QString actor;
    QString action;
    QString target;
    QJsonObject details;
    QDateTime createdAt;

    QJsonObject toJson() const;
    static Result<AuditEntry> fromJson(const QJsonObject &json);
    friend bool operator==(const AuditEntry &, const AuditEntry &) = default;
};

} // namespace encore
