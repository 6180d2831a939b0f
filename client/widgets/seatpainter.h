#pragma once
// SeatPainter: draws one seat's look — colour plus a second cue that survives without colour
// (outline, check, star, hatching, cross, bar) — for seat buttons and the legend alike.

#include "models/seat.h"

#include <QColor>
#include <QRectF>

class QPainter;

namespace encore {

enum class SeatLook { Available, Selected, Mine, Held, Sold, Blocked };

struct SeatPainter {
    static SeatLook lookOf(const Seat &seat, bool selected);
    static QColor fillColor(SeatLook look);
    static QColor textColor(SeatLook look);
    // Paints the seat body and its cue inside `rect`; `label` (the number) and `tier` may be empty.
    static void paint(QPainter &p, const QRectF &rect, SeatLook look, const QString &label = {},
                      const QString &tier = {}, bool focused = false);
};

} // namespace encore
