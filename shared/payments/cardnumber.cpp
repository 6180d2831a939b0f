#include "cardnumber.h"

using namespace Qt::StringLiterals;

namespace encore::card {

QString digitsOf(const QString &text)
{
    QString digits;
    digits.reserve(text.size());
    for (const QChar c : text) {
        if (c >= u'0' && c <= u'9')
            digits.append(c);
        else if (c != u' ' && c != u'-')
            return {};
    }
    return digits;
}

bool isValidNumber(const QString &digits)
{
    if (digits.size() < 12 || digits.size() > 19)
        return false;
    int sum = 0;
    bool doubleIt = false;
    for (qsizetype i = digits.size() - 1; i >= 0; --i) {
        const QChar c = digits.at(i);
        if (c < u'0' || c > u'9')
            return false;
        int d = c.unicode() - u'0';
        if (doubleIt) {
            d *= 2;
            if (d > 9)
                d -= 9;
        }
        sum += d;
        doubleIt = !doubleIt;
    }
    return sum % 10 == 0;
}

QString brandOf(const QString &digits)
{
    const int two = digits.left(2).toInt();
    const int four = digits.left(4).toInt();
    if (digits.startsWith(u'4'))
        return u"VISA"_s;
    if ((two >= 51 && two <= 55) || (four >= 2221 && four <= 2720))
        return u"MASTERCARD"_s;
    if (two == 34 || two == 37)
        return u"AMEX"_s;
    if (four >= 3528 && four <= 3589)
        return u"JCB"_s;
    if (digits.startsWith(u"94"))
        return u"BC"_s;
    return u"CARD"_s;
}

QString lastFour(const QString &digits)
{
    return digits.right(4);
}

QString grouped(const QString &digits)
{
    const bool amex = brandOf(digits) == u"AMEX";
    QString out;
    for (qsizetype i = 0; i < digits.size(); ++i) {
        const bool boundary = amex ? (i == 4 || i == 10) : (i > 0 && i % 4 == 0);
        if (boundary)
            out.append(u' ');
        out.append(digits.at(i));
    }
    return out;
}

bool isFutureExpiry(int month, int year, int todayMonth, int todayYear)
{
    if (month < 1 || month > 12 || year < 2000 || year > 2100)
        return false;
    return year > todayYear || (year == todayYear && month >= todayMonth);
}

} // namespace encore::card
