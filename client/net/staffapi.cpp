#include "staffapi.h"

#include "apipaths.h"

using namespace Qt::StringLiterals;

namespace encore {

namespace {

QString admin(const QString &rest)
{
    return api::path(u"/admin"_s + rest);
}

QString uuidText(const QUuid &id)
{
    return id.toString(QUuid::WithoutBraces);
}

Result<Empty> nothing(const QJsonObject &)
{
    return Empty {};
}

Result<Reservation> reservationOf(const QJsonObject &o)
{
    return Reservation::fromJson(o.value(u"reservation"_s).toObject());
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
    ApiCall c {"POST",
               admin(u"/schedules/%1/cancel"_s.arg(scheduleId)),
               {},
               ReasonRequest {reason}.toJson()};
    c.idempotencyKey = QUuid::createUuid().toString(QUuid::WithoutBraces);
    m_api->call<ScheduleCancellation>(std::move(c), context, std::move(done),
                                      &ScheduleCancellation::fromJson);
}

void StaffApi::refund(const QUuid &reservationId, const StaffRefundRequest &request,
                      QObject *context, Callback<Reservation> done)
{
    m_api->call<Reservation>({"POST",
                              admin(u"/reservations/%1/refund"_s.arg(uuidText(reservationId))),
                              {},
                              request.toJson()},
                             context, std::move(done), &reservationOf);
}

void StaffApi::findCustomers(const QString &text, QObject *context, Callback<CustomerList> done)
{
    QUrlQuery query;
    query.addQueryItem(u"query"_s, text);
    m_api->call<CustomerList>({"GET", admin(u"/users"_s), query}, context, std::move(done),
                              &CustomerList::fromJson);
}

void StaffApi::customer(const QUuid &userId, QObject *context, Callback<CustomerDetail> done)
{
    m_api->call<CustomerDetail>({"GET", admin(u"/users/%1"_s.arg(uuidText(userId)))}, context,
                                std::move(done), &CustomerDetail::fromJson);
}

void StaffApi::adjustWallet(const QUuid &userId, const WalletAdjustmentRequest &request,
                            const QString &idempotencyKey, QObject *context,
                            Callback<WalletAdjustment> done)
{
    ApiCall c {"POST",
               admin(u"/users/%1/wallet-adjustments"_s.arg(uuidText(userId))),
               {},
               request.toJson()};
    c.idempotencyKey = idempotencyKey;
    m_api->call<WalletAdjustment>(std::move(c), context, std::move(done),
                                  &WalletAdjustment::fromJson);
}

void StaffApi::removeFromQueue(qint64 concertId, const QUuid &userId, const QString &reason,
                               QObject *context, Callback<Empty> done)
{
    m_api->call<Empty>({"DELETE",
                        admin(u"/concerts/%1/queue/%2"_s.arg(concertId).arg(uuidText(userId))),
                        {},
                        ReasonRequest {reason}.toJson()},
                       context, std::move(done), &nothing);
}

void StaffApi::blockFromQueue(qint64 concertId, const QueueBlockRequest &request, QObject *context,
                              Callback<QueueBlock> done)
{
    m_api->call<QueueBlock>(
        {"POST", admin(u"/concerts/%1/queue-blocks"_s.arg(concertId)), {}, request.toJson()},
        context, std::move(done), &QueueBlock::fromJson);
}

void StaffApi::unblockFromQueue(qint64 concertId, const QUuid &userId, const QString &reason,
                                QObject *context, Callback<Empty> done)
{
    m_api->call<Empty>(
        {"DELETE",
         admin(u"/concerts/%1/queue-blocks/%2"_s.arg(concertId).arg(uuidText(userId))),
         {},
         ReasonRequest {reason}.toJson()},
        context, std::move(done), &nothing);
}

void StaffApi::topUpOrders(std::optional<TopUpOrderStatus> status, QObject *context,
                           Callback<QList<TopUpOrder>> done)
{
    QUrlQuery query;
    if (status)
        query.addQueryItem(u"status"_s, topUpOrderStatusName(*status));
    m_api->call<QList<TopUpOrder>>(
        {"GET", api::adminTopUpOrders(), query}, context, std::move(done),
        [](const QJsonObject &o) { return decodeList<TopUpOrder>(o, u"orders"_s); });
}

void StaffApi::refundTopUpToCard(const QUuid &orderId, const QString &reason, QObject *context,
                                 Callback<TopUpOrder> done)
{
    m_api->call<TopUpOrder>(
        {"POST", api::adminTopUpOrderRefund(orderId), {}, ReasonRequest {reason}.toJson()}, context,
        std::move(done),
        [](const QJsonObject &o) { return TopUpOrder::fromJson(o.value(u"order"_s).toObject()); });
}

} // namespace encore
