#include "icons.h"

#include <QPainter>
#include <QPainterPath>

namespace encore {

namespace {

// Every icon is drawn on a 24 × 24 grid.
void draw(QPainter &p, IconKind kind, const QColor &color)
{
    QPen pen(color, 1.8, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
    p.setPen(pen);
    p.setBrush(Qt::NoBrush);
    switch (kind) {
    case IconKind::App: {
        QPainterPath ticket;
        ticket.addRoundedRect(QRectF(2, 5, 20, 14), 3, 3);
        QPainterPath notch;
        notch.addEllipse(QPointF(2, 12), 2.6, 2.6);
        notch.addEllipse(QPointF(22, 12), 2.6, 2.6);
        p.setPen(Qt::NoPen);
        p.setBrush(QColor(0x5b, 0x3d, 0xf5));
        p.drawPath(ticket.subtracted(notch));
        p.setBrush(Qt::white);
        // A note on the ticket.
        p.drawEllipse(QPointF(9.5, 15), 2.2, 1.8);
        p.drawRect(QRectF(10.8, 8, 1.3, 7));
        p.drawRect(QRectF(10.8, 8, 5, 1.5));
        break;
    }
    case IconKind::Wallet:
        p.drawRoundedRect(QRectF(3, 6, 18, 13), 2.5, 2.5);
        p.drawLine(QPointF(5, 6), QPointF(16, 3));
        p.drawRoundedRect(QRectF(14, 10.5, 7, 4.5), 1.5, 1.5);
        break;
    case IconKind::Ticket: {
        QPainterPath path;
        path.moveTo(3, 6);
        path.lineTo(21, 6);
        path.lineTo(21, 10);
        path.arcTo(QRectF(19, 10, 4, 4), 90, 180);
        path.lineTo(21, 18);
        path.lineTo(3, 18);
        path.lineTo(3, 14);
        path.arcTo(QRectF(1, 10, 4, 4), -90, 180);
        path.closeSubpath();
        p.drawPath(path);
        p.setPen(QPen(color, 1.4, Qt::DotLine));
        p.drawLine(QPointF(15, 7.5), QPointF(15, 16.5));
        break;
    }
    case IconKind::Concerts:
        p.drawEllipse(QPointF(7, 17), 3, 2.5);
        p.drawEllipse(QPointF(17, 15), 3, 2.5);
        p.drawLine(QPointF(10, 17), QPointF(10, 5));
        p.drawLine(QPointF(20, 15), QPointF(20, 3));
        p.drawLine(QPointF(10, 5), QPointF(20, 3));
        break;
    case IconKind::Refresh: {
        p.drawArc(QRectF(4, 4, 16, 16), 30 * 16, 280 * 16);
        QPolygonF head {QPointF(19.5, 2.5), QPointF(20.5, 8.5), QPointF(14.5, 7.5)};
        p.setBrush(color);
        p.drawPolygon(head);
        break;
    }
    case IconKind::Logout:
        p.drawLine(QPointF(14, 4), QPointF(5, 4));
        p.drawLine(QPointF(5, 4), QPointF(5, 20));
        p.drawLine(QPointF(5, 20), QPointF(14, 20));
        p.drawLine(QPointF(10, 12), QPointF(21, 12));
        p.drawLine(QPointF(17, 8), QPointF(21, 12));
        p.drawLine(QPointF(17, 16), QPointF(21, 12));
        break;
    case IconKind::Back:
        p.drawLine(QPointF(20, 12), QPointF(4, 12));
        p.drawLine(QPointF(10, 6), QPointF(4, 12));
        p.drawLine(QPointF(10, 18), QPointF(4, 12));
        break;
    case IconKind::Queue:
        for (int i = 0; i < 3; ++i) {
            const double x = 5 + i * 7;
            p.drawEllipse(QPointF(x, 8), 2.5, 2.5);
            p.drawArc(QRectF(x - 4, 12, 8, 8), 0, 180 * 16);
        }
        break;
    case IconKind::Question: {
        // The accent disc of the app icon with a white question mark (the colour argument is
        // not used: a question always wears the brand colour).
        p.setPen(Qt::NoPen);
        p.setBrush(QColor(0x5b, 0x3d, 0xf5));
        p.drawEllipse(QRectF(1, 1, 22, 22));
        p.setPen(QPen(Qt::white, 2.4, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        p.setBrush(Qt::NoBrush);
        QPainterPath mark;
        mark.moveTo(8.6, 9.2);
        mark.cubicTo(8.6, 5.6, 15.4, 5.6, 15.4, 9.2);
        mark.cubicTo(15.4, 11.6, 12, 11.8, 12, 14.4);
        p.drawPath(mark);
        p.setPen(Qt::NoPen);
        p.setBrush(Qt::white);
        p.drawEllipse(QPointF(12, 18), 1.5, 1.5);
        break;
    }
    }
}

} // namespace

QPixmap Icons::pixmap(IconKind kind, int size, const QColor &color)
{
    const qreal dpr = 2.0;
    QPixmap pixmap(QSize(size, size) * dpr);
    pixmap.setDevicePixelRatio(dpr);
    pixmap.fill(Qt::transparent);
    QPainter p(&pixmap);
    p.setRenderHint(QPainter::Antialiasing);
    p.scale(size / 24.0, size / 24.0);
    draw(p, kind, color);
    return pixmap;
}

QIcon Icons::icon(IconKind kind, const QColor &color)
{
    QIcon icon;
    for (int size : {16, 24, 32, 64})
        icon.addPixmap(pixmap(kind, size, color));
    icon.addPixmap(pixmap(kind, 24, QColor(0xa0, 0xa6, 0xb1)), QIcon::Disabled);
    return icon;
}

} // namespace encore
