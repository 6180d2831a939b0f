#include "concertlistmodel.h"

#include "models/displaytext.h"

#include <QBrush>
#include <QColor>

using namespace Qt::StringLiterals;

namespace encore {

namespace {
// internalId: 0 on concert rows, concert row + 1 on date rows.
constexpr quintptr kConcertRow = 0;

} // namespace

ConcertListModel::ConcertListModel(QObject *parent)
    : QAbstractItemModel(parent)
{
}

QModelIndex ConcertListModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    if (!parent.isValid())
        return createIndex(row, column, kConcertRow);
    return createIndex(row, column, quintptr(parent.row()) + 1);
}

QModelIndex ConcertListModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == kConcertRow)
        return {};
    return createIndex(int(child.internalId() - 1), 0, kConcertRow);
}

int ConcertListModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return int(m_concerts.size());
    if (parent.internalId() == kConcertRow && parent.column() == 0)
        return int(m_concerts.at(parent.row()).schedules.size());
    return 0;
}

int ConcertListModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

const Concert *ConcertListModel::concertAt(const QModelIndex &index) const
{
    if (!index.isValid() || index.model() != this)
        return nullptr;
    const int row = index.internalId() == kConcertRow ? index.row() : int(index.internalId() - 1);
    return &m_concerts.at(row);
}

const Schedule *ConcertListModel::scheduleAt(const QModelIndex &index) const
{
    if (!index.isValid() || index.model() != this || index.internalId() == kConcertRow)
        return nullptr;
    return &m_concerts.at(int(index.internalId() - 1)).schedules.at(index.row());
}

QModelIndex ConcertListModel::indexOfSchedule(qint64 scheduleId) const
{
    for (int c = 0; c < m_concerts.size(); ++c) {
        const auto &schedules = m_concerts.at(c).schedules;
        for (int s = 0; s < schedules.size(); ++s) {
            if (schedules.at(s).id == scheduleId)
                return createIndex(s, 0, quintptr(c) + 1);
        }
    }
    return {};
}

bool ConcertListModel::isBookable(const Schedule &schedule) const
{
    return schedule.isBookable(now());
}

bool ConcertListModel::canEnterQueue(const Schedule &schedule) const
{
    return !schedule.cancelledAt.isValid() && schedule.availableSeats > 0
        && now() < schedule.salesCloseAt;
}

QDateTime ConcertListModel::now() const
{
    return m_now.isValid() ? m_now : QDateTime::currentDateTimeUtc();
}

void ConcertListModel::setNow(const QDateTime &now)
{
    m_now = now;
    retranslate();
}

void ConcertListModel::setConcerts(const QList<Concert> &concerts)
{
    beginResetModel();
    m_concerts = concerts;
    endResetModel();
}

void ConcertListModel::setAvailability(const SeatAvailability &availability)
{
    const QModelIndex row = indexOfSchedule(availability.scheduleId);
    if (!row.isValid())
        return;
    Schedule &s = m_concerts[row.parent().row()].schedules[row.row()];
    if (s.availableSeats == availability.availableSeats && s.totalSeats == availability.totalSeats)
        return;
    s.availableSeats = availability.availableSeats;
    s.totalSeats = availability.totalSeats;
    // Sold out or back on sale changes the row's flags and its concert's summary too.
    Q_EMIT dataChanged(index(row.row(), 0, row.parent()),
                       index(row.row(), ColumnCount - 1, row.parent()));
    Q_EMIT dataChanged(index(row.parent().row(), 0), index(row.parent().row(), ColumnCount - 1));
}

Qt::ItemFlags ConcertListModel::flags(const QModelIndex &index) const
{
    if (const Schedule *s = scheduleAt(index))
        return canEnterQueue(*s)
            ? Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren
            : Qt::ItemNeverHasChildren;
    return index.isValid() ? Qt::ItemIsEnabled | Qt::ItemIsSelectable : Qt::NoItemFlags;
}

QVariant ConcertListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Concert *concert = concertAt(index);
    if (role == ConcertIdRole)
        return concert->id;
    if (const Schedule *s = scheduleAt(index)) {
        if (role == ScheduleIdRole)
            return s->id;
        if (role == BookableRole)
            return isBookable(*s);
        return scheduleData(*concert, *s, index.column(), role);
    }
    if (role == ScheduleIdRole)
        return 0;
    if (role == BookableRole)
        return false;
    return concertData(*concert, index.column(), role);
}

QVariant ConcertListModel::concertData(const Concert &c, int column, int role) const
{
    if (role == Qt::ToolTipRole)
        return c.description;
    if (role != Qt::DisplayRole && role != Qt::AccessibleTextRole)
        return {};
    switch (column) {
    case TitleColumn:
        return c.artist.isEmpty() ? c.title : tr("%1 — %2").arg(c.title, c.artist);
    case WhereColumn:
        return c.venue;
    case SeatsColumn: {
        int bookable = 0;
        for (const Schedule &s : c.schedules)
            bookable += isBookable(s) ? 1 : 0;
        return tr("%n bookable date(s)", nullptr, bookable);
    }
    case PriceColumn: {
        if (c.schedules.isEmpty())
            return {};
        Money low = c.schedules.first().minPrice, high = c.schedules.first().maxPrice;
        for (const Schedule &s : c.schedules) {
            low = std::min(low, s.minPrice);
            high = std::max(high, s.maxPrice);
        }
        return money::range(low, high);
    }
    }
    return {};
}

QVariant ConcertListModel::scheduleData(const Concert &c, const Schedule &s, int column,
                                        int role) const
{
    const bool bookable = isBookable(s);
    QString state;
    if (s.availableSeats == 0)
        state = tr("Sold out");
    else if (now() < s.salesOpenAt)
        state = tr("Sales open %1").arg(DisplayText::dateTime(s.salesOpenAt, c.zone()));
    else if (!bookable)
        state = tr("Sales closed");
    if (role == Qt::ToolTipRole) {
        if (bookable)
            return tr("Select this date and press Enter queue.");
        return canEnterQueue(s) ? state + u'\n' + tr("Press Enter queue to wait for the opening.")
                                : state;
    }
    if (role == Qt::ForegroundRole && !bookable)
        return QBrush(QColor(0x8a, 0x8f, 0x98));
    if (role != Qt::DisplayRole && role != Qt::AccessibleTextRole)
        return {};
    switch (column) {
    case TitleColumn:
        return DisplayText::dateTime(s.startsAt, c.zone());
    case WhereColumn:
        return state;
    case SeatsColumn:
        return tr("%1 of %2 left").arg(s.availableSeats).arg(s.totalSeats);
    case PriceColumn:
        return money::range(s.minPrice, s.maxPrice);
    }
    return {};
}

QVariant ConcertListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TitleColumn:
        return tr("Concert / date");
    case WhereColumn:
        return tr("Venue / sales");
    case SeatsColumn:
        return tr("Seats left");
    case PriceColumn:
        return tr("Price");
    }
    return {};
}

void ConcertListModel::retranslate()
{
    // dataChanged rather than a reset: a reset would collapse the tree and drop the selection.
    Q_EMIT headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (m_concerts.isEmpty())
        return;
    Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
    for (int c = 0; c < m_concerts.size(); ++c) {
        const QModelIndex parent = index(c, 0);
        if (const int n = rowCount(parent); n > 0)
            Q_EMIT dataChanged(index(0, 0, parent), index(n - 1, ColumnCount - 1, parent));
    }
}

} // namespace encore
