#include "requestframer.h"

#include <QList>

namespace encore::server {

namespace {

constexpr int kMaxChunkLine = 1024;
constexpr qsizetype kMaxLengthDigits = 18; // fits qint64 with room

bool hasToken(const QByteArray &value, QByteArrayView token)
{
    const QList<QByteArray> parts = value.split(',');
    return std::any_of(parts.begin(), parts.end(), [token](const QByteArray &p) {
        return p.trimmed().compare(token, Qt::CaseInsensitive) == 0;
    });
}

bool allDigits(QByteArrayView s)
{
    return !s.isEmpty()
        && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

} // namespace

RequestFramer::RequestFramer(EdgeLimits limits)
    : m_limits(limits)
{
}

RequestFramer::Verdict RequestFramer::refuse(Verdict v)
{
    m_refused = v;
    m_buffer.clear();
    return v;
}

RequestFramer::Verdict RequestFramer::feed(QByteArrayView data)
{
    if (m_refused != Verdict::Ok)
        return m_refused;
    qsizetype i = 0;
    while (i < data.size()) {
        Verdict v = Verdict::Ok;
        switch (m_phase) {
        case Phase::Idle:
            // Empty lines before a request line are ignored (RFC 9112 §2.2).
            if (data[i] != '\r' && data[i] != '\n') {
                m_phase = Phase::Head;
                m_headComplete = false;
                m_head = {};
                m_headerBytes = 0;
                m_lines = 0;
                continue;
            }
            ++i;
            break;
        case Phase::Head:
            v = feedHeadByte(data[i++]);
            break;
        case Phase::Body:
        case Phase::ChunkData: {
            const qint64 take = std::min<qint64>(m_remaining, data.size() - i);
            i += take;
            m_remaining -= take;
            if (m_remaining == 0) {
                if (m_phase == Phase::Body)
                    requestEnded();
                else
                    m_phase = Phase::ChunkDataEnd;
            }
            break;
        }
        case Phase::ChunkSize:
        case Phase::ChunkDataEnd:
        case Phase::Trailers:
            v = feedLineByte(data[i++], m_phase);
            break;
        case Phase::WebSocket:
            v = feedWebSocket(data, i);
            break;
        }
        if (v != Verdict::Ok)
            return refuse(v);
    }
    return Verdict::Ok;
}

RequestFramer::Verdict RequestFramer::feedHeadByte(char c)
{
    if (++m_headerBytes > m_limits.maxHeaderBytes)
        return Verdict::HeadersTooLarge;
    m_buffer.append(c);
    if (c != '\n')
        return Verdict::Ok;
    if (++m_lines > m_limits.maxHeaderLines)
        return Verdict::HeadersTooLarge;
    // The head ends with an empty line (CRLF or a bare LF, as the server's parser accepts).
    if (m_buffer.endsWith("\n\n") || m_buffer.endsWith("\n\r\n"))
        return headEnded();
    return Verdict::Ok;
}

RequestFramer::Verdict RequestFramer::headEnded()
{
    const QList<QByteArray> lines = m_buffer.split('\n');
    m_buffer.clear();
    const QList<QByteArray> requestLine = lines.first().trimmed().split(' ');
    if (requestLine.size() != 3 || !requestLine.at(2).startsWith("HTTP/1."))
        return Verdict::Malformed;
    m_head = RequestHead {};
    m_head.method = requestLine.at(0);
    m_head.path = requestLine.at(1);
    const bool http10 = requestLine.at(2) == "HTTP/1.0";

    QByteArray contentLength, transferEncoding, connection, upgrade;
    for (qsizetype n = 1; n < lines.size(); ++n) {
        const QByteArray &line = lines.at(n);
        if (line.trimmed().isEmpty())
            continue;
        if (line.startsWith(' ') || line.startsWith('\t'))
            return Verdict::Malformed; // obsolete line folding (RFC 9112 §5.2)
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            return Verdict::Malformed;
        const QByteArray name = line.left(colon).trimmed().toLower();
        const QByteArray value = line.mid(colon + 1).trimmed();
        if (name == "content-length") {
            if (!contentLength.isEmpty() && contentLength != value)
                return Verdict::Malformed;
            contentLength = value;
        } else if (name == "transfer-encoding") {
            transferEncoding += (transferEncoding.isEmpty() ? "" : ",") + value;
        } else if (name == "connection") {
            connection += (connection.isEmpty() ? "" : ",") + value;
        } else if (name == "upgrade") {
            upgrade = value;
        } else if (name == "accept-language") {
            m_head.language = languageFromAcceptLanguage(value);
        }
    }
    m_head.closeAfter
        = hasToken(connection, "close") || (http10 && !hasToken(connection, "keep-alive"));
    m_head.upgradeToWebSocket
        = upgrade.compare("websocket", Qt::CaseInsensitive) == 0 && hasToken(connection, "upgrade");
    m_headComplete = true;

    if (!transferEncoding.isEmpty()) {
        // Both framings at once is how requests are smuggled past proxies: refuse.
        if (!contentLength.isEmpty() || !transferEncoding.toLower().trimmed().endsWith("chunked"))
            return Verdict::Malformed;
        m_bodyBytes = 0;
        m_phase = Phase::ChunkSize;
        return Verdict::Ok;
    }
    if (!contentLength.isEmpty()) {
        if (!allDigits(contentLength))
            return Verdict::Malformed;
        if (contentLength.size() > kMaxLengthDigits)
            return Verdict::BodyTooLarge;
        m_remaining = contentLength.toLongLong();
        if (m_remaining > m_limits.maxBodyBytes)
            return Verdict::BodyTooLarge;
    } else {
        m_remaining = 0;
    }
    if (m_head.upgradeToWebSocket) {
        ++m_completed;
        m_phase = Phase::WebSocket;
        m_frameHave = 0;
        m_remaining = 0;
    } else if (m_remaining > 0) {
        m_phase = Phase::Body;
    } else {
        requestEnded();
    }
    return Verdict::Ok;
}

RequestFramer::Verdict RequestFramer::feedLineByte(char c, Phase phase)
{
    if (phase == Phase::Trailers && ++m_headerBytes > m_limits.maxHeaderBytes)
        return Verdict::HeadersTooLarge;
    if (m_buffer.size() >= kMaxChunkLine)
        return phase == Phase::Trailers ? Verdict::HeadersTooLarge : Verdict::Malformed;
    if (c != '\n') {
        m_buffer.append(c);
        return Verdict::Ok;
    }
    const QByteArray line = m_buffer.trimmed();
    m_buffer.clear();
    switch (phase) {
    case Phase::ChunkSize:
        m_buffer = line;
        return chunkSizeEnded();
    case Phase::ChunkDataEnd:
        if (!line.isEmpty())
            return Verdict::Malformed;
        m_phase = Phase::ChunkSize;
        return Verdict::Ok;
    default: // Trailers
        if (++m_lines > m_limits.maxHeaderLines)
            return Verdict::HeadersTooLarge;
        if (line.isEmpty())
            requestEnded();
        return Verdict::Ok;
    }
}

RequestFramer::Verdict RequestFramer::chunkSizeEnded()
{
    const qsizetype extension = m_buffer.indexOf(';');
    const QByteArray digits = (extension < 0 ? m_buffer : m_buffer.left(extension)).trimmed();
    m_buffer.clear();
    bool ok = false;
    const qint64 size = digits.size() <= 15 ? digits.toLongLong(&ok, 16) : -1;
    if (!ok || size < 0 || digits.startsWith('+') || digits.startsWith('-'))
        return digits.size() > 15 ? Verdict::BodyTooLarge : Verdict::Malformed;
    m_bodyBytes += size;
    if (m_bodyBytes > m_limits.maxBodyBytes)
        return Verdict::BodyTooLarge;
    if (size == 0) {
        m_phase = Phase::Trailers;
    } else {
        m_remaining = size;
        m_phase = Phase::ChunkData;
    }
    return Verdict::Ok;
}

RequestFramer::Verdict RequestFramer::feedWebSocket(QByteArrayView data, qsizetype &i)
{
    if (m_remaining > 0) { // payload of the current frame
        const qint64 take = std::min<qint64>(m_remaining, data.size() - i);
        i += take;
        m_remaining -= take;
        return Verdict::Ok;
    }
    m_frame[m_frameHave++] = static_cast<unsigned char>(data[i++]);
    if (m_frameHave < 2)
        return Verdict::Ok;
    if (!(m_frame[1] & 0x80))
        return Verdict::UnmaskedFrame;
    const int len7 = m_frame[1] & 0x7f;
    const int extra = len7 == 126 ? 2 : len7 == 127 ? 8 : 0;
    if (m_frameHave < 2 + extra + 4)
        return Verdict::Ok;
    quint64 length = len7;
    if (extra) {
        length = 0;
        for (int b = 0; b < extra; ++b)
            length = (length << 8) | m_frame[2 + b];
    }
    if (length >> 62)
        return Verdict::Malformed;
    m_remaining = qint64(length);
    m_frameHave = 0;
    return Verdict::Ok;
}

void RequestFramer::restartWebSocket()
{
    m_phase = Phase::WebSocket;
    m_refused = Verdict::Ok;
    m_frameHave = 0;
    m_remaining = 0;
}

void RequestFramer::requestEnded()
{
    ++m_completed;
    m_phase = Phase::Idle;
    m_buffer.clear();
}

} // namespace encore::server
