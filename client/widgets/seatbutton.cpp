#include "seatbutton.h"

#include "models/displaytext.h"
#include "widgets/seatpainter.h"

#include <QKeyEvent>
#include <QPainter>

using namespace Qt::StringLiterals;

namespace encore {

SeatButton::SeatButton(int number, QWidget *parent)
    : QAbstractButton(parent)
{
    m_seat.number = number;
    setObjectName(u"seat%1"_s.arg(number));
    setFocusPolicy(Qt::StrongFocus);
    setCursor(Qt::PointingHandCursor);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    refreshTexts();
}

void SeatButton::setSeat(const Seat &seat)
{
    m_seat = seat;
    refreshTexts();
    update();
}

void SeatButton::setSeatSelected(bool selected)
{
    if (m_selected == selected)
        return;
    m_selected = selected;
    refreshTexts();
    update();
}

void SeatButton::setSelectable(bool selectable)
{
    m_selectable = selectable;
    setCursor(selectable ? Qt::PointingHandCursor : Qt::ForbiddenCursor);
}

void SeatButton::setOffered(bool offered)
{
    m_offered = offered;
    refreshTexts();
}

void SeatButton::refreshTexts()
{
    const QString description = DisplayText::seatDescription(m_seat, m_selected, m_offered);
    setText(QString::number(m_seat.number));
    setAccessibleName(description);
    setToolTip(description);
}

QSize SeatButton::sizeHint() const
{
    return {54, 48};
}

QSize SeatButton::minimumSizeHint() const
{
    return {36, 32};
}

void SeatButton::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    SeatPainter::paint(p, QRectF(rect()).adjusted(2, 2, -2, -2),
                       SeatPainter::lookOf(m_seat, m_selected), QString::number(m_seat.number),
                       m_seat.tier, hasFocus());
}

void SeatButton::keyPressEvent(QKeyEvent *event)
{
    // Enter selects like Space does; arrows are the map's business.
    if (event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) {
        click();
        return;
    }
    QAbstractButton::keyPressEvent(event);
}

} // namespace encore
