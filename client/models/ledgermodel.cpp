#include "ledgermodel.h"

#include "models/displaytext.h"

#include <QBrush>
#include <QColor>

using namespace Qt::StringLiterals;

namespace encore {

LedgerModel::LedgerModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

int LedgerModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int LedgerModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant LedgerModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const LedgerEntry &e = m_entries.at(index.row());
    if (role == AmountRole)
        return e.amount;
    if (role == Qt::TextAlignmentRole && index.column() >= AmountColumn)
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ForegroundRole && index.column() == AmountColumn)
        return QBrush(e.amount >= 0 ? QColor(0x1b, 0x7f, 0x3b) : QColor(0xb4, 0x23, 0x18));
    if (role == Qt::ToolTipRole)
        return e.reference;
    if (role != Qt::DisplayRole && role != Qt::AccessibleTextRole)
        return {};
    switch (index.column()) {
    case DateColumn:
        return DisplayText::dateTime(e.createdAt, DisplayText::localZone());
    case KindColumn:
        return DisplayText::ledgerKind(e.kind);
    case AmountColumn:
        return (e.amount > 0 ? u"+"_s : QString()) + money::format(e.amount);
    case BalanceColumn:
        return money::format(e.balanceAfter);
    }
    return {};
}

QVariant LedgerModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case DateColumn:
        return tr("When");
    case KindColumn:
        return tr("What");
    case AmountColumn:
        return tr("Amount");
    case BalanceColumn:
        return tr("Balance after");
    }
    return {};
}

void LedgerModel::setEntries(const QList<LedgerEntry> &entries)
{
    beginResetModel();
    m_entries = entries;
    endResetModel();
}

void LedgerModel::retranslate()
{
    Q_EMIT headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (!m_entries.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

} // namespace encore
