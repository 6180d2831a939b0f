#pragma once
// QueuePanel: where the user stands in a concert's queue — status, position, people ahead, an ETA
// range, progress, and why the estimate changed; in the pre-queue, a countdown to the opening and
// the promise of a random place then; offers to leave. Shows, never fetches. GUI thread.

#include "models/queueticket.h"

#include <QTimeZone>
#include <QTimer>
#include <QWidget>

class QLabel;
class QProgressBar;
class QPushButton;

namespace encore {

class QueuePanel : public QWidget {
    Q_OBJECT

public:
    explicit QueuePanel(QWidget *parent = nullptr);

    void setConcertTitle(const QString &title);
    // The venue's zone, in which the turn's end is shown.
    void setVenueZone(const QTimeZone &zone);
    // `initialAhead`: the most people ahead seen since joining (progress is measured against it).
    void setTicket(const QueueTicket &ticket, qint64 initialAhead);
    // Before the first ticket arrives.
    void setJoining();
    // While the server is away the actions that need it are disabled (the banner says why).
    void setServerReachable(bool reachable);
    const QueueTicket &ticket() const { return m_ticket; }
    int progress() const;

    // Why the estimate is what it is, and whether it just jumped (DisplayText's words).
    static QString reasonText(const QueueTicket &ticket);
    // "04:12" (or "1:04:12") until `opensAt`; "00:00" once it has passed.
    static QString countdown(const QDateTime &opensAt, const QDateTime &now);

Q_SIGNALS:
    void leaveRequested();

protected:
    void changeEvent(QEvent *event) override;
    // Keeps word-wrapped labels as tall as their text at the width they were given (the
    // centred card sizes itself from size hints, which do not follow the wrapping).
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void retranslate();
    void showPreQueue();

    QueueTicket m_ticket;
    qint64 m_initialAhead = 0;
    bool m_joining = true;
    QString m_concertTitle;
    QTimeZone m_zone;
    QLabel *m_title;
    QLabel *m_status;
    QLabel *m_position;
    QLabel *m_ahead;
    QLabel *m_eta;
    QLabel *m_reason;
    QLabel *m_note;
    QProgressBar *m_progress;
    QPushButton *m_leave;
    QTimer m_countdown; // ticks each second while in the pre-queue
};

} // namespace encore
