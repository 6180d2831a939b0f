#include "seatstab.h"

#include "admin/adminseatfeed.h"
#include "admin/adminui.h"
#include "admin/reasondialog.h"
#include "admin/seatwaitsdialog.h"
#include "models/displaytext.h"
#include "models/seatmapmodel.h"
#include "net/errortext.h"
#include "widgets/repolish.h"
#include "widgets/seatmapwidget.h"

#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QTreeWidget>

#include <memory>

using namespace Qt::StringLiterals;

namespace encore {

SeatsTab::SeatsTab(AdminApi *api, AdminSeatFeed *feed, QWidget *parent)
    : QWidget(parent)
    , m_api(api)
    , m_feed(feed)
    , m_model(new SeatMapModel(this))
{
    setObjectName(u"seatsTab"_s);
    m_heading = new QLabel(this);
    m_heading->setObjectName(u"pageHeading"_s);
    m_dateLabel = new QLabel(this);
    m_dates = new QComboBox(this);
    m_dates->setObjectName(u"seatDateCombo"_s);
    // Sized by a fixed number of characters, not by its longest entry (a long title and date
    // made the Seats tab wider than the window and the window grew with it); long entries elide.
    adminui::sizeByCharacters(m_dates, 36);
    m_dates->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    connect(m_dates, &QComboBox::currentIndexChanged, this, &SeatsTab::onDateChosen);
    m_refresh = adminui::button(u"seatRefreshButton"_s, this);
    connect(m_refresh, &QPushButton::clicked, this, &SeatsTab::reload);
    m_waitingList = adminui::button(u"seatWaitsButton"_s, this);
    connect(m_waitingList, &QPushButton::clicked, this, [this] {
        auto *dialog = new SeatWaitsDialog(m_api, m_scheduleId, m_dates->currentText(), this);
        connect(dialog, &SeatWaitsDialog::cleared, this, &SeatsTab::succeeded);
        dialog->open();
    });
    m_export = adminui::button(u"exportAttendeesButton"_s, this);
    connect(m_export, &QPushButton::clicked, this, [this] {
        if (m_scheduleId > 0)
            Q_EMIT exportRequested(m_scheduleId, u"attendees-%1.csv"_s.arg(m_scheduleId));
    });
    m_live = new QLabel(this);
    m_live->setObjectName(u"liveStatus"_s);
    auto *top = new QHBoxLayout;
    top->addWidget(m_dateLabel);
    top->addWidget(m_dates, 1);
    top->addWidget(m_refresh);
    top->addSpacing(12);
    top->addWidget(m_live);
    top->addWidget(m_export);
    top->addWidget(m_waitingList);

    QFrame *mapCard = adminui::card(u"mapCard"_s, this);
    m_summary = new QLabel(mapCard);
    m_summary->setObjectName(u"seatSummary"_s);
    m_mapWidget = new SeatMapWidget(mapCard);
    m_mapWidget->setObjectName(u"staffSeatMap"_s);
    m_mapWidget->setStaffMode(true);
    m_mapWidget->setModel(m_model);
    connect(m_mapWidget, &SeatMapWidget::selectionChanged, this, &SeatsTab::updateDetails);
    auto *mapLayout = new QVBoxLayout(mapCard);
    mapLayout->setContentsMargins(18, 14, 18, 14);
    mapLayout->addWidget(m_summary);
    mapLayout->addWidget(m_mapWidget, 1);

    QFrame *detailsCard = adminui::card(u"seatDetailsCard"_s, this);
    m_detailsTitle = new QLabel(detailsCard);
    m_detailsTitle->setObjectName(u"sectionTitle"_s);
    m_details = new QTreeWidget(detailsCard);
    m_details->setObjectName(u"seatDetails"_s);
    m_details->setRootIsDecorated(false);
    m_details->setUniformRowHeights(true);
    m_details->setColumnCount(5);
    m_details->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_details->header()->setStretchLastSection(true);
    m_details->setSelectionMode(QAbstractItemView::NoSelection);
    m_release = adminui::button(u"releaseButton"_s, detailsCard, "danger");
    m_block = adminui::button(u"blockButton"_s, detailsCard);
    m_unblock = adminui::button(u"unblockButton"_s, detailsCard);
    m_price = adminui::button(u"seatPriceButton"_s, detailsCard);
    m_clear = adminui::button(u"clearSelectionButton"_s, detailsCard, "flat");
    connect(m_price, &QPushButton::clicked, this, &SeatsTab::priceSelected);
    connect(m_release, &QPushButton::clicked, this, &SeatsTab::releaseSelected);
    connect(m_block, &QPushButton::clicked, this, &SeatsTab::blockSelected);
    connect(m_unblock, &QPushButton::clicked, this, &SeatsTab::unblockSelected);
    connect(m_clear, &QPushButton::clicked, m_mapWidget, &SeatMapWidget::clearSelection);
    // Two rows: in one, the five buttons made the card (and the window) wider than 1180 px.
    auto *seatActions = new QHBoxLayout;
    seatActions->addWidget(m_release);
    seatActions->addWidget(m_block);
    seatActions->addWidget(m_unblock);
    seatActions->addStretch();
    auto *otherActions = new QHBoxLayout;
    otherActions->addWidget(m_price);
    otherActions->addStretch();
    otherActions->addWidget(m_clear);
    auto *actions = new QVBoxLayout;
    actions->addLayout(seatActions);
    actions->addLayout(otherActions);
    auto *detailsLayout = new QVBoxLayout(detailsCard);
    detailsLayout->setContentsMargins(18, 14, 18, 14);
    detailsLayout->addWidget(m_detailsTitle);
    detailsLayout->addWidget(m_details, 1);
    detailsLayout->addLayout(actions);

    auto *body = new QHBoxLayout;
    body->setSpacing(16);
    body->addWidget(mapCard, 3);
    body->addWidget(detailsCard, 2);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 12, 24, 20);
    layout->addWidget(m_heading);
    layout->addLayout(top);
    layout->addLayout(body, 1);

    connect(m_feed, &AdminSeatFeed::changed, this, [this](qint64 id) {
        if (id == m_scheduleId)
            reload();
    });
    connect(m_feed, &AdminSeatFeed::connectedChanged, this, &SeatsTab::retranslate);
    retranslate();
    updateDetails();
}

void SeatsTab::setConcerts(const QList<Concert> &concerts)
{
    m_concerts = concerts;
    const qint64 keep = m_scheduleId;
    {
        const QSignalBlocker block(m_dates);
        m_dates->clear();
        for (const Concert &c : concerts) {
            for (const Schedule &s : c.schedules)
                m_dates->addItem(
                    u"%1 — %2"_s.arg(c.title, DisplayText::dateTime(s.startsAt, c.zone())), s.id);
        }
    }
    if (keep > 0 && showSchedule(keep))
        return;
    m_scheduleId = 0;
    if (m_dates->count() > 0)
        onDateChosen(0);
    else
        onDateChosen(-1);
}

bool SeatsTab::showSchedule(qint64 scheduleId)
{
    const int index = m_dates->findData(scheduleId);
    if (index < 0)
        return false;
    if (m_dates->currentIndex() != index) {
        m_dates->setCurrentIndex(index); // onDateChosen follows
    } else if (m_scheduleId != scheduleId) {
        onDateChosen(index);
    }
    return true;
}

void SeatsTab::onDateChosen(int index)
{
    const qint64 id = index >= 0 ? m_dates->itemData(index).toLongLong() : 0;
    if (id == m_scheduleId)
        return;
    m_scheduleId = id;
    m_mapWidget->clearSelection();
    m_map = {};
    m_model->clear();
    m_feed->watch(id);
    updateDetails();
    reload();
}

void SeatsTab::reload()
{
    if (m_scheduleId <= 0)
        return;
    if (m_loading) {
        m_reloadAgain = true; // one more read after this one: it may have missed the change
        return;
    }
    m_loading = true;
    const qint64 id = m_scheduleId;
    m_api->seats(id, this, [this, id](const Result<AdminSeatMap> &r) {
        m_loading = false;
        if (id == m_scheduleId) {
            if (r)
                setSeatMap(r.value());
            else
                Q_EMIT failed(r.error());
        }
        if (std::exchange(m_reloadAgain, false))
            reload();
    });
}

void SeatsTab::setSeatMap(const AdminSeatMap &map)
{
    m_map = map;
    if (m_scheduleId != map.scheduleId) {
        m_scheduleId = map.scheduleId;
        const QSignalBlocker block(m_dates);
        m_dates->setCurrentIndex(m_dates->findData(map.scheduleId));
    }
    if (m_model->scheduleId() == map.scheduleId)
        m_model->applySeats(map.toSeatMap().seats);
    else
        m_model->setSeatMap(map.toSeatMap());
    updateDetails();
    Q_EMIT seatMapLoaded(map.scheduleId);
}

QList<int> SeatsTab::selectedWith(SeatStatus status) const
{
    QList<int> out;
    for (int n : m_mapWidget->selectedSeats()) {
        if (const auto s = m_map.seat(n); s && s->seat.status == status)
            out.append(n);
    }
    std::sort(out.begin(), out.end());
    return out;
}

void SeatsTab::updateDetails()
{
    // The selected seats, or (nothing selected) every seat someone holds, owns or staff blocked.
    QList<int> shown = m_mapWidget->selectedSeats();
    const bool selection = !shown.isEmpty();
    if (!selection) {
        for (const AdminSeat &s : m_map.seats) {
            if (s.seat.status != SeatStatus::Available)
                shown.append(s.seat.number);
        }
    }
    std::sort(shown.begin(), shown.end());
    m_details->clear();
    const QTimeZone zone = zoneOfSchedule(m_concerts, m_scheduleId);
    for (int n : std::as_const(shown)) {
        const auto s = m_map.seat(n);
        if (!s)
            continue;
        auto *item = new QTreeWidgetItem(m_details);
        item->setText(0, u"%1 · %2"_s.arg(n).arg(s->seat.tier));
        // Staff words: the customer's "not for sale" is a seat staff blocked.
        item->setText(1,
                      s->seat.status == SeatStatus::Blocked
                          ? tr("blocked")
                          : DisplayText::seatStatus(s->seat.status));
        item->setText(2, s->holder.isEmpty() ? tr("—") : s->holder);
        item->setText(3, s->reservationId.isEmpty() ? tr("—") : s->reservationId.left(8));
        item->setToolTip(3, s->reservationId);
        QString when = tr("—");
        if (s->seat.status == SeatStatus::Held && s->seat.heldUntil.isValid())
            when = tr("until %1").arg(DisplayText::timeOfDay(s->seat.heldUntil, zone));
        else if (s->seat.status == SeatStatus::Sold && s->paidAt.isValid())
            when = tr("paid %1").arg(DisplayText::dateTime(s->paidAt, zone));
        item->setText(4, when);
        item->setToolTip(4, when); // the column may be too narrow for a whole date
        item->setData(0, Qt::UserRole, n);
    }
    int held = 0, sold = 0, blocked = 0;
    for (const AdminSeat &s : m_map.seats) {
        held += s.seat.status == SeatStatus::Held;
        sold += s.seat.status == SeatStatus::Sold;
        blocked += s.seat.status == SeatStatus::Blocked;
    }
    m_summary->setText(m_map.seats.isEmpty()
                           ? tr("Choose a date to see its seats.")
                           : tr("%1 sold · %2 held · %3 blocked · %4 free")
                                 .arg(sold)
                                 .arg(held)
                                 .arg(blocked)
                                 .arg(m_map.seats.size() - sold - held - blocked));
    m_detailsTitle->setText(selection ? tr("Selected seats") : tr("Held, sold and blocked seats"));
    m_release->setEnabled(!selectedWith(SeatStatus::Held).isEmpty());
    m_block->setEnabled(!selectedWith(SeatStatus::Available).isEmpty());
    m_unblock->setEnabled(!selectedWith(SeatStatus::Blocked).isEmpty());
    m_price->setEnabled(!selectedUnsold().isEmpty());
    m_clear->setEnabled(selection);
    m_export->setEnabled(m_scheduleId > 0);
    m_waitingList->setEnabled(m_scheduleId > 0);
}

void SeatsTab::releaseSelected()
{
    // Releasing one seat of a hold frees the whole reservation: one call per reservation.
    QList<int> seats;
    QStringList reservations, holders;
    for (int n : selectedWith(SeatStatus::Held)) {
        const AdminSeat s = *m_map.seat(n);
        if (!reservations.contains(s.reservationId)) {
            reservations.append(s.reservationId);
            seats.append(n);
            if (!holders.contains(s.holder))
                holders.append(s.holder);
        }
    }
    if (seats.isEmpty())
        return;
    askReason(
        tr("Release hold"),
        tr("Release the hold of %1 on seat(s) %2? Every seat of that hold "
           "becomes free for others at once.")
            .arg(holders.join(u", "_s), DisplayText::seatList(selectedWith(SeatStatus::Held))),
        tr("Release"), AdminApi::SeatAction::Release, seats, tr("Hold released."));
}

void SeatsTab::blockSelected()
{
    const QList<int> seats = selectedWith(SeatStatus::Available);
    if (seats.isEmpty())
        return;
    askReason(tr("Block seats"),
              tr("Block seat(s) %1? Nobody can buy them until they are unblocked.")
                  .arg(DisplayText::seatList(seats)),
              tr("Block"), AdminApi::SeatAction::Block, seats,
              tr("Seat(s) %1 blocked.").arg(DisplayText::seatList(seats)));
}

void SeatsTab::unblockSelected()
{
    const QList<int> seats = selectedWith(SeatStatus::Blocked);
    if (seats.isEmpty())
        return;
    askReason(tr("Unblock seats"),
              tr("Unblock seat(s) %1? They go on sale at once.").arg(DisplayText::seatList(seats)),
              tr("Unblock"), AdminApi::SeatAction::Unblock, seats,
              tr("Seat(s) %1 unblocked.").arg(DisplayText::seatList(seats)));
}

QList<int> SeatsTab::selectedUnsold() const
{
    QList<int> seats;
    for (int n : m_mapWidget->selectedSeats()) {
        if (const auto s = m_map.seat(n); s && s->seat.status != SeatStatus::Sold)
            seats.append(n);
    }
    return seats;
}

void SeatsTab::priceSelected()
{
    const QList<int> seats = selectedUnsold();
    if (seats.isEmpty())
        return;
    auto *ask = new QInputDialog(this);
    ask->setObjectName(u"seatPriceDialog"_s);
    ask->setWindowModality(Qt::WindowModal);
    ask->setAttribute(Qt::WA_DeleteOnClose);
    ask->setWindowTitle(tr("Seat price"));
    ask->setLabelText(
        tr("New price of %n seat(s) (%1; sold seats keep theirs):", nullptr, int(seats.size()))
            .arg(DisplayText::seatList(seats)));
    ask->setInputMode(QInputDialog::IntInput);
    // The dialog's spin box reads like every amount: "120,000 KRW" / "120,000원".
    if (auto *spin = ask->findChild<QSpinBox *>()) {
        spin->setSuffix(money::suffix());
        spin->setGroupSeparatorShown(true);
    }
    ask->setIntRange(0, int(money::kMaxPrice));
    ask->setIntStep(1000);
    ask->setIntValue(int(m_map.seat(seats.first())->seat.price));
    const qint64 id = m_scheduleId;
    connect(ask, &QInputDialog::intValueSelected, this, [this, id, seats](int price) {
        QMap<int, Money> prices;
        for (int n : seats)
            prices.insert(n, price);
        m_api->setSeatPrices(
            id, prices, this, [this, id, seats, price](const Result<AdminSeatMap> &r) {
                if (!r) {
                    Q_EMIT failed(r.error());
                    return;
                }
                if (id == m_scheduleId)
                    setSeatMap(r.value());
                Q_EMIT succeeded(tr("Seat(s) %1 now cost %2.")
                                     .arg(DisplayText::seatList(seats), money::format(price)));
            });
    });
    ask->open();
}

void SeatsTab::askReason(const QString &title, const QString &text, const QString &confirmText,
                         AdminApi::SeatAction action, const QList<int> &seats, const QString &done)
{
    // Why, in the staff member's words, for the audit log; window-modal like every question.
    auto *dialog = new ReasonDialog(title, text, confirmText, this);
    connect(dialog, &ReasonDialog::confirmed, this, [this, dialog, action, seats, done] {
        runActions(action, seats, done, dialog->reason());
    });
    dialog->open();
}

void SeatsTab::runActions(AdminApi::SeatAction action, const QList<int> &seats, const QString &done,
                          const QString &reason)
{
    // One seat after another; the first refusal stops the rest and is shown.
    const qint64 id = m_scheduleId;
    auto next = std::make_shared<std::function<void(int)>>();
    *next = [this, id, action, seats, done, reason, next](int i) {
        if (i >= seats.size()) {
            m_mapWidget->clearSelection();
            Q_EMIT succeeded(done);
            reload();
            return;
        }
        m_api->seatAction(id, seats.at(i), action, reason, this,
                          [this, next, i](const Result<AdminSeatMap> &r) {
                              if (!r) {
                                  Q_EMIT failed(r.error());
                                  reload();
                                  return;
                              }
                              setSeatMap(r.value());
                              (*next)(i + 1);
                          });
    };
    for (QPushButton *b : {m_release, m_block, m_unblock})
        b->setEnabled(false);
    (*next)(0);
}

void SeatsTab::retranslate()
{
    m_heading->setText(tr("Seats"));
    m_dateLabel->setText(tr("Date"));
    m_refresh->setText(tr("Refresh"));
    m_export->setText(tr("Export attendees (CSV)…"));
    m_waitingList->setText(tr("Waiting list…"));
    m_live->setText(m_feed->isConnected() ? tr("● Live") : tr("○ Updating every few seconds"));
    m_live->setProperty("live", m_feed->isConnected());
    repolish(m_live); // the style sheet selects on the property: green when live
    m_details->setHeaderLabels(
        {tr("Seat"), tr("Status"), tr("Customer"), tr("Reservation"), tr("Time")});
    m_release->setText(tr("Release hold"));
    m_block->setText(tr("Block"));
    m_unblock->setText(tr("Unblock"));
    m_price->setText(tr("Set price…"));
    m_clear->setText(tr("Clear selection"));
    updateDetails();
}

void SeatsTab::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

} // namespace encore
