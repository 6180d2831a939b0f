#pragma once
// SeatLegend: the key to the seat map — one painted swatch and a word per look, so the colours
// and cues explain themselves. GUI thread.

#include <QWidget>

class QLabel;

namespace encore {

class SeatLegend : public QWidget {
    Q_OBJECT

public:
    explicit SeatLegend(QWidget *parent = nullptr);
    // Staff see every customer's seats: no "yours", and a blocked seat is blocked, not "not for
    // sale".
    void setStaffWords(bool staff);
    void retranslate();

protected:
    void changeEvent(QEvent *event) override;

private:
    QList<QLabel *> m_icons;
    QList<QLabel *> m_labels;
    bool m_staff = false;
};

} // namespace encore
