#pragma once
// Small pieces the admin tabs share: the confirmation question before a staff action (one
// window-modal box, objectName "confirmDialog", so tests can answer it), styled buttons and cards.
// GUI thread.

#include <QString>

#include <functional>

class QComboBox;
class QFrame;
class QPushButton;
class QWidget;

namespace encore::adminui {

// Asks before a change that affects customers and runs `onYes` if the staff member confirms.
// Window-modal and opened with open(), not exec(): live updates keep running under it.
void confirm(QWidget *parent, const QString &title, const QString &text, const QString &yes,
             std::function<void()> onYes);

// A push button with an objectName and a style role ("primary", "danger", "flat" or empty).
QPushButton *button(const QString &objectName, QWidget *parent, const char *role = nullptr);

// A white rounded card (the customer window's look).
QFrame *card(const QString &objectName, QWidget *parent);

// A list of concerts or dates: as wide as `characters` characters whatever its entries say (a
// long concert title must not widen its tab, and with it the whole window); long entries elide.
void sizeByCharacters(QComboBox *combo, int characters);

} // namespace encore::adminui
