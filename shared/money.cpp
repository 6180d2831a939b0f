#include "money.h"

#include <QLocale>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace encore::money {

namespace {
constexpr QStringView kEnglishSuffix = u" KRW";
constexpr QStringView kKoreanSuffix = u"원";

Language programLanguage()
{
    return QLocale().language() == QLocale::Korean ? Language::Korean : Language::English;
}
} // namespace

QString format(Money amount, Language language)
{
    QString digits = QString::number(amount < 0 ? -amount : amount);
    for (qsizetype i = digits.size() - 3; i > 0; i -= 3)
        digits.insert(i, u',');
    if (amount < 0)
        digits.prepend(u'-');
    return digits.append(language == Language::Korean ? kKoreanSuffix : kEnglishSuffix);
}

QString format(Money amount)
{
    return format(amount, programLanguage());
}

QString suffix()
{
    return (programLanguage() == Language::Korean ? kKoreanSuffix : kEnglishSuffix).toString();
}

QString range(Money low, Money high)
{
    const QString upper = format(high);
    if (low == high)
        return upper;
    const QString lower = format(low);
    const qsizetype unit = (upper.endsWith(kKoreanSuffix) ? kKoreanSuffix : kEnglishSuffix).size();
    return lower.chopped(unit) + u" – "_s + upper;
}

QString inLanguage(const QString &text, Language language)
{
    if (language == Language::English || !text.endsWith(kEnglishSuffix))
        return text;
    const QStringView number = QStringView(text).chopped(kEnglishSuffix.size());
    const QStringView digits = number.startsWith(u'-') ? number.sliced(1) : number;
    const bool isAmount = !digits.isEmpty()
        && std::all_of(digits.begin(), digits.end(),
                       [](QChar c) { return c == u',' || (c >= u'0' && c <= u'9'); });
    return isAmount ? number.toString().append(kKoreanSuffix) : text;
}

} // namespace encore::money
