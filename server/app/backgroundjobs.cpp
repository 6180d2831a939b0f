#include "backgroundjobs.h"

#include "cache/redisclient.h"
#include "metrics/metrics.h"
#include "services/services.h"
#include "storage/database.h"

#include <QEventLoop>
#include <QLoggingCategory>
#include <QSqlQuery>
#include <QTimer>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcJobs, "encore.jobs")

namespace encore::server {

namespace {
constexpr int kTickMs = 200;
}

BackgroundJobs::BackgroundJobs(Services &services)
    : m_services(services)
{
}

BackgroundJobs::~BackgroundJobs()
{
    stop();
}

void BackgroundJobs::start()
{
    m_thread.reset(QThread::create([this] {
        QTimer timer;
        QObject::connect(&timer, &QTimer::timeout, [this] { tick(); });
        timer.start(kTickMs);
        tick();
        QEventLoop loop; // QThread::quit() ends it
        loop.exec();
        m_services.db.closeThreadConnection();
    }));
    m_thread->setObjectName(u"jobs"_s);
    m_thread->start();
}

void BackgroundJobs::stop()
{
    if (!m_thread)
        return;
    m_thread->quit();
    m_thread->wait();
    m_thread.reset();
}

void BackgroundJobs::tick()
{
    const int n = m_ticks++;
    try {
        m_services.queue.admitAll();
        if (n % 5 == 0) {
            const int freed = m_services.reservations.sweepExpired();
            if (freed > 0)
                Metrics::instance().increment(u"encore_holds_expired_seats_total"_s, {}, freed);
        }
        if (n % 25 == 0) {
            QSqlQuery &q = m_services.db.exec(
                u"SELECT concert_id, count(*) FILTER (WHERE status = 'WAITING'), "
                " count(*) FILTER (WHERE status = 'ACTIVE') FROM queue_entries "
                "WHERE status IN ('WAITING', 'ACTIVE') GROUP BY concert_id"_s);
            while (q.next()) {
                const QString labels = u"concert=\"%1\""_s.arg(q.value(0).toLongLong());
                Metrics::instance().setGauge(u"encore_queue_waiting"_s, labels,
                                             q.value(1).toDouble());
                Metrics::instance().setGauge(u"encore_queue_active"_s, labels,
                                             q.value(2).toDouble());
            }
        }
        if (n % 3000 == 0)
            m_services.idempotency.purgeOld();
    } catch (const DbError &e) {
        if (n % 25 == 0)
            qCWarning(lcJobs) << "background job failed:" << e.what();
    } catch (const ApiError &e) {
        qCWarning(lcJobs) << "background job failed:" << e.message;
    } catch (const RedisError &e) {
        if (n % 25 == 0)
            qCWarning(lcJobs) << "background job failed:" << e.what();
    }
}

} // namespace encore::server
