#pragma once
// SampleData: believable concerts, a seat map, tickets and a ledger for the screenshot mode and
// GUI tests that need no server. Pure functions.

#include "api/apitypes.h"

#include "models/concert.h"
#include "models/queueticket.h"
#include "models/seat.h"

namespace encore::sample {

QDateTime now();
QList<Concert> concerts();
// Row 1 VIP, row 2 R, rows 3–4 S, row 5 A; a few held, sold, blocked and two of "mine".
SeatMap seatMap(qint64 scheduleId);
Money tierPrice(const QString &tier);
QString tierOf(int seatNumber);
QList<Reservation> reservations();
WalletInfo wallet();
QList<LedgerEntry> ledger();
QueueTicket waitingTicket();
PaymentReceipt payment();

} // namespace encore::sample
