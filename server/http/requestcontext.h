#pragma once
// RequestContext: one request as a route sees it — path arguments, the parsed JSON body, the
// tokens and keys from its headers, validated on the way out (throws ApiError). Lives for one
// handler call on the worker thread.

#include "apierror.h"

#include <QHostAddress>
#include <QHttpServerRequest>
#include <QJsonObject>
#include <QStringList>
#include <QUuid>

#include <optional>

namespace encore::server {

class RequestContext {
public:
    RequestContext(const QHttpServerRequest &request, QStringList pathArgs, QString requestId,
                   QHostAddress clientAddress);

    const QHttpServerRequest &request() const { return m_request; }
    const QString &requestId() const { return m_requestId; }
    // The customer's address: the peer, or what a trusted load balancer says it is.
    const QHostAddress &clientAddress() const { return m_clientAddress; }
    static QHostAddress clientAddressOf(const QHttpServerRequest &request,
                                        const QList<QHostAddress> &trustedProxies);

    // The body as a JSON object: BAD_REQUEST when it is not one.
    QJsonObject jsonBody() const;
    // The body read as one of the shared request types (T::fromJson): its error when it fails.
    template<typename T> T body() const
    {
        auto parsed = T::fromJson(jsonBody());
        if (!parsed)
            throw parsed.error();
        return std::move(parsed).value();
    }
    // Path argument i as a positive 63-bit id; anything else is NOT_FOUND (no such object).
    qint64 idArg(int i) const;
    QUuid uuidArg(int i) const;
    // A query parameter, decoded; VALIDATION_FAILED naming it when it holds text that cannot be
    // stored (JsonReader::textProblem).
    QString queryValue(const QString &key) const;
    // A whole-number query parameter in [min, max], or nullopt when absent; anything else is
    // VALIDATION_FAILED naming it.
    std::optional<qint64> queryInteger(const QString &key, qint64 min, qint64 max) const;

    QByteArray header(const QByteArray &name) const;
    QByteArray bearerToken() const; // empty when absent
    QByteArray queueToken() const; // empty when absent
    // Idempotency-Key when present (1..255 printable chars, else VALIDATION_FAILED).
    std::optional<QString> idempotencyKey() const;
    // Same, and BAD_REQUEST... VALIDATION_FAILED when missing.
    QString requireIdempotencyKey() const;

private:
    const QHttpServerRequest &m_request;
    QStringList m_args;
    QString m_requestId;
    QHostAddress m_clientAddress;
};

} // namespace encore::server
