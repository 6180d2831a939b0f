#include "queuepanel.h"

#include "models/displaytext.h"

#include <QEvent>
#include <QGridLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

#include <climits>

using namespace Qt::StringLiterals;

namespace encore {

namespace {
QLabel *makeLabel(const QString &name, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(name);
    label->setWordWrap(true);
    label->setAlignment(Qt::AlignCenter);
    return label;
}
} // namespace

QueuePanel::QueuePanel(QWidget *parent)
    : QWidget(parent)
    , m_title(makeLabel(u"queueTitle"_s, this))
    , m_status(makeLabel(u"queueStatus"_s, this))
    , m_position(makeLabel(u"queuePosition"_s, this))
    , m_ahead(makeLabel(u"queueAhead"_s, this))
    , m_eta(makeLabel(u"queueEta"_s, this))
    , m_reason(makeLabel(u"queueReason"_s, this))
    , m_note(makeLabel(u"queueNote"_s, this))
    , m_progress(new QProgressBar(this))
    , m_leave(new QPushButton(this))
{
    setObjectName(u"queuePanel"_s);
    m_progress->setObjectName(u"queueProgress"_s);
    m_progress->setRange(0, 100);
    m_progress->setTextVisible(false);
    m_progress->setFixedHeight(12);
    // Margins, not style-sheet padding: QLabel's height-for-width counts only these.
    m_reason->setContentsMargins(10, 8, 10, 8);
    for (QLabel *wrapped : {m_reason, m_note})
        wrapped->installEventFilter(this);
    m_leave->setObjectName(u"leaveQueueButton"_s);
    m_leave->setProperty("flat", true);
    connect(m_leave, &QPushButton::clicked, this, &QueuePanel::leaveRequested);
    m_countdown.setInterval(1000);
    connect(&m_countdown, &QTimer::timeout, this, &QueuePanel::showPreQueue);

    auto *card = new QWidget(this);
    card->setObjectName(u"queueCard"_s);
    auto *cardLayout = new QVBoxLayout(card);
    cardLayout->setContentsMargins(36, 28, 36, 28);
    cardLayout->setSpacing(10);
    cardLayout->addWidget(m_title);
    cardLayout->addWidget(m_status);
    cardLayout->addWidget(m_position);
    cardLayout->addWidget(m_ahead);
    cardLayout->addWidget(m_progress);
    cardLayout->addWidget(m_eta);
    cardLayout->addWidget(m_reason);
    cardLayout->addWidget(m_note);
    cardLayout->addWidget(m_leave, 0, Qt::AlignCenter);
    card->setMinimumWidth(480);
    card->setMaximumWidth(560);

    auto *layout = new QVBoxLayout(this);
    layout->addStretch();
    layout->addWidget(card, 0, Qt::AlignHCenter);
    layout->addStretch();
    retranslate();
}

bool QueuePanel::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::Resize) {
        auto *label = static_cast<QLabel *>(watched);
        const int needed = label->heightForWidth(label->width());
        if (needed > 0 && label->minimumHeight() != needed)
            label->setMinimumHeight(needed);
    }
    return QWidget::eventFilter(watched, event);
}

void QueuePanel::setConcertTitle(const QString &title)
{
    m_concertTitle = title;
    retranslate();
}

void QueuePanel::setVenueZone(const QTimeZone &zone)
{
    m_zone = zone;
    retranslate();
}

void QueuePanel::setServerReachable(bool reachable)
{
    m_leave->setEnabled(reachable);
}

void QueuePanel::setJoining()
{
    m_joining = true;
    m_ticket = QueueTicket();
    m_initialAhead = 0;
    retranslate();
}

void QueuePanel::setTicket(const QueueTicket &ticket, qint64 initialAhead)
{
    m_joining = false;
    m_ticket = ticket;
    m_initialAhead = initialAhead;
    retranslate();
}

int QueuePanel::progress() const
{
    if (m_joining)
        return 0;
    if (m_ticket.status == QueueStatus::Active || m_initialAhead <= 0)
        return m_ticket.status == QueueStatus::Active ? 100 : 0;
    const double done = double(m_initialAhead - m_ticket.aheadCount) / double(m_initialAhead);
    return int(std::clamp(done, 0.0, 1.0) * 100);
}

QString QueuePanel::countdown(const QDateTime &opensAt, const QDateTime &now)
{
    const qint64 seconds = std::max<qint64>(0, (now.msecsTo(opensAt) + 999) / 1000);
    const QString mmss = u"%1:%2"_s.arg((seconds / 60) % 60, 2, 10, QChar(u'0'))
                             .arg(seconds % 60, 2, 10, QChar(u'0'));
    return seconds >= 3600 ? QString::number(seconds / 3600) + u':' + mmss : mmss;
}

QString QueuePanel::reasonText(const QueueTicket &ticket)
{
    const QString change = DisplayText::etaChange(ticket.etaChange);
    const QString reason = DisplayText::etaReason(ticket.etaReason);
    return change.isEmpty() ? reason : change + u' ' + reason;
}

void QueuePanel::retranslate()
{
    m_title->setText(m_concertTitle.isEmpty() ? tr("Waiting room")
                                              : tr("Waiting room · %1").arg(m_concertTitle));
    m_leave->setText(tr("Leave the queue"));
    m_progress->setValue(progress());
    const bool active = !m_joining && m_ticket.status == QueueStatus::Active;
    setProperty("admitted", active);
    const bool preQueue = !m_joining && !active && m_ticket.preQueue;
    if (preQueue != m_countdown.isActive()) {
        if (preQueue)
            m_countdown.start();
        else
            m_countdown.stop();
    }
    if (preQueue) {
        showPreQueue();
        return;
    }
    if (m_joining) {
        m_status->setText(tr("Joining the queue…"));
        m_position->clear();
        m_ahead->clear();
        m_eta->clear();
        m_reason->clear();
        m_note->setText(tr("Please keep this window open."));
        return;
    }
    if (active) {
        m_status->setText(tr("It's your turn!"));
        m_position->clear();
        m_ahead->clear();
        m_eta->setText(m_ticket.activeUntil.isValid()
                           ? tr("Choose your seats before %1.")
                                 .arg(DisplayText::timeOfDay(m_ticket.activeUntil, m_zone))
                           : QString());
        m_reason->clear();
        m_note->setText(tr("Opening the seat map…"));
        return;
    }
    m_status->setText(tr("You are in the queue"));
    m_position->setText(tr("No. %1 in line").arg(m_ticket.position));
    m_ahead->setText(tr("%n person(s) ahead of you", nullptr, int(m_ticket.aheadCount)));
    // No estimate (paused): no made-up number.
    m_eta->setText(m_ticket.eta
                       ? tr("Expected wait: %1")
                             .arg(DisplayText::durationRange(m_ticket.eta->low, m_ticket.eta->high))
                       : tr("Expected wait: not known while admission is paused"));
    m_reason->setText(reasonText(m_ticket));
    m_reason->setVisible(!m_reason->text().isEmpty());
    m_note->setText(tr("The seat map opens by itself when it is your turn. Please keep this "
                       "window open."));
}

// Sales have not opened: no place yet, a countdown, and the promise of a random place.
void QueuePanel::showPreQueue()
{
    const QString left = countdown(m_ticket.opensAt, QDateTime::currentDateTimeUtc());
    m_status->setText(tr("You are in the pre-queue"));
    m_position->setText(
        QDateTime::currentDateTimeUtc() < m_ticket.opensAt
            ? tr("Sales open in %1 — you will get a random place when they open.").arg(left)
            : tr("Sales are opening — drawing your random place…"));
    m_ahead->setText(tr("%n person(s) waiting for the opening", nullptr,
                        int(std::min<qint64>(m_ticket.preQueueCount, INT_MAX))));
    m_eta->clear();
    m_reason->setText(DisplayText::etaReason(EtaReason::PreQueue));
    m_reason->setVisible(true);
    m_note->setText(tr("Joining earlier does not help: everyone in the pre-queue has the same "
                       "chance. Please keep this window open."));
}

void QueuePanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

} // namespace encore
