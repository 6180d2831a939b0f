#pragma once
// Reply: what a route hands back — a status and a JSON body (or raw bytes with a type), plus
// extra headers. The RouteRegistrar turns it into the HTTP response. Value type.

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QPair>

namespace encore::server {

struct Reply {
    int status = 200;
    QByteArray body; // empty for 204
    QByteArray contentType = "application/json";
    QList<QPair<QByteArray, QByteArray>> headers;

    static Reply json(const QJsonObject &object, int status = 200);
    // A shared API type, encoded by its own toJson().
    template<typename T> static Reply of(const T &value, int status = 200)
    {
        return json(value.toJson(), status);
    }
    static Reply noContent();
    static Reply text(QByteArray body, QByteArray contentType, int status = 200);
};

} // namespace encore::server
