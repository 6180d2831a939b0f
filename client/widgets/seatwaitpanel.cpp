#include "seatwaitpanel.h"

#include "money.h"

#include "models/displaytext.h"
#include "widgets/holdcountdown.h"
#include "widgets/repolish.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace encore {

SeatWaitPanel::SeatWaitPanel(QWidget *parent)
    : QWidget(parent)
    , m_text(new QLabel(this))
    , m_countdown(new HoldCountdown(this))
    , m_join(new QPushButton(this))
    , m_leave(new QPushButton(this))
    , m_pay(new QPushButton(this))
    , m_decline(new QPushButton(this))
    , m_close(new QPushButton(this))
{
    setObjectName(u"seatWaitPanel"_s);
    setAttribute(Qt::WA_StyledBackground);
    m_text->setObjectName(u"seatWaitText"_s);
    m_text->setWordWrap(true);
    m_countdown->setObjectName(u"seatOfferCountdown"_s);
    m_join->setObjectName(u"seatWaitJoinButton"_s);
    m_leave->setObjectName(u"seatWaitLeaveButton"_s);
    m_pay->setObjectName(u"seatOfferPayButton"_s);
    m_pay->setProperty("primary", true);
    m_decline->setObjectName(u"seatOfferDeclineButton"_s);
    m_close->setObjectName(u"seatWaitCloseButton"_s);
    m_close->setText(u"✕"_s);
    m_close->setFlat(true);
    m_close->setFixedWidth(32);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_countdown, 1);
    buttons->addStretch(); // the buttons keep their size while the countdown is hidden
    for (QPushButton *b : {m_join, m_leave, m_pay, m_decline, m_close})
        buttons->addWidget(b);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(14, 8, 8, 8);
    layout->addWidget(m_text);
    layout->addLayout(buttons);

    connect(m_join, &QPushButton::clicked, this,
            [this] { Q_EMIT joinRequested(m_askSchedule, m_askSeats); });
    connect(m_leave, &QPushButton::clicked, this, [this] {
        if (m_wait)
            Q_EMIT leaveRequested(m_wait->id);
    });
    connect(m_pay, &QPushButton::clicked, this, [this] {
        if (m_wait)
            Q_EMIT payRequested(*m_wait);
    });
    connect(m_decline, &QPushButton::clicked, this, [this] {
        if (m_wait)
            Q_EMIT declineRequested(m_wait->id);
    });
    connect(m_close, &QPushButton::clicked, this, &SeatWaitPanel::dismiss);
    connect(m_countdown, &HoldCountdown::expired, this, [this] {
        if (m_mode != Mode::Offer || !m_wait)
            return;
        const SeatWait lapsed = *m_wait;
        dismiss();
        Q_EMIT offerLapsed(lapsed);
    });
    setMode(Mode::Hidden);
}

void SeatWaitPanel::askToWait(qint64 scheduleId, const QList<int> &seats)
{
    if (m_mode == Mode::Offer)
        return; // a live offer stays in view
    m_askSchedule = scheduleId;
    m_askSeats = seats;
    m_wait.reset();
    setMode(Mode::Ask);
}

void SeatWaitPanel::showWaiting(const SeatWait &wait)
{
    if (m_mode == Mode::Offer && m_wait && m_wait->id != wait.id)
        return;
    m_wait = wait;
    setMode(Mode::Waiting);
}

void SeatWaitPanel::showOffer(const SeatWait &wait)
{
    if (!wait.offer)
        return;
    m_wait = wait;
    m_countdown->start(wait.offer->offeredUntil);
    setMode(Mode::Offer);
}

void SeatWaitPanel::finish(qint64 waitId)
{
    if (m_wait && m_wait->id == waitId)
        dismiss();
}

void SeatWaitPanel::dismiss()
{
    m_wait.reset();
    m_countdown->stop();
    setMode(Mode::Hidden);
}

void SeatWaitPanel::setMode(Mode mode)
{
    m_mode = mode;
    m_join->setVisible(mode == Mode::Ask);
    m_leave->setVisible(mode == Mode::Waiting);
    m_pay->setVisible(mode == Mode::Offer);
    m_decline->setVisible(mode == Mode::Offer);
    m_countdown->setVisible(mode == Mode::Offer);
    m_close->setVisible(mode != Mode::Offer); // an offer is answered, not waved away
    setProperty("offer", mode == Mode::Offer);
    repolish(this);
    retranslate();
    setVisible(mode != Mode::Hidden);
}

void SeatWaitPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void SeatWaitPanel::retranslate()
{
    m_join->setText(tr("Tell me if they come back"));
    m_leave->setText(tr("Leave the waiting list"));
    m_pay->setText(tr("Pay"));
    m_decline->setText(tr("Decline"));
    m_close->setAccessibleName(tr("Dismiss"));
    switch (m_mode) {
    case Mode::Hidden:
        m_text->clear();
        break;
    case Mode::Ask:
        m_text->setText(tr("Seat(s) %1 were just taken. Join the waiting list: if one comes "
                           "back, it is held for you for a short time before anyone else can "
                           "take it.",
                           nullptr, int(m_askSeats.size()))
                            .arg(DisplayText::seatList(m_askSeats)));
        break;
    case Mode::Waiting:
        m_text->setText(tr("You are on the waiting list for %1 (%2). If one comes back, it is "
                           "held for you and you will see it here.")
                            .arg(DisplayText::seatWaitTarget(*m_wait), m_wait->concertTitle));
        break;
    case Mode::Offer:
        m_text->setText(tr("Seat %1 of %2 came back for you: %3. It is held for you until the "
                           "time below runs out — pay for it, or decline so the next person "
                           "gets it.")
                            .arg(m_wait->offer->seat)
                            .arg(m_wait->concertTitle, money::format(m_wait->offer->price)));
        break;
    }
}

} // namespace encore
