#include "apiroutes.h"

#include "http/routeregistrar.h"
#include "jsonreader.h"
#include "services/services.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace encore::server {

namespace {
std::pair<QString, QString> credentials(const RequestContext &ctx)
{
    JsonReader r(ctx.jsonBody());
    const QString username = r.string(u"username"_s, 1, 64);
    const QString password = r.string(u"password"_s, 1, 1024);
    if (!r.ok())
        throw r.error();
    return {username, password};
}
} // namespace

void registerAccountRoutes(RouteRegistrar &routes, Services &s)
{
    routes.add(Method::Post, u"/api/v1/auth/register"_s, [&s](RequestContext &ctx) {
        const auto [username, password] = credentials(ctx);
        return Reply::json(s.auth.registerUser(username, password, ctx.clientAddress()).toJson(),
                           201);
    });
    routes.add(Method::Post, u"/api/v1/auth/login"_s, [&s](RequestContext &ctx) {
        const auto [username, password] = credentials(ctx);
        return Reply::json(s.auth.login(username, password, ctx.clientAddress()).toJson());
    });
    routes.add(Method::Post, u"/api/v1/auth/logout"_s, [&s](RequestContext &ctx) {
        s.auth.logout(ctx.bearerToken());
        return Reply::noContent();
    });
    routes.add(Method::Get, u"/api/v1/me"_s, [&s](RequestContext &ctx) {
        return Reply::json({{u"user"_s, s.auth.authenticate(ctx.bearerToken()).toJson()}});
    });

    routes.add(Method::Get, u"/api/v1/wallet"_s, [&s](RequestContext &ctx) {
        const User user = s.auth.authenticate(ctx.bearerToken());
        QJsonObject body = s.wallet.get(user.id).toJson();
        body.insert(u"limits"_s,
                    QJsonObject {{u"minTopUp"_s, money::kMinTopUp},
                                 {u"maxTopUp"_s, money::kMaxTopUp},
                                 {u"maxBalance"_s, money::kMaxBalance}});
        return Reply::json(body);
    });
    routes.add(Method::Get, u"/api/v1/wallet/ledger"_s, [&s](RequestContext &ctx) {
        const User user = s.auth.authenticate(ctx.bearerToken());
        QJsonArray entries;
        for (const LedgerEntry &e : s.wallet.ledger(user.id))
            entries.append(e.toJson());
        return Reply::json({{u"entries"_s, entries}});
    });
}

} // namespace encore::server
