#pragma once
// Conversions between our values and the text forms bound into SQL (uuid, int[]), and rows
// back as JSON.

#include <QJsonArray>
#include <QJsonObject>
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

// The rest of a query's rows as JSON objects, column i under keys[i] (reports).
inline QJsonArray jsonRows(QSqlQuery &q, const QStringList &keys)
{
    QJsonArray out;
    while (q.next()) {
        QJsonObject o;
        for (int i = 0; i < keys.size(); ++i)
            o.insert(keys[i], QJsonValue::fromVariant(q.value(i)));
        out.append(o);
    }
    return out;
}

} // namespace encore::server::sql
