#pragma once
// ErrorCode: the API's error vocabulary (DESIGN.md §4), its words and its one mapping to HTTP
// statuses. Pure functions, any thread.

#include "api/wordtable.h"

#include <QString>

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
    HeadersTooLarge,
    RateLimited,
    Unavailable,
    Internal,
};

// An unknown code from a server decodes to INTERNAL (ApiError::fromEnvelope).
template<> struct EnumWords<ErrorCode> {
    static constexpr std::array<EnumWord<ErrorCode>, 17> words {
        {{ErrorCode::BadRequest, u"BAD_REQUEST"},
         {ErrorCode::ValidationFailed, u"VALIDATION_FAILED"},
         {ErrorCode::Unauthenticated, u"UNAUTHENTICATED"},
         {ErrorCode::Forbidden, u"FORBIDDEN"},
         {ErrorCode::QueueNotActive, u"QUEUE_NOT_ACTIVE"},
         {ErrorCode::NotFound, u"NOT_FOUND"},
         {ErrorCode::Conflict, u"CONFLICT"},
         {ErrorCode::SeatUnavailable, u"SEAT_UNAVAILABLE"},
         {ErrorCode::ReservationExpired, u"RESERVATION_EXPIRED"},
         {ErrorCode::InsufficientBalance, u"INSUFFICIENT_BALANCE"},
         {ErrorCode::IdempotencyMismatch, u"IDEMPOTENCY_MISMATCH"},
         {ErrorCode::PaymentDeclined, u"PAYMENT_DECLINED"},
         {ErrorCode::PayloadTooLarge, u"PAYLOAD_TOO_LARGE"},
         {ErrorCode::HeadersTooLarge, u"HEADERS_TOO_LARGE"},
         {ErrorCode::RateLimited, u"RATE_LIMITED"},
         {ErrorCode::Unavailable, u"UNAVAILABLE"},
         {ErrorCode::Internal, u"INTERNAL"}}};
};

int httpStatus(ErrorCode code);

} // namespace encore
