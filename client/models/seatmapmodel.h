#pragma once
// SeatMapModel: one date's seats (1..50), one row per seat in number order, updated wholesale
// from a full map or seat by seat from live changes. No network code. GUI thread.

#include "models/seat.h"

#include <QAbstractListModel>

#include <optional>

namespace encore {

class SeatMapModel : public QAbstractListModel {
    Q_OBJECT

public:
    enum Role {
        NumberRole = Qt::UserRole + 1,
        StatusRole, // SeatStatus as int
        PriceRole,
        TierRole,
        MineRole,
        HeldUntilRole,
    };

    explicit SeatMapModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    // A map of another date replaces everything; the same date again keeps, seat by seat, the
    // newer of the two (per-seat versions only grow).
    void setSeatMap(const SeatMap &map);
    // Applies changed seats; unknown numbers and seats not newer than the model's are ignored.
    // Keeps "mine" on a seat the user still holds or owns when a broadcast (which cannot know
    // who is looking) leaves it out.
    void applySeats(const QList<Seat> &seats);
    void clear();

    qint64 scheduleId() const { return m_scheduleId; }
    qint64 version() const { return m_version; }
    const QList<Seat> &seats() const { return m_seats; }
    std::optional<Seat> seat(int number) const;
    int rowOf(int number) const;

    // Re-emits every row so views pick up a new language.
    void retranslate();

Q_SIGNALS:
    void seatMapReset();

private:
    qint64 m_scheduleId = 0;
    qint64 m_version = 0;
    QList<Seat> m_seats; // sorted by number
};

} // namespace encore
