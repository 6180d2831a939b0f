#include "adminui.h"

#include "widgets/questionbox.h"

#include <QComboBox>
#include <QFrame>
#include <QMessageBox>
#include <QPushButton>

using namespace Qt::StringLiterals;

namespace encore::adminui {

void confirm(QWidget *parent, const QString &title, const QString &text, const QString &yes,
             std::function<void()> onYes)
{
    QMessageBox *box = questionBox(parent, title, text);
    box->setObjectName(u"confirmDialog"_s);
    QPushButton *ok = box->addButton(yes, QMessageBox::AcceptRole);
    ok->setObjectName(u"confirmYesButton"_s);
    QPushButton *cancel = box->addButton(QMessageBox::Cancel);
    cancel->setObjectName(u"confirmCancelButton"_s);
    box->setDefaultButton(cancel);
    QObject::connect(box, &QMessageBox::buttonClicked, parent,
                     [ok, onYes = std::move(onYes)](QAbstractButton *clicked) {
                         if (clicked == ok)
                             onYes();
                     });
    box->open();
}

QPushButton *button(const QString &objectName, QWidget *parent, const char *role)
{
    auto *b = new QPushButton(parent);
    b->setObjectName(objectName);
    if (role)
        b->setProperty(role, true);
    return b;
}

QFrame *card(const QString &objectName, QWidget *parent)
{
    auto *frame = new QFrame(parent);
    frame->setObjectName(objectName);
    frame->setProperty("adminCard", true);
    frame->setAttribute(Qt::WA_StyledBackground);
    return frame;
}

void sizeByCharacters(QComboBox *combo, int characters)
{
    combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    combo->setMinimumContentsLength(characters);
}

} // namespace encore::adminui
