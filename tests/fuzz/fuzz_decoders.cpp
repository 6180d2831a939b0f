// libFuzzer target (clang, ASan + UBSan) over what turns untrusted bytes into values: the JSON
// reader (parseObject, every typed getter, the text check) and the shared DTO decoders used for
// requests and answers, and the RequestFramer that reads request heads and bodies off the wire
// (fed whole and byte by byte, which must agree). The first input byte picks the decoder.
#include "http/requestframer.h"
#include "jsonreader.h"
#include "models/concert.h"
#include "models/payment.h"
#include "models/queueticket.h"
#include "models/reservation.h"
#include "models/seat.h"
#include "models/user.h"
#include "models/wallet.h"

#include <QJsonArray>

#include <cstdint>
#include <cstdlib>

using namespace encore;

namespace {

void decodeEverything(const QJsonObject &object, int depth = 0)
{
    JsonReader r(object);
    for (auto it = object.begin(); it != object.end(); ++it) {
        const QString &key = it.key();
        // Each getter on its own reader: a first failure must not hide the later ones.
        JsonReader(object).string(key, 1, 64);
        JsonReader(object).optionalString(key, 16);
        JsonReader(object).integer(key, -1000, 1000);
        JsonReader(object).optionalInteger(key, 0, std::numeric_limits<qint64>::max());
        JsonReader(object).boolean(key);
        JsonReader(object).uuid(key);
        JsonReader(object).dateTime(key);
        JsonReader(object).integerList(key, 1, 4, 1, 50);
        r.object(key);
        r.array(key);
        JsonReader::textProblem(key);
        if (it.value().isObject() && depth < 4)
            decodeEverything(it.value().toObject(), depth + 1);
    }
    (void)Concert::fromJson(object);
    (void)Schedule::fromJson(object);
    (void)Payment::fromJson(object);
    (void)QueueTicket::fromJson(object);
    (void)Reservation::fromJson(object);
    (void)Seat::fromJson(object);
    (void)SeatMap::fromJson(object);
    (void)User::fromJson(object);
    (void)Wallet::fromJson(object);
    (void)LedgerEntry::fromJson(object);
}

void decodeJson(const QByteArray &input)
{
    const auto parsed = JsonReader::parseObject(input);
    if (!parsed) {
        // A refusal is a 4xx with a code, never anything else.
        const int status = parsed.error().httpStatus();
        if (status != 400 && status != 422)
            std::abort();
        return;
    }
    decodeEverything(parsed.value());
}

void frameRequest(const QByteArray &input)
{
    // Small limits so the fuzzer reaches them.
    const server::EdgeLimits limits {4096, 1024, 20};
    server::RequestFramer whole(limits);
    server::RequestFramer bytewise(limits);
    const auto verdict = whole.feed(input);
    auto bytewiseVerdict = server::RequestFramer::Verdict::Ok;
    for (qsizetype i = 0; i < input.size(); ++i)
        bytewiseVerdict = bytewise.feed(QByteArrayView(input.constData() + i, 1));
    if (input.isEmpty())
        bytewiseVerdict = bytewise.feed({});
    if (verdict != bytewiseVerdict || whole.completedRequests() != bytewise.completedRequests()
        || whole.phase() != bytewise.phase())
        std::abort(); // the answer must not depend on how the bytes were split
    if (whole.headComplete() && whole.head().method.isEmpty())
        std::abort();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (size == 0)
        return 0;
    const QByteArray input(reinterpret_cast<const char *>(data) + 1, qsizetype(size - 1));
    if (data[0] % 2 == 0)
        decodeJson(input);
    else
        frameRequest(input);
    return 0;
}
