#include "testcards.h"

namespace encore::sandbox {

CardBehaviour behaviourOf(const QString &digits)
{
    if (digits == u"4000000000000002")
        return CardBehaviour::Decline;
    if (digits == u"4000000000009995")
        return CardBehaviour::InsufficientFunds;
    if (digits == u"4000000000000119")
        return CardBehaviour::TimeoutOnConfirm;
    if (digits == u"4000000000003220")
        return CardBehaviour::NeedsAuthentication;
    return CardBehaviour::Approve;
}

} // namespace encore::sandbox
