#include "appheader.h"

#include "widgets/icons.h"

#include <QHBoxLayout>
#include <QLabel>

using namespace Qt::StringLiterals;

namespace encore {

AppHeader::AppHeader(QWidget *parent)
    : QWidget(parent)
    , m_layout(new QHBoxLayout(this))
{
    setObjectName(u"header"_s);
    setAttribute(Qt::WA_StyledBackground);
    auto *logo = new QLabel(this);
    logo->setPixmap(Icons::pixmap(IconKind::App, 30));
    auto *brand = new QLabel(u"Encore"_s, this);
    brand->setObjectName(u"brand"_s);
    m_layout->setContentsMargins(20, 10, 20, 10);
    m_layout->setSpacing(8);
    m_layout->addWidget(logo);
    m_layout->addWidget(brand);
    m_stretchIndex = m_layout->count();
    m_layout->addStretch();
}

void AppHeader::addLeft(QWidget *widget)
{
    m_layout->insertWidget(m_stretchIndex++, widget);
}

void AppHeader::addLeftSpacing(int pixels)
{
    m_layout->insertSpacing(m_stretchIndex++, pixels);
}

void AppHeader::addRight(QWidget *widget)
{
    m_layout->addWidget(widget);
}

} // namespace encore
