#include "walletdialog.h"

#include "dialogs/carddialog.h"
#include "models/ledgermodel.h"
#include "net/apiclient.h"
#include "net/errortext.h"
#include "net/paymentgatewayclient.h"
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
    , m_gateway(new PaymentGatewayClient(this))
    , m_ledger(new LedgerModel(this))
    , m_balanceCaption(new QLabel(this))
    , m_balance(new QLabel(this))
    , m_reason(new QLabel(this))
    , m_quickCaption(new QLabel(this))
    , m_amountCaption(new QLabel(this))
    , m_amount(new QLineEdit(this))
    , m_amountNote(new QLabel(this))
    , m_topUp(new QPushButton(this))
    , m_refundNote(new QLabel(this))
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
    m_refundNote->setObjectName(u"refundNote"_s);
    m_refundNote->setWordWrap(true);
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
        auto *b = new QPushButton(this);
        b->setObjectName(u"quickAmount%1"_s.arg(amount));
        b->setProperty("chip", true);
        // "+ 50,000" adds to what is typed (as Korean wallet apps do): two taps make 100,000.
        connect(b, &QPushButton::clicked, this, [this, amount] {
            const qint64 typed = std::max<qint64>(0, parseAmount(m_amount->text()));
            m_amount->setText(QString::number(typed + amount));
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
    layout->addWidget(m_refundNote);
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
    digits.remove(u',')
        .remove(u' ')
        .remove(u"KRW"_s, Qt::CaseInsensitive)
        .remove(u'₩')
        .remove(u'원');
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
    // A top-up interrupted by a crash or an outage: confirm it again, with its own key.
    if (!m_pending && !m_confirming) {
        if (const auto pending = PendingTopUp::load()) {
            m_amountNote->setText(
                tr("Finishing your interrupted top-up of %1…").arg(money::format(pending->amount)));
            confirm(*pending);
        }
    }
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

void WalletDialog::setServerReachable(bool reachable)
{
    m_reachable = reachable;
    validateAmount();
}

void WalletDialog::validateAmount()
{
    const QString problem = amountProblem(m_amount->text(), m_info.wallet.balance, m_info.limits);
    const bool typed = !m_amount->text().trimmed().isEmpty();
    m_topUp->setEnabled(!m_confirming && m_reachable && (m_pending || problem.isEmpty()));
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
    if (m_confirming)
        return;
    if (m_pending) { // "Try again" after an outage: the same confirmation, never a second card
        confirm(*m_pending);
        return;
    }
    if (!amountProblem(m_amount->text(), m_info.wallet.balance, m_info.limits).isEmpty())
        return;
    const Money amount = parseAmount(m_amount->text());
    auto *dialog = new CardDialog(amount, this);
    m_cardDialog = dialog;
    connect(dialog, &CardDialog::submitted, this,
            [this, amount](const gateway::CardAuthorization &card) { payWithCard(amount, card); });
    connect(dialog, &CardDialog::codeSubmitted, this, &WalletDialog::authenticate);
    dialog->open();
}

void WalletDialog::payWithCard(Money amount, gateway::CardAuthorization card)
{
    // A new order for every card attempt: an order whose card was declined is closed for good.
    m_api->createTopUpOrder(amount, this, [this, amount, card](const Result<TopUpOrderCreated> &r) {
        if (!r) {
            if (m_cardDialog)
                m_cardDialog->showDeclined(r.error());
            return;
        }
        gateway::CardAuthorization entry = card;
        entry.orderId = r->order.id.toString(QUuid::WithoutBraces);
        entry.amount = amount;
        const PaymentGatewayInfo gateway = r->gateway;
        const QUuid orderId = r->order.id;
        m_gateway->authorize(
            gateway, entry, this,
            [this, gateway, orderId, amount](const Result<gateway::Authorization> &a) {
                if (!a) {
                    if (m_cardDialog)
                        m_cardDialog->showDeclined(a.error());
                    return;
                }
                if (a->status == gateway::PaymentStatus::InProgress) {
                    m_authentication = Authentication {gateway, orderId, a->paymentKey, amount};
                    if (m_cardDialog)
                        m_cardDialog->askForCode(a->challenge);
                    return;
                }
                confirm({orderId, a->paymentKey, amount, ApiClient::newIdempotencyKey()});
            });
    });
}

void WalletDialog::authenticate(const QString &code)
{
    if (!m_authentication)
        return;
    const Authentication pending = *m_authentication;
    m_gateway->authenticate(pending.gateway, pending.paymentKey, code, this,
                            [this, pending](const Result<gateway::Authorization> &a) {
                                if (!a) {
                                    if (m_cardDialog)
                                        m_cardDialog->askForCode(
                                            ErrorText::describe(a.error()).text);
                                    return;
                                }
                                m_authentication.reset();
                                confirm({pending.orderId, pending.paymentKey, pending.amount,
                                         ApiClient::newIdempotencyKey()});
                            });
}

void WalletDialog::confirm(const PendingTopUp &pending)
{
    // Saved before it is sent: if the app stops now, the next start sends the same request.
    pending.save();
    m_pending = pending;
    m_confirming = true;
    m_topUp->setEnabled(false);
    m_topUp->setText(tr("Adding…"));
    if (m_cardDialog)
        m_cardDialog->setBusy(tr("Confirming the payment…"));
    m_api->topUp(pending.orderId, pending.paymentKey, pending.amount, pending.idempotencyKey, this,
                 [this](const Result<TopUpResult> &r) { finishTopUp(r); });
}

void WalletDialog::finishTopUp(const Result<TopUpResult> &r)
{
    m_confirming = false;
    // No final answer (the server or the gateway is away): keep it and confirm again later.
    const bool interrupted = !r && r.error().code == ErrorCode::Unavailable;
    if (!interrupted) {
        m_pending.reset();
        PendingTopUp::clear();
    }
    m_topUp->setText(m_pending ? tr("Finish top-up") : tr("Top up"));
    if (!r) {
        validateAmount();
        const QString why = interrupted
            ? tr("The payment is not confirmed yet. It is kept and completed automatically; your "
                 "card is charged at most once. Press \"Finish top-up\" to try now.")
            : ErrorText::describe(r.error()).full();
        m_amountNote->setText(why);
        m_amountNote->setProperty("invalid", true);
        repolish(m_amountNote);
        if (m_cardDialog) {
            if (interrupted)
                m_cardDialog->reject();
            else
                m_cardDialog->showDeclined(r.error());
        }
        return;
    }
    m_info.wallet.balance = r->balance;
    m_amount->clear();
    setWallet(m_info);
    const QString card = r->order.cardLast4.isEmpty()
        ? QString()
        : tr(" (card ending %1)").arg(r->order.cardLast4);
    const QString done = tr("Approved: added %1%2. Your balance is now %3.")
                             .arg(money::format(r->entry.amount), card, money::format(r->balance));
    m_amountNote->setText(done);
    m_reason->hide();
    if (m_cardDialog)
        m_cardDialog->showApproved(done);
    m_api->ledger(this, [this](const Result<QList<LedgerEntry>> &l) {
        if (l)
            setLedger(l.value());
    });
    Q_EMIT balanceChanged(r->balance);
}

void WalletDialog::retranslate()
{
    setWindowTitle(tr("Wallet"));
    m_balanceCaption->setText(tr("Balance"));
    m_quickCaption->setText(tr("Quick top-up"));
    m_amountCaption->setText(tr("Amount (KRW)"));
    for (qsizetype i = 0; i < m_quick.size(); ++i) // "+ 50,000 KRW" / "+ 50,000원"
        m_quick[i]->setText(u"+ "_s + money::format(kQuickAmounts[i]));
    m_amount->setPlaceholderText(tr("e.g. 50000"));
    m_topUp->setText(tr("Top up"));
    m_ledgerCaption->setText(tr("History"));
    m_refundNote->setText(tr("Top-ups are paid by card. Refunds of tickets go back to this wallet, "
                             "not to your card; to get wallet money back on the card, ask Encore "
                             "staff."));
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
