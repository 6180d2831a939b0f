#include "adminapi.h"

#include "models/staffops.h"

#include "apipaths.h"
#include "jsonreader.h"
#include "models/staffops.h"

#include <QJsonArray>
#include <QPointer>

using namespace Qt::StringLiterals;

namespace encore {

namespace {

Result<Empty> nothing(const QJsonObject &)
{
    return Empty {};
}

} // namespace

AdminApi::AdminApi(ApiClient *api, QObject *parent)
    : QObject(parent)
    , m_api(api)
{
}

template<typename T>
void AdminApi::call(ApiCall c, QObject *context, Callback<T> done,
                    std::function<Result<T>(const QJsonObject &)> decode)
{
    if (!m_offline)
        m_api->call<T>(std::move(c), context, std::move(done), std::move(decode));
}

void AdminApi::concerts(QObject *context, Callback<QList<Concert>> done)
{
    call<QList<Concert>>(
        {"GET", api::adminConcerts()}, context, std::move(done),
        [](const QJsonObject &o) { return decodeList<Concert>(o, api::keys::kConcerts); });
}

void AdminApi::createConcert(const ConcertDraft &draft, QObject *context, Callback<Concert> done)
{
    // No idempotency key: a retried create could make two concerts, so it is sent once.
    ApiCall c {"POST", api::adminConcerts(), {}, draft.toJson()};
    c.retry = false;
    call<Concert>(std::move(c), context, std::move(done), &Concert::fromJson);
}

void AdminApi::updateConcert(qint64 concertId, const ConcertDraft &draft, QObject *context,
                             Callback<Concert> done)
{
    call<Concert>({"PUT", api::adminConcert(concertId), {}, draft.toJson()}, context,
                  std::move(done), &Concert::fromJson);
}

void AdminApi::deleteConcert(qint64 concertId, QObject *context, Callback<Empty> done)
{
    call<Empty>({"DELETE", api::adminConcert(concertId)}, context, std::move(done), &nothing);
}

void AdminApi::createSchedule(qint64 concertId, const ScheduleDraft &draft, QObject *context,
                              Callback<qint64> done)
{
    ApiCall c {"POST", api::adminConcertSchedules(concertId), {}, draft.toJson()};
    c.retry = false;
    call<qint64>(std::move(c), context, std::move(done),
                 [](const QJsonObject &o) -> Result<qint64> {
                     const auto schedule = Schedule::fromJson(o);
                     if (!schedule)
                         return schedule.error();
                     return schedule.value().id;
                 });
}

void AdminApi::updateSchedule(qint64 scheduleId, const ScheduleDraft &draft, QObject *context,
                              Callback<Empty> done)
{
    ScheduleDraft times = draft;
    times.prices.clear();
    const QMap<QString, Money> prices = draft.prices;
    QPointer<QObject> guard(context);
    call<Empty>(
        {"PUT", api::adminSchedule(scheduleId), {}, times.toJson()}, context,
        [this, scheduleId, prices, guard, done](Result<Empty> r) {
            if (!r || prices.isEmpty() || !guard) {
                done(std::move(r));
                return;
            }
            setTierPrices(scheduleId, prices, guard, [done](const Result<AdminSeatMap> &p) {
                if (!p)
                    done(p.error());
                else
                    done(Empty {});
            });
        },
        &nothing);
}

void AdminApi::deleteSchedule(qint64 scheduleId, QObject *context, Callback<Empty> done)
{
    call<Empty>({"DELETE", api::adminSchedule(scheduleId)}, context, std::move(done), &nothing);
}

void AdminApi::setTierPrices(qint64 scheduleId, const QMap<QString, Money> &prices,
                             QObject *context, Callback<AdminSeatMap> done)
{
    call<AdminSeatMap>(
        {"PUT", api::adminSchedulePrices(scheduleId), {}, PriceChange {prices, {}}.toJson()},
        context, std::move(done), &AdminSeatMap::fromJson);
}

void AdminApi::setSeatPrices(qint64 scheduleId, const QMap<int, Money> &prices, QObject *context,
                             Callback<AdminSeatMap> done)
{
    call<AdminSeatMap>(
        {"PUT", api::adminSchedulePrices(scheduleId), {}, PriceChange {{}, prices}.toJson()},
        context, std::move(done), &AdminSeatMap::fromJson);
}

void AdminApi::seats(qint64 scheduleId, QObject *context, Callback<AdminSeatMap> done)
{
    call<AdminSeatMap>({"GET", api::adminScheduleSeats(scheduleId)}, context, std::move(done),
                       &AdminSeatMap::fromJson);
}

void AdminApi::seatWaits(qint64 scheduleId, QObject *context, Callback<QList<SeatWait>> done)
{
    call<QList<SeatWait>>(
        {"GET", api::adminScheduleSeatWaits(scheduleId)}, context, std::move(done),
        [](const QJsonObject &o) { return decodeList<SeatWait>(o, api::keys::kWaits); });
}

void AdminApi::clearSeatWaits(qint64 scheduleId, const QString &reason, QObject *context,
                              Callback<SeatWaitsCleared> done)
{
    call<SeatWaitsCleared>(
        {"DELETE", api::adminScheduleSeatWaits(scheduleId), {}, ReasonRequest {reason}.toJson()},
        context, std::move(done), &SeatWaitsCleared::fromJson);
}

void AdminApi::seatAction(qint64 scheduleId, int seat, SeatAction action, const QString &reason,
                          QObject *context, Callback<AdminSeatMap> done)
{
    const QString path = action == SeatAction::Release ? api::adminSeatRelease(scheduleId, seat)
        : action == SeatAction::Block                  ? api::adminSeatBlock(scheduleId, seat)
                                                       : api::adminSeatUnblock(scheduleId, seat);
    // Sent once: a repeat after a lost answer would only report "not held" for a done release.
    ApiCall c {
        "POST", path, {}, reason.isEmpty() ? QJsonObject() : ReasonRequest {reason}.toJson()};
    c.retry = false;
    call<AdminSeatMap>(std::move(c), context, std::move(done), &AdminSeatMap::fromJson);
}

void AdminApi::queueStats(qint64 concertId, QObject *context, Callback<QueueStats> done)
{
    call<QueueStats>({"GET", api::adminConcertQueue(concertId)}, context, std::move(done),
                     &QueueStats::fromJson);
}

void AdminApi::setQueueSettings(qint64 concertId, const QueueSettings &settings, QObject *context,
                                Callback<QueueSettings> done)
{
    call<QueueSettings>({"PUT", api::adminQueueSettings(concertId), {}, settings.toJson()}, context,
                        std::move(done), &QueueSettings::fromJson);
}

void AdminApi::preQueue(qint64 concertId, QObject *context, Callback<PreQueueView> done)
{
    call<PreQueueView>({"GET", api::adminPreQueue(concertId)}, context, std::move(done),
                       &PreQueueView::fromJson);
}

void AdminApi::clearPreQueue(qint64 concertId, const QString &reason, QObject *context,
                             Callback<int> done)
{
    call<int>({"DELETE", api::adminPreQueue(concertId), {}, ReasonRequest {reason}.toJson()},
              context, std::move(done), [](const QJsonObject &o) -> Result<int> {
                  return o.value(api::keys::kRemoved).toInt();
              });
}

void AdminApi::abuseCounters(QObject *context, Callback<QList<AbuseCounter>> done)
{
    call<QList<AbuseCounter>>(
        {"GET", api::adminAbuseCounters()}, context, std::move(done),
        [](const QJsonObject &o) { return decodeList<AbuseCounter>(o, api::keys::kCounters); });
}

void AdminApi::clearAbuseCounters(const ClearCountersRequest &request, QObject *context,
                                  Callback<int> done)
{
    call<int>(
        {"DELETE", api::adminAbuseCounters(), {}, request.toJson()}, context, std::move(done),
        [](const QJsonObject &o) -> Result<int> { return o.value(api::keys::kCleared).toInt(); });
}

void AdminApi::sales(QObject *context, Callback<SalesReport> done, qint64 concertId)
{
    QUrlQuery query;
    if (concertId > 0)
        query.addQueryItem(api::query::kConcertId, QString::number(concertId));
    call<SalesReport>({"GET", api::adminSales(), query}, context, std::move(done),
                      &SalesReport::fromJson);
}

void AdminApi::reconciliation(QObject *context, Callback<ReconciliationReport> done)
{
    call<ReconciliationReport>({"GET", api::adminReconciliation()}, context, std::move(done),
                               &ReconciliationReport::fromJson);
}

void AdminApi::audit(const QString &action, const QString &actor, int limit, QObject *context,
                     Callback<QList<AuditEntry>> done)
{
    ApiCall c {"GET", api::adminAudit()};
    if (!action.isEmpty())
        c.query.addQueryItem(api::query::kAction, action);
    if (!actor.isEmpty())
        c.query.addQueryItem(api::query::kActor, actor);
    c.query.addQueryItem(api::query::kLimit, QString::number(limit));
    call<QList<AuditEntry>>(std::move(c), context, std::move(done), [](const QJsonObject &o) {
        return decodeList<AuditEntry>(o, api::keys::kEntries);
    });
}

void AdminApi::salesCsv(QObject *context, Callback<QByteArray> done)
{
    download(api::adminSalesCsv(), context, std::move(done));
}

void AdminApi::attendeesCsv(qint64 scheduleId, QObject *context, Callback<QByteArray> done)
{
    download(api::adminAttendeesCsv(scheduleId), context, std::move(done));
}

void AdminApi::download(const QString &path, QObject *context, Callback<QByteArray> done)
{
    if (m_offline)
        return;
    ApiCall c {"GET", path};
    c.accept = "text/csv, application/json"; // errors still come as the JSON envelope
    m_api->download(std::move(c), context, std::move(done));
}

} // namespace encore
