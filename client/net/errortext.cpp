#include "errortext.h"

#include "api/fairqueuetypes.h"
#include "models/concert.h"
#include "models/displaytext.h"
#include "money.h"
#include "payments/gatewaypayment.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace encore {

namespace {

QString seatList(const QJsonArray &seats)
{
    QStringList numbers;
    for (const QJsonValue &v : seats)
        numbers.append(QString::number(v.toInteger()));
    return numbers.join(u", "_s);
}

// The server's own message when it says more than our sentence (which field, which limit).
QString serverDetail(const ApiError &error)
{
    if (error.message.isEmpty() || isDefaultMessage(error.code, error.message))
        return {};
    return error.message;
}

QString waitText(qint64 seconds)
{
    if (seconds < 60)
        return ErrorText::tr("less than a minute");
    return ErrorText::tr("about %n minute(s)", nullptr, int((seconds + 59) / 60));
}

} // namespace

QString ErrorText::full() const
{
    return hint.isEmpty() ? text : text + u' ' + hint;
}

ErrorText ErrorText::describe(const ApiError &error)
{
    ErrorText t;
    const QString detail = serverDetail(error);
    switch (error.code) {
    case ErrorCode::BadRequest:
    case ErrorCode::ValidationFailed:
        t.text = detail.isEmpty() ? tr("Some of the information entered is not valid.")
                                  : tr("Please check what you entered: %1").arg(detail);
        t.hint = tr("Correct it and try again.");
        break;
    case ErrorCode::Unauthenticated:
        t.text = tr("Your session has ended.");
        t.hint = tr("Please log in again.");
        t.action = ErrorAction::LogIn;
        break;
    case ErrorCode::Forbidden:
        t.text = tr("Your account is not allowed to do this.");
        break;
    case ErrorCode::QueueNotActive: {
        t.text = tr("It is not your turn to pick seats yet, or your turn has ended.");
        const qint64 eta = error.details.value(u"etaSeconds"_s).toInteger(-1);
        t.hint = eta > 0
            ? tr("Your place in the queue is kept; expected wait: %1.").arg(waitText(eta))
            : tr("Join the queue again to get a new turn.");
        t.action = ErrorAction::RejoinQueue;
        break;
    }
    case ErrorCode::NotFound:
        t.text = tr("This item no longer exists.");
        t.hint = tr("The list has been refreshed.");
        break;
    case ErrorCode::Conflict:
        if (const auto early = PreQueueNotOpen::fromJson(error.details)) {
            // Joined too early: the time at the venue, written like every time on screen.
            t.text = tr("The queue for this date opens at %1, %n minute(s) before sales open.",
                        nullptr, early->preQueueMinutes)
                         .arg(DisplayText::dateTime(early->acceptsJoinsFrom,
                                                    venueTimeZone(early->timeZone)));
            t.hint = tr("Please come back then.");
            break;
        }
        t.text = detail.isEmpty() ? tr("This cannot be done in the current state.") : detail;
        t.hint = tr("The view has been refreshed; please check and try again.");
        break;
    case ErrorCode::SeatUnavailable: {
        const QJsonArray seats = error.details.value(u"seats"_s).toArray();
        t.text = seats.isEmpty() ? tr("Someone else just took some of these seats.")
                                 : tr("Someone else just took seat(s) %1.").arg(seatList(seats));
        t.hint = tr("Please pick other seats; the map shows what is still free.");
        t.action = ErrorAction::PickOtherSeats;
        break;
    }
    case ErrorCode::ReservationExpired:
        t.text = tr("Your hold on these seats has expired and they were released.");
        t.hint = tr("Pick seats again to hold them.");
        t.action = ErrorAction::PickOtherSeats;
        break;
    case ErrorCode::InsufficientBalance: {
        const qint64 needed = error.details.value(u"required"_s).toInteger(0);
        const qint64 balance = error.details.value(u"balance"_s).toInteger(-1);
        t.text = needed > 0 && balance >= 0
            ? tr("Your wallet has %1 but this needs %2.")
                  .arg(money::format(balance), money::format(needed))
            : tr("Your wallet balance is too low for this.");
        t.hint = tr("Top up your wallet, then try again.");
        t.action = ErrorAction::TopUp;
        break;
    }
    case ErrorCode::PaymentDeclined:
        t.text = declinedCardText(error.details.value(u"gatewayCode"_s).toString(),
                                  error.details.value(u"message"_s).toString());
        t.hint = tr("Your card was not charged. Try another card or check its details.");
        break;
    case ErrorCode::IdempotencyMismatch:
        t.text = tr("This request was already sent with different details.");
        t.hint = tr("Please start the action again.");
        break;
    case ErrorCode::PayloadTooLarge:
    case ErrorCode::HeadersTooLarge:
        t.text = tr("What you sent is too large.");
        break;
    case ErrorCode::RateLimited:
        t.text = tr("Too many attempts in a short time.");
        t.hint = tr("Please wait a moment and try again.");
        t.action = ErrorAction::Wait;
        break;
    case ErrorCode::Unavailable:
        t.text = error.details.value(u"network"_s).toBool()
            ? error.message
            : tr("The service is busy or restarting.");
        t.hint = tr("Check your connection; Encore keeps retrying and you can try again.");
        t.action = ErrorAction::Retry;
        break;
    case ErrorCode::Internal: {
        t.text = tr("Something went wrong on our side.");
        const QString ref = error.details.value(u"requestId"_s).toString();
        t.hint = ref.isEmpty() ? tr("Please try again in a moment.")
                               : tr("Please try again in a moment. If it keeps happening, quote "
                                    "reference %1 to support.")
                                     .arg(ref);
        t.action = ErrorAction::Retry;
        break;
    }
    }
    return t;
}

QString ErrorText::actionLabel(ErrorAction action)
{
    switch (action) {
    case ErrorAction::Retry:
        return tr("Try again");
    case ErrorAction::TopUp:
        return tr("Top up wallet");
    case ErrorAction::PickOtherSeats:
        return tr("Back to seats");
    case ErrorAction::RejoinQueue:
        return tr("Rejoin queue");
    case ErrorAction::LogIn:
        return tr("Log in");
    case ErrorAction::Wait:
    case ErrorAction::None:
        break;
    }
    return {};
}

QString ErrorText::declinedCardText(const QString &gatewayCode, const QString &gatewayMessage)
{
    using gateway::CardRefusal;
    if (const auto refusal = enumFromWord<CardRefusal>(gatewayCode)) {
        switch (*refusal) {
        case CardRefusal::RejectCardCompany:
            return tr("Your card company declined the payment.");
        case CardRefusal::NotEnoughBalance:
            return tr("The card's balance or credit limit is too low for this amount.");
        case CardRefusal::InvalidCardNumber:
            return tr("The card number is not valid.");
        case CardRefusal::InvalidCardExpiration:
            return tr("The card has expired.");
        case CardRefusal::InvalidCvc:
            return tr("The security code (CVC) is not valid.");
        case CardRefusal::InvalidAuthentication:
            return tr("The one-time code is not correct.");
        case CardRefusal::NotAuthenticated:
            return tr("The card's second confirmation step was not finished.");
        }
    }
    if (!gatewayMessage.isEmpty())
        return tr("The card payment was declined: %1").arg(gatewayMessage);
    return tr("The card payment was declined.");
}

} // namespace encore
