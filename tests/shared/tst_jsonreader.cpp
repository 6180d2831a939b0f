// JsonReader and the model codecs: hostile input gives a typed error, never a crash.
#include "jsonreader.h"
#include "models/reservation.h"
#include "models/seat.h"
#include "money.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace encore;

class TestJsonReader final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void parseObject_data();
    void parseObject();
    void unstorableText_data();
    void unstorableText();
    void integer_data();
    void integer();
    void integerList_data();
    void integerList();
    void errorCodesMapToStatuses();
    void reservationRoundTrip();
    void moneyFormat();
    void seatMapBytesRoundTrip();
};

void TestJsonReader::parseObject_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<bool>("ok");
    QTest::addRow("object") << QByteArray(R"({"a":1})") << true;
    QTest::addRow("empty") << QByteArray() << false;
    QTest::addRow("array") << QByteArray("[1,2]") << false;
    QTest::addRow("truncated") << QByteArray(R"({"a":)") << false;
    QTest::addRow("invalid utf8") << QByteArray("{\"a\":\"\xff\xfe\"}") << false;
    QTest::addRow("number") << QByteArray("42") << false;
}

void TestJsonReader::parseObject()
{
    QFETCH(QByteArray, body);
    QFETCH(bool, ok);
    const auto r = JsonReader::parseObject(body);
    QCOMPARE(r.ok(), ok);
    if (!ok)
        QCOMPARE(r.error().code, ErrorCode::BadRequest);
}

void TestJsonReader::integer_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("expectedCode"); // -1: ok
    QTest::addRow("one") << QByteArray(R"({"n":1})") << -1;
    QTest::addRow("max") << QByteArray(R"({"n":1000000})") << -1;
    QTest::addRow("zero") << QByteArray(R"({"n":0})") << int(ErrorCode::ValidationFailed);
    QTest::addRow("negative") << QByteArray(R"({"n":-1})") << int(ErrorCode::ValidationFailed);
    QTest::addRow("fraction") << QByteArray(R"({"n":1.5})") << int(ErrorCode::ValidationFailed);
    QTest::addRow("string") << QByteArray(R"({"n":"100"})") << int(ErrorCode::BadRequest);
    QTest::addRow("2^63") << QByteArray(R"({"n":9223372036854775808})")
                          << int(ErrorCode::ValidationFailed);
    QTest::addRow("huge") << QByteArray(R"({"n":1e308})") << int(ErrorCode::ValidationFailed);
    QTest::addRow("missing") << QByteArray(R"({})") << int(ErrorCode::ValidationFailed);
    QTest::addRow("null") << QByteArray(R"({"n":null})") << int(ErrorCode::ValidationFailed);
    QTest::addRow("bool") << QByteArray(R"({"n":true})") << int(ErrorCode::BadRequest);
}

void TestJsonReader::integer()
{
    QFETCH(QByteArray, body);
    QFETCH(int, expectedCode);
    JsonReader r(JsonReader::parseObject(body).value());
    r.integer(u"n"_s, 1, 1'000'000);
    QCOMPARE(r.ok(), expectedCode == -1);
    if (expectedCode != -1) {
        QCOMPARE(int(r.error().code), expectedCode);
        QCOMPARE(r.error().details.value(u"field"_s).toString(), u"n"_s);
    }
}

void TestJsonReader::integerList_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<bool>("ok");
    QTest::addRow("one seat") << QByteArray(R"({"seats":[1]})") << true;
    QTest::addRow("four seats") << QByteArray(R"({"seats":[1,2,3,50]})") << true;
    QTest::addRow("none") << QByteArray(R"({"seats":[]})") << false;
    QTest::addRow("five") << QByteArray(R"({"seats":[1,2,3,4,5]})") << false;
    QTest::addRow("zero") << QByteArray(R"({"seats":[0]})") << false;
    QTest::addRow("51") << QByteArray(R"({"seats":[51]})") << false;
    QTest::addRow("duplicate") << QByteArray(R"({"seats":[7,7]})") << false;
    QTest::addRow("not array") << QByteArray(R"({"seats":7})") << false;
    QTest::addRow("strings") << QByteArray(R"({"seats":["7"]})") << false;
}

void TestJsonReader::integerList()
{
    QFETCH(QByteArray, body);
    QFETCH(bool, ok);
    JsonReader r(JsonReader::parseObject(body).value());
    r.integerList(u"seats"_s, 1, 4, 1, 50);
    QCOMPARE(r.ok(), ok);
}

void TestJsonReader::unstorableText_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("field"); // empty: accepted
    QTest::addRow("plain") << QByteArray(R"({"a":"x","b":["y"]})") << QString();
    QTest::addRow("surrogate pair") << QByteArray(R"({"a":"\ud83c\udfb5"})") << QString();
    QTest::addRow("NUL") << QByteArray(R"({"title":"a\u0000"})") << u"title"_s;
    QTest::addRow("lone high") << QByteArray(R"({"artist":"\ud800x"})") << u"artist"_s;
    QTest::addRow("lone low") << QByteArray(R"({"venue":"\udc00"})") << u"venue"_s;
    QTest::addRow("high at end") << QByteArray(R"({"v":"x\ud800"})") << u"v"_s;
    QTest::addRow("in array") << QByteArray(R"({"seats":[1,"\u0000"]})") << u"seats[1]"_s;
    QTest::addRow("nested") << QByteArray(R"({"tiers":{"A":{"b":"\u0000"}}})") << u"tiers.A.b"_s;
    QTest::addRow("key") << QByteArray(R"({"tiers":{"\u0000":1}})") << u"tiers.(key)"_s;
}

void TestJsonReader::unstorableText()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, field);
    const auto r = JsonReader::parseObject(body);
    QCOMPARE(r.ok(), field.isEmpty());
    if (!field.isEmpty()) {
        QCOMPARE(r.error().code, ErrorCode::ValidationFailed);
        QCOMPARE(r.error().details.value(u"field"_s).toString(), field);
    }
}

void TestJsonReader::errorCodesMapToStatuses()
{
    QCOMPARE(httpStatus(ErrorCode::HeadersTooLarge), 431);
    QCOMPARE(httpStatus(ErrorCode::SeatUnavailable), 409);
    QCOMPARE(httpStatus(ErrorCode::InsufficientBalance), 402);
    QCOMPARE(httpStatus(ErrorCode::QueueNotActive), 403);
    QCOMPARE(wordOf(ErrorCode::IdempotencyMismatch), u"IDEMPOTENCY_MISMATCH"_s);
    for (int c = 0; c <= int(ErrorCode::Internal); ++c)
        QCOMPARE(enumFromWord<ErrorCode>(wordOf(ErrorCode(c))), std::optional(ErrorCode(c)));
    const ApiError e(ErrorCode::SeatUnavailable, QJsonObject {{u"seats"_s, QJsonArray {3}}});
    const ApiError back = ApiError::fromEnvelope(e.toEnvelope(u"r1"_s));
    QCOMPARE(back.code, ErrorCode::SeatUnavailable);
    QCOMPARE(back.details, e.details);
}

void TestJsonReader::reservationRoundTrip()
{
    Reservation r;
    r.id = QUuid::createUuid();
    r.scheduleId = 3;
    r.concertId = 1;
    r.seats = {4, 5};
    r.status = ReservationStatus::Paid;
    r.total = 240000;
    r.heldUntil = QDateTime::currentDateTimeUtc();
    const auto back = Reservation::fromJson(r.toJson());
    QVERIFY(back.ok());
    QCOMPARE(back->id, r.id);
    QCOMPARE(back->seats, r.seats);
    QCOMPARE(back->status, ReservationStatus::Paid);
    QCOMPARE(back->total, 240000);
    QVERIFY(!Reservation::fromJson(QJsonObject {{u"id"_s, 5}}).ok());
}

void TestJsonReader::moneyFormat()
{
    QCOMPARE(money::format(120000), u"120,000 KRW"_s);
    QCOMPARE(money::format(0), u"0 KRW"_s);
    QCOMPARE(money::format(-1500), u"-1,500 KRW"_s);
    QCOMPARE(money::format(1000000), u"1,000,000 KRW"_s);
    QCOMPARE(money::range(77000, 165000), u"77,000 – 165,000 KRW"_s);
    QCOMPARE(money::range(77000, 77000), u"77,000 KRW"_s);
    // Korean: 원 after the number, the same digits.
    QCOMPARE(money::format(120000, Language::Korean), u"120,000원"_s);
    QCOMPARE(money::format(-1500, Language::Korean), u"-1,500원"_s);
    QCOMPARE(money::format(50000, Language::English), u"50,000 KRW"_s);
    // The app's language is the default locale's.
    const QLocale before;
    QLocale::setDefault(QLocale(QLocale::Korean, QLocale::SouthKorea));
    QCOMPARE(money::format(50000), u"50,000원"_s);
    QCOMPARE(money::range(77000, 165000), u"77,000 – 165,000원"_s);
    QLocale::setDefault(before);
    // Server messages get amounts in English form; a Korean sentence shows them in 원, and
    // anything that is not exactly an amount stays as it is.
    QCOMPARE(money::inLanguage(u"50,000 KRW"_s, Language::Korean), u"50,000원"_s);
    QCOMPARE(money::inLanguage(u"-1,500 KRW"_s, Language::Korean), u"-1,500원"_s);
    QCOMPARE(money::inLanguage(u"50,000 KRW"_s, Language::English), u"50,000 KRW"_s);
    QCOMPARE(money::inLanguage(u"Seat 5 KRW"_s, Language::Korean), u"Seat 5 KRW"_s);
    QCOMPARE(money::inLanguage(u" KRW"_s, Language::Korean), u" KRW"_s);
    const QString korean
        = messageText(Msg::SeatsExceedBalance, Language::Korean,
                      {money::format(264000), money::format(118000), money::format(146000)});
    QVERIFY2(korean.contains(u"264,000원"_s) && !korean.contains(u"KRW"_s), qPrintable(korean));
}

void TestJsonReader::seatMapBytesRoundTrip()
{
    SeatMap map;
    map.scheduleId = 7;
    map.concertId = 3;
    map.version = 99;
    Seat held;
    held.number = 1;
    held.status = SeatStatus::Held;
    held.price = 165000;
    held.tier = u"V\"I\\P\n"_s; // escaped on the way out
    held.mine = true;
    held.heldUntil = QDateTime::currentDateTimeUtc().addSecs(60);
    held.version = 99;
    Seat free;
    free.number = 2;
    free.price = 77000;
    free.tier = u"A"_s;
    free.version = 5;
    map.seats = {held, free};
    const QByteArray bytes = map.toJsonBytes();
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &error);
    QCOMPARE(error.error, QJsonParseError::NoError);
    const auto back = SeatMap::fromJson(doc.object());
    QVERIFY(back.ok());
    QCOMPARE(back->scheduleId, 7);
    QCOMPARE(back->concertId, 3);
    QCOMPARE(back->version, 99);
    QCOMPARE(back->seats.size(), 2);
    QCOMPARE(back->seats[0].tier, held.tier);
    QCOMPARE(back->seats[0].status, SeatStatus::Held);
    QVERIFY(back->seats[0].mine);
    QCOMPARE(back->seats[0].heldUntil.toMSecsSinceEpoch(), held.heldUntil.toMSecsSinceEpoch());
    QVERIFY(!back->seats[1].heldUntil.isValid());
    QVERIFY(!back->seats[1].mine);
    QCOMPARE(map.toJson(), doc.object());
}

QTEST_GUILESS_MAIN(TestJsonReader)
#include "tst_jsonreader.moc"
