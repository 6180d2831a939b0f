#pragma once
// SeatsTab: any date's seat map, live, for staff — the customer SeatMapWidget in staff mode, who
// holds or owns each seat (username, reservation, held until / paid at), and release / block /
// unblock of the selected seats after a confirmation. GUI thread.

#include "models/concert.h"
#include "net/adminapi.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QPushButton;
class QTreeWidget;

namespace encore {

class AdminSeatFeed;
class SeatMapModel;
class SeatMapWidget;
struct ApiError;

class SeatsTab : public QWidget {
    Q_OBJECT

public:
    SeatsTab(AdminApi *api, AdminSeatFeed *feed, QWidget *parent = nullptr);

    void setConcerts(const QList<Concert> &concerts);
    bool showSchedule(qint64 scheduleId);
    qint64 scheduleId() const { return m_scheduleId; }
    // Reads the date's seats again (the live feed calls this on every change).
    void reload();
    // The seat map as last shown (tests, screenshots).
    void setSeatMap(const AdminSeatMap &map);
    const AdminSeatMap &seatMap() const { return m_map; }
    SeatMapWidget *seatMapWidget() const { return m_mapWidget; }

    void releaseSelected();
    void blockSelected();
    void unblockSelected();
    // Asks (window-modal) for a new price of the selected unsold seats.
    void priceSelected();

Q_SIGNALS:
    void failed(const encore::ApiError &error);
    void succeeded(const QString &message);
    void exportRequested(qint64 scheduleId, const QString &suggestedName);
    // Emitted after each seat map arrived from the server.
    void seatMapLoaded(qint64 scheduleId);

protected:
    void changeEvent(QEvent *event) override;

private:
    void onDateChosen(int index);
    void updateDetails();
    // Asks why (ReasonDialog), then runs the action on each seat.
    void askReason(const QString &title, const QString &text, const QString &confirmText,
                   AdminApi::SeatAction action, const QList<int> &seats, const QString &done);
    void runActions(AdminApi::SeatAction action, const QList<int> &seats, const QString &done,
                    const QString &reason);
    QList<int> selectedWith(SeatStatus status) const;
    QList<int> selectedUnsold() const;
    void retranslate();

    AdminApi *m_api;
    AdminSeatFeed *m_feed;
    SeatMapModel *m_model;
    AdminSeatMap m_map;
    qint64 m_scheduleId = 0;
    bool m_loading = false;
    bool m_reloadAgain = false;
    QList<Concert> m_concerts;

    QLabel *m_heading;
    QLabel *m_dateLabel;
    QComboBox *m_dates;
    QPushButton *m_refresh;
    QPushButton *m_export;
    QPushButton *m_waitingList; // the date's waiting list (SeatWaitsDialog)
    QLabel *m_live;
    QLabel *m_summary;
    SeatMapWidget *m_mapWidget;
    QLabel *m_detailsTitle;
    QTreeWidget *m_details;
    QPushButton *m_release;
    QPushButton *m_block;
    QPushButton *m_unblock;
    QPushButton *m_price;
    QPushButton *m_clear;
};

} // namespace encore
