#pragma once
// ErrorCode: the API's error vocabulary (DESIGN.md §4) and its one mapping to HTTP statuses.
// Pure functions, any thread.

#include <QString>

#include <optional>

namespace encore {

enum class ErrorCode {
    BadRequest,
    ValidationFailed,
    Unauthenticated,
    Forbidden,
    QueueNotActive,
    NotFound,
    Conflict,
    SeatUnavailable,
    ReservationExpired,
    InsufficientBalance,
    IdempotencyMismatch,
    PaymentDeclined,
    PayloadTooLarge,
    RateLimited,
    Unavailable,
    Internal,
};

int httpStatus(ErrorCode code);
QString errorCodeName(ErrorCode code); // "SEAT_UNAVAILABLE"
std::optional<ErrorCode> errorCodeFromName(const QString &name);
QString defaultMessage(ErrorCode code);

} // namespace encore
