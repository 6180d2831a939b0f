#pragma once
// HoldCountdown: the time left on a seat hold, as a clock and a shrinking bar that turns urgent
// in the last minute; says expired() once when the hold runs out. GUI thread.

#include <QDateTime>
#include <QTimer>
#include <QWidget>

#include <functional>

class QLabel;
class QProgressBar;

namespace encore {

class HoldCountdown : public QWidget {
    Q_OBJECT

public:
    explicit HoldCountdown(QWidget *parent = nullptr);

    // Counts down to `until`; the bar spans from now to then.
    void start(const QDateTime &until);
    void stop();
    bool isRunning() const { return m_timer.isActive(); }
    qint64 remainingSeconds() const;
    // Where "now" comes from (tests pin it).
    void setClock(std::function<QDateTime()> clock) { m_clock = std::move(clock); }

Q_SIGNALS:
    void expired();

protected:
    void changeEvent(QEvent *event) override;

private:
    void tick();

    QLabel *m_label;
    QProgressBar *m_bar;
    QTimer m_timer;
    QDateTime m_until;
    qint64 m_totalMs = 1;
    std::function<QDateTime()> m_clock = [] {
        return QDateTime::currentDateTimeUtc();
    };
};

} // namespace encore
