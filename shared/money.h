#pragma once
// Money is an integer number of KRW (no minor unit). Limits of the wallet live here so the
// server and the client validate against the same numbers, and so does the one way an amount is
// written for people: "120,000 KRW" in English, "120,000원" in Korean.

#include "messages.h"

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

// "120,000 KRW" / "120,000원".
QString format(Money amount, Language language);
// In the language the program runs in (the default QLocale: the app's LanguageManager sets it;
// the server's is English, and its messages pass amounts through inLanguage()).
QString format(Money amount);
// The unit as format() writes it after the digits, in the program's language: " KRW" / "원"
// (the suffix of a spin box that edits an amount).
QString suffix();
// "77,000 – 165,000 KRW" (the unit once); one amount when both are equal. Default language.
QString range(Money low, Money high);
// An amount written by format(amount, English) — as server messages receive their arguments —
// in `language`; any other text unchanged.
QString inLanguage(const QString &text, Language language);
} // namespace money

} // namespace encore
