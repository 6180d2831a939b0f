#include "paymentconfirmdialog.h"

#include "models/displaytext.h"
#include "widgets/icons.h"
#include "widgets/repolish.h"

#include <QEvent>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace encore {

namespace {
enum Row { ConcertRow, DateRow, SeatsRow, TotalRow, BeforeRow, AfterRow, RowCount };
const char *const kValueNames[]
    = {"payConcert", "payDate", "paySeats", "payTotal", "payBalanceBefore", "payBalanceAfter"};
} // namespace

PaymentConfirmDialog::PaymentConfirmDialog(QWidget *parent)
    : QDialog(parent)
    , m_heading(new QLabel(this))
    , m_warning(new QLabel(this))
    , m_topUp(new QPushButton(this))
    , m_confirm(new QPushButton(this))
    , m_back(new QPushButton(this))
{
    setObjectName(u"paymentConfirmDialog"_s);
    setWindowIcon(Icons::icon(IconKind::Ticket));
    setMinimumWidth(440);
    m_heading->setObjectName(u"dialogHeading"_s);
    m_warning->setObjectName(u"payWarning"_s);
    m_warning->setWordWrap(true);
    m_topUp->setObjectName(u"payTopUpButton"_s);
    m_confirm->setObjectName(u"confirmPayButton"_s);
    m_confirm->setProperty("primary", true);
    m_confirm->setDefault(true);
    m_back->setObjectName(u"payBackButton"_s);

    auto *card = new QWidget(this);
    card->setObjectName(u"summaryCard"_s);
    auto *grid = new QGridLayout(card);
    grid->setContentsMargins(18, 14, 18, 14);
    grid->setVerticalSpacing(8);
    for (int row = 0; row < RowCount; ++row) {
        auto *caption = new QLabel(card);
        caption->setObjectName(u"caption"_s);
        auto *value = new QLabel(card);
        value->setObjectName(QString::fromLatin1(kValueNames[row]));
        value->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
        value->setWordWrap(true);
        if (row == TotalRow || row == AfterRow)
            value->setProperty("strong", true);
        grid->addWidget(caption, row, 0);
        grid->addWidget(value, row, 1);
        m_captions.append(caption);
        m_values.append(value);
    }
    grid->setColumnStretch(1, 1);

    connect(m_confirm, &QPushButton::clicked, this, &QDialog::accept);
    connect(m_back, &QPushButton::clicked, this, &QDialog::reject);
    connect(m_topUp, &QPushButton::clicked, this,
            [this] { Q_EMIT topUpRequested(m_reservation.total - m_balance); });

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_back);
    buttons->addStretch();
    buttons->addWidget(m_topUp);
    buttons->addWidget(m_confirm);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 20, 24, 20);
    layout->setSpacing(14);
    layout->addWidget(m_heading);
    layout->addWidget(card);
    layout->addWidget(m_warning);
    layout->addLayout(buttons);
    retranslate();
}

void PaymentConfirmDialog::setReservation(const Reservation &reservation,
                                          const QString &concertTitle, const QDateTime &startsAt)
{
    m_reservation = reservation;
    m_title = concertTitle.isEmpty() ? reservation.concertTitle : concertTitle;
    m_startsAt = startsAt.isValid() ? startsAt : reservation.startsAt;
    retranslate();
}

void PaymentConfirmDialog::setBalance(Money balance)
{
    m_balance = balance;
    retranslate();
}

void PaymentConfirmDialog::retranslate()
{
    setWindowTitle(tr("Confirm payment"));
    m_heading->setText(tr("Check and pay"));
    const QStringList captions {tr("Concert"), tr("Date"),       tr("Seats"),
                                tr("Total"),   tr("Wallet now"), tr("Wallet after")};
    for (int i = 0; i < RowCount; ++i)
        m_captions.at(i)->setText(captions.at(i));
    m_values.at(ConcertRow)->setText(m_title);
    m_values.at(DateRow)->setText(DisplayText::dateTime(m_startsAt, m_reservation.zone()));
    m_values.at(SeatsRow)->setText(DisplayText::seatList(m_reservation.seats));
    m_values.at(TotalRow)->setText(money::format(m_reservation.total));
    m_values.at(BeforeRow)->setText(money::format(m_balance));
    m_values.at(AfterRow)->setText(canPay() ? money::format(m_balance - m_reservation.total)
                                            : tr("not enough"));
    m_warning->setText(canPay() ? tr("Your seats stay held while you decide.")
                                : tr("Your wallet is %1 short. Top up first; your seats stay "
                                     "held.")
                                      .arg(money::format(m_reservation.total - m_balance)));
    m_warning->setProperty("invalid", !canPay());
    m_values.at(AfterRow)->setProperty("invalid", !canPay());
    repolish(this);
    m_topUp->setText(tr("Top up wallet"));
    m_topUp->setVisible(!canPay());
    m_confirm->setText(tr("Pay %1").arg(money::format(m_reservation.total)));
    m_confirm->setEnabled(canPay());
    m_back->setText(tr("Back"));
}

void PaymentConfirmDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QDialog::changeEvent(event);
}

} // namespace encore
