#include "salestab.h"

#include "admin/adminui.h"
#include "admin/topupstab.h"
#include "models/displaytext.h"
#include "net/adminapi.h"
#include "widgets/repolish.h"

#include "jsonreader.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QPushButton>
#include <QScatterSeries>
#include <QStackedBarSeries>
#include <QTreeWidget>
#include <QValueAxis>

using namespace Qt::StringLiterals;

namespace encore {

SalesTab::SalesTab(AdminApi *api, QWidget *parent)
    : QWidget(parent)
    , m_api(api)
{
    setObjectName(u"salesTab"_s);
    m_heading = new QLabel(this);
    m_heading->setObjectName(u"pageHeading"_s);
    m_refresh = adminui::button(u"salesRefreshButton"_s, this);
    connect(m_refresh, &QPushButton::clicked, this, &SalesTab::refresh);
    m_export = adminui::button(u"exportSalesButton"_s, this);
    connect(m_export, &QPushButton::clicked, this,
            [this] { Q_EMIT exportRequested(u"sales.csv"_s); });
    m_totals = new QLabel(this);
    m_totals->setObjectName(u"salesTotals"_s);
    m_concertFilter = new QComboBox(this);
    m_concertFilter->setObjectName(u"salesConcertFilter"_s);
    adminui::sizeByCharacters(m_concertFilter, 24);
    m_concertFilter->addItem(QString(), qint64(0));
    connect(m_concertFilter, &QComboBox::activated, this, &SalesTab::refresh);
    auto *top = new QHBoxLayout;
    top->addWidget(m_totals, 1);
    top->addWidget(m_concertFilter);
    top->addWidget(m_refresh);
    top->addWidget(m_export);

    m_chart = new QChart;
    m_chart->setBackgroundRoundness(12);
    m_chart->setMargins(QMargins(6, 6, 14, 6)); // room for the revenue axis title
    m_chart->legend()->setAlignment(Qt::AlignTop);
    m_bars = new QStackedBarSeries;
    m_bars->setBarWidth(0.6);
    m_revenue = new QLineSeries;
    QPen pen(QColor(0x0e, 0x9f, 0x6e));
    pen.setWidth(3);
    m_revenue->setPen(pen);
    m_dots = new QScatterSeries; // a line of one point would be invisible
    m_dots->setColor(pen.color());
    m_dots->setBorderColor(pen.color());
    m_dots->setMarkerSize(9);
    m_chart->addSeries(m_bars);
    m_chart->addSeries(m_revenue);
    m_chart->addSeries(m_dots);
    m_dateAxis = new QBarCategoryAxis;
    m_seatAxis = new QValueAxis;
    m_seatAxis->setLabelFormat(u"%d"_s);
    m_seatAxis->setRange(0, 50);
    m_seatAxis->setTickCount(6);
    m_moneyAxis = new QValueAxis;
    m_moneyAxis->setLabelFormat(u"%.0f"_s);
    m_moneyAxis->setLinePenColor(pen.color());
    m_chart->addAxis(m_dateAxis, Qt::AlignBottom);
    m_chart->addAxis(m_seatAxis, Qt::AlignLeft);
    m_chart->addAxis(m_moneyAxis, Qt::AlignRight);
    m_bars->attachAxis(m_dateAxis);
    m_bars->attachAxis(m_seatAxis);
    for (QXYSeries *series : std::initializer_list<QXYSeries *> {m_revenue, m_dots}) {
        series->attachAxis(m_dateAxis);
        series->attachAxis(m_moneyAxis);
    }
    m_chartView = new QChartView(m_chart, this);
    m_chartView->setFrameShape(QFrame::NoFrame);
    m_chartView->setBackgroundBrush(QColor(0xf5, 0xf6, 0xfa));
    m_chartView->setObjectName(u"salesChart"_s);
    m_chartView->setRenderHint(QPainter::Antialiasing);
    m_chartView->setMinimumHeight(280);

    m_table = new QTreeWidget(this);
    m_table->setObjectName(u"salesTable"_s);
    m_table->setRootIsDecorated(false);
    m_table->setUniformRowHeights(true);
    m_table->setColumnCount(7);
    m_table->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_table->setMinimumHeight(140);

    QFrame *recon = adminui::card(u"reconciliationPane"_s, this);
    m_reconTitle = new QLabel(recon);
    m_reconTitle->setObjectName(u"sectionTitle"_s);
    m_reconStatus = new QLabel(recon);
    m_reconStatus->setObjectName(u"reconciliationStatus"_s);
    m_reconStatus->setWordWrap(true);
    m_reconStatus->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);
    m_reconTree = new QTreeWidget(recon);
    m_reconTree->setObjectName(u"reconciliationTree"_s);
    m_reconTree->setHeaderHidden(true);
    // Findings carry long ids (payment keys) that staff look up in the gateway's console: never
    // cut off — the column is as wide as its longest line and scrolls sideways.
    m_reconTree->setTextElideMode(Qt::ElideNone);
    m_reconTree->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_reconTree->header()->setStretchLastSection(false);
    m_reconTotals = new QLabel(recon);
    m_reconTotals->setObjectName(u"caption"_s);
    m_reconTotals->setWordWrap(true);
    auto *reconLayout = new QVBoxLayout(recon);
    reconLayout->setContentsMargins(18, 14, 18, 14);
    reconLayout->addWidget(m_reconTitle);
    reconLayout->addWidget(m_reconStatus);
    reconLayout->addWidget(m_reconTree, 1);
    reconLayout->addStretch(); // takes the room while the tree is hidden (all clear)
    reconLayout->addWidget(m_reconTotals);
    recon->setMinimumWidth(330);
    recon->setMaximumWidth(420);

    auto *left = new QVBoxLayout;
    left->addWidget(m_chartView, 3);
    left->addWidget(m_table, 2);
    auto *body = new QHBoxLayout;
    body->setSpacing(16);
    body->addLayout(left, 1);
    body->addWidget(recon);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 12, 24, 20);
    layout->addWidget(m_heading);
    layout->addLayout(top);
    layout->addLayout(body, 1);
    retranslate();
}

void SalesTab::setConcerts(const QList<Concert> &concerts)
{
    m_concerts = concerts;
    const qint64 current = m_concertFilter->currentData().toLongLong();
    while (m_concertFilter->count() > 1)
        m_concertFilter->removeItem(1);
    for (const Concert &c : concerts)
        m_concertFilter->addItem(c.title, c.id);
    setConcertFilter(current);
}

void SalesTab::setConcertFilter(qint64 concertId)
{
    m_concertFilter->setCurrentIndex(std::max(0, m_concertFilter->findData(concertId)));
}

void SalesTab::refresh()
{
    m_api->sales(
        this,
        [this](const Result<SalesReport> &r) {
            if (!r) {
                Q_EMIT failed(r.error());
                return;
            }
            setSales(r.value());
            Q_EMIT salesLoaded();
        },
        m_concertFilter->currentData().toLongLong());
    m_api->reconciliation(this, [this](const Result<ReconciliationReport> &r) {
        if (!r) {
            Q_EMIT failed(r.error());
            return;
        }
        setReconciliation(r.value());
        Q_EMIT reconciliationLoaded(r->ok);
    });
}

void SalesTab::setSales(const SalesReport &report)
{
    m_sales = report;
    m_table->clear();
    const QLocale locale;
    for (const SalesRow &row : report.schedules) {
        auto *item = new QTreeWidgetItem(m_table);
        item->setText(0, row.title);
        item->setText(
            1, DisplayText::dateTime(row.startsAt, zoneOfConcert(m_concerts, row.concertId)));
        item->setText(2, locale.toString(row.figures.sold));
        item->setText(3, locale.toString(row.figures.held));
        item->setText(4, locale.toString(row.figures.available));
        item->setText(5, locale.toString(row.figures.blocked));
        item->setText(6, money::format(row.figures.revenue));
        for (int c = 2; c <= 6; ++c)
            item->setTextAlignment(c, Qt::AlignRight | Qt::AlignVCenter);
        item->setData(0, Qt::UserRole, row.scheduleId);
    }
    retranslate();
}

void SalesTab::rebuildChart()
{
    // The series and axes stay; only their contents change (removing axes leaves artefacts).
    m_bars->clear();
    auto *sold = new QBarSet(tr("Sold"));
    auto *held = new QBarSet(tr("Held"));
    auto *available = new QBarSet(tr("Available"));
    auto *blocked = new QBarSet(tr("Blocked"));
    sold->setColor(QColor(0x5b, 0x3d, 0xf5));
    held->setColor(QColor(0xf5, 0x9e, 0x0b));
    available->setColor(QColor(0xd1, 0xfa, 0xe5));
    blocked->setColor(QColor(0x9c, 0xa3, 0xaf));
    QStringList categories;
    QList<QPointF> revenue;
    qreal top = 0;
    for (int i = 0; i < m_sales.schedules.size(); ++i) {
        const SalesRow &row = m_sales.schedules.at(i);
        *sold << row.figures.sold;
        *held << row.figures.held;
        *available << row.figures.available;
        *blocked << row.figures.blocked;
        const qreal thousands = qreal(row.figures.revenue) / 1000.0;
        revenue.append({qreal(i), thousands});
        top = std::max(top, thousands);
        // The table names the concerts; the axis only needs to tell the dates apart.
        // In the venue's zone, like every time; a category must be unique (equal ones merge).
        QString label = QLocale().toString(
            row.startsAt.toTimeZone(zoneOfConcert(m_concerts, row.concertId)), u"MM-dd HH:mm"_s);
        if (categories.contains(label))
            label += u" #%1"_s.arg(row.scheduleId);
        categories.append(label);
    }
    for (QBarSet *set : {sold, held, available, blocked})
        set->setBorderColor(Qt::white);
    m_bars->append({sold, held, available, blocked});
    m_revenue->replace(revenue);
    m_dots->replace(revenue);
    m_revenue->setName(tr("Revenue (thousand KRW)"));
    m_dateAxis->clear();
    m_dateAxis->append(categories);
    // Slanted when there are many dates, so every label is read whole instead of cut to "12-14 …".
    m_dateAxis->setLabelsAngle(categories.size() > 5 ? -45 : 0);
    m_seatAxis->setTitleText(tr("Seats"));
    m_moneyAxis->setTitleText(tr("Revenue (thousand KRW)"));
    m_moneyAxis->setRange(0, std::max<qreal>(100, top * 1.1));
    m_moneyAxis->applyNiceNumbers();
    // The dots only mark the line's points; the legend names the line once.
    const auto markers = m_chart->legend()->markers(m_dots);
    for (QLegendMarker *m : markers)
        m->setVisible(false);
}

QString SalesTab::findingTitle(FindingKind kind)
{
    switch (kind) {
    case FindingKind::PaymentsWithoutSoldSeats:
        return tr("Payments whose seats are not sold");
    case FindingKind::SoldSeatsWithoutPayment:
        return tr("Sold seats without a payment");
    case FindingKind::LedgerMismatches:
        return tr("Wallets whose balance differs from their ledger");
    case FindingKind::PaymentAmountMismatches:
        return tr("Payments that differ from their reservation's total");
    case FindingKind::OverdueHolds:
        return tr("Holds past their time (the expiry sweeper may be stuck)");
    case FindingKind::OrdersWithoutOneTopUpEntry:
        return tr("Card top-ups not credited exactly once");
    case FindingKind::TopUpEntriesWithoutPaidOrder:
        return tr("Wallet credits without a paid card top-up");
    case FindingKind::CardRefundMismatches:
        return tr("Card refunds that differ from the wallet's debit");
    case FindingKind::ChargedNotCredited:
        return tr("Charged by the card gateway, never credited to a wallet");
    case FindingKind::GatewayDisagrees:
        return tr("Top-ups the card gateway records differently");
    case FindingKind::CreditedNotSettled:
        return tr("Credited top-ups missing from the gateway's settlements");
    }
    return {};
}

namespace {

// What the card gateway says happened to a payment, in staff words.
QString gatewayStatusText(const std::optional<gateway::PaymentStatus> &status)
{
    if (!status)
        return SalesTab::tr("unknown");
    switch (*status) {
    case gateway::PaymentStatus::Done:
        return SalesTab::tr("charged");
    case gateway::PaymentStatus::Canceled:
        return SalesTab::tr("given back to the card");
    case gateway::PaymentStatus::Ready:
    case gateway::PaymentStatus::InProgress:
    case gateway::PaymentStatus::Aborted:
        break;
    }
    return SalesTab::tr("not charged");
}

QString orderStatusText(const std::optional<TopUpOrderStatus> &status)
{
    return status ? TopUpsTab::statusText(*status) : SalesTab::tr("no such order");
}

} // namespace

QString SalesTab::findingRow(FindingKind kind, const FindingRow &row) const
{
    switch (kind) {
    case FindingKind::PaymentsWithoutSoldSeats:
        return tr("Payment %1 of %2 (reservation %3)")
            .arg(row.paymentId.left(8), money::format(row.amount), row.reservationId.left(8));
    case FindingKind::SoldSeatsWithoutPayment:
        return tr("Date %1, seat %2 (reservation %3)")
            .arg(QString::number(row.scheduleId), QString::number(row.number),
                 row.reservationId.left(8));
    case FindingKind::LedgerMismatches:
        return tr("%1: balance %2, ledger sum %3")
            .arg(row.username, money::format(row.balance), money::format(row.ledgerSum));
    case FindingKind::PaymentAmountMismatches:
        return tr("Payment %1: paid %2, reservation total %3")
            .arg(row.paymentId.left(8), money::format(row.amount),
                 money::format(row.reservationTotal));
    case FindingKind::OverdueHolds:
        return tr("Date %1, seat %2, held until %3")
            .arg(QString::number(row.scheduleId), QString::number(row.number),
                 DisplayText::dateTime(row.heldUntil, zoneOfSchedule(m_concerts, row.scheduleId)));
    case FindingKind::OrdersWithoutOneTopUpEntry:
        return tr("Order %1 of %2: %n credit(s) totalling %3", nullptr, row.entries)
            .arg(row.orderId.left(8), money::format(row.amount), money::format(row.credited));
    case FindingKind::TopUpEntriesWithoutPaidOrder:
        return tr("Credit #%1 of %2 (order: %3)")
            .arg(QString::number(row.entryId), money::format(row.amount),
                 orderStatusText(row.orderStatus));
    case FindingKind::CardRefundMismatches:
        return tr("Order %1 of %2: %3 taken from the wallet")
            .arg(row.orderId.left(8), money::format(row.amount), money::format(row.debited));
    case FindingKind::ChargedNotCredited:
        return tr("Payment %1, order %2: %3, %4")
            .arg(row.paymentKey, row.orderId.left(8), money::format(row.amount),
                 gatewayStatusText(row.gatewayStatus));
    case FindingKind::GatewayDisagrees:
        return tr("Payment %1, order %2: ours %3 (%4), the gateway's %5 (%6)")
            .arg(row.paymentKey, row.orderId.left(8), money::format(row.amount),
                 orderStatusText(row.orderStatus), money::format(row.gatewayAmount),
                 gatewayStatusText(row.gatewayStatus));
    case FindingKind::CreditedNotSettled:
        return tr("Payment %1, order %2: %3")
            .arg(row.paymentKey, row.orderId.left(8), money::format(row.amount));
    }
    return {};
}

void SalesTab::setReconciliation(const ReconciliationReport &report)
{
    m_recon = report;
    m_hasRecon = true;
    m_reconTree->clear();
    for (const ReconciliationReport::Finding &f : report.findings) {
        if (f.rows.isEmpty())
            continue;
        auto *top = new QTreeWidgetItem(m_reconTree);
        top->setText(0, u"%1 (%2)"_s.arg(findingTitle(f.kind)).arg(f.rows.size()));
        top->setData(0, Qt::UserRole, wordOf(f.kind));
        QFont bold = top->font(0);
        bold.setBold(true);
        top->setFont(0, bold);
        for (const FindingRow &row : f.rows) {
            auto *child = new QTreeWidgetItem(top);
            child->setText(0, findingRow(f.kind, row));
        }
    }
    if (report.settlements == SettlementCheck::Unreachable) {
        auto *top = new QTreeWidgetItem(m_reconTree);
        top->setText(0,
                     tr("The card gateway could not be asked for its settlements: card "
                        "top-ups are unchecked. Try again later."));
        top->setData(0, Qt::UserRole, wordOf(report.settlements));
    }
    m_reconTree->expandAll();
    m_reconTree->setVisible(!report.ok);
    retranslate();
}

void SalesTab::retranslate()
{
    m_heading->setText(tr("Sales"));
    m_concertFilter->setItemText(0, tr("All concerts"));
    m_refresh->setText(tr("Refresh"));
    m_export->setText(tr("Export sales (CSV)…"));
    int sold = 0;
    for (const SalesRow &row : m_sales.schedules)
        sold += row.figures.sold;
    m_totals->setText(
        tr("Revenue %1 · %2 tickets sold over %n date(s)", nullptr, int(m_sales.schedules.size()))
            .arg(money::format(m_sales.revenue()))
            .arg(sold));
    m_chart->setTitle(tr("Seats and revenue per date"));
    m_table->setHeaderLabels({tr("Concert"), tr("Date"), tr("Sold"), tr("Held"), tr("Available"),
                              tr("Blocked"), tr("Revenue")});
    m_reconTitle->setText(tr("Reconciliation"));
    if (!m_hasRecon) {
        m_reconStatus->setText(tr("Checking…"));
        m_reconStatus->setProperty("state", u"unknown"_s);
    } else if (m_recon.ok) {
        m_reconStatus->setText(tr("✔ All clear: every payment has its sold seats, every sold seat "
                                  "its payment, and every wallet matches its ledger."));
        m_reconStatus->setProperty("state", u"ok"_s);
    } else {
        m_reconStatus->setText(tr("⚠ %n problem(s) found. Each needs a look before the books "
                                  "close.",
                                  nullptr, m_recon.problemCount()));
        m_reconStatus->setProperty("state", u"problem"_s);
    }
    repolish(m_reconStatus);
    m_reconTotals->setText(
        m_hasRecon ? tr("Top-ups %1 · staff adjustments %2 · payments %3 · refunds %4 · card "
                        "refunds %5 · revenue %6 · in wallets %7")
                         .arg(money::format(m_recon.topUps), money::format(m_recon.adjustments),
                              money::format(m_recon.payments), money::format(m_recon.refunds),
                              money::format(m_recon.cardRefunds), money::format(m_recon.revenue),
                              money::format(m_recon.walletBalances))
                   : QString());
    rebuildChart(); // the bar sets and the axes carry words too
}

void SalesTab::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

} // namespace encore
