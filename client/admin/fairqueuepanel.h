#pragma once
// FairQueuePanel: the staff view of one concert's fair queue (issue 15) inside the Queue tab —
// its pre-queue (when sales open, who waits, the recorded shuffles) and the abuse counters (what
// was limited and how often) — with "clear" actions that ask for a reason. Fetches through
// AdminApi when refreshed (the Queue tab's poll). GUI thread.

#include "api/fairqueuetypes.h"

#include <QWidget>

class QLabel;
class QPushButton;
class QTreeWidget;

namespace encore {

class AdminApi;
struct ApiError;

class FairQueuePanel : public QWidget {
    Q_OBJECT

public:
    explicit FairQueuePanel(AdminApi *api, QWidget *parent = nullptr);

    void setConcert(qint64 concertId);
    void refresh();
    void showPreQueue(const PreQueueView &view);
    void showCounters(const QList<AbuseCounter> &counters);
    // Ask for a reason, then clear (opened window-modal; tests answer the ReasonDialog).
    void clearPreQueue();
    void clearSelectedCounter();
    void clearAllCounters();

    static QString kindText(LimitKind kind);

Q_SIGNALS:
    void failed(const encore::ApiError &error);
    void succeeded(const QString &message);

protected:
    void changeEvent(QEvent *event) override;

private:
    void clearCounters(std::optional<LimitKind> kind, const QString &subject, const QString &what);
    void retranslate();

    AdminApi *m_api;
    qint64 m_concertId = 0;
    bool m_preQueueInFlight = false;
    bool m_countersInFlight = false;
    PreQueueView m_view;
    QList<AbuseCounter> m_counters;
    QLabel *m_preQueueTitle;
    QLabel *m_preQueueSummary;
    QTreeWidget *m_preQueueList;
    QLabel *m_openings;
    QPushButton *m_clearPreQueue;
    QLabel *m_countersTitle;
    QTreeWidget *m_counterList;
    QPushButton *m_clearCounter;
    QPushButton *m_clearAll;
};

} // namespace encore
