#pragma once
// Money is an integer number of KRW (no minor unit). Limits of the wallet live here so the
// server and the client validate against the same numbers.

#include <QString>
#include <QtGlobal>

namespace encore {

using Money = qint64;

namespace money {
inline constexpr Money kMinTopUp = 1;
inline constexpr Money kMaxTopUp = 1'000'000;
inline constexpr Money kMaxBalance = 10'000'000;
inline constexpr Money kMaxPrice = 10'000'000;
inline constexpr auto kCurrency = u"KRW";

// "120,000 KRW"
QString format(Money amount);
} // namespace money

} // namespace encore
