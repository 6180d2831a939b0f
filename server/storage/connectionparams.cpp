#include "connectionparams.h"

#include <QSqlDatabase>
#include <QUrl>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace encore::server {

namespace {

ApiError notAUrl()
{
    return ApiError::withText(ErrorCode::ValidationFailed, u"not a postgresql:// URL"_s);
}

// "a:5432,b:5433,[::1]:5434" → hosts "a,b,::1", ports "5432,5433,5434" (5432 when left out).
bool splitHostList(const QString &spec, QString *hosts, QString *ports)
{
    QStringList h;
    QStringList p;
    for (const QString &item : spec.split(u',')) {
        QString host = item;
        QString port = u"5432"_s;
        const qsizetype bracket = item.indexOf(u']');
        const qsizetype colon = item.lastIndexOf(u':');
        if (colon > bracket && colon >= 0) {
            host = item.left(colon);
            port = item.mid(colon + 1);
        }
        if (host.startsWith(u'[') && host.endsWith(u']'))
            host = host.mid(1, host.size() - 2);
        bool ok = false;
        const int n = port.toInt(&ok);
        if (host.isEmpty() || !ok || n <= 0 || n > 65535)
            return false;
        h.append(QUrl::fromPercentEncoding(host.toUtf8()));
        p.append(QString::number(n));
    }
    *hosts = h.join(u',');
    *ports = p.join(u',');
    return true;
}

} // namespace

Result<ConnectionParams> ConnectionParams::fromUrl(const QString &text)
{
    // QUrl knows one host only: a host list is cut out of the authority and parsed here.
    const qsizetype schemeEnd = text.indexOf(u"://"_s);
    const qsizetype authorityStart = schemeEnd + 3;
    qsizetype authorityEnd = text.size();
    for (const QChar c : {u'/', u'?', u'#'}) {
        const qsizetype at = text.indexOf(c, authorityStart);
        if (schemeEnd > 0 && at >= 0)
            authorityEnd = std::min(authorityEnd, at);
    }
    const QString authority
        = schemeEnd > 0 ? text.mid(authorityStart, authorityEnd - authorityStart) : QString();
    const qsizetype at = authority.lastIndexOf(u'@');
    const QString hostSpec = authority.mid(at + 1);
    QString hostList;
    QString portList;
    const bool multiHost = hostSpec.contains(u',');
    if (multiHost && !splitHostList(hostSpec, &hostList, &portList))
        return notAUrl();
    const QUrl url(multiHost ? text.left(authorityStart) + authority.left(at + 1) + u"multihost"_s
                           + text.mid(authorityEnd)
                             : text);
    if (!url.isValid() || (url.scheme() != u"postgresql" && url.scheme() != u"postgres"))
        return notAUrl();
    ConnectionParams p;
    p.host = multiHost ? hostList : url.host();
    p.portList = portList;
    // postgresql://user@/db?host=/run/postgresql selects a socket directory.
    const QUrlQuery query(url);
    if (query.hasQueryItem(u"host"_s))
        p.host = query.queryItemValue(u"host"_s, QUrl::FullyDecoded);
    if (p.host.isEmpty())
        p.host = u"localhost"_s;
    p.port
        = query.hasQueryItem(u"port"_s) ? query.queryItemValue(u"port"_s).toInt() : url.port(5432);
    if (multiHost)
        p.port = portList.section(u',', 0, 0).toInt();
    p.user = url.userName(QUrl::FullyDecoded);
    p.password = url.password(QUrl::FullyDecoded);
    p.database = url.path().mid(1);
    if (p.database.isEmpty())
        p.database = p.user.isEmpty() ? u"postgres"_s : p.user;
    p.targetSessionAttrs = query.queryItemValue(u"target_session_attrs"_s);
    if (p.targetSessionAttrs.isEmpty() && multiHost)
        p.targetSessionAttrs = u"read-write"_s;
    static const QStringList kAttrs {u""_s,        u"any"_s,     u"read-write"_s,    u"read-only"_s,
                                     u"primary"_s, u"standby"_s, u"prefer-standby"_s};
    if (!kAttrs.contains(p.targetSessionAttrs))
        return ApiError::withText(ErrorCode::ValidationFailed, u"unknown target_session_attrs"_s);
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
    const QString port = qEnvironmentVariable("PGPORT");
    p.port = port.section(u',', 0, 0).toInt() > 0 ? port.section(u',', 0, 0).toInt() : 5432;
    if (port.contains(u','))
        p.portList = port;
    p.user = qEnvironmentVariable("PGUSER", qEnvironmentVariable("USER"));
    p.password = qEnvironmentVariable("PGPASSWORD");
    p.database = qEnvironmentVariable("PGDATABASE", p.user);
    // PGTARGETSESSIONATTRS is read by libpq itself.
    return p;
}

QString ConnectionParams::describe() const
{
    QString text = u"postgresql://%1@%2:%3/%4"_s.arg(
        user, host, portList.isEmpty() ? QString::number(port) : portList, database);
    if (!targetSessionAttrs.isEmpty())
        text += u"?target_session_attrs="_s + targetSessionAttrs;
    return text;
}

void ConnectionParams::applyTo(QSqlDatabase &db, const QString &applicationName) const
{
    db.setHostName(host);
    db.setPort(portList.isEmpty() ? port : -1); // -1: the port list goes in the options
    db.setUserName(user);
    db.setPassword(password);
    db.setDatabaseName(database);
    // A peer that vanishes without a word (a partition, a machine that died) is given up after
    // about 10 s instead of TCP's minutes: then the connection fails, the request answers 503 and
    // the next one connects afresh (to the new primary after a failover).
    QStringList options {u"connect_timeout=5"_s,  u"application_name="_s + applicationName,
                         u"keepalives_idle=10"_s, u"keepalives_interval=3"_s,
                         u"keepalives_count=3"_s, u"tcp_user_timeout=10000"_s};
    if (!portList.isEmpty())
        options.append(u"port="_s + portList);
    if (!targetSessionAttrs.isEmpty())
        options.append(u"target_session_attrs="_s + targetSessionAttrs);
    db.setConnectOptions(options.join(u';'));
}

} // namespace encore::server
