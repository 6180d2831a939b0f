#include "connectionbanner.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>

#include "widgets/repolish.h"

using namespace Qt::StringLiterals;

namespace encore {

ConnectionBanner::ConnectionBanner(QWidget *parent)
    : QWidget(parent)
    , m_text(new QLabel(this))
    , m_retry(new QPushButton(this))
{
    setObjectName(u"connectionBanner"_s);
    setAttribute(Qt::WA_StyledBackground);
    m_text->setObjectName(u"connectionBannerText"_s);
    m_text->setWordWrap(true);
    m_retry->setObjectName(u"connectionRetryButton"_s);
    connect(m_retry, &QPushButton::clicked, this, &ConnectionBanner::retryRequested);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(16, 8, 12, 8);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_retry);
    m_hideTimer.setSingleShot(true);
    m_hideTimer.setInterval(4000);
    connect(&m_hideTimer, &QTimer::timeout, this, [this] { setState(State::Hidden); });
    setState(State::Hidden);
}

void ConnectionBanner::showOffline(const QString &reason)
{
    m_reason = reason;
    setState(State::Offline);
}

void ConnectionBanner::showRestored()
{
    if (m_state == State::Offline) {
        setState(State::Restored);
        m_hideTimer.start();
    }
}

void ConnectionBanner::setState(State state)
{
    m_state = state;
    m_hideTimer.stop();
    setProperty("state", state == State::Offline ? u"offline"_s : u"restored"_s);
    repolish(this);
    setVisible(state != State::Hidden);
    retranslate();
}

void ConnectionBanner::retranslate()
{
    m_retry->setText(tr("Retry now"));
    m_retry->setVisible(m_state == State::Offline);
    if (m_state == State::Offline)
        m_text->setText(tr("Connection lost. %1 Encore keeps trying and will carry on where you "
                           "left off.")
                            .arg(m_reason));
    else if (m_state == State::Restored)
        m_text->setText(tr("Connected again. Everything is up to date."));
}

void ConnectionBanner::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

} // namespace encore
