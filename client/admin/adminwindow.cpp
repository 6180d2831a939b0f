#include "adminwindow.h"

#include "widgets/appheader.h"

#include "admin/adminseatfeed.h"
#include "admin/adminui.h"
#include "admin/audittab.h"
#include "admin/concertstab.h"
#include "admin/customerstab.h"
#include "admin/queuetab.h"
#include "admin/salestab.h"
#include "admin/seatstab.h"
#include "admin/topupstab.h"
#include "app/languagemanager.h"
#include "net/adminapi.h"
#include "net/errortext.h"
#include "net/staffapi.h"
#include "widgets/connectionbanner.h"
#include "widgets/icons.h"
#include "widgets/noticebar.h"
#include "widgets/overlaystrip.h"

#include <QEvent>
#include <QFile>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSaveFile>
#include <QStandardPaths>
#include <QTabWidget>

using namespace Qt::StringLiterals;

namespace encore {

AdminWindow::AdminWindow(ApiClient *api, const Session &session, LanguageManager *languages,
                         QWidget *parent)
    : QMainWindow(parent)
    , m_api(api)
    , m_admin(new AdminApi(api, this))
    , m_staff(new StaffApi(api, this))
    , m_feed(new AdminSeatFeed(api, this))
    , m_session(session)
    , m_languages(languages)
{
    setObjectName(u"adminWindow"_s);
    auto *central = new QWidget(this);
    central->setObjectName(u"central"_s);
    m_banner = new ConnectionBanner(central);
    m_notice = new NoticeBar(central);
    m_tabs = new QTabWidget(central);
    m_tabs->setObjectName(u"adminTabs"_s);
    m_tabs->setDocumentMode(true);
    m_concertsTab = new ConcertsTab(m_admin, m_tabs);
    m_seatsTab = new SeatsTab(m_admin, m_feed, m_tabs);
    m_queueTab = new QueueTab(m_admin, m_tabs);
    m_salesTab = new SalesTab(m_admin, m_tabs);
    m_auditTab = new AuditTab(m_admin, m_tabs);
    m_customersTab = new CustomersTab(m_staff, m_tabs);
    m_topUpsTab = new TopUpsTab(m_staff, m_tabs);
    m_concertsTab->setStaffApi(m_staff);
    for (QWidget *tab :
         std::initializer_list<QWidget *> {m_concertsTab, m_seatsTab, m_queueTab, m_salesTab,
                                           m_auditTab, m_customersTab, m_topUpsTab})
        m_tabs->addTab(tab, QString());

    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(buildHeader());
    layout->addWidget(m_tabs, 1);
    setCentralWidget(central);
    // The banner and the results of actions float over the tabs' top-right corner, right of the
    // tab bar and over the row of each tab's title, where no tab keeps an action: showing one
    // never moves the page under the mouse (as in the customer window).
    auto *overlay = new OverlayStrip(m_tabs, 8, 520, central, Qt::TopRightCorner);
    overlay->addNotice(m_banner);
    overlay->addNotice(m_notice);
    resize(1180, 780);

    connect(m_tabs, &QTabWidget::currentChanged, this, &AdminWindow::onTabChanged);
    connect(m_concertsTab, &ConcertsTab::concertsChanged, this, &AdminWindow::reloadConcerts);
    connect(m_concertsTab, &ConcertsTab::failed, this, &AdminWindow::showError);
    connect(m_feed, &AdminSeatFeed::countsChanged, m_concertsTab, &ConcertsTab::setSeatCounts);
    connect(m_seatsTab, &SeatsTab::failed, this, &AdminWindow::showError);
    connect(m_queueTab, &QueueTab::failed, this, &AdminWindow::showError);
    connect(m_salesTab, &SalesTab::failed, this, &AdminWindow::showError);
    connect(m_auditTab, &AuditTab::failed, this, &AdminWindow::showError);
    connect(m_customersTab, &CustomersTab::failed, this, &AdminWindow::showError);
    connect(m_customersTab, &CustomersTab::succeeded, this, &AdminWindow::showSuccess);
    connect(m_topUpsTab, &TopUpsTab::failed, this, &AdminWindow::showError);
    connect(m_topUpsTab, &TopUpsTab::succeeded, this, &AdminWindow::showSuccess);
    connect(m_concertsTab, &ConcertsTab::succeeded, this, &AdminWindow::showSuccess);
    connect(m_seatsTab, &SeatsTab::succeeded, this, &AdminWindow::showSuccess);
    connect(m_queueTab, &QueueTab::succeeded, this, &AdminWindow::showSuccess);
    connect(m_seatsTab, &SeatsTab::exportRequested, this,
            [this](qint64 id, const QString &name) { exportCsv(name, id); });
    connect(m_salesTab, &SalesTab::exportRequested, this,
            [this](const QString &name) { exportCsv(name, 0); });

    connect(m_api, &ApiClient::serverUnreachable, m_banner, &ConnectionBanner::showOffline);
    connect(m_api, &ApiClient::serverReachable, m_banner, &ConnectionBanner::showRestored);
    connect(m_api, &ApiClient::sessionExpired, this,
            [this] { showError(ApiError(ErrorCode::Unauthenticated)); });
    connect(m_banner, &ConnectionBanner::retryRequested, this,
            [this] { m_api->checkHealth(this, [](const Result<Empty> &) {}); });
    connect(m_notice, &NoticeBar::actionTriggered, this, [this](ErrorAction action) {
        if (action == ErrorAction::LogIn)
            Q_EMIT logoutRequested();
        else if (action == ErrorAction::Retry)
            reloadConcerts();
    });
    retranslate();
}

AdminWindow::~AdminWindow() = default;

QWidget *AdminWindow::buildHeader()
{
    auto *header = new AppHeader(this);
    m_console = new QLabel(header);
    m_console->setObjectName(u"consoleBadge"_s);
    m_userLabel = new QLabel(header);
    m_userLabel->setObjectName(u"userLabel"_s);
    m_language = adminui::button(u"languageButton"_s, header, "flat");
    connect(m_language, &QPushButton::clicked, this, [this] {
        if (m_languages)
            m_languages->setLanguage(m_languages->language() == u"ko" ? u"en"_s : u"ko"_s);
    });
    m_refresh = adminui::button(u"refreshButton"_s, header, "flat");
    m_refresh->setIcon(Icons::icon(IconKind::Refresh));
    connect(m_refresh, &QPushButton::clicked, this, [this] {
        reloadConcerts();
        onTabChanged(m_tabs->currentIndex());
    });
    m_logout = adminui::button(u"logoutButton"_s, header, "flat");
    m_logout->setIcon(Icons::icon(IconKind::Logout));
    connect(m_logout, &QPushButton::clicked, this, &AdminWindow::logoutRequested);
    header->addLeft(m_console);
    for (QWidget *w : {static_cast<QWidget *>(m_userLabel), static_cast<QWidget *>(m_language),
                       static_cast<QWidget *>(m_refresh), static_cast<QWidget *>(m_logout)})
        header->addRight(w);
    return header;
}

void AdminWindow::start()
{
    m_feed->start();
    reloadConcerts();
}

void AdminWindow::reloadConcerts(qint64 selectConcertId, qint64 selectScheduleId)
{
    m_admin->concerts(this,
                      [this, selectConcertId, selectScheduleId](const Result<QList<Concert>> &r) {
                          if (!r) {
                              showError(r.error());
                              return;
                          }
                          setConcerts(r.value());
                          if (selectScheduleId > 0)
                              m_concertsTab->selectSchedule(selectScheduleId);
                          else if (selectConcertId > 0)
                              m_concertsTab->selectConcert(selectConcertId);
                          Q_EMIT concertsLoaded();
                      });
}

void AdminWindow::setConcerts(const QList<Concert> &concerts)
{
    m_concerts = concerts;
    m_concertsTab->setConcerts(concerts);
    m_feed->follow(m_concertsTab->liveDates());
    m_seatsTab->setConcerts(concerts);
    m_queueTab->setConcerts(concerts);
    m_customersTab->setConcerts(concerts);
    m_salesTab->setConcerts(concerts);
}

void AdminWindow::showTab(Tab tab)
{
    m_tabs->setCurrentIndex(int(tab));
}

AdminWindow::Tab AdminWindow::currentTab() const
{
    return Tab(m_tabs->currentIndex());
}

void AdminWindow::onTabChanged(int index)
{
    // Only the queue tab polls, and only while it is in front.
    m_queueTab->setPolling(Tab(index) == Tab::Queue && isVisible());
    switch (Tab(index)) {
    case Tab::Seats:
        m_seatsTab->reload();
        break;
    case Tab::Sales:
        m_salesTab->refresh();
        break;
    case Tab::Audit:
        m_auditTab->refresh();
        break;
    case Tab::Customers:
        m_customersTab->refresh();
        break;
    case Tab::TopUps:
        m_topUpsTab->refresh();
        break;
    case Tab::Concerts:
    case Tab::Queue:
        break;
    }
}

void AdminWindow::showError(const ApiError &error)
{
    // The server cannot be reached: the connection banner already says so, once per outage.
    if (error.code == ErrorCode::Unavailable && error.details.value(u"network"_s).toBool())
        return;
    m_notice->showError(ErrorText::describe(error));
}

void AdminWindow::showSuccess(const QString &message)
{
    m_notice->showMessage(NoticeBar::Kind::Success, message);
}

void AdminWindow::exportSalesCsv()
{
    exportCsv(u"sales.csv"_s, 0);
}

void AdminWindow::exportAttendeesCsv(qint64 scheduleId)
{
    exportCsv(u"attendees-%1.csv"_s.arg(scheduleId), scheduleId);
}

void AdminWindow::exportCsv(const QString &suggestedName, qint64 scheduleId)
{
    QString path = m_exportPath;
    if (path.isEmpty()) {
        const QString dir = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
        path = QFileDialog::getSaveFileName(this, tr("Export CSV"), dir + u'/' + suggestedName,
                                            tr("CSV files (*.csv)"));
        if (path.isEmpty())
            return;
    }
    auto write = [this, path](const Result<QByteArray> &r) {
        if (!r) {
            showError(r.error());
            return;
        }
        QSaveFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(r.value()) != r->size()
            || !file.commit()) {
            m_notice->showMessage(NoticeBar::Kind::Error,
                                  tr("Could not write %1: %2").arg(path, file.errorString()));
            return;
        }
        const int rows = std::max(0, int(r->count('\n')) - 1);
        showSuccess(tr("Exported %n row(s) to %1.", nullptr, rows).arg(path));
        Q_EMIT exported(path, rows);
    };
    if (scheduleId > 0)
        m_admin->attendeesCsv(scheduleId, this, write);
    else
        m_admin->salesCsv(this, write);
}

void AdminWindow::retranslate()
{
    setWindowTitle(tr("Encore — staff console"));
    m_console->setText(tr("Staff console"));
    m_userLabel->setText(tr("Signed in as %1").arg(m_session.user.username));
    m_language->setText(m_languages && m_languages->language() == u"ko" ? u"English"_s
                                                                        : u"한국어"_s);
    m_refresh->setText(tr("Refresh"));
    m_logout->setText(tr("Log out"));
    m_tabs->setTabText(int(Tab::Concerts), tr("Concerts && dates"));
    m_tabs->setTabText(int(Tab::Seats), tr("Seats"));
    m_tabs->setTabText(int(Tab::Queue), tr("Queue"));
    m_tabs->setTabText(int(Tab::Sales), tr("Sales"));
    m_tabs->setTabText(int(Tab::Audit), tr("Audit log"));
    m_tabs->setTabText(int(Tab::Customers), tr("Customers"));
    m_tabs->setTabText(int(Tab::TopUps), tr("Card top-ups"));
}

void AdminWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        // Data the server words or the tab formats (sales, audit, seats) is read again in the new
        // language rather than waiting for Refresh.
        if (m_tabs->currentIndex() != int(Tab::Concerts))
            onTabChanged(m_tabs->currentIndex());
    }
    QMainWindow::changeEvent(event);
}

} // namespace encore
