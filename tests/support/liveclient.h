#pragma once
// LiveClient: a test's WebSocket client of GET /api/v1/live that records every message it
// receives, to look for one later (with QTRY_*). Main thread.

#include "apipaths.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QSignalSpy>
#include <QUrl>
#include <QWebSocket>

#include <functional>
#include <optional>

namespace encore::test {

// A live-feed client that records every message.
class LiveClient {
public:
    explicit LiveClient(quint16 port)
    {
        QObject::connect(&socket, &QWebSocket::textMessageReceived, [this](const QString &text) {
            messages.append(QJsonDocument::fromJson(text.toUtf8()).object());
        });
        socket.open(QUrl(QStringLiteral("ws://127.0.0.1:%1").arg(port) + api::live()));
    }
    bool waitConnected()
    {
        QSignalSpy connected(&socket, &QWebSocket::connected);
        return socket.state() == QAbstractSocket::ConnectedState || connected.wait(10'000);
    }
    void send(const QJsonObject &o)
    {
        socket.sendTextMessage(QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact)));
    }
    // Signs in and asks for a date's seats with this queue token (none: the key is left out).
    void subscribeSeats(const QByteArray &session, qint64 schedule, const QByteArray &queueToken,
                        const QJsonObject &extra = {})
    {
        send({{QStringLiteral("type"), QStringLiteral("auth")},
              {QStringLiteral("token"), QString::fromLatin1(session)}});
        QJsonObject sub = extra;
        sub.insert(QStringLiteral("type"), QStringLiteral("subscribe"));
        sub.insert(QStringLiteral("scheduleId"), schedule);
        if (!queueToken.isNull())
            sub.insert(QStringLiteral("queueToken"), QString::fromLatin1(queueToken));
        send(sub);
    }
    // The first message of this type, received at or after index `from`, whose predicate holds.
    std::optional<QJsonObject> find(const QString &type,
                                    const std::function<bool(const QJsonObject &)> &pred = {},
                                    qsizetype from = 0) const
    {
        for (const QJsonObject &m : messages.mid(from)) {
            if (m.value(QStringLiteral("type")).toString() == type && (!pred || pred(m)))
                return m;
        }
        return std::nullopt;
    }
    QWebSocket socket;
    QList<QJsonObject> messages;
};

} // namespace encore::test
