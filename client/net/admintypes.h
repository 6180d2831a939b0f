#pragma once
// What the staff API (/api/v1/admin/...) answers and accepts, beyond the shared models: seats with
// their holders, queue statistics and settings, sales, reconciliation and audit entries, with
// their (lenient but shape-checked) decoders. Value types, any thread.

#include "models/seat.h"
#include "money.h"
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

struct ConcertDraft {
    QString title;
    QString artist;
    QString venue;
    QString description;

    QJsonObject toJson() const;
};

struct ScheduleDraft {
    QDateTime startsAt;
    QDateTime salesOpenAt;
    QDateTime salesCloseAt;
    QMap<QString, Money> prices; // by tier

    QJsonObject toJson() const; // with "prices" when there are any
};

// A seat as staff see it: who holds or owns it.
struct AdminSeat {
    Seat seat;
    QString holder; // username; empty when free or blocked
    QString reservationId;
    QDateTime paidAt;

    static Result<AdminSeat> fromJson(const QJsonObject &json);
};

struct AdminSeatMap {
    qint64 scheduleId = 0;
    qint64 version = 0;
    QList<AdminSeat> seats;

    SeatMap toSeatMap() const;
    std::optional<AdminSeat> seat(int number) const;
    // The price most unsold seats of a tier have (what a tier price edit starts from).
    Money tierPrice(const QString &tier) const;
    static Result<AdminSeatMap> fromJson(const QJsonObject &json);
};

struct QueueSettings {
    int maxActive = 0;
    int admitPerMinute = 0;
    int activeTtlSeconds = 0;
    bool paused = false;

    QJsonObject toJson() const;
    static Result<QueueSettings> fromJson(const QJsonObject &json);
    friend bool operator==(const QueueSettings &, const QueueSettings &) = default;
};

struct QueueStats {
    qint64 concertId = 0;
    qint64 waiting = 0;
    qint64 active = 0;
    qint64 admittedLastMinute = 0;
    qint64 completed = 0;
    qint64 etaAtBackSeconds = 0;
    QueueSettings settings;

    static Result<QueueStats> fromJson(const QJsonObject &json);
};

struct SalesRow {
    qint64 scheduleId = 0;
    qint64 concertId = 0;
    QString title;
    QDateTime startsAt;
    int sold = 0;
    int held = 0;
    int available = 0;
    int blocked = 0;
    Money revenue = 0;
    Money refunded = 0;
};

struct SalesReport {
    QList<SalesRow> schedules;

    Money revenue() const;
    static Result<SalesReport> fromJson(const QJsonObject &json);
};

struct ReconciliationReport {
    // One kind of inconsistency: its key in the answer and the rows found.
    struct Finding {
        QString kind; // "paymentsWithoutSoldSeats", ...
        QJsonArray rows;
    };
    bool ok = true;
    QList<Finding> findings; // every kind, empty or not, in a fixed order
    Money walletBalances = 0;
    Money topUps = 0;
    Money payments = 0;
    Money refunds = 0;
    Money revenue = 0;

    int problemCount() const;
    static Result<ReconciliationReport> fromJson(const QJsonObject &json);
};

struct AuditEntry {
    qint64 id = 0;
    QString actor;
    QString action;
    QString target;
    QJsonObject details;
    QDateTime createdAt;

    static Result<AuditEntry> fromJson(const QJsonObject &json);
};

} // namespace encore
