#pragma once
// JsonReader: reads typed fields out of a JSON object and remembers the first problem as an
// ApiError (wrong type → BAD_REQUEST, missing or out of range → VALIDATION_FAILED, with
// details.field). Never throws, never crashes on hostile input. Any thread.

#include "apierror.h"
#include "result.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QUuid>

#include <optional>

namespace encore {

class JsonReader {
public:
    explicit JsonReader(QJsonObject object);

    // Parses a request/response body: must be valid UTF-8 holding one JSON object whose
    // strings (keys and values, at any depth) all pass textProblem() — else VALIDATION_FAILED
    // naming the field ("seats[2]", "tiers.A").
    static Result<QJsonObject> parseObject(const QByteArray &body);
    // Why this text cannot be stored (PostgreSQL cuts statements at NUL and refuses unpaired
    // UTF-16 surrogates), or empty when it is fine. The one check for every string a client sends.
    static QString textProblem(QStringView text);

    QString string(const QString &key, int minLength = 0, int maxLength = 10'000);
    std::optional<QString> optionalString(const QString &key, int maxLength = 10'000);
    qint64 integer(const QString &key, qint64 min, qint64 max);
    std::optional<qint64> optionalInteger(const QString &key, qint64 min, qint64 max);
    bool boolean(const QString &key);
    std::optional<bool> optionalBoolean(const QString &key);
    QUuid uuid(const QString &key);
    QDateTime dateTime(const QString &key);
    std::optional<QDateTime> optionalDateTime(const QString &key);
    QList<qint64> integerList(const QString &key, int minCount, int maxCount, qint64 min,
                              qint64 max);
    QJsonObject object(const QString &key);
    QJsonArray array(const QString &key);

    bool ok() const { return !m_error.has_value(); }
    const ApiError &error() const { return *m_error; }

    // Remembers the first problem: `reason` is a Msg whose %1 is the field, %2... are `args`.
    void fail(ErrorCode code, const QString &field, Msg reason, const QStringList &args = {});

private:
    bool present(const QString &key);
    std::optional<qint64> toInteger(const QString &key, const QJsonValue &value, qint64 min,
                                    qint64 max);

    QJsonObject m_object;
    std::optional<ApiError> m_error;
};

// ISO-8601 UTC with milliseconds, "2026-11-24T04:40:00.000Z"; null time → "".
QString isoTime(const QDateTime &time);
// The same, or JSON null for a null time.
QJsonValue isoTimeOrNull(const QDateTime &time);
// Returns an invalid QDateTime when the text is not an ISO-8601 time.
QDateTime parseIsoTime(const QString &text);

} // namespace encore
