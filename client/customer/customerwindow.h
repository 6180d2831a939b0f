#pragma once
// CustomerWindow: the customer's main window. Wires ApiClient, LiveFeed, QueueWatcher and the
// BookingController (hold and payment state) to the models and pages: concerts → queue → seats →
// hold → pay → receipt → My tickets, with the wallet always at hand, errors in plain words and a
// banner while offline. GUI thread.

#include "api/apitypes.h"

#include "models/concert.h"
#include "models/reservation.h"
#include "models/seatwait.h"
#include "models/staffops.h"

#include <QMainWindow>
#include <QPointer>
#include <QSet>

#include <functional>
#include <optional>

class QAction;
class QCloseEvent;
class QLabel;
class QMenu;
class QPushButton;
class QStackedWidget;

namespace encore {

class ApiClient;
class BookingController;
class ConcertListModel;
class ConcertsPage;
class ConnectionBanner;
class LanguageManager;
class LiveFeed;
class NoticeBar;
class SeatWaitPanel;
class QueuePanel;
class QueueWatcher;
class ReservationListModel;
class SeatMapModel;
class SeatPage;
class TicketsPage;
class TurnEndedPage;
class WalletDialog;
struct ApiError;

class CustomerWindow : public QMainWindow {
    Q_OBJECT

public:
    enum class Page { Concerts, Queue, Seats, Tickets, TurnEnded };

    CustomerWindow(ApiClient *api, const Session &session, LanguageManager *languages,
                   QWidget *parent = nullptr);
    ~CustomerWindow() override;

    // Loads concerts and balance and opens the live feed.
    void start();

    // Navigation and state, for the flow, the tests and the screenshot mode.
    void showPage(Page page);
    Page page() const;
    void setBalance(Money balance);
    Money balance() const { return m_balance; }
    void setBookingContext(const Concert &concert, const Schedule &schedule);
    WalletDialog *openWallet(const QString &reason = {}, Money suggested = 0);

    ConcertListModel *concertModel() const { return m_concerts; }
    SeatMapModel *seatModel() const { return m_seats; }
    ReservationListModel *reservationModel() const { return m_reservations; }
    SeatPage *seatPage() const { return m_seatPage; }
    QueuePanel *queuePanel() const { return m_queuePanel; }
    ConnectionBanner *connectionBanner() const { return m_banner; }
    NoticeBar *notice() const { return m_notice; }
    LiveFeed *liveFeed() const { return m_feed; }
    BookingController *booking() const { return m_booking; }

Q_SIGNALS:
    void logoutRequested();

protected:
    void changeEvent(QEvent *event) override;
    // Quitting with seats on hold asks whether to release them or keep them (My tickets).
    void closeEvent(QCloseEvent *event) override;

private:
    void buildMenus();
    QWidget *buildHeader();
    void retranslate();
    void showError(const ApiError &error, std::function<void()> retry = {});
    // One banner per outage: the pages' server actions are disabled while the server is away.
    void setServerReachable(bool reachable);

    void loadConcerts();
    void loadReservations();
    void refreshBalance();
    void refreshCurrentPage();
    void enterQueue(qint64 concertId, qint64 scheduleId);
    void leaveQueue();
    void openSeats();
    void connectBooking();
    void onHoldFailed(const ApiError &error, const QList<int> &seats);
    // The waiting list: the panel's requests, offers pushed live, and what the server has at start.
    void connectWaitingList();
    void loadSeatWaits();
    void showSeatOffer(const SeatWait &wait);
    void onPayFailed(const ApiError &error);
    void onHoldExpired();
    // Staff changed something of ours: say what and why, then show the money and tickets as
    // they are now.
    void onAccountNotice(const AccountNotice &notice);
    void onHoldEndedElsewhere(const Reservation &reservation);
    void onTurnEnded();
    // Re-reads the turn's end (a hold extends it) for the seat page's clock.
    void refreshTurnEnd();
    void payKeptHold(const Reservation &reservation);
    // Asks (window-modal) whether to release the current hold or keep it; `decided(release)`.
    void askKeepOrRelease(const QString &question, std::function<void(bool release)> decided);
    void confirmPayment();
    void showReceipt(const PaymentReceipt &result);
    void cancelReservation(const Reservation &reservation);
    void askRefund(const Reservation &reservation);
    void endBooking();

    ApiClient *m_api;
    Session m_session;
    LanguageManager *m_languages;
    LiveFeed *m_feed;
    QueueWatcher *m_queue;
    BookingController *m_booking;
    ConcertListModel *m_concerts;
    SeatMapModel *m_seats;
    ReservationListModel *m_reservations;

    Money m_balance = 0;
    Concert m_concert;
    Schedule m_schedule;
    std::function<void()> m_retry; // the action an interrupted call was doing
    QSet<QUuid> m_staffReleased; // holds staff released (their live notice said why)
    QPointer<WalletDialog> m_walletDialog;
    bool m_payWhenAdmitted = false; // a kept hold's Pay rejoined the line: pay once admitted
    bool m_closeDecided = false; // the customer answered the question about the hold

    ConnectionBanner *m_banner;
    NoticeBar *m_notice;
    QStackedWidget *m_stack;
    ConcertsPage *m_concertsPage;
    QueuePanel *m_queuePanel;
    SeatPage *m_seatPage;
    TicketsPage *m_ticketsPage;
    TurnEndedPage *m_turnEndedPage;
    SeatWaitPanel *m_waitPanel;
    QLabel *m_userLabel;
    QPushButton *m_concertsNav;
    QPushButton *m_ticketsNav;
    QPushButton *m_walletButton;
    QPushButton *m_logoutButton;
    QMenu *m_accountMenu;
    QMenu *m_languageMenu;
    QMenu *m_helpMenu;
    QAction *m_walletAction;
    QAction *m_ticketsAction;
    QAction *m_logoutAction;
    QAction *m_quitAction;
    QAction *m_aboutAction;
    QList<QAction *> m_languageActions;
};

} // namespace encore
