#pragma once
// Messages: every sentence the server writes into an error's "message", in English and Korean,
// in ONE table (messages.cpp) beside the error codes. Code names a message by key and passes its
// arguments (%1, %2, ...); the language is chosen per request (Accept-Language, English by
// default). Pure functions, any thread.

#include "api/wordtable.h"
#include "errorcode.h"

#include <QByteArrayView>
#include <QStringList>

namespace encore {

enum class Language { English, Korean };
template<> struct EnumWords<Language> {
    static constexpr std::array<EnumWord<Language>, 2> words {
        {{Language::English, u"en"}, {Language::Korean, u"ko"}}};
};

// "ko", "ko-KR", "ko-KR,ko;q=0.9,en;q=0.8" → Korean; absent or anything else → English. The first
// supported language in the header wins (quality values are listed in preference order by
// clients in practice; we do not re-sort them).
Language languageFromAcceptLanguage(QByteArrayView header);

// Other helpers append their keys at the end of a section and their sentences to the table.
enum class Msg {
    // The default message of each ErrorCode, in the enum's order.
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
    // Reading requests (JsonReader, headers, paths).
    BodyNotUtf8,
    BodyNotJson,
    BodyNotObject,
    FieldRequired,
    FieldTooShort,
    FieldTooLong,
    FieldNotString,
    FieldNotNumber,
    FieldNotWholeNumber,
    FieldOutOfRange,
    FieldNotBoolean,
    FieldNotUuid,
    FieldNotTime,
    FieldNotNumberList,
    FieldListSize,
    FieldRepeats,
    FieldNotObject,
    FieldNotArray,
    FieldUnknownWord,
    FieldTextNotStorable,
    NoSuchObject,
    NoSuchEndpoint,
    IdempotencyKeyInvalid,
    IdempotencyKeyRequired,
    IdempotencyInProgress,
    DatabaseUnreachable,
    RedisUnreachable,
    TooManySubscriptions,
    StaffOnlyWithoutTurn,
    // Accounts.
    UsernameInvalid,
    PasswordInvalid,
    TooManyAttempts,
    UsernameTaken,
    WrongCredentials,
    PleaseLogIn,
    SessionEnded,
    StaffOnly,
    // Catalogue.
    NoSuchConcert,
    NoSuchDate,
    NoSuchSeat,
    TitleInvalid,
    ConcertTextTooLong,
    TimesRequired,
    SalesCloseBeforeOpen,
    SalesCloseAfterShow,
    ShowInPast,
    TiersInvalid,
    ConcertHasSales,
    DateHasSales,
    ConcertHasHolds,
    DateHasHolds,
    ConcertFilterInvalid,
    // Seat operations.
    SeatNotHeld,
    SeatNoLongerHeld,
    SeatNotFree,
    SeatNotBlocked,
    // Booking.
    SeatTaken,
    SeatsTaken,
    NotOnSale,
    TooManySeats,
    HoldsExceedBalance,
    SeatsExceedBalance,
    NoSuchReservation,
    RefundsClosed,
    HoldAlreadyExpired,
    AlreadyCancelled,
    AlreadyPaid,
    HoldExpiredBeforePayment,
    ReservationCancelled,
    // Wallet.
    NoWallet,
    TopUpRange,
    BalanceCap,
    BalanceTooLow,
    // Staff operations, accounts and the edge.
    SigningInBusy,
    NoSuchAccount,
    FieldLength,
    FieldNotZero,
    DebitOverBalance,
    CreditOverCap,
    OnlyPaidRefundable,
    SeatNotInReservation,
    NoQueuePlace,
    BlockLifted,
    NotBlocked,
    QueueBlocked,
    ConcertCancelled,
    ServerAtConnectionLimit,
    TooManyConnections,
    WebSocketOnly,
    AnswerPending,
    // Card top-ups.
    CardRejected,
    CardNoFunds,
    CardNumberInvalid,
    CardExpired,
    CardCvcInvalid,
    CardCodeWrong,
    CardNotAuthenticated,
    GatewayUnavailable,
    CardPaymentsOff,
    NoSuchTopUp,
    TopUpAmountMismatch,
    CardAmountMismatch,
    TopUpPaidElsewhere,
    TopUpFailed,
    TopUpRefunded,
    TopUpStillOpen,
    PaymentOfOtherTopUp,
    TopUpBeingPaid,
    PaymentMismatch,
    PaymentUnknown,
    TopUpMoneyGone,
    OnlyPaidTopUpRefundable,
    GatewayRefusedCancel,
    WebhookSignatureInvalid,
    WebhookReplayed,
    // Queue.
    TicketEnded,
    TurnEnded,
    NoQueueTicket,
    TicketAlreadyEnded,
    JoinQueueFirst,
    NotYourTurn,
    // Pre-queue and abuse limits (issue 15).
    PreQueueNotOpen,
    SlowDown,
    PollTooSoon,
    TooManyAccountsFromAddress,
    NoSuchAbuseCounter,
    // Concerts (venue time zone).
    TimeZoneUnknown,
    // Waiting list for seats that come back.
    SeatWaitSeatsOrTier,
    SeatWaitSeatFree,
    SeatWaitTierFree,
    SeatWaitNoSuchTier,
    SeatWaitTooMany,
    SeatWaitOwnSeat,
    NoSuchSeatWait,
    SeatWaitEnded,
    SeatOfferNotLive,
};

// The sentence for `key` in `language`, with %1, %2, ... replaced by `args`.
QString messageText(Msg key, Language language, const QStringList &args = {});
// Every key, in table order (tests walk them).
QList<Msg> allMessageKeys();
// The message a code has when no better one is given.
Msg defaultMessageKey(ErrorCode code);
// Whether `text` is a code's default message in any language (the client then says it its way).
bool isDefaultMessage(ErrorCode code, const QString &text);

// Arguments of a message: numbers and texts, as the sentence shows them.
inline QString messageArg(const QString &text)
{
    return text;
}
inline QString messageArg(qint64 number)
{
    return QString::number(number);
}
inline QString messageArg(int number)
{
    return QString::number(number);
}
template<typename... A> QStringList messageArgs(const A &...args)
{
    return QStringList {messageArg(args)...};
}

} // namespace encore
