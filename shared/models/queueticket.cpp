#include "queueticket.h"

#include "jsonreader.h"

using namespace Qt::StringLiterals;

namespace encore {

QJsonObject QueueTicket::toJson() const
{
    const auto seconds = [this](qint64 EtaRange::*field) {
        return eta ? QJsonValue((*eta).*field) : QJsonValue(QJsonValue::Null);
    };
    QJsonObject o {{u"userId"_s, userId.toString(QUuid::WithoutBraces)},
                   {u"concertId"_s, concertId},
                   {u"status"_s, wordOf(status)},
                   {u"position"_s, position},
                   {u"aheadCount"_s, aheadCount},
                   {u"etaSeconds"_s, seconds(&EtaRange::seconds)},
                   {u"etaLowSeconds"_s, seconds(&EtaRange::low)},
                   {u"etaHighSeconds"_s, seconds(&EtaRange::high)},
                   {u"etaReason"_s, wordOf(etaReason)},
                   {u"activeUntil"_s, isoTimeOrNull(activeUntil)},
                   {u"pollAfterMs"_s, pollAfterMs}};
    if (etaChange != EtaChange::None)
        o.insert(u"etaChange"_s, wordOf(etaChange));
    if (preQueue) {
        o.insert(u"preQueue"_s, true);
        o.insert(u"opensAt"_s, isoTimeOrNull(opensAt));
        o.insert(u"preQueueCount"_s, preQueueCount);
    }
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
    const auto status = enumFromWord<QueueStatus>(r.string(u"status"_s));
    t.position = r.integer(u"position"_s, 0, kMax);
    t.aheadCount = r.integer(u"aheadCount"_s, 0, kMax);
    // null or absent: no estimate (paused, or active).
    if (const auto seconds = r.optionalInteger(u"etaSeconds"_s, 0, kMax)) {
        t.eta
            = EtaRange {*seconds, r.optionalInteger(u"etaLowSeconds"_s, 0, kMax).value_or(*seconds),
                        r.optionalInteger(u"etaHighSeconds"_s, 0, kMax).value_or(*seconds)};
    }
    t.etaReason = enumFromWord<EtaReason>(r.optionalString(u"etaReason"_s, 64).value_or(QString()))
                      .value_or(EtaReason::Steady);
    t.etaChange = enumFromWord<EtaChange>(r.optionalString(u"etaChange"_s, 64).value_or(QString()))
                      .value_or(EtaChange::None);
    t.activeUntil = r.optionalDateTime(u"activeUntil"_s).value_or(QDateTime());
    t.pollAfterMs = int(r.optionalInteger(u"pollAfterMs"_s, 0, 3'600'000).value_or(1000));
    t.preQueue = r.optionalBoolean(u"preQueue"_s).value_or(false);
    if (t.preQueue) {
        t.opensAt = r.dateTime(u"opensAt"_s);
        t.preQueueCount = r.optionalInteger(u"preQueueCount"_s, 0, kMax).value_or(0);
    }
    if (!r.ok())
        return r.error();
    if (!status)
        return ApiError::unknownWord(u"status"_s, json.value(u"status"_s));
    t.status = *status;
    return t;
}

} // namespace encore
