#include "customerwindow.h"

#include "widgets/appheader.h"

#include "app/languagemanager.h"
#include "customer/bookingcontroller.h"
#include "customer/concertspage.h"
#include "customer/seatpage.h"
#include "customer/ticketspage.h"
#include "customer/turnendedpage.h"
#include "dialogs/paymentconfirmdialog.h"
#include "dialogs/receiptdialog.h"
#include "dialogs/walletdialog.h"
#include "models/concertlistmodel.h"
#include "models/displaytext.h"
#include "models/reservationlistmodel.h"
#include "models/seatmapmodel.h"
#include "net/apiclient.h"
#include "net/errortext.h"
#include "net/livefeed.h"
#include "net/queuewatcher.h"
#include "widgets/connectionbanner.h"
#include "widgets/holdcountdown.h"
#include "widgets/icons.h"
#include "widgets/noticebar.h"
#include "widgets/overlaystrip.h"
#include "widgets/questionbox.h"
#include "widgets/queuepanel.h"
#include "widgets/seatmapwidget.h"
#include "widgets/seatwaitpanel.h"

#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QStackedWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace encore {

CustomerWindow::CustomerWindow(ApiClient *api, const Session &session, LanguageManager *languages,
                               QWidget *parent)
    : QMainWindow(parent)
    , m_api(api)
    , m_session(session)
    , m_languages(languages)
    , m_feed(new LiveFeed(api, this))
    , m_queue(new QueueWatcher(api, this))
    , m_booking(new BookingController(api, this))
    , m_concerts(new ConcertListModel(this))
    , m_seats(new SeatMapModel(this))
    , m_reservations(new ReservationListModel(this))
    , m_banner(new ConnectionBanner(this))
    , m_notice(new NoticeBar(this))
    , m_stack(new QStackedWidget(this))
    , m_concertsPage(new ConcertsPage(m_concerts, this))
    , m_queuePanel(new QueuePanel(this))
    , m_seatPage(new SeatPage(m_seats, this))
    , m_ticketsPage(new TicketsPage(m_reservations, this))
    , m_turnEndedPage(new TurnEndedPage(this))
    , m_waitPanel(new SeatWaitPanel(this))
{
    setObjectName(u"customerWindow"_s);
    setWindowIcon(Icons::icon(IconKind::App));
    resize(1180, 760);
    m_stack->setObjectName(u"pageStack"_s);
    m_stack->addWidget(m_concertsPage);
    m_stack->addWidget(m_queuePanel);
    m_stack->addWidget(m_seatPage);
    m_stack->addWidget(m_ticketsPage);
    m_stack->addWidget(m_turnEndedPage);

    auto *central = new QWidget(this);
    central->setObjectName(u"central"_s);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(buildHeader());
    layout->addWidget(m_stack, 1);
    setCentralWidget(central);
    // The banner and notices float over the page's bottom-left corner: showing one never moves
    // the page.
    auto *overlay = new OverlayStrip(m_stack, 20, 600, central);
    overlay->addNotice(m_banner);
    overlay->addNotice(m_notice);
    overlay->addNotice(m_waitPanel); // the waiting list's ask and offers, with their buttons
    buildMenus();

    // Connection state.
    connect(m_api, &ApiClient::serverUnreachable, this, [this](const QString &reason) {
        m_banner->showOffline(reason);
        setServerReachable(false);
    });
    connect(m_api, &ApiClient::serverReachable, this, [this] {
        m_banner->showRestored();
        setServerReachable(true);
        refreshCurrentPage();
        if (auto retry = std::exchange(m_retry, {}))
            retry(); // finish what the outage interrupted (same idempotency key)
    });
    connect(m_api, &ApiClient::sessionExpired, this,
            [this] { showError(ApiError(ErrorCode::Unauthenticated)); });
    connect(m_banner, &ConnectionBanner::retryRequested, this,
            [this] { m_api->checkHealth(this, [](const Result<Empty> &) {}); });
    connect(m_notice, &NoticeBar::actionTriggered, this, [this](ErrorAction action) {
        switch (action) {
        case ErrorAction::Retry:
            if (auto retry = std::exchange(m_retry, {}))
                retry();
            else
                refreshCurrentPage();
            break;
        case ErrorAction::TopUp:
            openWallet();
            break;
        case ErrorAction::PickOtherSeats:
            showPage(Page::Seats);
            m_feed->resync();
            break;
        case ErrorAction::RejoinQueue:
            enterQueue(m_concert.id, m_schedule.id);
            break;
        case ErrorAction::LogIn:
            Q_EMIT logoutRequested();
            break;
        case ErrorAction::Wait:
        case ErrorAction::None:
            break;
        }
    });

    // Concerts → queue.
    connect(m_concertsPage, &ConcertsPage::refreshRequested, this, &CustomerWindow::loadConcerts);
    connect(m_concertsPage, &ConcertsPage::enterQueueRequested, this, &CustomerWindow::enterQueue);
    connect(m_queuePanel, &QueuePanel::leaveRequested, this, &CustomerWindow::leaveQueue);
    connect(m_queue, &QueueWatcher::ticketChanged, this, [this](const QueueTicket &t) {
        m_queuePanel->setTicket(t, m_queue->initialAhead());
        if (t.status == QueueStatus::Waiting && !t.token.isEmpty())
            m_feed->watchQueue(t.token);
    });
    connect(m_queue, &QueueWatcher::admitted, this, &CustomerWindow::openSeats);
    connect(m_queue, &QueueWatcher::failed, this, [this](const ApiError &e) {
        m_payWhenAdmitted = false;
        showPage(Page::Concerts);
        showError(e, [this] { enterQueue(m_concert.id, m_schedule.id); });
    });
    connect(m_queue, &QueueWatcher::ended, this, [this](const ApiError &) {
        if (page() == Page::Queue || page() == Page::Seats) {
            endBooking();
            showPage(Page::Concerts);
            m_notice->showError({tr("Your place in the queue has ended."),
                                 tr("Join the queue again to get a new turn."),
                                 ErrorAction::RejoinQueue});
        }
    });
    connect(m_feed, &LiveFeed::queueUpdated, m_queue, &QueueWatcher::applyPush);
    connect(m_feed, &LiveFeed::queueEnded, m_queue, &QueueWatcher::applyEnded);
    connect(m_feed, &LiveFeed::accountNotice, this, &CustomerWindow::onAccountNotice);
    connect(m_feed, &LiveFeed::availabilityChanged, m_concerts, &ConcertListModel::setAvailability);
    connectWaitingList();

    // Live seats.
    connect(m_feed, &LiveFeed::seatMapLoaded, this, [this](const SeatMap &map) {
        if (map.scheduleId == m_schedule.id) {
            m_seats->setSeatMap(map);
            m_booking->seatsChanged(map.seats);
        }
    });
    connect(m_feed, &LiveFeed::seatsChanged, this,
            [this](qint64 scheduleId, const QList<Seat> &seats) {
                if (scheduleId == m_schedule.id) {
                    m_seats->applySeats(seats);
                    m_booking->seatsChanged(seats);
                }
            });
    connect(m_feed, &LiveFeed::seatMapFailed, this, [this](const ApiError &e) {
        if (e.code != ErrorCode::Unavailable && page() == Page::Seats)
            showError(e);
    });
    connect(m_seatPage->seatMap(), &SeatMapWidget::selectionLost, this,
            [this](const QList<int> &seats) {
                m_notice->showMessage(NoticeBar::Kind::Info,
                                      tr("%n seat(s) you picked were just taken by someone else "
                                         "and left your selection: %1.",
                                         nullptr, int(seats.size()))
                                          .arg(DisplayText::seatList(seats)));
            });
    connectBooking();

    // The turn's end.
    connect(m_seatPage, &SeatPage::turnEnded, this, &CustomerWindow::onTurnEnded);
    connect(m_turnEndedPage, &TurnEndedPage::rejoinRequested, this,
            [this] { enterQueue(m_concert.id, m_schedule.id); });
    connect(m_turnEndedPage, &TurnEndedPage::concertsRequested, this, [this] {
        showPage(Page::Concerts);
        loadConcerts();
    });

    // My tickets.
    connect(m_ticketsPage, &TicketsPage::refreshRequested, this, &CustomerWindow::loadReservations);
    connect(m_ticketsPage, &TicketsPage::payHoldRequested, this, &CustomerWindow::payKeptHold);
    connect(m_ticketsPage, &TicketsPage::cancelHoldRequested, this,
            &CustomerWindow::cancelReservation);
    connect(m_ticketsPage, &TicketsPage::refundRequested, this, &CustomerWindow::askRefund);
    connect(m_ticketsPage, &TicketsPage::receiptRequested, this, [this](const Reservation &r) {
        auto *dialog = new ReceiptDialog(this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->setReceipt(r, r.paidAt, -1, r.id.toString(QUuid::WithoutBraces));
        dialog->open();
    });
    retranslate();
    showPage(Page::Concerts);
}

CustomerWindow::~CustomerWindow() = default;

QWidget *CustomerWindow::buildHeader()
{
    auto *header = new AppHeader(this);
    m_concertsNav = new QPushButton(header);
    m_concertsNav->setObjectName(u"concertsNavButton"_s);
    m_ticketsNav = new QPushButton(header);
    m_ticketsNav->setObjectName(u"ticketsNavButton"_s);
    for (QPushButton *b : {m_concertsNav, m_ticketsNav}) {
        b->setCheckable(true);
        b->setProperty("nav", true);
    }
    m_concertsNav->setIcon(Icons::icon(IconKind::Concerts));
    m_ticketsNav->setIcon(Icons::icon(IconKind::Ticket));
    m_userLabel = new QLabel(header);
    m_userLabel->setObjectName(u"userLabel"_s);
    m_walletButton = new QPushButton(header);
    m_walletButton->setObjectName(u"walletButton"_s);
    m_walletButton->setIcon(Icons::icon(IconKind::Wallet, QColor(0x5b, 0x3d, 0xf5)));
    m_logoutButton = new QPushButton(header);
    m_logoutButton->setObjectName(u"logoutButton"_s);
    m_logoutButton->setIcon(Icons::icon(IconKind::Logout));
    m_logoutButton->setProperty("flat", true);

    header->addLeftSpacing(24);
    header->addLeft(m_concertsNav);
    header->addLeft(m_ticketsNav);
    header->addRight(m_userLabel);
    header->addRight(m_walletButton);
    header->addRight(m_logoutButton);

    connect(m_concertsNav, &QPushButton::clicked, this, [this] {
        // Leaving a booking half-way keeps the hold (it is in My tickets) but stops watching.
        showPage(m_queue->isJoined() && !m_queue->isActive() ? Page::Queue
                     : m_queue->isActive()                   ? Page::Seats
                                                             : Page::Concerts);
    });
    connect(m_ticketsNav, &QPushButton::clicked, this, [this] {
        showPage(Page::Tickets);
        loadReservations();
    });
    connect(m_walletButton, &QPushButton::clicked, this, [this] { openWallet(); });
    connect(m_logoutButton, &QPushButton::clicked, this, &CustomerWindow::logoutRequested);
    return header;
}

void CustomerWindow::buildMenus()
{
    m_accountMenu = menuBar()->addMenu(QString());
    m_accountMenu->setObjectName(u"accountMenu"_s);
    m_walletAction = m_accountMenu->addAction(Icons::icon(IconKind::Wallet), QString(), this,
                                              [this] { openWallet(); });
    m_walletAction->setObjectName(u"walletAction"_s);
    m_walletAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_W));
    m_ticketsAction
        = m_accountMenu->addAction(Icons::icon(IconKind::Ticket), QString(), this, [this] {
              showPage(Page::Tickets);
              loadReservations();
          });
    m_ticketsAction->setObjectName(u"ticketsAction"_s);
    m_ticketsAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_T));
    m_accountMenu->addSeparator();
    m_logoutAction = m_accountMenu->addAction(Icons::icon(IconKind::Logout), QString(), this,
                                              &CustomerWindow::logoutRequested);
    m_logoutAction->setObjectName(u"logoutAction"_s);
    m_quitAction = m_accountMenu->addAction(QString(), this, &QWidget::close); // asks about holds
    m_quitAction->setObjectName(u"quitAction"_s);
    m_quitAction->setShortcut(QKeySequence::Quit);

    m_languageMenu = menuBar()->addMenu(QString());
    m_languageMenu->setObjectName(u"languageMenu"_s);
    auto *group = new QActionGroup(this);
    for (const QString &code : LanguageManager::available()) {
        QAction *a = m_languageMenu->addAction(LanguageManager::nativeName(code));
        a->setObjectName(u"language_"_s + code);
        a->setCheckable(true);
        a->setData(code);
        a->setChecked(m_languages && m_languages->language() == code);
        group->addAction(a);
        connect(a, &QAction::triggered, this, [this, code] {
            if (m_languages)
                m_languages->setLanguage(code);
        });
        m_languageActions.append(a);
    }
    m_helpMenu = menuBar()->addMenu(QString());
    m_helpMenu->setObjectName(u"helpMenu"_s);
    m_aboutAction = m_helpMenu->addAction(QString(), this, [this] {
        QMessageBox::about(this, tr("About Encore"),
                           tr("<b>Encore</b> %1<br>Concert tickets, fairly queued.")
                               .arg(QCoreApplication::applicationVersion()));
    });
    m_aboutAction->setObjectName(u"aboutAction"_s);
}

void CustomerWindow::retranslate()
{
    setWindowTitle(tr("Encore — concert tickets"));
    m_concertsNav->setText(tr("Concerts"));
    m_ticketsNav->setText(tr("My tickets"));
    m_userLabel->setText(tr("Signed in as <b>%1</b>").arg(m_session.user.username.toHtmlEscaped()));
    m_walletButton->setText(tr("Wallet · %1").arg(money::format(m_balance)));
    m_walletButton->setToolTip(tr("Open your wallet to see the balance and top up"));
    m_logoutButton->setText(tr("Log out"));
    m_accountMenu->setTitle(tr("&Account"));
    m_walletAction->setText(tr("&Wallet…"));
    m_ticketsAction->setText(tr("My &tickets"));
    m_logoutAction->setText(tr("Log &out"));
    m_quitAction->setText(tr("&Quit"));
    m_languageMenu->setTitle(tr("&Language"));
    m_helpMenu->setTitle(tr("&Help"));
    m_aboutAction->setText(tr("&About Encore"));
    for (QAction *a : std::as_const(m_languageActions))
        a->setChecked(m_languages && m_languages->language() == a->data().toString());
    m_seats->retranslate();
}

void CustomerWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QMainWindow::changeEvent(event);
}

void CustomerWindow::start()
{
    loadConcerts();
    refreshBalance();
    m_feed->watchAvailability(true); // the concert list's seat counts stay live
    m_feed->start();
    loadSeatWaits();
    // A hold kept from an earlier run: say where to pay for it.
    m_api->reservations(this, [this](const Result<QList<Reservation>> &r) {
        if (!r)
            return;
        m_reservations->setReservations(r.value());
        for (const Reservation &kept : r.value()) {
            if (kept.status == ReservationStatus::Held
                && kept.heldUntil > QDateTime::currentDateTimeUtc()) {
                m_notice->showMessage(
                    NoticeBar::Kind::Info,
                    tr("You still hold seats %1 for %2 until %3. Pay for them in My tickets.",
                       nullptr, int(kept.seats.size()))
                        .arg(DisplayText::seatList(kept.seats), kept.concertTitle,
                             DisplayText::timeOfDay(kept.heldUntil, kept.zone())));
                return;
            }
        }
    });
}

void CustomerWindow::showPage(Page page)
{
    m_stack->setCurrentIndex(int(page));
    m_concertsNav->setChecked(page != Page::Tickets);
    m_ticketsNav->setChecked(page == Page::Tickets);
}

CustomerWindow::Page CustomerWindow::page() const
{
    return Page(m_stack->currentIndex());
}

void CustomerWindow::setBalance(Money balance)
{
    m_balance = balance;
    m_walletButton->setText(tr("Wallet · %1").arg(money::format(balance)));
}

void CustomerWindow::setBookingContext(const Concert &concert, const Schedule &schedule)
{
    m_concert = concert;
    m_schedule = schedule;
    m_queuePanel->setConcertTitle(concert.title);
    m_queuePanel->setVenueZone(concert.zone());
}

void CustomerWindow::showError(const ApiError &error, std::function<void()> retry)
{
    const ErrorText text = ErrorText::describe(error);
    if (text.action == ErrorAction::Retry)
        m_retry = std::move(retry);
    // The server cannot be reached: the connection banner already says so (once per outage)
    // and the interrupted action is finished when it is back. A progress note ("Paying…")
    // would be stale.
    if (error.code == ErrorCode::Unavailable && error.details.value(u"network"_s).toBool()) {
        if (m_notice->kind() != NoticeBar::Kind::Error)
            m_notice->dismiss();
        return;
    }
    m_notice->showError(text);
}

void CustomerWindow::setServerReachable(bool reachable)
{
    m_concertsPage->setServerReachable(reachable);
    m_queuePanel->setServerReachable(reachable);
    m_seatPage->setServerReachable(reachable);
    m_ticketsPage->setServerReachable(reachable);
    m_turnEndedPage->setServerReachable(reachable);
    if (m_walletDialog)
        m_walletDialog->setServerReachable(reachable);
}

// --- loading -------------------------------------------------------------------------------------

void CustomerWindow::loadConcerts()
{
    m_concertsPage->setLoading(true);
    m_api->concerts(this, [this](const Result<QList<Concert>> &r) {
        m_concertsPage->setLoading(false);
        if (!r) {
            showError(r.error(), [this] { loadConcerts(); });
            return;
        }
        const qint64 selected
            = m_concertsPage->selectedSchedule() ? m_concertsPage->selectedSchedule()->id : 0;
        m_concerts->setConcerts(r.value());
        m_concertsPage->selectSchedule(selected);
    });
}

void CustomerWindow::loadReservations()
{
    m_api->reservations(this, [this](const Result<QList<Reservation>> &r) {
        if (!r) {
            showError(r.error(), [this] { loadReservations(); });
            return;
        }
        m_reservations->setReservations(r.value());
    });
}

void CustomerWindow::onAccountNotice(const AccountNotice &n)
{
    const QString show = n.reservation
        ? tr("%1 on %2")
              .arg(n.reservation->concertTitle,
                   DisplayText::dateTime(n.reservation->startsAt, n.reservation->zone()))
        : QString();
    QString text;
    switch (n.kind) {
    case AccountNoticeKind::Refunded:
        text = tr("We refunded %1 to your wallet for %2.").arg(money::format(n.amount), show);
        break;
    case AccountNoticeKind::DateCancelled:
        text = n.amount > 0 ? tr("%1 was cancelled; %2 went back to your wallet.")
                                  .arg(show, money::format(n.amount))
                            : tr("%1 was cancelled; your hold was released.").arg(show);
        break;
    case AccountNoticeKind::WalletAdjusted:
        text = n.amount > 0 ? tr("We added %1 to your wallet.").arg(money::format(n.amount))
                            : tr("We took %1 from your wallet.").arg(money::format(-n.amount));
        break;
    case AccountNoticeKind::QueueRemoved:
        text = tr("Your place in the queue was ended by our staff.");
        break;
    case AccountNoticeKind::HoldReleased:
        if (!n.reservation)
            return;
        // The seat panel lets go of the hold at once, and the seat feed's own re-read of it
        // (which cannot know why) says nothing more.
        m_staffReleased.insert(n.reservation->id);
        m_reservations->upsert(*n.reservation);
        m_booking->reservationChanged(*n.reservation);
        m_feed->resync();
        text = tr("Our staff released your hold on seats %1 (%2). The seats are back on sale; "
                  "you can pick seats again while your turn lasts.",
                  nullptr, int(n.reservation->seats.size()))
                   .arg(DisplayText::seatList(n.reservation->seats), show);
        // The reason first, on its own line: it is what the customer needs to read.
        if (!n.reason.isEmpty())
            text = tr("Released by staff: %1").arg(n.reason) + u'\n' + text;
        m_notice->showMessage(NoticeBar::Kind::Info, text);
        loadReservations();
        return;
    }
    if (!n.reason.isEmpty())
        text += u' ' + tr("Reason: %1").arg(n.reason);
    m_notice->showMessage(NoticeBar::Kind::Info, text);
    loadReservations();
    refreshBalance();
}

void CustomerWindow::refreshBalance()
{
    m_api->wallet(this, [this](const Result<WalletInfo> &r) {
        if (r)
            setBalance(r->wallet.balance);
    });
}

void CustomerWindow::refreshCurrentPage()
{
    refreshBalance();
    switch (page()) {
    case Page::Concerts:
        loadConcerts();
        break;
    case Page::Seats:
        m_feed->resync();
        break;
    case Page::Tickets:
        loadReservations();
        break;
    case Page::Queue:
        break; // the watcher keeps polling by itself
    }
}

WalletDialog *CustomerWindow::openWallet(const QString &reason, Money suggested)
{
    if (!m_walletDialog) {
        m_walletDialog = new WalletDialog(m_api, this);
        m_walletDialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(m_walletDialog, &WalletDialog::balanceChanged, this, [this](Money balance) {
            setBalance(balance);
            // The shortfall the notice spoke of was just paid in: that notice is no longer true.
            if (m_notice->action() == ErrorAction::TopUp && !m_notice->text().isEmpty())
                m_notice->showMessage(NoticeBar::Kind::Success,
                                      tr("Your wallet now holds %1.").arg(money::format(balance)));
        });
        m_walletDialog->setServerReachable(m_api->isReachable());
        m_walletDialog->refresh();
    }
    m_walletDialog->setReason(reason, suggested);
    m_walletDialog->open();
    m_walletDialog->raise();
    m_walletDialog->activateWindow();
    return m_walletDialog;
}

// --- queue ---------------------------------------------------------------------------------------

void CustomerWindow::enterQueue(qint64 concertId, qint64 scheduleId)
{
    const QModelIndex index = m_concerts->indexOfSchedule(scheduleId);
    if (const Schedule *s = m_concerts->scheduleAt(index))
        setBookingContext(*m_concerts->concertAt(index), *s);
    else if (m_concert.id != concertId || m_schedule.id != scheduleId)
        return;
    m_notice->dismiss();
    m_queuePanel->setJoining();
    showPage(Page::Queue);
    m_queue->join(concertId);
}

void CustomerWindow::leaveQueue()
{
    m_queue->leave();
    endBooking();
    showPage(Page::Concerts);
    loadConcerts();
}

void CustomerWindow::openSeats()
{
    m_booking->setSchedule(m_schedule.id);
    m_feed->watchQueue(QString());
    m_seatPage->setContext(m_concert.title, m_schedule.startsAt, m_concert.zone(),
                           m_queue->ticket().activeUntil);
    if (m_seats->scheduleId() != m_schedule.id)
        m_seats->clear();
    m_seatPage->seatMap()->clearSelection();
    m_feed->watchSchedule(m_schedule.id);
    m_feed->resync();
    showPage(Page::Seats);
    if (std::exchange(m_payWhenAdmitted, false))
        confirmPayment();
}

void CustomerWindow::onTurnEnded()
{
    if (page() != Page::Seats)
        return;
    endBooking();
    m_notice->dismiss();
    m_turnEndedPage->setConcertTitle(m_concert.title);
    showPage(Page::TurnEnded);
}

void CustomerWindow::refreshTurnEnd()
{
    m_api->queueStatus(this, [this](const Result<QueueTicket> &r) {
        if (r && r->status == QueueStatus::Active && m_queue->isActive())
            m_seatPage->setTurnEnd(r->activeUntil);
    });
}

void CustomerWindow::endBooking()
{
    m_seatPage->setTurnEnd(QDateTime()); // no turn: its clock must not end anything later
    m_feed->watchSchedule(0);
    m_feed->watchQueue(QString());
    m_queue->reset();
    m_booking->reset();
    m_payWhenAdmitted = false;
    m_seatPage->clearHold();
    m_seats->clear();
}

// --- hold and pay --------------------------------------------------------------------------------

void CustomerWindow::connectBooking()
{
    connect(m_seatPage, &SeatPage::holdRequested, this, [this](const QList<int> &seats) {
        m_notice->dismiss();
        m_booking->hold(seats);
    });
    connect(m_seatPage, &SeatPage::releaseRequested, m_booking, &BookingController::release);
    connect(m_seatPage, &SeatPage::payRequested, this, &CustomerWindow::confirmPayment);
    connect(m_seatPage, &SeatPage::holdExpired, this, &CustomerWindow::onHoldExpired);
    connect(m_seatPage, &SeatPage::leaveRequested, this, [this] {
        if (!m_booking->currentHold()) {
            leaveQueue();
            return;
        }
        askKeepOrRelease(tr("You are leaving the seat map with seats on hold."),
                         [this](bool release) {
                             if (release) {
                                 m_booking->release();
                                 leaveQueue();
                                 return;
                             }
                             // Kept: the turn goes on (the hold extends it) and My tickets
                             // shows the hold with its Pay button.
                             showPage(Page::Tickets);
                             loadReservations();
                         });
    });
    connect(m_booking, &BookingController::busyChanged, m_seatPage, &SeatPage::setBusy);
    connect(m_booking, &BookingController::holdChanged, this, [this] {
        if (const auto &hold = m_booking->currentHold())
            m_seatPage->setHold(*hold);
        else
            m_seatPage->clearHold();
    });
    connect(m_booking, &BookingController::held, this, [this](const Reservation &r) {
        m_notice->showMessage(NoticeBar::Kind::Success,
                              tr("%n seat(s) held for you: %1. Pay before the timer runs out.",
                                 nullptr, int(r.seats.size()))
                                  .arg(DisplayText::seatList(r.seats)));
        m_feed->resync();
        refreshTurnEnd(); // the hold extended the turn
    });
    connect(m_booking, &BookingController::holdFailed, this, &CustomerWindow::onHoldFailed);
    connect(m_booking, &BookingController::released, this, [this](bool ok) {
        if (ok)
            m_notice->showMessage(NoticeBar::Kind::Info, tr("The seats were released."));
        m_feed->resync();
    });
    connect(m_booking, &BookingController::paid, this, [this](const PaymentReceipt &result) {
        m_notice->dismiss();
        showReceipt(result);
    });
    connect(m_booking, &BookingController::payFailed, this, &CustomerWindow::onPayFailed);
    connect(m_booking, &BookingController::holdEndedElsewhere, this,
            &CustomerWindow::onHoldEndedElsewhere);
}

void CustomerWindow::askKeepOrRelease(const QString &question,
                                      std::function<void(bool release)> decided)
{
    const auto &hold = m_booking->currentHold();
    if (!hold)
        return;
    QMessageBox *box = questionBox(this, tr("Seats on hold"), question);
    box->setObjectName(u"keepHoldBox"_s);
    box->setInformativeText(
        tr("Keep seats %1 to pay for them later in My tickets (until %2), or release them now?",
           nullptr, int(hold->seats.size()))
            .arg(DisplayText::seatList(hold->seats),
                 DisplayText::timeOfDay(hold->heldUntil, m_concert.zone())));
    QPushButton *keep = box->addButton(tr("Keep my hold"), QMessageBox::AcceptRole);
    keep->setObjectName(u"keepHoldButton"_s);
    QPushButton *release = box->addButton(tr("Release seats"), QMessageBox::DestructiveRole);
    release->setObjectName(u"releaseKeptHoldButton"_s);
    QPushButton *cancel = box->addButton(QMessageBox::Cancel);
    cancel->setObjectName(u"keepHoldCancelButton"_s);
    box->setDefaultButton(keep);
    connect(box, &QMessageBox::finished, this, [box, keep, release, decided] {
        if (box->clickedButton() == keep)
            decided(false);
        else if (box->clickedButton() == release)
            decided(true);
    });
    box->open();
}

void CustomerWindow::closeEvent(QCloseEvent *event)
{
    // Logging out closes the window without quitting (the hold stays, in My tickets); quitting
    // with a hold asks first.
    if (m_closeDecided || !m_booking->currentHold() || !testAttribute(Qt::WA_QuitOnClose)) {
        QMainWindow::closeEvent(event);
        return;
    }
    event->ignore();
    askKeepOrRelease(tr("You are quitting Encore with seats on hold."), [this](bool release) {
        m_closeDecided = true;
        if (!release) {
            close();
            return;
        }
        connect(m_booking, &BookingController::released, this, &QWidget::close,
                Qt::SingleShotConnection);
        m_booking->release();
    });
}

void CustomerWindow::payKeptHold(const Reservation &reservation)
{
    m_booking->adopt(reservation);
    const auto &hold = m_booking->currentHold();
    if (!hold || hold->id != reservation.id)
        return;
    // Payment needs the account's turn: joining again keeps the place in line, and a hold kept
    // the turn open, so the customer is admitted at once and the payment is confirmed there.
    // The reservation names its date, so this works before the concert list has loaded too.
    Concert concert;
    concert.id = reservation.concertId;
    concert.title = reservation.concertTitle;
    Schedule schedule;
    schedule.id = reservation.scheduleId;
    schedule.concertId = reservation.concertId;
    schedule.startsAt = reservation.startsAt;
    setBookingContext(concert, schedule);
    m_payWhenAdmitted = true;
    enterQueue(reservation.concertId, reservation.scheduleId);
}

void CustomerWindow::onHoldEndedElsewhere(const Reservation &reservation)
{
    const QString seats = DisplayText::seatList(reservation.seats);
    m_reservations->upsert(reservation);
    switch (reservation.status) {
    case ReservationStatus::Paid:
        // Paying ends the turn on the server too: the booking is over, the tickets are kept.
        endBooking();
        showPage(Page::Tickets);
        loadReservations();
        refreshBalance();
        m_notice->showMessage(NoticeBar::Kind::Success,
                              tr("Seats %1 were paid for in another window of your account. "
                                 "Your tickets are below.")
                                  .arg(seats));
        return;
    case ReservationStatus::Expired:
        onHoldExpired();
        return;
    default:
        m_feed->resync();
        if (m_staffReleased.contains(reservation.id))
            return; // staff's own notice told the customer why
        m_notice->showError({tr("Your hold on seats %1 was released by the box office or from "
                                "another window of your account.",
                                nullptr, int(reservation.seats.size()))
                                 .arg(seats),
                             tr("The seats are back on sale. You can pick seats again while "
                                "your turn lasts."),
                             ErrorAction::None});
        return;
    }
}

void CustomerWindow::onHoldFailed(const ApiError &e, const QList<int> &seats)
{
    if (e.code == ErrorCode::InsufficientBalance) {
        Money total = 0;
        for (int n : seats)
            total += m_seats->seat(n) ? m_seats->seat(n)->price : 0;
        const Money shortBy = std::max<Money>(0, total - m_balance);
        showError(e);
        openWallet(tr("These seats cost %1 and your wallet has %2. Top up, then hold them "
                      "again.")
                       .arg(money::format(total), money::format(m_balance)),
                   shortBy);
        return;
    }
    if (e.code == ErrorCode::SeatUnavailable) {
        m_feed->resync();
        // The seats someone else got: the customer may wait for them to come back.
        QList<int> lost;
        for (const QJsonValue &n : e.details.value(u"seats"_s).toArray())
            lost.append(n.toInt());
        if (!lost.isEmpty() && m_booking->scheduleId() > 0)
            m_waitPanel->askToWait(m_booking->scheduleId(), lost);
    }
    showError(e, [this] { m_booking->retry(); });
}

void CustomerWindow::connectWaitingList()
{
    connect(m_feed, &LiveFeed::seatOffered, this, &CustomerWindow::showSeatOffer);
    connect(m_waitPanel, &SeatWaitPanel::joinRequested, this,
            [this](qint64 scheduleId, const QList<int> &seats) {
                m_api->joinSeatWait({scheduleId, seats, {}}, this,
                                    [this](const Result<SeatWait> &r) {
                                        if (!r)
                                            return showError(r.error());
                                        m_waitPanel->showWaiting(r.value());
                                    });
            });
    connect(m_waitPanel, &SeatWaitPanel::leaveRequested, this, [this](qint64 waitId) {
        m_api->leaveSeatWait(waitId, this, [this, waitId](const Result<Empty> &r) {
            if (!r)
                return showError(r.error());
            m_waitPanel->finish(waitId);
            m_notice->showMessage(NoticeBar::Kind::Info, tr("You left the waiting list."));
        });
    });
    // The offer is a hold of the customer's: paid like a kept hold (re-join the line — the offer
    // gave a turn — then confirm).
    connect(m_waitPanel, &SeatWaitPanel::payRequested, this, [this](const SeatWait &wait) {
        Reservation r;
        r.id = wait.offer->reservationId;
        r.scheduleId = wait.scheduleId;
        r.concertId = wait.concertId;
        r.seats = {wait.offer->seat};
        r.total = wait.offer->price;
        r.heldUntil = wait.offer->offeredUntil;
        r.concertTitle = wait.concertTitle;
        r.startsAt = wait.startsAt;
        payKeptHold(r);
    });
    connect(m_waitPanel, &SeatWaitPanel::declineRequested, this, [this](qint64 waitId) {
        m_api->declineSeatOffer(waitId, this, [this, waitId](const Result<SeatWait> &r) {
            if (!r)
                return showError(r.error());
            m_waitPanel->finish(waitId);
            m_seatPage->seatMap()->setOfferedSeat(0);
            if (r.value().offer) { // the offer may have been taken as the current hold (Pay)
                Reservation declined;
                declined.id = r.value().offer->reservationId;
                declined.status = ReservationStatus::Cancelled;
                m_booking->reservationChanged(declined);
            }
            m_feed->resync();
            m_notice->showMessage(NoticeBar::Kind::Info,
                                  tr("You declined the seat; it goes to the next person waiting."));
        });
    });
    connect(m_waitPanel, &SeatWaitPanel::offerLapsed, this, [this](const SeatWait &) {
        m_seatPage->seatMap()->setOfferedSeat(0);
        m_feed->resync();
        m_notice->showMessage(NoticeBar::Kind::Info,
                              tr("The seat offered to you was not paid in time and went to the "
                                 "next person waiting."));
    });
    connect(m_booking, &BookingController::paid, this, [this](const PaymentReceipt &result) {
        const auto &wait = m_waitPanel->wait();
        if (wait && wait->offer && wait->offer->reservationId == result.reservation.id) {
            m_waitPanel->finish(wait->id);
            m_seatPage->seatMap()->setOfferedSeat(0);
        }
    });
}

void CustomerWindow::loadSeatWaits()
{
    m_api->seatWaits(this, [this](const Result<QList<SeatWait>> &r) {
        if (!r)
            return;
        const QDateTime now = QDateTime::currentDateTimeUtc();
        for (const SeatWait &w : r.value()) {
            if (w.isLiveOffer(now))
                return showSeatOffer(w);
        }
        for (const SeatWait &w : r.value()) {
            if (w.status == SeatWaitStatus::Waiting)
                return m_waitPanel->showWaiting(w);
        }
    });
}

void CustomerWindow::showSeatOffer(const SeatWait &wait)
{
    m_notice->dismiss(); // "seat taken" is old news now
    m_waitPanel->showOffer(wait);
    if (m_seats->scheduleId() == wait.scheduleId && wait.offer) {
        m_seatPage->seatMap()->setOfferedSeat(wait.offer->seat);
        m_feed->resync();
    }
}

void CustomerWindow::onHoldExpired()
{
    m_booking->forgetHold();
    m_feed->resync();
    m_notice->showError({tr("Your hold expired and the seats were released."),
                         tr("You can pick seats again while your turn lasts."), ErrorAction::None});
}

void CustomerWindow::confirmPayment()
{
    if (!m_booking->currentHold())
        return;
    m_seatPage->setBusy(true);
    m_api->wallet(this, [this](const Result<WalletInfo> &w) {
        m_seatPage->setBusy(false);
        const auto &hold = m_booking->currentHold();
        if (!hold)
            return;
        if (w)
            setBalance(w->wallet.balance);
        auto *dialog = new PaymentConfirmDialog(this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->setReservation(*hold, m_concert.title, m_schedule.startsAt);
        dialog->setBalance(m_balance);
        connect(dialog, &PaymentConfirmDialog::topUpRequested, this, [this, dialog](Money shortBy) {
            WalletDialog *wallet = openWallet(
                tr("Add at least %1 to pay for your seats.").arg(money::format(shortBy)), shortBy);
            connect(wallet, &WalletDialog::balanceChanged, dialog,
                    &PaymentConfirmDialog::setBalance);
        });
        // The hold may end while the customer reads (it ran out, staff released it).
        connect(m_booking, &BookingController::holdChanged, dialog, [this, dialog] {
            if (!m_booking->currentHold())
                dialog->reject();
        });
        connect(dialog, &QDialog::accepted, this, [this] {
            m_notice->showMessage(NoticeBar::Kind::Info, tr("Paying…"));
            m_booking->pay();
        });
        dialog->open();
    });
}

void CustomerWindow::onPayFailed(const ApiError &e)
{
    if (e.code == ErrorCode::InsufficientBalance) {
        const Money total = m_booking->currentHold() ? m_booking->currentHold()->total : 0;
        const Money shortBy = std::max<Money>(0, total - m_balance);
        showError(e);
        openWallet(tr("Add at least %1 to pay for your seats.").arg(money::format(shortBy)),
                   shortBy);
        return;
    }
    if (e.code == ErrorCode::ReservationExpired)
        m_feed->resync();
    showError(e, [this] { m_booking->retry(); });
}

void CustomerWindow::showReceipt(const PaymentReceipt &result)
{
    Reservation paid = result.reservation;
    if (paid.concertTitle.isEmpty())
        paid.concertTitle = m_concert.title;
    if (!paid.startsAt.isValid())
        paid.startsAt = m_schedule.startsAt;
    setBalance(result.balance);
    // The purchase ends the queue turn (the server expires the token). Behind the receipt the
    // customer sees the new ticket, not an emptied seat map.
    endBooking();
    m_reservations->upsert(paid);
    showPage(Page::Tickets);
    auto *dialog = new ReceiptDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setReceipt(paid, result.payment.paidAt, result.balance,
                       result.payment.id.toString(QUuid::WithoutBraces));
    connect(dialog, &QDialog::finished, this, [this, dialog] {
        showPage(dialog->wantsTickets() ? Page::Tickets : Page::Concerts);
        if (dialog->wantsTickets())
            loadReservations();
        else
            loadConcerts();
    });
    dialog->open();
}

// --- my tickets ----------------------------------------------------------------------------------

void CustomerWindow::cancelReservation(const Reservation &reservation)
{
    const bool refund = reservation.status == ReservationStatus::Paid;
    m_api->cancelReservation(reservation.id, this, [this, refund](const Result<Reservation> &r) {
        if (!r) {
            showError(r.error());
            loadReservations();
            return;
        }
        m_reservations->upsert(r.value());
        m_booking->reservationChanged(r.value());
        refreshBalance();
        m_notice->showMessage(NoticeBar::Kind::Success,
                              refund
                                  ? tr("Refunded %1 to your wallet.").arg(money::format(r->total))
                                  : tr("The hold was cancelled and the seats released."));
    });
}

void CustomerWindow::askRefund(const Reservation &reservation)
{
    QMessageBox *box = questionBox(
        this, tr("Refund ticket"),
        tr("Refund seats %1 for %2? The seats go back on sale.", nullptr,
           int(reservation.seats.size()))
            .arg(DisplayText::seatList(reservation.seats), money::format(reservation.total)));
    box->setStandardButtons(QMessageBox::Yes | QMessageBox::No);
    box->setObjectName(u"refundConfirmBox"_s);
    box->button(QMessageBox::Yes)->setText(tr("Refund"));
    box->button(QMessageBox::Yes)->setObjectName(u"refundYesButton"_s);
    box->button(QMessageBox::No)->setText(tr("Keep ticket"));
    box->button(QMessageBox::No)->setObjectName(u"refundNoButton"_s);
    box->setDefaultButton(QMessageBox::No); // Enter must not refund
    connect(box, &QMessageBox::finished, this, [this, reservation](int result) {
        if (result == QMessageBox::Yes)
            cancelReservation(reservation);
    });
    box->open();
}

} // namespace encore
