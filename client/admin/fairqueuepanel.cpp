#include "fairqueuepanel.h"

#include "admin/adminui.h"
#include "admin/reasondialog.h"
#include "models/displaytext.h"
#include "net/adminapi.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace encore {

namespace {
QTreeWidget *makeList(const QString &name, int columns, QWidget *parent)
{
    auto *list = new QTreeWidget(parent);
    list->setObjectName(name);
    list->setColumnCount(columns);
    list->setRootIsDecorated(false);
    list->setAlternatingRowColors(true);
    list->setMinimumHeight(110);
    list->header()->setStretchLastSection(true);
    return list;
}
} // namespace

FairQueuePanel::FairQueuePanel(AdminApi *api, QWidget *parent)
    : QWidget(parent)
    , m_api(api)
{
    setObjectName(u"fairQueuePanel"_s);
    QFrame *preCard = adminui::card(u"preQueueCard"_s, this);
    m_preQueueTitle = new QLabel(preCard);
    m_preQueueTitle->setObjectName(u"sectionTitle"_s);
    m_preQueueSummary = new QLabel(preCard);
    m_preQueueSummary->setObjectName(u"preQueueSummary"_s);
    m_preQueueSummary->setWordWrap(true);
    m_preQueueList = makeList(u"preQueueList"_s, 2, preCard);
    m_openings = new QLabel(preCard);
    m_openings->setObjectName(u"preQueueOpenings"_s);
    m_openings->setWordWrap(true);
    m_clearPreQueue = adminui::button(u"clearPreQueueButton"_s, preCard, "danger");
    connect(m_clearPreQueue, &QPushButton::clicked, this, &FairQueuePanel::clearPreQueue);
    auto *preLayout = new QVBoxLayout(preCard);
    preLayout->setContentsMargins(18, 14, 18, 14);
    preLayout->addWidget(m_preQueueTitle);
    preLayout->addWidget(m_preQueueSummary);
    preLayout->addWidget(m_preQueueList, 1);
    preLayout->addWidget(m_openings);
    preLayout->addWidget(m_clearPreQueue, 0, Qt::AlignRight);

    QFrame *limitsCard = adminui::card(u"abuseCountersCard"_s, this);
    m_countersTitle = new QLabel(limitsCard);
    m_countersTitle->setObjectName(u"sectionTitle"_s);
    m_counterList = makeList(u"abuseCounterList"_s, 5, limitsCard);
    m_clearCounter = adminui::button(u"clearCounterButton"_s, limitsCard);
    m_clearAll = adminui::button(u"clearAllCountersButton"_s, limitsCard, "danger");
    connect(m_clearCounter, &QPushButton::clicked, this, &FairQueuePanel::clearSelectedCounter);
    connect(m_clearAll, &QPushButton::clicked, this, &FairQueuePanel::clearAllCounters);
    connect(m_counterList, &QTreeWidget::itemSelectionChanged, this,
            [this] { m_clearCounter->setEnabled(m_counterList->currentItem()); });
    auto *buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(m_clearCounter);
    buttons->addWidget(m_clearAll);
    auto *limitsLayout = new QVBoxLayout(limitsCard);
    limitsLayout->setContentsMargins(18, 14, 18, 14);
    limitsLayout->addWidget(m_countersTitle);
    limitsLayout->addWidget(m_counterList, 1);
    limitsLayout->addLayout(buttons);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(16);
    layout->addWidget(preCard, 1);
    layout->addWidget(limitsCard, 1);
    retranslate();
}

void FairQueuePanel::setConcert(qint64 concertId, const QTimeZone &zone)
{
    m_concertId = concertId;
    m_zone = zone;
    m_view = PreQueueView();
    retranslate();
}

void FairQueuePanel::refresh()
{
    if (m_concertId > 0 && !m_preQueueInFlight) {
        m_preQueueInFlight = true;
        const qint64 id = m_concertId;
        m_api->preQueue(id, this, [this, id](const Result<PreQueueView> &r) {
            m_preQueueInFlight = false;
            if (id != m_concertId)
                return;
            if (r)
                showPreQueue(r.value());
            else
                Q_EMIT failed(r.error());
        });
    }
    if (!m_countersInFlight) {
        m_countersInFlight = true;
        m_api->abuseCounters(this, [this](const Result<QList<AbuseCounter>> &r) {
            m_countersInFlight = false;
            if (r)
                showCounters(r.value());
            else
                Q_EMIT failed(r.error());
        });
    }
}

void FairQueuePanel::showPreQueue(const PreQueueView &view)
{
    m_view = view;
    retranslate();
}

void FairQueuePanel::showCounters(const QList<AbuseCounter> &counters)
{
    m_counters = counters;
    retranslate();
}

QString FairQueuePanel::kindText(LimitKind kind)
{
    switch (kind) {
    case LimitKind::JoinAccount:
        return tr("Queue joins by an account");
    case LimitKind::JoinAddress:
        return tr("Queue joins from an address");
    case LimitKind::PollAccount:
        return tr("Status checks by an account");
    case LimitKind::PollAddress:
        return tr("Status checks from an address");
    case LimitKind::PollPace:
        return tr("Status checks sooner than told");
    case LimitKind::HoldAccount:
        return tr("Hold attempts by an account");
    case LimitKind::AddressAccounts:
        return tr("Accounts from one address in a queue");
    case LimitKind::SeatWaitAccount:
        return tr("Waiting-list joins by an account");
    case LimitKind::SeatWaitAddress:
        return tr("Waiting-list joins from an address");
    }
    return {};
}

void FairQueuePanel::clearPreQueue()
{
    if (m_concertId <= 0)
        return;
    auto *dialog = new ReasonDialog(
        tr("Clear the pre-queue"),
        tr("End the place of all %n customer(s) waiting for sales to open. They can join again.",
           nullptr, int(m_view.count)),
        tr("Clear"), this);
    connect(dialog, &ReasonDialog::confirmed, this, [this, dialog] {
        m_api->clearPreQueue(m_concertId, dialog->reason(), this, [this](const Result<int> &r) {
            if (!r) {
                Q_EMIT failed(r.error());
                return;
            }
            Q_EMIT succeeded(tr("%n pre-queue place(s) ended.", nullptr, r.value()));
            refresh();
        });
    });
    dialog->open();
}

void FairQueuePanel::clearSelectedCounter()
{
    QTreeWidgetItem *item = m_counterList->currentItem();
    const int row = item ? m_counterList->indexOfTopLevelItem(item) : -1;
    if (row < 0 || row >= m_counters.size())
        return;
    const AbuseCounter &c = m_counters[row];
    clearCounters(c.kind, c.subject, tr("%1 — %2").arg(kindText(c.kind), c.subject));
}

void FairQueuePanel::clearAllCounters()
{
    clearCounters(std::nullopt, {}, tr("every counter"));
}

void FairQueuePanel::clearCounters(std::optional<LimitKind> kind, const QString &subject,
                                   const QString &what)
{
    auto *dialog = new ReasonDialog(tr("Clear abuse counters"),
                                    tr("Clear %1: its requests are heard again at once.").arg(what),
                                    tr("Clear"), this);
    connect(dialog, &ReasonDialog::confirmed, this, [this, dialog, kind, subject] {
        m_api->clearAbuseCounters({dialog->reason(), kind, subject}, this,
                                  [this](const Result<int> &r) {
                                      if (!r) {
                                          Q_EMIT failed(r.error());
                                          return;
                                      }
                                      Q_EMIT succeeded(tr("Counters cleared."));
                                      refresh();
                                  });
    });
    dialog->open();
}

void FairQueuePanel::retranslate()
{
    const QLocale locale;
    m_preQueueTitle->setText(tr("Pre-queue"));
    if (m_view.opensAt.isValid())
        m_preQueueSummary->setText(
            tr("Sales open %1; the pre-queue takes joins from %2 (%3 min before). %n waiting; "
               "they get random places at the opening.",
               nullptr, int(m_view.count))
                .arg(DisplayText::dateTime(m_view.opensAt, m_zone),
                     DisplayText::dateTime(m_view.acceptsJoinsFrom, m_zone))
                .arg(m_view.preQueueMinutes));
    else
        m_preQueueSummary->setText(
            tr("No pre-queue now: a date is on sale, or no opening is planned."));
    m_preQueueList->setHeaderLabels({tr("Customer"), tr("Joined")});
    m_preQueueList->clear();
    for (const PreQueueEntry &e : m_view.entries)
        m_preQueueList->addTopLevelItem(
            new QTreeWidgetItem({e.username, DisplayText::dateTime(e.joinedAt, m_zone)}));
    m_openings->setText(
        m_view.openings.isEmpty()
            ? tr("No opening yet.")
            : tr("Last opening %1: %n customer(s) placed at random.", nullptr,
                 int(m_view.openings.first().placed))
                  .arg(DisplayText::dateTime(m_view.openings.first().opensAt, m_zone)));
    m_clearPreQueue->setText(tr("Clear pre-queue…"));
    m_clearPreQueue->setEnabled(m_view.count > 0);

    m_countersTitle->setText(tr("Abuse limits (this minute)"));
    m_counterList->setHeaderLabels(
        {tr("Limit"), tr("Who"), tr("Requests / limit"), tr("Refused"), tr("Resets")});
    m_counterList->clear();
    for (const AbuseCounter &c : m_counters)
        m_counterList->addTopLevelItem(new QTreeWidgetItem(
            {kindText(c.kind), c.subject,
             c.limit > 0 ? u"%1 / %2"_s.arg(locale.toString(c.count), locale.toString(c.limit))
                         : locale.toString(c.count),
             locale.toString(c.refused),
             // No venue: the staff member's own zone, named.
             DisplayText::timeOfDay(c.resetsAt, DisplayText::localZone())}));
    m_clearCounter->setText(tr("Clear selected…"));
    m_clearCounter->setEnabled(m_counterList->currentItem());
    m_clearAll->setText(tr("Clear all…"));
    m_clearAll->setEnabled(!m_counters.isEmpty());
}

void FairQueuePanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

} // namespace encore
