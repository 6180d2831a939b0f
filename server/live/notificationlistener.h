#pragma once
// NotificationListener: the process's one LISTEN connection (its own thread and QSqlDatabase).
// Re-emits PostgreSQL notifications as Qt signals, which reach every worker's LiveHub through
// queued connections; reconnects by itself when the database goes away.

#include "storage/connectionparams.h"

#include <QObject>
#include <QSqlDatabase>
#include <QThread>
#include <QTimer>

namespace encore::server {

class NotificationListener : public QObject {
    Q_OBJECT

public:
    explicit NotificationListener(ConnectionParams params);
    ~NotificationListener() override;

    void start(); // moves itself to its own thread and connects
    void stop();

Q_SIGNALS:
    void seatsChanged(const QByteArray &payload); // JSON from notify_seat_changes()
    void queueChanged(qint64 concertId);
    void accountNotice(const QByteArray &payload); // JSON of an AccountNotice
    void cacheNotice(const QByteArray &payload); // on kCacheChannel (NoticePublisher)
    void listening(); // (re)connected: subscribers should re-sync

private:
    void connectToDatabase();
    void onNotification(const QString &channel, int source, const QVariant &payload);

    ConnectionParams m_params;
    QThread m_thread;
    QSqlDatabase m_db;
    QTimer *m_healthTimer = nullptr;
};

} // namespace encore::server
