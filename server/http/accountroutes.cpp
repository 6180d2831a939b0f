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
    routes.add(Method::Post, u"/api/v1/wallet/top-ups"_s, [&s](RequestContext &ctx) {
        const User user = s.auth.authenticate(ctx.bearerToken());
        const QString key = ctx.requireIdempotencyKey();
        JsonReader r(ctx.jsonBody());
        const Money amount = r.integer(u"amount"_s, money::kMinTopUp, money::kMaxTopUp);
        if (!r.ok())
            throw r.error();
        const auto hash = IdempotencyService::requestHash("POST", ctx.request().url().path(),
                                                          ctx.request().body());
        return s.idempotency.run(user.id, key, hash, [&] {
            const auto [wallet, entry] = s.wallet.topUp(user.id, amount);
            return Reply::json({{u"balance"_s, wallet.balance}, {u"entry"_s, entry.toJson()}}, 201);
        });
    });
    // Pages, newest first: ?limit=1..200 (default 50) &before=<entry id>; nextBefore is the
    // cursor of the next (older) page, null on the last one.
    routes.add(Method::Get, u"/api/v1/wallet/ledger"_s, [&s](RequestContext &ctx) {
        const User user = s.auth.authenticate(ctx.bearerToken());
        const int limit = int(ctx.queryInteger(u"limit"_s, 1, 200).value_or(50));
        const auto before = ctx.queryInteger(u"before"_s, 1, std::numeric_limits<qint64>::max());
        QList<LedgerEntry> page = s.wallet.ledger(user.id, limit + 1, before);
        const bool more = page.size() > limit;
        page.resize(std::min<qsizetype>(page.size(), limit));
        QJsonArray entries;
        for (const LedgerEntry &e : std::as_const(page))
            entries.append(e.toJson());
        return Reply::json(
            {{u"entries"_s, entries},
             {u"nextBefore"_s, more ? QJsonValue(page.last().id) : QJsonValue(QJsonValue::Null)}});
    });
}

} // namespace encore::server
