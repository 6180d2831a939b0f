#include "seat.h"

#include "apipaths.h"
#include "jsonreader.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace encore {

QJsonObject Seat::toJson() const
{
    QJsonObject o {{u"number"_s, number},
                   {u"status"_s, wordOf(status)},
                   {u"price"_s, price},
                   {u"tier"_s, tier},
                   {u"mine"_s, mine},
                   {u"version"_s, version},
                   {u"heldUntil"_s, isoTimeOrNull(heldUntil)},
                   {u"awaited"_s, awaited}};
    return o;
}

Result<Seat> Seat::fromJson(const QJsonObject &json)
{
    JsonReader r(json);
    Seat s;
    s.number = int(r.integer(u"number"_s, 1, api::kSeatsPerSchedule));
    const auto status = enumFromWord<SeatStatus>(r.string(u"status"_s));
    s.price = r.integer(u"price"_s, 0, money::kMaxPrice);
    s.tier = r.optionalString(u"tier"_s, 16).value_or(QString());
    s.mine = r.optionalBoolean(u"mine"_s).value_or(false);
    s.version = r.optionalInteger(u"version"_s, 0, std::numeric_limits<qint64>::max()).value_or(0);
    s.heldUntil = r.optionalDateTime(u"heldUntil"_s).value_or(QDateTime());
    s.awaited = r.optionalBoolean(u"awaited"_s).value_or(false);
    if (!r.ok())
        return r.error();
    if (!status)
        return ApiError::unknownWord(u"status"_s, json.value(u"status"_s));
    s.status = *status;
    return s;
}

namespace {
// A JSON string literal of text we produce (tier names, statuses, times): quotes, backslashes
// and control characters are escaped.
void appendJsonString(QByteArray &out, const QString &text)
{
    out += '"';
    for (const char c : text.toUtf8()) {
        if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else if (static_cast<unsigned char>(c) < 0x20) {
            out += "\\u00";
            out += "0123456789abcdef"[(c >> 4) & 0xf];
            out += "0123456789abcdef"[c & 0xf];
        } else {
            out += c;
        }
    }
    out += '"';
}
} // namespace

QByteArray SeatMap::toJsonBytes() const
{
    QByteArray out;
    out.reserve(128 + seats.size() * 112);
    out += "{\"scheduleId\":" + QByteArray::number(scheduleId)
        + ",\"concertId\":" + QByteArray::number(concertId)
        + ",\"version\":" + QByteArray::number(version) + ",\"seats\":[";
    for (qsizetype i = 0; i < seats.size(); ++i) {
        const Seat &s = seats[i];
        if (i > 0)
            out += ',';
        out += "{\"number\":" + QByteArray::number(s.number) + ",\"status\":";
        appendJsonString(out, wordOf(s.status));
        out += ",\"price\":" + QByteArray::number(s.price) + ",\"tier\":";
        appendJsonString(out, s.tier);
        out += s.mine ? ",\"mine\":true" : ",\"mine\":false";
        out += s.awaited ? ",\"awaited\":true" : ",\"awaited\":false";
        out += ",\"version\":" + QByteArray::number(s.version) + ",\"heldUntil\":";
        if (s.heldUntil.isValid())
            appendJsonString(out, isoTime(s.heldUntil));
        else
            out += "null";
        out += '}';
    }
    out += "]}";
    return out;
}

QJsonObject SeatMap::toJson() const
{
    return QJsonDocument::fromJson(toJsonBytes()).object();
}

Result<SeatMap> SeatMap::fromJson(const QJsonObject &json)
{
    JsonReader r(json);
    SeatMap m;
    m.scheduleId = r.integer(u"scheduleId"_s, 1, std::numeric_limits<qint64>::max());
    m.concertId
        = r.optionalInteger(u"concertId"_s, 0, std::numeric_limits<qint64>::max()).value_or(0);
    m.version = r.integer(u"version"_s, 0, std::numeric_limits<qint64>::max());
    const QJsonArray list = r.array(u"seats"_s);
    if (!r.ok())
        return r.error();
    for (const QJsonValue &v : list) {
        auto s = Seat::fromJson(v.toObject());
        if (!s)
            return s.error();
        m.seats.append(s.value());
    }
    return m;
}

} // namespace encore
