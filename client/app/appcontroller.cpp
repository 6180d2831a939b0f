#include "appcontroller.h"

#include "admin/adminwindow.h"
#include "customer/customerwindow.h"
#include "dialogs/logindialog.h"

#include <QApplication>

using namespace Qt::StringLiterals;

namespace encore {

AppController::AppController(AppOptions options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
{
}

AppController::~AppController()
{
    delete m_window;
    delete m_login;
}

LoginDialog *AppController::loginDialog() const
{
    return m_login;
}

QMainWindow *AppController::mainWindow() const
{
    return m_window;
}

bool AppController::start(QString *error)
{
    m_languages.setLanguage(m_options.language.isEmpty() ? LanguageManager::preferred()
                                                         : m_options.language,
                            !m_options.language.isEmpty());
    if (!m_options.caFile.isEmpty() && !m_api.setCaFile(m_options.caFile, error))
        return false;
    showLogin();
    return true;
}

void AppController::showLogin()
{
    m_login = new LoginDialog(&m_api);
    m_login->setAttribute(Qt::WA_DeleteOnClose);
    if (!m_options.serverUrl.isEmpty())
        m_login->setServerUrl(m_options.serverUrl);
    connect(m_login, &QDialog::accepted, this, [this] { openMainWindow(m_login->session()); });
    connect(m_login, &QDialog::rejected, qApp, &QApplication::quit, Qt::QueuedConnection);
    m_login->show();
}

void AppController::openMainWindow(const Session &session)
{
    if (session.user.role == Role::Staff) {
        auto *admin = new AdminWindow(&m_api, session, &m_languages);
        admin->setAttribute(Qt::WA_DeleteOnClose);
        connect(admin, &AdminWindow::logoutRequested, this, &AppController::logout);
        m_window = admin;
        admin->show();
        admin->start();
        return;
    }
    auto *window = new CustomerWindow(&m_api, session, &m_languages);
    window->setAttribute(Qt::WA_DeleteOnClose);
    connect(window, &CustomerWindow::logoutRequested, this, &AppController::logout);
    m_window = window;
    window->show();
    window->start();
}

void AppController::logout()
{
    m_api.logout(nullptr, [](const Result<Empty> &) {});
    m_api.setSessionToken(QString());
    m_api.setQueueToken(QString());
    if (m_window) {
        // Quitting on the last window closing would end the app before the login shows.
        m_window->setAttribute(Qt::WA_QuitOnClose, false);
        m_window->close();
    }
    showLogin();
}

} // namespace encore
