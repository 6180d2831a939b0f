// TopUpService::addToReconciliation: the gateway's part of the staff reconciliation report —
// every charged card payment has exactly one TOPUP ledger entry and the other way round, the
// amounts agree, refunds to the card match their CARD_REFUND entries, and the gateway's
// settlement reports for the days with top-ups say the same as our orders.

#include "payments/paymentprovider.h"
#include "payments/topupservice.h"
#include "storage/database.h"
#include "storage/sqlvalues.h"

#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace encore::server {

namespace {

struct OrderFacts {
    QString orderId;
    Money amount = 0;
    std::optional<TopUpOrderStatus> status;
};

} // namespace

void TopUpService::addToReconciliation(ReconciliationReport &report)
{
    // Paid (or paid, then refunded) orders with anything but one TOPUP entry of their amount.
    report.findings.append(
        {FindingKind::OrdersWithoutOneTopUpEntry,
         sql::mapRows<FindingRow>(
             m_db.exec(u"SELECT o.id::text, o.amount, count(l.id), coalesce(sum(l.amount), 0) "
                       "FROM top_up_orders o LEFT JOIN wallet_ledger l "
                       "  ON l.top_up_order_id = o.id AND l.kind = 'TOPUP' "
                       "WHERE o.status IN ('PAID', 'CANCELLED') GROUP BY o.id, o.amount "
                       "HAVING count(l.id) <> 1 OR coalesce(sum(l.amount), 0) <> o.amount"_s),
             [](const QSqlQuery &q, FindingRow &r) {
                 r.orderId = q.value(0).toString();
                 r.amount = q.value(1).toLongLong();
                 r.entries = q.value(2).toInt();
                 r.credited = q.value(3).toLongLong();
             })});
    report.findings.append(
        {FindingKind::TopUpEntriesWithoutPaidOrder,
         sql::mapRows<FindingRow>(
             m_db.exec(u"SELECT l.id, l.user_id::text, l.amount, o.status "
                       "FROM wallet_ledger l LEFT JOIN top_up_orders o ON o.id = l.top_up_order_id "
                       "WHERE l.kind = 'TOPUP' AND (o.id IS NULL OR o.status NOT IN ('PAID', "
                       "'CANCELLED') "
                       "  OR o.user_id <> l.user_id)"_s),
             [](const QSqlQuery &q, FindingRow &r) {
                 r.entryId = q.value(0).toLongLong();
                 r.userId = q.value(1).toString();
                 r.amount = q.value(2).toLongLong();
                 r.orderStatus = topUpOrderStatusFromName(q.value(3).toString());
             })});
    report.findings.append(
        {FindingKind::CardRefundMismatches,
         sql::mapRows<FindingRow>(
             m_db.exec(
                 u"SELECT o.id::text, o.amount, coalesce(-sum(l.amount), 0) FROM top_up_orders o "
                 "LEFT JOIN wallet_ledger l ON l.top_up_order_id = o.id AND l.kind = 'CARD_REFUND' "
                 "GROUP BY o.id, o.amount, o.status "
                 "HAVING (o.status = 'CANCELLED') <> (count(l.id) = 1) "
                 "  OR (count(l.id) > 0 AND -sum(l.amount) <> o.amount)"_s),
             [](const QSqlQuery &q, FindingRow &r) {
                 r.orderId = q.value(0).toString();
                 r.amount = q.value(1).toLongLong();
                 r.debited = q.value(2).toLongLong();
             })});
    compareSettlements(report);
    report.ok = report.problemCount() == 0;
}

// The gateway's settlement reports for the days with top-ups (the last week, and today) against
// our PAID and CANCELLED orders, both ways.
void TopUpService::compareSettlements(ReconciliationReport &report)
{
    using Finding = ReconciliationReport::Finding;
    Finding charged {FindingKind::ChargedNotCredited, {}};
    Finding disagree {FindingKind::GatewayDisagrees, {}};
    Finding unsettled {FindingKind::CreditedNotSettled, {}};
    const auto appendFindings = [&] {
        report.findings.append({charged, disagree, unsettled});
    };
    if (!m_provider.isConfigured()) {
        report.settlements = SettlementCheck::NotConfigured;
        appendFindings();
        return;
    }
    QSqlQuery &days = m_db.exec(
        u"SELECT DISTINCT d FROM (SELECT (settled_at AT TIME ZONE 'UTC')::date AS d "
        "FROM top_up_orders WHERE status IN ('PAID', 'CANCELLED') "
        "UNION SELECT (cancelled_at AT TIME ZONE 'UTC')::date FROM top_up_orders "
        "WHERE cancelled_at IS NOT NULL UNION SELECT (now() AT TIME ZONE 'UTC')::date) t "
        "WHERE d >= (now() AT TIME ZONE 'UTC')::date - 7 ORDER BY d"_s);
    QList<QDate> dates;
    while (days.next())
        dates.append(days.value(0).toDate());
    QSqlQuery &orders
        = m_db.exec(u"SELECT payment_key, id::text, amount, status FROM top_up_orders "
                    "WHERE payment_key IS NOT NULL AND status IN ('PAID', 'CANCELLED') "
                    "AND settled_at >= (now() AT TIME ZONE 'UTC')::date - 7"_s);
    QHash<QString, OrderFacts> ours;
    while (orders.next())
        ours.insert(orders.value(0).toString(),
                    {orders.value(1).toString(), orders.value(2).toLongLong(),
                     topUpOrderStatusFromName(orders.value(3).toString())});
    QHash<QString, gateway::Payment> theirs;
    for (const QDate &day : std::as_const(dates)) {
        const auto settled = m_provider.settlements(day);
        if (!settled) {
            report.settlements = SettlementCheck::Unreachable;
            appendFindings();
            return;
        }
        for (const gateway::Payment &p : *settled)
            theirs.insert(p.paymentKey, p);
    }
    report.settlements = SettlementCheck::Checked;
    report.settlementDays = int(dates.size());
    for (auto it = theirs.cbegin(); it != theirs.cend(); ++it) {
        const gateway::Payment &p = it.value();
        if (!p.approvedAt.isValid())
            continue; // voided before it was ever charged
        FindingRow row;
        row.paymentKey = it.key();
        row.gatewayStatus = p.status;
        const auto found = ours.constFind(it.key());
        if (found == ours.cend()) {
            row.orderId = p.orderId;
            row.amount = p.totalAmount;
            charged.rows.append(row);
            continue;
        }
        const TopUpOrderStatus expected = p.status == gateway::PaymentStatus::Done
            ? TopUpOrderStatus::Paid
            : TopUpOrderStatus::Cancelled;
        if (found->amount != p.totalAmount || found->status != expected) {
            row.orderId = found->orderId;
            row.amount = found->amount;
            row.gatewayAmount = p.totalAmount;
            row.orderStatus = found->status;
            disagree.rows.append(row);
        }
    }
    for (auto it = ours.cbegin(); it != ours.cend(); ++it) {
        if (theirs.contains(it.key()))
            continue;
        FindingRow row;
        row.paymentKey = it.key();
        row.orderId = it->orderId;
        row.amount = it->amount;
        unsettled.rows.append(row);
    }
    appendFindings();
}

} // namespace encore::server
