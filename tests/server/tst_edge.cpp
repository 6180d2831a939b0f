// The HTTP edge against hostile clients, over raw sockets to a real server: oversized heads
// (431) and bodies (413, declared or chunked) refused from the head alone and the connection
// closed; 8 parallel 64 MiB uploads with the server's peak RSS measured; hundreds of slowloris
// clients dropped by the request timeout while /healthz answers; idle keep-alive connections
// closed; the connection caps (total and per address) still answering health checks;
// Connection: close, HEAD, the 426 of /api/v1/live and unmasked WebSocket frames.
#include "apipaths.h"
#include "fixtures.h"
#include "messages.h"
#include "testserver.h"

#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTcpSocket>
#include <QTest>
#include <QTimer>

using namespace Qt::StringLiterals;
using namespace encore::test;
using namespace encore;

namespace {

constexpr qint64 kMiB = 1024 * 1024;

std::unique_ptr<QTcpSocket> connectRaw(quint16 port, const QString &from = {})
{
    auto socket = std::make_unique<QTcpSocket>();
    if (!from.isEmpty() && !socket->bind(QHostAddress(from)))
        return nullptr;
    socket->connectToHost(QHostAddress::LocalHost, port);
    return socket->waitForConnected(5000) ? std::move(socket) : nullptr;
}

struct RawResponse {
    int status = 0;
    QMap<QByteArray, QByteArray> headers; // lower-case names
    QByteArray body;
    QByteArray rest; // bytes after the response

    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
    QString code() const { return json().value(u"error"_s).toObject().value(u"code"_s).toString(); }
};

// Reads one response; a HEAD answer has no body whatever its Content-Length says. With `carry`,
// reading starts with the bytes it holds and leaves there what follows the response.
RawResponse readResponse(QTcpSocket &socket, bool headRequest = false, int timeoutMs = 10'000,
                         QByteArray *carry = nullptr)
{
    QDeadlineTimer deadline(timeoutMs);
    QByteArray buffer = carry ? std::exchange(*carry, {}) : QByteArray();
    const auto fill = [&] {
        if (socket.bytesAvailable() == 0)
            socket.waitForReadyRead(int(std::max<qint64>(1, deadline.remainingTime())));
        const QByteArray more = socket.readAll();
        buffer += more;
        return !more.isEmpty();
    };
    while (!buffer.contains("\r\n\r\n") && !deadline.hasExpired())
        if (!fill() && socket.state() != QAbstractSocket::ConnectedState)
            break;
    RawResponse r;
    const qsizetype end = buffer.indexOf("\r\n\r\n");
    if (end < 0)
        return r;
    const QList<QByteArray> lines = buffer.left(end).split('\n');
    r.status = lines.first().split(' ').value(1).toInt();
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const qsizetype colon = lines[i].indexOf(':');
        r.headers.insert(lines[i].left(colon).trimmed().toLower(),
                         lines[i].mid(colon + 1).trimmed());
    }
    buffer.remove(0, end + 4);
    const qint64 length = headRequest ? 0 : r.headers.value("content-length").toLongLong();
    while (buffer.size() < length && !deadline.hasExpired())
        if (!fill() && socket.state() != QAbstractSocket::ConnectedState)
            break;
    r.body = buffer.left(length);
    r.rest = buffer.mid(length);
    if (carry)
        *carry = r.rest;
    return r;
}

// Whether the server closed the connection (reading and dropping what it still sends).
bool closedByServer(QTcpSocket &socket, int timeoutMs = 10'000)
{
    QDeadlineTimer deadline(timeoutMs);
    while (socket.state() == QAbstractSocket::ConnectedState && !deadline.hasExpired()) {
        socket.waitForReadyRead(int(std::max<qint64>(1, deadline.remainingTime())));
        socket.readAll();
    }
    return socket.state() != QAbstractSocket::ConnectedState;
}

qint64 residentKiB(qint64 pid, const char *field = "VmRSS:")
{
    QFile status(u"/proc/%1/status"_s.arg(pid));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith(field))
            return line.mid(qsizetype(strlen(field))).trimmed().split(' ').first().toLongLong();
    }
    return 0;
}

QByteArray headerLines(int count)
{
    QByteArray out;
    for (int i = 0; i < count; ++i)
        out += "X-Line-" + QByteArray::number(i) + ": v\r\n";
    return out;
}

QByteArray chunked(qint64 total, int chunk)
{
    QByteArray out;
    const QByteArray data(chunk, 'x');
    for (qint64 sent = 0; sent < total; sent += chunk)
        out += QByteArray::number(chunk, 16) + "\r\n" + data + "\r\n";
    return out + "0\r\n\r\n";
}

} // namespace

class TestEdge final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void refusedByHead_data();
    void refusedByHead();
    void largestAllowedHeadPasses();
    void parallelOversizedUploadsStayBounded();
    void slowClientsAreDropped();
    void idleKeepAliveIsClosed();
    void connectionCloseIsHonoured();
    void headHasNoBody();
    void liveWithoutUpgradeIsAnEnvelope();
    void unmaskedWebSocketFrameClosesTheSocket();
    void connectionCaps();
    void metricsNeedStaffOrThePrivateAddress();
    void loginAnswersKeepTheirOrder();

private:
    std::unique_ptr<TestServer> m_server;
};

void TestEdge::initTestCase()
{
    m_server = std::make_unique<TestServer>(
        QStringList {u"--request-timeout"_s, u"2"_s, u"--idle-timeout"_s, u"1"_s,
                     u"--max-connections-per-address"_s, u"5000"_s, u"--no-access-log"_s,
                     u"--metrics-listen"_s, u"127.0.0.1:0"_s});
    QVERIFY(m_server->start());
}

void TestEdge::refusedByHead_data()
{
    QTest::addColumn<QByteArray>("request");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("code");
    const QByteArray login = "POST " + api::authLogin().toLatin1() + " HTTP/1.1\r\nHost: t\r\n";
    QTest::addRow("20 KiB header")
        << "GET /healthz HTTP/1.1\r\nHost: t\r\nX-Big: " + QByteArray(20'000, 'a') + "\r\n\r\n"
        << 431 << u"HEADERS_TOO_LARGE"_s;
    QTest::addRow("4 MiB header never ended") << "GET /healthz HTTP/1.1\r\nX-Big: "
            + QByteArray(4 * kMiB, 'a') << 431 << u"HEADERS_TOO_LARGE"_s;
    QTest::addRow("101 header lines") << "GET /healthz HTTP/1.1\r\n" + headerLines(100) + "\r\n"
                                      << 431 << u"HEADERS_TOO_LARGE"_s;
    QTest::addRow("17 KiB request line") << "GET /healthz?" + QByteArray(17'000, 'q')
            + " HTTP/1.1\r\n\r\n" << 431 << u"HEADERS_TOO_LARGE"_s;
    QTest::addRow("declared 64 MiB, nothing sent") << login + "Content-Length: 67108864\r\n\r\n"
                                                   << 413 << u"PAYLOAD_TOO_LARGE"_s;
    QTest::addRow("declared 1 MiB + 1") << login + "Content-Length: 1048577\r\n\r\n"
                                        << 413 << u"PAYLOAD_TOO_LARGE"_s;
    QTest::addRow("declared 2 MiB, Korean")
        << login + "Accept-Language: ko\r\nContent-Length: 2097152\r\n\r\n"
        << 413 << u"PAYLOAD_TOO_LARGE"_s;
    QTest::addRow("declared 10^30")
        << login + "Content-Length: 1000000000000000000000000000000\r\n\r\n"
        << 413 << u"PAYLOAD_TOO_LARGE"_s;
    QTest::addRow("chunked 2 MiB")
        << login + "Transfer-Encoding: chunked\r\n\r\n" + chunked(2 * kMiB, 64 * 1024) << 413
        << u"PAYLOAD_TOO_LARGE"_s;
    QTest::addRow("one huge chunk") << login + "Transfer-Encoding: chunked\r\n\r\nFFFFFFFFFF\r\nxx"
                                    << 413 << u"PAYLOAD_TOO_LARGE"_s;
    QTest::addRow("chunked and Content-Length")
        << login + "Transfer-Encoding: chunked\r\nContent-Length: 5\r\n\r\n0\r\n\r\n"
        << 400 << u"BAD_REQUEST"_s;
    QTest::addRow("Content-Length not a number") << login + "Content-Length: 12abc\r\n\r\n"
                                                 << 400 << u"BAD_REQUEST"_s;
    QTest::addRow("two Content-Lengths") << login + "Content-Length: 5\r\nContent-Length: 6\r\n\r\n"
                                         << 400 << u"BAD_REQUEST"_s;
}

void TestEdge::refusedByHead()
{
    QFETCH(QByteArray, request);
    QFETCH(int, status);
    QFETCH(QString, code);
    auto socket = connectRaw(m_server->port());
    QVERIFY(socket);
    socket->write(request);
    const RawResponse r = readResponse(*socket);
    QCOMPARE(r.status, status);
    QCOMPARE(r.code(), code);
    QVERIFY(!r.headers.value("x-request-id").isEmpty());
    QCOMPARE(r.json().value(u"requestId"_s).toString().toLatin1(), r.headers.value("x-request-id"));
    QCOMPARE(r.headers.value("connection"), QByteArray("close"));
    // The gate's own answers speak the caller's language when the head said which.
    const QString message = r.json().value(u"error"_s).toObject().value(u"message"_s).toString();
    QCOMPARE(message == messageText(Msg::PayloadTooLarge, Language::Korean),
             request.contains("Accept-Language: ko"));
    QVERIFY2(closedByServer(*socket), "the server kept the connection open");
}

void TestEdge::largestAllowedHeadPasses()
{
    // Just under both limits (16 KiB, 100 lines), sent in small pieces: served normally.
    auto socket = connectRaw(m_server->port());
    QVERIFY(socket);
    const QByteArray head = "GET /healthz HTTP/1.1\r\nHost: t\r\n" + headerLines(90);
    const QByteArray pad = "X-Pad: " + QByteArray(16 * 1024 - head.size() - 200, 'p') + "\r\n\r\n";
    const QByteArray request = head + pad;
    for (qsizetype i = 0; i < request.size(); i += 1000) {
        socket->write(request.mid(i, 1000));
        socket->waitForBytesWritten(1000);
    }
    const RawResponse r = readResponse(*socket);
    QCOMPARE(r.status, 200);
    // And the connection stays usable.
    socket->write("GET /healthz HTTP/1.1\r\nHost: t\r\n\r\n");
    QCOMPARE(readResponse(*socket).status, 200);
}

void TestEdge::parallelOversizedUploadsStayBounded()
{
    const qint64 pid = m_server->pid();
    QVERIFY(pid > 0);
    const qint64 idle = residentKiB(pid);
    const qint64 highWaterBefore = residentKiB(pid, "VmHWM:");
    qint64 peak = idle;
    QTimer sampler;
    connect(&sampler, &QTimer::timeout, this, [&] { peak = std::max(peak, residentKiB(pid)); });
    sampler.start(10);

    constexpr int kClients = 8;
    constexpr qint64 kUpload = 64 * kMiB;
    const QByteArray piece(256 * 1024, 'u');
    std::vector<std::unique_ptr<QTcpSocket>> sockets;
    std::vector<qint64> sent(kClients, 0);
    std::vector<QByteArray> answers(kClients);
    for (int i = 0; i < kClients; ++i) {
        sockets.push_back(connectRaw(m_server->port()));
        QVERIFY(sockets.back());
        QTcpSocket *s = sockets.back().get();
        const auto pump = [s, &sent, i, &piece] {
            while (s->state() == QAbstractSocket::ConnectedState && sent[i] < kUpload
                   && s->bytesToWrite() < 2 * kMiB) {
                s->write(piece);
                sent[i] += piece.size();
            }
        };
        connect(s, &QTcpSocket::bytesWritten, this, pump);
        connect(s, &QTcpSocket::readyRead, this, [s, &answers, i] { answers[i] += s->readAll(); });
        s->write("POST " + api::authRegister().toLatin1()
                 + " HTTP/1.1\r\nHost: t\r\nContent-Type: "
                   "application/json\r\nContent-Length: "
                 + QByteArray::number(kUpload) + "\r\n\r\n");
        pump();
    }
    const auto finished = [&] {
        return std::all_of(sockets.begin(), sockets.end(), [](const auto &s) {
            return s->state() != QAbstractSocket::ConnectedState;
        });
    };
    QTRY_VERIFY_WITH_TIMEOUT(finished(), 120'000);
    sampler.stop();
    // The kernel's high-water mark catches a peak between two samples.
    const qint64 highWater = residentKiB(pid, "VmHWM:");
    peak = std::max({peak, residentKiB(pid), highWater > highWaterBefore ? highWater : 0});
    qint64 uploaded = 0;
    for (int i = 0; i < kClients; ++i) {
        QVERIFY2(answers[i].startsWith("HTTP/1.1 413"), answers[i].left(200).constData());
        uploaded += sent[i];
    }
    qInfo("8 parallel 64 MiB uploads: server RSS idle %lld KiB, peak %lld KiB (+%lld KiB); "
          "clients got 413 after sending %lld KiB in all",
          idle, peak, peak - idle, uploaded / 1024);
    // Without the edge the server buffered every body (43 → 852 MiB).
    QVERIFY2(peak - idle < 48 * 1024, qPrintable(u"peak grew by %1 KiB"_s.arg(peak - idle)));
    QCOMPARE(m_server->client().get("/healthz").status, 200);
}

void TestEdge::slowClientsAreDropped()
{
    constexpr int kClients = 300;
    std::vector<std::unique_ptr<QTcpSocket>> sockets;
    for (int i = 0; i < kClients; ++i) {
        sockets.push_back(connectRaw(m_server->port()));
        QVERIFY(sockets.back());
        sockets.back()->write("GET /healthz HTTP/1.1\r\nHost: t\r\n"); // the head never ends
    }
    // A slowloris keeps every connection busy with a header line now and then.
    QTimer drip;
    connect(&drip, &QTimer::timeout, this, [&] {
        for (auto &s : sockets)
            if (s->state() == QAbstractSocket::ConnectedState)
                s->write("X-Drip: 1\r\n");
    });
    drip.start(300);
    QElapsedTimer clock;
    clock.start();
    // Meanwhile the server answers everyone else.
    QCOMPARE(m_server->client().get("/healthz").status, 200);
    const auto openCount = [&] {
        return std::count_if(sockets.begin(), sockets.end(), [](const auto &s) {
            return s->state() == QAbstractSocket::ConnectedState;
        });
    };
    QTRY_COMPARE_WITH_TIMEOUT(openCount(), 0, 20'000);
    qInfo("%d slowloris clients (a header line every 300 ms) all dropped after %lld ms "
          "(--request-timeout 2)",
          kClients, clock.elapsed());
    QCOMPARE(m_server->client().get("/healthz").status, 200);
}

void TestEdge::idleKeepAliveIsClosed()
{
    auto socket = connectRaw(m_server->port());
    QVERIFY(socket);
    socket->write("GET /healthz HTTP/1.1\r\nHost: t\r\n\r\n");
    QCOMPARE(readResponse(*socket).status, 200);
    QElapsedTimer clock;
    clock.start();
    QVERIFY2(closedByServer(*socket, 15'000), "an idle keep-alive connection is held for ever");
    qInfo("idle keep-alive connection closed after %lld ms (--idle-timeout 1)", clock.elapsed());
}

void TestEdge::connectionCloseIsHonoured()
{
    auto socket = connectRaw(m_server->port());
    QVERIFY(socket);
    socket->write("GET /healthz HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n");
    QCOMPARE(readResponse(*socket).status, 200);
    QVERIFY2(closedByServer(*socket, 500), "Connection: close was ignored");
}

void TestEdge::headHasNoBody()
{
    auto socket = connectRaw(m_server->port());
    QVERIFY(socket);
    for (const QByteArray &path :
         {QByteArray("/healthz"), api::concerts().toLatin1(), QByteArray("/no/such/route")}) {
        socket->write("HEAD " + path + " HTTP/1.1\r\nHost: t\r\n\r\n");
        const RawResponse head = readResponse(*socket, true);
        QVERIFY2(head.status > 0, path.constData());
        // No body follows: the next answer on the connection starts right away.
        socket->write("GET /healthz HTTP/1.1\r\nHost: t\r\n\r\n");
        socket->waitForReadyRead(5000);
        const QByteArray next = head.rest + socket->peek(16);
        QVERIFY2(next.startsWith("HTTP/1.1 200"),
                 (path + " was answered with a body: " + next).constData());
        QCOMPARE(readResponse(*socket).status, 200);
    }
}

void TestEdge::liveWithoutUpgradeIsAnEnvelope()
{
    auto socket = connectRaw(m_server->port());
    QVERIFY(socket);
    socket->write("GET " + api::live().toLatin1() + " HTTP/1.1\r\nHost: t\r\n\r\n");
    const RawResponse r = readResponse(*socket);
    QCOMPARE(r.status, 426);
    QCOMPARE(r.code(), u"BAD_REQUEST"_s);
    QVERIFY(!r.json().value(u"error"_s).toObject().value(u"message"_s).toString().isEmpty());
    QVERIFY(!r.headers.value("x-request-id").isEmpty());
    QCOMPARE(r.json().value(u"requestId"_s).toString().toLatin1(), r.headers.value("x-request-id"));
    QCOMPARE(r.headers.value("upgrade"), QByteArray("websocket"));
}

void TestEdge::unmaskedWebSocketFrameClosesTheSocket()
{
    const QByteArray handshake = "GET " + api::live().toLatin1()
        + " HTTP/1.1\r\nHost: t\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
          "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n";
    const QByteArray payload = R"({"type":"auth","token":"nope"})";
    for (const bool masked : {true, false}) {
        auto socket = connectRaw(m_server->port());
        QVERIFY(socket);
        socket->write(handshake);
        const RawResponse upgraded = readResponse(*socket, true);
        QCOMPARE(upgraded.status, 101);
        QByteArray frame;
        frame += char(0x81);
        if (masked) {
            frame += char(0x80 | payload.size());
            const QByteArray key = "\x11\x22\x33\x44";
            frame += key;
            for (qsizetype i = 0; i < payload.size(); ++i)
                frame += char(payload[i] ^ key[i % 4]);
        } else {
            frame += char(payload.size());
            frame += payload;
        }
        socket->write(frame);
        QByteArray received = upgraded.rest;
        QDeadlineTimer deadline(5000);
        while (received.size() < 4 && !deadline.hasExpired()
               && socket->state() == QAbstractSocket::ConnectedState) {
            socket->waitForReadyRead(100);
            received += socket->readAll();
        }
        received += socket->readAll();
        QVERIFY2(received.size() >= 2, "the server sent nothing");
        const bool protocolClose = quint8(received[0]) == 0x88 && received.size() >= 4
            && ((quint8(received[2]) << 8) | quint8(received[3])) == 1002;
        // A masked frame reaches the live hub (which answers a bad token its own way); an
        // unmasked one is a protocol error: Close 1002, then the socket is closed.
        QVERIFY2(protocolClose == !masked, received.toHex().constData());
        if (!masked)
            QVERIFY(closedByServer(*socket, 5000));
    }
}

void TestEdge::connectionCaps()
{
    // A server of its own with small caps; clients come from several loopback addresses.
    TestServer capped({u"--max-connections"_s, u"24"_s, u"--max-connections-per-address"_s, u"6"_s,
                       u"--no-access-log"_s});
    QVERIFY(capped.start());
    const auto request = [&](QTcpSocket &s, const QByteArray &path) {
        s.write("GET " + path + " HTTP/1.1\r\nHost: t\r\n\r\n");
        return readResponse(s);
    };
    std::vector<std::unique_ptr<QTcpSocket>> held;
    // Per address: the seventh connection from 127.0.0.2 is told to slow down.
    for (int i = 0; i < 6; ++i) {
        held.push_back(connectRaw(capped.port(), u"127.0.0.2"_s));
        QVERIFY(held.back());
        QCOMPARE(request(*held.back(), api::concerts().toLatin1()).status,
                 401); // served (no session)
    }
    {
        auto seventh = connectRaw(capped.port(), u"127.0.0.2"_s);
        QVERIFY(seventh);
        const RawResponse r = request(*seventh, api::concerts().toLatin1());
        QCOMPARE(r.status, 429);
        QCOMPARE(r.code(), u"RATE_LIMITED"_s);
        QCOMPARE(r.headers.value("retry-after"), QByteArray("1"));
        QVERIFY(closedByServer(*seventh));
        auto other = connectRaw(capped.port(), u"127.0.0.3"_s);
        QVERIFY(other);
        QCOMPARE(request(*other, api::concerts().toLatin1()).status, 401);
        held.push_back(std::move(other));
    }
    // Total: fill the 24 from more addresses; then only health checks are answered.
    for (int a = 4; held.size() < 24; ++a) {
        for (int i = 0; i < 6 && held.size() < 24; ++i) {
            held.push_back(connectRaw(capped.port(), u"127.0.0.%1"_s.arg(a)));
            QVERIFY(held.back());
            QCOMPARE(request(*held.back(), "/healthz").status, 200);
        }
    }
    auto busy = connectRaw(capped.port(), u"127.0.0.20"_s);
    QVERIFY(busy);
    const RawResponse refused = request(*busy, api::concerts().toLatin1());
    QCOMPARE(refused.status, 503);
    QCOMPARE(refused.code(), u"UNAVAILABLE"_s);
    QVERIFY(closedByServer(*busy));
    for (const QByteArray path : {"/healthz", "/readyz"}) {
        auto health = connectRaw(capped.port(), u"127.0.0.21"_s);
        QVERIFY(health);
        QCOMPARE(request(*health, path).status, 200);
        QVERIFY(closedByServer(*health)); // one health check per connection over the cap
    }
    // Connections given back make room again.
    held.clear();
    QTRY_COMPARE_WITH_TIMEOUT(capped.client().get(api::concerts().toLatin1()).status, 401, 10'000);
}

void TestEdge::metricsNeedStaffOrThePrivateAddress()
{
    Fixtures fixtures(m_server->database());
    const QList<TestUser> users = fixtures.createUsers(2, 0, u"metrics"_s);
    fixtures.scalar(u"UPDATE users SET role = 'staff' WHERE id = ?::uuid RETURNING 1"_s,
                    {users.at(1).id.toString(QUuid::WithoutBraces)});
    // On the API address /metrics (revenue, traffic) is staff-only.
    QCOMPARE(m_server->client().get("/metrics").status, 401);
    QCOMPARE(m_server->client().get("/metrics", users.at(0).token).status, 403);
    const HttpResponse staff = m_server->client().get("/metrics", users.at(1).token);
    QCOMPARE(staff.status, 200);
    QVERIFY(staff.body.contains("encore_"));
    // Scrapers use the private --metrics-listen address, without a session.
    static const QRegularExpression kAddress(u"metrics on http://127\\.0\\.0\\.1:(\\d+)/metrics"_s);
    const auto match = kAddress.match(QString::fromUtf8(m_server->output()));
    QVERIFY2(match.hasMatch(), m_server->output().right(2000).constData());
    const quint16 metricsPort = quint16(match.captured(1).toUInt());
    const HttpResponse scraped = HttpClient(metricsPort).get("/metrics");
    QCOMPARE(scraped.status, 200);
    QVERIFY(scraped.body.contains("encore_"));
    // The metrics address has the same edge: an endless header is refused, not buffered.
    auto socket = connectRaw(metricsPort);
    QVERIFY(socket);
    socket->write("GET /metrics HTTP/1.1\r\nX-Big: " + QByteArray(64 * 1024, 'a'));
    const RawResponse refused = readResponse(*socket);
    QCOMPARE(refused.status, 431);
    QCOMPARE(refused.code(), u"HEADERS_TOO_LARGE"_s);
}

void TestEdge::loginAnswersKeepTheirOrder()
{
    // A login's password check runs off the worker and answers later; nothing sent on the same
    // connection may be answered before it.
    const QJsonObject credentials {{u"username"_s, u"edge.order"_s},
                                   {u"password"_s, u"edge order password"_s}};
    QCOMPARE(m_server->client().post(api::authRegister().toLatin1(), credentials).status, 201);
    const QByteArray body = QJsonDocument(credentials).toJson(QJsonDocument::Compact);
    const QByteArray login = "POST " + api::authLogin().toLatin1()
        + " HTTP/1.1\r\nHost: t\r\nContent-Type: application/json\r\nContent-Length: "
        + QByteArray::number(body.size()) + "\r\n\r\n" + body;
    const QByteArray health = "GET /healthz HTTP/1.1\r\nHost: t\r\n\r\n";
    const auto isLoginAnswer = [](const RawResponse &r) {
        return r.status == 200 && r.json().contains(u"token"_s);
    };

    QByteArray carry; // what a read got beyond its response

    // Pipelined in one write: answered in order.
    auto pipelined = connectRaw(m_server->port());
    QVERIFY(pipelined);
    pipelined->write(login + health);
    QVERIFY(isLoginAnswer(readResponse(*pipelined, false, 10'000, &carry)));
    QCOMPARE(readResponse(*pipelined, false, 10'000, &carry).status, 200);

    // One at a time: the connection stays usable after the later answer.
    auto sequential = connectRaw(m_server->port());
    QVERIFY(sequential);
    sequential->write(login);
    QVERIFY(isLoginAnswer(readResponse(*sequential)));
    sequential->write(health);
    QCOMPARE(readResponse(*sequential).status, 200);

    // Connection: close is honoured by the later answer too.
    auto closing = connectRaw(m_server->port());
    QVERIFY(closing);
    closing->write(QByteArray(login).replace("Host: t\r\n", "Host: t\r\nConnection: close\r\n"));
    QVERIFY(isLoginAnswer(readResponse(*closing)));
    QVERIFY2(closedByServer(*closing), "Connection: close was ignored");

    // A request sent while the answer may still be pending: either it waits its turn, or the
    // connection is refused as a whole — never answered first.
    int refused = 0;
    for (int round = 0; round < 10; ++round) {
        carry.clear();
        auto eager = connectRaw(m_server->port());
        QVERIFY(eager);
        eager->write(login);
        eager->flush();
        eager->write(health);
        const RawResponse first = readResponse(*eager, false, 10'000, &carry);
        if (first.status == 400) {
            QCOMPARE(first.code(), u"BAD_REQUEST"_s);
            QVERIFY2(closedByServer(*eager), "the refused connection stayed open");
            ++refused;
            continue;
        }
        QVERIFY2(isLoginAnswer(first), first.body.constData());
        QCOMPARE(readResponse(*eager, false, 10'000, &carry).status, 200);
    }
    qInfo("a request sent right behind a login: %d of 10 refused, the rest answered in turn",
          refused);
}

QTEST_GUILESS_MAIN(TestEdge)
#include "tst_edge.moc"
