#pragma once
// ScriptedHttpServer: a tiny HTTP/1.1 server on a free loopback port that answers each request
// with the next scripted reply — raw bytes, so anything a proxy or a broken server sends (an HTML
// 502, a 429 with Retry-After, malformed JSON) — or drops the connection without a word. The
// client under test uses its real network stack against it. Main thread.

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QObject>
#include <QPair>
#include <QTcpServer>

class QTcpSocket;

namespace encore::test {

struct ScriptedReply {
    QByteArray raw; // the whole answer: status line, headers, body
    bool drop = false; // close the connection after reading the request, answering nothing

    // An answer with Content-Length and Connection: close; `headers` are added as given.
    static ScriptedReply http(int status, const QByteArray &contentType, const QByteArray &body,
                              const QList<QPair<QByteArray, QByteArray>> &headers = {});
    static ScriptedReply dropConnection();
};

// One request as the server read it.
struct ScriptedRequest {
    QByteArray method;
    QByteArray path; // with the query
    QList<QPair<QByteArray, QByteArray>> headers; // names in lower case
    QByteArray body;

    QByteArray header(const QByteArray &name) const;
};

class ScriptedHttpServer : public QObject {
    Q_OBJECT

public:
    explicit ScriptedHttpServer(QObject *parent = nullptr);
    ~ScriptedHttpServer() override;

    bool listen(); // a free port on 127.0.0.1
    quint16 port() const;
    QString baseUrl() const; // http://127.0.0.1:PORT

    // The answers to the next requests, in order; the last one repeats for every further one.
    void setReplies(const QList<ScriptedReply> &replies);
    const QList<ScriptedRequest> &requests() const { return m_requests; }

private:
    void onConnection();
    void onReadyRead(QTcpSocket *socket);

    QTcpServer m_server;
    QList<ScriptedReply> m_replies;
    QList<ScriptedRequest> m_requests;
    qsizetype m_served = 0; // requests answered since setReplies()
    QHash<QTcpSocket *, QByteArray> m_buffers;
};

} // namespace encore::test
