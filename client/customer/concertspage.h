#pragma once
// ConcertsPage: the concert list with its dates (seats left, price range) and the chosen concert's
// details; "Enter queue" is possible only on a bookable date. Shows, never fetches. GUI thread.

#include <QWidget>

class QLabel;
class QPushButton;
class QTreeView;

namespace encore {

class ConcertListModel;
struct Concert;
struct Schedule;

class ConcertsPage : public QWidget {
    Q_OBJECT

public:
    explicit ConcertsPage(ConcertListModel *model, QWidget *parent = nullptr);

    const Concert *selectedConcert() const;
    const Schedule *selectedSchedule() const;
    void selectSchedule(qint64 scheduleId);
    void setLoading(bool loading);
    // While the server is away the actions that need it are disabled (the banner says why).
    void setServerReachable(bool reachable);

Q_SIGNALS:
    void enterQueueRequested(qint64 concertId, qint64 scheduleId);
    void refreshRequested();

protected:
    void changeEvent(QEvent *event) override;

private:
    void updateDetails();
    void retranslate();

    ConcertListModel *m_model;
    QTreeView *m_tree;
    QLabel *m_heading;
    QLabel *m_title;
    QLabel *m_meta;
    QLabel *m_description;
    QLabel *m_dateInfo;
    QPushButton *m_refresh;
    QPushButton *m_enterQueue;
    bool m_loading = false;
    bool m_reachable = true;
};

} // namespace encore
