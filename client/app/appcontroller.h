#pragma once
// AppController: the app's life — options, the one ApiClient, the language, the login dialog and
// the main window for the signed-in user (CustomerWindow, or AdminWindow for staff);
// back to the login on logout. GUI thread.

#include "app/languagemanager.h"
#include "net/apiclient.h"

#include <QObject>
#include <QPointer>

class QMainWindow;

namespace encore {

class LoginDialog;

struct AppOptions {
    QString serverUrl; // --server; empty: the remembered one
    QString caFile; // --ca-file
    QString language; // --language; empty: saved or system
};

class AppController : public QObject {
    Q_OBJECT

public:
    explicit AppController(AppOptions options, QObject *parent = nullptr);
    ~AppController() override;

    // Applies options and shows the login dialog; false with `error` set when options are bad.
    bool start(QString *error);

    ApiClient *api() { return &m_api; }
    LanguageManager *languages() { return &m_languages; }
    LoginDialog *loginDialog() const;
    QMainWindow *mainWindow() const;

private:
    void showLogin();
    void openMainWindow(const Session &session);
    void logout();

    AppOptions m_options;
    ApiClient m_api;
    LanguageManager m_languages;
    QPointer<LoginDialog> m_login;
    QPointer<QMainWindow> m_window;
};

} // namespace encore
