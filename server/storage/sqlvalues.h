#pragma once
// Conversions between our values and the text forms bound into SQL (uuid, int[]), and rows
// back as values.

#include <QList>
#include <QSqlQuery>
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

// An empty text binds as SQL NULL ("not given", for coalesce with a default or the old value).
inline QVariant textOrNull(const QString &value)
{
    return value.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(value);
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

// The rest of a query's rows, each mapped to a T by `fill(q, row)` (reports).
template<typename T, typename Fill> QList<T> mapRows(QSqlQuery &q, Fill fill)
{
    QList<T> out;
    while (q.next()) {
        T row;
        fill(q, row);
        out.append(std::move(row));
    }
    return out;
}

} // namespace encore::server::sql
