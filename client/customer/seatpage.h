#pragma once
// SeatPage: one date's live seat map with the selection, its total and "Hold"; once held, the
// countdown with "Pay" and "Release"; above it the turn's time left, a warning in its last minute.
// Emits what the user asks for; calls nothing. GUI thread.

#include "models/reservation.h"

#include <QWidget>

#include <optional>

class QLabel;
class QPushButton;
class QStackedWidget;
class QTimer;

namespace encore {

class HoldCountdown;
class SeatMapModel;
class SeatMapWidget;

class SeatPage : public QWidget {
    Q_OBJECT

public:
    explicit SeatPage(SeatMapModel *model, QWidget *parent = nullptr);

    // `zone`: the venue's, in which the date and the turn's end are shown.
    void setContext(const QString &concertTitle, const QDateTime &startsAt, const QTimeZone &zone,
                    const QDateTime &turnEndsAt);
    // The turn's end moved (a hold extends it).
    void setTurnEnd(const QDateTime &turnEndsAt);
    const QDateTime &turnEndsAt() const { return m_turnEndsAt; }
    void setHold(const Reservation &reservation);
    void clearHold();
    const std::optional<Reservation> &hold() const { return m_hold; }
    void setBusy(bool busy);
    // While the server is away the actions that need it are disabled (the banner says why).
    void setServerReachable(bool reachable);

    SeatMapWidget *seatMap() const { return m_map; }
    HoldCountdown *countdown() const { return m_countdown; }

Q_SIGNALS:
    void holdRequested(const QList<int> &seats);
    void payRequested();
    void releaseRequested();
    void leaveRequested();
    void holdExpired();
    // The turn ran out with no hold (a hold keeps the turn open until it ends).
    void turnEnded();

protected:
    void changeEvent(QEvent *event) override;

private:
    void updateSelection();
    void updateTurnClock();
    void updateTierPrices();
    void retranslate();

    SeatMapModel *m_model;
    SeatMapWidget *m_map;
    std::optional<Reservation> m_hold;
    QString m_concertTitle;
    QDateTime m_startsAt;
    QTimeZone m_zone; // the venue's
    QDateTime m_turnEndsAt;
    bool m_busy = false;
    bool m_reachable = true;
    QLabel *m_title;
    QLabel *m_subtitle;
    QLabel *m_turnClock;
    QTimer *m_turnTimer;
    QPushButton *m_leave;
    QStackedWidget *m_side;
    // picking
    QLabel *m_pickHeading;
    QLabel *m_tierPrices; // each tier's price, so prices are known without hovering
    QLabel *m_selection;
    QLabel *m_total;
    QPushButton *m_holdButton;
    // held
    QLabel *m_heldHeading;
    QLabel *m_heldSeats;
    QLabel *m_heldTotal;
    HoldCountdown *m_countdown;
    QPushButton *m_pay;
    QPushButton *m_release;
};

} // namespace encore
