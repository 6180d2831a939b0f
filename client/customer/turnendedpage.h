#pragma once
// TurnEndedPage: the clear screen shown when the customer's turn on the seat map has run out,
// with the way back into the queue (or to the concert list). Emits what the user asks; GUI thread.

#include <QWidget>

class QLabel;
class QPushButton;

namespace encore {

class TurnEndedPage : public QWidget {
    Q_OBJECT

public:
    explicit TurnEndedPage(QWidget *parent = nullptr);

    void setConcertTitle(const QString &title);
    // While the server is away the actions that need it are disabled (the banner says why).
    void setServerReachable(bool reachable);

Q_SIGNALS:
    void rejoinRequested();
    void concertsRequested();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();

    QString m_concertTitle;
    QLabel *m_heading;
    QLabel *m_text;
    QPushButton *m_rejoin;
    QPushButton *m_concerts;
};

} // namespace encore
