#pragma once
// SeatMapWidget: a date's seats as a 10 × 5 grid of SeatButtons over a SeatMapModel, with a stage,
// a legend, keyboard navigation and a selection of at most N seats (customer mode) or any seats
// (staff mode). Drops seats from the selection when they are taken live. GUI thread.

#include <QList>
#include <QWidget>

class QGridLayout;
class QLabel;

namespace encore {

class SeatButton;
class SeatLegend;
class SeatMapModel;
struct Seat;

class SeatMapWidget : public QWidget {
    Q_OBJECT

public:
    static constexpr int kColumns = 10;
    static constexpr int kRows = 5;

    explicit SeatMapWidget(QWidget *parent = nullptr);

    void setModel(SeatMapModel *model);
    SeatMapModel *model() const { return m_model; }

    // Staff mode: every seat can be selected (to release or block it), with no limit.
    void setStaffMode(bool staff);
    bool staffMode() const { return m_staffMode; }
    void setMaxSelection(int max) { m_maxSelection = max; }
    int maxSelection() const { return m_maxSelection; }
    // While busy (a hold is being placed) clicks change nothing.
    void setInteractive(bool interactive);
    // Why seats cannot be picked while not interactive (told on a click); empty: say nothing.
    void setLockedReason(const QString &reason) { m_lockedReason = reason; }

    QList<int> selectedSeats() const { return m_selected; }
    // Selects or deselects as a click would; false when the rules refuse it.
    bool setSeatSelected(int number, bool selected);
    void clearSelection();
    SeatButton *button(int number) const;
    // The seat the waiting list offers this user now (0: none); its button says so.
    void setOfferedSeat(int number);
    bool canSelect(const Seat &seat) const;

Q_SIGNALS:
    void selectionChanged(const QList<int> &seats);
    // A click was refused; `reason` is ready to show.
    void selectionRefused(int number, const QString &reason);
    // Selected seats someone else just took (not ones this account now holds); they are no
    // longer selected.
    void selectionLost(const QList<int> &seats);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void onClicked(int number);
    void syncAll();
    void syncRow(int row);
    void moveFocus(SeatButton *from, int dRow, int dColumn);
    void retranslate();

    SeatMapModel *m_model = nullptr;
    QList<SeatButton *> m_buttons; // index = number - 1
    QList<int> m_selected;
    QLabel *m_stage;
    QLabel *m_hint;
    SeatLegend *m_legend;
    bool m_staffMode = false;
    bool m_interactive = true;
    QString m_lockedReason;
    int m_offeredSeat = 0;
    int m_maxSelection = 4;
};

} // namespace encore
