// ErrorText: every error becomes plain words with a way forward — never an HTTP status or a code
// name — and the right button.
#include "net/errortext.h"

#include "api/fairqueuetypes.h"

#include <QJsonArray>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace encore;

class TestErrorText final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void plainWordsForEveryCode_data();
    void plainWordsForEveryCode();
    void namesTheTakenSeats();
    void quotesTheRequestIdForInternalErrors();
    void saysHowMuchIsMissing();
    void saysWhenThePreQueueOpensAtTheVenue();
};

void TestErrorText::plainWordsForEveryCode_data()
{
    QTest::addColumn<int>("code");
    QTest::addColumn<int>("action");
    const QList<QPair<ErrorCode, ErrorAction>> rows {
        {ErrorCode::BadRequest, ErrorAction::None},
        {ErrorCode::ValidationFailed, ErrorAction::None},
        {ErrorCode::Unauthenticated, ErrorAction::LogIn},
        {ErrorCode::Forbidden, ErrorAction::None},
        {ErrorCode::QueueNotActive, ErrorAction::RejoinQueue},
        {ErrorCode::NotFound, ErrorAction::None},
        {ErrorCode::Conflict, ErrorAction::None},
        {ErrorCode::SeatUnavailable, ErrorAction::PickOtherSeats},
        {ErrorCode::ReservationExpired, ErrorAction::PickOtherSeats},
        {ErrorCode::InsufficientBalance, ErrorAction::TopUp},
        {ErrorCode::IdempotencyMismatch, ErrorAction::None},
        {ErrorCode::PayloadTooLarge, ErrorAction::None},
        {ErrorCode::HeadersTooLarge, ErrorAction::None},
        {ErrorCode::RateLimited, ErrorAction::Wait},
        {ErrorCode::Unavailable, ErrorAction::Retry},
        {ErrorCode::Internal, ErrorAction::Retry},
    };
    for (const auto &[code, action] : rows)
        QTest::addRow("%s", qPrintable(wordOf(code))) << int(code) << int(action);
}

void TestErrorText::plainWordsForEveryCode()
{
    QFETCH(int, code);
    QFETCH(int, action);
    const ApiError error {ErrorCode(code)};
    const ErrorText text = ErrorText::describe(error);
    QVERIFY(!text.text.isEmpty());
    QCOMPARE(int(text.action), action);
    const QString full = text.full();
    QVERIFY2(!full.contains(QString::number(error.httpStatus())), qPrintable(full));
    QVERIFY2(!full.contains(error.codeName()), qPrintable(full));
    QVERIFY2(!full.contains(u"HTTP"_s), qPrintable(full));
    if (text.action != ErrorAction::None && text.action != ErrorAction::Wait)
        QVERIFY(!ErrorText::actionLabel(text.action).isEmpty());
}

void TestErrorText::namesTheTakenSeats()
{
    const ApiError e(ErrorCode::SeatUnavailable, QJsonObject {{u"seats"_s, QJsonArray {7, 9}}});
    QVERIFY(ErrorText::describe(e).text.contains(u"7, 9"_s));
}

void TestErrorText::quotesTheRequestIdForInternalErrors()
{
    const ApiError e(ErrorCode::Internal, QJsonObject {{u"requestId"_s, u"req-42"_s}});
    QVERIFY(ErrorText::describe(e).hint.contains(u"req-42"_s));
}

void TestErrorText::saysHowMuchIsMissing()
{
    const ApiError e(ErrorCode::InsufficientBalance,
                     QJsonObject {{u"required"_s, 264000}, {u"balance"_s, 118000}});
    const QString text = ErrorText::describe(e).text;
    QVERIFY2(text.contains(u"118,000 KRW"_s) && text.contains(u"264,000 KRW"_s), qPrintable(text));
}

// The 409 of a join before the pre-queue opens: the venue's time with its abbreviation, as every
// time on screen reads (DisplayText::dateTime), never the ISO text of the details.
void TestErrorText::saysWhenThePreQueueOpensAtTheVenue()
{
    const QDateTime opens(QDate(2026, 12, 1), QTime(11, 0), Qt::UTC); // 20:00 in Seoul
    const PreQueueNotOpen early {opens, opens.addSecs(-3600), 60, u"Asia/Seoul"_s};
    QCOMPARE(PreQueueNotOpen::fromJson(early.toJson()).value(), early);
    const ErrorText text = ErrorText::describe(ApiError(ErrorCode::Conflict, early.toJson()));
    QVERIFY2(text.text.startsWith(u"The queue for this date opens at Tue 1 Dec 2026, 19:00 KST, "
                                  "60 minute"_s),
             qPrintable(text.text));
    QVERIFY(!text.hint.isEmpty());
    // Any other conflict keeps the general words.
    QVERIFY(!ErrorText::describe(ApiError(ErrorCode::Conflict)).text.contains(u"KST"_s));
}

QTEST_GUILESS_MAIN(TestErrorText)
#include "tst_errortext.moc"
