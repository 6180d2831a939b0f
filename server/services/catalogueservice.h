#pragma once
// CatalogueService: what staff put on sale — concerts, their dates, seat prices and each
// concert's queue settings. Every change is audited in its own transaction. Any worker thread.

#include "api/admintypes.h"
#include "models/concert.h"
#include "models/user.h"

namespace encore::server {

class AuditService;
class ConcertService;
class Database;
class QueueService;
class SeatOperationsService;

class CatalogueService {
public:
    CatalogueService(Database &db, ConcertService &concerts, QueueService &queue,
                     SeatOperationsService &seats, AuditService &audit);

    Concert createConcert(const User &staff, const ConcertDraft &draft);
    Concert updateConcert(const User &staff, qint64 concertId, const ConcertDraft &draft);
    void deleteConcert(const User &staff, qint64 concertId);

    // The draft's prices (by tier) apply to the new date's seats; other tiers get the defaults.
    Schedule createSchedule(const User &staff, qint64 concertId, const ScheduleDraft &draft);
    // Times only.
    Schedule updateSchedule(const User &staff, qint64 scheduleId, const ScheduleDraft &draft);
    void deleteSchedule(const User &staff, qint64 scheduleId);
    // Prices of unsold seats, by tier ("VIP","R","S","A") and/or per seat number.
    AdminSeatMap setPrices(const User &staff, qint64 scheduleId, const PriceChange &change);

    QueueSettings updateQueueSettings(const User &staff, qint64 concertId,
                                      const QueueSettings &settings);

    static void validate(const ConcertDraft &draft);
    static void validate(const ScheduleDraft &draft);
    static void validateTiers(const QMap<QString, Money> &tierPrices);

private:
    Schedule schedule(qint64 scheduleId);
    void requireNoSalesHistory(const QString &where, const QVariantList &values, Msg hasSales,
                               Msg hasHolds);

    Database &m_db;
    ConcertService &m_concerts;
    QueueService &m_queue;
    SeatOperationsService &m_seats;
    AuditService &m_audit;
};

} // namespace encore::server
