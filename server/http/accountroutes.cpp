#include "apiroutes.h"

#include "api/apitypes.h"
#include "api/requests.h"
#include "apipaths.h"
#include "http/routeregistrar.h"
#include "services/services.h"

using namespace Qt::StringLiterals;

namespace encore::server {

void registerAccountRoutes(RouteRegistrar &routes, Services &s)
{
    routes.add(Method::Post, api::authRegister(), [&s](RequestContext &ctx) {
        const auto in = ctx.body<Credentials>();
        return Reply::of(s.auth.registerUser(in.username, in.password, ctx.clientAddress()), 201);
    });
    routes.add(Method::Post, api::authLogin(), [&s](RequestContext &ctx) {
        const auto in = ctx.body<Credentials>();
        return Reply::of(s.auth.login(in.username, in.password, ctx.clientAddress()));
    });
    routes.add(Method::Post, api::authLogout(), [&s](RequestContext &ctx) {
        s.auth.logout(ctx.bearerToken());
        return Reply::noContent();
    });
    routes.add(Method::Get, api::me(), [&s](RequestContext &ctx) {
        return Reply::json(wrapOne(api::keys::kUser, s.auth.authenticate(ctx.bearerToken())));
    });

    routes.add(Method::Get, api::wallet(), [&s](RequestContext &ctx) {
        const User user = s.auth.authenticate(ctx.bearerToken());
        return Reply::of(WalletInfo {s.wallet.get(user.id), WalletLimits {}});
    });
    routes.add(Method::Get, api::walletLedger(), [&s](RequestContext &ctx) {
        const User user = s.auth.authenticate(ctx.bearerToken());
        return Reply::json(wrapList(api::keys::kEntries, s.wallet.ledger(user.id)));
    });
}

} // namespace encore::server
