#include "logindialog.h"

#include "net/apiclient.h"
#include "net/errortext.h"
#include "widgets/icons.h"

#include <QButtonGroup>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace encore {

namespace {
constexpr auto kServerKey = "connection/server";
constexpr auto kUserKey = "account/username";
const QString kDefaultServer = u"http://127.0.0.1:8080"_s;

QLineEdit *makeEdit(const QString &name, QWidget *parent)
{
    auto *edit = new QLineEdit(parent);
    edit->setObjectName(name);
    edit->setClearButtonEnabled(true);
    return edit;
}
} // namespace

LoginDialog::LoginDialog(ApiClient *api, QWidget *parent)
    : QDialog(parent)
    , m_api(api)
    , m_heading(new QLabel(this))
    , m_subheading(new QLabel(this))
    , m_loginMode(new QPushButton(this))
    , m_registerMode(new QPushButton(this))
    , m_serverLabel(new QLabel(this))
    , m_server(makeEdit(u"serverEdit"_s, this))
    , m_userLabel(new QLabel(this))
    , m_username(makeEdit(u"usernameEdit"_s, this))
    , m_passwordLabel(new QLabel(this))
    , m_password(makeEdit(u"passwordEdit"_s, this))
    , m_confirmLabel(new QLabel(this))
    , m_confirm(makeEdit(u"confirmPasswordEdit"_s, this))
    , m_error(new QLabel(this))
    , m_submit(new QPushButton(this))
    , m_cancel(new QPushButton(this))
{
    setObjectName(u"loginDialog"_s);
    setWindowIcon(Icons::icon(IconKind::App));
    setMinimumWidth(420);
    m_heading->setObjectName(u"dialogHeading"_s);
    m_subheading->setObjectName(u"dialogSubheading"_s);
    m_subheading->setWordWrap(true);
    m_loginMode->setObjectName(u"loginModeButton"_s);
    m_registerMode->setObjectName(u"registerModeButton"_s);
    for (QPushButton *b : {m_loginMode, m_registerMode}) {
        b->setCheckable(true);
        b->setProperty("segment", true);
    }
    auto *group = new QButtonGroup(this);
    group->addButton(m_loginMode);
    group->addButton(m_registerMode);
    connect(m_loginMode, &QPushButton::clicked, this, [this] { setMode(Mode::Login); });
    connect(m_registerMode, &QPushButton::clicked, this, [this] { setMode(Mode::Register); });

    m_password->setEchoMode(QLineEdit::Password);
    m_confirm->setEchoMode(QLineEdit::Password);
    m_password->setClearButtonEnabled(false);
    m_confirm->setClearButtonEnabled(false);
    m_error->setObjectName(u"loginError"_s);
    m_error->setWordWrap(true);
    m_error->hide();
    m_submit->setObjectName(u"loginSubmitButton"_s);
    m_submit->setDefault(true);
    m_submit->setProperty("primary", true);
    m_cancel->setObjectName(u"loginCancelButton"_s);
    connect(m_submit, &QPushButton::clicked, this, &LoginDialog::submit);
    connect(m_cancel, &QPushButton::clicked, this, &QDialog::reject);

    QSettings settings;
    m_server->setText(settings.value(kServerKey, kDefaultServer).toString());
    m_username->setText(settings.value(kUserKey).toString());

    auto *segments = new QHBoxLayout;
    segments->setSpacing(0);
    segments->addWidget(m_loginMode);
    segments->addWidget(m_registerMode);
    auto *form = new QFormLayout;
    form->setRowWrapPolicy(QFormLayout::WrapAllRows);
    form->setVerticalSpacing(6);
    form->addRow(m_userLabel, m_username);
    form->addRow(m_passwordLabel, m_password);
    form->addRow(m_confirmLabel, m_confirm);
    form->addRow(m_serverLabel, m_server);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(m_cancel);
    buttons->addWidget(m_submit);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(28, 24, 28, 24);
    layout->setSpacing(12);
    auto *logo = new QLabel(this);
    logo->setPixmap(Icons::pixmap(IconKind::App, 44));
    auto *head = new QHBoxLayout;
    head->addWidget(logo);
    auto *titles = new QVBoxLayout;
    titles->addWidget(m_heading);
    titles->addWidget(m_subheading);
    head->addLayout(titles, 1);
    layout->addLayout(head);
    layout->addLayout(segments);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addLayout(buttons);
    setMode(Mode::Login);
    // The fields were created in another order than they are shown: Tab follows what is shown.
    setTabOrder(m_username, m_password);
    setTabOrder(m_password, m_confirm);
    setTabOrder(m_confirm, m_server);
    setTabOrder(m_server, m_submit);
    setTabOrder(m_submit, m_cancel);
    setTabOrder(m_cancel, m_loginMode);
    setTabOrder(m_loginMode, m_registerMode);
    // Typing starts where it is needed: the username, or the password when it is remembered.
    (m_username->text().isEmpty() ? m_username : m_password)->setFocus();
}

void LoginDialog::setMode(Mode mode)
{
    m_mode = mode;
    m_loginMode->setChecked(mode == Mode::Login);
    m_registerMode->setChecked(mode == Mode::Register);
    m_confirm->setVisible(mode == Mode::Register);
    m_confirmLabel->setVisible(mode == Mode::Register);
    m_error->hide();
    retranslate();
}

void LoginDialog::setServerUrl(const QString &url)
{
    m_server->setText(url);
}

QString LoginDialog::validate() const
{
    const QUrl url = QUrl::fromUserInput(m_server->text().trimmed());
    if (!url.isValid() || url.host().isEmpty()
        || (url.scheme() != u"http" && url.scheme() != u"https"))
        return tr("Enter the server address, for example http://127.0.0.1:8080.");
    const QString user = m_username->text().trimmed();
    if (user.size() < 3 || user.size() > 32)
        return tr("The username needs 3 to 32 characters.");
    if (m_password->text().isEmpty())
        return tr("Enter your password.");
    if (m_mode == Mode::Register) {
        if (m_password->text().size() < 8)
            return tr("Choose a password of at least 8 characters.");
        if (m_password->text() != m_confirm->text())
            return tr("The two passwords are not the same.");
    }
    return {};
}

void LoginDialog::showError(const QString &text)
{
    m_error->setText(text);
    m_error->setVisible(!text.isEmpty());
}

void LoginDialog::submit()
{
    if (const QString problem = validate(); !problem.isEmpty()) {
        showError(problem);
        return;
    }
    showError({});
    setBusy(true);
    m_api->setBaseUrl(QUrl::fromUserInput(m_server->text().trimmed()));
    const QString user = m_username->text().trimmed();
    auto done = [this](const Result<Session> &r) {
        finish(r);
    };
    if (m_mode == Mode::Login)
        m_api->login(user, m_password->text(), this, done);
    else
        m_api->registerUser(user, m_password->text(), this, done);
}

void LoginDialog::finish(const Result<Session> &result)
{
    setBusy(false);
    if (!result) {
        const ApiError &e = result.error();
        // Typing resumes in the field to correct (the busy state moved the focus away).
        if (e.code == ErrorCode::Unauthenticated) {
            showError(tr("That username and password do not match. Please try again."));
            m_password->clear();
            m_confirm->clear();
            m_password->setFocus();
        } else if (e.code == ErrorCode::Conflict && m_mode == Mode::Register) {
            showError(tr("That username is already taken. Please choose another one."));
            m_username->setFocus();
            m_username->selectAll();
        } else {
            showError(ErrorText::describe(e).full());
            m_submit->setFocus(); // Enter tries again
        }
        return;
    }
    m_session = result.value();
    m_api->setSessionToken(m_session.token);
    QSettings settings;
    settings.setValue(kServerKey, m_api->baseUrl().toString());
    settings.setValue(kUserKey, m_session.user.username);
    accept();
}

void LoginDialog::setBusy(bool busy)
{
    m_submit->setEnabled(!busy);
    for (QLineEdit *e : {m_server, m_username, m_password, m_confirm})
        e->setEnabled(!busy);
    if (busy)
        m_submit->setText(tr("Connecting…"));
    else
        retranslate();
}

void LoginDialog::retranslate()
{
    setWindowTitle(tr("Encore — sign in"));
    m_heading->setText(tr("Welcome to Encore"));
    m_subheading->setText(m_mode == Mode::Login ? tr("Log in to book concert tickets.")
                                                : tr("Create an account to book concert tickets."));
    m_loginMode->setText(tr("Log in"));
    m_registerMode->setText(tr("Create account"));
    m_serverLabel->setText(tr("Server address"));
    m_userLabel->setText(tr("Username"));
    m_passwordLabel->setText(tr("Password"));
    m_confirmLabel->setText(tr("Repeat password"));
    m_submit->setText(m_mode == Mode::Login ? tr("Log in") : tr("Create account"));
    m_cancel->setText(tr("Quit"));
}

void LoginDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QDialog::changeEvent(event);
}

} // namespace encore
