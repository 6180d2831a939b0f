#include "errorcode.h"

#include <array>

namespace encore {

namespace {

struct ErrorInfo
{
    ErrorCode code;
    int status;
    const char16_t *name;
    const char16_t *message;
};

// The single table that turns an error into HTTP: keep it in the order of the enum.
constexpr std::array kErrors{
    ErrorInfo{ErrorCode::BadRequest, 400, u"BAD_REQUEST", u"The request could not be read."},
    ErrorInfo{ErrorCode::ValidationFailed, 422, u"VALIDATION_FAILED", u"Some fields are not valid."},
    ErrorInfo{ErrorCode::Unauthenticated, 401, u"UNAUTHENTICATED", u"Please log in again."},
    ErrorInfo{ErrorCode::Forbidden, 403, u"FORBIDDEN", u"You are not allowed to do this."},
    ErrorInfo{ErrorCode::QueueNotActive, 403, u"QUEUE_NOT_ACTIVE",
              u"It is not your turn yet; please wait in the queue."},
    ErrorInfo{ErrorCode::NotFound, 404, u"NOT_FOUND", u"Not found."},
    ErrorInfo{ErrorCode::Conflict, 409, u"CONFLICT", u"This conflicts with the current state."},
    ErrorInfo{ErrorCode::SeatUnavailable, 409, u"SEAT_UNAVAILABLE",
              u"Some of the seats were just taken by someone else."},
    ErrorInfo{ErrorCode::ReservationExpired, 409, u"RESERVATION_EXPIRED",
              u"Your hold on these seats has expired."},
    ErrorInfo{ErrorCode::InsufficientBalance, 402, u"INSUFFICIENT_BALANCE",
              u"Your wallet balance is too low; please top up."},
    ErrorInfo{ErrorCode::IdempotencyMismatch, 422, u"IDEMPOTENCY_MISMATCH",
              u"This Idempotency-Key was already used for a different request."},
    ErrorInfo{ErrorCode::PaymentDeclined, 402, u"PAYMENT_DECLINED",
              u"The card payment was declined."},
    ErrorInfo{ErrorCode::PayloadTooLarge, 413, u"PAYLOAD_TOO_LARGE", u"The request is too large."},
    ErrorInfo{ErrorCode::RateLimited, 429, u"RATE_LIMITED",
              u"Too many attempts; please wait a moment."},
    ErrorInfo{ErrorCode::Unavailable, 503, u"UNAVAILABLE",
              u"The service is temporarily unavailable; please try again."},
    ErrorInfo{ErrorCode::Internal, 500, u"INTERNAL", u"Something went wrong on our side."},
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

QString errorCodeName(ErrorCode code)
{
    return QString::fromUtf16(info(code).name);
}

std::optional<ErrorCode> errorCodeFromName(const QString &name)
{
    for (const auto &e : kErrors) {
        if (name == QStringView(e.name))
            return e.code;
    }
    return std::nullopt;
}

QString defaultMessage(ErrorCode code)
{
    return QString::fromUtf16(info(code).message);
}

} // namespace encore
