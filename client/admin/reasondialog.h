#pragma once
// ReasonDialog: asks a staff member why before a money or queue action (DESIGN.md §4: 3..500
// characters, kept in the audit log) and, when the action needs them, an amount (in won) or which
// seats. Window-modal, opened with open() so live updates keep running; deletes itself when
// closed. Emits `confirmed` only with valid input. GUI thread.

#include "money.h"

#include <QDialog>
#include <QList>
#include <QMap>

class QCheckBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;

namespace encore {

class ReasonDialog : public QDialog {
    Q_OBJECT

public:
    ReasonDialog(const QString &title, const QString &text, const QString &confirmText,
                 QWidget *parent);

    // Also asks for an amount between -limit and +limit (not zero).
    void askAmount(Money limit);
    // Also lets the staff member pick some of these seats (all ticked at first).
    void askSeats(const QList<int> &seats);

    QString reason() const;
    Money amount() const;
    // The ticked seats; empty when every seat is ticked (the whole reservation).
    QList<int> seats() const;
    // What keeps the input from being sent, or empty.
    QString problem() const;

Q_SIGNALS:
    void confirmed();

private:
    void submit();

    QLabel *m_text;
    QSpinBox *m_amount = nullptr;
    QMap<int, QCheckBox *> m_seats;
    QPlainTextEdit *m_reason;
    QLabel *m_error;
    QPushButton *m_ok;
    QWidget *m_extras;
};

} // namespace encore
