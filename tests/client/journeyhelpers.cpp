#include "journeyhelpers.h"

#include "app/languagemanager.h"
#include "app/style.h"
#include "models/concertlistmodel.h"
#include "widgets/seatbutton.h"
#include "widgets/seatmapwidget.h"

#include <QDir>
#include <QLayout>
#include <QSignalSpy>
#include <QTest>
#include <QTreeView>

using namespace Qt::StringLiterals;

namespace encore::test {

QDialog *openDialog(const QString &name)
{
    const QList<QWidget *> all = QApplication::allWidgets();
    for (QWidget *w : all) {
        if (auto *d = qobject_cast<QDialog *>(w); d && d->isVisible() && d->objectName() == name)
            return d;
    }
    return nullptr;
}

void click(QAbstractButton *button)
{
    QTest::mouseClick(button, Qt::LeftButton, {}, button->rect().center());
}

bool clickable(QObject *root, const QString &name)
{
    auto *b = visibleChild<QAbstractButton>(root, name);
    return b && b->isEnabled();
}

bool clickNamed(QObject *root, const QString &name)
{
    if (!clickable(root, name))
        return false;
    auto *b = visibleChild<QAbstractButton>(root, name);
    click(b);
    return true;
}

SeatStatus seatStatus(CustomerWindow *window, int number)
{
    auto *b = window->findChild<SeatButton *>(u"seat%1"_s.arg(number));
    return b ? b->seat().status : SeatStatus::Available;
}

bool seatSelected(CustomerWindow *window, int number)
{
    auto *b = window->findChild<SeatButton *>(u"seat%1"_s.arg(number));
    return b && b->isSeatSelected();
}

void pressEnterQueue(CustomerWindow *window, qint64 scheduleId)
{
    QVERIFY(QTest::qWaitForWindowExposed(window));
    QTRY_VERIFY_WITH_TIMEOUT(window->concertModel()->indexOfSchedule(scheduleId).isValid(),
                             kGuiWaitMs);
    QVERIFY(clickSchedule(window, scheduleId));
    QTRY_VERIFY_WITH_TIMEOUT(clickable(window, u"enterQueueButton"_s), kGuiWaitMs);
    QVERIFY(clickNamed(window, u"enterQueueButton"_s));
}

QList<QRect> placesOf(QMainWindow *window, const QStringList &names)
{
    window->centralWidget()->layout()->activate();
    QList<QRect> out;
    for (const QString &name : names) {
        QWidget *widget = visibleChild<QWidget>(window, name);
        out.append(widget ? QRect(widget->mapTo(window, QPoint(0, 0)), widget->size()) : QRect());
    }
    return out;
}

void reachSeats(CustomerWindow *window, qint64 scheduleId)
{
    pressEnterQueue(window, scheduleId);
    if (QTest::currentTestFailed())
        return;
    QTRY_COMPARE_WITH_TIMEOUT(window->page(), CustomerWindow::Page::Seats, kGuiWaitMs);
    QTRY_VERIFY_WITH_TIMEOUT(visibleChild<SeatButton>(window, u"seat1"_s), kGuiWaitMs);
    QTRY_VERIFY_WITH_TIMEOUT(window->liveFeed()->isConnected(), kGuiWaitMs);
}

bool clickSchedule(CustomerWindow *window, qint64 scheduleId)
{
    auto *tree = visibleChild<QTreeView>(window, u"concertTree"_s);
    if (!tree)
        return false;
    const auto *model = qobject_cast<ConcertListModel *>(tree->model());
    const QModelIndex index = model ? model->indexOfSchedule(scheduleId) : QModelIndex();
    if (!index.isValid())
        return false;
    tree->scrollTo(index);
    const QRect rect = tree->visualRect(index);
    if (rect.isEmpty())
        return false;
    QTest::mouseClick(tree->viewport(), Qt::LeftButton, {}, rect.center());
    return tree->currentIndex().row() == index.row()
        && tree->currentIndex().parent() == index.parent();
}

namespace {
// Screenshots for the docs show the app as it looks: its style sheet and its English texts
// (plural forms come from the translation). The suite's run keeps the plain look.
void lookLikeTheApp()
{
    static std::unique_ptr<LanguageManager> languages;
    if (languages || qEnvironmentVariableIsEmpty("ENCORE_SCREENSHOT_DIR"))
        return;
    applyStyle(*qApp);
    languages = std::make_unique<LanguageManager>();
    languages->setLanguage(u"en"_s, false);
}
} // namespace

void screenshot(QWidget *widget, const QString &name)
{
    const QString dir = qEnvironmentVariable("ENCORE_SCREENSHOT_DIR");
    if (dir.isEmpty())
        return;
    lookLikeTheApp(); // windows opened without openCustomerWindow() (the login dialog's path)
    // Pending layout and placement (a notice that just appeared) first, as a person would see it.
    for (int i = 0; i < 3; ++i)
        QCoreApplication::sendPostedEvents();
    QCoreApplication::processEvents();
    QVERIFY(widget->grab().save(QDir(dir).filePath(name + u".png"_s)));
}

void useQuickRetries(ApiClient *api)
{
    api->setRetryPolicy({6, 150, 600});
    api->setProbeIntervalMs(250);
}

SignedIn openCustomerWindow(quint16 port, const TestUser &user)
{
    lookLikeTheApp();
    SignedIn s;
    s.api = std::make_unique<ApiClient>();
    s.api->setBaseUrl(QUrl(u"http://127.0.0.1:%1"_s.arg(port)));
    s.api->setSessionToken(QString::fromLatin1(user.token));
    Session session;
    session.user.id = user.id;
    session.user.username = user.username;
    session.token = QString::fromLatin1(user.token);
    s.window = std::make_unique<CustomerWindow>(s.api.get(), session, nullptr);
    s.window->liveFeed()->setReconnectDelays(100, 1000);
    useQuickRetries(s.api.get());
    s.window->show();
    s.window->start();
    return s;
}

SignedInStaff openAdminWindow(quint16 port, const TestUser &staff)
{
    lookLikeTheApp();
    SignedInStaff s;
    s.api = std::make_unique<ApiClient>();
    s.api->setBaseUrl(QUrl(u"http://127.0.0.1:%1"_s.arg(port)));
    s.api->setSessionToken(QString::fromLatin1(staff.token));
    Session session;
    session.user.id = staff.id;
    session.user.username = staff.username;
    session.user.role = Role::Staff;
    session.token = QString::fromLatin1(staff.token);
    s.window = std::make_unique<AdminWindow>(s.api.get(), session, nullptr);
    s.window->resize(1180, 780);
    s.window->show();
    if (!QTest::qWaitForWindowExposed(s.window.get()))
        return s;
    QSignalSpy loaded(s.window.get(), &AdminWindow::concertsLoaded);
    s.window->start();
    s.loaded = loaded.wait(kGuiWaitMs);
    return s;
}

} // namespace encore::test
