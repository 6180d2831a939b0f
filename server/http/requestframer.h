#pragma once
// RequestFramer: follows one connection's incoming byte stream — HTTP/1.1 request heads,
// Content-Length and chunked bodies, then WebSocket frames after an upgrade — and says as soon
// as a limit is broken, before the bytes are buffered. Holds at most one request head
// (maxHeaderBytes). Pure value logic, no I/O; used by one connection on one thread.

#include "messages.h"

#include <QByteArray>
#include <QByteArrayView>

namespace encore::server {

struct EdgeLimits {
    qint64 maxBodyBytes = 1 << 20;
    int maxHeaderBytes = 16 * 1024; // request line + headers (+ chunked trailers)
    int maxHeaderLines = 100;
};

// What the framer learnt from the last complete request head.
struct RequestHead {
    QByteArray method; // "GET"
    QByteArray path; // the request target as sent
    bool closeAfter = false; // Connection: close, or HTTP/1.0 without keep-alive
    bool upgradeToWebSocket = false;
    Language language = Language::English; // of Accept-Language, for the gate's own answers
};

class RequestFramer {
public:
    enum class Verdict {
        Ok,
        HeadersTooLarge, // 431
        BodyTooLarge, // 413
        Malformed, // 400: unreadable framing (bad Content-Length, chunk size, ...)
        UnmaskedFrame, // a client WebSocket frame without a mask (RFC 6455 §5.1)
    };
    enum class Phase { Idle, Head, Body, ChunkSize, ChunkData, ChunkDataEnd, Trailers, WebSocket };

    explicit RequestFramer(EdgeLimits limits = {});

    // Feeds the next bytes of the stream. After a verdict other than Ok the stream is refused
    // and further calls return the same verdict.
    Verdict feed(QByteArrayView data);

    // The connection was upgraded: from here on the stream is WebSocket frames, the first one
    // starting at the next byte fed.
    void restartWebSocket();

    Phase phase() const { return m_phase; }
    // True while a request is partly received (the request-read timeout applies).
    bool midRequest() const { return m_phase != Phase::Idle && m_phase != Phase::WebSocket; }
    // The head of the request being read or last read (valid once its head was complete).
    const RequestHead &head() const { return m_head; }
    bool headComplete() const { return m_headComplete; }
    qint64 completedRequests() const { return m_completed; }

private:
    Verdict feedHeadByte(char c);
    Verdict feedLineByte(char c, Phase phase);
    Verdict headEnded();
    Verdict chunkSizeEnded();
    Verdict feedWebSocket(QByteArrayView data, qsizetype &i);
    void requestEnded();
    Verdict refuse(Verdict v);

    EdgeLimits m_limits;
    Phase m_phase = Phase::Idle;
    Verdict m_refused = Verdict::Ok;
    QByteArray m_buffer; // the head so far, or the current chunk-size / trailer line
    int m_headerBytes = 0; // bytes of head (+ trailers) in this request
    int m_lines = 0;
    qint64 m_remaining = 0; // body or chunk bytes still to come
    qint64 m_bodyBytes = 0; // chunked: decoded bytes so far
    RequestHead m_head;
    bool m_headComplete = false;
    qint64 m_completed = 0;
    // WebSocket frame header being read: up to 14 bytes.
    unsigned char m_frame[14] = {};
    int m_frameHave = 0;
};

} // namespace encore::server
