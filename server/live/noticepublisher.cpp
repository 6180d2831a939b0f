#include "noticepublisher.h"

#include "storage/database.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcNotice, "encore.notice")

namespace encore::server {

namespace {
constexpr qsizetype kMaxBatch = 500;
}

NoticePublisher::NoticePublisher(Database &db)
    : m_db(db)
{
    m_thread.reset(QThread::create([this] { run(); }));
    m_thread->setObjectName(u"notice"_s);
    m_thread->start();
}

NoticePublisher::~NoticePublisher()
{
    {
        std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_wake.notify_all();
    m_thread->wait();
}

void NoticePublisher::publish(const QString &channel, const QString &payload)
{
    {
        std::lock_guard lock(m_mutex);
        m_pending.append({channel, payload});
    }
    m_wake.notify_one();
}

void NoticePublisher::flush()
{
    std::unique_lock lock(m_mutex);
    m_idle.wait(lock, [this] { return m_pending.isEmpty() && !m_sending; });
}

void NoticePublisher::run()
{
    for (;;) {
        QList<QPair<QString, QString>> batch;
        {
            std::unique_lock lock(m_mutex);
            m_sending = false;
            m_idle.notify_all();
            m_wake.wait(lock, [this] { return m_stop || !m_pending.isEmpty(); });
            if (m_pending.isEmpty() && m_stop)
                break;
            batch = m_pending.mid(0, kMaxBatch);
            m_pending.remove(0, batch.size());
            m_sending = true;
        }
        QJsonArray pairs;
        for (const auto &[channel, payload] : batch)
            pairs.append(QJsonArray {channel, payload});
        try {
            // One statement, its own transaction: it writes no WAL, so its commit waits for no
            // disk flush while it holds the notify lock.
            m_db.exec(
                u"SELECT count(pg_notify(e->>0, e->>1)) FROM jsonb_array_elements(?::jsonb) e"_s,
                {QString::fromUtf8(QJsonDocument(pairs).toJson(QJsonDocument::Compact))});
        } catch (const std::exception &e) {
            qCWarning(lcNotice) << "could not send" << batch.size() << "notices:" << e.what();
        }
    }
    m_db.closeThreadConnection();
}

} // namespace encore::server
