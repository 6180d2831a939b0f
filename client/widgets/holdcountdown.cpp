#include "holdcountdown.h"

#include "models/displaytext.h"

#include <QEvent>
#include <QLabel>
#include <QProgressBar>
#include <QVBoxLayout>

#include "widgets/repolish.h"

using namespace Qt::StringLiterals;

namespace encore {

HoldCountdown::HoldCountdown(QWidget *parent)
    : QWidget(parent)
    , m_label(new QLabel(this))
    , m_bar(new QProgressBar(this))
{
    setObjectName(u"holdCountdown"_s);
    m_label->setObjectName(u"holdCountdownText"_s);
    m_label->setWordWrap(true);
    m_bar->setObjectName(u"holdCountdownBar"_s);
    m_bar->setRange(0, 1000);
    m_bar->setTextVisible(false);
    m_bar->setFixedHeight(8);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_label);
    layout->addWidget(m_bar);
    m_timer.setInterval(250);
    connect(&m_timer, &QTimer::timeout, this, &HoldCountdown::tick);
}

void HoldCountdown::start(const QDateTime &until)
{
    m_until = until;
    m_totalMs = std::max<qint64>(1, m_clock().msecsTo(until));
    m_timer.start();
    tick();
}

void HoldCountdown::stop()
{
    m_timer.stop();
    m_until = QDateTime();
}

qint64 HoldCountdown::remainingSeconds() const
{
    if (!m_until.isValid())
        return 0;
    return std::max<qint64>(0, (m_clock().msecsTo(m_until) + 999) / 1000);
}

void HoldCountdown::tick()
{
    const qint64 leftMs = m_until.isValid() ? std::max<qint64>(0, m_clock().msecsTo(m_until)) : 0;
    m_bar->setValue(int(leftMs * 1000 / m_totalMs));
    const bool urgent = leftMs < 60'000;
    if (property("urgent").toBool() != urgent) {
        setProperty("urgent", urgent);
        repolish(this);
    }
    m_label->setText(tr("Your seats are held for %1").arg(DisplayText::clock(remainingSeconds())));
    if (leftMs == 0 && m_timer.isActive()) {
        m_timer.stop();
        Q_EMIT expired();
    }
}

void HoldCountdown::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange && m_until.isValid())
        tick();
    QWidget::changeEvent(event);
}

} // namespace encore
