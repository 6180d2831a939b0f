#include "noticebar.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>

#include "widgets/repolish.h"

using namespace Qt::StringLiterals;

namespace encore {

NoticeBar::NoticeBar(QWidget *parent)
    : QWidget(parent)
    , m_text(new QLabel(this))
    , m_actionButton(new QPushButton(this))
    , m_close(new QPushButton(this))
{
    setObjectName(u"noticeBar"_s);
    setAttribute(Qt::WA_StyledBackground);
    m_text->setObjectName(u"noticeText"_s);
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_actionButton->setObjectName(u"noticeActionButton"_s);
    m_close->setObjectName(u"noticeCloseButton"_s);
    m_close->setText(u"✕"_s);
    m_close->setFlat(true);
    m_close->setFixedWidth(32);
    m_close->setAccessibleName(tr("Dismiss"));
    connect(m_close, &QPushButton::clicked, this, &NoticeBar::dismiss);
    connect(m_actionButton, &QPushButton::clicked, this, [this] {
        const ErrorAction action = m_action;
        dismiss();
        Q_EMIT actionTriggered(action);
    });
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(14, 8, 8, 8);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_actionButton);
    layout->addWidget(m_close);
    m_hideTimer.setSingleShot(true);
    connect(&m_hideTimer, &QTimer::timeout, this, &NoticeBar::dismiss);
    hide();
}

void NoticeBar::showError(const ErrorText &error)
{
    present(Kind::Error, error.full(), error.action);
}

void NoticeBar::showMessage(Kind kind, const QString &text)
{
    present(kind, text, ErrorAction::None);
    if (kind == Kind::Success)
        m_hideTimer.start(8000);
}

void NoticeBar::present(Kind kind, const QString &text, ErrorAction action)
{
    m_hideTimer.stop();
    m_kind = kind;
    m_action = action;
    m_text->setText(text);
    const QString label = ErrorText::actionLabel(action);
    m_actionButton->setText(label);
    m_actionButton->setVisible(!label.isEmpty());
    static const char *const kKinds[] = {"info", "success", "error"};
    setProperty("kind", QString::fromLatin1(kKinds[int(kind)]));
    repolish(this);
    show();
}

void NoticeBar::dismiss()
{
    m_hideTimer.stop();
    hide();
}

QString NoticeBar::text() const
{
    return isHidden() ? QString() : m_text->text();
}

} // namespace encore
