#include "registeredroutes.h"

#include "config/serverconfig.h"
#include "http/apiroutes.h"
#include "services/services.h"
#include "storage/database.h"

#include <QHttpServer>

using namespace Qt::StringLiterals;

namespace encore::test {

QList<server::RouteInfo> registeredRoutes()
{
    server::ServerConfig config;
    server::ConnectionParams params;
    params.host = u"/nonexistent"_s; // a Database connects only when a query runs
    params.database = u"never-opened"_s;
    server::Database db(params);
    server::Services services(db, config);
    QHttpServer http;
    server::RouteRegistrar registrar(http, config);
    server::registerApiRoutes(registrar, services);
    return registrar.routes();
}

} // namespace encore::test
