#pragma once
// AdminService: what staff do — concerts and dates, seat prices, a date's seats with holders,
// releasing holds and blocking seats through the same guarded statements customers go through,
// sales figures, reconciliation, the audit log and CSV exports. Every change is written to
// audit_log in its own transaction. Any worker thread.

#include "models/user.h"
#include "money.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>

namespace encore::server {

class ConcertService;
class Database;
class QueueService;
struct QueueSettings;

struct ConcertInput {
    QString title;
    QString artist;
    QString venue;
    QString description;
};

struct ScheduleInput {
    QDateTime startsAt;
    QDateTime salesOpenAt;
    QDateTime salesCloseAt;
};

class AdminService {
public:
    AdminService(Database &db, ConcertService &concerts, QueueService &queue);

    QJsonObject createConcert(const User &staff, const ConcertInput &input);
    QJsonObject updateConcert(const User &staff, qint64 concertId, const ConcertInput &input);
    void deleteConcert(const User &staff, qint64 concertId);

    QJsonObject createSchedule(const User &staff, qint64 concertId, const ScheduleInput &input,
                               const QMap<QString, Money> &tierPrices);
    QJsonObject updateSchedule(const User &staff, qint64 scheduleId, const ScheduleInput &input);
    void deleteSchedule(const User &staff, qint64 scheduleId);
    // Prices of unsold seats, by tier ("VIP","R","S","A") and/or per seat number.
    QJsonObject setPrices(const User &staff, qint64 scheduleId,
                          const QMap<QString, Money> &tierPrices,
                          const QMap<int, Money> &seatPrices);

    QJsonObject seats(qint64 scheduleId);
    QJsonObject releaseHold(const User &staff, qint64 scheduleId, int seat);
    QJsonObject blockSeat(const User &staff, qint64 scheduleId, int seat);
    QJsonObject unblockSeat(const User &staff, qint64 scheduleId, int seat);

    QJsonObject updateQueueSettings(const User &staff, qint64 concertId,
                                    const QueueSettings &settings);

    QJsonObject sales(std::optional<qint64> concertId);
    QJsonObject reconciliation();
    QJsonObject audit(const QString &action, const QString &actor, int limit);
    QByteArray salesCsv();
    QByteArray attendeesCsv(qint64 scheduleId);

    static void validate(const ConcertInput &input);
    static void validate(const ScheduleInput &input);
    static void validateTiers(const QMap<QString, Money> &tierPrices);

    // Writes one audit entry in the caller's transaction (and refreshes the listing).
    void record(const User &staff, const QString &action, const QString &target,
                const QJsonObject &details);

private:
    void requireNoSalesHistory(const QString &where, const QVariantList &values,
                               const QString &what);

    Database &m_db;
    ConcertService &m_concerts;
    QueueService &m_queue;
};

} // namespace encore::server
