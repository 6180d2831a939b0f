#pragma once
// ConcertListModel: concerts as top-level rows, their dates as children, with seats left and
// price range; only bookable dates are enabled. No network code. GUI thread.

#include "models/concert.h"
#include "models/seatavailability.h"

#include <QAbstractItemModel>

namespace encore {

class ConcertListModel : public QAbstractItemModel {
    Q_OBJECT

public:
    enum Column { TitleColumn, WhereColumn, SeatsColumn, PriceColumn, ColumnCount };
    enum Role {
        ConcertIdRole = Qt::UserRole + 1,
        ScheduleIdRole, // 0 on concert rows
        BookableRole,
    };

    explicit ConcertListModel(QObject *parent = nullptr);

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

    void setConcerts(const QList<Concert> &concerts);
    // A date's seat counts changed (the live feed): its row and its concert's row update.
    void setAvailability(const SeatAvailability &availability);
    const QList<Concert> &concerts() const { return m_concerts; }
    // The concert of a row (its own or its parent's); nullptr for an invalid index.
    const Concert *concertAt(const QModelIndex &index) const;
    // The date of a child row; nullptr on concert rows.
    const Schedule *scheduleAt(const QModelIndex &index) const;
    QModelIndex indexOfSchedule(qint64 scheduleId) const;
    // On sale now.
    bool isBookable(const Schedule &schedule) const;
    // On sale, or not yet: a customer may ask to join its queue early (the server answers with a
    // place in the pre-queue, or says when the pre-queue opens).
    bool canEnterQueue(const Schedule &schedule) const;

    // Fixes "now" for bookability (tests, screenshots); an invalid time means the real clock.
    void setNow(const QDateTime &now);
    void retranslate();

private:
    QDateTime now() const;
    QVariant concertData(const Concert &c, int column, int role) const;
    QVariant scheduleData(const Concert &c, const Schedule &s, int column, int role) const;

    QList<Concert> m_concerts;
    QDateTime m_now;
};

} // namespace encore
