#include "concertspage.h"

#include "models/concertlistmodel.h"
#include "models/displaytext.h"
#include "widgets/icons.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTreeView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace encore {

ConcertsPage::ConcertsPage(ConcertListModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_tree(new QTreeView(this))
    , m_heading(new QLabel(this))
    , m_title(new QLabel(this))
    , m_meta(new QLabel(this))
    , m_description(new QLabel(this))
    , m_dateInfo(new QLabel(this))
    , m_refresh(new QPushButton(this))
    , m_enterQueue(new QPushButton(this))
{
    setObjectName(u"concertsPage"_s);
    m_heading->setObjectName(u"pageHeading"_s);
    m_tree->setObjectName(u"concertTree"_s);
    m_tree->setModel(model);
    m_tree->setUniformRowHeights(true);
    m_tree->setAlternatingRowColors(false);
    m_tree->setSelectionMode(QAbstractItemView::SingleSelection);
    m_tree->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_tree->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_tree->header()->setStretchLastSection(false);
    m_tree->header()->setSectionResizeMode(ConcertListModel::TitleColumn, QHeaderView::Stretch);
    for (int c = ConcertListModel::WhereColumn; c < ConcertListModel::ColumnCount; ++c)
        m_tree->header()->setSectionResizeMode(c, QHeaderView::ResizeToContents);
    m_title->setObjectName(u"concertTitle"_s);
    m_title->setWordWrap(true);
    m_meta->setObjectName(u"concertMeta"_s);
    m_meta->setWordWrap(true);
    m_description->setObjectName(u"concertDescription"_s);
    m_description->setWordWrap(true);
    m_description->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_dateInfo->setObjectName(u"concertDateInfo"_s);
    m_dateInfo->setWordWrap(true);
    m_refresh->setObjectName(u"refreshConcertsButton"_s);
    m_refresh->setIcon(Icons::icon(IconKind::Refresh));
    m_enterQueue->setObjectName(u"enterQueueButton"_s);
    m_enterQueue->setProperty("primary", true);
    m_enterQueue->setIcon(Icons::icon(IconKind::Queue, Qt::white));

    auto *details = new QWidget(this);
    details->setObjectName(u"detailsCard"_s);
    details->setMinimumWidth(300);
    details->setMaximumWidth(360);
    auto *detailsLayout = new QVBoxLayout(details);
    detailsLayout->setContentsMargins(20, 18, 20, 18);
    detailsLayout->setSpacing(10);
    detailsLayout->addWidget(m_title);
    detailsLayout->addWidget(m_meta);
    detailsLayout->addWidget(m_description);
    detailsLayout->addStretch();
    detailsLayout->addWidget(m_dateInfo);
    detailsLayout->addWidget(m_enterQueue);

    auto *top = new QHBoxLayout;
    top->addWidget(m_heading, 1);
    top->addWidget(m_refresh);
    auto *body = new QHBoxLayout;
    body->setSpacing(16);
    body->addWidget(m_tree, 1);
    body->addWidget(details);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 16, 24, 20);
    layout->addLayout(top);
    layout->addLayout(body, 1);

    connect(m_refresh, &QPushButton::clicked, this, &ConcertsPage::refreshRequested);
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &ConcertsPage::updateDetails);
    connect(model, &QAbstractItemModel::modelReset, this, [this] {
        m_tree->expandAll();
        updateDetails();
    });
    // Live seat counts: the chosen date's card and "Enter queue" follow them.
    connect(model, &QAbstractItemModel::dataChanged, this, &ConcertsPage::updateDetails);
    connect(m_tree, &QTreeView::doubleClicked, this, [this] {
        if (m_enterQueue->isEnabled())
            m_enterQueue->click();
    });
    connect(m_enterQueue, &QPushButton::clicked, this, [this] {
        const Concert *c = selectedConcert();
        const Schedule *s = selectedSchedule();
        if (c && s && m_model->canEnterQueue(*s))
            Q_EMIT enterQueueRequested(c->id, s->id);
    });
    retranslate();
}

const Concert *ConcertsPage::selectedConcert() const
{
    return m_model->concertAt(m_tree->currentIndex());
}

const Schedule *ConcertsPage::selectedSchedule() const
{
    return m_model->scheduleAt(m_tree->currentIndex());
}

void ConcertsPage::selectSchedule(qint64 scheduleId)
{
    const QModelIndex index = m_model->indexOfSchedule(scheduleId);
    if (index.isValid())
        m_tree->setCurrentIndex(index);
}

void ConcertsPage::setLoading(bool loading)
{
    m_loading = loading;
    m_refresh->setEnabled(!loading && m_reachable);
    retranslate();
}

void ConcertsPage::setServerReachable(bool reachable)
{
    m_reachable = reachable;
    m_refresh->setEnabled(!m_loading && reachable);
    updateDetails();
}

void ConcertsPage::updateDetails()
{
    const Concert *c = selectedConcert();
    const Schedule *s = selectedSchedule();
    m_title->setText(c ? c->title : tr("Choose a concert"));
    m_meta->setText(c ? QStringList {c->artist, c->venue}.join(u" · "_s) : QString());
    m_description->setText(c ? c->description
                             : tr("Pick a date on the left. Dates that are sold out or not on "
                                  "sale are greyed out."));
    if (s) {
        m_dateInfo->setText(tr("%1\n%2 of %3 seats left · %4")
                                .arg(DisplayText::dateTime(s->startsAt, c->zone()))
                                .arg(s->availableSeats)
                                .arg(s->totalSeats)
                                .arg(money::range(s->minPrice, s->maxPrice)));
    } else {
        m_dateInfo->setText(c ? tr("Select one of this concert's dates to continue.") : QString());
    }
    // An empty card would be a blank box under the description.
    m_dateInfo->setVisible(!m_dateInfo->text().isEmpty());
    m_enterQueue->setEnabled(s && m_model->canEnterQueue(*s) && m_reachable);
}

void ConcertsPage::retranslate()
{
    m_heading->setText(m_loading ? tr("Concerts — loading…") : tr("Concerts"));
    m_refresh->setText(tr("Refresh"));
    m_enterQueue->setText(tr("Enter queue"));
    m_model->retranslate();
    updateDetails();
}

void ConcertsPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

} // namespace encore
