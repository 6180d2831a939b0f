#pragma once
// Answers of the customer API that wrap the shared models (session, wallet with limits, top-up,
// payment receipt): the server encodes them with toJson(), the client decodes them with
// fromJson(). Value types, any thread.

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

// POST /auth/register and /auth/login: {user, token, expiresAt}.
struct Session {
    User user;
    QString token;
    QDateTime expiresAt;

    QJsonObject toJson() const;
    static Result<Session> fromJson(const QJsonObject &json);
    friend bool operator==(const Session &, const Session &) = default;
};

struct WalletLimits {
    Money minTopUp = money::kMinTopUp;
    Money maxTopUp = money::kMaxTopUp;
    Money maxBalance = money::kMaxBalance;
    friend bool operator==(const WalletLimits &, const WalletLimits &) = default;
};

// GET /wallet: {balance, currency, updatedAt, limits}.
struct WalletInfo {
    Wallet wallet;
    WalletLimits limits;

    QJsonObject toJson() const;
    static Result<WalletInfo> fromJson(const QJsonObject &json);
    friend bool operator==(const WalletInfo &, const WalletInfo &) = default;
};

// POST /wallet/top-ups: {balance, entry}.
struct TopUpResult {
    Money balance = 0;
    LedgerEntry entry;
    TopUpOrder order; // the card top-up this credit came from

    QJsonObject toJson() const;
    static Result<TopUpResult> fromJson(const QJsonObject &json);
    friend bool operator==(const TopUpResult &, const TopUpResult &) = default;
};

// POST /payments: {payment, reservation, balance}.
struct PaymentReceipt {
    Payment payment;
    Reservation reservation;
    Money balance = 0;

    QJsonObject toJson() const;
    static Result<PaymentReceipt> fromJson(const QJsonObject &json);
    friend bool operator==(const PaymentReceipt &, const PaymentReceipt &) = default;
};

// The keys of the answers that wrap a list or one object: {"concerts": [...]},
// {"reservation": {...}}. Server and client name them only through these.
namespace api::keys {
inline const QString kConcerts = QStringLiteral("concerts");
inline const QString kSchedules = QStringLiteral("schedules");
inline const QString kReservations = QStringLiteral("reservations");
inline const QString kReservation = QStringLiteral("reservation");
inline const QString kPayments = QStringLiteral("payments");
inline const QString kEntries = QStringLiteral("entries"); // ledger and audit lines
inline const QString kUser = QStringLiteral("user");
inline const QString kOrders = QStringLiteral("orders"); // card top-up orders
inline const QString kOrder = QStringLiteral("order");
inline const QString kCounters = QStringLiteral("counters"); // abuse counters
inline const QString kCleared = QStringLiteral("cleared"); // how many counters staff cleared
inline const QString kRemoved = QStringLiteral("removed"); // how many pre-queue entries
} // namespace api::keys

// Encodes a list as a JSON array (T::toJson per element).
template<typename T> QJsonArray encodeList(const QList<T> &items)
{
    QJsonArray array;
    for (const T &item : items)
        array.append(item.toJson());
    return array;
}

// {key: [items]} and {key: item}: the wrapped answers.
template<typename T> QJsonObject wrapList(const QString &key, const QList<T> &items)
{
    return {{key, encodeList(items)}};
}
template<typename T> QJsonObject wrapOne(const QString &key, const T &item)
{
    return {{key, item.toJson()}};
}

// Decodes json[key] as a list of T (T::fromJson per element); the first bad element fails all.
template<typename T> Result<QList<T>> decodeList(const QJsonObject &json, const QString &key)
{
    const QJsonValue value = json.value(key);
    if (!value.isArray())
        return ApiError(ErrorCode::BadRequest, Msg::FieldNotArray, {key});
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
        return ApiError(ErrorCode::BadRequest, Msg::FieldNotObject, {key});
    return T::fromJson(value.toObject());
}

} // namespace encore
