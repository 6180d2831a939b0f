#pragma once
// TopUpService: card top-ups of wallets (DESIGN.md §8) — orders, confirmation through the
// gateway, signed webhooks, the resolver of orders left PENDING, and staff refunds to the card.
// The wallet is credited exactly once per order: the order row is locked and re-checked in the
// transaction that credits, and the ledger allows one TOPUP entry per order. Gateway calls are
// never made inside a transaction, except the staff refund (whose wallet debit must wait for the
// gateway's answer). Any worker thread, and the background jobs thread.

#include "api/admintypes.h"
#include "api/apitypes.h"
#include "models/user.h"
#include "models/wallet.h"
#include "payments/gatewaypayment.h"
#include "payments/topuporder.h"

#include <QJsonObject>

namespace encore::server {

class Database;
class PaymentProvider;
class WalletService;

class TopUpService {
public:
    TopUpService(Database &db, PaymentProvider &provider, WalletService &wallet);

    TopUpOrderCreated createOrder(const QUuid &userId, Money amount);
    QList<TopUpOrder> orders(const QUuid &userId);
    // Confirms the order with the gateway's payment key: 201 once charged; PAYMENT_DECLINED,
    // CONFLICT (settled by another key), VALIDATION_FAILED (amount tampering: the payment is
    // cancelled) or UNAVAILABLE (no answer: the order stays PENDING for the resolver).
    TopUpResult confirm(const QUuid &userId, const QUuid &orderId, const QString &paymentKey,
                        Money amount);

    // A gateway webhook: the HTTP status to answer (200, 401 bad signature, 409 replayed).
    int handleWebhook(const QByteArray &signatureHeader, const QByteArray &body);
    // Asks the gateway about PENDING orders due for a check; returns how many were settled.
    int resolvePending(int limit = 20);

    // Staff: every order (newest first), optionally of one status.
    QList<TopUpOrder> allOrders(std::optional<TopUpOrderStatus> status, int limit = 500);
    // Staff: gives a PAID top-up back to the card and takes it out of the wallet, in one step.
    TopUpOrder refundToCard(const User &staff, const QUuid &orderId, const QString &reason);

    // Adds the card findings (FindingKind::OrdersWithoutOneTopUpEntry onwards) and the
    // settlement check to the reconciliation report, and sets its "ok" from every finding.
    void addToReconciliation(ReconciliationReport &report);

private:
    struct OrderRow;
    void compareSettlements(ReconciliationReport &report);
    std::optional<OrderRow> load(const QUuid &orderId, bool forUpdate);
    // The customer's order with the payment key recorded on it while PENDING (CONFLICT when
    // another key is there; a settled order as it is): one round trip (encore_top_up_attach).
    OrderRow attach(const QUuid &userId, const QUuid &orderId, const QString &paymentKey);
    // The answer for an order no longer PENDING: its credit again, or why not.
    TopUpResult settledAnswer(const OrderRow &order, const QString &paymentKey);
    void detachKey(const QUuid &orderId, const QString &paymentKey);
    // Confirms an order whose key is attached; nullopt when the gateway gave no answer.
    std::optional<TopUpResult> confirmAttached(const OrderRow &order, const QString &paymentKey);
    // Credits the order for this DONE payment unless it already was; nullopt when the payment
    // does not match the order (never credited). One round trip (encore_settle_top_up).
    std::optional<TopUpResult> settle(const QUuid &orderId, const gateway::Payment &payment);
    TopUpResult confirmationOf(const OrderRow &order);
    void fail(const QUuid &orderId, const QString &code, const QString &message);
    void refuseMismatch(const OrderRow &order, const QString &paymentKey);
    void apply(const gateway::Payment &payment);
    void resolve(const OrderRow &order);

    Database &m_db;
    PaymentProvider &m_provider;
    WalletService &m_wallet;
};

} // namespace encore::server
