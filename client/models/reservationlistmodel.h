#pragma once
// ReservationListModel: the user's reservations (tickets and holds), newest first, one row each
// with concert, date, seats, total and status. No network code. GUI thread.

#include "models/reservation.h"

#include <QAbstractTableModel>

namespace encore {

class ReservationListModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { ConcertColumn, DateColumn, SeatsColumn, TotalColumn, StatusColumn, ColumnCount };
    enum Role { StatusRole = Qt::UserRole + 1, IdRole };

    explicit ReservationListModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    void setReservations(const QList<Reservation> &reservations);
    // Replaces the row with the same id, or adds it at the top.
    void upsert(const Reservation &reservation);
    const QList<Reservation> &reservations() const { return m_rows; }
    const Reservation *at(int row) const;
    int rowOf(const QUuid &id) const;
    void retranslate();

private:
    QList<Reservation> m_rows;
};

} // namespace encore
