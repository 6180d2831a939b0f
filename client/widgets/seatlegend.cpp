#include "seatlegend.h"

#include "widgets/seatpainter.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>

using namespace Qt::StringLiterals;

namespace encore {

namespace {
constexpr SeatLook kLooks[] = {SeatLook::Available, SeatLook::Selected, SeatLook::Mine,
                               SeatLook::Held,      SeatLook::Sold,     SeatLook::Blocked};

QPixmap swatch(SeatLook look)
{
    const qreal dpr = 2.0;
    QPixmap pixmap(QSize(26, 22) * dpr);
    pixmap.setDevicePixelRatio(dpr);
    pixmap.fill(Qt::transparent);
    QPainter p(&pixmap);
    SeatPainter::paint(p, QRectF(0, 0, 26, 22), look);
    return pixmap;
}
} // namespace

SeatLegend::SeatLegend(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(u"seatLegend"_s);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(14);
    layout->addStretch();
    for (SeatLook look : kLooks) {
        auto *icon = new QLabel(this);
        icon->setPixmap(swatch(look));
        auto *text = new QLabel(this);
        text->setObjectName(u"legendText"_s);
        layout->addWidget(icon);
        layout->addWidget(text);
        layout->addSpacing(6);
        m_icons.append(icon);
        m_labels.append(text);
    }
    layout->addStretch();
    retranslate();
}

void SeatLegend::setStaffWords(bool staff)
{
    m_staff = staff;
    // Staff own no seats: the "yours" look never shows on their map.
    const int mine
        = int(std::find(std::begin(kLooks), std::end(kLooks), SeatLook::Mine) - std::begin(kLooks));
    m_icons.at(mine)->setVisible(!staff);
    m_labels.at(mine)->setVisible(!staff);
    retranslate();
}

void SeatLegend::retranslate()
{
    const QStringList words = m_staff
        ? QStringList {tr("Available"),          tr("Selected"), QString(),
                       tr("Held by a customer"), tr("Sold"),     tr("Blocked")}
        : QStringList {tr("Available"),      tr("Your selection"), tr("Yours"),
                       tr("Held by others"), tr("Sold"),           tr("Not for sale")};
    for (int i = 0; i < m_labels.size(); ++i)
        m_labels.at(i)->setText(words.at(i));
}

void SeatLegend::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

} // namespace encore
