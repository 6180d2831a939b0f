#pragma once
// NoticeBar: an inline message above the content — an error in plain words with a way-forward
// button, or a short confirmation — instead of a modal box. GUI thread.

#include "net/errortext.h"

#include <QTimer>
#include <QWidget>

class QLabel;
class QPushButton;

namespace encore {

class NoticeBar : public QWidget {
    Q_OBJECT

public:
    enum class Kind { Info, Success, Error };

    explicit NoticeBar(QWidget *parent = nullptr);

    void showError(const ErrorText &error);
    void showMessage(Kind kind, const QString &text);
    void dismiss();
    QString text() const;
    Kind kind() const { return m_kind; }
    ErrorAction action() const { return m_action; }

Q_SIGNALS:
    void actionTriggered(encore::ErrorAction action);

private:
    void present(Kind kind, const QString &text, ErrorAction action);

    Kind m_kind = Kind::Info;
    ErrorAction m_action = ErrorAction::None;
    QLabel *m_text;
    QPushButton *m_actionButton;
    QPushButton *m_close;
    QTimer m_hideTimer;
};

} // namespace encore
