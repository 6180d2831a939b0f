#include "money.h"

using namespace Qt::StringLiterals;

namespace encore::money {

QString format(Money amount)
{
    QString digits = QString::number(amount < 0 ? -amount : amount);
    for (qsizetype i = digits.size() - 3; i > 0; i -= 3)
        digits.insert(i, u',');
    return (amount < 0 ? u"-"_s : QString()) + digits + u" KRW"_s;
}

} // namespace encore::money
