#include "customerstab.h"

#include "admin/adminui.h"
#include "admin/reasondialog.h"
#include "models/displaytext.h"
#include "models/ledgermodel.h"
#include "models/reservationlistmodel.h"
#include "net/staffapi.h"

#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QTabWidget>
#include <QTableView>
#include <QTreeWidget>

using namespace Qt::StringLiterals;

namespace encore {

namespace {

constexpr int kConcertRole = Qt::UserRole;
constexpr int kBlockRole = Qt::UserRole + 1;

QTableView *table(const QString &objectName, QAbstractItemModel *model, QWidget *parent)
{
    auto *view = new QTableView(parent);
    view->setObjectName(objectName);
    view->setModel(model);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->verticalHeader()->hide();
    view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    view->horizontalHeader()->setStretchLastSection(true);
    view->setAlternatingRowColors(true);
    return view;
}

QTreeWidget *tree(const QString &objectName, QWidget *parent)
{
    auto *view = new QTreeWidget(parent);
    view->setObjectName(objectName);
    view->setRootIsDecorated(false);
    view->setAlternatingRowColors(true);
    return view;
}

} // namespace

CustomersTab::CustomersTab(StaffApi *api, QWidget *parent)
    : QWidget(parent)
    , m_api(api)
{
    setObjectName(u"customersTab"_s);
    m_heading = new QLabel(this);
    m_heading->setObjectName(u"pageHeading"_s);
    m_query = new QLineEdit(this);
    m_query->setObjectName(u"customerSearch"_s);
    m_query->setMaxLength(64);
    m_query->setClearButtonEnabled(true);
    m_search = adminui::button(u"customerSearchButton"_s, this, "primary");
    m_list = new QListWidget(this);
    m_list->setObjectName(u"customerResults"_s);
    m_list->setMaximumWidth(280);

    auto *detail = adminui::card(u"customerCard"_s, this);
    m_name = new QLabel(detail);
    m_name->setObjectName(u"customerName"_s);
    m_name->setProperty("heading", true);
    m_balance = new QLabel(detail);
    m_balance->setObjectName(u"customerBalance"_s);
    m_adjust = adminui::button(u"adjustWalletButton"_s, detail);
    m_sections = new QTabWidget(detail);
    m_sections->setObjectName(u"customerSections"_s);

    auto *reservationsPage = new QWidget(m_sections);
    m_reservationModel = new ReservationListModel(this);
    m_reservations = table(u"customerReservations"_s, m_reservationModel, reservationsPage);
    m_refund = adminui::button(u"refundButton"_s, reservationsPage, "danger");
    auto *reservationsLayout = new QVBoxLayout(reservationsPage);
    reservationsLayout->addWidget(m_reservations, 1);
    auto *refundRow = new QHBoxLayout;
    refundRow->addStretch(1);
    refundRow->addWidget(m_refund);
    reservationsLayout->addLayout(refundRow);

    m_payments = tree(u"customerPayments"_s, m_sections);
    m_ledgerModel = new LedgerModel(this);
    m_ledger = table(u"customerLedger"_s, m_ledgerModel, m_sections);

    auto *queuePage = new QWidget(m_sections);
    m_queue = tree(u"customerQueue"_s, queuePage);
    m_remove = adminui::button(u"removeFromQueueButton"_s, queuePage, "danger");
    m_unblock = adminui::button(u"queueUnblockButton"_s, queuePage);
    m_blockConcert = new QComboBox(queuePage);
    m_blockConcert->setObjectName(u"blockConcert"_s);
    adminui::sizeByCharacters(m_blockConcert, 24);
    m_block = adminui::button(u"queueBlockButton"_s, queuePage, "danger");
    auto *queueLayout = new QVBoxLayout(queuePage);
    queueLayout->addWidget(m_queue, 1);
    auto *queueRow = new QHBoxLayout;
    queueRow->addWidget(m_remove);
    queueRow->addWidget(m_unblock);
    queueRow->addStretch(1);
    queueRow->addWidget(m_blockConcert);
    queueRow->addWidget(m_block);
    queueLayout->addLayout(queueRow);

    m_sections->addTab(reservationsPage, QString());
    m_sections->addTab(m_payments, QString());
    m_sections->addTab(m_ledger, QString());
    m_sections->addTab(queuePage, QString());

    auto *detailLayout = new QVBoxLayout(detail);
    auto *top = new QHBoxLayout;
    top->addWidget(m_name);
    top->addStretch(1);
    top->addWidget(m_balance);
    top->addWidget(m_adjust);
    detailLayout->addLayout(top);
    detailLayout->addWidget(m_sections, 1);

    auto *searchRow = new QHBoxLayout;
    searchRow->addWidget(m_heading);
    searchRow->addStretch(1);
    searchRow->addWidget(m_query);
    searchRow->addWidget(m_search);
    auto *body = new QHBoxLayout;
    body->addWidget(m_list);
    body->addWidget(detail, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 16, 24, 16);
    layout->addLayout(searchRow);
    layout->addLayout(body, 1);

    connect(m_search, &QPushButton::clicked, this, [this] { search(m_query->text()); });
    connect(m_query, &QLineEdit::returnPressed, this, [this] { search(m_query->text()); });
    connect(m_list, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row >= 0 && row < m_results.size())
            showCustomer(m_results[row].id);
    });
    connect(m_refund, &QPushButton::clicked, this, &CustomersTab::refundSelected);
    connect(m_adjust, &QPushButton::clicked, this, &CustomersTab::adjustWallet);
    connect(m_remove, &QPushButton::clicked, this, &CustomersTab::removeFromQueue);
    connect(m_block, &QPushButton::clicked, this, &CustomersTab::blockFromQueue);
    connect(m_unblock, &QPushButton::clicked, this, &CustomersTab::unblockSelected);
    retranslate();
}

void CustomersTab::setConcerts(const QList<Concert> &concerts)
{
    m_concerts = concerts;
    const QVariant current = m_blockConcert->currentData();
    m_blockConcert->clear();
    for (const Concert &c : concerts)
        m_blockConcert->addItem(c.title, c.id);
    m_blockConcert->setCurrentIndex(std::max(0, m_blockConcert->findData(current)));
}

void CustomersTab::search(const QString &text)
{
    m_query->setText(text);
    if (text.trimmed().isEmpty())
        return;
    m_api->findCustomers(text.trimmed(), this, [this](const Result<CustomerList> &r) {
        if (!r) {
            Q_EMIT failed(r.error());
            return;
        }
        m_results = r->users;
        {
            const QSignalBlocker quiet(m_list);
            m_list->clear();
            for (const CustomerSummary &u : std::as_const(m_results)) {
                auto *item = new QListWidgetItem(
                    u.role == Role::Staff ? tr("%1 (staff)").arg(u.username) : u.username, m_list);
                item->setToolTip(tr("Wallet: %1").arg(money::format(u.balance)));
            }
        }
        Q_EMIT searched(int(m_results.size()));
        if (m_results.size() == 1)
            m_list->setCurrentRow(0);
    });
}

void CustomersTab::showCustomer(const QUuid &userId)
{
    m_api->customer(userId, this, [this](const Result<CustomerDetail> &r) {
        if (!r) {
            Q_EMIT failed(r.error());
            return;
        }
        m_customer = r.value();
        showDetail(r.value());
        Q_EMIT customerShown();
    });
}

void CustomersTab::refresh()
{
    if (m_customer)
        showCustomer(m_customer->user.id);
}

QString CustomersTab::concertTitle(qint64 concertId) const
{
    for (const Concert &c : m_concerts) {
        if (c.id == concertId)
            return c.title;
    }
    return tr("Concert %1").arg(concertId);
}

void CustomersTab::showDetail(const CustomerDetail &d)
{
    const bool any = !d.user.id.isNull();
    m_name->setText(any ? d.user.username : tr("Search for a customer by username."));
    m_balance->setText(any ? tr("Wallet: %1").arg(money::format(d.wallet.balance)) : QString());
    for (QWidget *w : std::initializer_list<QWidget *> {m_adjust, m_sections})
        w->setEnabled(any);
    m_reservationModel->setReservations(d.reservations);
    m_ledgerModel->setEntries(d.ledger);
    m_payments->clear();
    for (const Payment &p : d.payments) {
        // A payment's times are in the venue zone of the reservation it paid for.
        const auto paid
            = std::find_if(d.reservations.cbegin(), d.reservations.cend(),
                           [&](const Reservation &r) { return r.id == p.reservationId; });
        const QTimeZone zone = paid != d.reservations.cend() ? paid->zone() : venueTimeZone({});
        auto *item = new QTreeWidgetItem(
            m_payments,
            {DisplayText::dateTime(p.paidAt, zone), money::format(p.amount),
             p.refundedAt.isValid()
                 ? tr("Refunded %1").arg(DisplayText::dateTime(p.refundedAt, zone))
                 : tr("Paid")});
        item->setToolTip(0, p.reservationId.toString(QUuid::WithoutBraces));
    }
    m_queue->clear();
    for (const QueueTicket &t : d.queueTickets) {
        auto *item = new QTreeWidgetItem(
            m_queue,
            {concertTitle(t.concertId),
             t.status == QueueStatus::Active
                 ? tr("Their turn, until %1")
                       .arg(DisplayText::dateTime(t.activeUntil,
                                                  zoneOfConcert(m_concerts, t.concertId)))
                 : tr("Waiting, number %1 in line").arg(t.position)});
        item->setData(0, kConcertRole, t.concertId);
        item->setData(0, kBlockRole, false);
    }
    for (const QueueBlock &b : d.queueBlocks) {
        auto *item = new QTreeWidgetItem(
            m_queue,
            {b.concertTitle.isEmpty() ? concertTitle(b.concertId) : b.concertTitle,
             tr("Blocked: %1").arg(b.reason)});
        item->setData(0, kConcertRole, b.concertId);
        item->setData(0, kBlockRole, true);
    }
}

std::optional<Reservation> CustomersTab::selectedReservation() const
{
    if (!m_customer)
        return std::nullopt;
    const int row = m_reservations->currentIndex().row();
    if (row < 0 || row >= m_customer->reservations.size())
        return std::nullopt;
    return m_customer->reservations[row];
}

ReasonDialog *CustomersTab::ask(const QString &title, const QString &text,
                                const QString &confirmText,
                                const std::function<void(ReasonDialog *)> &send)
{
    auto *dialog = new ReasonDialog(title, text, confirmText, this);
    connect(dialog, &ReasonDialog::confirmed, this, [dialog, send] { send(dialog); });
    dialog->open();
    return dialog;
}

template<typename T>
std::function<void(const Result<T> &)>
CustomersTab::outcome(std::function<QString(const T &)> message)
{
    return [this, message = std::move(message)](const Result<T> &r) {
        if (!r) {
            Q_EMIT failed(r.error());
            return;
        }
        Q_EMIT succeeded(message(r.value()));
        refresh();
    };
}

void CustomersTab::refundSelected()
{
    const auto r = selectedReservation();
    if (!r || r->status != ReservationStatus::Paid) {
        Q_EMIT failed(
            ApiError::withText(ErrorCode::Conflict, tr("Pick a paid reservation to refund.")));
        return;
    }
    ReasonDialog *dialog = ask(
        tr("Refund"),
        tr("Refund %1 (%2, seats %3) to %4's wallet. The seats go back on sale; the customer's "
           "refund deadline does not apply.")
            .arg(r->concertTitle, DisplayText::dateTime(r->startsAt, r->zone()),
                 DisplayText::seatList(r->seats), m_customer->user.username),
        tr("Refund"), [this, id = r->id](ReasonDialog *d) {
            m_api->refund(id, {d->reason(), d->seats()}, this,
                          outcome<Reservation>([this](const Reservation &after) {
                              return after.status == ReservationStatus::Refunded
                                  ? tr("The whole reservation was refunded.")
                                  : tr("Refunded; the reservation keeps seats %1.")
                                        .arg(DisplayText::seatList(after.seats));
                          }));
        });
    if (r->seats.size() > 1)
        dialog->askSeats(r->seats);
}

void CustomersTab::adjustWallet()
{
    if (!m_customer)
        return;
    // One key per adjustment the staff member means: a lost answer retried is not a second one.
    const QString key = QUuid::createUuid().toString(QUuid::WithoutBraces);
    ReasonDialog *dialog = ask(
        tr("Adjust wallet"),
        tr("%1's wallet holds %2. A credit adds money, a debit takes it away; the balance never "
           "goes below zero.")
            .arg(m_customer->user.username, money::format(m_customer->wallet.balance)),
        tr("Adjust"), [this, key, userId = m_customer->user.id](ReasonDialog *d) {
            m_api->adjustWallet(
                userId, {d->amount(), d->reason()}, key, this,
                outcome<WalletAdjustment>([this](const WalletAdjustment &a) {
                    return tr("Wallet adjusted; it now holds %1.").arg(money::format(a.balance));
                }));
        });
    dialog->askAmount(staffops::kMaxAdjustment);
}

std::optional<qint64> CustomersTab::selectedQueueRow(bool block)
{
    QTreeWidgetItem *item = m_queue->currentItem();
    if (!m_customer || !item || item->data(0, kBlockRole).toBool() != block) {
        Q_EMIT failed(ApiError::withText(ErrorCode::Conflict,
                                         block ? tr("Pick a block first.")
                                               : tr("Pick a queue ticket first.")));
        return std::nullopt;
    }
    return item->data(0, kConcertRole).toLongLong();
}

void CustomersTab::removeFromQueue()
{
    const auto concertId = selectedQueueRow(false);
    if (!concertId)
        return;
    ask(tr("Remove from queue"),
        tr("End %1's place or turn in the queue for %2.")
            .arg(m_customer->user.username, concertTitle(*concertId)),
        tr("Remove"),
        [this, concertId = *concertId, userId = m_customer->user.id](ReasonDialog *d) {
            m_api->removeFromQueue(
                concertId, userId, d->reason(), this,
                outcome<Empty>([this](const Empty &) { return tr("Removed from the queue."); }));
        });
}

void CustomersTab::blockFromQueue()
{
    if (!m_customer || m_blockConcert->currentIndex() < 0)
        return;
    const qint64 concertId = m_blockConcert->currentData().toLongLong();
    ask(tr("Block from queue"),
        tr("Block %1 from joining the queue for %2. Their place in it ends now.")
            .arg(m_customer->user.username, concertTitle(concertId)),
        tr("Block"), [this, concertId, userId = m_customer->user.id](ReasonDialog *d) {
            m_api->blockFromQueue(
                concertId, {userId, d->reason()}, this,
                outcome<QueueBlock>([this](const QueueBlock &b) {
                    return tr("Blocked from the queue for %1.").arg(b.concertTitle);
                }));
        });
}

void CustomersTab::unblockSelected()
{
    const auto concertId = selectedQueueRow(true);
    if (!concertId)
        return;
    ask(tr("Lift block"),
        tr("Let %1 join the queue for %2 again.")
            .arg(m_customer->user.username, concertTitle(*concertId)),
        tr("Lift block"),
        [this, concertId = *concertId, userId = m_customer->user.id](ReasonDialog *d) {
            m_api->unblockFromQueue(
                concertId, userId, d->reason(), this,
                outcome<Empty>([this](const Empty &) { return tr("The block is lifted."); }));
        });
}

void CustomersTab::retranslate()
{
    m_heading->setText(tr("Customers"));
    m_query->setPlaceholderText(tr("Username or part of it"));
    m_search->setText(tr("Find"));
    m_adjust->setText(tr("Adjust wallet…"));
    m_refund->setText(tr("Refund…"));
    m_remove->setText(tr("Remove from queue…"));
    m_block->setText(tr("Block from queue…"));
    m_unblock->setText(tr("Lift block…"));
    m_sections->setTabText(0, tr("Reservations"));
    m_sections->setTabText(1, tr("Payments"));
    m_sections->setTabText(2, tr("Wallet ledger"));
    m_sections->setTabText(3, tr("Queue"));
    m_payments->setHeaderLabels({tr("Paid"), tr("Amount"), tr("State")});
    m_queue->setHeaderLabels({tr("Concert"), tr("Where they are")});
    if (m_customer)
        showDetail(*m_customer);
    else
        showDetail({});
}

void CustomersTab::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

} // namespace encore
