#pragma once
// The API's routes (DESIGN.md §4). Each route parses, authenticates, calls one service method
// and encodes; no SQL here. Registered once per worker.

namespace encore::server {

class RouteRegistrar;
struct Services;

void registerApiRoutes(RouteRegistrar &routes, Services &services);

// One file per area:
void registerAccountRoutes(RouteRegistrar &routes, Services &services); // auth, me, wallet
void registerBookingRoutes(RouteRegistrar &routes,
                           Services &services); // concerts, queue, seats, reservations, payments
void registerSystemRoutes(RouteRegistrar &routes, Services &services); // health, metrics
void registerAdminRoutes(RouteRegistrar &routes, Services &services); // /api/v1/admin/...
// Staff money and customer operations: cancel, refund, customers, wallet adjustments, queue
// control.
void registerStaffRoutes(RouteRegistrar &routes, Services &services);
// card top-ups: orders, confirmation, the gateway's webhook, staff listing and refunds
void registerTopUpRoutes(RouteRegistrar &routes, Services &services);
// the waiting list for seats that come back: join, leave, decline an offer; staff view and clear
void registerSeatWaitRoutes(RouteRegistrar &routes, Services &services);

} // namespace encore::server
