#include "turnendedpage.h"

#include "widgets/icons.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace encore {

TurnEndedPage::TurnEndedPage(QWidget *parent)
    : QWidget(parent)
    , m_heading(new QLabel(this))
    , m_text(new QLabel(this))
    , m_rejoin(new QPushButton(this))
    , m_concerts(new QPushButton(this))
{
    setObjectName(u"turnEndedPage"_s);
    m_heading->setObjectName(u"pageHeading"_s);
    m_heading->setAlignment(Qt::AlignCenter);
    m_text->setObjectName(u"turnEndedText"_s);
    m_text->setAlignment(Qt::AlignCenter);
    m_text->setWordWrap(true);
    m_rejoin->setObjectName(u"rejoinQueueButton"_s);
    m_rejoin->setProperty("primary", true);
    m_rejoin->setDefault(true);
    m_concerts->setObjectName(u"turnEndedConcertsButton"_s);
    m_concerts->setIcon(Icons::icon(IconKind::Back));

    auto *buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(m_concerts);
    buttons->addWidget(m_rejoin);
    buttons->addStretch();
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(48, 48, 48, 48);
    layout->addStretch();
    layout->addWidget(m_heading);
    layout->addWidget(m_text);
    layout->addSpacing(16);
    layout->addLayout(buttons);
    layout->addStretch(2);

    connect(m_rejoin, &QPushButton::clicked, this, &TurnEndedPage::rejoinRequested);
    connect(m_concerts, &QPushButton::clicked, this, &TurnEndedPage::concertsRequested);
    retranslate();
}

void TurnEndedPage::setServerReachable(bool reachable)
{
    m_rejoin->setEnabled(reachable);
}

void TurnEndedPage::setConcertTitle(const QString &title)
{
    m_concertTitle = title;
    retranslate();
}

void TurnEndedPage::retranslate()
{
    m_heading->setText(tr("Your turn has ended"));
    m_text->setText(tr("Your time to choose seats for %1 is over. Join the queue again for a "
                       "new turn.")
                        .arg(m_concertTitle));
    m_rejoin->setText(tr("Join the queue again"));
    m_concerts->setText(tr("Back to concerts"));
}

void TurnEndedPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

} // namespace encore
