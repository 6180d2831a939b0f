#pragma once
// fairShuffle: a uniformly random order for a pre-queue at opening (DESIGN.md §5), from the
// operating system's CSPRNG (QRandomGenerator::system(), getrandom(2)) with an unbiased
// Fisher-Yates. Pure function; any thread.

#include <QList>
#include <QRandomGenerator>

#include <utility>

namespace encore::server {

// A uniform integer in [0, bound) without modulo bias (rejection sampling).
inline quint64 uniformBelow(quint64 bound)
{
    const quint64 limit = ~quint64(0) - (~quint64(0) % bound); // a multiple of bound
    quint64 x = 0;
    do
        x = QRandomGenerator::system()->generate64();
    while (x >= limit);
    return x % bound;
}

template<typename T> void fairShuffle(QList<T> &items)
{
    for (qsizetype i = items.size() - 1; i > 0; --i)
        std::swap(items[i], items[qsizetype(uniformBelow(quint64(i) + 1))]);
}

} // namespace encore::server
