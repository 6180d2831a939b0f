// TopUpService::addToReconciliation: the gateway's part of the staff reconciliation report —
// every charged card payment has exactly one TOPUP ledger entry and the other way round, the
// amounts agree, refunds to the card match their CARD_REFUND entries, and the gateway's
// settlement reports for the days with top-ups say the same as our orders.

#include "payments/paymentprovider.h"
#include "payments/topupservice.h"
#include "storage/database.h"
#include "storage/sqlvalues.h"

#include <QJsonArray>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace encore::server {

namespace {

QJsonArray rows(Database &db, const QString &sql, const QStringList &keys)
{
    return sql::jsonRows(db.exec(sql), keys);
}

struct OrderFacts {
    QString orderId;
    Money amount = 0;
    QString status;
};

} // namespace

void TopUpService::addToReconciliation(ReconciliationReport &report)
{
    // Paid (or paid, then refunded) orders with anything but one TOPUP entry of their amount.
    const QJsonArray ordersWithoutEntry
        = rows(m_db,
               u"SELECT o.id::text, o.amount, count(l.id), coalesce(sum(l.amount), 0) "
               "FROM top_up_orders o LEFT JOIN wallet_ledger l "
               "  ON l.top_up_order_id = o.id AND l.kind = 'TOPUP' "
               "WHERE o.status IN ('PAID', 'CANCELLED') GROUP BY o.id, o.amount "
               "HAVING count(l.id) <> 1 OR coalesce(sum(l.amount), 0) <> o.amount"_s,
               {u"orderId"_s, u"amount"_s, u"entries"_s, u"credited"_s});
    const QJsonArray entriesWithoutPaidOrder
        = rows(m_db,
               u"SELECT l.id, l.user_id::text, l.amount, coalesce(o.status, '') "
               "FROM wallet_ledger l LEFT JOIN top_up_orders o ON o.id = l.top_up_order_id "
               "WHERE l.kind = 'TOPUP' AND (o.id IS NULL OR o.status NOT IN ('PAID', 'CANCELLED') "
               "  OR o.user_id <> l.user_id)"_s,
               {u"entryId"_s, u"userId"_s, u"amount"_s, u"orderStatus"_s});
    const QJsonArray cardRefundMismatches
        = rows(m_db,
               u"SELECT o.id::text, o.amount, coalesce(-sum(l.amount), 0) FROM top_up_orders o "
               "LEFT JOIN wallet_ledger l ON l.top_up_order_id = o.id AND l.kind = 'CARD_REFUND' "
               "GROUP BY o.id, o.amount, o.status "
               "HAVING (o.status = 'CANCELLED') <> (count(l.id) = 1) "
               "  OR (count(l.id) > 0 AND -sum(l.amount) <> o.amount)"_s,
               {u"orderId"_s, u"amount"_s, u"debited"_s});

    QJsonObject gatewayReport {{u"ordersWithoutOneTopUpEntry"_s, ordersWithoutEntry},
                               {u"topUpEntriesWithoutPaidOrder"_s, entriesWithoutPaidOrder},
                               {u"cardRefundMismatches"_s, cardRefundMismatches}};
    bool ok = ordersWithoutEntry.isEmpty() && entriesWithoutPaidOrder.isEmpty()
        && cardRefundMismatches.isEmpty();

    if (m_provider.isConfigured()) {
        // The days on which orders were paid or refunded in the last week, and today.
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
                         orders.value(3).toString()});
        QHash<QString, gateway::Payment> theirs;
        bool reached = true;
        for (const QDate &day : std::as_const(dates)) {
            const auto settled = m_provider.settlements(day);
            if (!settled) {
                reached = false;
                break;
            }
            for (const gateway::Payment &p : *settled)
                theirs.insert(p.paymentKey, p);
        }
        QJsonArray mismatches;
        const auto mismatch
            = [&mismatches](const QString &key, const QString &what, const QJsonObject &more) {
                  QJsonObject o = more;
                  o.insert(u"paymentKey"_s, key);
                  o.insert(u"problem"_s, what);
                  mismatches.append(o);
              };
        if (reached) {
            for (auto it = theirs.cbegin(); it != theirs.cend(); ++it) {
                const gateway::Payment &p = it.value();
                if (!p.approvedAt.isValid())
                    continue; // voided before it was ever charged
                const auto found = ours.constFind(it.key());
                const QString expected
                    = p.status == gateway::PaymentStatus::Done ? u"PAID"_s : u"CANCELLED"_s;
                if (found == ours.cend())
                    mismatch(it.key(), u"charged by the gateway, no top-up credited"_s,
                             {{u"orderId"_s, p.orderId},
                              {u"amount"_s, p.totalAmount},
                              {u"gatewayStatus"_s, gateway::paymentStatusName(p.status)}});
                else if (found->amount != p.totalAmount || found->status != expected)
                    mismatch(it.key(), u"the gateway and the order disagree"_s,
                             {{u"orderId"_s, found->orderId},
                              {u"amount"_s, found->amount},
                              {u"gatewayAmount"_s, p.totalAmount},
                              {u"orderStatus"_s, found->status},
                              {u"gatewayStatus"_s, gateway::paymentStatusName(p.status)}});
            }
            for (auto it = ours.cbegin(); it != ours.cend(); ++it) {
                if (!theirs.contains(it.key()))
                    mismatch(it.key(), u"credited, not in the gateway's settlements"_s,
                             {{u"orderId"_s, it->orderId}, {u"amount"_s, it->amount}});
            }
        }
        gatewayReport.insert(u"settlementChecked"_s, reached);
        gatewayReport.insert(u"settlementDays"_s, int(dates.size()));
        gatewayReport.insert(u"settlementMismatches"_s, mismatches);
        ok = ok && reached && mismatches.isEmpty();
    } else {
        gatewayReport.insert(u"settlementChecked"_s, false);
    }
    gatewayReport.insert(u"ok"_s, ok);
    report.gateway = gatewayReport;
    report.ok = report.ok && ok;
}

} // namespace encore::server
