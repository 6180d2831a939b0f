#pragma once
// PendingTopUp: a card top-up the gateway authorised but whose confirmation at Encore's server
// has no final answer yet — kept in QSettings from just before the confirmation is sent until it
// is answered, so that after a crash or an outage the app confirms it again with the same
// Idempotency-Key (the card is charged once either way). GUI thread.

#include "money.h"

#include <QString>
#include <QUuid>

#include <optional>

namespace encore {

struct PendingTopUp {
    QUuid orderId;
    QString paymentKey;
    Money amount = 0;
    QString idempotencyKey;

    static std::optional<PendingTopUp> load();
    void save() const;
    static void clear();
};

} // namespace encore
