#include "ticketspage.h"

#include "models/reservationlistmodel.h"
#include "widgets/holdcountdown.h"
#include "widgets/icons.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace encore {

TicketsPage::TicketsPage(ReservationListModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_view(new QTableView(this))
    , m_heading(new QLabel(this))
    , m_empty(new QLabel(this))
    , m_refresh(new QPushButton(this))
    , m_receipt(new QPushButton(this))
    , m_payHold(new QPushButton(this))
    , m_countdown(new HoldCountdown(this))
    , m_cancelHold(new QPushButton(this))
    , m_refund(new QPushButton(this))
{
    setObjectName(u"ticketsPage"_s);
    m_heading->setObjectName(u"pageHeading"_s);
    m_empty->setObjectName(u"ticketsEmpty"_s);
    m_empty->setAlignment(Qt::AlignCenter);
    m_view->setObjectName(u"ticketsView"_s);
    m_view->setModel(model);
    m_view->verticalHeader()->hide();
    m_view->setShowGrid(false);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setSectionResizeMode(ReservationListModel::ConcertColumn,
                                                     QHeaderView::Stretch);
    m_refresh->setObjectName(u"refreshTicketsButton"_s);
    m_refresh->setIcon(Icons::icon(IconKind::Refresh));
    m_receipt->setObjectName(u"receiptButton"_s);
    m_payHold->setObjectName(u"payHoldButton"_s);
    m_payHold->setProperty("primary", true);
    m_countdown->setObjectName(u"ticketsHoldCountdown"_s);
    m_cancelHold->setObjectName(u"cancelHoldButton"_s);
    m_refund->setObjectName(u"refundButton"_s);
    m_refund->setProperty("danger", true);

    // The selected hold's countdown sits by the heading: notices float over the bottom-left
    // corner and must never hide the time left.
    m_countdown->setMaximumWidth(360);
    auto *top = new QHBoxLayout;
    top->addWidget(m_heading, 1);
    top->addWidget(m_countdown, 1);
    top->addSpacing(12);
    top->addWidget(m_refresh);
    auto *actions = new QHBoxLayout;
    actions->addStretch();
    actions->addWidget(m_receipt);
    actions->addWidget(m_payHold);
    actions->addWidget(m_cancelHold);
    actions->addWidget(m_refund);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 16, 24, 20);
    layout->addLayout(top);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_empty, 1);
    layout->addLayout(actions);

    const auto withSelected = [this](auto signal) {
        return [this, signal] {
            if (const Reservation *r = selected())
                Q_EMIT(this->*signal)(*r);
        };
    };
    connect(m_refresh, &QPushButton::clicked, this, &TicketsPage::refreshRequested);
    connect(m_receipt, &QPushButton::clicked, this, withSelected(&TicketsPage::receiptRequested));
    connect(m_payHold, &QPushButton::clicked, this, withSelected(&TicketsPage::payHoldRequested));
    connect(m_countdown, &HoldCountdown::expired, this, &TicketsPage::refreshRequested);
    connect(m_cancelHold, &QPushButton::clicked, this,
            withSelected(&TicketsPage::cancelHoldRequested));
    connect(m_refund, &QPushButton::clicked, this, withSelected(&TicketsPage::refundRequested));
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &TicketsPage::updateButtons);
    // A re-read of the list (after an outage, a refresh) keeps the row the customer chose.
    connect(model, &QAbstractItemModel::modelAboutToBeReset, this, [this] {
        const Reservation *r = selected();
        m_keepSelected = r ? r->id : QUuid();
    });
    connect(model, &QAbstractItemModel::modelReset, this, [this] {
        if (const int row = m_model->rowOf(m_keepSelected); !m_keepSelected.isNull() && row >= 0)
            select(row);
        updateButtons();
    });
    connect(model, &QAbstractItemModel::rowsInserted, this, &TicketsPage::updateButtons);
    connect(model, &QAbstractItemModel::dataChanged, this, &TicketsPage::updateButtons);
    retranslate();
}

const Reservation *TicketsPage::selected() const
{
    const QModelIndex current = m_view->currentIndex();
    return current.isValid() ? m_model->at(current.row()) : nullptr;
}

void TicketsPage::select(int row)
{
    m_view->selectRow(row);
}

void TicketsPage::setServerReachable(bool reachable)
{
    m_reachable = reachable;
    updateButtons();
}

void TicketsPage::updateButtons()
{
    const Reservation *r = selected();
    m_receipt->setEnabled(r && r->status == ReservationStatus::Paid);
    const bool held = r && r->status == ReservationStatus::Held
        && r->heldUntil > QDateTime::currentDateTimeUtc();
    m_payHold->setEnabled(held && m_reachable);
    m_cancelHold->setEnabled(held && m_reachable);
    m_refresh->setEnabled(m_reachable);
    // The selected hold's time left; a hold that runs out here is re-read (refreshRequested).
    m_countdown->setVisible(held);
    const QUuid shown = held ? r->id : QUuid();
    if (shown != m_countdownFor) {
        m_countdownFor = shown;
        if (held)
            m_countdown->start(r->heldUntil);
        else
            m_countdown->stop();
    }
    m_refund->setEnabled(r && r->status == ReservationStatus::Paid && m_reachable);
    const bool empty = m_model->rowCount() == 0;
    m_view->setVisible(!empty);
    m_empty->setVisible(empty);
}

void TicketsPage::retranslate()
{
    m_heading->setText(tr("My tickets"));
    m_empty->setText(tr("No tickets yet. Pick a concert to get started."));
    m_refresh->setText(tr("Refresh"));
    m_receipt->setText(tr("Receipt"));
    m_payHold->setText(tr("Pay for these seats"));
    m_cancelHold->setText(tr("Cancel hold"));
    m_refund->setText(tr("Refund ticket"));
    m_model->retranslate();
    updateButtons();
}

void TicketsPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

} // namespace encore
