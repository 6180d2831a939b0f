#include "queueticket.h"

#include "jsonreader.h"

using namespace Qt::StringLiterals;

namespace encore {

QString queueStatusName(QueueStatus status)
{
    return status == QueueStatus::Active ? u"ACTIVE"_s : u"WAITING"_s;
}

QJsonObject QueueTicket::toJson() const
{
    QJsonObject o{{u"userId"_s, userId.toString(QUuid::WithoutBraces)},
                  {u"concertId"_s, concertId},
                  {u"status"_s, queueStatusName(status)},
                  {u"position"_s, position},
                  {u"aheadCount"_s, aheadCount},
                  {u"etaSeconds"_s, etaSeconds},
                  {u"etaLowSeconds"_s, etaLowSeconds},
                  {u"etaHighSeconds"_s, etaHighSeconds},
                  {u"etaReason"_s, etaReason},
                  {u"activeUntil"_s, isoTimeOrNull(activeUntil)},
                  {u"pollAfterMs"_s, pollAfterMs}};
    if (!token.isEmpty())
        o.insert(u"token"_s, token);
    return o;
}

Result<QueueTicket> QueueTicket::fromJson(const QJsonObject &json)
{
    constexpr qint64 kMax = std::numeric_limits<qint64>::max() / 2;
    JsonReader r(json);
    QueueTicket t;
    t.token = r.optionalString(u"token"_s, 512).value_or(QString());
    t.userId = r.uuid(u"userId"_s);
    t.concertId = r.integer(u"concertId"_s, 1, kMax);
    const QString status = r.string(u"status"_s);
    t.position = r.integer(u"position"_s, 0, kMax);
    t.aheadCount = r.integer(u"aheadCount"_s, 0, kMax);
    t.etaSeconds = r.integer(u"etaSeconds"_s, 0, kMax);
    t.etaLowSeconds = r.optionalInteger(u"etaLowSeconds"_s, 0, kMax).value_or(t.etaSeconds);
    t.etaHighSeconds = r.optionalInteger(u"etaHighSeconds"_s, 0, kMax).value_or(t.etaSeconds);
    t.etaReason = r.optionalString(u"etaReason"_s).value_or(QString());
    t.activeUntil = r.optionalDateTime(u"activeUntil"_s).value_or(QDateTime());
    t.pollAfterMs = int(r.optionalInteger(u"pollAfterMs"_s, 0, 3'600'000).value_or(1000));
    if (!r.ok())
        return r.error();
    if (status != u"WAITING" && status != u"ACTIVE")
        return ApiError(ErrorCode::BadRequest, u"status: unknown queue status"_s);
    t.status = status == u"ACTIVE" ? QueueStatus::Active : QueueStatus::Waiting;
    return t;
}

} // namespace encore
