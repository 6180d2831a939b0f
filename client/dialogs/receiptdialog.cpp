#include "receiptdialog.h"

#include "models/displaytext.h"
#include "widgets/icons.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace encore {

ReceiptDialog::ReceiptDialog(QWidget *parent)
    : QDialog(parent)
    , m_heading(new QLabel(this))
    , m_body(new QLabel(this))
    , m_tickets(new QPushButton(this))
    , m_close(new QPushButton(this))
{
    setObjectName(u"receiptDialog"_s);
    setWindowIcon(Icons::icon(IconKind::Ticket));
    setMinimumWidth(420);
    m_heading->setObjectName(u"receiptHeading"_s);
    m_body->setObjectName(u"receiptBody"_s);
    m_body->setTextFormat(Qt::RichText);
    m_body->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_tickets->setObjectName(u"viewTicketsButton"_s);
    m_tickets->setProperty("primary", true);
    m_tickets->setDefault(true);
    m_close->setObjectName(u"receiptCloseButton"_s);
    connect(m_tickets, &QPushButton::clicked, this, [this] {
        m_wantsTickets = true;
        accept();
    });
    connect(m_close, &QPushButton::clicked, this, &QDialog::accept);

    auto *icon = new QLabel(this);
    icon->setPixmap(Icons::pixmap(IconKind::Ticket, 40, QColor(0x1b, 0x7f, 0x3b)));
    auto *head = new QHBoxLayout;
    head->addWidget(icon);
    head->addWidget(m_heading, 1);
    auto *card = new QWidget(this);
    card->setObjectName(u"summaryCard"_s);
    auto *cardLayout = new QVBoxLayout(card);
    cardLayout->addWidget(m_body);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(m_close);
    buttons->addWidget(m_tickets);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 20, 24, 20);
    layout->setSpacing(14);
    layout->addLayout(head);
    layout->addWidget(card);
    layout->addLayout(buttons);
    retranslate();
}

void ReceiptDialog::setReceipt(const Reservation &reservation, const QDateTime &paidAt,
                               Money balance, const QString &reference)
{
    m_reservation = reservation;
    m_paidAt = paidAt;
    m_balance = balance;
    m_reference = reference;
    retranslate();
}

void ReceiptDialog::retranslate()
{
    setWindowTitle(tr("Receipt"));
    m_heading->setText(tr("You're going! Payment complete."));
    const auto row = [](const QString &caption, const QString &value) {
        return u"<tr><td style='color:#6b7280;padding:3px 18px 3px 0'>%1</td>"
               u"<td style='padding:3px 0'><b>%2</b></td></tr>"_s.arg(caption.toHtmlEscaped(),
                                                                      value.toHtmlEscaped());
    };
    QString html = u"<table>"_s;
    html += row(tr("Concert"), m_reservation.concertTitle);
    html += row(tr("Date"), DisplayText::dateTime(m_reservation.startsAt, m_reservation.zone()));
    html += row(tr("Seats"), DisplayText::seatList(m_reservation.seats));
    html += row(tr("Paid"), money::format(m_reservation.total));
    html += row(tr("Paid at"), DisplayText::dateTime(m_paidAt, m_reservation.zone()));
    if (m_balance >= 0)
        html += row(tr("Wallet balance"), money::format(m_balance));
    html += row(tr("Reference"), m_reference);
    html += u"</table>"_s;
    m_body->setText(html);
    m_tickets->setText(tr("View my tickets"));
    m_close->setText(tr("Close"));
}

void ReceiptDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QDialog::changeEvent(event);
}

} // namespace encore
