#pragma once
// Helpers for the GUI tests that drive the real customer windows by objectName against a real
// encore-server: finding widgets and open dialogs, clicking, and the common walk from the concert
// list to an admitted seat map. Main (GUI) thread; no waiting by sleeping — callers QTRY.

#include "admin/adminwindow.h"
#include "customer/customerwindow.h"
#include "models/seat.h"
#include "net/apiclient.h"
#include "net/livefeed.h"

#include "fixtures.h"

#include <QAbstractButton>
#include <QApplication>
#include <QDialog>
#include <QPointer>

#include <memory>

namespace encore::test {

constexpr int kGuiWaitMs = 30'000;

// A visible top-level or child widget of `root` with that objectName (nullptr when none).
template<typename T = QWidget> T *visibleChild(QObject *root, const QString &name)
{
    const QList<T *> all = root->findChildren<T *>(name);
    for (T *w : all) {
        if (w->isVisible())
            return w;
    }
    return nullptr;
}

// An open (visible) dialog with that objectName anywhere in the application.
QDialog *openDialog(const QString &name);

// Clicks a button the way a user would (mouse press and release in its middle).
void click(QAbstractButton *button);
// Whether `root` has a visible, enabled button of that name. QTRY it, then click: QTRY_* evaluate
// their expression more than once, so it must not click.
bool clickable(QObject *root, const QString &name);
// Clicks a named button that must be visible and enabled inside `root`; false when it is not.
bool clickNamed(QObject *root, const QString &name);

// The status a seat button of this window shows (Available when there is no such seat).
SeatStatus seatStatus(CustomerWindow *window, int number);
bool seatSelected(CustomerWindow *window, int number);

// Selects the date's row in the concert tree by clicking it; false when the row is not there.
bool clickSchedule(CustomerWindow *window, qint64 scheduleId);
// Selects the date in `window`'s concert list once it is listed and presses "Enter queue" (QTest
// failures on the way; check QTest::currentTestFailed() after).
void pressEnterQueue(CustomerWindow *window, qint64 scheduleId);
// Walks `window` from the concert list to the admitted, live seat map of the date (QTest
// failures on the way; check QTest::currentTestFailed() after).
void reachSeats(CustomerWindow *window, qint64 scheduleId);
// Where each named visible widget sits in `window` (an invalid rect when it is not there), after
// any pending layout has run: to check that nothing moved under the mouse.
QList<QRect> placesOf(QMainWindow *window, const QStringList &names);

// A customer signed in without the login dialog (a Fixtures user with a session token): its own
// ApiClient and a shown, started CustomerWindow.
struct SignedIn {
    std::unique_ptr<ApiClient> api;
    std::unique_ptr<CustomerWindow> window;
};
SignedIn openCustomerWindow(quint16 port, const TestUser &user);

// A staff member (a Fixtures user made staff) in the staff console: its own ApiClient and a shown
// AdminWindow, started; `loaded` is false when the concerts did not load in time.
struct SignedInStaff {
    std::unique_ptr<ApiClient> api;
    std::unique_ptr<AdminWindow> window;
    bool loaded = false;
};
SignedInStaff openAdminWindow(quint16 port, const TestUser &staff);

// Fast retries and probes, so outages and recoveries happen within a test's patience.
void useQuickRetries(ApiClient *api);

// Saves what `widget` shows as docs/screenshots-style NAME.png into ENCORE_SCREENSHOT_DIR when
// that is set (the suite run keeps none).
void screenshot(QWidget *widget, const QString &name);

} // namespace encore::test
