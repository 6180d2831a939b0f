#pragma once
// Services: the process's one set of business services, shared by every worker thread (they
// hold no per-request state; the Database gives each thread its own connection).

#include "auth/authservice.h"
#include "services/adminservice.h"
#include "queue/queueservice.h"
#include "services/concertservice.h"
#include "services/idempotencyservice.h"
#include "services/paymentservice.h"
#include "services/reservationservice.h"
#include "services/walletservice.h"

namespace encore::server {

struct Services
{
    Services(Database &database, const ServerConfig &serverConfig)
        : db(database), config(serverConfig), auth(db, config), idempotency(db), queue(db, config),
          concerts(db), wallet(db), reservations(db, config, concerts, queue, wallet),
          payments(db, reservations, wallet, queue), admin(db, concerts, queue)
    {
    }

    Database &db;
    const ServerConfig &config;
    AuthService auth;
    IdempotencyService idempotency;
    QueueService queue;
    ConcertService concerts;
    WalletService wallet;
    ReservationService reservations;
    PaymentService payments;
    AdminService admin;
};

} // namespace encore::server
