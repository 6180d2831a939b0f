#pragma once
// The customer API's request bodies: the client encodes them with toJson(), the server reads
// them with fromJson(), which applies the contract's limits (BAD_REQUEST / VALIDATION_FAILED
// naming the field). Value types, any thread.

#include "money.h"
#include "result.h"

#include <QJsonObject>
#include <QList>
#include <QUuid>

namespace encore {

// POST /auth/register and /auth/login.
struct Credentials {
    QString username;
    QString password;

    QJsonObject toJson() const;
    static Result<Credentials> fromJson(const QJsonObject &json);
    friend bool operator==(const Credentials &, const Credentials &) = default;
};

// POST /reservations: 1..4 distinct seats of one date.
struct HoldRequest {
    qint64 scheduleId = 0;
    QList<int> seats;

    QJsonObject toJson() const;
    static Result<HoldRequest> fromJson(const QJsonObject &json);
    friend bool operator==(const HoldRequest &, const HoldRequest &) = default;
};

// POST /payments.
struct PaymentRequest {
    QUuid reservationId;

    QJsonObject toJson() const;
    static Result<PaymentRequest> fromJson(const QJsonObject &json);
    friend bool operator==(const PaymentRequest &, const PaymentRequest &) = default;
};

// POST /wallet/top-up-orders: {amount}.
struct TopUpOrderRequest {
    Money amount = 0;

    QJsonObject toJson() const;
    static Result<TopUpOrderRequest> fromJson(const QJsonObject &json);
    friend bool operator==(const TopUpOrderRequest &, const TopUpOrderRequest &) = default;
};

// POST /wallet/top-ups: {orderId, paymentKey, amount} — the gateway's answer to the card form.
struct TopUpConfirmRequest {
    QUuid orderId;
    QString paymentKey;
    Money amount = 0;

    QJsonObject toJson() const;
    static Result<TopUpConfirmRequest> fromJson(const QJsonObject &json);
    friend bool operator==(const TopUpConfirmRequest &, const TopUpConfirmRequest &) = default;
};

} // namespace encore
