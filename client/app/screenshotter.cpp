#include "screenshotter.h"

#include "app/languagemanager.h"
#include "app/sampledata.h"
#include "customer/customerwindow.h"
#include "customer/seatpage.h"
#include "dialogs/logindialog.h"
#include "dialogs/paymentconfirmdialog.h"
#include "dialogs/receiptdialog.h"
#include "dialogs/walletdialog.h"
#include "models/concertlistmodel.h"
#include "models/reservationlistmodel.h"
#include "models/seatmapmodel.h"
#include "net/apiclient.h"
#include "widgets/connectionbanner.h"
#include "widgets/queuepanel.h"
#include "widgets/seatmapwidget.h"

#include <QApplication>
#include <QDir>
#include <QTableView>
#include <QTreeView>

using namespace Qt::StringLiterals;

namespace encore {

Screenshotter::Screenshotter(QString directory, LanguageManager *languages)
    : m_directory(std::move(directory))
    , m_languages(languages)
{
}

QStringList Screenshotter::run()
{
    if (!QDir().mkpath(m_directory)) {
        m_error = u"cannot create %1"_s.arg(m_directory);
        return {};
    }
    m_languages->setLanguage(u"en"_s, false);
    shootAll(QString(), true);
    shootAdmin(QString(), true);
    m_languages->setLanguage(u"ko"_s, false);
    shootAll(u"-ko"_s, false);
    shootAdmin(u"-ko"_s, false);
    m_languages->setLanguage(u"en"_s, false);
    return m_error.isEmpty() ? m_written : QStringList();
}

bool Screenshotter::save(QWidget *widget, const QString &name)
{
    widget->show();
    QApplication::processEvents();
    const QString path = QDir(m_directory).filePath(name + u".png"_s);
    if (!widget->grab().save(path)) {
        m_error = u"cannot write %1"_s.arg(path);
        return false;
    }
    m_written.append(path);
    return true;
}

void Screenshotter::shootAll(const QString &suffix, bool everything)
{
    // An address nothing listens on: the sample mode never calls it.
    ApiClient api;
    api.setBaseUrl(QUrl(u"http://127.0.0.1:9"_s));

    LoginDialog login(&api);
    login.setServerUrl(u"https://tickets.example.kr"_s);
    save(&login, u"login"_s + suffix);
    if (everything) {
        login.setMode(LoginDialog::Mode::Register);
        save(&login, u"register"_s);
    }

    Session session;
    session.user.username = u"minji"_s;
    CustomerWindow window(&api, session, m_languages);
    window.setBalance(sample::wallet().wallet.balance);
    const QList<Concert> concerts = sample::concerts();
    window.concertModel()->setConcerts(concerts);
    const Concert &concert = concerts.first();
    const Schedule &date = concert.schedules.first();
    window.findChild<QTreeView *>(u"concertTree"_s)
        ->setCurrentIndex(window.concertModel()->indexOfSchedule(date.id));
    window.showPage(CustomerWindow::Page::Concerts);
    save(&window, u"concerts"_s + suffix);

    window.setBookingContext(concert, date);
    window.queuePanel()->setTicket(sample::waitingTicket(), 460);
    window.showPage(CustomerWindow::Page::Queue);
    save(&window, u"queue"_s + suffix);

    window.seatModel()->setSeatMap(sample::seatMap(date.id));
    window.seatPage()->setContext(concert.title, date.startsAt, concert.zone(),
                                  sample::now().addSecs(540));
    SeatMapModel *seats = window.seatModel();
    Q_UNUSED(seats);
    window.seatPage()->seatMap()->setSeatSelected(26, true);
    window.seatPage()->seatMap()->setSeatSelected(27, true);
    window.showPage(CustomerWindow::Page::Seats);
    window.findChild<QWidget *>(u"holdButton"_s)->setFocus();
    save(&window, u"seats"_s + suffix);

    if (everything) {
        Reservation held = sample::reservations().first();
        window.seatPage()->setHold(held);
        save(&window, u"seats-held"_s);
        window.seatPage()->clearHold();

        window.reservationModel()->setReservations(sample::reservations());
        window.showPage(CustomerWindow::Page::Tickets);
        window.findChild<QTableView *>(u"ticketsView"_s)->selectRow(1);
        save(&window, u"tickets"_s);

        // One banner for the outage, floating over the page; Hold waits for the server.
        window.showPage(CustomerWindow::Page::Seats);
        window.seatPage()->seatMap()->setSeatSelected(26, true);
        window.connectionBanner()->showOffline(
            ApiClient::tr("The Encore server at %1 cannot be reached.")
                .arg(u"tickets.example.kr"_s));
        window.seatPage()->setServerReachable(false);
        save(&window, u"offline"_s);
        window.seatPage()->setServerReachable(true);
    }
    window.hide();

    WalletDialog wallet(&api);
    wallet.setWallet(sample::wallet());
    wallet.setLedger(sample::ledger());
    wallet.setReason(u"These seats cost %1 and your wallet has %2."_s.arg(money::format(264'000),
                                                                          money::format(118'000)),
                     146'000);
    if (!everything)
        wallet.setReason(QString());
    save(&wallet, u"wallet"_s + suffix);

    PaymentConfirmDialog confirm;
    const Reservation hold = sample::reservations().first();
    confirm.setReservation(hold, concert.title, date.startsAt);
    confirm.setBalance(sample::wallet().wallet.balance);
    save(&confirm, u"payment-confirm"_s + suffix);
    if (everything) {
        confirm.setBalance(118'000);
        save(&confirm, u"payment-confirm-short"_s);
    }

    ReceiptDialog receipt;
    const PaymentReceipt paid = sample::payment();
    receipt.setReceipt(paid.reservation, paid.payment.paidAt, paid.balance,
                       paid.payment.id.toString(QUuid::WithoutBraces));
    save(&receipt, u"receipt"_s + suffix);
}

} // namespace encore
