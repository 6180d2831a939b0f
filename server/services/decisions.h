#pragma once
// Decisions: the hot writes as one PostgreSQL function call each (encore_hold, encore_pay of
// migration 011) — one statement in its own transaction, so one round trip — and what the
// server does with their answers: map an 'EN' SQLSTATE to the caller's error, and announce the
// changes after the commit through the NoticePublisher (the functions send no NOTIFY).

#include "storage/database.h"

#include <QStringList>

#include <optional>

namespace encore::server {

class NoticePublisher;

namespace decisions {

// Runs `call` (a SELECT of a decision function; never re-run after a lost connection, since
// the first run may have committed), retried on deadlock. Not inside a transaction.
QSqlQuery &run(Database &db, const QString &call, const QVariantList &values);

// The business outcome of a failed decision ("ENSEA", ...), or nullopt (a real failure).
std::optional<QString> outcome(const DbError &e);

// After the commit: the seat notices (encore_seats payloads, as a JSON array text) and, when a
// queue entry changed in the decision, the concert's queue notice. Returns the seat payloads.
QStringList announce(Database &db, NoticePublisher &notices, const QString &seatNoticesJson,
                     qint64 turnConcert);

// The MESSAGE of a decision error as numbers ("1,2,3").
QList<qint64> numbers(const QString &message);

} // namespace decisions
} // namespace encore::server
