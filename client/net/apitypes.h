#pragma once
// Response shapes the API wraps around the shared models (session, wallet with limits, payment
// outcome), with their decoders. Value types, any thread.

#include "models/payment.h"
#include "models/reservation.h"
#include "models/user.h"
#include "models/wallet.h"
#include "money.h"
#include "payments/topuporder.h"
#include "result.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>

namespace encore {

// The outcome of a call that answers nothing but success (204).
struct Empty { };

struct Session {
    User user;
    QString token;
    QDateTime expiresAt;

    static Result<Session> fromJson(const QJsonObject &json);
};

struct WalletLimits {
    Money minTopUp = money::kMinTopUp;
    Money maxTopUp = money::kMaxTopUp;
    Money maxBalance = money::kMaxBalance;
};

struct WalletInfo {
    Wallet wallet;
    WalletLimits limits;

    static Result<WalletInfo> fromJson(const QJsonObject &json);
};

struct TopUpResult {
    Money balance = 0;
    LedgerEntry entry;
    TopUpOrder order; // the card top-up this credit came from

    static Result<TopUpResult> fromJson(const QJsonObject &json);
};

struct PaymentResult {
    Payment payment;
    Reservation reservation;
    Money balance = 0;

    static Result<PaymentResult> fromJson(const QJsonObject &json);
};

// Decodes json[key] as a list of T (T::fromJson per element); the first bad element fails all.
template<typename T> Result<QList<T>> decodeList(const QJsonObject &json, const QString &key)
{
    const QJsonValue value = json.value(key);
    if (!value.isArray())
        return ApiError(ErrorCode::BadRequest, key + QStringLiteral(": must be a list"));
    QList<T> list;
    const QJsonArray array = value.toArray();
    list.reserve(array.size());
    for (const QJsonValue &v : array) {
        auto item = T::fromJson(v.toObject());
        if (!item)
            return item.error();
        list.append(std::move(item).value());
    }
    return list;
}

// Decodes json[key] as one T.
template<typename T> Result<T> decodeField(const QJsonObject &json, const QString &key)
{
    const QJsonValue value = json.value(key);
    if (!value.isObject())
        return ApiError(ErrorCode::BadRequest, key + QStringLiteral(": must be an object"));
    return T::fromJson(value.toObject());
}

} // namespace encore
