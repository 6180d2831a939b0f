#include "reasondialog.h"

#include "models/staffops.h"
#include "money.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace encore {

ReasonDialog::ReasonDialog(const QString &title, const QString &text, const QString &confirmText,
                           QWidget *parent)
    : QDialog(parent)
{
    setObjectName(u"reasonDialog"_s);
    setWindowTitle(title);
    setWindowModality(Qt::WindowModal);
    setAttribute(Qt::WA_DeleteOnClose);
    m_text = new QLabel(text, this);
    m_text->setObjectName(u"reasonText"_s);
    m_text->setWordWrap(true);
    m_extras = new QWidget(this);
    auto *extras = new QVBoxLayout(m_extras);
    extras->setContentsMargins(0, 0, 0, 0);
    auto *reasonLabel
        = new QLabel(tr("Reason (kept in the audit log; the customer sees it):"), this);
    m_reason = new QPlainTextEdit(this);
    m_reason->setObjectName(u"reasonEdit"_s);
    m_reason->setTabChangesFocus(true);
    m_reason->setFixedHeight(90);
    reasonLabel->setBuddy(m_reason);
    m_error = new QLabel(this);
    m_error->setObjectName(u"reasonError"_s);
    m_error->setProperty("formError", true);
    m_error->setWordWrap(true);
    m_error->hide();
    auto *buttons = new QDialogButtonBox(this);
    m_ok = buttons->addButton(confirmText, QDialogButtonBox::AcceptRole);
    m_ok->setObjectName(u"reasonOkButton"_s);
    m_ok->setProperty("danger", true);
    QPushButton *cancel = buttons->addButton(QDialogButtonBox::Cancel);
    cancel->setObjectName(u"reasonCancelButton"_s);
    cancel->setDefault(true);
    connect(m_ok, &QPushButton::clicked, this, &ReasonDialog::submit);
    connect(cancel, &QPushButton::clicked, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_text);
    layout->addWidget(m_extras);
    layout->addWidget(reasonLabel);
    layout->addWidget(m_reason);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    setMinimumWidth(420);
}

void ReasonDialog::askAmount(Money limit)
{
    auto *row = new QHBoxLayout;
    auto *label = new QLabel(tr("Amount (negative to debit):"), m_extras);
    m_amount = new QSpinBox(m_extras);
    m_amount->setObjectName(u"amountEdit"_s);
    m_amount->setRange(int(-limit), int(limit));
    m_amount->setSingleStep(1000);
    m_amount->setGroupSeparatorShown(true);
    m_amount->setSuffix(money::suffix()); // " KRW" / "원", as every amount reads
    label->setBuddy(m_amount);
    row->addWidget(label);
    row->addWidget(m_amount, 1);
    static_cast<QVBoxLayout *>(m_extras->layout())->addLayout(row);
}

void ReasonDialog::askSeats(const QList<int> &seats)
{
    auto *row = new QHBoxLayout;
    row->addWidget(new QLabel(tr("Seats to refund:"), m_extras));
    for (int n : seats) {
        auto *box = new QCheckBox(tr("Seat %1").arg(n), m_extras);
        box->setObjectName(u"seatBox%1"_s.arg(n));
        box->setChecked(true);
        m_seats.insert(n, box);
        row->addWidget(box);
    }
    row->addStretch(1);
    static_cast<QVBoxLayout *>(m_extras->layout())->addLayout(row);
}

QString ReasonDialog::reason() const
{
    return m_reason->toPlainText().trimmed();
}

Money ReasonDialog::amount() const
{
    return m_amount ? m_amount->value() : 0;
}

QList<int> ReasonDialog::seats() const
{
    QList<int> ticked;
    for (auto it = m_seats.cbegin(); it != m_seats.cend(); ++it) {
        if (it.value()->isChecked())
            ticked.append(it.key());
    }
    return ticked.size() == m_seats.size() ? QList<int> {} : ticked;
}

QString ReasonDialog::problem() const
{
    if (m_amount && m_amount->value() == 0)
        return tr("Enter an amount other than zero.");
    if (!m_seats.isEmpty()
        && std::none_of(m_seats.cbegin(), m_seats.cend(),
                        [](const QCheckBox *b) { return b->isChecked(); }))
        return tr("Tick at least one seat.");
    if (reason().size() < staffops::kMinReason)
        return tr("Please give a reason of at least %n character(s).", nullptr,
                  staffops::kMinReason);
    if (reason().size() > staffops::kMaxReason)
        return tr("A reason is at most %n character(s).", nullptr, staffops::kMaxReason);
    return {};
}

void ReasonDialog::submit()
{
    const QString why = problem();
    if (!why.isEmpty()) {
        m_error->setText(why);
        m_error->show();
        return;
    }
    Q_EMIT confirmed();
    accept();
}

} // namespace encore
