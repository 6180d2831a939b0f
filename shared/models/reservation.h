#pragma once
// Reservation: a hold on 1..4 seats of one date, then a purchase. Value type.

#include "money.h"
#include "result.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QUuid>

namespace encore {

enum class ReservationStatus { Held, Paid, Cancelled, Expired, Refunded };
QString reservationStatusName(ReservationStatus status); // "HELD" ...
std::optional<ReservationStatus> reservationStatusFromName(const QString &name);

struct Reservation
{
    QUuid id;
    qint64 scheduleId = 0;
    qint64 concertId = 0;
    QList<int> seats;
    ReservationStatus status = ReservationStatus::Held;
    Money total = 0;
    QDateTime heldUntil;
    QDateTime createdAt;
    QDateTime paidAt;
    // Display helpers the API adds so a ticket list needs no second request.
    QString concertTitle;
    QDateTime startsAt;

    QJsonObject toJson() const;
    static Result<Reservation> fromJson(const QJsonObject &json);
};

} // namespace encore
