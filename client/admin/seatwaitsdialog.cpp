#include "seatwaitsdialog.h"

#include "admin/adminui.h"
#include "admin/reasondialog.h"
#include "models/displaytext.h"
#include "net/adminapi.h"
#include "net/errortext.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace encore {

SeatWaitsDialog::SeatWaitsDialog(AdminApi *api, qint64 scheduleId, const QString &dateText,
                                 QWidget *parent)
    : QDialog(parent)
    , m_api(api)
    , m_scheduleId(scheduleId)
    , m_summary(new QLabel(this))
    , m_error(new QLabel(this))
    , m_list(new QTreeWidget(this))
    , m_clear(adminui::button(u"clearSeatWaitsButton"_s, this, "danger"))
{
    setObjectName(u"seatWaitsDialog"_s);
    setAttribute(Qt::WA_DeleteOnClose);
    setWindowModality(Qt::WindowModal);
    setWindowTitle(tr("Waiting list — %1").arg(dateText));
    resize(720, 420);
    m_summary->setObjectName(u"seatWaitsSummary"_s);
    m_error->setObjectName(u"seatWaitsError"_s);
    m_error->setProperty("formError", true);
    m_error->setWordWrap(true);
    m_error->hide();
    m_list->setObjectName(u"seatWaitsList"_s);
    m_list->setRootIsDecorated(false);
    m_list->setHeaderLabels({tr("#"), tr("Customer"), tr("Waiting for"), tr("Status"), tr("Since"),
                             tr("Offer runs out")});
    m_list->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_clear->setText(tr("Clear the waiting list…"));
    connect(m_clear, &QPushButton::clicked, this, &SeatWaitsDialog::askToClear);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->button(QDialogButtonBox::Close)->setObjectName(u"seatWaitsCloseButton"_s);
    buttons->addButton(m_clear, QDialogButtonBox::ActionRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(m_error);
    layout->addWidget(m_list, 1);
    layout->addWidget(buttons);
    reload();
}

void SeatWaitsDialog::reload()
{
    m_api->seatWaits(m_scheduleId, this, [this](const Result<QList<SeatWait>> &r) {
        if (!r) {
            m_error->setText(ErrorText::describe(r.error()).full());
            m_error->show();
            return;
        }
        m_error->hide();
        show(r.value());
        Q_EMIT loaded();
    });
}

void SeatWaitsDialog::show(const QList<SeatWait> &waits)
{
    m_waits = waits;
    m_list->clear();
    int place = 0;
    int waiting = 0;
    for (const SeatWait &w : waits) {
        if (w.status == SeatWaitStatus::Waiting)
            ++waiting;
        auto *item = new QTreeWidgetItem(m_list);
        item->setText(0, QString::number(++place));
        item->setText(1, w.username);
        item->setText(2, DisplayText::seatWaitTarget(w));
        item->setText(
            3,
            w.offer
                ? tr("%1: seat %2").arg(DisplayText::seatWaitStatus(w.status)).arg(w.offer->seat)
                : DisplayText::seatWaitStatus(w.status));
        item->setText(4, DisplayText::dateTime(w.createdAt, DisplayText::localZone()));
        item->setText(5,
                      w.offer
                          ? DisplayText::dateTime(w.offer->offeredUntil, DisplayText::localZone())
                          : QString());
    }
    m_summary->setText(tr("%n customer(s) waiting, %1 seat offer(s) running.", nullptr, waiting)
                           .arg(waits.size() - waiting));
    m_clear->setEnabled(waiting > 0);
}

void SeatWaitsDialog::askToClear()
{
    auto *dialog = new ReasonDialog(
        tr("Clear the waiting list"),
        tr("Everyone still waiting for a seat of this date leaves the list. Offers already made "
           "stay until they are paid, declined or run out."),
        tr("Clear the list"), this);
    connect(dialog, &ReasonDialog::confirmed, this, [this, dialog] {
        m_api->clearSeatWaits(
            m_scheduleId, dialog->reason(), this, [this](const Result<SeatWaitsCleared> &r) {
                if (!r) {
                    m_error->setText(ErrorText::describe(r.error()).full());
                    m_error->show();
                    return;
                }
                Q_EMIT cleared(tr("%n wait(s) cleared.", nullptr, r.value().cleared));
                reload();
            });
        dialog->accept();
    });
    dialog->open();
}

} // namespace encore
