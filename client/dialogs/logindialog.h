#pragma once
// LoginDialog: logs in or creates an account on a server the user names (remembered in QSettings),
// validating input first; on success the ApiClient holds the session and session() returns it.
// GUI thread.

#include "api/apitypes.h"

#include <QDialog>

class QButtonGroup;
class QLabel;
class QLineEdit;
class QPushButton;

namespace encore {

class ApiClient;

class LoginDialog : public QDialog {
    Q_OBJECT

public:
    enum class Mode { Login, Register };

    explicit LoginDialog(ApiClient *api, QWidget *parent = nullptr);

    void setMode(Mode mode);
    Mode mode() const { return m_mode; }
    // A server given on the command line wins over the remembered one.
    void setServerUrl(const QString &url);
    const Session &session() const { return m_session; }
    // What is wrong with the form, or empty when it can be sent.
    QString validate() const;
    void showError(const QString &text);

protected:
    void changeEvent(QEvent *event) override;

private:
    void submit();
    void finish(const Result<Session> &result);
    void retranslate();
    void setBusy(bool busy);

    ApiClient *m_api;
    Mode m_mode = Mode::Login;
    Session m_session;
    QLabel *m_heading;
    QLabel *m_subheading;
    QPushButton *m_loginMode;
    QPushButton *m_registerMode;
    QLabel *m_serverLabel;
    QLineEdit *m_server;
    QLabel *m_userLabel;
    QLineEdit *m_username;
    QLabel *m_passwordLabel;
    QLineEdit *m_password;
    QLabel *m_confirmLabel;
    QLineEdit *m_confirm;
    QLabel *m_error;
    QPushButton *m_submit;
    QPushButton *m_cancel;
};

} // namespace encore
