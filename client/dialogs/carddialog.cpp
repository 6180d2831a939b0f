#include "carddialog.h"

#include "net/errortext.h"
#include "payments/cardnumber.h"
#include "widgets/repolish.h"

#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpressionValidator>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace encore {

CardDialog::CardDialog(Money amount, QWidget *parent)
    : QDialog(parent)
    , m_amount(amount)
    , m_title(new QLabel(this))
    , m_numberCaption(new QLabel(this))
    , m_number(new QLineEdit(this))
    , m_expiryCaption(new QLabel(this))
    , m_expiry(new QLineEdit(this))
    , m_cvcCaption(new QLabel(this))
    , m_cvc(new QLineEdit(this))
    , m_holderCaption(new QLabel(this))
    , m_holder(new QLineEdit(this))
    , m_codeCaption(new QLabel(this))
    , m_code(new QLineEdit(this))
    , m_status(new QLabel(this))
    , m_notice(new QLabel(this))
    , m_pay(new QPushButton(this))
    , m_cancel(new QPushButton(this))
{
    setObjectName(u"cardDialog"_s);
    setAttribute(Qt::WA_DeleteOnClose);
    m_title->setObjectName(u"sectionTitle"_s);
    m_number->setObjectName(u"cardNumberEdit"_s);
    m_number->setMaxLength(23); // 19 digits and their spaces
    m_number->setInputMethodHints(Qt::ImhDigitsOnly | Qt::ImhSensitiveData
                                  | Qt::ImhNoPredictiveText);
    m_expiry->setObjectName(u"cardExpiryEdit"_s);
    m_expiry->setInputMask(u"99/99;_"_s);
    m_cvc->setObjectName(u"cardCvcEdit"_s);
    m_cvc->setEchoMode(QLineEdit::Password);
    m_cvc->setMaxLength(4);
    m_cvc->setValidator(
        new QRegularExpressionValidator(QRegularExpression(u"[0-9]{0,4}"_s), m_cvc));
    m_holder->setObjectName(u"cardHolderEdit"_s);
    m_holder->setMaxLength(100);
    m_code->setObjectName(u"cardCodeEdit"_s);
    m_code->setMaxLength(10);
    m_code->hide();
    m_codeCaption->hide();
    m_status->setObjectName(u"cardStatus"_s);
    m_status->setWordWrap(true);
    m_notice->setObjectName(u"cardNotice"_s);
    m_notice->setWordWrap(true);
    m_pay->setObjectName(u"cardPayButton"_s);
    m_pay->setProperty("primary", true);
    m_pay->setDefault(true);
    m_cancel->setObjectName(u"cardCancelButton"_s);

    auto *form = new QFormLayout;
    form->addRow(m_numberCaption, m_number);
    form->addRow(m_expiryCaption, m_expiry);
    form->addRow(m_cvcCaption, m_cvc);
    form->addRow(m_holderCaption, m_holder);
    form->addRow(m_codeCaption, m_code);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(m_cancel);
    buttons->addWidget(m_pay);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 20, 24, 20);
    layout->addWidget(m_title);
    layout->addLayout(form);
    layout->addWidget(m_status);
    layout->addWidget(m_notice);
    layout->addLayout(buttons);

    connect(m_number, &QLineEdit::textEdited, this, &CardDialog::regroup);
    for (QLineEdit *edit : {m_number, m_expiry, m_cvc, m_code})
        connect(edit, &QLineEdit::textChanged, this, &CardDialog::validate);
    connect(m_pay, &QPushButton::clicked, this, &CardDialog::submit);
    connect(m_cancel, &QPushButton::clicked, this, &QDialog::reject);
    retranslate();
}

CardDialog::~CardDialog()
{
    // Nothing of the card outlives the dialog (the text is not kept in any undo history either).
    for (QLineEdit *edit : {m_number, m_cvc})
        edit->clear();
}

std::pair<int, int> CardDialog::parseExpiry(const QString &text)
{
    const QStringList parts = text.split(u'/');
    if (parts.size() != 2 || parts[0].size() != 2 || parts[1].size() != 2)
        return {0, 0};
    bool okMonth = false;
    bool okYear = false;
    const int month = parts[0].toInt(&okMonth);
    const int year = parts[1].toInt(&okYear);
    if (!okMonth || !okYear)
        return {0, 0};
    return {month, 2000 + year};
}

QString CardDialog::cardProblem(const QString &number, const QString &expiry, const QString &cvc,
                                QDate today)
{
    const QString digits = card::digitsOf(number);
    if (digits.size() < 12)
        return tr("Enter the card number.");
    if (!card::isValidNumber(digits))
        return tr("This card number is not valid; please check it.");
    const auto [month, year] = parseExpiry(expiry);
    if (month == 0)
        return tr("Enter the expiry date as MM/YY.");
    if (!card::isFutureExpiry(month, year, today.month(), today.year()))
        return tr("This card has expired.");
    if (cvc.size() < 3)
        return tr("Enter the 3 or 4 digits on the back of the card.");
    return {};
}

void CardDialog::regroup()
{
    const QString digits = card::digitsOf(m_number->text()).left(19);
    const QString grouped = card::grouped(digits);
    if (grouped != m_number->text())
        m_number->setText(grouped);
}

void CardDialog::validate()
{
    if (m_busy)
        return;
    const QString problem = m_askingCode
        ? (m_code->text().trimmed().isEmpty() ? tr("Enter the one-time code.") : QString())
        : cardProblem(m_number->text(), m_expiry->text(), m_cvc->text(), QDate::currentDate());
    m_pay->setEnabled(problem.isEmpty());
    if (m_askingCode)
        return; // the status keeps the card company's question
    const bool typed = !card::digitsOf(m_number->text()).isEmpty();
    m_status->setText(typed ? problem : QString());
    m_status->setProperty("invalid", typed && !problem.isEmpty());
    repolish(m_status);
}

void CardDialog::submit()
{
    if (!m_pay->isEnabled())
        return;
    if (m_askingCode) {
        setBusy(tr("Checking the code…"));
        Q_EMIT codeSubmitted(m_code->text().trimmed());
        return;
    }
    const auto [month, year] = parseExpiry(m_expiry->text());
    gateway::CardAuthorization card;
    card.number = card::digitsOf(m_number->text());
    card.expMonth = month;
    card.expYear = year;
    card.cvc = m_cvc->text();
    card.holder = m_holder->text().trimmed();
    setBusy(tr("Sending your card to the payment company…"));
    Q_EMIT submitted(card);
}

void CardDialog::setFormEnabled(bool enabled)
{
    for (QLineEdit *edit : {m_number, m_expiry, m_cvc, m_holder})
        edit->setEnabled(enabled && !m_askingCode);
    m_code->setEnabled(enabled);
    m_pay->setEnabled(enabled);
}

void CardDialog::setBusy(const QString &text)
{
    m_busy = true;
    setFormEnabled(false);
    m_status->setText(text);
    m_status->setProperty("invalid", false);
    repolish(m_status);
}

void CardDialog::showDeclined(const ApiError &error)
{
    m_busy = false;
    m_askingCode = false;
    m_code->hide();
    m_codeCaption->hide();
    setFormEnabled(true);
    validate();
    m_status->setText(ErrorText::describe(error).full());
    m_status->setProperty("invalid", true);
    repolish(m_status);
    m_pay->setText(tr("Try again"));
}

void CardDialog::askForCode(const QString &challenge)
{
    m_busy = false;
    m_askingCode = true;
    m_codeCaption->show();
    m_code->show();
    m_code->clear();
    setFormEnabled(true);
    validate();
    m_status->setText(challenge.isEmpty() ? tr("Your card company asks for a one-time code.")
                                          : challenge);
    m_pay->setText(tr("Confirm code"));
    m_code->setFocus();
}

void CardDialog::showApproved(const QString &text)
{
    m_busy = false;
    m_status->setText(text);
    m_status->setProperty("invalid", false);
    repolish(m_status);
    accept();
}

void CardDialog::retranslate()
{
    setWindowTitle(tr("Pay by card"));
    m_title->setText(tr("Top up %1 by card").arg(money::format(m_amount)));
    m_numberCaption->setText(tr("Card number"));
    m_number->setPlaceholderText(tr("1234 5678 9012 3456"));
    m_expiryCaption->setText(tr("Expiry (MM/YY)"));
    m_cvcCaption->setText(tr("CVC"));
    m_holderCaption->setText(tr("Name on card"));
    m_codeCaption->setText(tr("One-time code"));
    m_notice->setText(
        tr("Your card goes straight to the payment company over an encrypted connection; Encore "
           "never sees or stores its number. Ticket refunds go back to your Encore wallet, not to "
           "this card."));
    m_pay->setText(m_askingCode ? tr("Confirm code") : tr("Pay %1").arg(money::format(m_amount)));
    m_cancel->setText(tr("Cancel"));
}

void CardDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QDialog::changeEvent(event);
}

} // namespace encore
