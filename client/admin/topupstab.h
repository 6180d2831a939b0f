#pragma once
// TopUpsTab: the card top-up orders of every customer (GET /admin/top-up-orders) — when, who, how
// much, status, card and the gateway's payment id — filtered by status, with "Refund to card" for
// a paid one (a reason is asked; the wallet is debited, then the card payment cancelled). GUI
// thread.

#include "payments/topuporder.h"

#include <QList>
#include <QWidget>

#include <optional>

class QComboBox;
class QLabel;
class QPushButton;
class QTreeWidget;

namespace encore {

class StaffApi;
struct ApiError;

class TopUpsTab : public QWidget {
    Q_OBJECT

public:
    explicit TopUpsTab(StaffApi *api, QWidget *parent = nullptr);

    void refresh();
    void setOrders(const QList<TopUpOrder> &orders);
    const QList<TopUpOrder> &orders() const { return m_orders; }
    // Selects the row of this order (tests, links from elsewhere).
    bool selectOrder(const QUuid &orderId);
    // Asks for the reason (window-modal), then refunds the selected paid order to its card.
    void refundSelected();
    // "Paid", "Refunded to card", ... in the current language.
    static QString statusText(TopUpOrderStatus status);

Q_SIGNALS:
    void failed(const encore::ApiError &error);
    void succeeded(const QString &message);
    void ordersLoaded(int count);

protected:
    void changeEvent(QEvent *event) override;

private:
    std::optional<TopUpOrder> selectedOrder() const;
    std::optional<TopUpOrderStatus> statusFilter() const;
    void updateButtons();
    void retranslate();

    StaffApi *m_api;
    QList<TopUpOrder> m_orders;

    QLabel *m_heading;
    QLabel *m_caption;
    QComboBox *m_status;
    QPushButton *m_refresh;
    QTreeWidget *m_table;
    QPushButton *m_refund;
};

} // namespace encore
