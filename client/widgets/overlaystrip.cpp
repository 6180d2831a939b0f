#include "overlaystrip.h"

#include <QEvent>
#include <QGraphicsDropShadowEffect>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace encore {

OverlayStrip::OverlayStrip(QWidget *target, int inset, int maxWidth, QWidget *parent,
                           Qt::Corner corner)
    : QWidget(parent)
    , m_target(target)
    , m_inset(inset)
    , m_maxWidth(maxWidth)
    , m_corner(corner)
    , m_layout(new QVBoxLayout(this))
{
    setObjectName(u"overlayStrip"_s);
    m_layout->setContentsMargins(0, 0, 0, 0);
    m_layout->setSpacing(8);
    target->installEventFilter(this);
    hide();
}

void OverlayStrip::addNotice(QWidget *notice)
{
    m_layout->addWidget(notice);
    m_notices.append(notice);
    notice->installEventFilter(this);
    // Floating cards need a shadow to read as "above" the page.
    auto *shadow = new QGraphicsDropShadowEffect(notice);
    shadow->setBlurRadius(18);
    shadow->setOffset(0, 3);
    shadow->setColor(QColor(15, 23, 42, 60));
    notice->setGraphicsEffect(shadow);
    place();
}

bool OverlayStrip::eventFilter(QObject *watched, QEvent *event)
{
    switch (event->type()) {
    case QEvent::ShowToParent:
    case QEvent::HideToParent:
        place(); // a notice that shows is visible at once
        [[fallthrough]];
    case QEvent::Resize:
    case QEvent::Move:
    case QEvent::LayoutRequest:
        // Again once the notice's own size has settled after this event.
        QMetaObject::invokeMethod(this, &OverlayStrip::place, Qt::QueuedConnection);
        break;
    default:
        break;
    }
    return QWidget::eventFilter(watched, event);
}

bool OverlayStrip::event(QEvent *event)
{
    if (event->type() == QEvent::LayoutRequest)
        place();
    return QWidget::event(event);
}

void OverlayStrip::place()
{
    if (!m_target)
        return;
    const bool any = std::any_of(m_notices.cbegin(), m_notices.cend(),
                                 [](const QWidget *n) { return !n->isHidden(); });
    if (!any) {
        hide();
        return;
    }
    const QRect area = m_target->geometry();
    const int width = std::min(area.width() - 2 * m_inset, m_maxWidth);
    const int height = heightForWidth(width) > 0 ? heightForWidth(width) : sizeHint().height();
    const bool left = m_corner == Qt::TopLeftCorner || m_corner == Qt::BottomLeftCorner;
    const bool top = m_corner == Qt::TopLeftCorner || m_corner == Qt::TopRightCorner;
    setGeometry(left ? area.x() + m_inset : area.right() + 1 - m_inset - width,
                top ? area.y() + m_inset : area.bottom() + 1 - m_inset - height, width, height);
    show();
    raise();
}

} // namespace encore
