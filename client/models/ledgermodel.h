#pragma once
// LedgerModel: the wallet's ledger entries (top-ups, payments, refunds) newest first, with signed
// amounts and the balance after each. No network code. GUI thread.

#include "models/wallet.h"

#include <QAbstractTableModel>

namespace encore {

class LedgerModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { DateColumn, KindColumn, AmountColumn, BalanceColumn, ColumnCount };
    enum Role { AmountRole = Qt::UserRole + 1 };

    explicit LedgerModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    void setEntries(const QList<LedgerEntry> &entries);
    const QList<LedgerEntry> &entries() const { return m_entries; }
    void retranslate();

private:
    QList<LedgerEntry> m_entries;
};

} // namespace encore
