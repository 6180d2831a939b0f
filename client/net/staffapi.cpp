#include "staffapi.h"

#include "apipaths.h"

using namespace Qt::StringLiterals;

namespace encore {

namespace {

Result<Empty> nothing(const QJsonObject &)
{
    return Empty {};
}

Result<Reservation> reservationOf(const QJsonObject &o)
{
    return decodeField<Reservation>(o, api::keys::kReservation);
}

} // namespace

StaffApi::StaffApi(ApiClient *api, QObject *parent)
    : QObject(parent)
    , m_api(api)
{
}

void StaffApi::cancelSchedule(qint64 scheduleId, const QString &reason, QObject *context,
                              Callback<ScheduleCancellation> done)
{
    // Cancelling is idempotent on the server: a key lets ApiClient retry it.
    ApiCall c {"POST", api::adminScheduleCancel(scheduleId), {}, ReasonRequest {reason}.toJson()};
    c.idempotencyKey = QUuid::createUuid().toString(QUuid::WithoutBraces);
    m_api->call<ScheduleCancellation>(std::move(c), context, std::move(done),
                                      &ScheduleCancellation::fromJson);
}

void StaffApi::refund(const QUuid &reservationId, const StaffRefundRequest &request,
                      QObject *context, Callback<Reservation> done)
{
    m_api->call<Reservation>(
        {"POST", api::adminReservationRefund(reservationId), {}, request.toJson()}, context,
        std::move(done), &reservationOf);
}

void StaffApi::findCustomers(const QString &text, QObject *context, Callback<CustomerList> done)
{
    QUrlQuery query;
    query.addQueryItem(api::query::kQuery, text);
    m_api->call<CustomerList>({"GET", api::adminUsers(), query}, context, std::move(done),
                              &CustomerList::fromJson);
}

void StaffApi::customer(const QUuid &userId, QObject *context, Callback<CustomerDetail> done)
{
    m_api->call<CustomerDetail>({"GET", api::adminUser(userId)}, context, std::move(done),
                                &CustomerDetail::fromJson);
}

void StaffApi::adjustWallet(const QUuid &userId, const WalletAdjustmentRequest &request,
                            const QString &idempotencyKey, QObject *context,
                            Callback<WalletAdjustment> done)
{
    ApiCall c {"POST", api::adminWalletAdjustments(userId), {}, request.toJson()};
    c.idempotencyKey = idempotencyKey;
    m_api->call<WalletAdjustment>(std::move(c), context, std::move(done),
                                  &WalletAdjustment::fromJson);
}

void StaffApi::removeFromQueue(qint64 concertId, const QUuid &userId, const QString &reason,
                               QObject *context, Callback<Empty> done)
{
    m_api->call<Empty>(
        {"DELETE", api::adminQueueEntry(concertId, userId), {}, ReasonRequest {reason}.toJson()},
        context, std::move(done), &nothing);
}

void StaffApi::blockFromQueue(qint64 concertId, const QueueBlockRequest &request, QObject *context,
                              Callback<QueueBlock> done)
{
    m_api->call<QueueBlock>({"POST", api::adminQueueBlocks(concertId), {}, request.toJson()},
                            context, std::move(done), &QueueBlock::fromJson);
}

void StaffApi::unblockFromQueue(qint64 concertId, const QUuid &userId, const QString &reason,
                                QObject *context, Callback<Empty> done)
{
    m_api->call<Empty>(
        {"DELETE", api::adminQueueBlock(concertId, userId), {}, ReasonRequest {reason}.toJson()},
        context, std::move(done), &nothing);
}

void StaffApi::topUpOrders(std::optional<TopUpOrderStatus> status, QObject *context,
                           Callback<QList<TopUpOrder>> done)
{
    QUrlQuery query;
    if (status)
        query.addQueryItem(api::query::kStatus, topUpOrderStatusName(*status));
    m_api->call<QList<TopUpOrder>>(
        {"GET", api::adminTopUpOrders(), query}, context, std::move(done),
        [](const QJsonObject &o) { return decodeList<TopUpOrder>(o, api::keys::kOrders); });
}

void StaffApi::refundTopUpToCard(const QUuid &orderId, const QString &reason, QObject *context,
                                 Callback<TopUpOrder> done)
{
    m_api->call<TopUpOrder>(
        {"POST", api::adminTopUpOrderRefund(orderId), {}, ReasonRequest {reason}.toJson()}, context,
        std::move(done),
        [](const QJsonObject &o) { return decodeField<TopUpOrder>(o, api::keys::kOrder); });
}

} // namespace encore
