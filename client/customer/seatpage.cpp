#include "seatpage.h"

#include "models/displaytext.h"
#include "models/seatmapmodel.h"
#include "widgets/holdcountdown.h"
#include "widgets/icons.h"
#include "widgets/repolish.h"
#include "widgets/seatmapwidget.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStackedWidget>
#include <QTimer>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace encore {

namespace {
QLabel *label(const QString &name, QWidget *parent)
{
    auto *l = new QLabel(parent);
    l->setObjectName(name);
    l->setWordWrap(true);
    return l;
}

QPushButton *button(const QString &name, QWidget *parent, bool primary = false)
{
    auto *b = new QPushButton(parent);
    b->setObjectName(name);
    b->setProperty("primary", primary);
    return b;
}
} // namespace

SeatPage::SeatPage(SeatMapModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_map(new SeatMapWidget(this))
    , m_title(label(u"seatPageTitle"_s, this))
    , m_subtitle(label(u"seatPageSubtitle"_s, this))
    , m_turnClock(label(u"turnClock"_s, this))
    , m_turnTimer(new QTimer(this))
    , m_leave(button(u"leaveSeatsButton"_s, this))
    , m_side(new QStackedWidget(this))
{
    setObjectName(u"seatPage"_s);
    m_map->setModel(model);
    m_leave->setIcon(Icons::icon(IconKind::Back));

    auto *pick = new QWidget(m_side);
    m_pickHeading = label(u"sectionTitle"_s, pick);
    m_tierPrices = label(u"tierPrices"_s, pick);
    m_selection = label(u"selectionSeats"_s, pick);
    m_total = label(u"selectionTotal"_s, pick);
    m_holdButton = button(u"holdButton"_s, pick, true);
    auto *pickLayout = new QVBoxLayout(pick);
    pickLayout->setContentsMargins(0, 0, 0, 0);
    pickLayout->addWidget(m_tierPrices);
    pickLayout->addSpacing(8);
    pickLayout->addWidget(m_pickHeading);
    pickLayout->addWidget(m_selection);
    pickLayout->addWidget(m_total);
    pickLayout->addStretch();
    pickLayout->addWidget(m_holdButton);

    auto *held = new QWidget(m_side);
    m_heldHeading = label(u"sectionTitle"_s, held);
    m_heldSeats = label(u"heldSeats"_s, held);
    m_heldTotal = label(u"heldTotal"_s, held);
    m_countdown = new HoldCountdown(held);
    m_pay = button(u"payButton"_s, held, true);
    m_release = button(u"releaseHoldButton"_s, held);
    auto *heldLayout = new QVBoxLayout(held);
    heldLayout->setContentsMargins(0, 0, 0, 0);
    heldLayout->addWidget(m_heldHeading);
    heldLayout->addWidget(m_heldSeats);
    heldLayout->addWidget(m_heldTotal);
    heldLayout->addSpacing(8);
    heldLayout->addWidget(m_countdown);
    heldLayout->addStretch();
    heldLayout->addWidget(m_pay);
    heldLayout->addWidget(m_release);

    m_side->addWidget(pick);
    m_side->addWidget(held);
    auto *sideCard = new QWidget(this);
    sideCard->setObjectName(u"detailsCard"_s);
    sideCard->setFixedWidth(280);
    auto *sideLayout = new QVBoxLayout(sideCard);
    sideLayout->setContentsMargins(18, 16, 18, 16);
    sideLayout->addWidget(m_side);

    auto *mapCard = new QWidget(this);
    mapCard->setObjectName(u"mapCard"_s);
    auto *mapLayout = new QVBoxLayout(mapCard);
    mapLayout->setContentsMargins(18, 16, 18, 16);
    mapLayout->addWidget(m_map);

    auto *titles = new QVBoxLayout;
    titles->addWidget(m_title);
    titles->addWidget(m_subtitle);
    titles->addWidget(m_turnClock);
    auto *top = new QHBoxLayout;
    top->addLayout(titles, 1);
    top->addWidget(m_leave, 0, Qt::AlignTop);
    auto *body = new QHBoxLayout;
    body->setSpacing(16);
    body->addWidget(mapCard, 1);
    body->addWidget(sideCard);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 16, 24, 20);
    layout->addLayout(top);
    layout->addLayout(body, 1);

    connect(m_map, &SeatMapWidget::selectionChanged, this, &SeatPage::updateSelection);
    connect(model, &QAbstractItemModel::dataChanged, this, &SeatPage::updateSelection);
    connect(model, &QAbstractItemModel::dataChanged, this, &SeatPage::updateTierPrices);
    connect(model, &QAbstractItemModel::modelReset, this, &SeatPage::updateTierPrices);
    connect(m_holdButton, &QPushButton::clicked, this,
            [this] { Q_EMIT holdRequested(m_map->selectedSeats()); });
    connect(m_pay, &QPushButton::clicked, this, &SeatPage::payRequested);
    connect(m_release, &QPushButton::clicked, this, &SeatPage::releaseRequested);
    connect(m_leave, &QPushButton::clicked, this, &SeatPage::leaveRequested);
    connect(m_countdown, &HoldCountdown::expired, this, &SeatPage::holdExpired);
    m_turnTimer->setInterval(1000);
    connect(m_turnTimer, &QTimer::timeout, this, &SeatPage::updateTurnClock);
    retranslate();
}

void SeatPage::setContext(const QString &concertTitle, const QDateTime &startsAt,
                          const QTimeZone &zone, const QDateTime &turnEndsAt)
{
    m_concertTitle = concertTitle;
    m_startsAt = startsAt;
    m_zone = zone;
    setTurnEnd(turnEndsAt);
}

void SeatPage::setTurnEnd(const QDateTime &turnEndsAt)
{
    m_turnEndsAt = turnEndsAt;
    if (turnEndsAt.isValid())
        m_turnTimer->start();
    else
        m_turnTimer->stop();
    retranslate();
}

void SeatPage::updateTurnClock()
{
    m_turnClock->setVisible(m_turnEndsAt.isValid());
    if (!m_turnEndsAt.isValid())
        return;
    const qint64 leftMs
        = std::max<qint64>(0, QDateTime::currentDateTimeUtc().msecsTo(m_turnEndsAt));
    const QString left = DisplayText::clock((leftMs + 999) / 1000);
    const bool warning = leftMs < 60'000 && !m_hold;
    m_turnClock->setText(warning ? tr("Your turn ends in %1. Hold seats now: a hold keeps your "
                                      "turn open until it is paid or runs out.")
                                       .arg(left)
                                 : tr("Time left in your turn: %1").arg(left));
    if (m_turnClock->property("warning").toBool() != warning) {
        m_turnClock->setProperty("warning", warning);
        repolish(m_turnClock);
    }
    // With a hold the server keeps the turn open until the hold ends; the window re-reads it.
    if (leftMs == 0 && !m_hold && m_turnTimer->isActive()) {
        m_turnTimer->stop();
        Q_EMIT turnEnded();
    }
}

void SeatPage::setHold(const Reservation &reservation)
{
    m_hold = reservation;
    m_map->clearSelection();
    m_map->setInteractive(false);
    m_map->setLockedReason(tr("You are holding seats %1. Pay for them or release them to choose "
                              "other seats.",
                              nullptr, int(reservation.seats.size()))
                               .arg(DisplayText::seatList(reservation.seats)));
    m_countdown->start(reservation.heldUntil);
    m_side->setCurrentIndex(1);
    retranslate();
}

void SeatPage::clearHold()
{
    m_hold.reset();
    m_countdown->stop();
    m_map->setLockedReason({});
    m_map->setInteractive(true);
    m_side->setCurrentIndex(0);
    retranslate();
}

void SeatPage::setBusy(bool busy)
{
    m_busy = busy;
    m_map->setInteractive(!busy && !m_hold);
    updateSelection();
}

void SeatPage::setServerReachable(bool reachable)
{
    // Picking seats needs no server; holding, paying and releasing do.
    m_reachable = reachable;
    updateSelection();
}

void SeatPage::updateSelection()
{
    const QList<int> seats = m_map->selectedSeats();
    Money total = 0;
    for (int n : seats) {
        if (const auto seat = m_model->seat(n))
            total += seat->price;
    }
    QStringList lines;
    for (int n : seats) {
        if (const auto seat = m_model->seat(n))
            lines.append(
                tr("Seat %1 · %2 · %3").arg(n).arg(seat->tier, money::format(seat->price)));
    }
    m_selection->setText(seats.isEmpty() ? tr("No seats selected yet. Click free seats on the map.")
                                         : lines.join(u'\n'));
    m_total->setText(tr("Total %1").arg(money::format(total)));
    m_holdButton->setEnabled(!seats.isEmpty() && !m_busy && m_reachable);
    m_pay->setEnabled(!m_busy && m_reachable);
    m_release->setEnabled(!m_busy && m_reachable);
    m_holdButton->setText(m_busy ? tr("Holding…")
                              : seats.isEmpty()
                              ? tr("Hold seats")
                              : tr("Hold %n seat(s)", nullptr, int(seats.size())));
}

void SeatPage::updateTierPrices()
{
    // In the map's order (the dearest tier first), one line per tier and price.
    QStringList lines;
    for (const Seat &seat : m_model->seats()) {
        const QString line = tr("%1 seats · %2").arg(seat.tier, money::format(seat.price));
        if (!lines.contains(line))
            lines.append(line);
    }
    m_tierPrices->setText(lines.join(u'\n'));
    m_tierPrices->setVisible(!lines.isEmpty());
}

void SeatPage::retranslate()
{
    m_title->setText(m_concertTitle);
    QString subtitle = DisplayText::dateTime(m_startsAt, m_zone);
    if (m_turnEndsAt.isValid())
        subtitle += u"  ·  "_s
            + tr("Your turn lasts until %1").arg(DisplayText::timeOfDay(m_turnEndsAt, m_zone));
    m_subtitle->setText(subtitle);
    updateTurnClock();
    m_leave->setText(tr("Leave"));
    m_pickHeading->setText(tr("Your selection"));
    updateTierPrices();
    m_heldHeading->setText(tr("Seats on hold"));
    if (m_hold) {
        m_heldSeats->setText(tr("Seats %1").arg(DisplayText::seatList(m_hold->seats)));
        m_heldTotal->setText(tr("Total %1").arg(money::format(m_hold->total)));
    }
    m_pay->setText(tr("Pay now"));
    m_release->setText(tr("Release seats"));
    updateSelection();
}

void SeatPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

} // namespace encore
