#pragma once
// Reservation: a hold on 1..4 seats of one date, then a purchase. Value type.

#include "api/wordtable.h"
#include "models/concert.h"
#include "money.h"
#include "result.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QUuid>

namespace encore {

enum class ReservationStatus { Held, Paid, Cancelled, Expired, Refunded };
template<> struct EnumWords<ReservationStatus> {
    static constexpr std::array<EnumWord<ReservationStatus>, 5> words {
        {{ReservationStatus::Held, u"HELD"},
         {ReservationStatus::Paid, u"PAID"},
         {ReservationStatus::Cancelled, u"CANCELLED"},
         {ReservationStatus::Expired, u"EXPIRED"},
         {ReservationStatus::Refunded, u"REFUNDED"}}};
};

struct Reservation {
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
    QString timeZone; // the venue's IANA zone, in which every time of this reservation is shown

    QTimeZone zone() const { return venueTimeZone(timeZone); }

    QJsonObject toJson() const;
    static Result<Reservation> fromJson(const QJsonObject &json);
    friend bool operator==(const Reservation &, const Reservation &) = default;
};

} // namespace encore
