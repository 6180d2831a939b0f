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
constexpr int kPaymentTickMs = 1000;
} // namespace

BackgroundJobs::BackgroundJobs(Services &services)
    : m_services(services)
{
}

BackgroundJobs::~BackgroundJobs()
{
    stop();
}

std::unique_ptr<QThread> BackgroundJobs::loop(const QString &name, int intervalMs,
                                              std::function<void()> work, Services &services)
{
    std::unique_ptr<QThread> thread(QThread::create([intervalMs, work, &services] {
        QTimer timer;
        QObject::connect(&timer, &QTimer::timeout, work);
        timer.start(intervalMs);
        work();
        QEventLoop loop; // QThread::quit() ends it
        loop.exec();
        services.db.closeThreadConnection();
    }));
    thread->setObjectName(name);
    thread->start();
    return thread;
}

void BackgroundJobs::start()
{
    m_thread = loop(
        u"jobs"_s, kTickMs, [this] { tick(); }, m_services);
    m_paymentThread = loop(
        u"payments"_s, kPaymentTickMs, [this] { resolvePayments(); }, m_services);
}

void BackgroundJobs::stop()
{
    for (auto *thread : {&m_thread, &m_paymentThread}) {
        if (!*thread)
            continue;
        (*thread)->quit();
        (*thread)->wait();
        thread->reset();
    }
}

void BackgroundJobs::resolvePayments()
{
    try {
        const int settled = m_services.topUps.resolvePending();
        if (settled > 0)
            qCInfo(lcJobs) << "resolved" << settled << "pending top-up(s)";
    } catch (const DbError &e) {
        qCWarning(lcJobs) << "top-up resolver failed:" << e.what();
    } catch (const ApiError &e) {
        qCWarning(lcJobs) << "top-up resolver failed:" << e.message;
    }
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
                // The line's arithmetic (migration 012), not a count of every waiting row.
                u"SELECT l.concert_id, l.next_seq - l.front_gone + l.pre_count "
                "   - queue_departed_before(l.concert_id, l.next_seq + 1), "
                " (SELECT count(*) FROM queue_entries e WHERE e.concert_id = l.concert_id "
                "   AND e.status = 'ACTIVE') FROM queue_lines l"_s);
            while (q.next()) {
                const QString labels = u"concert=\"%1\""_s.arg(q.value(0).toLongLong());
                Metrics::instance().setGauge(u"encore_queue_waiting"_s, labels,
                                             q.value(1).toDouble());
                Metrics::instance().setGauge(u"encore_queue_active"_s, labels,
                                             q.value(2).toDouble());
            }
        }
        if (n % 3000 == 0) {
            m_services.idempotency.purgeOld();
            m_services.limits.prune();
        }
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
