#pragma once
// EnumWords: the one way a closed set of API words maps to an enum class and back. Each enum
// specialises EnumWords<E> with its table; wordOf/enumFromWord/allValues work for all. Any thread.

#include <QList>
#include <QString>

#include <array>
#include <optional>

namespace encore {

template<typename E> struct EnumWord {
    E value;
    const char16_t *word;
};

// Specialise with `static constexpr std::array<EnumWord<E>, N> words {...};` in the enum's header.
template<typename E> struct EnumWords;

// The word the API uses for `value` ("AVAILABLE"); every value has one (tests check the tables).
template<typename E> QString wordOf(E value)
{
    for (const EnumWord<E> &w : EnumWords<E>::words) {
        if (w.value == value)
            return QString::fromUtf16(w.word);
    }
    return {};
}

// The value a word names, or nullopt for a word this build does not know (a newer peer's word,
// or garbage): the caller decides between an error and its documented fallback.
template<typename E> std::optional<E> enumFromWord(QStringView word)
{
    for (const EnumWord<E> &w : EnumWords<E>::words) {
        if (word == QStringView(w.word))
            return w.value;
    }
    return std::nullopt;
}

// Every value, in table order (tests walk them).
template<typename E> QList<E> allValues()
{
    QList<E> values;
    for (const EnumWord<E> &w : EnumWords<E>::words)
        values.append(w.value);
    return values;
}

} // namespace encore
