#pragma once
// ConnectionGate: watches one client connection (TCP or TLS) from accept to close, ahead of
// QHttpServer — refuses oversized heads (431) and bodies (413) from the head alone, enforces
// the request-read and idle timeouts, honours Connection: close, sheds connections over the
// budget, and fails WebSocket streams with unmasked client frames. A child of its socket, on the
// worker thread; gives back its ConnectionBudget share when destroyed.

#include "apierror.h"
#include "http/connectionbudget.h"
#include "http/requestframer.h"

#include <QObject>

class QTcpSocket;

namespace encore::server {

class EdgeServer;

struct EdgeSettings {
    EdgeLimits limits;
    int requestTimeoutMs = 20'000; // TLS handshake + head + body of one request
    int idleTimeoutMs = 60'000; // keep-alive connection with no request in progress
    int shedTimeoutMs = 2'000; // a connection over the budget must send its head this fast
    int lingerMs = 2'000; // after a refusal: read and discard, so the client sees the answer
};

class ConnectionGate : public QObject {
    Q_OBJECT

public:
    ConnectionGate(QTcpSocket *socket, EdgeServer *server, const EdgeSettings &settings,
                   ConnectionBudget &budget, ConnectionBudget::Admission admission);
    ~ConnectionGate() override;

    // Before QHttpServer sees the socket: our readyRead slot must run before its.
    void attachBeforeServer();
    // Right after QHttpServer connected its own slots (the socket is now its).
    void attachAfterServer();
    // Once the live hub has the QWebSocket: keep checking its client frames.
    void watchWebSocket();
    const QHostAddress &peerAddress() const { return m_peer; }
    quint16 peerPort() const { return m_peerPort; }

    // An answer that comes later (a handler waiting for a password hash): the connection holds
    // still meanwhile. False when the client already pipelined more requests behind this one
    // (their answers would overtake it) — then answer at once.
    bool holdForAnswer();
    // The later answer may be written now: false when the connection is closing or gone.
    bool releaseForAnswer();
    // After the later answer was written (closes if the request asked to).
    void answered();
    // The gate of a socket QHttpServer handed a request from (nullptr if none).
    static ConnectionGate *of(QTcpSocket *socket);

    // Called by the server's sweep; closes the connection when its deadline has passed.
    void checkDeadline(qint64 nowMs);
    void detachFromServer() { m_server = nullptr; }

private:
    enum class State { Handshake, Http, WebSocket, Closing };

    void beforeRead();
    void afterRead();
    void onBytesWritten();
    void takeOverForWebSocket();
    void refuse(RequestFramer::Verdict verdict);
    void refuseShed();
    void answerAndLinger(const ApiError &error);
    void failWebSocket();
    static qint64 now();

    QTcpSocket *m_socket;
    EdgeServer *m_server;
    const EdgeSettings m_settings;
    ConnectionBudget &m_budget;
    const ConnectionBudget::Admission m_admission;
    const QHostAddress m_peer;
    const quint16 m_peerPort;
    RequestFramer m_framer;
    State m_state = State::Handshake;
    qint64 m_deadline = 0; // ms (steady clock); 0: none
    qint64 m_scanned = 0; // WebSocket: bytes at the front of the read buffer already framed
    bool m_closeAfterResponse = false;
    bool m_pipelinedRead = false; // the last read completed a request and carried more
    bool m_answerPending = false; // holdForAnswer() until releaseForAnswer()
    bool m_handedOver = false;
};

} // namespace encore::server
