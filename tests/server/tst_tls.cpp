// HTTPS: encore-server given --tls-cert/--tls-key serves the API over TLS with that certificate,
// and a plain-HTTP client on the same port gets no HTTP answer at all.
#include "apipaths.h"
#include "testserver.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSslCertificate>
#include <QSslCipher>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace encore::test;
namespace api = encore::api;

class TestTls final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void httpsAnswers_data();
    void httpsAnswers();
    void untrustedCertificateIsRefused();
    void oversizedHeaderIsRefusedOverTls();
    void onlyForwardSecretAeadCiphers_data();
    void onlyForwardSecretAeadCiphers();
    void plainHttpGetsNoAnswer();

private:
    // Sends and waits for the reply (bounded by the reply's own transfer timeout).
    std::unique_ptr<QNetworkReply> send(const QByteArray &method, const QString &path,
                                        const QByteArray &body, bool trustCertificate);

    QTemporaryDir m_dir;
    QSslCertificate m_certificate;
    std::unique_ptr<TestServer> m_server;
};

void TestTls::initTestCase()
{
    if (!QSslSocket::supportsSsl())
        QSKIP("Qt has no TLS backend here");
    QVERIFY(m_dir.isValid());
    const QString cert = m_dir.filePath(u"cert.pem"_s);
    const QString key = m_dir.filePath(u"key.pem"_s);
    QProcess openssl;
    openssl.setProcessChannelMode(QProcess::MergedChannels);
    openssl.start(u"openssl"_s,
                  {u"req"_s, u"-x509"_s, u"-newkey"_s, u"rsa:2048"_s, u"-nodes"_s, u"-subj"_s,
                   u"/CN=localhost"_s, u"-days"_s, u"1"_s, u"-keyout"_s, key, u"-out"_s, cert});
    QVERIFY2(openssl.waitForStarted(10'000), "openssl is not installed");
    QVERIFY(openssl.waitForFinished(60'000));
    QVERIFY2(openssl.exitCode() == 0, openssl.readAll().constData());
    const QList<QSslCertificate> certs = QSslCertificate::fromPath(cert);
    QCOMPARE(certs.size(), 1);
    m_certificate = certs.first();

    m_server
        = std::make_unique<TestServer>(QStringList {u"--tls-cert"_s, cert, u"--tls-key"_s, key});
    QVERIFY2(m_server->start(), m_server->output().constData());
}

std::unique_ptr<QNetworkReply> TestTls::send(const QByteArray &method, const QString &path,
                                             const QByteArray &body, bool trustCertificate)
{
    QNetworkRequest request(QUrl(u"https://localhost:%1%2"_s.arg(m_server->port()).arg(path)));
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    if (trustCertificate)
        tls.addCaCertificate(m_certificate);
    request.setSslConfiguration(tls);
    request.setTransferTimeout(30'000);
    if (!body.isEmpty())
        request.setHeader(QNetworkRequest::ContentTypeHeader, u"application/json"_s);
    // A fresh manager per request: no pooled connection or TLS session carries trust over.
    auto *network = new QNetworkAccessManager(this);
    std::unique_ptr<QNetworkReply> reply(network->sendCustomRequest(request, method, body));
    connect(reply.get(), &QObject::destroyed, network, &QObject::deleteLater);
    return reply;
}

void TestTls::httpsAnswers_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("status");

    QTest::addRow("healthz") << QByteArray("GET") << u"/healthz"_s << QByteArray() << 200;
    QTest::addRow("readyz (database over TLS-served API)")
        << QByteArray("GET") << u"/readyz"_s << QByteArray() << 200;
    QTest::addRow("register") << QByteArray("POST") << api::authRegister()
                              << QByteArray(
                                     R"({"username": "tls-user", "password": "correct horse"})")
                              << 201;
    QTest::addRow("me without session") << QByteArray("GET") << api::me() << QByteArray() << 401;
}

void TestTls::httpsAnswers()
{
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    QFETCH(QByteArray, body);
    QFETCH(int, status);

    const auto reply = send(method, path, body, true);
    QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), 30'000);
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), status);
    QVERIFY2(reply->error() == QNetworkReply::NoError || status >= 400,
             qPrintable(reply->errorString()));
    // It really was TLS, with our certificate.
    QVERIFY(!reply->sslConfiguration().sessionCipher().isNull());
    QCOMPARE(reply->sslConfiguration().peerCertificate(), m_certificate);
    QVERIFY(QJsonDocument::fromJson(reply->readAll()).isObject());
    QVERIFY2(reply->rawHeader("Strict-Transport-Security").startsWith("max-age="),
             "no HSTS header");
}

void TestTls::oversizedHeaderIsRefusedOverTls()
{
    // The edge reads the decrypted stream too: a header that never ends is refused after
    // 16 KiB, not decrypted and buffered in full (a 16 MiB one used to cost 15 s of CPU).
    QSslSocket socket;
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.addCaCertificate(m_certificate);
    socket.setSslConfiguration(tls);
    socket.connectToHostEncrypted(u"localhost"_s, m_server->port());
    QVERIFY(socket.waitForEncrypted(10'000));
    // Like a real client, it keeps sending until the server answers: writing all 4 MiB blindly
    // races the server's close (a reset can drop the answer before it is read).
    socket.write("GET /healthz HTTP/1.1\r\nHost: localhost\r\nX-Big: ");
    const QByteArray chunk(64 << 10, 'a');
    for (int sent = 0; sent < (4 << 20) && socket.state() == QAbstractSocket::ConnectedState
         && socket.bytesAvailable() == 0;
         sent += chunk.size()) {
        socket.write(chunk);
        socket.waitForBytesWritten(1000);
        socket.waitForReadyRead(10);
    }
    QByteArray answer;
    QTRY_VERIFY_WITH_TIMEOUT((answer += socket.readAll()).contains("\r\n\r\n")
                                 || socket.state() != QAbstractSocket::ConnectedState,
                             30'000);
    answer += socket.readAll();
    QVERIFY2(answer.startsWith("HTTP/1.1 431"), answer.left(200).constData());
    QVERIFY(answer.contains("HEADERS_TOO_LARGE"));
    // The gate's own answers carry HSTS like every other answer over TLS.
    QVERIFY(answer.contains("\r\nStrict-Transport-Security: max-age="));
}

void TestTls::onlyForwardSecretAeadCiphers_data()
{
    QTest::addColumn<QString>("cipher"); // empty: any TLS 1.3 suite
    QTest::addColumn<bool>("accepted");
    QTest::addRow("TLS 1.3") << QString() << true;
    QTest::addRow("ECDHE + AES-GCM") << u"ECDHE-RSA-AES128-GCM-SHA256"_s << true;
    QTest::addRow("ECDHE + ChaCha20") << u"ECDHE-RSA-CHACHA20-POLY1305"_s << true;
    QTest::addRow("static RSA + AES-GCM (no forward secrecy)") << u"AES128-GCM-SHA256"_s << false;
    QTest::addRow("static RSA + CBC") << u"AES256-SHA"_s << false;
    QTest::addRow("ECDHE + CBC (not AEAD)") << u"ECDHE-RSA-AES128-SHA"_s << false;
}

void TestTls::onlyForwardSecretAeadCiphers()
{
    QFETCH(QString, cipher);
    QFETCH(bool, accepted);
    QSslSocket socket;
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.addCaCertificate(m_certificate);
    if (cipher.isEmpty()) {
        tls.setProtocol(QSsl::TlsV1_3);
    } else {
        const QSslCipher offered(cipher);
        if (offered.isNull())
            QSKIP("this OpenSSL cannot offer that cipher");
        tls.setProtocol(QSsl::TlsV1_2);
        tls.setCiphers({offered});
    }
    socket.setSslConfiguration(tls);
    socket.connectToHostEncrypted(u"localhost"_s, m_server->port());
    const bool encrypted = socket.waitForEncrypted(10'000);
    QCOMPARE(encrypted, accepted);
    if (encrypted && !cipher.isEmpty())
        QCOMPARE(socket.sessionCipher().name(), cipher);
}

void TestTls::untrustedCertificateIsRefused()
{
    // Without trusting the self-signed certificate the client must refuse: the server presents
    // exactly that certificate and nothing the system trusts.
    const auto reply = send("GET", u"/healthz"_s, {}, false);
    QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), 30'000);
    QCOMPARE(reply->error(), QNetworkReply::SslHandshakeFailedError);
    QVERIFY(!reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).isValid());
}

void TestTls::plainHttpGetsNoAnswer()
{
    const HttpResponse r
        = m_server->client().parallel({HttpRequest {"GET", "/healthz", {}, {}}}, 10'000).value(0);
    QCOMPARE(r.status, 0);
    QVERIFY(!r.body.startsWith("HTTP/"));
    // And the server keeps serving TLS after the junk.
    const auto reply = send("GET", u"/healthz"_s, {}, true);
    QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), 30'000);
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
}

QTEST_GUILESS_MAIN(TestTls)
#include "tst_tls.moc"
