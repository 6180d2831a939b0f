#include "pendingtopup.h"

#include <QSettings>

using namespace Qt::StringLiterals;

namespace encore {

namespace {
constexpr auto kGroup = u"pendingTopUp";
}

std::optional<PendingTopUp> PendingTopUp::load()
{
    QSettings settings;
    settings.beginGroup(QString::fromUtf16(kGroup));
    PendingTopUp p {QUuid::fromString(settings.value(u"orderId"_s).toString()),
                    settings.value(u"paymentKey"_s).toString(),
                    settings.value(u"amount"_s).toLongLong(),
                    settings.value(u"idempotencyKey"_s).toString()};
    if (p.orderId.isNull() || p.paymentKey.isEmpty() || p.amount <= 0 || p.idempotencyKey.isEmpty())
        return std::nullopt;
    return p;
}

void PendingTopUp::save() const
{
    QSettings settings;
    settings.beginGroup(QString::fromUtf16(kGroup));
    settings.setValue(u"orderId"_s, orderId.toString(QUuid::WithoutBraces));
    settings.setValue(u"paymentKey"_s, paymentKey);
    settings.setValue(u"amount"_s, amount);
    settings.setValue(u"idempotencyKey"_s, idempotencyKey);
    settings.sync(); // on disk before the confirmation leaves
}

void PendingTopUp::clear()
{
    QSettings settings;
    settings.remove(QString::fromUtf16(kGroup));
    settings.sync();
}

} // namespace encore
