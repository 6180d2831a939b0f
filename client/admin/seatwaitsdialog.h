#pragma once
// SeatWaitsDialog: one date's waiting list for staff — who waits for which seats or tier, in
// order, and the offers running now — with "Clear the waiting list…" (a reason, audited).
// Window-modal, opened with open(); deletes itself when closed. GUI thread.

#include "models/seatwait.h"

#include <QDialog>

class QLabel;
class QPushButton;
class QTreeWidget;

namespace encore {

class AdminApi;

class SeatWaitsDialog : public QDialog {
    Q_OBJECT

public:
    SeatWaitsDialog(AdminApi *api, qint64 scheduleId, const QString &dateText, QWidget *parent);

    void reload();
    const QList<SeatWait> &waits() const { return m_waits; }

Q_SIGNALS:
    void loaded();
    // The list was cleared; `message` says how many waits ended.
    void cleared(const QString &message);

private:
    void show(const QList<SeatWait> &waits);
    void askToClear();

    AdminApi *m_api;
    qint64 m_scheduleId;
    QList<SeatWait> m_waits;
    QLabel *m_summary;
    QLabel *m_error;
    QTreeWidget *m_list;
    QPushButton *m_clear;
};

} // namespace encore
