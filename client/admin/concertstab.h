#pragma once
// ConcertsTab: the staff editor of concerts and their dates — a tree of concerts with their dates,
// a concert form (title, artist, venue, venue time zone, description) and a date form (start,
// sales open/close in the venue's zone, tier prices), validated before sending; the server's
// refusals show in plain words. GUI thread.

#include "models/concert.h"
#include "money.h"

#include <QMap>
#include <QWidget>

class QComboBox;
class QDateTimeEdit;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QStackedWidget;
class QTreeWidget;
class QTreeWidgetItem;

namespace encore {

class AdminApi;
class StaffApi;
struct ApiError;
struct ConcertDraft;
struct ScheduleDraft;

class ConcertsTab : public QWidget {
    Q_OBJECT

public:
    explicit ConcertsTab(AdminApi *api, QWidget *parent = nullptr);
    // Enables "Cancel date" (staff money operations).
    void setStaffApi(StaffApi *staff) { m_staff = staff; }
    // Asks for the reason (window-modal), then cancels the shown date.
    void cancelDate();

    void setConcerts(const QList<Concert> &concerts);
    // Opens an empty concert form / an empty date form for the selected concert.
    void newConcert();
    void newDate();
    bool selectConcert(qint64 concertId);
    bool selectSchedule(qint64 scheduleId);
    // Live seat counts of a date (AdminSeatFeed::countsChanged): relabels it in the tree, leaving
    // the forms alone.
    void setSeatCounts(qint64 scheduleId, int available, int total);
    // The dates whose counts are worth keeping live: upcoming and not cancelled, soonest first.
    QList<qint64> liveDates() const;

    // What is wrong with the forms, or empty when they can be sent.
    QString validateConcert() const;
    QString validateDate() const;
    ConcertDraft concertDraft() const;
    ScheduleDraft dateDraft() const;

Q_SIGNALS:
    // Something changed on the server: the window reloads the concerts (and selects this).
    void concertsChanged(qint64 selectConcertId, qint64 selectScheduleId);
    void failed(const encore::ApiError &error);
    void succeeded(const QString &message);

protected:
    void changeEvent(QEvent *event) override;

private:
    void onCurrentItemChanged(QTreeWidgetItem *item);
    void showConcert(const Concert *concert);
    void showDate(qint64 concertId, const Schedule *schedule);
    void saveConcert();
    void deleteConcert();
    void saveDate();
    void deleteDate();
    void setFormError(QLabel *label, const QString &text);
    void setBusy(bool busy);
    const Concert *concert(qint64 id) const;
    // The venue zone of the date form's concert (its times are edited as clocks there).
    QTimeZone dateZone() const;
    void setVenueTime(QDateTimeEdit *edit, const QDateTime &time);
    QDateTime venueTime(const QDateTimeEdit *edit) const;
    void labelDate(QTreeWidgetItem *item, const Schedule &schedule, const QTimeZone &zone);
    void retranslate();

    AdminApi *m_api;
    StaffApi *m_staff = nullptr;
    QList<Concert> m_concerts;
    qint64 m_concertId = 0; // concert form: 0 = new
    qint64 m_dateConcertId = 0; // date form: the concert it belongs to
    qint64 m_scheduleId = 0; // date form: 0 = new

    QLabel *m_heading;
    QTreeWidget *m_tree;
    QPushButton *m_newConcert;
    QPushButton *m_addDate;
    QStackedWidget *m_forms;

    QLabel *m_concertHeading;
    QLabel *m_titleLabel;
    QLineEdit *m_title;
    QLabel *m_artistLabel;
    QLineEdit *m_artist;
    QLabel *m_venueLabel;
    QLineEdit *m_venue;
    QLabel *m_timeZoneLabel;
    QComboBox *m_timeZone; // editable, offering every IANA zone
    QLabel *m_descriptionLabel;
    QPlainTextEdit *m_description;
    QLabel *m_concertError;
    QPushButton *m_saveConcert;
    QPushButton *m_deleteConcert;

    QLabel *m_dateHeading;
    QLabel *m_startsLabel;
    QDateTimeEdit *m_startsAt;
    QLabel *m_openLabel;
    QDateTimeEdit *m_salesOpen;
    QLabel *m_closeLabel;
    QDateTimeEdit *m_salesClose;
    QLabel *m_pricesLabel;
    QMap<QString, QSpinBox *> m_prices;
    QMap<QString, QLabel *> m_priceLabels;
    QLabel *m_dateZone; // "Times are at the venue: Asia/Seoul (KST)."
    QLabel *m_dateInfo;
    QLabel *m_dateError;
    QPushButton *m_saveDate;
    QPushButton *m_deleteDate;
    QPushButton *m_cancelDate;
};

} // namespace encore
