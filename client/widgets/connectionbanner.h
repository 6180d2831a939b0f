#pragma once
// ConnectionBanner: a strip across the window while the server cannot be reached (with "Retry
// now"), and a short "back online" note when it returns. GUI thread.

#include <QTimer>
#include <QWidget>

class QLabel;
class QPushButton;

namespace encore {

class ConnectionBanner : public QWidget {
    Q_OBJECT

public:
    enum class State { Hidden, Offline, Restored };

    explicit ConnectionBanner(QWidget *parent = nullptr);

    void showOffline(const QString &reason);
    void showRestored();
    State state() const { return m_state; }

Q_SIGNALS:
    void retryRequested();

protected:
    void changeEvent(QEvent *event) override;

private:
    void setState(State state);
    void retranslate();

    State m_state = State::Hidden;
    QString m_reason;
    QLabel *m_text;
    QPushButton *m_retry;
    QTimer m_hideTimer;
};

} // namespace encore
