#include "httpclient.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonDocument>
#include <QTcpSocket>
#include <QTimer>

#include <memory>

namespace encore::test {

HttpRequest &HttpRequest::bearer(const QByteArray &token)
{
    headers.append({"Authorization", "Bearer " + token});
    return *this;
}

HttpRequest &HttpRequest::queueToken(const QByteArray &token)
{
    headers.append({"X-Queue-Token", token});
    return *this;
}

HttpRequest &HttpRequest::idempotencyKey(const QByteArray &key)
{
    headers.append({"Idempotency-Key", key});
    return *this;
}

HttpRequest &HttpRequest::json(const QJsonObject &object)
{
    body = QJsonDocument(object).toJson(QJsonDocument::Compact);
    return *this;
}

QJsonObject HttpResponse::json() const
{
    return QJsonDocument::fromJson(body).object();
}

QString HttpResponse::errorCode() const
{
    return json().value(QLatin1String("error")).toObject().value(QLatin1String("code")).toString();
}

namespace {

// One keep-alive connection working through a list of requests, one after another.
class Connection
{
public:
    Connection(quint16 port, const QByteArray &host, std::function<void(Connection *)> onIdle)
        : m_onIdle(std::move(onIdle)), m_host(host)
    {
        QObject::connect(&m_socket, &QTcpSocket::readyRead, [this] { read(); });
        QObject::connect(&m_socket, &QTcpSocket::disconnected, [this] { finish(true); });
        QObject::connect(&m_socket, &QAbstractSocket::errorOccurred, [this](QAbstractSocket::SocketError) {
            finish(true);
        });
        m_socket.connectToHost(QString::fromLatin1(host), port);
    }

    void start(const HttpRequest &request, HttpResponse *out)
    {
        m_out = out;
        m_buffer.clear();
        m_timer.start();
        m_socket.write(HttpClient::serialize(request, m_host));
    }

private:
    void read()
    {
        m_buffer += m_socket.readAll();
        const qsizetype end = m_buffer.indexOf("\r\n\r\n");
        if (end < 0 || !m_out)
            return;
        const QList<QByteArray> lines = m_buffer.left(end).split('\n');
        QMap<QByteArray, QByteArray> headers;
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const qsizetype colon = lines[i].indexOf(':');
            if (colon > 0)
                headers.insert(lines[i].left(colon).trimmed().toLower(), lines[i].mid(colon + 1).trimmed());
        }
        const qsizetype length = headers.value("content-length", "0").toLongLong();
        if (m_buffer.size() < end + 4 + length)
            return;
        m_out->status = lines.value(0).split(' ').value(1).toInt();
        m_out->headers = headers;
        m_out->body = m_buffer.mid(end + 4, length);
        m_out->seconds = double(m_timer.nsecsElapsed()) / 1e9;
        m_buffer.remove(0, end + 4 + length);
        m_out = nullptr;
        m_onIdle(this);
    }

    void finish(bool failed)
    {
        if (m_out && failed) {
            m_out->status = 0;
            m_out = nullptr;
            m_dead = true;
            m_onIdle(this);
        }
    }

public:
    bool m_dead = false;

private:
    std::function<void(Connection *)> m_onIdle;
    QByteArray m_host;
    QTcpSocket m_socket;
    QByteArray m_buffer;
    HttpResponse *m_out = nullptr;
    QElapsedTimer m_timer;
};

} // namespace

HttpClient::HttpClient(quint16 port, QByteArray host) : m_port(port), m_host(std::move(host)) { }

QByteArray HttpClient::serialize(const HttpRequest &r, const QByteArray &host)
{
    QByteArray out = r.method + ' ' + r.path + " HTTP/1.1\r\nHost: " + host + "\r\n";
    bool hasType = false;
    for (const auto &h : r.headers) {
        out += h.first + ": " + h.second + "\r\n";
        hasType = hasType || h.first.compare("Content-Type", Qt::CaseInsensitive) == 0;
    }
    if (!r.body.isEmpty() && !hasType)
        out += "Content-Type: application/json\r\n";
    out += "Content-Length: " + QByteArray::number(r.body.size()) + "\r\n\r\n" + r.body;
    return out;
}

HttpResponse HttpClient::send(const HttpRequest &request) const
{
    return pooled({request}, 1).value(0);
}

HttpResponse HttpClient::get(const QByteArray &path, const QByteArray &token) const
{
    HttpRequest r{"GET", path, {}, {}};
    if (!token.isEmpty())
        r.bearer(token);
    return send(r);
}

HttpResponse HttpClient::post(const QByteArray &path, const QJsonObject &body, const QByteArray &token) const
{
    HttpRequest r{"POST", path, {}, {}};
    r.json(body);
    if (!token.isEmpty())
        r.bearer(token);
    return send(r);
}

QList<HttpResponse> HttpClient::parallel(const QList<HttpRequest> &requests, int timeoutMs) const
{
    return pooled(requests, int(requests.size()), timeoutMs);
}

QList<HttpResponse> HttpClient::pooled(const QList<HttpRequest> &requests, int connections, int timeoutMs) const
{
    QList<HttpResponse> responses(requests.size());
    qsizetype next = 0;
    qsizetype done = 0;
    QEventLoop loop;
    std::vector<std::unique_ptr<Connection>> pool;
    std::function<void(Connection *)> onIdle = [&](Connection *c) {
        if (++done == requests.size()) {
            loop.quit();
            return;
        }
        if (next >= requests.size())
            return;
        Connection *target = c;
        if (c->m_dead) { // the server dropped it: go on with a fresh connection
            pool.push_back(std::make_unique<Connection>(m_port, m_host, onIdle));
            target = pool.back().get();
        }
        const qsizetype i = next++;
        target->start(requests[i], &responses[i]);
    };
    const int n = std::max(1, std::min<int>(connections, int(requests.size())));
    for (int i = 0; i < n && next < requests.size(); ++i) {
        pool.push_back(std::make_unique<Connection>(m_port, m_host, onIdle));
        const qsizetype k = next++;
        pool.back()->start(requests[k], &responses[k]);
    }
    if (requests.isEmpty())
        return responses;
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    loop.exec();
    return responses;
}

} // namespace encore::test
