#pragma once
// Conversions between our values and the text forms bound into SQL (uuid, int[]).

#include <QList>
#include <QStringList>
#include <QUuid>

namespace encore::server::sql {

inline QString uuid(const QUuid &id)
{
    return id.toString(QUuid::WithoutBraces);
}

// A null QString binds as SQL NULL; for NOT NULL text columns "no value" is ''.
inline QString text(const QString &value)
{
    return value.isNull() ? QString(QLatin1String("")) : value;
}

// A PostgreSQL array literal, "{1,2,3}", bound as text and cast with ?::int[] / ?::bigint[].
template<typename Int> QString intArray(const QList<Int> &values)
{
    QStringList parts;
    parts.reserve(values.size());
    for (Int v : values)
        parts.append(QString::number(v));
    return QLatin1Char('{') + parts.join(QLatin1Char(',')) + QLatin1Char('}');
}

} // namespace encore::server::sql
