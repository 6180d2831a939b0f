#pragma once
// StaffApi: the staff money and customer operations (DESIGN.md §4) over the app's one ApiClient,
// with the shared request and answer types of models/staffops.h. Every change carries the staff
// member's reason. GUI thread.

#include "models/staffops.h"
#include "net/apiclient.h"
#include "payments/topuporder.h"

#include <optional>

#include <QObject>

namespace encore {

class StaffApi : public QObject {
    Q_OBJECT

public:
    template<typename T> using Callback = ApiClient::Callback<T>;

    explicit StaffApi(ApiClient *api, QObject *parent = nullptr);

    void cancelSchedule(qint64 scheduleId, const QString &reason, QObject *context,
                        Callback<ScheduleCancellation> done);
    void refund(const QUuid &reservationId, const StaffRefundRequest &request, QObject *context,
                Callback<Reservation> done);
    void findCustomers(const QString &text, QObject *context, Callback<CustomerList> done);
    void customer(const QUuid &userId, QObject *context, Callback<CustomerDetail> done);
    // `idempotencyKey`: one per adjustment the staff member means (a retry re-uses it).
    void adjustWallet(const QUuid &userId, const WalletAdjustmentRequest &request,
                      const QString &idempotencyKey, QObject *context,
                      Callback<WalletAdjustment> done);
    void removeFromQueue(qint64 concertId, const QUuid &userId, const QString &reason,
                         QObject *context, Callback<Empty> done);
    void blockFromQueue(qint64 concertId, const QueueBlockRequest &request, QObject *context,
                        Callback<QueueBlock> done);
    void unblockFromQueue(qint64 concertId, const QUuid &userId, const QString &reason,
                          QObject *context, Callback<Empty> done);
    // Card top-up orders of every customer, newest first; only those in `status` when given.
    void topUpOrders(std::optional<TopUpOrderStatus> status, QObject *context,
                     Callback<QList<TopUpOrder>> done);
    // Gives a paid top-up back to the card (the wallet is debited first; CONFLICT when the money
    // is spent). Answers the order, now CANCELLED.
    void refundTopUpToCard(const QUuid &orderId, const QString &reason, QObject *context,
                           Callback<TopUpOrder> done);

private:
    ApiClient *m_api;
};

} // namespace encore
