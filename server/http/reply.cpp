#include "reply.h"

#include <QJsonDocument>

namespace encore::server {

Reply Reply::json(const QJsonObject &object, int status)
{
    return Reply {
        status, QJsonDocument(object).toJson(QJsonDocument::Compact), "application/json", {}};
}

Reply Reply::noContent()
{
    return Reply {204, {}, {}, {}};
}

Reply Reply::text(QByteArray body, QByteArray contentType, int status)
{
    return Reply {status, std::move(body), std::move(contentType), {}};
}

} // namespace encore::server
