#include "topupstab.h"

#include "admin/adminui.h"
#include "admin/reasondialog.h"
#include "models/displaytext.h"
#include "net/staffapi.h"

#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTreeWidget>

using namespace Qt::StringLiterals;

namespace encore {

namespace {

enum Column {
    WhenColumn,
    CustomerColumn,
    AmountColumn,
    StatusColumn,
    CardColumn,
    GatewayColumn,
    NoteColumn,
    ColumnCount
};

constexpr int kOrderRole = Qt::UserRole;

} // namespace

TopUpsTab::TopUpsTab(StaffApi *api, QWidget *parent)
    : QWidget(parent)
    , m_api(api)
{
    setObjectName(u"topUpsTab"_s);
    m_heading = new QLabel(this);
    m_heading->setObjectName(u"pageHeading"_s);
    m_caption = new QLabel(this);
    m_caption->setObjectName(u"caption"_s);
    m_caption->setWordWrap(true);
    m_status = new QComboBox(this);
    m_status->setObjectName(u"topUpStatusFilter"_s);
    m_status->addItem(QString(), QString());
    for (TopUpOrderStatus s : {TopUpOrderStatus::Pending, TopUpOrderStatus::Paid,
                               TopUpOrderStatus::Failed, TopUpOrderStatus::Cancelled})
        m_status->addItem(QString(), topUpOrderStatusName(s));
    connect(m_status, &QComboBox::currentIndexChanged, this, &TopUpsTab::refresh);
    m_refresh = adminui::button(u"topUpRefreshButton"_s, this);
    connect(m_refresh, &QPushButton::clicked, this, &TopUpsTab::refresh);

    m_table = new QTreeWidget(this);
    m_table->setObjectName(u"topUpTable"_s);
    m_table->setRootIsDecorated(false);
    m_table->setAlternatingRowColors(true);
    m_table->setColumnCount(ColumnCount);
    m_table->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->header()->setStretchLastSection(true);
    connect(m_table, &QTreeWidget::currentItemChanged, this, &TopUpsTab::updateButtons);
    m_refund = adminui::button(u"refundToCardButton"_s, this, "danger");
    connect(m_refund, &QPushButton::clicked, this, &TopUpsTab::refundSelected);

    auto *filters = new QHBoxLayout;
    filters->addWidget(m_status);
    filters->addStretch(1);
    filters->addWidget(m_refresh);
    auto *actions = new QHBoxLayout;
    actions->addStretch(1);
    actions->addWidget(m_refund);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 12, 24, 20);
    layout->addWidget(m_heading);
    layout->addWidget(m_caption);
    layout->addLayout(filters);
    layout->addWidget(m_table, 1);
    layout->addLayout(actions);
    retranslate();
    updateButtons();
}

std::optional<TopUpOrderStatus> TopUpsTab::statusFilter() const
{
    return topUpOrderStatusFromName(m_status->currentData().toString());
}

void TopUpsTab::refresh()
{
    m_api->topUpOrders(statusFilter(), this, [this](const Result<QList<TopUpOrder>> &r) {
        if (!r) {
            Q_EMIT failed(r.error());
            return;
        }
        setOrders(r.value());
        Q_EMIT ordersLoaded(int(r->size()));
    });
}

void TopUpsTab::setOrders(const QList<TopUpOrder> &orders)
{
    const auto keep = selectedOrder();
    m_orders = orders;
    m_table->clear();
    for (const TopUpOrder &o : orders) {
        auto *item = new QTreeWidgetItem(m_table);
        // Top-ups belong to no venue: the staff member's own zone, named by its abbreviation.
        item->setText(WhenColumn, DisplayText::dateTime(o.createdAt, DisplayText::localZone()));
        item->setText(CustomerColumn, o.username);
        item->setText(AmountColumn, money::format(o.amount));
        item->setTextAlignment(AmountColumn, Qt::AlignRight | Qt::AlignVCenter);
        item->setText(StatusColumn, statusText(o.status));
        item->setText(CardColumn,
                      o.cardLast4.isEmpty() ? tr("—")
                                            : tr("%1 ending %2").arg(o.cardBrand, o.cardLast4));
        item->setText(GatewayColumn, o.paymentKey.isEmpty() ? tr("—") : o.paymentKey);
        item->setToolTip(GatewayColumn, tr("Order %1").arg(o.id.toString(QUuid::WithoutBraces)));
        QString note;
        if (o.status == TopUpOrderStatus::Failed)
            note = o.failureMessage.isEmpty() ? o.failureCode : o.failureMessage;
        else if (o.settledAt.isValid())
            note = tr("Settled %1")
                       .arg(DisplayText::dateTime(o.settledAt, DisplayText::localZone()));
        item->setText(NoteColumn, note);
        item->setData(0, kOrderRole, o.id);
    }
    if (keep)
        selectOrder(keep->id);
    updateButtons();
}

bool TopUpsTab::selectOrder(const QUuid &orderId)
{
    for (int i = 0; i < m_table->topLevelItemCount(); ++i) {
        if (m_table->topLevelItem(i)->data(0, kOrderRole).toUuid() == orderId) {
            m_table->setCurrentItem(m_table->topLevelItem(i));
            return true;
        }
    }
    return false;
}

std::optional<TopUpOrder> TopUpsTab::selectedOrder() const
{
    const QTreeWidgetItem *item = m_table->currentItem();
    if (!item)
        return std::nullopt;
    const QUuid id = item->data(0, kOrderRole).toUuid();
    for (const TopUpOrder &o : m_orders) {
        if (o.id == id)
            return o;
    }
    return std::nullopt;
}

void TopUpsTab::updateButtons()
{
    const auto order = selectedOrder();
    m_refund->setEnabled(order && order->status == TopUpOrderStatus::Paid);
}

void TopUpsTab::refundSelected()
{
    const auto order = selectedOrder();
    if (!order || order->status != TopUpOrderStatus::Paid)
        return;
    auto *dialog = new ReasonDialog(
        tr("Refund to card"),
        tr("Give %1 back to %2's card (%3)? The wallet is debited first, so this is refused "
           "when the money has been spent.")
            .arg(money::format(order->amount), order->username,
                 order->cardLast4.isEmpty()
                     ? order->paymentKey
                     : tr("%1 ending %2").arg(order->cardBrand, order->cardLast4)),
        tr("Refund to card"), this);
    const QUuid id = order->id;
    const Money amount = order->amount;
    connect(dialog, &ReasonDialog::confirmed, this, [this, dialog, id, amount] {
        m_refund->setEnabled(false);
        m_api->refundTopUpToCard(
            id, dialog->reason(), this, [this, amount](const Result<TopUpOrder> &r) {
                updateButtons();
                if (!r) {
                    Q_EMIT failed(r.error());
                    return;
                }
                Q_EMIT succeeded(
                    tr("%1 went back to %2's card.")
                        .arg(money::format(amount),
                             r->username.isEmpty() ? tr("the customer") : r->username));
                refresh();
            });
    });
    dialog->open();
}

QString TopUpsTab::statusText(TopUpOrderStatus status)
{
    switch (status) {
    case TopUpOrderStatus::Pending:
        return tr("Pending");
    case TopUpOrderStatus::Paid:
        return tr("Paid");
    case TopUpOrderStatus::Failed:
        return tr("Failed");
    case TopUpOrderStatus::Cancelled:
        return tr("Refunded to card");
    }
    return {};
}

void TopUpsTab::retranslate()
{
    m_heading->setText(tr("Card top-ups"));
    m_caption->setText(tr("Every card top-up of every customer, newest first. Times are in your "
                          "own time zone."));
    m_status->setItemText(0, tr("All statuses"));
    for (int i = 1; i < m_status->count(); ++i) {
        if (const auto s = topUpOrderStatusFromName(m_status->itemData(i).toString()))
            m_status->setItemText(i, statusText(*s));
    }
    m_refresh->setText(tr("Refresh"));
    m_table->setHeaderLabels({tr("When"), tr("Customer"), tr("Amount"), tr("Status"), tr("Card"),
                              tr("Gateway payment id"), tr("Note")});
    m_refund->setText(tr("Refund to card…"));
    // The rows' words (statuses, dates) follow the language without a reload.
    setOrders(m_orders);
}

void TopUpsTab::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

} // namespace encore
