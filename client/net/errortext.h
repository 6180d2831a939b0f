#pragma once
// ErrorText: the one place that turns an ApiError into words a person understands and a way
// forward. Never shows an HTTP status or a code name. Pure functions, GUI thread (translations).

#include "apierror.h"

#include <QCoreApplication>

namespace encore {

// What the user can do about an error; windows map it to a button.
enum class ErrorAction { None, Retry, TopUp, PickOtherSeats, RejoinQueue, LogIn, Wait };

struct ErrorText {
    Q_DECLARE_TR_FUNCTIONS(ErrorText)

public:
    QString text; // what happened, in plain words
    QString hint; // what to do next
    ErrorAction action = ErrorAction::None;

    // "text hint" in one sentence pair.
    QString full() const;

    static ErrorText describe(const ApiError &error);
    // The label for the button that does `action` ("Top up", "Try again", ...).
    static QString actionLabel(ErrorAction action);
    // Why the card gateway refused a card, in words (English or Korean), from its code.
    static QString declinedCardText(const QString &gatewayCode, const QString &gatewayMessage);
};

} // namespace encore
