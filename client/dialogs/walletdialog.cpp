#include "walletdialog.h"

#include "models/ledgermodel.h"
#include "net/apiclient.h"
#include "net/errortext.h"
#include "widgets/icons.h"
#include "widgets/repolish.h"

#include <QEvent>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace encore {

WalletDialog::WalletDialog(ApiClient *api, QWidget *parent)
    : QDialog(parent)
    , m_api(api)
    , m_ledger(new LedgerModel(this))
    , m_balanceCaption(new QLabel(this))
    , m_balance(new QLabel(this))
    , m_reason(new QLabel(this))
    , m_quickCaption(new QLabel(this))
    , m_amountCaption(new QLabel(this))
    , m_amount(new QLineEdit(this))
    , m_amountNote(new QLabel(this))
    , m_topUp(new QPushButton(this))
    , m_ledgerCaption(new QLabel(this))
    , m_ledgerView(new QTableView(this))
    , m_close(new QPushButton(this))
{
    setObjectName(u"walletDialog"_s);
    setWindowIcon(Icons::icon(IconKind::Wallet));
    resize(640, 620);
    m_balanceCaption->setObjectName(u"caption"_s);
    m_balance->setObjectName(u"walletBalance"_s);
    m_reason->setObjectName(u"walletReason"_s);
    m_reason->setWordWrap(true);
    m_reason->hide();
    for (QLabel *caption : {m_quickCaption, m_amountCaption, m_ledgerCaption})
        caption->setObjectName(u"sectionTitle"_s);
    m_amount->setObjectName(u"amountEdit"_s);
    m_amount->setClearButtonEnabled(true);
    m_amountNote->setObjectName(u"amountNote"_s);
    m_amountNote->setWordWrap(true);
    m_topUp->setObjectName(u"topUpButton"_s);
    m_topUp->setProperty("primary", true);
    m_topUp->setDefault(true);
    m_close->setObjectName(u"walletCloseButton"_s);
    m_ledgerView->setObjectName(u"ledgerView"_s);
    m_ledgerView->setModel(m_ledger);
    m_ledgerView->verticalHeader()->hide();
    m_ledgerView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_ledgerView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_ledgerView->setAlternatingRowColors(true);
    m_ledgerView->setShowGrid(false);
    m_ledgerView->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_ledgerView->horizontalHeader()->setSectionResizeMode(LedgerModel::KindColumn,
                                                           QHeaderView::Stretch);

    auto *quickRow = new QHBoxLayout;
    for (Money amount : kQuickAmounts) {
        auto *b = new QPushButton(u"+ "_s + money::format(amount), this);
        b->setObjectName(u"quickAmount%1"_s.arg(amount));
        b->setProperty("chip", true);
        connect(b, &QPushButton::clicked, this, [this, amount] {
            m_amount->setText(QString::number(amount));
            m_amount->setFocus();
        });
        quickRow->addWidget(b);
        m_quick.append(b);
    }
    auto *amountRow = new QHBoxLayout;
    amountRow->addWidget(m_amount, 1);
    amountRow->addWidget(m_topUp);

    auto *card = new QWidget(this);
    card->setObjectName(u"balanceCard"_s);
    auto *cardLayout = new QVBoxLayout(card);
    cardLayout->addWidget(m_balanceCaption);
    cardLayout->addWidget(m_balance);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 20, 24, 20);
    layout->setSpacing(10);
    layout->addWidget(card);
    layout->addWidget(m_reason);
    layout->addWidget(m_quickCaption);
    layout->addLayout(quickRow);
    layout->addWidget(m_amountCaption);
    layout->addLayout(amountRow);
    layout->addWidget(m_amountNote);
    layout->addWidget(m_ledgerCaption);
    layout->addWidget(m_ledgerView, 1);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(m_close);
    layout->addLayout(buttons);

    connect(m_amount, &QLineEdit::textChanged, this, &WalletDialog::validateAmount);
    connect(m_amount, &QLineEdit::returnPressed, this, &WalletDialog::topUp);
    connect(m_topUp, &QPushButton::clicked, this, &WalletDialog::topUp);
    connect(m_close, &QPushButton::clicked, this, &QDialog::accept);
    retranslate();
    setWallet(m_info);
}

qint64 WalletDialog::parseAmount(const QString &text)
{
    QString digits = text.trimmed();
    digits.remove(u',').remove(u' ').remove(u"KRW"_s, Qt::CaseInsensitive).remove(u'₩');
    if (digits.isEmpty() || digits.size() > 15)
        return -1;
    for (QChar c : std::as_const(digits)) {
        if (!c.isDigit() || c.unicode() > '9')
            return -1;
    }
    return digits.toLongLong();
}

QString WalletDialog::amountProblem(const QString &text, Money balance, const WalletLimits &limits)
{
    if (text.trimmed().isEmpty())
        return tr("Enter an amount or pick one above.");
    const qint64 amount = parseAmount(text);
    if (amount < 0)
        return tr("Enter a whole number of won, for example 50000.");
    if (amount < limits.minTopUp)
        return tr("The smallest top-up is %1.").arg(money::format(limits.minTopUp));
    if (amount > limits.maxTopUp)
        return tr("You can add at most %1 at a time.").arg(money::format(limits.maxTopUp));
    if (balance + amount > limits.maxBalance)
        return tr("Your balance may not exceed %1; you can add up to %2 now.")
            .arg(money::format(limits.maxBalance),
                 money::format(std::max<Money>(0, limits.maxBalance - balance)));
    return {};
}

void WalletDialog::refresh()
{
    m_api->wallet(this, [this](const Result<WalletInfo> &r) {
        if (r)
            setWallet(r.value());
        else
            m_amountNote->setText(ErrorText::describe(r.error()).full());
    });
    m_api->ledger(this, [this](const Result<QList<LedgerEntry>> &r) {
        if (r)
            setLedger(r.value());
    });
}

void WalletDialog::setWallet(const WalletInfo &info)
{
    m_info = info;
    m_balance->setText(money::format(info.wallet.balance));
    validateAmount();
}

void WalletDialog::setLedger(const QList<LedgerEntry> &entries)
{
    m_ledger->setEntries(entries);
}

void WalletDialog::setReason(const QString &text, Money suggestedAmount)
{
    m_reasonText = text;
    m_reason->setText(text);
    m_reason->setVisible(!text.isEmpty());
    if (suggestedAmount > 0)
        m_amount->setText(QString::number(suggestedAmount));
}

void WalletDialog::validateAmount()
{
    const QString problem = amountProblem(m_amount->text(), m_info.wallet.balance, m_info.limits);
    const bool typed = !m_amount->text().trimmed().isEmpty();
    m_topUp->setEnabled(problem.isEmpty() && m_pendingKey.isEmpty());
    m_amountNote->setProperty("invalid", typed && !problem.isEmpty());
    if (problem.isEmpty()) {
        const qint64 amount = parseAmount(m_amount->text());
        m_amountNote->setText(
            tr("Balance after top-up: %1").arg(money::format(m_info.wallet.balance + amount)));
    } else {
        m_amountNote->setText(typed ? problem
                                    : tr("From %1 to %2 per top-up; balance up to %3.")
                                          .arg(money::format(m_info.limits.minTopUp),
                                               money::format(m_info.limits.maxTopUp),
                                               money::format(m_info.limits.maxBalance)));
    }
    repolish(m_amountNote);
}

void WalletDialog::topUp()
{
    if (!amountProblem(m_amount->text(), m_info.wallet.balance, m_info.limits).isEmpty())
        return;
    const qint64 amount = parseAmount(m_amount->text());
    // The same amount after an interrupted attempt is the same action: same key, charged once.
    if (m_pendingKey.isEmpty() || m_pendingAmount != amount) {
        m_pendingKey = ApiClient::newIdempotencyKey();
        m_pendingAmount = amount;
    }
    m_topUp->setEnabled(false);
    m_topUp->setText(tr("Adding…"));
    m_api->topUp(amount, m_pendingKey, this, [this](const Result<TopUpResult> &r) {
        const bool interrupted = !r && r.error().code == ErrorCode::Unavailable;
        if (!interrupted)
            m_pendingKey.clear();
        m_topUp->setText(tr("Top up"));
        if (!r) {
            validateAmount();
            m_topUp->setEnabled(true);
            m_amountNote->setText(ErrorText::describe(r.error()).full());
            m_amountNote->setProperty("invalid", true);
            repolish(m_amountNote);
            return;
        }
        m_info.wallet.balance = r->balance;
        m_amount->clear();
        setWallet(m_info);
        m_amountNote->setText(tr("Added %1. Your balance is now %2.")
                                  .arg(money::format(r->entry.amount), money::format(r->balance)));
        m_reason->hide();
        m_api->ledger(this, [this](const Result<QList<LedgerEntry>> &l) {
            if (l)
                setLedger(l.value());
        });
        Q_EMIT balanceChanged(r->balance);
    });
}

void WalletDialog::retranslate()
{
    setWindowTitle(tr("Wallet"));
    m_balanceCaption->setText(tr("Balance"));
    m_quickCaption->setText(tr("Quick top-up"));
    m_amountCaption->setText(tr("Amount (KRW)"));
    m_amount->setPlaceholderText(tr("e.g. 50000"));
    m_topUp->setText(tr("Top up"));
    m_ledgerCaption->setText(tr("History"));
    m_close->setText(tr("Close"));
    m_ledger->retranslate();
    validateAmount();
}

void WalletDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QDialog::changeEvent(event);
}

} // namespace encore
