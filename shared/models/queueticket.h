#pragma once
// QueueTicket: a user's place in one concert's queue (DESIGN.md §5). Value type.

#include "result.h"

#include <QDateTime>
#include <QJsonObject>
#include <QUuid>

namespace encore {

enum class QueueStatus { Waiting, Active };
QString queueStatusName(QueueStatus status); // "WAITING" | "ACTIVE"

struct QueueTicket
{
    QString token;          // only in the join response and to its owner
    QUuid userId;
    qint64 concertId = 0;
    QueueStatus status = QueueStatus::Waiting;
    qint64 position = 0;    // 1-based among the waiting; 0 once active
    qint64 aheadCount = 0;
    qint64 etaSeconds = 0;
    qint64 etaLowSeconds = 0;
    qint64 etaHighSeconds = 0;
    QString etaReason;      // why the estimate is what it is ("steady", "paused", ...)
    QDateTime activeUntil;
    int pollAfterMs = 1000;

    QJsonObject toJson() const;
    static Result<QueueTicket> fromJson(const QJsonObject &json);
};

} // namespace encore
