#include "seatmapmodel.h"

#include "models/displaytext.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace encore {

SeatMapModel::SeatMapModel(QObject *parent)
    : QAbstractListModel(parent)
{
}

int SeatMapModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_seats.size());
}

QVariant SeatMapModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Seat &s = m_seats.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case NumberRole:
        return s.number;
    case Qt::ToolTipRole:
    case Qt::AccessibleTextRole:
        return DisplayText::seatDescription(s);
    case StatusRole:
        return int(s.status);
    case PriceRole:
        return s.price;
    case TierRole:
        return s.tier;
    case MineRole:
        return s.mine;
    case HeldUntilRole:
        return s.heldUntil;
    default:
        return {};
    }
}

QHash<int, QByteArray> SeatMapModel::roleNames() const
{
    return {{NumberRole, "number"}, {StatusRole, "status"}, {PriceRole, "price"},
            {TierRole, "tier"},     {MineRole, "mine"},     {HeldUntilRole, "heldUntil"}};
}

namespace {
// Per-seat versions come from one global sequence: they only grow, but skip numbers. A seat whose
// version is not newer than what the model shows is old news (a late delta, a cached snapshot).
bool isNewer(const Seat &incoming, const Seat &current)
{
    return current.version <= 0 || incoming.version > current.version;
}
} // namespace

void SeatMapModel::setSeatMap(const SeatMap &map)
{
    QList<Seat> seats = map.seats;
    std::sort(seats.begin(), seats.end(),
              [](const Seat &a, const Seat &b) { return a.number < b.number; });
    qint64 version = map.version;
    if (map.scheduleId == m_scheduleId && map.scheduleId != 0) {
        // The same date again: a snapshot read before a change we already applied must not
        // undo it, so each seat keeps whichever side saw it last.
        for (Seat &s : seats) {
            if (const auto current = seat(s.number); current && current->version > s.version)
                s = *current;
            version = std::max(version, s.version);
        }
    }
    beginResetModel();
    m_scheduleId = map.scheduleId;
    m_version = version;
    m_seats = std::move(seats);
    endResetModel();
    Q_EMIT seatMapReset();
}

void SeatMapModel::applySeats(const QList<Seat> &seats)
{
    for (const Seat &incoming : seats) {
        const int row = rowOf(incoming.number);
        if (row < 0)
            continue;
        Seat &current = m_seats[row];
        if (incoming.version > 0 && !isNewer(incoming, current))
            continue;
        Seat next = incoming;
        const bool stillTaken = next.status == SeatStatus::Held || next.status == SeatStatus::Sold;
        if (!next.mine && current.mine && stillTaken)
            next.mine = true;
        if (next.tier.isEmpty())
            next.tier = current.tier;
        current = next;
        m_version = std::max(m_version, next.version);
        const QModelIndex i = index(row);
        Q_EMIT dataChanged(i, i);
    }
}

void SeatMapModel::clear()
{
    setSeatMap(SeatMap());
}

std::optional<Seat> SeatMapModel::seat(int number) const
{
    const int row = rowOf(number);
    if (row < 0)
        return std::nullopt;
    return m_seats.at(row);
}

int SeatMapModel::rowOf(int number) const
{
    const auto it = std::lower_bound(m_seats.cbegin(), m_seats.cend(), number,
                                     [](const Seat &s, int n) { return s.number < n; });
    if (it == m_seats.cend() || it->number != number)
        return -1;
    return int(it - m_seats.cbegin());
}

void SeatMapModel::retranslate()
{
    if (!m_seats.isEmpty())
        Q_EMIT dataChanged(index(0), index(int(m_seats.size()) - 1));
}

} // namespace encore
