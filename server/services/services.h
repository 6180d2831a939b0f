#pragma once
// Services: the process's one set of business services, shared by every worker thread (they
// hold no per-request state; the Database gives each thread its own connection).

#include "auth/authservice.h"
#include "cache/redisclient.h"
#include "cache/snapshotcache.h"
#include "http/workpool.h"
#include "live/noticepublisher.h"
#include "payments/paymentprovider.h"
#include "payments/topupservice.h"
#include "queue/pgqueuestore.h"
#include "queue/queueservice.h"
#include "queue/redisqueuestore.h"
#include "services/auditservice.h"
#include "services/catalogueservice.h"
#include "services/concertservice.h"
#include "services/customerlookupservice.h"
#include "services/idempotencyservice.h"
#include "services/paymentservice.h"
#include "services/ratelimiter.h"
#include "services/reportservice.h"
#include "services/reservationservice.h"
#include "services/seatoperationsservice.h"
#include "services/seatwaitservice.h"
#include "services/staffmoneyservice.h"
#include "services/staffqueueservice.h"
#include "services/walletservice.h"
#include "storage/database.h"

namespace encore::server {

struct Services {
    // Holds, payments and queue joins wait for their commits here, not on the HTTP workers.
    // (A thread's Redis connection goes with the thread.)
    static WorkPool::Options decisionPoolOptions(Database &db, const ServerConfig &config)
    {
        const int threads = config.effectiveDecisionThreads();
        return {QStringLiteral("decision"), threads, 32 * threads, ApiError::retryShortly(), [&db] {
                    db.closeThreadConnection();
                }};
    }

    static RedisClient::Options redisOptions(const ServerConfig &config)
    {
        return {config.redisUrl, RedisClient::parseAddressList(config.redisSentinels),
                config.redisMasterName.toUtf8(), config.redisPassword};
    }

    Services(Database &database, const ServerConfig &serverConfig)
        : db(database)
        , config(serverConfig)
        , redis(config.usesRedis() ? std::make_unique<RedisClient>(redisOptions(config)) : nullptr)
        , queueStore(
              redis ? std::unique_ptr<QueueStore>(std::make_unique<RedisQueueStore>(*redis, db))
                    : std::make_unique<PgQueueStore>(db))
        , cache(redis.get())
        , notices(db)
        , auth(db, config, notices)
        , idempotency(db)
        , limits(db, redis.get(), config)
        , queue(db, config, *queueStore, limits, notices)
        , concerts(db, cache)
        , wallet(db)
        , waitlist(db, config, concerts, queue, audit)
        , reservations(db, config, concerts, queue, wallet, notices, waitlist)
        , payments(db, reservations, wallet, queue, concerts, notices)
        , audit(db, concerts)
        , seatOperations(db, audit, waitlist, reservations)
        , catalogue(db, concerts, queue, seatOperations, audit)
        , reports(db, seatOperations)
        , staffMoney(db, audit, concerts, reservations, wallet, queue, waitlist)
        , staffQueue(db, audit, queue, limits)
        , customers(db, reservations, payments, wallet, queue)
        , gateway(config)
        , topUps(db, gateway, wallet)
        , decisions(decisionPoolOptions(db, config))
    {
    }

    // A notice on the cache channel from any instance (the listener's thread).
    void onCacheNotice(const QByteArray &payload)
    {
        if (!auth.onCacheNotice(payload))
            queue.onCacheNotice(payload);
    }
    // The listener (re)connected: notices may have been missed meanwhile.
    void forgetCached()
    {
        auth.forgetAllSessions();
        queue.forgetAllTurns();
    }

    Database &db;
    const ServerConfig &config;
    std::unique_ptr<RedisClient> redis; // only with --redis
    std::unique_ptr<QueueStore> queueStore;
    SnapshotCache cache;
    NoticePublisher notices; // NOTIFYs after the commit, one connection (docs/PERFORMANCE.md)
    AuthService auth;
    IdempotencyService idempotency;
    RateLimiter limits; // the fair queue's abuse limits (issue 15)
    QueueService queue;
    ConcertService concerts;
    WalletService wallet;
    // The waiting list for returned seats; its audit of staff clearing is constructed later and
    // only used once requests run.
    SeatWaitService waitlist;
    ReservationService reservations;
    PaymentService payments;
    // Staff: one service per concern.
    AuditService audit;
    SeatOperationsService seatOperations;
    CatalogueService catalogue;
    ReportService reports;
    StaffMoneyService staffMoney;
    StaffQueueService staffQueue;
    CustomerLookupService customers;
    PaymentProvider gateway;
    TopUpService topUps;
    // Last: destroyed (drained) first, while what its work uses still exists.
    WorkPool decisions;
};

} // namespace encore::server
