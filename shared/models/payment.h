#pragma once
// Payment: the record that a reservation was paid from the wallet. Value type.

#include "money.h"
#include "result.h"

#include <QDateTime>
#include <QJsonObject>
#include <QUuid>

namespace encore {

struct Payment {
    QUuid id;
    QUuid reservationId;
    Money amount = 0;
    QDateTime paidAt;
    QDateTime refundedAt;

    QJsonObject toJson() const;
    static Result<Payment> fromJson(const QJsonObject &json);
    friend bool operator==(const Payment &, const Payment &) = default;
};

} // namespace encore
