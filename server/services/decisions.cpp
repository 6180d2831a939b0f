#include "decisions.h"

#include "live/noticepublisher.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace encore::server::decisions {

QSqlQuery &run(Database &db, const QString &call, const QVariantList &values)
{
    // Database::exec re-runs a statement that starts with SELECT after a lost connection (a
    // read); this one writes, so it starts with a comment instead.
    const QString sql = u"/* decision */ "_s + call;
    constexpr int kMaxAttempts = 5;
    for (int attempt = 1;; ++attempt) {
        try {
            return db.exec(sql, values);
        } catch (const DbError &e) {
            // One statement, one transaction: a deadlock undid all of it, so it can run again.
            if (!e.isRetryable() || attempt == kMaxAttempts || db.inTransaction())
                throw;
        }
    }
}

std::optional<QString> outcome(const DbError &e)
{
    if (e.sqlState().startsWith(u"EN"_s))
        return e.sqlState();
    return std::nullopt;
}

QStringList announce(Database &db, NoticePublisher &notices, const QString &seatNoticesJson,
                     qint64 turnConcert)
{
    QStringList seats;
    for (const QJsonValue &v : QJsonDocument::fromJson(seatNoticesJson.toUtf8()).array())
        seats.append(v.toString());
    db.afterCommit([&notices, seats, turnConcert] {
        for (const QString &payload : seats)
            notices.publish(u"encore_seats"_s, payload);
        if (turnConcert > 0)
            notices.publish(u"encore_queue"_s, QString::number(turnConcert));
    });
    return seats;
}

QList<qint64> numbers(const QString &message)
{
    // libpq's text: "ERROR:  1,2,3" then CONTEXT lines.
    QString primary = message.section(u'\n', 0, 0).trimmed();
    if (primary.startsWith(u"ERROR:"_s))
        primary = primary.mid(6).trimmed();
    QList<qint64> out;
    for (const QString &n : primary.split(u',', Qt::SkipEmptyParts))
        out.append(n.toLongLong());
    return out;
}

} // namespace encore::server::decisions
