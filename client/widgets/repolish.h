#pragma once
// repolish: re-applies the style sheet to a widget and its children after a dynamic property
// the sheet selects on (state, kind, urgent) has changed. GUI thread.

#include <QStyle>
#include <QWidget>

namespace encore {

inline void repolish(QWidget *widget)
{
    widget->style()->unpolish(widget);
    widget->style()->polish(widget);
    const auto children = widget->findChildren<QWidget *>();
    for (QWidget *child : children) {
        child->style()->unpolish(child);
        child->style()->polish(child);
    }
    widget->update();
}

} // namespace encore
