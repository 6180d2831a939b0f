#include "messages.h"

#include "money.h"

#include <array>

using namespace Qt::StringLiterals;

namespace encore {

namespace {

struct MessageText {
    Msg key;
    const char16_t *english;
    const char16_t *korean;
};

// The one table of server messages: keep it in the order of the enum.
constexpr std::array kMessages {
    MessageText {Msg::BadRequest, u"The request could not be read.", u"요청을 읽을 수 없습니다."},
    MessageText {Msg::ValidationFailed, u"Some fields are not valid.",
                 u"일부 항목이 올바르지 않습니다."},
    MessageText {Msg::Unauthenticated, u"Please log in again.", u"다시 로그인해 주세요."},
    MessageText {Msg::Forbidden, u"You are not allowed to do this.",
                 u"이 작업을 할 권한이 없습니다."},
    MessageText {Msg::QueueNotActive, u"It is not your turn yet; please wait in the queue.",
                 u"아직 차례가 아닙니다. 대기열에서 기다려 주세요."},
    MessageText {Msg::NotFound, u"Not found.", u"찾을 수 없습니다."},
    MessageText {Msg::Conflict, u"This conflicts with the current state.",
                 u"현재 상태와 맞지 않아 처리할 수 없습니다."},
    MessageText {Msg::SeatUnavailable, u"Some of the seats were just taken by someone else.",
                 u"일부 좌석을 방금 다른 분이 선택했습니다."},
    MessageText {Msg::ReservationExpired, u"Your hold on these seats has expired.",
                 u"좌석 선점 시간이 끝났습니다."},
    MessageText {Msg::InsufficientBalance, u"Your wallet balance is too low; please top up.",
                 u"지갑 잔액이 부족합니다. 충전해 주세요."},
    MessageText {Msg::IdempotencyMismatch,
                 u"This Idempotency-Key was already used for a different request.",
                 u"이 Idempotency-Key는 이미 다른 요청에 사용되었습니다."},
    MessageText {Msg::PaymentDeclined, u"The card payment was declined.",
                 u"카드 결제가 거절되었습니다."},
    MessageText {Msg::PayloadTooLarge, u"The request is too large.", u"요청이 너무 큽니다."},
    MessageText {Msg::HeadersTooLarge, u"The request headers are too large.",
                 u"요청 헤더가 너무 큽니다."},
    MessageText {Msg::RateLimited, u"Too many attempts; please wait a moment.",
                 u"시도가 너무 많습니다. 잠시 후 다시 시도해 주세요."},
    MessageText {Msg::Unavailable, u"The service is temporarily unavailable; please try again.",
                 u"서비스를 잠시 사용할 수 없습니다. 다시 시도해 주세요."},
    MessageText {Msg::Internal, u"Something went wrong on our side.",
                 u"서버에서 문제가 발생했습니다."},
    MessageText {Msg::BodyNotUtf8, u"The request body is not valid UTF-8.",
                 u"요청 본문이 올바른 UTF-8이 아닙니다."},
    MessageText {Msg::BodyNotJson, u"The request body is not valid JSON: %1.",
                 u"요청 본문이 올바른 JSON이 아닙니다: %1."},
    MessageText {Msg::BodyNotObject, u"The request body must be a JSON object.",
                 u"요청 본문은 JSON 객체여야 합니다."},
    MessageText {Msg::FieldRequired, u"%1: is required", u"%1: 필수 항목입니다"},
    MessageText {Msg::FieldTooShort, u"%1: must be at least %2 characters",
                 u"%1: %2자 이상이어야 합니다"},
    MessageText {Msg::FieldTooLong, u"%1: must be at most %2 characters",
                 u"%1: %2자 이하여야 합니다"},
    MessageText {Msg::FieldNotString, u"%1: must be a string", u"%1: 문자열이어야 합니다"},
    MessageText {Msg::FieldNotNumber, u"%1: must be a number", u"%1: 숫자여야 합니다"},
    MessageText {Msg::FieldNotWholeNumber, u"%1: must be a whole number", u"%1: 정수여야 합니다"},
    MessageText {Msg::FieldOutOfRange, u"%1: must be between %2 and %3",
                 u"%1: %2 이상 %3 이하여야 합니다"},
    MessageText {Msg::FieldNotBoolean, u"%1: must be true or false",
                 u"%1: true 또는 false여야 합니다"},
    MessageText {Msg::FieldNotUuid, u"%1: must be a UUID", u"%1: UUID여야 합니다"},
    MessageText {Msg::FieldNotTime, u"%1: must be an ISO-8601 time",
                 u"%1: ISO-8601 시각이어야 합니다"},
    MessageText {Msg::FieldNotNumberList, u"%1: must be an array of numbers",
                 u"%1: 숫자 배열이어야 합니다"},
    MessageText {Msg::FieldListSize, u"%1: must hold between %2 and %3 items",
                 u"%1: 항목이 %2개 이상 %3개 이하여야 합니다"},
    MessageText {Msg::FieldRepeats, u"%1: must not repeat %2", u"%1: %2이(가) 중복되면 안 됩니다"},
    MessageText {Msg::FieldNotObject, u"%1: must be an object", u"%1: 객체여야 합니다"},
    MessageText {Msg::FieldNotArray, u"%1: must be an array", u"%1: 배열이어야 합니다"},
    MessageText {Msg::FieldUnknownWord, u"%1: unknown value \"%2\"", u"%1: 알 수 없는 값 \"%2\""},
    MessageText {Msg::FieldTextNotStorable,
                 u"%1: must not contain NUL characters or unpaired UTF-16 surrogates",
                 u"%1: NUL 문자나 짝이 없는 UTF-16 서로게이트를 포함할 수 없습니다"},
    MessageText {Msg::NoSuchObject, u"No such object.", u"해당 항목이 없습니다."},
    MessageText {Msg::NoSuchEndpoint, u"No such endpoint.", u"해당 API 경로가 없습니다."},
    MessageText {Msg::IdempotencyKeyInvalid,
                 u"Idempotency-Key must be 1 to 255 visible ASCII characters.",
                 u"Idempotency-Key는 보이는 ASCII 문자 1~255자여야 합니다."},
    MessageText {Msg::IdempotencyKeyRequired, u"This request needs an Idempotency-Key header.",
                 u"이 요청에는 Idempotency-Key 헤더가 필요합니다."},
    MessageText {Msg::IdempotencyInProgress,
                 u"The same request is still being processed; retry shortly.",
                 u"같은 요청을 아직 처리하는 중입니다. 잠시 후 다시 시도해 주세요."},
    MessageText {Msg::DatabaseUnreachable, u"The database is not reachable.",
                 u"데이터베이스에 연결할 수 없습니다."},
    MessageText {Msg::RedisUnreachable, u"Redis is not reachable.", u"Redis에 연결할 수 없습니다."},
    MessageText {Msg::TooManySubscriptions, u"Too many live subscriptions on one connection.",
                 u"한 연결의 실시간 구독이 너무 많습니다."},
    MessageText {Msg::StaffOnlyWithoutTurn, u"Only staff can follow a date without a turn.",
                 u"차례 없이 날짜를 실시간으로 볼 수 있는 것은 직원뿐입니다."},
    MessageText {Msg::UsernameInvalid, u"Usernames are 3 to 32 letters, digits, '.', '_' or '-'.",
                 u"사용자 이름은 영문자, 숫자, '.', '_', '-'로 된 3~32자여야 합니다."},
    MessageText {Msg::PasswordInvalid, u"Passwords are 8 to 128 characters.",
                 u"비밀번호는 8~128자여야 합니다."},
    MessageText {Msg::TooManyAttempts, u"Too many attempts; please wait %1 seconds.",
                 u"시도가 너무 많습니다. %1초 후에 다시 시도해 주세요."},
    MessageText {Msg::UsernameTaken, u"This username is taken; please choose another.",
                 u"이미 사용 중인 사용자 이름입니다. 다른 이름을 골라 주세요."},
    MessageText {Msg::WrongCredentials, u"Wrong username or password.",
                 u"사용자 이름 또는 비밀번호가 틀렸습니다."},
    MessageText {Msg::PleaseLogIn, u"Please log in.", u"로그인해 주세요."},
    MessageText {Msg::SessionEnded, u"Your session has ended; please log in again.",
                 u"세션이 끝났습니다. 다시 로그인해 주세요."},
    MessageText {Msg::StaffOnly, u"This needs a staff account.", u"직원 계정이 필요합니다."},
    MessageText {Msg::NoSuchConcert, u"No such concert.", u"해당 공연이 없습니다."},
    MessageText {Msg::NoSuchDate, u"No such date.", u"해당 공연 일정이 없습니다."},
    MessageText {Msg::NoSuchSeat, u"No such seat.", u"해당 좌석이 없습니다."},
    MessageText {Msg::TitleInvalid, u"A title is 1 to 200 characters.",
                 u"제목은 1~200자여야 합니다."},
    MessageText {Msg::ConcertTextTooLong,
                 u"Artist and venue are at most 200 characters, the description 5,000.",
                 u"아티스트와 공연장은 200자, 설명은 5,000자까지 쓸 수 있습니다."},
    MessageText {Msg::TimesRequired, u"startsAt, salesOpenAt and salesCloseAt are required times.",
                 u"startsAt, salesOpenAt, salesCloseAt 시각이 필요합니다."},
    MessageText {Msg::SalesCloseBeforeOpen, u"Sales must close after they open.",
                 u"판매 종료는 판매 시작보다 뒤여야 합니다."},
    MessageText {Msg::SalesCloseAfterShow, u"Sales must close by the time the show starts.",
                 u"판매는 공연 시작 전에 끝나야 합니다."},
    MessageText {Msg::ShowInPast, u"The show must start in the future.",
                 u"공연 시작 시각은 미래여야 합니다."},
    MessageText {Msg::TiersInvalid, u"Tiers are VIP, R, S and A.", u"등급은 VIP, R, S, A입니다."},
    MessageText {Msg::ConcertHasSales, u"This concert has sold tickets, so it cannot be deleted.",
                 u"이 공연은 판매된 티켓이 있어 삭제할 수 없습니다."},
    MessageText {Msg::DateHasSales, u"This date has sold tickets, so it cannot be deleted.",
                 u"이 일정은 판매된 티켓이 있어 삭제할 수 없습니다."},
    MessageText {Msg::ConcertHasHolds,
                 u"Customers are holding seats of this concert; release them first.",
                 u"고객이 이 공연의 좌석을 선점하고 있습니다. 먼저 해제해 주세요."},
    MessageText {Msg::DateHasHolds,
                 u"Customers are holding seats of this date; release them first.",
                 u"고객이 이 일정의 좌석을 선점하고 있습니다. 먼저 해제해 주세요."},
    MessageText {Msg::ConcertFilterInvalid, u"concertId must be a positive number.",
                 u"concertId는 양의 정수여야 합니다."},
    MessageText {Msg::SeatNotHeld, u"Seat %1 is not held.", u"%1번 좌석은 선점되어 있지 않습니다."},
    MessageText {Msg::SeatNoLongerHeld, u"Seat %1 is no longer held.",
                 u"%1번 좌석은 더 이상 선점되어 있지 않습니다."},
    MessageText {Msg::SeatNotFree, u"Seat %1 is held or sold; only a free seat can be blocked.",
                 u"%1번 좌석은 선점되었거나 판매되었습니다. 빈 좌석만 막을 수 있습니다."},
    MessageText {Msg::SeatNotBlocked, u"Seat %1 is not blocked.",
                 u"%1번 좌석은 막혀 있지 않습니다."},
    MessageText {Msg::SeatTaken, u"Seat %1 was just taken; please pick another.",
                 u"%1번 좌석을 방금 다른 분이 선택했습니다. 다른 좌석을 골라 주세요."},
    MessageText {Msg::SeatsTaken, u"Seats %1 were just taken; please pick others.",
                 u"%1번 좌석을 방금 다른 분들이 선택했습니다. 다른 좌석을 골라 주세요."},
    MessageText {Msg::NotOnSale, u"Tickets for this date are not on sale now.",
                 u"이 일정의 티켓은 지금 판매하지 않습니다."},
    MessageText {
        Msg::TooManySeats, u"A customer can have at most %1 seats per date; you already have %2.",
        u"한 일정에 한 사람이 최대 %1석까지 가질 수 있습니다. 이미 %2석을 가지고 있습니다."},
    MessageText {
        Msg::HoldsExceedBalance,
        u"These seats cost %1 and your other holds %2, but your wallet holds %3; please top up %4.",
        u"이 좌석은 %1, 다른 선점 좌석은 %2인데 지갑 잔액은 %3입니다. %4을(를) 충전해 주세요."},
    MessageText {Msg::SeatsExceedBalance,
                 u"These seats cost %1 but your wallet holds %2; please top up %3.",
                 u"이 좌석은 %1인데 지갑 잔액은 %2입니다. %3을(를) 충전해 주세요."},
    MessageText {Msg::NoSuchReservation, u"No such reservation.", u"해당 예매가 없습니다."},
    MessageText {Msg::RefundsClosed, u"Refunds close %1 hours before the show.",
                 u"환불은 공연 %1시간 전에 마감됩니다."},
    MessageText {Msg::HoldAlreadyExpired,
                 u"This hold has already expired; the seats are free again.",
                 u"이 선점은 이미 만료되어 좌석이 다시 풀렸습니다."},
    MessageText {Msg::AlreadyCancelled, u"This reservation has already been cancelled.",
                 u"이 예매는 이미 취소되었습니다."},
    MessageText {Msg::AlreadyPaid, u"This reservation is already paid.",
                 u"이 예매는 이미 결제되었습니다."},
    MessageText {Msg::HoldExpiredBeforePayment,
                 u"Your hold on these seats expired before payment; please pick seats again.",
                 u"결제 전에 좌석 선점 시간이 끝났습니다. 좌석을 다시 골라 주세요."},
    MessageText {Msg::ReservationCancelled, u"This reservation was cancelled.",
                 u"이 예매는 취소되었습니다."},
    MessageText {Msg::NoWallet, u"No wallet.", u"지갑이 없습니다."},
    MessageText {Msg::TopUpRange, u"A top-up is between %1 and %2.",
                 u"충전 금액은 %1에서 %2 사이입니다."},
    MessageText {Msg::BalanceCap, u"A wallet holds at most %1; you can add up to %2 now.",
                 u"지갑에는 최대 %1까지 담을 수 있습니다. 지금은 %2까지 충전할 수 있습니다."},
    MessageText {Msg::BalanceTooLow, u"This costs %1 but your wallet holds %2; please top up %3.",
                 u"결제 금액은 %1인데 지갑 잔액은 %2입니다. %3을(를) 충전해 주세요."},
    MessageText {Msg::SigningInBusy, u"Many people are signing in right now; please try again.",
                 u"지금 로그인하는 분이 많습니다. 잠시 후 다시 시도해 주세요."},
    MessageText {Msg::NoSuchAccount, u"No such account.", u"해당 계정이 없습니다."},
    MessageText {Msg::FieldLength, u"%1: must be %2 to %3 characters",
                 u"%1: %2자에서 %3자 사이여야 합니다"},
    MessageText {Msg::FieldNotZero, u"%1: must not be zero", u"%1: 0이 아니어야 합니다"},
    MessageText {Msg::DebitOverBalance, u"The wallet holds %1; a debit can take at most that.",
                 u"지갑 잔액이 %1입니다. 그보다 많이 차감할 수 없습니다."},
    MessageText {Msg::CreditOverCap, u"A wallet holds at most %1; this credit can be up to %2.",
                 u"지갑에는 최대 %1까지 담을 수 있습니다. 이번 적립은 %2까지 가능합니다."},
    MessageText {Msg::OnlyPaidRefundable, u"Only a paid reservation can be refunded.",
                 u"결제된 예매만 환불할 수 있습니다."},
    MessageText {Msg::SeatNotInReservation, u"Seat %1 is not part of this reservation.",
                 u"%1번 좌석은 이 예매에 포함되어 있지 않습니다."},
    MessageText {Msg::NoQueuePlace, u"This customer has no place in this queue.",
                 u"이 고객은 이 대기열에 자리가 없습니다."},
    MessageText {Msg::BlockLifted, u"The block was lifted meanwhile.",
                 u"그 사이에 차단이 해제되었습니다."},
    MessageText {Msg::NotBlocked, u"This account is not blocked from this queue.",
                 u"이 계정은 이 대기열에서 차단되어 있지 않습니다."},
    MessageText {Msg::QueueBlocked,
                 u"This account may not join this concert's queue; please contact us.",
                 u"이 계정은 이 공연의 대기열에 들어갈 수 없습니다. 고객센터로 문의해 주세요."},
    MessageText {Msg::ConcertCancelled, u"Every date of this concert has been cancelled.",
                 u"이 공연의 모든 일정이 취소되었습니다."},
    MessageText {Msg::ServerAtConnectionLimit,
                 u"The server is at its connection limit; please retry.",
                 u"서버 연결이 가득 찼습니다. 잠시 후 다시 시도해 주세요."},
    MessageText {Msg::TooManyConnections, u"Too many connections from your address.",
                 u"이 주소에서 연결이 너무 많습니다."},
    MessageText {Msg::WebSocketOnly, u"This endpoint speaks WebSocket: send Upgrade: websocket.",
                 u"이 경로는 WebSocket 전용입니다. Upgrade: websocket 헤더를 보내 주세요."},
    MessageText {Msg::AnswerPending,
                 u"Please wait for the answer before sending another request on this connection.",
                 u"이 연결의 앞선 요청에 대한 응답을 받은 뒤 다음 요청을 보내 주세요."},
    MessageText {Msg::CardRejected, u"Your card company declined the payment.",
                 u"카드사에서 결제를 거절했습니다."},
    MessageText {Msg::CardNoFunds,
                 u"The card's balance or credit limit is too low for this amount.",
                 u"카드 잔액 또는 한도가 이 금액에 부족합니다."},
    MessageText {Msg::CardNumberInvalid, u"The card number is not valid.",
                 u"카드 번호가 올바르지 않습니다."},
    MessageText {Msg::CardExpired, u"The card has expired.", u"카드 유효기간이 지났습니다."},
    MessageText {Msg::CardCvcInvalid, u"The security code (CVC) is not valid.",
                 u"보안 코드(CVC)가 올바르지 않습니다."},
    MessageText {Msg::CardCodeWrong, u"The one-time code is not correct.",
                 u"일회용 인증 코드가 올바르지 않습니다."},
    MessageText {Msg::CardNotAuthenticated,
                 u"The card's second confirmation step was not finished.",
                 u"카드 추가 인증이 완료되지 않았습니다."},
    MessageText {Msg::GatewayUnavailable,
                 u"The card gateway did not answer. Your top-up is kept and will be completed or "
                 u"cancelled automatically; your card is never charged twice.",
                 u"카드 결제사가 응답하지 않았습니다. 충전 요청은 보관되어 자동으로 완료되거나 "
                 u"취소되며, 카드가 두 번 청구되지 않습니다."},
    MessageText {Msg::CardPaymentsOff, u"Card payments are not set up on this server.",
                 u"이 서버에는 카드 결제가 설정되어 있지 않습니다."},
    MessageText {Msg::NoSuchTopUp, u"No such top-up order.", u"해당 충전 주문이 없습니다."},
    MessageText {Msg::TopUpAmountMismatch,
                 u"The amount does not match the top-up order; the card payment was cancelled.",
                 u"금액이 충전 주문과 달라 카드 결제를 취소했습니다."},
    MessageText {Msg::CardAmountMismatch,
                 u"The card authorised another amount than the top-up order; the card payment was "
                 u"cancelled.",
                 u"카드 승인 금액이 충전 주문과 달라 카드 결제를 취소했습니다."},
    MessageText {Msg::TopUpPaidElsewhere, u"This top-up was already paid by another payment.",
                 u"이 충전은 이미 다른 결제로 완료되었습니다."},
    MessageText {Msg::TopUpFailed, u"This top-up has failed; please start a new one.",
                 u"이 충전은 실패했습니다. 새로 충전해 주세요."},
    MessageText {Msg::TopUpRefunded, u"This top-up was refunded to the card.",
                 u"이 충전은 카드로 환불되었습니다."},
    MessageText {Msg::TopUpStillOpen, u"This top-up is still open.",
                 u"이 충전은 아직 진행 중입니다."},
    MessageText {Msg::PaymentOfOtherTopUp, u"This payment belongs to another top-up.",
                 u"이 결제는 다른 충전에 속합니다."},
    MessageText {Msg::TopUpBeingPaid, u"This top-up is already being paid by another payment.",
                 u"이 충전은 이미 다른 결제로 진행 중입니다."},
    MessageText {Msg::PaymentMismatch, u"The payment does not match this top-up.",
                 u"결제 정보가 이 충전과 맞지 않습니다."},
    MessageText {Msg::PaymentUnknown, u"The gateway does not know this payment for this top-up.",
                 u"결제사에 이 충전의 결제 기록이 없습니다."},
    MessageText {Msg::TopUpMoneyGone, u"The wallet holds %1, less than the %2 this top-up added.",
                 u"지갑 잔액 %1이(가) 이 충전으로 들어온 %2보다 적습니다."},
    MessageText {Msg::OnlyPaidTopUpRefundable,
                 u"Only a paid top-up can be refunded to the card (this one is %1).",
                 u"결제가 완료된 충전만 카드로 환불할 수 있습니다(현재 상태: %1)."},
    MessageText {Msg::GatewayRefusedCancel, u"The gateway refused to cancel the payment: %1",
                 u"결제사가 결제 취소를 거절했습니다: %1"},
    MessageText {Msg::WebhookSignatureInvalid, u"The webhook signature is not valid.",
                 u"웹훅 서명이 올바르지 않습니다."},
    MessageText {Msg::WebhookReplayed, u"This webhook delivery was already received.",
                 u"이 웹훅 전달은 이미 받았습니다."},
    MessageText {Msg::TicketEnded, u"This queue ticket has ended; please join the queue again.",
                 u"대기표가 끝났습니다. 대기열에 다시 들어가 주세요."},
    MessageText {Msg::TurnEnded, u"Your turn has ended; please join the queue again.",
                 u"차례가 끝났습니다. 대기열에 다시 들어가 주세요."},
    MessageText {Msg::NoQueueTicket, u"No queue ticket given.", u"대기표가 없습니다."},
    MessageText {Msg::TicketAlreadyEnded, u"This queue ticket has already ended.",
                 u"이 대기표는 이미 끝났습니다."},
    MessageText {Msg::JoinQueueFirst, u"Please join the queue for this concert first.",
                 u"먼저 이 공연의 대기열에 들어가 주세요."},
    MessageText {Msg::NotYourTurn, u"It is not your turn yet; you are number %1 in line.",
                 u"아직 차례가 아닙니다. 현재 대기 순서는 %1번입니다."},
    MessageText {Msg::PreQueueNotOpen,
                 u"This queue opens at %1, %2 minutes before sales open; please come back then.",
                 u"이 대기열은 판매 시작 %2분 전인 %1에 열립니다. 그때 다시 와 주세요."},
    MessageText {Msg::SlowDown, u"Too many requests; please wait %1 seconds.",
                 u"요청이 너무 많습니다. %1초 후에 다시 시도해 주세요."},
    MessageText {Msg::PollTooSoon,
                 u"You are asking faster than the queue moves; please ask again in %1 seconds.",
                 u"대기열이 움직이는 것보다 자주 확인하고 있습니다. %1초 후에 다시 확인해 주세요."},
    MessageText {Msg::TooManyAccountsFromAddress,
                 u"Too many accounts from your network are already in this queue.",
                 u"같은 네트워크에서 이미 너무 많은 계정이 이 대기열에 있습니다."},
    MessageText {Msg::NoSuchAbuseCounter, u"No such counter.", u"그런 카운터가 없습니다."},
    MessageText {Msg::TimeZoneUnknown,
                 u"The venue time zone is not a known IANA name (for example Asia/Seoul).",
                 u"공연장 시간대가 알 수 없는 IANA 이름입니다 (예: Asia/Seoul)."},
    MessageText {Msg::SeatWaitSeatsOrTier, u"%1: wait for chosen seats or for a tier, not both",
                 u"%1: 좌석과 등급 중 하나만 골라 기다릴 수 있습니다"},
    MessageText {Msg::SeatWaitSeatFree, u"Seat %1 is free now: hold it instead of waiting.",
                 u"%1번 좌석은 지금 비어 있습니다. 기다리지 말고 바로 잡으세요."},
    MessageText {Msg::SeatWaitTierFree, u"A %1 seat is free now: hold it instead of waiting.",
                 u"지금 %1석에 빈 좌석이 있습니다. 기다리지 말고 바로 잡으세요."},
    MessageText {Msg::SeatWaitNoSuchTier, u"This date has no %1 seats.",
                 u"이 날짜에는 %1석이 없습니다."},
    MessageText {Msg::SeatWaitTooMany, u"You can be on at most %1 waiting lists for one date.",
                 u"한 날짜에 대기 신청은 최대 %1개까지 할 수 있습니다."},
    MessageText {Msg::SeatWaitOwnSeat, u"Seat %1 is already yours.",
                 u"%1번 좌석은 이미 회원님의 좌석입니다."},
    MessageText {Msg::NoSuchSeatWait, u"No such waiting-list entry.",
                 u"그런 대기 신청이 없습니다."},
    MessageText {Msg::SeatWaitEnded, u"This waiting-list entry has already ended.",
                 u"이 대기 신청은 이미 끝났습니다."},
    MessageText {Msg::SeatOfferNotLive, u"There is no seat offer to decline now.",
                 u"지금 거절할 좌석 제안이 없습니다."},
};

constexpr bool inEnumOrder()
{
    for (std::size_t i = 0; i < kMessages.size(); ++i) {
        if (static_cast<std::size_t>(kMessages[i].key) != i)
            return false;
    }
    return true;
}
static_assert(inEnumOrder(), "kMessages must list every Msg once, in the enum's order");

} // namespace

Language languageFromAcceptLanguage(QByteArrayView header)
{
    for (const QByteArray &part : header.toByteArray().split(',')) {
        const QByteArray tag = part.split(';').first().trimmed().toLower();
        if (tag == "ko" || tag.startsWith("ko-"))
            return Language::Korean;
        if (tag == "en" || tag.startsWith("en-"))
            return Language::English;
    }
    return Language::English;
}

QString messageText(Msg key, Language language, const QStringList &args)
{
    const MessageText &m = kMessages[static_cast<std::size_t>(key)];
    const QStringView pattern(language == Language::Korean ? m.korean : m.english);
    // One pass, so an argument that itself contains "%2" is never substituted again.
    QString text;
    for (qsizetype i = 0; i < pattern.size(); ++i) {
        qsizetype end = i + 1;
        while (pattern[i] == u'%' && end < pattern.size() && pattern[end].isDigit())
            ++end;
        const int n = end > i + 1 ? pattern.sliced(i + 1, end - i - 1).toInt() : 0;
        if (n >= 1 && n <= args.size()) {
            text += money::inLanguage(args[n - 1], language); // "50,000 KRW" → "50,000원"
            i = end - 1;
        } else {
            text += pattern[i];
        }
    }
    return text;
}

QList<Msg> allMessageKeys()
{
    QList<Msg> keys;
    for (const MessageText &m : kMessages)
        keys.append(m.key);
    return keys;
}

// The table starts with one default message per ErrorCode, in the same order.
static_assert(static_cast<int>(Msg::Internal) == static_cast<int>(ErrorCode::Internal)
              && EnumWords<ErrorCode>::words.size() == static_cast<std::size_t>(Msg::Internal) + 1);

Msg defaultMessageKey(ErrorCode code)
{
    return static_cast<Msg>(static_cast<int>(code));
}

bool isDefaultMessage(ErrorCode code, const QString &text)
{
    return text == messageText(defaultMessageKey(code), Language::English)
        || text == messageText(defaultMessageKey(code), Language::Korean);
}

} // namespace encore
