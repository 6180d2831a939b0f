#include "backoff.h"

#include <QRandomGenerator>

#include <algorithm>

namespace encore {

int Backoff::next()
{
    const int shift = std::min(m_attempts, 16);
    const qint64 base = std::min<qint64>(qint64(m_firstMs) << shift, m_maxMs);
    ++m_attempts;
    const int jitter = base >= 4 ? int(QRandomGenerator::global()->bounded(int(base / 4))) : 0;
    return int(base) - jitter;
}

} // namespace encore
