#include "apiroutes.h"

#include "api/apitypes.h"
#include "api/requests.h"
#include "apipaths.h"
#include "http/routeregistrar.h"
#include "http/workpool.h"
#include "services/services.h"

using namespace Qt::StringLiterals;

namespace encore::server {

void registerAccountRoutes(RouteRegistrar &routes, Services &s)
{
    // Password hashing (Argon2id) runs off the worker: see RouteRegistrar::addOffloaded.
    routes.addOffloaded(
        Method::Post, api::authRegister(), passwordHashPool(), [&s](RequestContext &ctx) {
            const auto in = ctx.body<Credentials>();
            auto registration = std::make_shared<AuthService::Registration>(
                s.auth.beginRegistration(in.username, in.password, ctx.clientAddress()));
            return Offload {[registration] { registration->computeHash(); },
                            [&s, registration] {
                                return Reply::of(s.auth.finishRegistration(*registration), 201);
                            }};
        });
    routes.addOffloaded(Method::Post, api::authLogin(), passwordHashPool(),
                        [&s](RequestContext &ctx) {
                            const auto in = ctx.body<Credentials>();
                            auto attempt = std::make_shared<AuthService::LoginAttempt>(
                                s.auth.beginLogin(in.username, in.password, ctx.clientAddress()));
                            return Offload {[attempt] { attempt->verify(); },
                                            [&s, attempt] {
                                                return Reply::of(s.auth.finishLogin(*attempt));
                                            }};
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
    // Pages, newest first: ?limit=1..200 (default 50) &before=<entry id>; nextBefore is the
    // cursor of the next (older) page, null on the last one.
    routes.add(Method::Get, api::walletLedger(), [&s](RequestContext &ctx) {
        const User user = s.auth.authenticate(ctx.bearerToken());
        const int limit = int(ctx.queryInteger(api::query::kLimit, 1, 200).value_or(50));
        const auto before
            = ctx.queryInteger(api::query::kBefore, 1, std::numeric_limits<qint64>::max());
        QList<LedgerEntry> page = s.wallet.ledger(user.id, limit + 1, before);
        const bool more = page.size() > limit;
        page.resize(std::min<qsizetype>(page.size(), limit));
        return Reply::json(
            {{api::keys::kEntries, encodeList(page)},
             {u"nextBefore"_s, more ? QJsonValue(page.last().id) : QJsonValue(QJsonValue::Null)}});
    });
}

} // namespace encore::server
