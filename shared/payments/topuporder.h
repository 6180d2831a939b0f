#pragma once
// TopUpOrder: one card top-up of a wallet as Encore records it (DESIGN.md §8) — amount, state,
// the gateway's payment key and the card's brand and last four (never more). Value types shared
// by the server's routes and the desktop app.

#include "money.h"
#include "result.h"

#include <QDateTime>
#include <QJsonObject>
#include <QUuid>

#include <optional>

namespace encore {

// PENDING: created, or confirmed without a final answer yet; PAID: the wallet was credited;
// FAILED: refused or abandoned; CANCELLED: paid, then given back to the card by staff.
enum class TopUpOrderStatus { Pending, Paid, Failed, Cancelled };
QString topUpOrderStatusName(TopUpOrderStatus status); // "PENDING" | "PAID" | ...
std::optional<TopUpOrderStatus> topUpOrderStatusFromName(const QString &name);

struct TopUpOrder {
    QUuid id;
    Money amount = 0;
    TopUpOrderStatus status = TopUpOrderStatus::Pending;
    QDateTime createdAt;
    QDateTime settledAt;
    QString paymentKey;
    QString cardBrand;
    QString cardLast4;
    QString failureCode; // FAILED: the gateway's code
    QString failureMessage;
    QUuid userId; // staff listings only
    QString username; // staff listings only

    QJsonObject toJson() const;
    static Result<TopUpOrder> fromJson(const QJsonObject &json);
    friend bool operator==(const TopUpOrder &, const TopUpOrder &) = default;
};

// Where the desktop app sends the card: the gateway's public address and the client key.
struct PaymentGatewayInfo {
    QString baseUrl;
    QString clientKey;

    QJsonObject toJson() const;
    static Result<PaymentGatewayInfo> fromJson(const QJsonObject &json);
};

// The answer to POST /wallet/top-up-orders.
struct TopUpOrderCreated {
    TopUpOrder order;
    PaymentGatewayInfo gateway;

    QJsonObject toJson() const;
    static Result<TopUpOrderCreated> fromJson(const QJsonObject &json);
};

} // namespace encore
