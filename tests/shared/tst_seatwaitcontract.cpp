// The waiting list's shapes (shared/models/seatwait.h) are one contract for server and app:
// encode → decode → equal for each, one word per status both ways, the request's either/or rule
// and limits, and the live message's type word.
#include "api/livemessage.h"
#include "apipaths.h"
#include "models/seatwait.h"

#include <QJsonArray>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace encore;

class TestSeatWaitContract final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void shapesRoundTrip();
    void statusWordsBothWays();
    void requestIsSeatsOrTier_data();
    void requestIsSeatsOrTier();
    void liveMessageAndPaths();
};

namespace {
template<typename T> bool roundTrips(const T &value)
{
    const QJsonObject json = value.toJson();
    const auto back = T::fromJson(json);
    if (!back) {
        qWarning() << "decode failed:" << back.error().message << json;
        return false;
    }
    return back.value() == value && back.value().toJson() == json;
}

QDateTime at(const char *iso)
{
    return QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODateWithMs);
}
} // namespace

void TestSeatWaitContract::shapesRoundTrip()
{
    SeatWait wait;
    wait.id = 17;
    wait.scheduleId = 4;
    wait.concertId = 2;
    wait.seats = {11, 12};
    wait.status = SeatWaitStatus::Waiting;
    wait.createdAt = at("2026-11-30T12:00:00.000Z");
    wait.concertTitle = u"아이유 콘서트"_s;
    wait.startsAt = at("2026-12-24T10:00:00.000Z");
    QVERIFY(roundTrips(wait));

    SeatWait offered = wait;
    offered.seats.clear();
    offered.tier = u"VIP"_s;
    offered.status = SeatWaitStatus::Offered;
    offered.offer = SeatOffer {QUuid::fromString(u"0b7d9a61-3f6e-4a8c-b2d5-77e0c1a4f902"_s), 7,
                               165'000, at("2026-11-30T12:02:00.000Z")};
    offered.userId = QUuid::fromString(u"6f1c2a9e-0d4b-4c55-9e0a-3d2b1f0c9a11"_s);
    offered.username = u"minji"_s;
    QVERIFY(roundTrips(offered));
    QVERIFY(roundTrips(*offered.offer));
    QVERIFY(offered.isLiveOffer(at("2026-11-30T12:01:59.000Z")));
    QVERIFY(!offered.isLiveOffer(at("2026-11-30T12:02:00.000Z")));
    QVERIFY(!wait.isLiveOffer(at("2026-11-30T12:00:00.000Z")));

    QVERIFY(roundTrips(SeatWaitRequest {4, {3, 9}, {}}));
    QVERIFY(roundTrips(SeatWaitRequest {4, {}, u"R"_s}));
    QVERIFY(roundTrips(SeatWaitsCleared {4, 12}));
}

void TestSeatWaitContract::statusWordsBothWays()
{
    QSet<QString> seen;
    for (const SeatWaitStatus s : allValues<SeatWaitStatus>()) {
        QVERIFY(!seen.contains(wordOf(s)));
        seen.insert(wordOf(s));
        QCOMPARE(enumFromWord<SeatWaitStatus>(wordOf(s)), s);
    }
    QCOMPARE(seen.size(), int(SeatWaitStatus::Cleared) + 1);
    QJsonObject json = SeatWait {}.toJson();
    json.insert(u"id"_s, 1);
    json.insert(u"scheduleId"_s, 1);
    json.insert(u"status"_s, u"HOVERING"_s);
    const auto bad = SeatWait::fromJson(json);
    QVERIFY(!bad);
    QCOMPARE(bad.error().code, ErrorCode::BadRequest);
}

void TestSeatWaitContract::requestIsSeatsOrTier_data()
{
    QTest::addColumn<QJsonObject>("json");
    QTest::addColumn<int>("code"); // -1: accepted
    const QJsonArray one {5};
    QTest::addRow("seats") << QJsonObject {{u"scheduleId"_s, 3}, {u"seats"_s, one}} << -1;
    QTest::addRow("tier") << QJsonObject {{u"scheduleId"_s, 3}, {u"tier"_s, u"S"_s}} << -1;
    QTest::addRow("both") << QJsonObject {{u"scheduleId"_s, 3},
                                          {u"seats"_s, one},
                                          {u"tier"_s, u"S"_s}}
                          << int(ErrorCode::ValidationFailed);
    QTest::addRow("neither") << QJsonObject {{u"scheduleId"_s, 3}}
                             << int(ErrorCode::ValidationFailed);
    QTest::addRow("empty tier") << QJsonObject {{u"scheduleId"_s, 3}, {u"tier"_s, u""_s}}
                                << int(ErrorCode::ValidationFailed);
    QTest::addRow("tier a number")
        << QJsonObject {{u"scheduleId"_s, 3}, {u"tier"_s, 7}} << int(ErrorCode::BadRequest);
    QTest::addRow("five seats") << QJsonObject {{u"scheduleId"_s, 3},
                                                {u"seats"_s, QJsonArray {1, 2, 3, 4, 5}}}
                                << int(ErrorCode::ValidationFailed);
    QTest::addRow("no date") << QJsonObject {{u"seats"_s, one}} << int(ErrorCode::ValidationFailed);
}

void TestSeatWaitContract::requestIsSeatsOrTier()
{
    QFETCH(QJsonObject, json);
    QFETCH(int, code);
    const auto r = SeatWaitRequest::fromJson(json);
    if (code < 0) {
        QVERIFY(r);
        return;
    }
    QVERIFY(!r);
    QCOMPARE(int(r.error().code), code);
}

void TestSeatWaitContract::liveMessageAndPaths()
{
    const QJsonObject m = liveMessage(LiveMessageType::SeatOffer, {{u"wait"_s, QJsonObject {}}});
    QCOMPARE(m.value(u"type"_s).toString(), u"seatOffer"_s);
    QCOMPARE(liveMessageType(m), LiveMessageType::SeatOffer);
    QCOMPARE(api::seatWaits(), api::path(u"/seat-waits"));
    QCOMPARE(api::seatWait(9), api::path(u"/seat-waits/9"));
    QCOMPARE(api::seatWaitDecline(api::kArg), api::path(u"/seat-waits/<arg>/decline"));
    QCOMPARE(api::adminScheduleSeatWaits(4), api::path(u"/admin/schedules/4/seat-waits"));
}

QTEST_APPLESS_MAIN(TestSeatWaitContract)
#include "tst_seatwaitcontract.moc"
