#pragma once
// AdminApi: the staff calls (/api/v1/admin/...) over the app's one ApiClient (its session, retries
// and error decoding), typed like ApiClient's own; CSV exports come back as bytes through the
// same ApiClient. GUI thread.

#include "api/admintypes.h"
#include "api/fairqueuetypes.h"
#include "models/seatwait.h"
#include "net/apiclient.h"

#include <QObject>

namespace encore {

class AdminApi : public QObject {
    Q_OBJECT

public:
    template<typename T> using Callback = ApiClient::Callback<T>;
    enum class SeatAction { Release, Block, Unblock };

    explicit AdminApi(ApiClient *api, QObject *parent = nullptr);

    ApiClient *client() const { return m_api; }
    // Offline: calls are dropped unanswered (the screenshot mode shows sample data, no server).
    void setOffline(bool offline) { m_offline = offline; }
    bool isOffline() const { return m_offline; }

    // Concerts and dates
    void concerts(QObject *context, Callback<QList<Concert>> done);
    void createConcert(const ConcertDraft &draft, QObject *context, Callback<Concert> done);
    void updateConcert(qint64 concertId, const ConcertDraft &draft, QObject *context,
                       Callback<Concert> done);
    void deleteConcert(qint64 concertId, QObject *context, Callback<Empty> done);
    // Answers the new date's id.
    void createSchedule(qint64 concertId, const ScheduleDraft &draft, QObject *context,
                        Callback<qint64> done);
    // Times, then (when the draft has any) tier prices of the unsold seats.
    void updateSchedule(qint64 scheduleId, const ScheduleDraft &draft, QObject *context,
                        Callback<Empty> done);
    void deleteSchedule(qint64 scheduleId, QObject *context, Callback<Empty> done);
    void setTierPrices(qint64 scheduleId, const QMap<QString, Money> &prices, QObject *context,
                       Callback<AdminSeatMap> done);
    // Prices of single unsold seats (seat number → KRW).
    void setSeatPrices(qint64 scheduleId, const QMap<int, Money> &prices, QObject *context,
                       Callback<AdminSeatMap> done);

    // Seats
    void seats(qint64 scheduleId, QObject *context, Callback<AdminSeatMap> done);
    // `reason`: the staff member's words, kept in the audit log.
    void seatAction(qint64 scheduleId, int seat, SeatAction action, const QString &reason,
                    QObject *context, Callback<AdminSeatMap> done);

    // Queue
    void queueStats(qint64 concertId, QObject *context, Callback<QueueStats> done);
    void setQueueSettings(qint64 concertId, const QueueSettings &settings, QObject *context,
                          Callback<QueueSettings> done);
    // The fair queue (issue 15): a concert's pre-queue, the abuse counters; clearing either
    // answers how many went.
    void preQueue(qint64 concertId, QObject *context, Callback<PreQueueView> done);
    void clearPreQueue(qint64 concertId, const QString &reason, QObject *context,
                       Callback<int> done);
    void abuseCounters(QObject *context, Callback<QList<AbuseCounter>> done);
    void clearAbuseCounters(const ClearCountersRequest &request, QObject *context,
                            Callback<int> done);

    // Money
    // Every concert's dates, or only those of `concertId` (> 0).
    void sales(QObject *context, Callback<SalesReport> done, qint64 concertId = 0);
    void reconciliation(QObject *context, Callback<ReconciliationReport> done);
    void audit(const QString &action, const QString &actor, int limit, QObject *context,
               Callback<QList<AuditEntry>> done);

    // A date's waiting list (waiting entries and live offers, in order) and clearing it.
    void seatWaits(qint64 scheduleId, QObject *context, Callback<QList<SeatWait>> done);
    void clearSeatWaits(qint64 scheduleId, const QString &reason, QObject *context,
                        Callback<SeatWaitsCleared> done);

    // CSV exports: the file's bytes.
    void salesCsv(QObject *context, Callback<QByteArray> done);
    void attendeesCsv(qint64 scheduleId, QObject *context, Callback<QByteArray> done);

private:
    template<typename T>
    void call(ApiCall c, QObject *context, Callback<T> done,
              std::function<Result<T>(const QJsonObject &)> decode);
    void download(const QString &path, QObject *context, Callback<QByteArray> done);

    ApiClient *m_api;
    bool m_offline = false;
};

} // namespace encore
