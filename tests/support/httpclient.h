#pragma once
// HttpClient: a minimal HTTP/1.1 client over raw QTcpSockets, for tests and benchmarks. One
// request at a time (blocking on a local event loop), or many at once, each on its own
// connection, so the server really sees parallel clients. Main thread.

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QPair>

namespace encore::test {

struct HttpRequest
{
    QByteArray method = "GET";
    QByteArray path;
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;

    HttpRequest &bearer(const QByteArray &token);
    HttpRequest &queueToken(const QByteArray &token);
    HttpRequest &idempotencyKey(const QByteArray &key);
    HttpRequest &json(const QJsonObject &object);
};

struct HttpResponse
{
    int status = 0;           // 0: no response (connection failed)
    QMap<QByteArray, QByteArray> headers; // lower-case names
    QByteArray body;
    double seconds = 0;       // time to the full response

    QJsonObject json() const;
    QString errorCode() const; // error.code of the envelope, or empty
};

class HttpClient
{
public:
    explicit HttpClient(quint16 port, QByteArray host = "127.0.0.1");

    HttpResponse send(const HttpRequest &request) const;
    HttpResponse get(const QByteArray &path, const QByteArray &token = {}) const;
    HttpResponse post(const QByteArray &path, const QJsonObject &body, const QByteArray &token = {}) const;
    // Sends every request at once, each on a new connection; answers in the same order.
    QList<HttpResponse> parallel(const QList<HttpRequest> &requests, int timeoutMs = 120'000) const;
    // Like parallel(), but at most `connections` in flight, each connection re-used (keep-alive).
    QList<HttpResponse> pooled(const QList<HttpRequest> &requests, int connections, int timeoutMs = 300'000) const;

    static QByteArray serialize(const HttpRequest &request, const QByteArray &host);

private:
    quint16 m_port;
    QByteArray m_host;
};

} // namespace encore::test
