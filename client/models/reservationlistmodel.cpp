#include "reservationlistmodel.h"

#include "models/displaytext.h"

#include <QBrush>
#include <QColor>

namespace encore {

ReservationListModel::ReservationListModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

int ReservationListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ReservationListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ReservationListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Reservation &r = m_rows.at(index.row());
    if (role == StatusRole)
        return int(r.status);
    if (role == IdRole)
        return r.id;
    if (role == Qt::ForegroundRole && index.column() == StatusColumn) {
        switch (r.status) {
        case ReservationStatus::Paid:
            return QBrush(QColor(0x1b, 0x7f, 0x3b));
        case ReservationStatus::Held:
            return QBrush(QColor(0xb2, 0x5e, 0x00));
        default:
            return QBrush(QColor(0x6b, 0x72, 0x80));
        }
    }
    if (role == Qt::TextAlignmentRole && index.column() == TotalColumn)
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole && role != Qt::AccessibleTextRole)
        return {};
    switch (index.column()) {
    case ConcertColumn:
        return r.concertTitle.isEmpty() ? tr("Concert #%1").arg(r.concertId) : r.concertTitle;
    case DateColumn:
        return DisplayText::dateTime(r.startsAt, r.zone());
    case SeatsColumn:
        return DisplayText::seatList(r.seats);
    case TotalColumn:
        return money::format(r.total);
    case StatusColumn:
        if (r.status == ReservationStatus::Held && r.heldUntil.isValid())
            return tr("%1 until %2")
                .arg(DisplayText::reservationStatus(r.status),
                     DisplayText::timeOfDay(r.heldUntil, r.zone()));
        return DisplayText::reservationStatus(r.status);
    }
    return {};
}

QVariant ReservationListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case ConcertColumn:
        return tr("Concert");
    case DateColumn:
        return tr("Date");
    case SeatsColumn:
        return tr("Seats");
    case TotalColumn:
        return tr("Total");
    case StatusColumn:
        return tr("Status");
    }
    return {};
}

void ReservationListModel::setReservations(const QList<Reservation> &reservations)
{
    beginResetModel();
    m_rows = reservations;
    endResetModel();
}

void ReservationListModel::upsert(const Reservation &reservation)
{
    const int row = rowOf(reservation.id);
    if (row >= 0) {
        m_rows[row] = reservation;
        Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
        return;
    }
    beginInsertRows({}, 0, 0);
    m_rows.prepend(reservation);
    endInsertRows();
}

const Reservation *ReservationListModel::at(int row) const
{
    return row >= 0 && row < m_rows.size() ? &m_rows.at(row) : nullptr;
}

int ReservationListModel::rowOf(const QUuid &id) const
{
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).id == id)
            return i;
    }
    return -1;
}

void ReservationListModel::retranslate()
{
    Q_EMIT headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

} // namespace encore
