#include "concertstab.h"

#include "admin/adminui.h"
#include "admin/reasondialog.h"
#include "models/displaytext.h"
#include "net/adminapi.h"
#include "net/errortext.h"
#include "net/staffapi.h"
#include "widgets/repolish.h"

#include <QComboBox>
#include <QCompleter>
#include <QDateTimeEdit>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QStackedWidget>
#include <QTreeWidget>

using namespace Qt::StringLiterals;

namespace encore {

namespace {

enum ItemData { KindRole = Qt::UserRole + 1, IdRole, ConcertRole };
enum class ItemKind { Concert, Date };

Money defaultPrice(const QString &tier)
{
    return tier == u"VIP" ? 165'000 : tier == u"R" ? 132'000 : tier == u"S" ? 99'000 : 77'000;
}

QDateTimeEdit *dateTimeEdit(const QString &objectName, QWidget *parent)
{
    auto *edit = new QDateTimeEdit(parent);
    edit->setObjectName(objectName);
    edit->setCalendarPopup(true);
    // The edit holds the venue's wall-clock time as if it were UTC (ConcertsTab::venueTime
    // converts): in the machine's own zone a summer-time gap could refuse a valid venue time.
    edit->setTimeSpec(Qt::UTC);
    edit->setDisplayFormat(u"yyyy-MM-dd HH:mm"_s);
    return edit;
}

// Every IANA zone the time-zone database knows, for the venue time-zone picker.
QStringList ianaZones()
{
    QStringList zones;
    for (const QByteArray &id : QTimeZone::availableTimeZoneIds()) {
        const QString name = QString::fromUtf8(id);
        if (isKnownTimeZone(name))
            zones.append(name);
    }
    return zones;
}

} // namespace

ConcertsTab::ConcertsTab(AdminApi *api, QWidget *parent)
    : QWidget(parent)
    , m_api(api)
{
    setObjectName(u"concertsTab"_s);
    m_heading = new QLabel(this);
    m_heading->setObjectName(u"pageHeading"_s);

    // The list of concerts with their dates.
    m_tree = new QTreeWidget(this);
    m_tree->setObjectName(u"concertTree"_s);
    m_tree->setColumnCount(2);
    m_tree->setRootIsDecorated(true);
    m_tree->setUniformRowHeights(true);
    m_tree->header()->setStretchLastSection(false);
    m_tree->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_tree->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_tree->setMinimumWidth(360);
    connect(m_tree, &QTreeWidget::currentItemChanged, this,
            [this](QTreeWidgetItem *item) { onCurrentItemChanged(item); });
    m_newConcert = adminui::button(u"newConcertButton"_s, this);
    m_addDate = adminui::button(u"addDateButton"_s, this);
    connect(m_newConcert, &QPushButton::clicked, this, &ConcertsTab::newConcert);
    connect(m_addDate, &QPushButton::clicked, this, &ConcertsTab::newDate);
    auto *listButtons = new QHBoxLayout;
    listButtons->addWidget(m_newConcert);
    listButtons->addWidget(m_addDate);
    listButtons->addStretch();
    auto *left = new QVBoxLayout;
    left->addWidget(m_tree, 1);
    left->addLayout(listButtons);

    // The concert form.
    QFrame *concertCard = adminui::card(u"concertFormCard"_s, this);
    m_concertHeading = new QLabel(concertCard);
    m_concertHeading->setObjectName(u"sectionTitle"_s);
    m_titleLabel = new QLabel(concertCard);
    m_title = new QLineEdit(concertCard);
    m_title->setObjectName(u"concertTitleEdit"_s);
    m_title->setMaxLength(200);
    m_artistLabel = new QLabel(concertCard);
    m_artist = new QLineEdit(concertCard);
    m_artist->setObjectName(u"concertArtistEdit"_s);
    m_artist->setMaxLength(200);
    m_venueLabel = new QLabel(concertCard);
    m_venue = new QLineEdit(concertCard);
    m_venue->setObjectName(u"concertVenueEdit"_s);
    m_venue->setMaxLength(200);
    m_timeZoneLabel = new QLabel(concertCard);
    m_timeZone = new QComboBox(concertCard);
    m_timeZone->setObjectName(u"concertTimeZoneEdit"_s);
    m_timeZone->setEditable(true);
    m_timeZone->setInsertPolicy(QComboBox::NoInsert);
    m_timeZone->addItems(ianaZones());
    m_timeZone->completer()->setFilterMode(Qt::MatchContains);
    m_timeZone->completer()->setCaseSensitivity(Qt::CaseInsensitive);
    m_descriptionLabel = new QLabel(concertCard);
    m_description = new QPlainTextEdit(concertCard);
    m_description->setObjectName(u"concertDescriptionEdit"_s);
    m_description->setTabChangesFocus(true);
    m_concertError = new QLabel(concertCard);
    m_concertError->setObjectName(u"concertFormError"_s);
    m_concertError->setWordWrap(true);
    m_concertError->hide();
    m_saveConcert = adminui::button(u"saveConcertButton"_s, concertCard, "primary");
    m_deleteConcert = adminui::button(u"deleteConcertButton"_s, concertCard, "danger");
    connect(m_saveConcert, &QPushButton::clicked, this, &ConcertsTab::saveConcert);
    connect(m_deleteConcert, &QPushButton::clicked, this, &ConcertsTab::deleteConcert);
    auto *concertForm = new QFormLayout;
    concertForm->addRow(m_titleLabel, m_title);
    concertForm->addRow(m_artistLabel, m_artist);
    concertForm->addRow(m_venueLabel, m_venue);
    concertForm->addRow(m_timeZoneLabel, m_timeZone);
    concertForm->addRow(m_descriptionLabel, m_description);
    auto *concertButtons = new QHBoxLayout;
    concertButtons->addWidget(m_deleteConcert);
    concertButtons->addStretch();
    concertButtons->addWidget(m_saveConcert);
    auto *concertLayout = new QVBoxLayout(concertCard);
    concertLayout->setContentsMargins(20, 16, 20, 16);
    concertLayout->addWidget(m_concertHeading);
    concertLayout->addLayout(concertForm);
    concertLayout->addWidget(m_concertError);
    concertLayout->addStretch();
    concertLayout->addLayout(concertButtons);

    // The date form.
    QFrame *dateCard = adminui::card(u"dateFormCard"_s, this);
    m_dateHeading = new QLabel(dateCard);
    m_dateHeading->setObjectName(u"sectionTitle"_s);
    m_dateHeading->setWordWrap(true); // it names the concert, whose title may be long
    m_startsLabel = new QLabel(dateCard);
    m_startsAt = dateTimeEdit(u"startsAtEdit"_s, dateCard);
    m_openLabel = new QLabel(dateCard);
    m_salesOpen = dateTimeEdit(u"salesOpenEdit"_s, dateCard);
    m_closeLabel = new QLabel(dateCard);
    m_salesClose = dateTimeEdit(u"salesCloseEdit"_s, dateCard);
    m_pricesLabel = new QLabel(dateCard);
    m_pricesLabel->setObjectName(u"sectionTitle"_s);
    auto *dateForm = new QFormLayout;
    m_dateZone = new QLabel(dateCard);
    m_dateZone->setObjectName(u"dateZoneLabel"_s);
    m_dateZone->setWordWrap(true);
    dateForm->addRow(m_dateZone);
    dateForm->addRow(m_startsLabel, m_startsAt);
    dateForm->addRow(m_openLabel, m_salesOpen);
    dateForm->addRow(m_closeLabel, m_salesClose);
    dateForm->addRow(m_pricesLabel);
    for (const QString &tier : kSeatTiers) {
        auto *spin = new QSpinBox(dateCard);
        spin->setObjectName(u"price%1Spin"_s.arg(tier));
        spin->setRange(0, int(money::kMaxPrice));
        spin->setSingleStep(1000);
        spin->setGroupSeparatorShown(true);
        spin->setValue(int(defaultPrice(tier)));
        auto *label = new QLabel(dateCard);
        m_prices.insert(tier, spin);
        m_priceLabels.insert(tier, label);
        dateForm->addRow(label, spin);
    }
    m_dateInfo = new QLabel(dateCard);
    m_dateInfo->setObjectName(u"caption"_s);
    m_dateInfo->setWordWrap(true);
    m_dateError = new QLabel(dateCard);
    m_dateError->setObjectName(u"dateFormError"_s);
    m_dateError->setWordWrap(true);
    m_dateError->hide();
    m_saveDate = adminui::button(u"saveDateButton"_s, dateCard, "primary");
    m_deleteDate = adminui::button(u"deleteDateButton"_s, dateCard, "danger");
    connect(m_saveDate, &QPushButton::clicked, this, &ConcertsTab::saveDate);
    connect(m_deleteDate, &QPushButton::clicked, this, &ConcertsTab::deleteDate);
    m_cancelDate = adminui::button(u"cancelDateButton"_s, dateCard, "danger");
    connect(m_cancelDate, &QPushButton::clicked, this, &ConcertsTab::cancelDate);
    auto *dateButtons = new QHBoxLayout;
    dateButtons->addWidget(m_deleteDate);
    dateButtons->addWidget(m_cancelDate);
    dateButtons->addStretch();
    dateButtons->addWidget(m_saveDate);
    auto *dateLayout = new QVBoxLayout(dateCard);
    dateLayout->setContentsMargins(20, 16, 20, 16);
    dateLayout->addWidget(m_dateHeading);
    dateLayout->addLayout(dateForm);
    dateLayout->addWidget(m_dateInfo);
    dateLayout->addWidget(m_dateError);
    dateLayout->addStretch();
    dateLayout->addLayout(dateButtons);

    m_forms = new QStackedWidget(this);
    m_forms->setObjectName(u"concertForms"_s);
    m_forms->addWidget(concertCard);
    m_forms->addWidget(dateCard);
    m_forms->setMinimumWidth(420);

    auto *body = new QHBoxLayout;
    body->setSpacing(16);
    body->addLayout(left, 5);
    body->addWidget(m_forms, 4);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 12, 24, 20);
    layout->addWidget(m_heading);
    layout->addLayout(body, 1);

    retranslate();
    newConcert();
}

const Concert *ConcertsTab::concert(qint64 id) const
{
    for (const Concert &c : m_concerts) {
        if (c.id == id)
            return &c;
    }
    return nullptr;
}

void ConcertsTab::setConcerts(const QList<Concert> &concerts)
{
    const QTreeWidgetItem *current = m_tree->currentItem();
    const int kind = current ? current->data(0, KindRole).toInt() : -1;
    const qint64 id = current ? current->data(0, IdRole).toLongLong() : 0;

    m_concerts = concerts;
    const QSignalBlocker block(m_tree);
    m_tree->clear();
    for (const Concert &c : concerts) {
        auto *top = new QTreeWidgetItem(m_tree);
        top->setText(0, c.title);
        top->setText(1, c.artist);
        top->setData(0, KindRole, int(ItemKind::Concert));
        top->setData(0, IdRole, c.id);
        top->setData(0, ConcertRole, c.id);
        QFont bold = top->font(0);
        bold.setBold(true);
        top->setFont(0, bold);
        for (const Schedule &s : c.schedules) {
            auto *child = new QTreeWidgetItem(top);
            labelDate(child, s, c.zone());
            child->setData(0, KindRole, int(ItemKind::Date));
            child->setData(0, IdRole, s.id);
            child->setData(0, ConcertRole, c.id);
        }
    }
    m_tree->expandAll();
    // Keep the form on what was selected (it may be gone).
    if (kind == int(ItemKind::Concert) && selectConcert(id))
        return;
    if (kind == int(ItemKind::Date) && selectSchedule(id))
        return;
    if (m_forms->currentIndex() == 0 && m_concertId != 0 && !concert(m_concertId))
        newConcert();
    m_addDate->setEnabled(m_concertId != 0 || m_dateConcertId != 0);
}

void ConcertsTab::setSeatCounts(qint64 scheduleId, int available, int total)
{
    for (int i = 0; i < m_tree->topLevelItemCount(); ++i) {
        QTreeWidgetItem *top = m_tree->topLevelItem(i);
        Concert *c = nullptr;
        for (Concert &each : m_concerts) {
            if (each.id == top->data(0, IdRole).toLongLong())
                c = &each;
        }
        for (int j = 0; c && j < top->childCount() && j < c->schedules.size(); ++j) {
            Schedule &s = c->schedules[j];
            if (s.id != scheduleId)
                continue;
            s.availableSeats = available;
            s.totalSeats = total;
            labelDate(top->child(j), s, c->zone());
            return;
        }
    }
}

QList<qint64> ConcertsTab::liveDates() const
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QList<const Schedule *> dates;
    for (const Concert &c : m_concerts) {
        for (const Schedule &s : c.schedules) {
            if (!s.cancelledAt.isValid() && s.startsAt > now)
                dates.append(&s);
        }
    }
    std::sort(dates.begin(), dates.end(),
              [](const Schedule *a, const Schedule *b) { return a->startsAt < b->startsAt; });
    QList<qint64> ids;
    for (const Schedule *s : dates)
        ids.append(s->id);
    return ids;
}

bool ConcertsTab::selectConcert(qint64 concertId)
{
    for (int i = 0; i < m_tree->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = m_tree->topLevelItem(i);
        if (item->data(0, IdRole).toLongLong() == concertId) {
            m_tree->setCurrentItem(item);
            onCurrentItemChanged(item);
            return true;
        }
    }
    return false;
}

bool ConcertsTab::selectSchedule(qint64 scheduleId)
{
    for (int i = 0; i < m_tree->topLevelItemCount(); ++i) {
        QTreeWidgetItem *top = m_tree->topLevelItem(i);
        for (int j = 0; j < top->childCount(); ++j) {
            if (top->child(j)->data(0, IdRole).toLongLong() == scheduleId) {
                m_tree->setCurrentItem(top->child(j));
                onCurrentItemChanged(top->child(j));
                return true;
            }
        }
    }
    return false;
}

void ConcertsTab::onCurrentItemChanged(QTreeWidgetItem *item)
{
    if (!item)
        return;
    const qint64 concertId = item->data(0, ConcertRole).toLongLong();
    const Concert *c = concert(concertId);
    if (!c)
        return;
    if (item->data(0, KindRole).toInt() == int(ItemKind::Concert)) {
        showConcert(c);
        return;
    }
    const qint64 scheduleId = item->data(0, IdRole).toLongLong();
    for (const Schedule &s : c->schedules) {
        if (s.id == scheduleId)
            showDate(concertId, &s);
    }
}

void ConcertsTab::newConcert()
{
    {
        const QSignalBlocker block(m_tree);
        m_tree->setCurrentItem(nullptr);
    }
    showConcert(nullptr);
    m_title->setFocus();
}

void ConcertsTab::newDate()
{
    const qint64 concertId = m_forms->currentIndex() == 0 ? m_concertId : m_dateConcertId;
    if (!concert(concertId)) {
        Q_EMIT failed(
            ApiError::withText(ErrorCode::ValidationFailed, tr("Choose a concert first.")));
        return;
    }
    showDate(concertId, nullptr);
    m_startsAt->setFocus();
}

void ConcertsTab::showConcert(const Concert *c)
{
    m_concertId = c ? c->id : 0;
    m_title->setText(c ? c->title : QString());
    m_artist->setText(c ? c->artist : QString());
    m_venue->setText(c ? c->venue : QString());
    m_timeZone->setCurrentText(c ? c->timeZone : QString::fromLatin1(kDefaultVenueTimeZone));
    m_description->setPlainText(c ? c->description : QString());
    m_deleteConcert->setVisible(c != nullptr);
    m_addDate->setEnabled(c != nullptr);
    setFormError(m_concertError, {});
    m_forms->setCurrentIndex(0);
    retranslate();
}

void ConcertsTab::showDate(qint64 concertId, const Schedule *s)
{
    m_dateConcertId = concertId;
    m_scheduleId = s ? s->id : 0;
    m_addDate->setEnabled(true);
    // "Now" and every time of the form are clocks at the venue.
    const QDateTime now = QDateTime::currentDateTimeUtc().toTimeZone(dateZone());
    if (s) {
        setVenueTime(m_startsAt, s->startsAt);
        setVenueTime(m_salesOpen, s->salesOpenAt);
        setVenueTime(m_salesClose, s->salesCloseAt);
        m_dateInfo->setText(tr("%1 of %2 seats free; prices from %3 to %4.")
                                .arg(s->availableSeats)
                                .arg(s->totalSeats)
                                .arg(money::format(s->minPrice), money::format(s->maxPrice)));
        // The tier prices are the seats' own: read them from the staff seat map.
        const qint64 id = s->id;
        m_api->seats(id, this, [this, id](const Result<AdminSeatMap> &map) {
            if (!map || m_scheduleId != id)
                return;
            for (const QString &tier : kSeatTiers) {
                if (const Money price = map->tierPrice(tier); price > 0)
                    m_prices.value(tier)->setValue(int(price));
            }
        });
    } else {
        // A sensible start: a month from now at 19:00, sales open now, close an hour before.
        const QDateTime starts(now.date().addDays(30), QTime(19, 0), dateZone());
        setVenueTime(m_startsAt, starts);
        setVenueTime(m_salesOpen, QDateTime(now.date(), QTime(now.time().hour(), 0), dateZone()));
        setVenueTime(m_salesClose, starts.addSecs(-3600));
        for (const QString &tier : kSeatTiers)
            m_prices.value(tier)->setValue(int(defaultPrice(tier)));
        m_dateInfo->setText(
            tr("A new date gets 50 seats: row 1 VIP, row 2 R, rows 3–4 S, row 5 A."));
    }
    m_deleteDate->setVisible(s != nullptr);
    m_cancelDate->setVisible(s != nullptr && m_staff != nullptr);
    m_cancelDate->setEnabled(s != nullptr && !s->cancelledAt.isValid());
    if (s && s->cancelledAt.isValid())
        m_dateInfo->setText(tr("Cancelled %1; every customer was refunded.")
                                .arg(DisplayText::dateTime(s->cancelledAt, dateZone())));
    setFormError(m_dateError, {});
    m_forms->setCurrentIndex(1);
    retranslate();
}

QTimeZone ConcertsTab::dateZone() const
{
    return zoneOfConcert(m_concerts, m_dateConcertId);
}

void ConcertsTab::setVenueTime(QDateTimeEdit *edit, const QDateTime &time)
{
    const QDateTime there = time.toTimeZone(dateZone());
    edit->setDateTime(QDateTime(there.date(), there.time(), Qt::UTC));
}

QDateTime ConcertsTab::venueTime(const QDateTimeEdit *edit) const
{
    const QDateTime clock = edit->dateTime();
    return QDateTime(clock.date(), clock.time(), dateZone()).toUTC();
}

ConcertDraft ConcertsTab::concertDraft() const
{
    return {m_title->text(), m_artist->text(), m_venue->text(), m_description->toPlainText(),
            m_timeZone->currentText().trimmed()};
}

ScheduleDraft ConcertsTab::dateDraft() const
{
    ScheduleDraft d;
    d.startsAt = venueTime(m_startsAt);
    d.salesOpenAt = venueTime(m_salesOpen);
    d.salesCloseAt = venueTime(m_salesClose);
    for (const QString &tier : kSeatTiers)
        d.prices.insert(tier, m_prices.value(tier)->value());
    return d;
}

QString ConcertsTab::validateConcert() const
{
    const ConcertDraft d = concertDraft();
    if (d.title.trimmed().isEmpty())
        return tr("Enter the concert's title.");
    if (d.description.size() > 5000)
        return tr("The description is at most 5,000 characters.");
    if (!isKnownTimeZone(d.timeZone))
        return tr("Choose the venue's time zone from the list (for example Asia/Seoul).");
    return {};
}

QString ConcertsTab::validateDate() const
{
    const ScheduleDraft d = dateDraft();
    if (m_scheduleId == 0 && d.startsAt <= QDateTime::currentDateTimeUtc())
        return tr("The show must start in the future.");
    if (!(d.salesOpenAt < d.salesCloseAt))
        return tr("Sales must close after they open.");
    if (d.salesCloseAt > d.startsAt)
        return tr("Sales must close by the time the show starts.");
    for (const QString &tier : kSeatTiers) {
        if (d.prices.value(tier) <= 0)
            return tr("Give every tier a price above zero.");
    }
    return {};
}

void ConcertsTab::setFormError(QLabel *label, const QString &text)
{
    label->setText(text);
    label->setVisible(!text.isEmpty());
}

void ConcertsTab::setBusy(bool busy)
{
    for (QPushButton *b : {m_saveConcert, m_deleteConcert, m_saveDate, m_deleteDate})
        b->setEnabled(!busy);
}

void ConcertsTab::saveConcert()
{
    if (const QString problem = validateConcert(); !problem.isEmpty()) {
        setFormError(m_concertError, problem);
        return;
    }
    setFormError(m_concertError, {});
    setBusy(true);
    const bool creating = m_concertId == 0;
    auto done = [this, creating](const Result<Concert> &r) {
        setBusy(false);
        if (!r) {
            setFormError(m_concertError, ErrorText::describe(r.error()).text);
            return;
        }
        m_concertId = r->id;
        Q_EMIT succeeded(creating ? tr("Concert “%1” created. Add its dates next.").arg(r->title)
                                  : tr("Concert “%1” saved.").arg(r->title));
        Q_EMIT concertsChanged(r->id, 0);
    };
    if (creating)
        m_api->createConcert(concertDraft(), this, done);
    else
        m_api->updateConcert(m_concertId, concertDraft(), this, done);
}

void ConcertsTab::deleteConcert()
{
    const Concert *c = concert(m_concertId);
    if (!c)
        return;
    const QString title = c->title;
    const qint64 concertId = m_concertId;
    adminui::confirm(
        this, tr("Delete concert"),
        tr("Delete “%1” and all its dates? This cannot be undone.").arg(title), tr("Delete"),
        [this, title, concertId] {
            setBusy(true);
            m_api->deleteConcert(concertId, this, [this, title](const Result<Empty> &r) {
                setBusy(false);
                if (!r) {
                    setFormError(m_concertError, ErrorText::describe(r.error()).text);
                    return;
                }
                showConcert(nullptr);
                Q_EMIT succeeded(tr("Concert “%1” deleted.").arg(title));
                Q_EMIT concertsChanged(0, 0);
            });
        });
}

void ConcertsTab::saveDate()
{
    if (const QString problem = validateDate(); !problem.isEmpty()) {
        setFormError(m_dateError, problem);
        return;
    }
    setFormError(m_dateError, {});
    setBusy(true);
    const qint64 concertId = m_dateConcertId;
    const QString when = DisplayText::dateTime(dateDraft().startsAt, dateZone());
    if (m_scheduleId == 0) {
        m_api->createSchedule(
            concertId, dateDraft(), this, [this, concertId, when](const Result<qint64> &r) {
                setBusy(false);
                if (!r) {
                    setFormError(m_dateError, ErrorText::describe(r.error()).text);
                    return;
                }
                m_scheduleId = r.value();
                Q_EMIT succeeded(tr("Date %1 added.").arg(when));
                Q_EMIT concertsChanged(concertId, r.value());
            });
        return;
    }
    const qint64 scheduleId = m_scheduleId;
    m_api->updateSchedule(scheduleId, dateDraft(), this,
                          [this, concertId, scheduleId, when](const Result<Empty> &r) {
                              setBusy(false);
                              if (!r) {
                                  setFormError(m_dateError, ErrorText::describe(r.error()).text);
                                  return;
                              }
                              Q_EMIT succeeded(tr("Date %1 saved.").arg(when));
                              Q_EMIT concertsChanged(concertId, scheduleId);
                          });
}

void ConcertsTab::cancelDate()
{
    if (m_scheduleId == 0 || !m_staff)
        return;
    const QString when = DisplayText::dateTime(venueTime(m_startsAt), dateZone());
    auto *dialog = new ReasonDialog(
        tr("Cancel date"),
        tr("Cancel the date %1? Every hold is released, every ticket refunded to its buyer's "
           "wallet, and the date goes off sale for good. Customers are told at once.")
            .arg(when),
        tr("Cancel the date"), this);
    const qint64 concertId = m_dateConcertId;
    const qint64 scheduleId = m_scheduleId;
    connect(dialog, &ReasonDialog::confirmed, this, [this, dialog, concertId, scheduleId, when] {
        setBusy(true);
        m_staff->cancelSchedule(
            scheduleId, dialog->reason(), this,
            [this, concertId, scheduleId, when](const Result<ScheduleCancellation> &r) {
                setBusy(false);
                if (!r) {
                    setFormError(m_dateError, ErrorText::describe(r.error()).text);
                    return;
                }
                Q_EMIT succeeded(tr("Date %1 cancelled: %2 refunded (%3), %4 released.")
                                     .arg(when,
                                          tr("%n reservation(s)", nullptr, r->refundedReservations),
                                          money::format(r->refundedTotal),
                                          tr("%n hold(s)", nullptr, r->releasedHolds)));
                Q_EMIT concertsChanged(concertId, scheduleId);
            });
    });
    dialog->open();
}

void ConcertsTab::deleteDate()
{
    if (m_scheduleId == 0)
        return;
    const QString when = DisplayText::dateTime(venueTime(m_startsAt), dateZone());
    const qint64 concertId = m_dateConcertId;
    const qint64 scheduleId = m_scheduleId;
    adminui::confirm(this, tr("Delete date"),
                     tr("Delete the date %1? This cannot be undone.").arg(when), tr("Delete"),
                     [this, concertId, scheduleId, when] {
                         setBusy(true);
                         m_api->deleteSchedule(
                             scheduleId, this, [this, concertId, when](const Result<Empty> &r) {
                                 setBusy(false);
                                 if (!r) {
                                     setFormError(m_dateError, ErrorText::describe(r.error()).text);
                                     return;
                                 }
                                 m_scheduleId = 0;
                                 Q_EMIT succeeded(tr("Date %1 deleted.").arg(when));
                                 Q_EMIT concertsChanged(concertId, 0);
                                 selectConcert(concertId);
                             });
                     });
}

void ConcertsTab::labelDate(QTreeWidgetItem *item, const Schedule &s, const QTimeZone &zone)
{
    item->setText(0, DisplayText::dateTime(s.startsAt, zone));
    item->setText(1,
                  s.cancelledAt.isValid()
                      ? tr("Cancelled")
                      : tr("%1 of %2 free").arg(s.availableSeats).arg(s.totalSeats));
}

void ConcertsTab::retranslate()
{
    // The dates in the tree speak the new language too, without a reload.
    for (int i = 0; i < m_tree->topLevelItemCount(); ++i) {
        QTreeWidgetItem *top = m_tree->topLevelItem(i);
        const Concert *c = concert(top->data(0, IdRole).toLongLong());
        for (int j = 0; c && j < top->childCount() && j < c->schedules.size(); ++j)
            labelDate(top->child(j), c->schedules.at(j), c->zone());
    }
    m_heading->setText(tr("Concerts and dates"));
    m_tree->setHeaderLabels({tr("Concert / date"), tr("Artist / seats")});
    m_newConcert->setText(tr("New concert"));
    m_addDate->setText(tr("Add date"));
    m_concertHeading->setText(m_concertId == 0 ? tr("New concert") : tr("Edit concert"));
    m_titleLabel->setText(tr("Title"));
    m_artistLabel->setText(tr("Artist"));
    m_venueLabel->setText(tr("Venue"));
    m_timeZoneLabel->setText(tr("Venue time zone"));
    m_timeZone->setToolTip(tr("Every date and time of this concert is shown in this zone."));
    m_descriptionLabel->setText(tr("Description"));
    m_title->setPlaceholderText(tr("Required"));
    m_saveConcert->setText(m_concertId == 0 ? tr("Create concert") : tr("Save concert"));
    m_deleteConcert->setText(tr("Delete concert"));
    const Concert *c = concert(m_dateConcertId);
    m_dateHeading->setText(m_scheduleId == 0
                               ? tr("New date for “%1”").arg(c ? c->title : QString())
                               : tr("Edit date of “%1”").arg(c ? c->title : QString()));
    const QTimeZone zone = dateZone();
    const QString abbreviation = zone.abbreviation(venueTime(m_startsAt));
    m_dateZone->setText(
        tr("Times are at the venue: %1 (%2).").arg(QString::fromUtf8(zone.id()), abbreviation));
    for (QDateTimeEdit *edit : {m_startsAt, m_salesOpen, m_salesClose})
        edit->setDisplayFormat(u"yyyy-MM-dd HH:mm '%1'"_s.arg(abbreviation));
    m_startsLabel->setText(tr("Show starts"));
    m_openLabel->setText(tr("Sales open"));
    m_closeLabel->setText(tr("Sales close"));
    m_pricesLabel->setText(tr("Seat prices (unsold seats)"));
    for (const QString &tier : kSeatTiers) {
        m_priceLabels.value(tier)->setText(tr("%1 seats").arg(tier));
        m_prices.value(tier)->setSuffix(money::suffix()); // " KRW" / "원", as amounts read
    }
    m_saveDate->setText(m_scheduleId == 0 ? tr("Add date") : tr("Save date"));
    m_deleteDate->setText(tr("Delete date"));
    m_cancelDate->setText(tr("Cancel date…"));
}

void ConcertsTab::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

} // namespace encore
