#pragma once
// CustomerLookupService: staff find a customer by name and see everything about them in one
// answer — wallet, ledger, reservations, payments, live queue tickets and queue blocks
// (DESIGN.md §4). Reads only; no transaction of its own. Any worker thread.

#include "models/staffops.h"

namespace encore::server {

class Database;
class PaymentService;
class QueueService;
class ReservationService;
class WalletService;

class CustomerLookupService {
public:
    static constexpr int kMaxResults = 50;

    CustomerLookupService(Database &db, ReservationService &reservations, PaymentService &payments,
                          WalletService &wallet, QueueService &queue);

    // Accounts whose username contains `text` (any case), exact matches first.
    CustomerList search(const QString &text);
    CustomerDetail detail(const QUuid &userId);

private:
    Database &m_db;
    ReservationService &m_reservations;
    PaymentService &m_payments;
    WalletService &m_wallet;
    QueueService &m_queue;
};

} // namespace encore::server
