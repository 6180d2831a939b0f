// The live feed's frames (shared/api/livemessage.h) as both sides use them: each frame type
// round-trips (encode → decode → equal), the frames the client sends have the shapes DESIGN.md §4
// fixes, and a frame that is not one of them decodes to the error the server answers it with.
#include "api/livemessage.h"
#include "api/wordtable.h"
#include "models/seat.h"

#include <QJsonArray>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace encore;

namespace {

Seat heldSeat(int number, bool awaited)
{
    Seat s;
    s.number = number;
    s.status = SeatStatus::Held;
    s.price = 132'000;
    s.tier = u"R"_s;
    s.version = 70 + number;
    s.heldUntil = QDateTime::fromString(u"2026-11-24T04:45:00.250Z"_s, Qt::ISODateWithMs);
    s.awaited = awaited;
    return s;
}

template<typename T> T decodes(const QJsonObject &json)
{
    const auto back = T::fromJson(json);
    if (!back)
        qWarning() << "decode failed:" << back.error().message << json;
    return back ? back.value() : T {};
}

bool sameError(const ApiError &a, const ApiError &b)
{
    return a.code == b.code && a.message == b.message && a.details == b.details;
}

} // namespace

class TestLiveContract final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void clientFramesRoundTrip();
    void clientFramesHaveTheFixedShapes();
    void badClientFramesDecodeToErrors_data();
    void badClientFramesDecodeToErrors();
    void serverFramesRoundTrip();
    void seatOnSaleRule();
};

void TestLiveContract::clientFramesRoundTrip()
{
    for (const LiveSubscription &s :
         {LiveSubscription::seats(11, u"qt-1"_s), LiveSubscription::staffSeats(11),
          LiveSubscription::queue(u"qt-2"_s), LiveSubscription::availability(),
          LiveSubscription::seats(11, u"qt-1"_s).ended(), LiveSubscription::availability().ended(),
          LiveSubscription::queue(u"qt-2"_s).ended()}) {
        const QJsonObject json = s.toJson();
        QCOMPARE(decodes<LiveSubscription>(json), s);
        QCOMPARE(decodes<LiveSubscription>(json).toJson(), json);
    }
    QCOMPARE(decodes<LiveAuth>(LiveAuth {u"session"_s}.toJson()), LiveAuth {u"session"_s});
}

void TestLiveContract::clientFramesHaveTheFixedShapes()
{
    QCOMPARE(LiveSubscription::seats(11, u"qt"_s).toJson(),
             (QJsonObject {
                 {u"type"_s, u"subscribe"_s}, {u"scheduleId"_s, 11}, {u"queueToken"_s, u"qt"_s}}));
    QCOMPARE(LiveSubscription::staffSeats(11).toJson(),
             (QJsonObject {
                 {u"type"_s, u"subscribe"_s}, {u"scheduleId"_s, 11}, {u"role"_s, u"staff"_s}}));
    QCOMPARE(LiveSubscription::staffSeats(11).ended().toJson(),
             (QJsonObject {{u"type"_s, u"unsubscribe"_s}, {u"scheduleId"_s, 11}}));
    QCOMPARE(LiveSubscription::queue(u"qt"_s).toJson(),
             (QJsonObject {{u"type"_s, u"subscribe"_s}, {u"queueToken"_s, u"qt"_s}}));
    QCOMPARE(LiveSubscription::availability().ended().toJson(),
             (QJsonObject {{u"type"_s, u"unsubscribe"_s}, {u"availability"_s, true}}));
    QCOMPARE(LiveAuth {u"s"_s}.toJson(),
             (QJsonObject {{u"type"_s, u"auth"_s}, {u"token"_s, u"s"_s}}));
    // {"subscribe","availability":false} stops following, as before the shared type.
    QVERIFY(!decodes<LiveSubscription>({{u"type"_s, u"subscribe"_s}, {u"availability"_s, false}})
                 .subscribe);
    // A customer role asks for the customer's rule (a queue token).
    QVERIFY(!decodes<LiveSubscription>(
                 {{u"type"_s, u"subscribe"_s}, {u"scheduleId"_s, 3}, {u"role"_s, u"customer"_s}})
                 .asStaff);
}

void TestLiveContract::badClientFramesDecodeToErrors_data()
{
    QTest::addColumn<QJsonObject>("frame");
    QTest::addColumn<ErrorCode>("code");
    const QString sub = u"subscribe"_s;
    QTest::addRow("not a subscription")
        << QJsonObject {{u"type"_s, u"ping"_s}} << ErrorCode::BadRequest;
    QTest::addRow("schedule as text")
        << QJsonObject {{u"type"_s, sub}, {u"scheduleId"_s, u"7"_s}} << ErrorCode::BadRequest;
    QTest::addRow("schedule 0") << QJsonObject {{u"type"_s, sub}, {u"scheduleId"_s, 0}}
                                << ErrorCode::ValidationFailed;
    QTest::addRow("unknown role") << QJsonObject {{u"type"_s, sub},
                                                  {u"scheduleId"_s, 7},
                                                  {u"role"_s, u"admin"_s}}
                                  << ErrorCode::BadRequest;
    QTest::addRow("role as number")
        << QJsonObject {{u"type"_s, sub}, {u"scheduleId"_s, 7}, {u"role"_s, 1}}
        << ErrorCode::BadRequest;
    QTest::addRow("queue without token")
        << QJsonObject {{u"type"_s, sub}} << ErrorCode::ValidationFailed;
    QTest::addRow("token too long")
        << QJsonObject {{u"type"_s, sub}, {u"queueToken"_s, QString(129, u'x')}}
        << ErrorCode::ValidationFailed;
    QTest::addRow("availability as text")
        << QJsonObject {{u"type"_s, sub}, {u"availability"_s, u"yes"_s}} << ErrorCode::BadRequest;
}

void TestLiveContract::badClientFramesDecodeToErrors()
{
    QFETCH(QJsonObject, frame);
    QFETCH(ErrorCode, code);
    const auto decoded = LiveSubscription::fromJson(frame);
    QVERIFY(!decoded);
    QCOMPARE(decoded.error().code, code);
    QVERIFY(!LiveAuth::fromJson({{u"type"_s, u"auth"_s}}));
    QVERIFY(!LiveAuth::fromJson({{u"type"_s, u"auth"_s}, {u"token"_s, 5}}));
}

void TestLiveContract::serverFramesRoundTrip()
{
    LiveSeats full;
    full.map.scheduleId = 11;
    full.map.concertId = 3;
    full.map.version = 99;
    full.map.seats = {heldSeat(1, false), heldSeat(2, true)};
    full.full = true;
    QCOMPARE(decodes<LiveSeats>(full.toJson()), full);
    QCOMPARE(liveMessageType(full.toJson()), LiveMessageType::Seats);
    // A change: only the seats that changed, the waited-for flag carried per seat.
    LiveSeats change {{11, 0, 100, {heldSeat(2, true)}}, false};
    QCOMPARE(decodes<LiveSeats>(change.toJson()), change);
    QVERIFY(change.toJson()
                .value(u"seats"_s)
                .toArray()
                .first()
                .toObject()
                .value(u"awaited"_s)
                .toBool());
    QVERIFY(!change.toJson().contains(u"full"_s));

    const LiveTurnEnded ended {7, ApiError(ErrorCode::NotFound)};
    const QJsonObject endedJson = ended.toJson();
    QVERIFY(LiveTurnEnded::isEnded(endedJson));
    QCOMPARE(liveMessageType(endedJson), LiveMessageType::Queue);
    QCOMPARE(decodes<LiveTurnEnded>(endedJson).concertId, 7);
    QVERIFY(sameError(decodes<LiveTurnEnded>(endedJson).reason, ApiError::fromEnvelope(endedJson)));
    QCOMPARE(decodes<LiveTurnEnded>(endedJson).reason.code, ErrorCode::NotFound);
    QVERIFY(!LiveTurnEnded::isEnded({{u"type"_s, u"queue"_s}, {u"status"_s, u"WAITING"_s}}));
    QVERIFY(!LiveTurnEnded::fromJson({{u"type"_s, u"queue"_s}, {u"status"_s, u"ACTIVE"_s}}));

    for (const LiveRefusal &r :
         {LiveRefusal {LiveTopic::Seats, 11, ApiError(ErrorCode::QueueNotActive)},
          LiveRefusal {LiveTopic::Queue, 0, ApiError(ErrorCode::NotFound)},
          LiveRefusal {std::nullopt, 0, ApiError(ErrorCode::Unavailable)}}) {
        const LiveRefusal back = decodes<LiveRefusal>(r.toJson());
        QCOMPARE(back.topic, r.topic);
        QCOMPARE(back.scheduleId, r.scheduleId);
        QVERIFY(sameError(back.error, ApiError::fromEnvelope(r.toJson())));
        QCOMPARE(back.error.code, r.error.code);
    }
    QVERIFY(!LiveRefusal::fromJson({{u"type"_s, u"error"_s}, {u"subscription"_s, u"mars"_s}}));
}

void TestLiveContract::seatOnSaleRule()
{
    const QDateTime later = QDateTime::fromString(u"2026-11-24T05:00:00Z"_s, Qt::ISODate);
    // A hold that ran out is on sale again, unless someone waits for the seat.
    QVERIFY(heldSeat(1, false).isOnSale(later));
    QVERIFY(!heldSeat(1, true).isOnSale(later));
    QVERIFY(!heldSeat(1, false).isOnSale(later.addSecs(-3600)));
}

QTEST_APPLESS_MAIN(TestLiveContract)
#include "tst_livecontract.moc"
