#include "queuetab.h"

#include "admin/adminui.h"
#include "admin/fairqueuepanel.h"
#include "models/displaytext.h"
#include "net/adminapi.h"

#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDateTimeAxis>
#include <QEvent>
#include <QFormLayout>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLegend>
#include <QLineSeries>
#include <QPushButton>
#include <QSpinBox>
#include <QValueAxis>

using namespace Qt::StringLiterals;

namespace encore {

QueueTab::QueueTab(AdminApi *api, QWidget *parent)
    : QWidget(parent)
    , m_api(api)
{
    setObjectName(u"queueTab"_s);
    m_poll.setInterval(2000);
    connect(&m_poll, &QTimer::timeout, this, &QueueTab::refresh);

    m_heading = new QLabel(this);
    m_heading->setObjectName(u"pageHeading"_s);
    m_concertLabel = new QLabel(this);
    m_concerts = new QComboBox(this);
    m_concerts->setObjectName(u"queueConcertCombo"_s);
    m_concerts->setMinimumWidth(280);
    connect(m_concerts, &QComboBox::currentIndexChanged, this, &QueueTab::onConcertChosen);
    m_state = new QLabel(this);
    m_state->setObjectName(u"queueState"_s);
    auto *top = new QHBoxLayout;
    top->addWidget(m_concertLabel);
    top->addWidget(m_concerts);
    top->addStretch();
    top->addWidget(m_state);

    // The numbers, as a row of cards.
    auto *figures = new QHBoxLayout;
    figures->setSpacing(12);
    const auto figure = [this, figures](Figure &f, const QString &name) {
        QFrame *card = adminui::card(name + u"Card"_s, this);
        f.title = new QLabel(card);
        f.title->setObjectName(u"figureTitle"_s);
        f.value = new QLabel(u"—"_s, card);
        f.value->setObjectName(name + u"Value"_s);
        f.value->setProperty("figure", true);
        auto *l = new QVBoxLayout(card);
        l->setContentsMargins(16, 10, 16, 10);
        l->addWidget(f.title);
        l->addWidget(f.value);
        figures->addWidget(card, 1);
    };
    figure(m_waiting, u"waiting"_s);
    figure(m_active, u"active"_s);
    figure(m_admitted, u"admitted"_s);
    figure(m_completed, u"completed"_s);
    figure(m_eta, u"eta"_s);
    // The wait is words ("less than a minute", "paused"), not a number: smaller, and wrapped.
    m_eta.value->setProperty("wordy", true);
    m_eta.value->setWordWrap(true);

    // Admissions per minute and queue length over time.
    m_admittedSeries = new QLineSeries;
    m_waitingSeries = new QLineSeries;
    QPen admittedPen(QColor(0x5b, 0x3d, 0xf5));
    admittedPen.setWidth(3);
    m_admittedSeries->setPen(admittedPen);
    QPen waitingPen(QColor(0xf5, 0x9e, 0x0b));
    waitingPen.setWidth(3);
    m_waitingSeries->setPen(waitingPen);
    m_chart = new QChart;
    m_chart->addSeries(m_waitingSeries);
    m_chart->addSeries(m_admittedSeries);
    m_chart->setBackgroundRoundness(12);
    m_chart->setMargins(QMargins(6, 6, 6, 6));
    m_chart->legend()->setAlignment(Qt::AlignTop);
    m_timeAxis = new QDateTimeAxis;
    m_timeAxis->setFormat(u"HH:mm:ss"_s);
    m_timeAxis->setTickCount(7);
    m_countAxis = new QValueAxis;
    m_countAxis->setLabelFormat(u"%d"_s);
    m_countAxis->setMin(0);
    m_chart->addAxis(m_timeAxis, Qt::AlignBottom);
    m_chart->addAxis(m_countAxis, Qt::AlignLeft);
    for (QLineSeries *s : {m_waitingSeries, m_admittedSeries}) {
        s->attachAxis(m_timeAxis);
        s->attachAxis(m_countAxis);
    }
    m_chartView = new QChartView(m_chart, this);
    m_chartView->setObjectName(u"queueChart"_s);
    m_chartView->setFrameShape(QFrame::NoFrame);
    m_chartView->setBackgroundBrush(QColor(0xf5, 0xf6, 0xfa));
    m_chartView->setRenderHint(QPainter::Antialiasing);
    m_chartView->setMinimumHeight(260);
    clearChart();

    // The settings.
    QFrame *settingsCard = adminui::card(u"queueSettingsCard"_s, this);
    m_settingsTitle = new QLabel(settingsCard);
    m_settingsTitle->setObjectName(u"sectionTitle"_s);
    m_maxActiveLabel = new QLabel(settingsCard);
    m_maxActive = new QSpinBox(settingsCard);
    m_maxActive->setObjectName(u"maxActiveSpin"_s);
    m_maxActive->setRange(1, 1'000'000);
    m_rateLabel = new QLabel(settingsCard);
    m_rate = new QSpinBox(settingsCard);
    m_rate->setObjectName(u"admitPerMinuteSpin"_s);
    m_rate->setRange(1, 1'000'000);
    m_ttlLabel = new QLabel(settingsCard);
    m_ttl = new QSpinBox(settingsCard);
    m_ttl->setObjectName(u"activeTtlSpin"_s);
    m_ttl->setRange(10, 86'400);
    m_ttl->setSingleStep(60);
    m_preQueueLabel = new QLabel(settingsCard);
    m_preQueueMinutes = new QSpinBox(settingsCard);
    m_preQueueMinutes->setObjectName(u"preQueueMinutesSpin"_s);
    m_preQueueMinutes->setRange(0, kMaxPreQueueMinutes);
    m_preQueueMinutes->setSingleStep(15);
    m_perAddressLabel = new QLabel(settingsCard);
    m_perAddress = new QSpinBox(settingsCard);
    m_perAddress->setObjectName(u"accountsPerAddressSpin"_s);
    m_perAddress->setRange(1, 100'000);
    for (QSpinBox *spin : {m_maxActive, m_rate, m_ttl, m_preQueueMinutes, m_perAddress}) {
        spin->setGroupSeparatorShown(true);
        connect(spin, &QSpinBox::valueChanged, this, [this] {
            if (!m_showing)
                m_editing = true;
        });
    }
    m_apply = adminui::button(u"applySettingsButton"_s, settingsCard, "primary");
    m_pause = adminui::button(u"pauseButton"_s, settingsCard);
    connect(m_apply, &QPushButton::clicked, this, &QueueTab::applySettings);
    connect(m_pause, &QPushButton::clicked, this, &QueueTab::togglePause);
    m_settingsNote = new QLabel(settingsCard);
    m_settingsNote->setObjectName(u"caption"_s);
    m_settingsNote->setWordWrap(true);
    auto *form = new QFormLayout;
    form->addRow(m_maxActiveLabel, m_maxActive);
    form->addRow(m_rateLabel, m_rate);
    form->addRow(m_ttlLabel, m_ttl);
    form->addRow(m_preQueueLabel, m_preQueueMinutes);
    form->addRow(m_perAddressLabel, m_perAddress);
    auto *settingsButtons = new QHBoxLayout;
    settingsButtons->addWidget(m_pause);
    settingsButtons->addStretch();
    settingsButtons->addWidget(m_apply);
    auto *settingsLayout = new QVBoxLayout(settingsCard);
    settingsLayout->setContentsMargins(18, 14, 18, 14);
    settingsLayout->addWidget(m_settingsTitle);
    settingsLayout->addLayout(form);
    settingsLayout->addWidget(m_settingsNote);
    settingsLayout->addStretch();
    settingsLayout->addLayout(settingsButtons);
    settingsCard->setMinimumWidth(330);

    auto *body = new QHBoxLayout;
    body->setSpacing(16);
    body->addWidget(m_chartView, 1);
    body->addWidget(settingsCard);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 12, 24, 20);
    layout->setSpacing(12);
    layout->addWidget(m_heading);
    layout->addLayout(top);
    layout->addLayout(figures);
    layout->addLayout(body, 1);
    m_fairQueue = new FairQueuePanel(m_api, this);
    connect(m_fairQueue, &FairQueuePanel::failed, this, &QueueTab::failed);
    connect(m_fairQueue, &FairQueuePanel::succeeded, this, &QueueTab::succeeded);
    layout->addWidget(m_fairQueue, 1);
    retranslate();
}

void QueueTab::setConcerts(const QList<Concert> &concerts)
{
    const qint64 keep = m_concertId;
    {
        const QSignalBlocker block(m_concerts);
        m_concerts->clear();
        for (const Concert &c : concerts)
            m_concerts->addItem(c.title, c.id);
    }
    if (keep > 0 && showConcert(keep))
        return;
    m_concertId = 0;
    onConcertChosen(m_concerts->count() > 0 ? 0 : -1);
}

bool QueueTab::showConcert(qint64 concertId)
{
    const int index = m_concerts->findData(concertId);
    if (index < 0)
        return false;
    if (m_concerts->currentIndex() != index)
        m_concerts->setCurrentIndex(index);
    else if (m_concertId != concertId)
        onConcertChosen(index);
    return true;
}

void QueueTab::onConcertChosen(int index)
{
    const qint64 id = index >= 0 ? m_concerts->itemData(index).toLongLong() : 0;
    if (id == m_concertId)
        return;
    m_concertId = id;
    m_editing = false;
    m_hasStats = false;
    m_fairQueue->setConcert(id);
    clearChart();
    refresh();
}

void QueueTab::setPolling(bool on)
{
    if (on) {
        m_poll.start();
        refresh();
    } else {
        m_poll.stop();
    }
}

void QueueTab::refresh()
{
    if (m_concertId <= 0 || m_inFlight)
        return;
    m_fairQueue->refresh();
    m_inFlight = true;
    const qint64 id = m_concertId;
    m_api->queueStats(id, this, [this, id](const Result<QueueStats> &r) {
        m_inFlight = false;
        if (id != m_concertId)
            return;
        if (!r) {
            Q_EMIT failed(r.error());
            return;
        }
        addStats(r.value());
        Q_EMIT statsLoaded(r.value());
    });
}

void QueueTab::clearChart()
{
    m_admittedSeries->clear();
    m_waitingSeries->clear();
    const QDateTime now = QDateTime::currentDateTime();
    m_timeAxis->setRange(now.addSecs(-60), now);
    m_countAxis->setRange(0, 10);
}

void QueueTab::addStats(const QueueStats &stats, const QDateTime &at)
{
    m_stats = stats;
    m_hasStats = true;
    const QLocale locale;
    m_waiting.value->setText(locale.toString(stats.waiting));
    m_active.value->setText(
        u"%1 / %2"_s.arg(locale.toString(stats.active), locale.toString(stats.settings.maxActive)));
    m_admitted.value->setText(locale.toString(stats.admittedLastMinute));
    m_completed.value->setText(locale.toString(stats.completed));
    m_eta.value->setText(stats.waiting == 0 ? tr("no wait")
                             : stats.settings.paused
                             ? tr("paused")
                             : DisplayText::duration(stats.etaAtBackSeconds));

    const qreal x = qreal(at.toMSecsSinceEpoch());
    m_admittedSeries->append(x, qreal(stats.admittedLastMinute));
    m_waitingSeries->append(x, qreal(stats.waiting));
    for (QLineSeries *s : {m_admittedSeries, m_waitingSeries}) {
        if (s->count() > kMaxPoints)
            s->removePoints(0, s->count() - kMaxPoints);
    }
    qreal top = 10;
    for (QLineSeries *s : {m_admittedSeries, m_waitingSeries}) {
        for (const QPointF &p : s->points())
            top = std::max(top, p.y());
    }
    m_countAxis->setRange(0, std::ceil(top * 1.1));
    m_countAxis->applyNiceNumbers();
    const QDateTime first
        = QDateTime::fromMSecsSinceEpoch(qint64(m_waitingSeries->points().constFirst().x()));
    m_timeAxis->setRange(std::min(first, at.addSecs(-60)), at);

    if (!m_editing)
        showSettings(stats.settings);
    retranslate();
}

void QueueTab::showSettings(const QueueSettings &settings)
{
    m_showing = true;
    m_maxActive->setValue(settings.maxActive);
    m_rate->setValue(settings.admitPerMinute);
    m_ttl->setValue(settings.activeTtlSeconds);
    if (settings.preQueueMinutes)
        m_preQueueMinutes->setValue(*settings.preQueueMinutes);
    // No value: the concert has no limit of its own and the server has none either.
    m_perAddress->setValue(settings.maxAccountsPerAddress.value_or(m_perAddress->maximum()));
    m_showing = false;
}

QueueSettings QueueTab::editedSettings() const
{
    QueueSettings s;
    s.maxActive = m_maxActive->value();
    s.admitPerMinute = m_rate->value();
    s.activeTtlSeconds = m_ttl->value();
    s.paused = m_hasStats && m_stats.settings.paused;
    s.preQueueMinutes = m_preQueueMinutes->value();
    s.maxAccountsPerAddress = m_perAddress->value();
    return s;
}

void QueueTab::applySettings()
{
    sendSettings(editedSettings(), tr("Queue settings applied."));
}

void QueueTab::togglePause()
{
    if (!m_hasStats)
        return;
    QueueSettings s = m_stats.settings; // the applied values, not half-edited ones
    s.paused = !s.paused;
    if (!s.paused) {
        sendSettings(s, tr("The queue runs again."));
        return;
    }
    adminui::confirm(this, tr("Pause the queue"),
                     tr("Pause admissions to “%1”? People keep their place but nobody new "
                        "is let in until you resume.")
                         .arg(m_concerts->currentText()),
                     tr("Pause"), [this, s] { sendSettings(s, tr("The queue is paused.")); });
}

void QueueTab::sendSettings(const QueueSettings &settings, const QString &done)
{
    if (m_concertId <= 0)
        return;
    m_apply->setEnabled(false);
    m_pause->setEnabled(false);
    const qint64 id = m_concertId;
    m_api->setQueueSettings(id, settings, this, [this, id, done](const Result<QueueSettings> &r) {
        m_apply->setEnabled(true);
        m_pause->setEnabled(true);
        if (!r) {
            Q_EMIT failed(r.error());
            return;
        }
        if (id != m_concertId)
            return;
        m_editing = false;
        m_stats.settings = r.value();
        showSettings(r.value());
        retranslate();
        Q_EMIT succeeded(done);
        Q_EMIT settingsApplied(r.value());
        refresh();
    });
}

void QueueTab::retranslate()
{
    m_heading->setText(tr("Queue"));
    m_concertLabel->setText(tr("Concert"));
    const bool paused = m_hasStats && m_stats.settings.paused;
    m_state->setText(!m_hasStats ? QString() : paused ? tr("⏸ Paused") : tr("▶ Admitting"));
    m_state->setProperty("paused", paused);
    m_waiting.title->setText(tr("Waiting"));
    m_active.title->setText(tr("Active / max"));
    m_admitted.title->setText(tr("Admitted last minute"));
    m_completed.title->setText(tr("Completed"));
    m_eta.title->setText(tr("Wait at the back"));
    m_chart->setTitle(tr("Queue length and admissions per minute"));
    m_waitingSeries->setName(tr("Waiting"));
    m_admittedSeries->setName(tr("Admitted per minute"));
    m_settingsTitle->setText(tr("Settings"));
    m_maxActiveLabel->setText(tr("Max. active"));
    m_rateLabel->setText(tr("Admit per minute"));
    m_ttlLabel->setText(tr("Turn length"));
    m_ttl->setSuffix(tr(" s"));
    m_preQueueLabel->setText(tr("Pre-queue opens"));
    m_preQueueMinutes->setSuffix(tr(" min before sales"));
    m_perAddressLabel->setText(tr("Accounts per address"));
    m_apply->setText(tr("Apply"));
    m_pause->setText(paused ? tr("Resume") : tr("Pause"));
    m_settingsNote->setText(tr("Changes apply at once to everyone in this concert's queue; "
                               "waits are re-estimated within seconds."));
}

void QueueTab::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

} // namespace encore
