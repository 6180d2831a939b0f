#pragma once
// ReportService: what staff read about money — sales per date and concert, reconciliation of
// payments, seats and wallets, and the CSV exports. Read-only; any worker thread.

#include "api/admintypes.h"

#include <QByteArray>

#include <optional>

namespace encore::server {

class Database;
class SeatOperationsService;

class ReportService {
public:
    ReportService(Database &db, SeatOperationsService &seats);

    SalesReport sales(std::optional<qint64> concertId);
    ReconciliationReport reconciliation();
    // The CSV files are UTF-8 with a byte-order mark (so a spreadsheet reads Korean titles), and
    // their times are wall-clock times in each concert's venue zone, named in a time_zone column.
    QByteArray salesCsv();
    // The sold (paid) seats of a date: who comes to the show.
    QByteArray attendeesCsv(qint64 scheduleId);

private:
    Database &m_db;
    SeatOperationsService &m_seats;
};

} // namespace encore::server
