#include "seatpainter.h"

#include <QPainter>
#include <QPainterPath>

namespace encore {

namespace {

const QColor kAccent(0x5b, 0x3d, 0xf5);
const QColor kMine(0x25, 0x63, 0xeb);
const QColor kAvailableEdge(0x2e, 0x9e, 0x5b);
const QColor kHeld(0xfd, 0xe7, 0xc3);
const QColor kHeldEdge(0xd9, 0x8a, 0x1c);
const QColor kSold(0xe3, 0xe5, 0xea);
const QColor kSoldEdge(0xa0, 0xa6, 0xb1);
const QColor kBlocked(0x4b, 0x55, 0x63);

void drawCheck(QPainter &p, const QRectF &r, const QColor &color)
{
    QPainterPath path;
    path.moveTo(r.left(), r.center().y());
    path.lineTo(r.left() + r.width() * 0.38, r.bottom());
    path.lineTo(r.right(), r.top());
    p.setPen(QPen(color, std::max(1.5, r.width() / 5), Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    p.setBrush(Qt::NoBrush);
    p.drawPath(path);
}

void drawStar(QPainter &p, const QRectF &r, const QColor &color)
{
    QPolygonF star;
    const QPointF c = r.center();
    const double outer = r.width() / 2, inner = outer * 0.45;
    for (int i = 0; i < 10; ++i) {
        const double angle = -M_PI / 2 + i * M_PI / 5;
        const double radius = i % 2 ? inner : outer;
        star << QPointF(c.x() + radius * std::cos(angle), c.y() + radius * std::sin(angle));
    }
    p.setPen(Qt::NoPen);
    p.setBrush(color);
    p.drawPolygon(star);
}

void drawHatch(QPainter &p, const QPainterPath &clip, const QRectF &r, const QColor &color)
{
    p.save();
    p.setClipPath(clip);
    p.setPen(QPen(color, 1.6));
    for (double x = r.left() - r.height(); x < r.right(); x += 7)
        p.drawLine(QPointF(x, r.bottom()), QPointF(x + r.height(), r.top()));
    p.restore();
}

} // namespace

SeatLook SeatPainter::lookOf(const Seat &seat, bool selected)
{
    if (selected)
        return SeatLook::Selected;
    if (seat.mine && seat.status != SeatStatus::Available)
        return SeatLook::Mine;
    switch (seat.status) {
    case SeatStatus::Available:
        return SeatLook::Available;
    case SeatStatus::Held:
        return SeatLook::Held;
    case SeatStatus::Sold:
        return SeatLook::Sold;
    case SeatStatus::Blocked:
        return SeatLook::Blocked;
    }
    return SeatLook::Available;
}

QColor SeatPainter::fillColor(SeatLook look)
{
    switch (look) {
    case SeatLook::Available:
        return Qt::white;
    case SeatLook::Selected:
        return kAccent;
    case SeatLook::Mine:
        return kMine;
    case SeatLook::Held:
        return kHeld;
    case SeatLook::Sold:
        return kSold;
    case SeatLook::Blocked:
        return kBlocked;
    }
    return Qt::white;
}

QColor SeatPainter::textColor(SeatLook look)
{
    switch (look) {
    case SeatLook::Selected:
    case SeatLook::Mine:
    case SeatLook::Blocked:
        return Qt::white;
    case SeatLook::Held:
        return QColor(0x7a, 0x45, 0x00);
    case SeatLook::Sold:
        return QColor(0x6b, 0x72, 0x80);
    case SeatLook::Available:
        break;
    }
    return QColor(0x1f, 0x29, 0x37);
}

void SeatPainter::paint(QPainter &p, const QRectF &rect, SeatLook look, const QString &label,
                        const QString &tier, bool focused)
{
    p.save();
    p.setRenderHint(QPainter::Antialiasing);
    const QRectF body = rect.adjusted(1.5, 1.5, -1.5, -1.5);
    const double radius = std::min(body.width(), body.height()) * 0.22;
    QPainterPath shape;
    shape.addRoundedRect(body, radius, radius);

    QColor edge = fillColor(look).darker(115);
    double edgeWidth = 1.2;
    if (look == SeatLook::Available) {
        edge = kAvailableEdge;
        edgeWidth = 2.0;
    } else if (look == SeatLook::Held) {
        edge = kHeldEdge;
    } else if (look == SeatLook::Sold) {
        edge = kSoldEdge;
    }
    p.fillPath(shape, fillColor(look));
    if (look == SeatLook::Held)
        drawHatch(p, shape, body, QColor(0xf0, 0xb8, 0x5c));

    // The second cue, drawn in the lower right corner or across the seat.
    const double cue = std::min(body.width(), body.height()) * 0.26;
    const QRectF corner(body.right() - cue - 5, body.bottom() - cue - 5, cue, cue);
    switch (look) {
    case SeatLook::Selected:
        drawCheck(p, corner, Qt::white);
        break;
    case SeatLook::Mine:
        drawStar(p, corner.adjusted(-1, -1, 1, 1), QColor(0xfd, 0xe0, 0x47));
        break;
    case SeatLook::Sold: {
        p.setPen(QPen(kSoldEdge, 1.6, Qt::SolidLine, Qt::RoundCap));
        const QRectF x = body.adjusted(body.width() * 0.2, body.height() * 0.2, -body.width() * 0.2,
                                       -body.height() * 0.2);
        p.drawLine(x.topLeft(), x.bottomRight());
        p.drawLine(x.topRight(), x.bottomLeft());
        break;
    }
    case SeatLook::Blocked:
        p.fillRect(QRectF(body.left() + 6, body.bottom() - 8, body.width() - 12, 3),
                   QColor(0xf8, 0x71, 0x71));
        break;
    case SeatLook::Available:
    case SeatLook::Held:
        break;
    }

    p.setPen(QPen(edge, edgeWidth));
    p.setBrush(Qt::NoBrush);
    p.drawPath(shape);
    if (focused) {
        p.setPen(QPen(QColor(0x11, 0x18, 0x27), 2.0, Qt::DashLine));
        p.drawRoundedRect(rect.adjusted(-0.5, -0.5, 0.5, 0.5), radius + 2, radius + 2);
    }

    if (!tier.isEmpty()) {
        QFont f = p.font();
        f.setPixelSize(std::max(8, int(body.height() * 0.2)));
        f.setBold(true);
        p.setFont(f);
        p.setPen(textColor(look));
        p.drawText(body.adjusted(5, 3, -4, 0), Qt::AlignLeft | Qt::AlignTop, tier);
    }
    if (!label.isEmpty()) {
        QFont f = p.font();
        f.setPixelSize(std::max(10, int(body.height() * 0.36)));
        f.setBold(true);
        p.setFont(f);
        p.setPen(textColor(look));
        p.drawText(body.adjusted(0, body.height() * 0.12, 0, 0), Qt::AlignCenter, label);
    }
    p.restore();
}

} // namespace encore
