#include "seatmapwidget.h"

#include "models/seatmapmodel.h"
#include "widgets/seatbutton.h"
#include "widgets/seatlegend.h"

#include "apipaths.h"

#include <QEvent>
#include <QGridLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace encore {

SeatMapWidget::SeatMapWidget(QWidget *parent)
    : QWidget(parent)
    , m_stage(new QLabel(this))
    , m_hint(new QLabel(this))
    , m_legend(new SeatLegend(this))
{
    setObjectName(u"seatMap"_s);
    m_stage->setObjectName(u"stage"_s);
    m_stage->setAlignment(Qt::AlignCenter);
    m_hint->setObjectName(u"seatHint"_s);
    m_hint->setAlignment(Qt::AlignCenter);

    auto *grid = new QGridLayout;
    grid->setHorizontalSpacing(6);
    grid->setVerticalSpacing(8);
    for (int n = 1; n <= api::kSeatsPerSchedule; ++n) {
        auto *button = new SeatButton(n, this);
        button->installEventFilter(this);
        // A map without seats (loading, or cleared when the booking ends behind the receipt)
        // keeps its shape instead of collapsing into one giant stage.
        QSizePolicy policy = button->sizePolicy();
        policy.setRetainSizeWhenHidden(true);
        button->setSizePolicy(policy);
        connect(button, &SeatButton::clicked, this, [this, n] { onClicked(n); });
        const int row = (n - 1) / kColumns, column = (n - 1) % kColumns;
        // An aisle down the middle: column 5 of the layout stays empty.
        grid->addWidget(button, row, column < kColumns / 2 ? column : column + 1);
        m_buttons.append(button);
    }
    grid->setColumnMinimumWidth(kColumns / 2, 18);

    auto *layout = new QVBoxLayout(this);
    layout->setSpacing(12);
    layout->addWidget(m_stage);
    layout->addSpacing(6);
    layout->addLayout(grid, 1);
    layout->addWidget(m_hint);
    layout->addWidget(m_legend);
    retranslate();
    syncAll();
}

void SeatMapWidget::setModel(SeatMapModel *model)
{
    if (m_model)
        m_model->disconnect(this);
    m_model = model;
    if (model) {
        connect(model, &QAbstractItemModel::modelReset, this, &SeatMapWidget::syncAll);
        connect(model, &QAbstractItemModel::dataChanged, this,
                [this](const QModelIndex &from, const QModelIndex &to) {
                    QList<int> lost; // to someone else: our own hold is no loss
                    bool changed = false;
                    for (int row = from.row(); row <= to.row(); ++row) {
                        const int before = int(m_selected.size());
                        syncRow(row);
                        if (m_selected.size() == before)
                            continue;
                        changed = true;
                        if (!m_model->seats().at(row).mine)
                            lost.append(m_model->seats().at(row).number);
                    }
                    if (changed) {
                        retranslate(); // the hint counts the selection
                        if (!lost.isEmpty())
                            Q_EMIT selectionLost(lost);
                        Q_EMIT selectionChanged(m_selected);
                    }
                });
    }
    syncAll();
}

void SeatMapWidget::setStaffMode(bool staff)
{
    m_staffMode = staff;
    m_legend->setStaffWords(staff);
    syncAll();
    retranslate(); // the hint speaks to staff now (no "pick up to 4")
}

void SeatMapWidget::setInteractive(bool interactive)
{
    m_interactive = interactive;
}

SeatButton *SeatMapWidget::button(int number) const
{
    return number >= 1 && number <= m_buttons.size() ? m_buttons.at(number - 1) : nullptr;
}

bool SeatMapWidget::canSelect(const Seat &seat) const
{
    if (m_staffMode)
        return true;
    return seat.status == SeatStatus::Available;
}

void SeatMapWidget::syncAll()
{
    const bool wasSelected = !m_selected.isEmpty();
    QList<bool> present(m_buttons.size(), false);
    if (m_model) {
        for (int row = 0; row < m_model->rowCount(); ++row) {
            const int n = m_model->seats().at(row).number;
            if (n >= 1 && n <= present.size())
                present[n - 1] = true;
            syncRow(row);
        }
    }
    // Hiding only what left keeps the keyboard focus where it was across a re-sync.
    for (int i = 0; i < m_buttons.size(); ++i)
        m_buttons.at(i)->setVisible(present.at(i));
    // Seats no longer on the map cannot stay selected.
    m_selected.removeIf([this](int n) { return !button(n) || button(n)->isHidden(); });
    if (wasSelected && m_selected.isEmpty()) {
        retranslate();
        Q_EMIT selectionChanged(m_selected);
    }
}

void SeatMapWidget::syncRow(int row)
{
    const Seat &seat = m_model->seats().at(row);
    SeatButton *b = button(seat.number);
    if (!b)
        return;
    b->setVisible(true);
    b->setSeat(seat);
    b->setOffered(seat.number == m_offeredSeat);
    const bool selectable = canSelect(seat);
    b->setSelectable(selectable);
    if (!selectable && m_selected.contains(seat.number)) {
        m_selected.removeAll(seat.number);
        b->setSeatSelected(false);
    }
}

void SeatMapWidget::setOfferedSeat(int number)
{
    for (int n : {std::exchange(m_offeredSeat, number), number}) {
        if (SeatButton *b = button(n))
            b->setOffered(n == m_offeredSeat);
    }
}

bool SeatMapWidget::setSeatSelected(int number, bool selected)
{
    SeatButton *b = button(number);
    if (!b || b->isHidden())
        return false;
    if (!m_interactive) {
        if (!m_lockedReason.isEmpty()) {
            m_hint->setText(m_lockedReason);
            Q_EMIT selectionRefused(number, m_lockedReason);
        }
        return false;
    }
    if (selected == m_selected.contains(number))
        return true;
    if (selected) {
        if (!canSelect(b->seat())) {
            const QString reason = b->seat().mine ? tr("Seat %1 is already yours.").arg(number)
                                                  : tr("Seat %1 is not available.").arg(number);
            m_hint->setText(reason);
            Q_EMIT selectionRefused(number, reason);
            return false;
        }
        if (!m_staffMode && m_selected.size() >= m_maxSelection) {
            const QString reason
                = tr("You can pick at most %n seat(s) at a time.", nullptr, m_maxSelection);
            m_hint->setText(reason);
            Q_EMIT selectionRefused(number, reason);
            return false;
        }
        m_selected.append(number);
    } else {
        m_selected.removeAll(number);
    }
    b->setSeatSelected(selected);
    retranslate();
    Q_EMIT selectionChanged(m_selected);
    return true;
}

void SeatMapWidget::clearSelection()
{
    if (m_selected.isEmpty())
        return;
    for (int n : std::as_const(m_selected)) {
        if (SeatButton *b = button(n))
            b->setSeatSelected(false);
    }
    m_selected.clear();
    retranslate();
    Q_EMIT selectionChanged(m_selected);
}

void SeatMapWidget::onClicked(int number)
{
    setSeatSelected(number, !m_selected.contains(number));
}

void SeatMapWidget::moveFocus(SeatButton *from, int dRow, int dColumn)
{
    int row = (from->number() - 1) / kColumns, column = (from->number() - 1) % kColumns;
    // Walk in the direction until a visible seat (skipping gaps); stop at the edge.
    for (;;) {
        row += dRow;
        column += dColumn;
        if (row < 0 || row >= kRows || column < 0 || column >= kColumns)
            return;
        SeatButton *next = button(row * kColumns + column + 1);
        if (next && !next->isHidden()) {
            next->setFocus(Qt::TabFocusReason);
            return;
        }
    }
}

bool SeatMapWidget::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() != QEvent::KeyPress)
        return QWidget::eventFilter(watched, event);
    auto *b = qobject_cast<SeatButton *>(watched);
    if (!b)
        return false;
    switch (static_cast<QKeyEvent *>(event)->key()) {
    case Qt::Key_Left:
        moveFocus(b, 0, -1);
        return true;
    case Qt::Key_Right:
        moveFocus(b, 0, 1);
        return true;
    case Qt::Key_Up:
        moveFocus(b, -1, 0);
        return true;
    case Qt::Key_Down:
        moveFocus(b, 1, 0);
        return true;
    case Qt::Key_Home:
        if (SeatButton *first = button(((b->number() - 1) / kColumns) * kColumns + 1))
            first->setFocus(Qt::TabFocusReason);
        return true;
    case Qt::Key_End:
        if (SeatButton *last = button(((b->number() - 1) / kColumns + 1) * kColumns))
            last->setFocus(Qt::TabFocusReason);
        return true;
    default:
        return false;
    }
}

void SeatMapWidget::retranslate()
{
    m_stage->setText(tr("STAGE"));
    if (m_staffMode && m_selected.isEmpty())
        m_hint->setText(tr("Click seats to select them, then act on them at the right."));
    else if (m_staffMode)
        m_hint->setText(tr("%n seat(s) selected", nullptr, int(m_selected.size())));
    else if (m_selected.isEmpty())
        m_hint->setText(tr("Pick up to %n seat(s). Use the arrow keys and Space to choose.",
                           nullptr, m_maxSelection));
    else
        m_hint->setText(tr("%1 of %2 seats selected").arg(m_selected.size()).arg(m_maxSelection));
    for (SeatButton *b : std::as_const(m_buttons))
        b->refreshTexts();
}

void SeatMapWidget::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

} // namespace encore
