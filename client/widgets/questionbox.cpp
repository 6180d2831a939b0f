#include "questionbox.h"

#include "widgets/icons.h"

namespace encore {

QMessageBox *questionBox(QWidget *parent, const QString &title, const QString &text)
{
    auto *box = new QMessageBox(QMessageBox::NoIcon, title, text, QMessageBox::NoButton, parent);
    box->setIconPixmap(Icons::pixmap(IconKind::Question, 40));
    box->setWindowIcon(Icons::icon(IconKind::App));
    box->setWindowModality(Qt::WindowModal);
    box->setAttribute(Qt::WA_DeleteOnClose);
    return box;
}

} // namespace encore
