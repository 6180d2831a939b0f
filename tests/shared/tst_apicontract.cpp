// The contract layer: every API shape in shared/ survives encode → decode unchanged (what the
// server writes is what the client reads), every closed set of words maps each value to one word
// and back, an unknown word is refused or falls back as documented, and every server message
// exists in English and Korean with the same placeholders.
#include "api/admintypes.h"
#include "api/apitypes.h"
#include "api/fairqueuetypes.h"
#include "api/livemessage.h"
#include "api/requests.h"
#include "apierror.h"
#include "apipaths.h"
#include "messages.h"
#include "models/concert.h"
#include "models/queueticket.h"
#include "models/seat.h"
#include "models/seatavailability.h"
#include "payments/gatewaypayment.h"

#include <QRegularExpression>
#include <QSet>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace encore;

namespace {

QDateTime at(const char *iso)
{
    return QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODateWithMs);
}

const QUuid kUser = QUuid::fromString(u"6f1c2a9e-0d4b-4c55-9e0a-3d2b1f0c9a11"_s);
const QUuid kReservation = QUuid::fromString(u"0b7d9a61-3f6e-4a8c-b2d5-77e0c1a4f902"_s);

// encode → decode → equal, and encoding the decoded value gives the same JSON.
template<typename T> bool roundTrips(const T &value)
{
    const QJsonObject json = value.toJson();
    const auto back = T::fromJson(json);
    if (!back) {
        qWarning() << "decode failed:" << back.error().message << json;
        return false;
    }
    if (!(back.value() == value)) {
        qWarning() << "decoded value differs:" << json << back.value().toJson();
        return false;
    }
    return back.value().toJson() == json;
}

// Every value has one distinct word, and the word leads back to the value.
template<typename E> bool wordsAreOneToOne()
{
    QSet<QString> seen;
    for (const E value : allValues<E>()) {
        const QString word = wordOf(value);
        if (word.isEmpty() || seen.contains(word) || enumFromWord<E>(word) != value)
            return false;
        seen.insert(word);
    }
    return !enumFromWord<E>(u"no-such-word"_s) && !enumFromWord<E>(QString());
}

QSet<QString> placeholders(const QString &text)
{
    static const QRegularExpression kPlaceholder(u"%\\d+"_s);
    QSet<QString> out;
    for (const auto &m : kPlaceholder.globalMatch(text))
        out.insert(m.captured());
    return out;
}

Seat seat(int number, SeatStatus status)
{
    Seat s;
    s.number = number;
    s.status = status;
    s.price = 132'000;
    s.tier = u"R"_s;
    s.version = 40 + number;
    if (status == SeatStatus::Held)
        s.heldUntil = at("2026-11-24T04:45:00.250Z");
    return s;
}

} // namespace

class TestApiContract final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void customerShapesRoundTrip();
    void queueTicketRoundTrips();
    void staffShapesRoundTrip();
    void reconciliationRoundTripsEveryKind();
    void requestsRoundTrip();
    void errorEnvelopeRoundTrips();
    void everyEnumHasOneWordPerValue();
    void unknownWordsAreRefusedOrFallBack();
    void everyMessageInBothLanguages();
    void messagesSubstituteArguments();
    void acceptLanguagePicksTheLanguage_data();
    void acceptLanguagePicksTheLanguage();
    void pathsServeRoutesAndCalls();
    void fairQueueShapesRoundTrip();
};

void TestApiContract::customerShapesRoundTrip()
{
    const User user {kUser, u"minji"_s, Role::Customer};
    QVERIFY(roundTrips(user));
    QVERIFY(roundTrips(User {kUser, u"usher"_s, Role::Staff}));
    QVERIFY(roundTrips(Session {user, u"tok-123"_s, at("2026-12-24T04:40:00.000Z")}));

    Schedule date;
    date.id = 11;
    date.concertId = 3;
    date.startsAt = at("2026-12-24T10:00:00.000Z");
    date.salesOpenAt = at("2026-11-01T01:00:00.000Z");
    date.salesCloseAt = at("2026-12-24T09:00:00.000Z");
    date.availableSeats = 37;
    date.totalSeats = 50;
    date.minPrice = 77'000;
    date.maxPrice = 165'000;
    QVERIFY(roundTrips(date));
    Concert concert {3, u"Aurora"_s, u"Aurora Band"_s, u"Olympic Hall"_s, u"Winter tour"_s, {date}};
    QVERIFY(roundTrips(concert));
    QCOMPARE(concert.timeZone, u"Asia/Seoul"_s); // the default venue zone
    concert.timeZone = u"Europe/Berlin"_s;
    QVERIFY(roundTrips(concert));
    QCOMPARE(concert.toJson().value(u"timeZone"_s).toString(), u"Europe/Berlin"_s);
    QCOMPARE(concert.zone().id(), QByteArray("Europe/Berlin"));
    // An older server that names no zone: the default venue zone.
    QJsonObject noZone = concert.toJson();
    noZone.remove(u"timeZone"_s);
    QCOMPARE(Concert::fromJson(noZone)->timeZone, u"Asia/Seoul"_s);
    QVERIFY(isKnownTimeZone(u"Asia/Seoul"_s));
    QVERIFY(!isKnownTimeZone(u"Mars/Olympus_Mons"_s));
    QVERIFY(!isKnownTimeZone(u"UTC+09:00"_s));
    QVERIFY(!isKnownTimeZone(QString()));
    QCOMPARE(venueTimeZone(u"Nowhere/City"_s).id(), QByteArray("Asia/Seoul"));
    QCOMPARE(zoneOfConcert({concert}, 3).id(), QByteArray("Europe/Berlin"));
    QCOMPARE(zoneOfSchedule({concert}, 11).id(), QByteArray("Europe/Berlin"));
    QCOMPARE(zoneOfSchedule({concert}, 12).id(), QByteArray("Asia/Seoul"));

    SeatMap map;
    map.scheduleId = 11;
    map.concertId = 3;
    map.version = 99;
    map.seats = {seat(1, SeatStatus::Available), seat(2, SeatStatus::Held),
                 seat(3, SeatStatus::Sold), seat(4, SeatStatus::Blocked)};
    map.seats[1].mine = true;
    QVERIFY(roundTrips(map));
    // The live feed's seat counts of a date (the concert list).
    QVERIFY(roundTrips(SeatAvailability {11, 37, 50}));
    QVERIFY(!SeatAvailability::fromJson(
        {{u"scheduleId"_s, 11}, {u"availableSeats"_s, 51}, {u"totalSeats"_s, 50}}));

    Reservation res;
    res.id = kReservation;
    res.scheduleId = 11;
    res.concertId = 3;
    res.seats = {7, 8};
    res.status = ReservationStatus::Paid;
    res.total = 264'000;
    res.heldUntil = at("2026-11-24T04:45:00.000Z");
    res.createdAt = at("2026-11-24T04:40:00.000Z");
    res.paidAt = at("2026-11-24T04:41:12.345Z");
    res.concertTitle = u"Aurora"_s;
    res.startsAt = date.startsAt;
    res.timeZone = u"America/New_York"_s;
    QVERIFY(roundTrips(res));
    QCOMPARE(res.zone().id(), QByteArray("America/New_York"));

    const Payment payment {QUuid::createUuid(), kReservation, 264'000,
                           at("2026-11-24T04:41:12.345Z"), QDateTime()};
    QVERIFY(roundTrips(payment));
    QVERIFY(roundTrips(PaymentReceipt {payment, res, 736'000}));

    const Wallet wallet {1'000'000, at("2026-11-24T04:41:12.345Z")};
    QVERIFY(roundTrips(wallet));
    QVERIFY(roundTrips(WalletInfo {wallet, WalletLimits {}}));
    QVERIFY(roundTrips(WalletInfo {wallet, WalletLimits {5'000, 500'000, 2'000'000}}));
    for (const LedgerKind kind : allValues<LedgerKind>()) {
        const LedgerEntry entry {
            42,   kind == LedgerKind::Payment ? -264'000 : 264'000, 1'000'000,
            kind, kReservation.toString(QUuid::WithoutBraces),      at("2026-11-24T04:41:12.345Z")};
        QVERIFY(roundTrips(entry));
        TopUpOrder order;
        order.id = kReservation;
        order.amount = 264'000;
        order.status = TopUpOrderStatus::Paid;
        order.createdAt = at("2026-11-24T04:41:12.345Z");
        order.settledAt = at("2026-11-24T04:41:12.345Z");
        order.paymentKey = u"tpk_test"_s;
        order.cardBrand = u"VISA"_s;
        order.cardLast4 = u"4242"_s;
        QVERIFY(roundTrips(TopUpResult {1'000'000, entry, order}));
    }
}

void TestApiContract::queueTicketRoundTrips()
{
    QueueTicket waiting;
    waiting.token = u"qt-abc"_s;
    waiting.userId = kUser;
    waiting.concertId = 3;
    waiting.position = 12;
    waiting.aheadCount = 11;
    waiting.eta = EtaRange {72, 57, 91};
    waiting.pollAfterMs = 7200;
    for (const EtaReason reason : allValues<EtaReason>()) {
        for (const EtaChange change : allValues<EtaChange>()) {
            waiting.etaReason = reason;
            waiting.etaChange = change;
            QVERIFY2(roundTrips(waiting), qPrintable(wordOf(reason) + u' ' + wordOf(change)));
        }
    }
    // Paused: no estimate at all, and the wire says null rather than a number.
    QueueTicket paused = waiting;
    paused.eta.reset();
    paused.etaReason = EtaReason::Paused;
    paused.etaChange = EtaChange::None;
    QVERIFY(roundTrips(paused));
    QCOMPARE(paused.toJson().value(u"etaSeconds"_s), QJsonValue(QJsonValue::Null));
    QVERIFY(!paused.toJson().contains(u"etaChange"_s));

    QueueTicket active;
    active.userId = kUser;
    active.concertId = 3;
    active.status = QueueStatus::Active;
    active.etaReason = EtaReason::Admitted;
    active.activeUntil = at("2026-11-24T04:50:00.000Z");
    active.pollAfterMs = 10'000;
    QVERIFY(roundTrips(active));
}

void TestApiContract::staffShapesRoundTrip()
{
    QVERIFY(roundTrips(ConcertDraft {u"Aurora"_s, u"Aurora Band"_s, u"Olympic Hall"_s, u"Tour"_s}));
    QVERIFY(roundTrips(ConcertDraft {u"Aurora"_s, u"Aurora Band"_s, u"Olympic Hall"_s, u"Tour"_s,
                                     u"Asia/Seoul"_s}));
    QVERIFY(!ConcertDraft {}.toJson().contains(u"timeZone"_s)); // left out: unchanged on update
    ScheduleDraft draft {at("2026-12-24T10:00:00.000Z"),
                         at("2026-11-01T01:00:00.000Z"),
                         at("2026-12-24T09:00:00.000Z"),
                         {}};
    QVERIFY(roundTrips(draft));
    draft.prices = {{u"VIP"_s, 200'000}, {u"A"_s, 50'000}};
    QVERIFY(roundTrips(draft));
    QVERIFY(roundTrips(PriceChange {{{u"R"_s, 140'000}}, {}}));
    QVERIFY(roundTrips(PriceChange {{{u"R"_s, 140'000}}, {{7, 99'000}, {8, 0}}}));

    AdminSeatMap seats;
    seats.scheduleId = 11;
    seats.version = 45;
    seats.seats.append({seat(1, SeatStatus::Available), {}, {}, {}});
    seats.seats.append(
        {seat(2, SeatStatus::Held), u"minji"_s, kReservation.toString(QUuid::WithoutBraces), {}});
    seats.seats.append({seat(3, SeatStatus::Sold), u"jun"_s,
                        QUuid::createUuid().toString(QUuid::WithoutBraces),
                        at("2026-11-24T04:41:12.345Z")});
    QVERIFY(roundTrips(seats));

    const QueueSettings settings {150, 300, 600, true};
    QVERIFY(roundTrips(settings));
    QVERIFY(roundTrips(QueueStats {3, 1200, 150, 290, 48, 250, settings}));

    SalesReport sales;
    SalesRow first {
        11, 3, u"Aurora"_s, at("2026-12-24T10:00:00.000Z"), {30, 4, 15, 1, 3'960'000, 132'000}};
    SalesRow second {
        12, 3, u"Aurora"_s, at("2026-12-25T10:00:00.000Z"), {10, 0, 40, 0, 1'320'000, 0}};
    sales.append(first);
    sales.append(second);
    QVERIFY(roundTrips(sales));
    QCOMPARE(sales.concerts.size(), 1);
    QCOMPARE(sales.concerts.first().figures.revenue, 5'280'000);
    QCOMPARE(sales.revenue(), 5'280'000);

    QVERIFY(roundTrips(AuditEntry {7, u"usher"_s, u"seat.block"_s, u"schedule:11/seat:4"_s,
                                   QJsonObject {{u"reason"_s, u"camera"_s}},
                                   at("2026-11-24T04:41:12.345Z")}));
}

void TestApiContract::reconciliationRoundTripsEveryKind()
{
    ReconciliationReport report;
    report.ok = false;
    for (const FindingKind kind : allValues<FindingKind>()) {
        FindingRow row;
        switch (kind) {
        case FindingKind::PaymentsWithoutSoldSeats:
            row.paymentId = u"p-1"_s;
            row.reservationId = u"r-1"_s;
            row.amount = 132'000;
            break;
        case FindingKind::SoldSeatsWithoutPayment:
            row.scheduleId = 11;
            row.number = 33;
            row.reservationId = u"r-2"_s;
            break;
        case FindingKind::LedgerMismatches:
            row.userId = kUser.toString(QUuid::WithoutBraces);
            row.username = u"minji"_s;
            row.balance = 310'000;
            row.ledgerSum = 300'000;
            break;
        case FindingKind::PaymentAmountMismatches:
            row.paymentId = u"p-3"_s;
            row.amount = 100;
            row.reservationTotal = 132'000;
            break;
        case FindingKind::OverdueHolds:
            row.scheduleId = 11;
            row.number = 9;
            row.reservationId = u"r-4"_s;
            row.heldUntil = at("2026-11-24T04:41:12.345Z");
            break;
        case FindingKind::OrdersWithoutOneTopUpEntry:
            row.orderId = u"o-1"_s;
            row.amount = 50'000;
            row.entries = 2;
            row.credited = 100'000;
            break;
        case FindingKind::TopUpEntriesWithoutPaidOrder:
            row.entryId = 77;
            row.userId = kUser.toString(QUuid::WithoutBraces);
            row.amount = 50'000;
            row.orderStatus = TopUpOrderStatus::Failed;
            break;
        case FindingKind::CardRefundMismatches:
            row.orderId = u"o-2"_s;
            row.amount = 30'000;
            row.debited = 0;
            break;
        case FindingKind::ChargedNotCredited:
            row.paymentKey = u"tpk_1"_s;
            row.orderId = u"o-3"_s;
            row.amount = 20'000;
            row.gatewayStatus = gateway::PaymentStatus::Done;
            break;
        case FindingKind::GatewayDisagrees:
            row.paymentKey = u"tpk_2"_s;
            row.orderId = u"o-4"_s;
            row.amount = 20'000;
            row.gatewayAmount = 25'000;
            row.orderStatus = TopUpOrderStatus::Paid;
            row.gatewayStatus = gateway::PaymentStatus::Canceled;
            break;
        case FindingKind::CreditedNotSettled:
            row.paymentKey = u"tpk_3"_s;
            row.orderId = u"o-5"_s;
            row.amount = 10'000;
            break;
        }
        report.findings.append({kind, {row}});
    }
    report.walletBalances = 9'000'000;
    report.topUps = 10'000'000;
    report.payments = 1'200'000;
    report.refunds = 200'000;
    report.revenue = 1'000'000;
    report.adjustments = 300'000;
    report.cardRefunds = 30'000;
    report.settlements = SettlementCheck::Checked;
    report.settlementDays = 3;
    QVERIFY(roundTrips(report));
    QCOMPARE(report.problemCount(), int(allValues<FindingKind>().size()));
    // An unreachable gateway is a problem of its own, and survives the trip.
    report.settlements = SettlementCheck::Unreachable;
    QVERIFY(roundTrips(report));
    QCOMPARE(report.problemCount(), int(allValues<FindingKind>().size()) + 1);
    // A status word this build does not know is refused, never shown.
    QJsonObject unknown = report.toJson();
    QJsonArray rows = unknown.value(wordOf(FindingKind::GatewayDisagrees)).toArray();
    QJsonObject first = rows.first().toObject();
    first.insert(u"gatewayStatus"_s, u"SETTLED_MAYBE"_s);
    rows.replace(0, first);
    unknown.insert(wordOf(FindingKind::GatewayDisagrees), rows);
    QVERIFY(!ReconciliationReport::fromJson(unknown));
    // The answer's keys are the kinds' words, one list each.
    for (const FindingKind kind : allValues<FindingKind>())
        QCOMPARE(report.toJson().value(wordOf(kind)).toArray().size(), 1);
}

void TestApiContract::requestsRoundTrip()
{
    QVERIFY(roundTrips(Credentials {u"minji"_s, u"correct horse"_s}));
    QVERIFY(roundTrips(HoldRequest {11, {7, 8, 9}}));
    QVERIFY(roundTrips(PaymentRequest {kReservation}));
    QVERIFY(roundTrips(TopUpOrderRequest {50'000}));
    QVERIFY(roundTrips(TopUpConfirmRequest {QUuid::createUuid(), u"pk_test_1"_s, 50'000}));
    // The card gateway's request bodies (the app's and the server's; the sandbox decodes them).
    QVERIFY(roundTrips(gateway::CardAuthentication {u"pk_test_1"_s, u"123456"_s}));
    QVERIFY(roundTrips(gateway::PaymentConfirmation {u"pk_test_1"_s, u"order-1"_s, 50'000}));
    QVERIFY(!gateway::PaymentConfirmation::fromJson(
        gateway::PaymentConfirmation {u"pk_test_1"_s, u"order-1"_s, 0}.toJson()));
    // The contract's limits are applied when reading.
    QVERIFY(!HoldRequest::fromJson(HoldRequest {11, {1, 2, 3, 4, 5}}.toJson()));
    QVERIFY(!HoldRequest::fromJson(HoldRequest {11, {7, 7}}.toJson()));
    QVERIFY(!TopUpOrderRequest::fromJson(TopUpOrderRequest {money::kMaxTopUp + 1}.toJson()));
    QVERIFY(!TopUpConfirmRequest::fromJson(
        TopUpConfirmRequest {QUuid::createUuid(), QString(), 50'000}.toJson()));
}

void TestApiContract::errorEnvelopeRoundTrips()
{
    const ApiError sent(ErrorCode::SeatUnavailable, Msg::SeatsTaken, {u"7, 9"_s},
                        QJsonObject {{u"seats"_s, QJsonArray {7, 9}}});
    for (const Language language : allValues<Language>()) {
        const ApiError back = ApiError::fromEnvelope(sent.toEnvelope(u"req-1"_s, language));
        QCOMPARE(back.code, sent.code);
        QCOMPARE(back.details, sent.details);
        QCOMPARE(back.message, messageText(Msg::SeatsTaken, language, {u"7, 9"_s}));
    }
    // A code from a newer server becomes INTERNAL, never an unknown word on screen.
    const ApiError unknown = ApiError::fromEnvelope(
        {{u"error"_s, QJsonObject {{u"code"_s, u"PAYMENT_DECLINED_BY_MARS"_s}}}});
    QCOMPARE(unknown.code, ErrorCode::Internal);
}

void TestApiContract::everyEnumHasOneWordPerValue()
{
    QVERIFY(wordsAreOneToOne<SeatStatus>());
    QVERIFY(wordsAreOneToOne<ReservationStatus>());
    QVERIFY(wordsAreOneToOne<LedgerKind>());
    QVERIFY(wordsAreOneToOne<Role>());
    QVERIFY(wordsAreOneToOne<QueueStatus>());
    QVERIFY(wordsAreOneToOne<EtaReason>());
    QVERIFY(wordsAreOneToOne<EtaChange>());
    QVERIFY(wordsAreOneToOne<ErrorCode>());
    QVERIFY(wordsAreOneToOne<LiveMessageType>());
    QVERIFY(wordsAreOneToOne<LiveTopic>());
    QVERIFY(wordsAreOneToOne<AuditDetail>());
    QCOMPARE(allValues<AuditDetail>().size(), int(AuditDetail::UserId) + 1);
    QVERIFY(wordsAreOneToOne<FindingKind>());
    QVERIFY(wordsAreOneToOne<Language>());
    // Tables list every value: the last enumerator is in each.
    QCOMPARE(allValues<ErrorCode>().size(), int(ErrorCode::Internal) + 1);
    QCOMPARE(allValues<EtaReason>().size(), int(EtaReason::PreQueue) + 1);
    QVERIFY(wordsAreOneToOne<LimitKind>());
    QCOMPARE(allValues<LimitKind>().size(), int(LimitKind::SeatWaitAddress) + 1);
    QCOMPARE(allValues<LiveMessageType>().size(), int(LiveMessageType::SeatOffer) + 1);
}

void TestApiContract::unknownWordsAreRefusedOrFallBack()
{
    QJsonObject seatJson = seat(5, SeatStatus::Available).toJson();
    seatJson.insert(u"status"_s, u"LEVITATING"_s);
    const auto refused = Seat::fromJson(seatJson);
    QVERIFY(!refused);
    QCOMPARE(refused.error().code, ErrorCode::BadRequest);

    QueueTicket t;
    t.userId = kUser;
    t.concertId = 3;
    t.eta = EtaRange {10, 8, 14};
    QJsonObject ticketJson = t.toJson();
    ticketJson.insert(u"etaReason"_s, u"solar_flare"_s);
    ticketJson.insert(u"etaChange"_s, u"sideways"_s);
    const auto fallback = QueueTicket::fromJson(ticketJson);
    QVERIFY(fallback);
    QCOMPARE(fallback.value().etaReason, EtaReason::Steady);
    QCOMPARE(fallback.value().etaChange, EtaChange::None);
}

void TestApiContract::everyMessageInBothLanguages()
{
    static const QRegularExpression kHangul(u"[\\x{AC00}-\\x{D7A3}]"_s);
    const QList<Msg> keys = allMessageKeys();
    QVERIFY(keys.size() > int(ErrorCode::Internal));
    for (const Msg key : keys) {
        const QString en = messageText(key, Language::English);
        const QString ko = messageText(key, Language::Korean);
        const QString name = u"message %1: "_s.arg(int(key)) + en;
        QVERIFY2(!en.isEmpty() && !ko.isEmpty(), qPrintable(name));
        QVERIFY2(en != ko && ko.contains(kHangul), qPrintable(name));
        QVERIFY2(!en.contains(kHangul), qPrintable(name));
        QCOMPARE(placeholders(ko), placeholders(en));
    }
    // Every error code's default message is the table's.
    for (const ErrorCode code : allValues<ErrorCode>())
        QCOMPARE(ApiError(code).message, messageText(defaultMessageKey(code), Language::English));
}

void TestApiContract::messagesSubstituteArguments()
{
    QCOMPARE(messageText(Msg::TooManySeats, Language::English, messageArgs(4, 3)),
             u"A customer can have at most 4 seats per date; you already have 3."_s);
    QCOMPARE(messageText(Msg::TooManySeats, Language::Korean, messageArgs(4, 3)),
             u"한 일정에 한 사람이 최대 4석까지 가질 수 있습니다. 이미 3석을 가지고 있습니다."_s);
    // An argument that looks like a placeholder is shown as it is, not substituted again.
    QCOMPARE(messageText(Msg::FieldRequired, Language::English, {u"%2"_s}), u"%2: is required"_s);
}

void TestApiContract::acceptLanguagePicksTheLanguage_data()
{
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<Language>("language");
    QTest::addRow("absent") << QByteArray() << Language::English;
    QTest::addRow("ko") << QByteArray("ko") << Language::Korean;
    QTest::addRow("ko-KR list") << QByteArray("ko-KR,ko;q=0.9,en;q=0.8") << Language::Korean;
    QTest::addRow("en first") << QByteArray("en-US,ko;q=0.5") << Language::English;
    QTest::addRow("unsupported then ko") << QByteArray("fr, KO") << Language::Korean;
    QTest::addRow("unsupported") << QByteArray("de-DE") << Language::English;
    QTest::addRow("garbage") << QByteArray(";;,,q=") << Language::English;
}

void TestApiContract::acceptLanguagePicksTheLanguage()
{
    QFETCH(QByteArray, header);
    QFETCH(Language, language);
    QCOMPARE(languageFromAcceptLanguage(header), language);
}

void TestApiContract::pathsServeRoutesAndCalls()
{
    QCOMPARE(api::concertQueue(7), api::path(u"/concerts/7/queue"));
    QCOMPARE(api::concertQueue(api::kArg), api::path(u"/concerts/<arg>/queue"));
    QCOMPARE(api::adminSeatBlock(11, 4), api::path(u"/admin/schedules/11/seats/4/block"));
    QCOMPARE(api::adminSeatBlock(api::kArg, api::kArg),
             api::path(u"/admin/schedules/<arg>/seats/<arg>/block"));
    QCOMPARE(api::reservation(kReservation),
             api::path(u"/reservations/") + kReservation.toString(QUuid::WithoutBraces));
    // Two ids of different kinds; a segment as written (a test's placeholder or malformed id).
    QCOMPARE(api::adminQueueBlock(3, kReservation),
             api::path(u"/admin/concerts/3/queue-blocks/")
                 + kReservation.toString(QUuid::WithoutBraces));
    QCOMPARE(api::adminQueueEntry(api::kArg, api::kArg),
             api::path(u"/admin/concerts/<arg>/queue/<arg>"));
    QCOMPARE(api::scheduleSeats(api::PathArg(u"abc")), api::path(u"/schedules/abc/seats"));
}

// Issue 15: the pre-queue ticket, the settings' new fields, the staff pre-queue view and the
// abuse counters, each through its own toJson/fromJson.
void TestApiContract::fairQueueShapesRoundTrip()
{
    QueueTicket pre;
    pre.userId = kUser;
    pre.concertId = 3;
    pre.etaReason = EtaReason::PreQueue;
    pre.preQueue = true;
    pre.opensAt = at("2026-12-24T11:00:00.000Z");
    pre.preQueueCount = 4812;
    pre.pollAfterMs = 10'400;
    QVERIFY(roundTrips(pre));
    QCOMPARE(pre.toJson().value(u"preQueue"_s).toBool(), true);
    QueueTicket placed = pre;
    placed.preQueue = false;
    placed.opensAt = QDateTime();
    placed.preQueueCount = 0;
    QVERIFY(roundTrips(placed));
    QVERIFY(!placed.toJson().contains(u"preQueue"_s)); // an older client sees what it knows

    QueueSettings settings {200, 600, 600, false, 45, 3};
    QVERIFY(roundTrips(settings));
    QVERIFY(!settings.validate());
    QueueSettings old {200, 600, 600, false, std::nullopt, std::nullopt}; // an older console's PUT
    QVERIFY(roundTrips(old));
    QVERIFY(!old.validate());
    settings.preQueueMinutes = kMaxPreQueueMinutes + 1;
    QVERIFY(settings.validate());

    PreQueueView view;
    view.concertId = 3;
    view.opensAt = at("2026-12-24T11:00:00.000Z");
    view.acceptsJoinsFrom = at("2026-12-24T10:00:00.000Z");
    view.preQueueMinutes = 60;
    view.count = 2;
    view.entries = {{kUser, u"fan1"_s, at("2026-12-24T10:01:00.000Z")},
                    {kReservation, u"fan2"_s, at("2026-12-24T10:02:00.000Z")}};
    view.openings = {{at("2026-11-24T11:00:00.000Z"), at("2026-11-24T11:00:00.120Z"), 9120}};
    QVERIFY(roundTrips(view));

    // The 409 of a join before the pre-queue opens; another error's details are not it.
    const PreQueueNotOpen early {at("2026-12-24T11:00:00.000Z"), at("2026-12-24T10:00:00.000Z"), 60,
                                 u"Asia/Seoul"_s};
    QVERIFY(roundTrips(early));
    QVERIFY(!PreQueueNotOpen::fromJson(QJsonObject {{u"seats"_s, QJsonArray {7}}}));

    for (const LimitKind kind : allValues<LimitKind>())
        QVERIFY(roundTrips(
            AbuseCounter {kind, u"203.0.113.9"_s, 61, 60, 1, at("2026-12-24T10:01:00.000Z")}));
    QVERIFY(roundTrips(ClearCountersRequest {u"Shared office network"_s, std::nullopt, {}}));
    QVERIFY(roundTrips(ClearCountersRequest {u"Shared office network"_s, LimitKind::JoinAddress,
                                             u"198.51.100.7"_s}));
    QVERIFY(
        !ClearCountersRequest::fromJson({{u"reason"_s, u"Long enough"_s}, {u"kind"_s, u"x"_s}}));
    QVERIFY(!ClearCountersRequest::fromJson({{u"reason"_s, u"no"_s}}));
}

QTEST_GUILESS_MAIN(TestApiContract)
#include "tst_apicontract.moc"
