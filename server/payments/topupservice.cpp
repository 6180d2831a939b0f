#include "topupservice.h"

#include "api/admintypes.h"
#include "jsonreader.h"
#include "payments/paymentprovider.h"
#include "services/decisions.h"
#include "services/walletservice.h"
#include "storage/database.h"
#include "storage/sqlvalues.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcTopUp, "encore.topup")

namespace encore::server {

namespace {

constexpr auto kOrderColumns
    = u"o.id, o.user_id, o.amount, o.status, coalesce(o.payment_key, ''), o.card_brand, "
      "o.card_last4, o.failure_code, o.failure_message, o.created_at, o.settled_at, u.username "
      "FROM top_up_orders o JOIN users u ON u.id = o.user_id ";
constexpr int kExpireMinutes = 30; // an order without a charge is given up after this long

// An order from kOrderColumns (or top_up_order_row() of migration 011) starting at `first`.
TopUpOrder orderFromRow(const QSqlQuery &q, int first = 0)
{
    const auto at = [&](int i) {
        return q.value(first + i);
    };
    TopUpOrder o;
    o.id = QUuid::fromString(at(0).toString());
    o.userId = QUuid::fromString(at(1).toString());
    o.amount = at(2).toLongLong();
    o.status = topUpOrderStatusFromName(at(3).toString()).value_or(TopUpOrderStatus::Pending);
    o.paymentKey = at(4).toString();
    o.cardBrand = at(5).toString();
    o.cardLast4 = at(6).toString();
    o.failureCode = at(7).toString();
    o.failureMessage = at(8).toString();
    o.createdAt = at(9).toDateTime();
    o.settledAt = at(10).toDateTime();
    o.username = at(11).toString();
    return o;
}

// What the customer sees of their own order (the staff listing adds who it belongs to).
TopUpOrder forCustomer(TopUpOrder o)
{
    o.userId = {};
    o.username.clear();
    return o;
}

ApiError declined(const QString &code, const QString &message)
{
    const QJsonObject details {{api::details::kGatewayCode, code},
                               {api::details::kGatewayMessage, message}};
    return ApiError(ErrorCode::PaymentDeclined, gateway::cardRefusalMessage(code), {}, details);
}

ApiError unavailable()
{
    return ApiError(ErrorCode::Unavailable, Msg::GatewayUnavailable, {},
                    {{api::details::kRetryAfterSeconds, 5}});
}

// Gateway codes that refuse the payment itself (the order fails) rather than this request.
bool isCardRefusal(const GatewayOutcome &o)
{
    return o.httpStatus == 402;
}

} // namespace

struct TopUpService::OrderRow : TopUpOrder { };

TopUpService::TopUpService(Database &db, PaymentProvider &provider, WalletService &wallet)
    : m_db(db)
    , m_provider(provider)
    , m_wallet(wallet)
{
}

TopUpOrderCreated TopUpService::createOrder(const QUuid &userId, Money amount)
{
    if (amount < money::kMinTopUp || amount > money::kMaxTopUp)
        throw ApiError(
            ErrorCode::ValidationFailed, Msg::TopUpRange,
            messageArgs(money::format(money::kMinTopUp), money::format(money::kMaxTopUp)),
            {{u"field"_s, u"amount"_s}});
    return m_db.transact([&] {
        // The cap counts orders still open: once charged, a top-up is always credited, so the
        // cap has to hold before the card is.
        const Money balance = m_wallet.lockBalance(userId);
        QSqlQuery &pending = m_db.exec(u"SELECT coalesce(sum(amount), 0) FROM top_up_orders "
                                       "WHERE user_id = ?::uuid AND status = 'PENDING' "
                                       "AND created_at > now() - make_interval(mins => ?)"_s,
                                       {sql::uuid(userId), kExpireMinutes});
        pending.next();
        const Money room = money::kMaxBalance - balance - pending.value(0).toLongLong();
        if (amount > room)
            throw ApiError(ErrorCode::ValidationFailed, Msg::BalanceCap,
                           messageArgs(money::format(money::kMaxBalance),
                                       money::format(std::max<Money>(room, 0))),
                           {{u"field"_s, u"amount"_s},
                            {api::details::kBalance, balance},
                            {u"maxBalance"_s, money::kMaxBalance}});
        if (!m_provider.isConfigured())
            throw ApiError(ErrorCode::Unavailable, Msg::CardPaymentsOff);
        QSqlQuery &q = m_db.exec(u"INSERT INTO top_up_orders(user_id, amount) VALUES (?::uuid, ?) "
                                 "RETURNING id"_s,
                                 {sql::uuid(userId), amount});
        q.next();
        const QUuid id = QUuid::fromString(q.value(0).toString());
        return TopUpOrderCreated {forCustomer(*load(id, false)), m_provider.publicInfo()};
    });
}

QList<TopUpOrder> TopUpService::orders(const QUuid &userId)
{
    QSqlQuery &q
        = m_db.exec(u"SELECT "_s + QString::fromUtf16(kOrderColumns)
                        + u"WHERE o.user_id = ?::uuid ORDER BY o.created_at DESC LIMIT 200"_s,
                    {sql::uuid(userId)});
    QList<TopUpOrder> out;
    while (q.next())
        out.append(forCustomer(orderFromRow(q)));
    return out;
}

QList<TopUpOrder> TopUpService::allOrders(std::optional<TopUpOrderStatus> status, int limit)
{
    const QString wanted = status ? topUpOrderStatusName(*status) : QString();
    QSqlQuery &q = m_db.exec(u"SELECT "_s + QString::fromUtf16(kOrderColumns)
                                 + u"WHERE (? = '' OR o.status = ?) "
                                   "ORDER BY o.created_at DESC LIMIT ?"_s,
                             {sql::text(wanted), sql::text(wanted), limit});
    QList<TopUpOrder> out;
    while (q.next())
        out.append(orderFromRow(q));
    return out;
}

std::optional<TopUpService::OrderRow> TopUpService::load(const QUuid &orderId, bool forUpdate)
{
    QSqlQuery &q
        = m_db.exec(u"SELECT "_s + QString::fromUtf16(kOrderColumns) + u"WHERE o.id = ?::uuid"_s
                        + (forUpdate ? u" FOR UPDATE OF o"_s : QString()),
                    {sql::uuid(orderId)});
    if (!q.next())
        return std::nullopt;
    return OrderRow {orderFromRow(q)};
}

TopUpResult TopUpService::confirm(const QUuid &userId, const QUuid &orderId,
                                  const QString &paymentKey, Money amount)
{
    // One round trip before the gateway call (the key attached, or the order already settled)
    // and one after it (settle): the top-up's hot path.
    const OrderRow order = attach(userId, orderId, paymentKey);
    if (order.status != TopUpOrderStatus::Pending)
        return settledAnswer(order, paymentKey);
    if (amount != order.amount) {
        refuseMismatch(order, paymentKey);
        throw ApiError(ErrorCode::ValidationFailed, Msg::TopUpAmountMismatch, {},
                       {{u"field"_s, u"amount"_s}, {u"orderAmount"_s, order.amount}});
    }
    const auto done = confirmAttached(order, paymentKey);
    if (!done)
        throw unavailable();
    return *done;
}

TopUpResult TopUpService::settledAnswer(const OrderRow &order, const QString &paymentKey)
{
    const bool sameKey = order.paymentKey == paymentKey;
    switch (order.status) {
    case TopUpOrderStatus::Paid:
        if (sameKey)
            return confirmationOf(order); // a retry of a confirmation that went through
        throw ApiError(ErrorCode::Conflict, Msg::TopUpPaidElsewhere);
    case TopUpOrderStatus::Failed:
        if (sameKey)
            throw declined(order.failureCode, order.failureMessage);
        throw ApiError(ErrorCode::Conflict, Msg::TopUpFailed);
    case TopUpOrderStatus::Cancelled:
        throw ApiError(ErrorCode::Conflict, Msg::TopUpRefunded);
    case TopUpOrderStatus::Pending:
        break;
    }
    throw ApiError(ErrorCode::Conflict, Msg::TopUpStillOpen);
}

TopUpService::OrderRow TopUpService::attach(const QUuid &userId, const QUuid &orderId,
                                            const QString &paymentKey)
{
    try {
        QSqlQuery &q
            = decisions::run(m_db, u"SELECT * FROM encore_top_up_attach(?::uuid, ?::uuid, ?)"_s,
                             {sql::uuid(userId), sql::uuid(orderId), paymentKey});
        q.next();
        return OrderRow {orderFromRow(q)};
    } catch (const DbError &e) {
        const auto code = decisions::outcome(e);
        if (code == u"ENTOP") // another customer's order does not exist for you
            throw ApiError(ErrorCode::NotFound, Msg::NoSuchTopUp);
        if (code == u"ENKEY")
            throw ApiError(ErrorCode::Conflict, Msg::PaymentOfOtherTopUp);
        if (code == u"ENBSY")
            throw ApiError(ErrorCode::Conflict, Msg::TopUpBeingPaid);
        throw;
    }
}

void TopUpService::detachKey(const QUuid &orderId, const QString &paymentKey)
{
    m_db.exec(u"UPDATE top_up_orders SET payment_key = NULL WHERE id = ?::uuid "
              "AND status = 'PENDING' AND payment_key = ?"_s,
              {sql::uuid(orderId), paymentKey});
}

std::optional<TopUpResult> TopUpService::confirmAttached(const OrderRow &order,
                                                         const QString &paymentKey)
{
    const QString orderId = order.id.toString(QUuid::WithoutBraces);
    const GatewayOutcome o = m_provider.confirm(paymentKey, orderId, order.amount);
    if (o.ok() && o.payment.status == gateway::PaymentStatus::Done) {
        if (auto done = settle(order.id, o.payment))
            return done;
        throw ApiError(ErrorCode::Conflict, Msg::PaymentMismatch);
    }
    if (!o.refused()) {
        // No final answer: check again soon rather than at the usual pace.
        m_db.exec(u"UPDATE top_up_orders SET next_check_at = now() + interval '2 seconds' "
                  "WHERE id = ?::uuid AND status = 'PENDING'"_s,
                  {sql::uuid(order.id)});
        return std::nullopt;
    }
    if (isCardRefusal(o)) {
        fail(order.id, o.error.code, o.error.message);
        throw declined(o.error.code, o.error.message);
    }
    if (o.error.code == u"INVALID_AMOUNT") {
        refuseMismatch(order, paymentKey);
        throw ApiError(ErrorCode::ValidationFailed, Msg::CardAmountMismatch, {},
                       {{u"field"_s, u"amount"_s}, {u"orderAmount"_s, order.amount}});
    }
    // Not a payment of this order (unknown key, another order's key) or not finished by the
    // cardholder: the order stays open for the right payment.
    detachKey(order.id, paymentKey);
    if (o.error.code == u"NOT_AUTHENTICATED")
        throw declined(o.error.code, o.error.message);
    throw ApiError(ErrorCode::ValidationFailed, Msg::PaymentUnknown, {},
                   {{u"field"_s, u"paymentKey"_s}, {api::details::kGatewayCode, o.error.code}});
}

void TopUpService::refuseMismatch(const OrderRow &order, const QString &paymentKey)
{
    // Cancel only a payment of this very order: a stranger's key must not cancel their payment.
    const GatewayOutcome found = m_provider.lookup(paymentKey);
    if (found.ok() && found.payment.orderId == order.id.toString(QUuid::WithoutBraces)
        && found.payment.status != gateway::PaymentStatus::Canceled
        && found.payment.status != gateway::PaymentStatus::Aborted)
        m_provider.cancel(paymentKey, u"Amount differs from the order"_s);
    if (found.ok() && found.payment.orderId == order.id.toString(QUuid::WithoutBraces))
        fail(order.id, u"AMOUNT_MISMATCH"_s, u"The paid amount did not match the order."_s);
    else
        detachKey(order.id, paymentKey);
}

std::optional<TopUpResult> TopUpService::settle(const QUuid &orderId,
                                                const gateway::Payment &payment)
{
    if (payment.orderId == orderId.toString(QUuid::WithoutBraces)) {
        QSqlQuery &q = decisions::run(
            m_db, u"SELECT * FROM encore_settle_top_up(?::uuid, ?, ?, ?, ?)"_s,
            {sql::uuid(orderId), payment.paymentKey, payment.totalAmount,
             sql::text(payment.card.brand.left(20)), sql::text(payment.card.last4.left(4))});
        q.next();
        const QString outcome = q.value(0).toString();
        if (outcome == u"FAILED")
            return std::nullopt; // the order failed: a late DONE is older news, credits nothing
        if (outcome != u"MISMATCH") {
            const TopUpOrder order = orderFromRow(q, 1);
            if (outcome == u"PAID")
                qCInfo(lcTopUp).noquote()
                    << "order" << orderId.toString(QUuid::WithoutBraces) << "paid:" << order.amount;
            const LedgerEntry entry {q.value(15).toLongLong(), q.value(16).toLongLong(),
                                     q.value(17).toLongLong(), LedgerKind::TopUp,
                                     q.value(18).toString(),   q.value(19).toDateTime()};
            return TopUpResult {q.value(13).toLongLong(), entry, forCustomer(order)};
        }
    }
    qCWarning(lcTopUp).noquote() << "payment" << payment.paymentKey << "does not match order"
                                 << orderId.toString();
    return std::nullopt;
}

TopUpResult TopUpService::confirmationOf(const OrderRow &order)
{
    QSqlQuery &q
        = m_db.exec(u"SELECT id, amount, balance_after, reference, created_at FROM wallet_ledger "
                    "WHERE top_up_order_id = ?::uuid AND kind = 'TOPUP'"_s,
                    {sql::uuid(order.id)});
    LedgerEntry entry;
    if (q.next())
        entry = {q.value(0).toLongLong(), q.value(1).toLongLong(), q.value(2).toLongLong(),
                 LedgerKind::TopUp,       q.value(3).toString(),   q.value(4).toDateTime()};
    return {m_wallet.get(order.userId).balance, entry, forCustomer(order)};
}

void TopUpService::fail(const QUuid &orderId, const QString &code, const QString &message)
{
    m_db.exec(u"UPDATE top_up_orders SET status = 'FAILED', failure_code = ?, "
              "failure_message = ?, settled_at = now() WHERE id = ?::uuid AND status = 'PENDING'"_s,
              {sql::text(code.left(64)), sql::text(message.left(500)), sql::uuid(orderId)});
}

int TopUpService::handleWebhook(const QByteArray &signatureHeader, const QByteArray &body)
{
    const gateway::SignatureCheck check = m_provider.verifyWebhook(signatureHeader, body);
    if (check != gateway::SignatureCheck::Valid) {
        qCWarning(lcTopUp) << "webhook refused: signature" << int(check);
        return 401;
    }
    const auto json = JsonReader::parseObject(body);
    if (!json
        || json->value(u"eventType"_s).toString()
            != QStringView(gateway::kWebhookEventPaymentChanged))
        return 200; // not an event we act on
    const auto payment = gateway::Payment::fromJson(json->value(u"data"_s).toObject());
    if (!payment)
        return 200;
    return m_db.transact([&] {
        // The signature covers the timestamp, so a byte-for-byte replay has the same one.
        QSqlQuery &q = m_db.exec(u"INSERT INTO payment_webhook_deliveries(signature) VALUES (?) "
                                 "ON CONFLICT DO NOTHING RETURNING 1"_s,
                                 {QString::fromLatin1(signatureHeader)});
        if (!q.next())
            return 409;
        m_db.exec(u"DELETE FROM payment_webhook_deliveries "
                  "WHERE received_at < now() - interval '15 minutes'"_s);
        apply(payment.value());
        return 200;
    });
}

// Webhooks may come twice or out of order; each status only ever moves an order forward
// (PENDING → PAID or FAILED), and a credit happens only in settle().
void TopUpService::apply(const gateway::Payment &payment)
{
    const QUuid orderId = QUuid::fromString(payment.orderId);
    if (orderId.isNull())
        return;
    switch (payment.status) {
    case gateway::PaymentStatus::Done:
        settle(orderId, payment);
        break;
    case gateway::PaymentStatus::Aborted:
    case gateway::PaymentStatus::Canceled: {
        const auto order = load(orderId, true);
        if (!order || (!order->paymentKey.isEmpty() && order->paymentKey != payment.paymentKey))
            break;
        if (order->status == TopUpOrderStatus::Pending)
            fail(orderId,
                 payment.failureCode.isEmpty() ? gateway::paymentStatusName(payment.status)
                                               : payment.failureCode,
                 payment.failureMessage);
        else if (order->status == TopUpOrderStatus::Paid
                 && payment.status == gateway::PaymentStatus::Canceled)
            qCWarning(lcTopUp).noquote()
                << "order" << payment.orderId << "is paid but the gateway cancelled its payment";
        break;
    }
    case gateway::PaymentStatus::Ready:
    case gateway::PaymentStatus::InProgress:
        break;
    }
}

int TopUpService::resolvePending(int limit)
{
    if (!m_provider.isConfigured())
        return 0;
    // Claimed for a while, so other instances (and the next tick) leave these alone meanwhile.
    QSqlQuery &q = m_db.exec(
        u"UPDATE top_up_orders SET next_check_at = now() + interval '15 seconds' "
        "WHERE id IN (SELECT id FROM top_up_orders WHERE status = 'PENDING' "
        "AND next_check_at <= now() ORDER BY next_check_at LIMIT ? FOR UPDATE SKIP LOCKED) "
        "RETURNING id"_s,
        {limit});
    QList<QUuid> due;
    while (q.next())
        due.append(QUuid::fromString(q.value(0).toString()));
    int settled = 0;
    for (const QUuid &id : due) {
        try {
            const auto order = load(id, false);
            if (!order)
                continue;
            resolve(*order);
            settled += load(id, false)->status != TopUpOrderStatus::Pending;
        } catch (const ApiError &e) {
            qCInfo(lcTopUp).noquote() << "order" << id.toString() << "still open:" << e.message;
        }
    }
    return settled;
}

void TopUpService::resolve(const OrderRow &order)
{
    const QString orderId = order.id.toString(QUuid::WithoutBraces);
    const GatewayOutcome o = order.paymentKey.isEmpty() ? m_provider.lookupByOrder(orderId)
                                                        : m_provider.lookup(order.paymentKey);
    const bool old
        = order.createdAt < QDateTime::currentDateTimeUtc().addSecs(-60 * kExpireMinutes);
    if (o.refused() && o.httpStatus == 404) {
        if (old)
            fail(order.id, u"EXPIRED"_s, u"No card payment arrived for this top-up."_s);
        return;
    }
    if (!o.ok())
        return;
    switch (o.payment.status) {
    case gateway::PaymentStatus::Done:
        settle(order.id, o.payment);
        break;
    case gateway::PaymentStatus::Ready:
        // Authorised by the cardholder, never confirmed (the app or this server stopped in
        // between): finish what they asked for.
        if (attach(order.userId, order.id, o.payment.paymentKey).status
            != TopUpOrderStatus::Pending)
            break; // settled meanwhile
        if (o.payment.totalAmount != order.amount)
            refuseMismatch(order, o.payment.paymentKey);
        else
            confirmAttached(order, o.payment.paymentKey);
        break;
    case gateway::PaymentStatus::InProgress:
        if (old) {
            m_provider.cancel(o.payment.paymentKey, u"Authentication never finished"_s);
            fail(order.id, u"EXPIRED"_s, u"The card's second step was never finished."_s);
        }
        break;
    case gateway::PaymentStatus::Aborted:
    case gateway::PaymentStatus::Canceled:
        apply(o.payment);
        break;
    }
}

TopUpOrder TopUpService::refundToCard(const User &staff, const QUuid &orderId,
                                      const QString &reason)
{
    return m_db.transact([&] {
        const auto order = load(orderId, true);
        if (!order)
            throw ApiError(ErrorCode::NotFound, Msg::NoSuchTopUp);
        if (order->status != TopUpOrderStatus::Paid)
            throw ApiError(ErrorCode::Conflict, Msg::OnlyPaidTopUpRefundable,
                           messageArgs(topUpOrderStatusName(order->status)));
        // First the wallet (refused when the money is gone), then the card; a refusal of the
        // gateway rolls the debit back. The row lock keeps a second refund waiting meanwhile.
        m_wallet.postForOrder(order->userId, -order->amount, LedgerKind::CardRefund, orderId);
        const GatewayOutcome o = m_provider.cancel(order->paymentKey, reason);
        const bool cancelled
            = o.ok() || (o.refused() && o.error.code == u"ALREADY_CANCELED_PAYMENT");
        if (!cancelled && o.refused())
            throw ApiError(ErrorCode::Conflict, Msg::GatewayRefusedCancel,
                           messageArgs(o.error.message),
                           {{api::details::kGatewayCode, o.error.code}});
        if (!cancelled)
            throw unavailable();
        m_db.exec(u"UPDATE top_up_orders SET status = 'CANCELLED', cancelled_at = now() "
                  "WHERE id = ?::uuid"_s,
                  {sql::uuid(orderId)});
        m_db.exec(u"INSERT INTO audit_log(actor_id, action, target, details) "
                  "VALUES (?::uuid, 'top-up.refund-to-card', ?, ?::jsonb)"_s,
                  {sql::uuid(staff.id), u"top-up-order:"_s + orderId.toString(QUuid::WithoutBraces),
                   QString::fromUtf8(
                       QJsonDocument(QJsonObject {{wordOf(AuditDetail::Reason), reason},
                                                  {wordOf(AuditDetail::Amount), order->amount},
                                                  {wordOf(AuditDetail::UserId),
                                                   order->userId.toString(QUuid::WithoutBraces)}})
                           .toJson(QJsonDocument::Compact))});
        return TopUpOrder(*load(orderId, false));
    });
}

} // namespace encore::server
