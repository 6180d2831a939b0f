#pragma once
// AdminWindow: the staff console shown to staff accounts after login — tabs for concerts and
// dates, live seats, the queue, sales with reconciliation, the audit log and customers (refunds,
// wallet adjustments, queue control), plus CSV exports.
// Owns the AdminApi and the live seat feed; errors show in plain words in one notice bar. GUI
// thread.

#include "api/apitypes.h"

#include "models/concert.h"

#include <QMainWindow>

class QLabel;
class QPushButton;
class QTabWidget;

namespace encore {

class AdminApi;
class AdminSeatFeed;
class ApiClient;
class AuditTab;
class ConcertsTab;
class ConnectionBanner;
class CustomersTab;
class LanguageManager;
class NoticeBar;
class QueueTab;
class SalesTab;
class SeatsTab;
class StaffApi;
class TopUpsTab;
struct ApiError;

class AdminWindow : public QMainWindow {
    Q_OBJECT

public:
    enum class Tab { Concerts, Seats, Queue, Sales, Audit, Customers, TopUps };

    AdminWindow(ApiClient *api, const Session &session, LanguageManager *languages,
                QWidget *parent = nullptr);
    ~AdminWindow() override;

    // Loads the concerts and opens the live feed.
    void start();
    void reloadConcerts(qint64 selectConcertId = 0, qint64 selectScheduleId = 0);
    void setConcerts(const QList<Concert> &concerts);
    const QList<Concert> &concerts() const { return m_concerts; }

    void showTab(Tab tab);
    Tab currentTab() const;

    // Exports go to this file instead of asking with a file dialog (tests, scripts).
    void setExportPath(const QString &path) { m_exportPath = path; }
    void exportSalesCsv();
    void exportAttendeesCsv(qint64 scheduleId);

    AdminApi *adminApi() const { return m_admin; }
    AdminSeatFeed *seatFeed() const { return m_feed; }
    ConcertsTab *concertsTab() const { return m_concertsTab; }
    SeatsTab *seatsTab() const { return m_seatsTab; }
    QueueTab *queueTab() const { return m_queueTab; }
    SalesTab *salesTab() const { return m_salesTab; }
    AuditTab *auditTab() const { return m_auditTab; }
    CustomersTab *customersTab() const { return m_customersTab; }
    TopUpsTab *topUpsTab() const { return m_topUpsTab; }
    StaffApi *staffApi() const { return m_staff; }
    NoticeBar *notice() const { return m_notice; }
    ConnectionBanner *connectionBanner() const { return m_banner; }

Q_SIGNALS:
    void logoutRequested();
    void concertsLoaded();
    // A CSV file was written (rows without the header).
    void exported(const QString &path, int rows);

protected:
    void changeEvent(QEvent *event) override;

private:
    QWidget *buildHeader();
    void showError(const ApiError &error);
    void showSuccess(const QString &message);
    void onTabChanged(int index);
    void exportCsv(const QString &suggestedName, qint64 scheduleId);
    void retranslate();

    ApiClient *m_api;
    AdminApi *m_admin;
    StaffApi *m_staff;
    AdminSeatFeed *m_feed;
    Session m_session;
    LanguageManager *m_languages;
    QList<Concert> m_concerts;
    QString m_exportPath;

    QLabel *m_console;
    QLabel *m_userLabel;
    QPushButton *m_language;
    QPushButton *m_refresh;
    QPushButton *m_logout;
    ConnectionBanner *m_banner;
    NoticeBar *m_notice;
    QTabWidget *m_tabs;
    ConcertsTab *m_concertsTab;
    SeatsTab *m_seatsTab;
    QueueTab *m_queueTab;
    SalesTab *m_salesTab;
    AuditTab *m_auditTab;
    CustomersTab *m_customersTab;
    TopUpsTab *m_topUpsTab;
};

} // namespace encore
