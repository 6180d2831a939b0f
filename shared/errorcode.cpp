#include "errorcode.h"

#include <array>

namespace encore {

namespace {

struct ErrorInfo
{
    ErrorCode code;
    int status;
    const char16_t *message;
};

// The single table that turns an error into HTTP: keep it in the order of the enum.
constexpr std::array kErrors{
    ErrorInfo{ErrorCode::BadRequest, 400, u"The request could not be read."},
    ErrorInfo{ErrorCode::ValidationFailed, 422, u"Some fields are not valid."},
    ErrorInfo{ErrorCode::Unauthenticated, 401, u"Please log in again."},
    ErrorInfo{ErrorCode::Forbidden, 403, u"You are not allowed to do this."},
    ErrorInfo{ErrorCode::QueueNotActive, 403,
              u"It is not your turn yet; please wait in the queue."},
    ErrorInfo{ErrorCode::NotFound, 404, u"Not found."},
    ErrorInfo{ErrorCode::Conflict, 409, u"This conflicts with the current state."},
    ErrorInfo{ErrorCode::SeatUnavailable, 409,
              u"Some of the seats were just taken by someone else."},
    ErrorInfo{ErrorCode::ReservationExpired, 409,
              u"Your hold on these seats has expired."},
    ErrorInfo{ErrorCode::InsufficientBalance, 402,
              u"Your wallet balance is too low; please top up."},
    ErrorInfo{ErrorCode::IdempotencyMismatch, 422,
              u"This Idempotency-Key was already used for a different request."},
    ErrorInfo{ErrorCode::PayloadTooLarge, 413, u"The request is too large."},
    ErrorInfo{ErrorCode::RateLimited, 429,
              u"Too many attempts; please wait a moment."},
    ErrorInfo{ErrorCode::Unavailable, 503,
              u"The service is temporarily unavailable; please try again."},
    ErrorInfo{ErrorCode::Internal, 500, u"Something went wrong on our side."},
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

QString defaultMessage(ErrorCode code)
{
    return QString::fromUtf16(info(code).message);
}

} // namespace encore
