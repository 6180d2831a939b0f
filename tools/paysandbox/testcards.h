#pragma once
// TestCards: how the sandbox treats a card number (DESIGN.md §8's test cards). Any other number
// passing the Luhn check approves. Pure functions, any thread.

#include <QString>

namespace encore::sandbox {

enum class CardBehaviour {
    Approve,
    Decline, // REJECT_CARD_COMPANY at confirmation
    InsufficientFunds, // NOT_ENOUGH_BALANCE at confirmation
    TimeoutOnConfirm, // the first confirmation charges but answers too late; lookup says DONE
    NeedsAuthentication, // a second step: the cardholder enters a one-time code
};

inline constexpr auto kAuthenticationCode = u"123456"; // the sandbox's one-time code

CardBehaviour behaviourOf(const QString &digits);

} // namespace encore::sandbox
