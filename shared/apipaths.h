#pragma once
// API paths, written once for the server's routes, the client and the tests.

#include <QString>

namespace encore::api {

inline constexpr auto kPrefix = u"/api/v1";
inline QString path(QStringView rest)
{
    return QString::fromUtf16(kPrefix) + rest.toString();
}

// Header names.
inline constexpr char kQueueTokenHeader[] = "X-Queue-Token";
inline constexpr char kIdempotencyKeyHeader[] = "Idempotency-Key";
inline constexpr char kRequestIdHeader[] = "X-Request-Id";

inline constexpr int kMaxSeatsPerHold = 4;
inline constexpr int kSeatsPerSchedule = 50;
inline constexpr int kMaxIdempotencyKeyLength = 255;

} // namespace encore::api
