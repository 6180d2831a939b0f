#include "notificationlistener.h"

#include "live/accountnotices.h"
#include "live/noticepublisher.h"

#include <QLoggingCategory>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcLive, "encore.live")

namespace encore::server {

namespace {
const QString kSeats = u"encore_seats"_s;
const QString kQueue = u"encore_queue"_s;
const QString kAccount = QString::fromLatin1(kAccountChannel);
const QString kCache = QString::fromLatin1(kCacheChannel);
} // namespace

NotificationListener::NotificationListener(ConnectionParams params)
    : m_params(std::move(params))
{
}

NotificationListener::~NotificationListener()
{
    stop();
}

void NotificationListener::start()
{
    m_thread.setObjectName(u"listen"_s);
    moveToThread(&m_thread);
    connect(&m_thread, &QThread::started, this, [this] {
        m_healthTimer = new QTimer(this);
        // A dropped LISTEN connection says nothing: check it, and reconnect when it is gone.
        connect(m_healthTimer, &QTimer::timeout, this, [this] {
            QSqlQuery ping(m_db);
            if (!m_db.isOpen() || !ping.exec(u"SELECT 1"_s))
                connectToDatabase();
        });
        m_healthTimer->start(1000);
        connectToDatabase();
    });
    m_thread.start();
}

void NotificationListener::stop()
{
    if (!m_thread.isRunning())
        return;
    // The timer and the connection belong to the listener thread: end them there.
    QMetaObject::invokeMethod(
        this,
        [this] {
            delete m_healthTimer;
            m_healthTimer = nullptr;
            const QString name = m_db.connectionName();
            m_db.close();
            m_db = QSqlDatabase();
            QSqlDatabase::removeDatabase(name);
            m_thread.quit();
        },
        Qt::BlockingQueuedConnection);
    m_thread.wait();
}

void NotificationListener::connectToDatabase()
{
    if (!m_db.isValid()) {
        m_db = QSqlDatabase::addDatabase(
            u"QPSQL"_s, u"encore-listen-"_s + QUuid::createUuid().toString(QUuid::Id128));
        m_params.applyTo(m_db, u"encore-listen"_s);
        connect(m_db.driver(),
                qOverload<const QString &, QSqlDriver::NotificationSource, const QVariant &>(
                    &QSqlDriver::notification),
                this,
                [this](const QString &channel, QSqlDriver::NotificationSource source,
                       const QVariant &payload) { onNotification(channel, int(source), payload); });
    }
    m_db.close();
    if (!m_db.open()) {
        qCWarning(lcLive) << "LISTEN connection failed:" << m_db.lastError().text();
        return;
    }
    m_db.driver()->subscribeToNotification(kSeats);
    m_db.driver()->subscribeToNotification(kQueue);
    m_db.driver()->subscribeToNotification(kAccount);
    m_db.driver()->subscribeToNotification(kCache);
    Q_EMIT listening();
}

void NotificationListener::onNotification(const QString &channel, int, const QVariant &payload)
{
    if (channel == kSeats)
        Q_EMIT seatsChanged(payload.toString().toUtf8());
    else if (channel == kQueue)
        Q_EMIT queueChanged(payload.toString().toLongLong());
    else if (channel == kAccount)
        Q_EMIT accountNotice(payload.toString().toUtf8());
    else if (channel == kCache)
        Q_EMIT cacheNotice(payload.toString().toUtf8());
}

} // namespace encore::server
