#include "payment.h"

#include "jsonreader.h"

using namespace Qt::StringLiterals;

namespace encore {

QJsonObject Payment::toJson() const
{
    return {{u"id"_s, id.toString(QUuid::WithoutBraces)},
            {u"reservationId"_s, reservationId.toString(QUuid::WithoutBraces)},
            {u"amount"_s, amount},
            {u"paidAt"_s, isoTime(paidAt)},
            {u"refundedAt"_s, isoTimeOrNull(refundedAt)}};
}

Result<Payment> Payment::fromJson(const QJsonObject &json)
{
    JsonReader r(json);
    Payment p;
    p.id = r.uuid(u"id"_s);
    p.reservationId = r.uuid(u"reservationId"_s);
    p.amount = r.integer(u"amount"_s, 0, std::numeric_limits<qint64>::max() / 2);
    p.paidAt = r.dateTime(u"paidAt"_s);
    p.refundedAt = r.optionalDateTime(u"refundedAt"_s).value_or(QDateTime());
    if (!r.ok())
        return r.error();
    return p;
}

} // namespace encore
