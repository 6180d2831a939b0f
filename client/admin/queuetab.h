#pragma once
// QueueTab: one concert's queue, live — waiting, active, admitted in the last minute, completed and
// the wait at the back, polled every ~2 s; a chart of admissions per minute and queue length over
// time; the settings (maxActive, admitPerMinute, activeTtlSeconds, the pre-queue window, live
// accounts per address) and pause/resume; the fair-queue panel (pre-queue, abuse counters).
// GUI thread.

#include "api/admintypes.h"
#include "models/concert.h"

#include <QDateTime>
#include <QTimer>
#include <QWidget>

class QChart;
class QChartView;
class QComboBox;
class QDateTimeAxis;
class QLabel;
class QLineSeries;
class QPushButton;
class QSpinBox;
class QValueAxis;

namespace encore {

class AdminApi;
class FairQueuePanel;
struct ApiError;

class QueueTab : public QWidget {
    Q_OBJECT

public:
    static constexpr int kMaxPoints = 180; // six minutes at one point per 2 s

    explicit QueueTab(AdminApi *api, QWidget *parent = nullptr);

    void setConcerts(const QList<Concert> &concerts);
    bool showConcert(qint64 concertId);
    qint64 concertId() const { return m_concertId; }
    // Polls while shown (the window starts and stops it with the tab).
    void setPolling(bool on);
    void setPollIntervalMs(int ms) { m_poll.setInterval(ms); }
    void refresh();
    // One reading: numbers, a chart point, and the settings unless staff are editing them.
    void addStats(const QueueStats &stats, const QDateTime &at = QDateTime::currentDateTime());
    void applySettings();
    void togglePause();
    QueueSettings editedSettings() const;
    FairQueuePanel *fairQueuePanel() const { return m_fairQueue; }

Q_SIGNALS:
    void failed(const encore::ApiError &error);
    void succeeded(const QString &message);
    void statsLoaded(const encore::QueueStats &stats);
    void settingsApplied(const encore::QueueSettings &settings);

protected:
    void changeEvent(QEvent *event) override;

private:
    void onConcertChosen(int index);
    void showSettings(const QueueSettings &settings);
    void sendSettings(const QueueSettings &settings, const QString &done);
    void clearChart();
    void retranslate();

    AdminApi *m_api;
    QTimer m_poll;
    qint64 m_concertId = 0;
    bool m_inFlight = false;
    bool m_editing = false; // staff changed a setting field that is not applied yet
    bool m_showing = false; // filling the fields from the server
    QueueStats m_stats;
    bool m_hasStats = false;

    QLabel *m_heading;
    QLabel *m_concertLabel;
    QComboBox *m_concerts;
    QLabel *m_state;
    struct Figure {
        QLabel *title;
        QLabel *value;
    };
    Figure m_waiting, m_active, m_admitted, m_completed, m_eta;
    QChart *m_chart;
    QChartView *m_chartView;
    QLineSeries *m_admittedSeries;
    QLineSeries *m_waitingSeries;
    QDateTimeAxis *m_timeAxis;
    QValueAxis *m_countAxis;
    QLabel *m_settingsTitle;
    QLabel *m_maxActiveLabel;
    QSpinBox *m_maxActive;
    QLabel *m_rateLabel;
    QSpinBox *m_rate;
    QLabel *m_ttlLabel;
    QSpinBox *m_ttl;
    QLabel *m_preQueueLabel;
    QSpinBox *m_preQueueMinutes;
    QLabel *m_perAddressLabel;
    QSpinBox *m_perAddress;
    FairQueuePanel *m_fairQueue;
    QPushButton *m_apply;
    QPushButton *m_pause;
    QLabel *m_settingsNote;
};

} // namespace encore
