#include "errorcode.h"

#include <array>

namespace encore {

namespace {

struct ErrorInfo {
    ErrorCode code;
    int status;
};

// The single table that turns an error into HTTP: keep it in the order of the enum.
constexpr std::array kErrors {
    ErrorInfo {ErrorCode::BadRequest, 400},
    ErrorInfo {ErrorCode::ValidationFailed, 422},
    ErrorInfo {ErrorCode::Unauthenticated, 401},
    ErrorInfo {ErrorCode::Forbidden, 403},
    ErrorInfo {ErrorCode::QueueNotActive, 403},
    ErrorInfo {ErrorCode::NotFound, 404},
    ErrorInfo {ErrorCode::Conflict, 409},
    ErrorInfo {ErrorCode::SeatUnavailable, 409},
    ErrorInfo {ErrorCode::ReservationExpired, 409},
    ErrorInfo {ErrorCode::InsufficientBalance, 402},
    ErrorInfo {ErrorCode::IdempotencyMismatch, 422},
    ErrorInfo {ErrorCode::PaymentDeclined, 402},
    ErrorInfo {ErrorCode::PayloadTooLarge, 413},
    ErrorInfo {ErrorCode::HeadersTooLarge, 431},
    ErrorInfo {ErrorCode::RateLimited, 429},
    ErrorInfo {ErrorCode::Unavailable, 503},
    ErrorInfo {ErrorCode::Internal, 500},
};

const ErrorInfo &info(ErrorCode code)
{
    return kErrors[static_cast<std::size_t>(code)];
}

} // namespace

int httpStatus(ErrorCode code)
{
    return info(code).status;
}

} // namespace encore
