#pragma once
// registeredRoutes(): every API route exactly as a worker registers it, listed in-process
// (registered on a throw-away QHttpServer; no database is opened). Any thread with no server.

#include "http/routeregistrar.h"

namespace encore::test {

QList<server::RouteInfo> registeredRoutes();

} // namespace encore::test
