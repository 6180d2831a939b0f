#include "audittab.h"

#include "admin/adminui.h"
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
    QString(),         u"concert."_s,   u"schedule."_s, u"seat."_s,
    u"seat.release"_s, u"seat.block"_s, u"queue."_s,
};

QString detailsText(const QJsonObject &details)
{
    QStringList parts;
    for (auto it = details.constBegin(); it != details.constEnd(); ++it) {
        const QJsonValue v = it.value();
        const QString value = v.isString() ? v.toString()
            : v.isObject() || v.isArray()
            ? QString::fromUtf8(v.isObject()
                                    ? QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact)
                                    : QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact))
            : v.toVariant().toString();
        parts.append(it.key() + u'=' + value);
    }
    return parts.join(u", "_s);
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
        item->setText(0, QLocale().toString(e.createdAt.toLocalTime(), u"yyyy-MM-dd HH:mm:ss"_s));
        item->setText(1, e.actor);
        item->setText(2, describeAction(e.action));
        item->setToolTip(2, e.action);
        item->setData(2, Qt::UserRole, e.action);
        item->setText(3, e.target);
        item->setText(4, detailsText(e.details));
        item->setToolTip(4, detailsText(e.details));
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
    };
    const char *name = names.value(action);
    return name ? u"%1 (%2)"_s.arg(tr(name), action) : action;
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
    m_table->setHeaderLabels({tr("When"), tr("Staff"), tr("Action"), tr("Target"), tr("Details")});
    for (int i = 0; i < m_table->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = m_table->topLevelItem(i);
        item->setText(2, describeAction(item->data(2, Qt::UserRole).toString()));
    }
}

void AuditTab::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

} // namespace encore
