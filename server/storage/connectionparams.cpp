#include "connectionparams.h"

#include <QUrl>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace encore::server {

Result<ConnectionParams> ConnectionParams::fromUrl(const QString &text)
{
    const QUrl url(text);
    if (!url.isValid() || (url.scheme() != u"postgresql" && url.scheme() != u"postgres"))
        return ApiError::withText(ErrorCode::ValidationFailed, u"not a postgresql:// URL"_s);
    ConnectionParams p;
    p.host = url.host();
    // postgresql://user@/db?host=/run/postgresql selects a socket directory.
    const QUrlQuery query(url);
    if (query.hasQueryItem(u"host"_s))
        p.host = query.queryItemValue(u"host"_s, QUrl::FullyDecoded);
    if (p.host.isEmpty())
        p.host = u"localhost"_s;
    p.port
        = query.hasQueryItem(u"port"_s) ? query.queryItemValue(u"port"_s).toInt() : url.port(5432);
    p.user = url.userName(QUrl::FullyDecoded);
    p.password = url.password(QUrl::FullyDecoded);
    p.database = url.path().mid(1);
    if (p.database.isEmpty())
        p.database = p.user.isEmpty() ? u"postgres"_s : p.user;
    return p;
}

std::optional<ConnectionParams> ConnectionParams::fromLibpqEnvironment()
{
    static const char *const kVars[] = {"PGHOST", "PGPORT", "PGDATABASE", "PGUSER"};
    bool any = false;
    for (const char *v : kVars)
        any = any || qEnvironmentVariableIsSet(v);
    if (!any)
        return std::nullopt;
    ConnectionParams p;
    p.host = qEnvironmentVariable("PGHOST", u"localhost"_s);
    p.port = qEnvironmentVariableIntValue("PGPORT") > 0 ? qEnvironmentVariableIntValue("PGPORT")
                                                        : 5432;
    p.user = qEnvironmentVariable("PGUSER", qEnvironmentVariable("USER"));
    p.password = qEnvironmentVariable("PGPASSWORD");
    p.database = qEnvironmentVariable("PGDATABASE", p.user);
    return p;
}

QString ConnectionParams::describe() const
{
    return u"postgresql://%1@%2:%3/%4"_s.arg(user, host).arg(port).arg(database);
}

} // namespace encore::server
