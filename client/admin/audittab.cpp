#include "audittab.h"

#include "admin/adminui.h"
#include "api/admintypes.h"
#include "jsonreader.h"
#include "models/displaytext.h"
#include "net/adminapi.h"

#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTreeWidget>

using namespace Qt::StringLiterals;

namespace encore {

namespace {

const QStringList kActionPrefixes {
    QString(),         u"concert."_s,   u"schedule."_s, u"schedule.cancel"_s,    u"seat."_s,
    u"seat.release"_s, u"seat.block"_s, u"queue."_s,    u"reservation.refund"_s, u"wallet.adjust"_s,
};

QString rawValue(const QJsonValue &v)
{
    if (v.isObject())
        return QString::fromUtf8(QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact));
    if (v.isArray()) {
        QStringList items;
        for (const QJsonValue &item : v.toArray())
            items.append(item.isDouble() ? QString::number(item.toInteger()) : item.toString());
        return items.join(u", "_s);
    }
    return v.isString() ? v.toString() : v.toVariant().toString();
}

} // namespace

AuditTab::AuditTab(AdminApi *api, QWidget *parent)
    : QWidget(parent)
    , m_api(api)
{
    setObjectName(u"auditTab"_s);
    m_heading = new QLabel(this);
    m_heading->setObjectName(u"pageHeading"_s);
    m_actionLabel = new QLabel(this);
    m_action = new QComboBox(this);
    m_action->setObjectName(u"auditActionFilter"_s);
    m_action->setEditable(true);
    m_action->setMinimumWidth(220);
    for (const QString &prefix : kActionPrefixes)
        m_action->addItem(prefix, prefix);
    m_actorLabel = new QLabel(this);
    m_actor = new QLineEdit(this);
    m_actor->setObjectName(u"auditActorFilter"_s);
    m_actor->setMaxLength(64);
    m_actor->setClearButtonEnabled(true);
    m_refresh = adminui::button(u"auditRefreshButton"_s, this, "primary");
    connect(m_refresh, &QPushButton::clicked, this, &AuditTab::refresh);
    connect(m_actor, &QLineEdit::returnPressed, this, &AuditTab::refresh);
    connect(m_action, &QComboBox::activated, this, &AuditTab::refresh);
    m_countLabel = new QLabel(this);
    m_countLabel->setObjectName(u"caption"_s);
    auto *filters = new QHBoxLayout;
    filters->addWidget(m_actionLabel);
    filters->addWidget(m_action);
    filters->addSpacing(12);
    filters->addWidget(m_actorLabel);
    filters->addWidget(m_actor);
    filters->addWidget(m_refresh);
    filters->addStretch();
    filters->addWidget(m_countLabel);

    m_table = new QTreeWidget(this);
    m_table->setObjectName(u"auditTable"_s);
    m_table->setRootIsDecorated(false);
    m_table->setUniformRowHeights(true);
    m_table->setAlternatingRowColors(true);
    m_table->setColumnCount(5);
    m_table->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->header()->setStretchLastSection(true);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 12, 24, 20);
    layout->addWidget(m_heading);
    layout->addLayout(filters);
    layout->addWidget(m_table, 1);
    retranslate();
}

void AuditTab::setFilter(const QString &action, const QString &actor)
{
    m_action->setCurrentText(action);
    m_actor->setText(actor);
}

void AuditTab::refresh()
{
    m_api->audit(m_action->currentText().trimmed(), m_actor->text().trimmed(), kLimit, this,
                 [this](const Result<QList<AuditEntry>> &r) {
                     if (!r) {
                         Q_EMIT failed(r.error());
                         return;
                     }
                     setEntries(r.value());
                     Q_EMIT entriesLoaded(int(r->size()));
                 });
}

void AuditTab::setEntries(const QList<AuditEntry> &entries)
{
    m_count = int(entries.size());
    m_table->clear();
    for (const AuditEntry &e : entries) {
        auto *item = new QTreeWidgetItem(m_table);
        // The staff member's own zone (the log spans venues); the abbreviation says which.
        item->setText(0, DisplayText::dateTime(e.createdAt, DisplayText::localZone()));
        item->setToolTip(0, isoTime(e.createdAt));
        item->setText(1, e.actor);
        item->setText(2, describeAction(e.action));
        item->setToolTip(2, e.action);
        item->setData(2, Qt::UserRole, e.action);
        item->setText(3, targetInWords(e.target, e.details));
        item->setToolTip(3, e.target);
        item->setData(4, Qt::UserRole, e.details);
        item->setText(4, detailsInWords(e.details));
        item->setToolTip(4, detailsInWords(e.details));
    }
    retranslate();
}

QString AuditTab::describeAction(const QString &action)
{
    static const QHash<QString, const char *> names {
        {u"concert.create"_s, QT_TR_NOOP("Concert created")},
        {u"concert.update"_s, QT_TR_NOOP("Concert edited")},
        {u"concert.delete"_s, QT_TR_NOOP("Concert deleted")},
        {u"schedule.create"_s, QT_TR_NOOP("Date added")},
        {u"schedule.update"_s, QT_TR_NOOP("Date edited")},
        {u"schedule.delete"_s, QT_TR_NOOP("Date deleted")},
        {u"schedule.prices"_s, QT_TR_NOOP("Prices changed")},
        {u"seat.release"_s, QT_TR_NOOP("Hold released")},
        {u"seat.block"_s, QT_TR_NOOP("Seat blocked")},
        {u"seat.unblock"_s, QT_TR_NOOP("Seat unblocked")},
        {u"queue.settings"_s, QT_TR_NOOP("Queue settings")},
        {u"schedule.cancel"_s, QT_TR_NOOP("Date cancelled")},
        {u"reservation.refund"_s, QT_TR_NOOP("Refunded for a customer")},
        {u"wallet.adjust"_s, QT_TR_NOOP("Wallet adjusted")},
        {u"queue.remove"_s, QT_TR_NOOP("Removed from a queue")},
        {u"queue.block"_s, QT_TR_NOOP("Blocked from a queue")},
        {u"queue.unblock"_s, QT_TR_NOOP("Queue block lifted")},
    };
    const char *name = names.value(action);
    return name ? u"%1 (%2)"_s.arg(tr(name), action) : action;
}

QString AuditTab::targetInWords(const QString &target, const QJsonObject &details)
{
    QStringList parts;
    for (const QString &key : {wordOf(AuditDetail::ConcertTitle), wordOf(AuditDetail::Title),
                               wordOf(AuditDetail::Customer)}) {
        if (const QString v = details.value(key).toString(); !v.isEmpty() && !parts.contains(v))
            parts.append(v);
    }
    return parts.isEmpty() ? target : parts.join(u" / "_s);
}

QString AuditTab::detailsInWords(const QJsonObject &details)
{
    // Who and what first, why last.
    static const QList<std::pair<QString, const char *>> kKeys {
        {wordOf(AuditDetail::Customer), QT_TR_NOOP("Customer")},
        {wordOf(AuditDetail::ConcertTitle), QT_TR_NOOP("Concert")},
        {wordOf(AuditDetail::Title), QT_TR_NOOP("Title")},
        {wordOf(AuditDetail::TimeZone), QT_TR_NOOP("Venue time zone")},
        {wordOf(AuditDetail::StartsAt), QT_TR_NOOP("Date")},
        {wordOf(AuditDetail::SalesOpenAt), QT_TR_NOOP("Sales open")},
        {wordOf(AuditDetail::SalesCloseAt), QT_TR_NOOP("Sales close")},
        {wordOf(AuditDetail::Seats), QT_TR_NOOP("Seats")},
        {wordOf(AuditDetail::Amount), QT_TR_NOOP("Amount")},
        {wordOf(AuditDetail::BalanceAfter), QT_TR_NOOP("Balance after")},
        {wordOf(AuditDetail::RefundedReservations), QT_TR_NOOP("Reservations refunded")},
        {wordOf(AuditDetail::RefundedTotal), QT_TR_NOOP("Money back")},
        {wordOf(AuditDetail::ReleasedHolds), QT_TR_NOOP("Holds released")},
        {wordOf(AuditDetail::SeatsFreed), QT_TR_NOOP("Seats freed")},
        {wordOf(AuditDetail::ChangedSeats), QT_TR_NOOP("Seats repriced")},
        {u"maxActive"_s, QT_TR_NOOP("At most in at once")},
        {u"admitPerMinute"_s, QT_TR_NOOP("Let in per minute")},
        {u"activeTtlSeconds"_s, QT_TR_NOOP("Turn length (s)")},
        {u"paused"_s, QT_TR_NOOP("Paused")},
        {wordOf(AuditDetail::Reason), QT_TR_NOOP("Reason")},
    };
    static const QStringList kMoney {wordOf(AuditDetail::Amount), wordOf(AuditDetail::BalanceAfter),
                                     wordOf(AuditDetail::RefundedTotal)};
    static const QStringList kTimes {wordOf(AuditDetail::StartsAt),
                                     wordOf(AuditDetail::SalesOpenAt),
                                     wordOf(AuditDetail::SalesCloseAt)};
    QStringList parts;
    for (const auto &[key, label] : kKeys) {
        const QJsonValue v = details.value(key);
        if (v.isUndefined() || v.isNull())
            continue;
        QString value = rawValue(v);
        if (kMoney.contains(key))
            value = money::format(v.toInteger());
        else if (kTimes.contains(key))
            value = DisplayText::dateTime(parseIsoTime(v.toString()), DisplayText::localZone());
        parts.append(tr("%1: %2").arg(tr(label), value));
    }
    for (auto it = details.constBegin(); it != details.constEnd(); ++it) {
        const bool known = std::any_of(kKeys.cbegin(), kKeys.cend(),
                                       [&](const auto &k) { return k.first == it.key(); });
        if (!known)
            parts.append(it.key() + u'=' + rawValue(it.value()));
    }
    return parts.join(u" · "_s);
}

void AuditTab::retranslate()
{
    m_heading->setText(tr("Audit log"));
    m_actionLabel->setText(tr("Action"));
    m_action->setItemText(0, QString());
    m_action->lineEdit()->setPlaceholderText(tr("All actions"));
    m_actorLabel->setText(tr("Staff member"));
    m_actor->setPlaceholderText(tr("Anyone"));
    m_refresh->setText(tr("Show"));
    m_countLabel->setText(tr("%1 entries (newest first)").arg(m_count));
    m_table->setHeaderLabels(
        {tr("When (your time zone)"), tr("Staff"), tr("Action"), tr("Target"), tr("Details")});
    for (int i = 0; i < m_table->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = m_table->topLevelItem(i);
        item->setText(2, describeAction(item->data(2, Qt::UserRole).toString()));
        item->setText(4, detailsInWords(item->data(4, Qt::UserRole).toJsonObject()));
    }
}

void AuditTab::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

} // namespace encore
