#pragma once
// SalesTab: sales per date (sold / held / available as stacked bars, revenue as a line) with a
// table and totals, the CSV export, and the reconciliation pane — each kind of inconsistency with
// its rows, or "all clear". GUI thread.

#include "api/admintypes.h"

#include "models/concert.h"

#include <QWidget>

class QBarCategoryAxis;
class QBarSet;
class QLineSeries;
class QScatterSeries;
class QStackedBarSeries;
class QValueAxis;
class QChart;
class QChartView;
class QComboBox;
class QLabel;
class QPushButton;
class QTreeWidget;

namespace encore {

class AdminApi;
struct ApiError;

class SalesTab : public QWidget {
    Q_OBJECT

public:
    explicit SalesTab(AdminApi *api, QWidget *parent = nullptr);

    void refresh();
    // The concerts the filter offers ("All concerts" first).
    void setConcerts(const QList<Concert> &concerts);
    void setConcertFilter(qint64 concertId); // 0: all
    void setSales(const SalesReport &report);
    void setReconciliation(const ReconciliationReport &report);
    const SalesReport &sales() const { return m_sales; }

Q_SIGNALS:
    void failed(const encore::ApiError &error);
    void exportRequested(const QString &suggestedName);
    void salesLoaded();
    void reconciliationLoaded(bool ok);

public:
    // What a kind of reconciliation finding means, in a heading.
    static QString findingTitle(FindingKind kind);

protected:
    void changeEvent(QEvent *event) override;

private:
    void rebuildChart();
    QString findingRow(FindingKind kind, const FindingRow &row) const;
    void retranslate();

    AdminApi *m_api;
    QList<Concert> m_concerts; // their venue zones show the dates
    SalesReport m_sales;
    ReconciliationReport m_recon;
    bool m_hasRecon = false;

    QLabel *m_heading;
    QPushButton *m_refresh;
    QComboBox *m_concertFilter;
    QPushButton *m_export;
    QLabel *m_totals;
    QChart *m_chart;
    QChartView *m_chartView;
    QStackedBarSeries *m_bars;
    QLineSeries *m_revenue;
    QScatterSeries *m_dots;
    QBarCategoryAxis *m_dateAxis;
    QValueAxis *m_seatAxis;
    QValueAxis *m_moneyAxis;
    QTreeWidget *m_table;
    QLabel *m_reconTitle;
    QLabel *m_reconStatus;
    QTreeWidget *m_reconTree;
    QLabel *m_reconTotals;
};

} // namespace encore
