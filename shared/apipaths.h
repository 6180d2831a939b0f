#pragma once
// API paths, written once for the server's routes, the client and the tests. Each builder takes
// its ids as PathArg: a number or UUID gives the concrete path ("/api/v1/concerts/7/queue"),
// api::kArg gives the route pattern the server registers ("/api/v1/concerts/<arg>/queue").

#include <QString>
#include <QUuid>

namespace encore::api {

inline constexpr auto kPrefix = u"/api/v1";
inline QString path(QStringView rest)
{
    return QString::fromUtf16(kPrefix) + rest.toString();
}

// The route placeholder of QHttpServer.
struct RouteArg { };
inline constexpr RouteArg kArg;

// One path segment that is an id.
class PathArg {
public:
    PathArg(RouteArg)
        : m_text(QStringLiteral("<arg>"))
    {
    }
    PathArg(qint64 id)
        : m_text(QString::number(id))
    {
    }
    PathArg(int id)
        : m_text(QString::number(id))
    {
    }
    PathArg(const QUuid &id)
        : m_text(id.toString(QUuid::WithoutBraces))
    {
    }
    // A segment as written: a test's placeholder ("{concert}") or a malformed id ("abc", "-1").
    explicit PathArg(QStringView segment)
        : m_text(segment.toString())
    {
    }
    const QString &text() const { return m_text; }

private:
    QString m_text;
};

namespace detail {
inline QString join(QStringView a, const PathArg &id, QStringView b = {})
{
    return path(a) + id.text() + b.toString();
}
inline QString join(QStringView a, const PathArg &id, QStringView b, const PathArg &id2,
                    QStringView c = {})
{
    return join(a, id, b) + id2.text() + c.toString();
}
} // namespace detail

// System (outside the versioned prefix).
inline QString healthz()
{
    return QStringLiteral("/healthz");
}
inline QString readyz()
{
    return QStringLiteral("/readyz");
}
inline QString metrics()
{
    return QStringLiteral("/metrics");
}

// Accounts and wallet.
inline QString authRegister()
{
    return path(u"/auth/register");
}
inline QString authLogin()
{
    return path(u"/auth/login");
}
inline QString authLogout()
{
    return path(u"/auth/logout");
}
inline QString me()
{
    return path(u"/me");
}
inline QString wallet()
{
    return path(u"/wallet");
}
inline QString walletTopUps()
{
    return path(u"/wallet/top-ups");
}
inline QString walletTopUpOrders()
{
    return path(u"/wallet/top-up-orders");
}
inline QString paymentGatewayWebhook()
{
    return path(u"/payment-gateway/webhook");
}
inline QString walletLedger()
{
    return path(u"/wallet/ledger");
}

// Concerts, queue, seats, reservations, payments, live feed.
inline QString concerts()
{
    return path(u"/concerts");
}
inline QString concert(const PathArg &id)
{
    return detail::join(u"/concerts/", id);
}
inline QString concertSchedules(const PathArg &id)
{
    return detail::join(u"/concerts/", id, u"/schedules");
}
inline QString concertQueue(const PathArg &id)
{
    return detail::join(u"/concerts/", id, u"/queue");
}
inline QString queueStatus()
{
    return path(u"/queue/status");
}
inline QString queue()
{
    return path(u"/queue");
}
inline QString scheduleSeats(const PathArg &id)
{
    return detail::join(u"/schedules/", id, u"/seats");
}
inline QString reservations()
{
    return path(u"/reservations");
}
inline QString reservation(const PathArg &id)
{
    return detail::join(u"/reservations/", id);
}
inline QString payments()
{
    return path(u"/payments");
}
inline QString live()
{
    return path(u"/live");
}

// Staff.
inline QString adminConcerts()
{
    return path(u"/admin/concerts");
}
inline QString adminConcert(const PathArg &id)
{
    return detail::join(u"/admin/concerts/", id);
}
inline QString adminConcertSchedules(const PathArg &id)
{
    return detail::join(u"/admin/concerts/", id, u"/schedules");
}
inline QString adminConcertQueue(const PathArg &id)
{
    return detail::join(u"/admin/concerts/", id, u"/queue");
}
inline QString adminQueueSettings(const PathArg &id)
{
    return detail::join(u"/admin/concerts/", id, u"/queue-settings");
}
inline QString adminSchedule(const PathArg &id)
{
    return detail::join(u"/admin/schedules/", id);
}
inline QString adminSchedulePrices(const PathArg &id)
{
    return detail::join(u"/admin/schedules/", id, u"/prices");
}
inline QString adminScheduleSeats(const PathArg &id)
{
    return detail::join(u"/admin/schedules/", id, u"/seats");
}
inline QString adminSeatRelease(const PathArg &schedule, const PathArg &seat)
{
    return detail::join(u"/admin/schedules/", schedule, u"/seats/", seat, u"/release");
}
inline QString adminSeatBlock(const PathArg &schedule, const PathArg &seat)
{
    return detail::join(u"/admin/schedules/", schedule, u"/seats/", seat, u"/block");
}
inline QString adminSeatUnblock(const PathArg &schedule, const PathArg &seat)
{
    return detail::join(u"/admin/schedules/", schedule, u"/seats/", seat, u"/unblock");
}
inline QString adminAttendeesCsv(const PathArg &id)
{
    return detail::join(u"/admin/schedules/", id, u"/attendees.csv");
}
inline QString adminSales()
{
    return path(u"/admin/sales");
}
inline QString adminSalesCsv()
{
    return path(u"/admin/exports/sales.csv");
}
inline QString adminReconciliation()
{
    return path(u"/admin/reconciliation");
}
inline QString adminTopUpOrders()
{
    return path(u"/admin/top-up-orders");
}
inline QString adminTopUpOrderRefund(const PathArg &id)
{
    return detail::join(u"/admin/top-up-orders/", id, u"/refund");
}
inline QString adminAudit()
{
    return path(u"/admin/audit");
}
// Staff money and customer operations.
inline QString adminScheduleCancel(const PathArg &id)
{
    return detail::join(u"/admin/schedules/", id, u"/cancel");
}
inline QString adminReservationRefund(const PathArg &id)
{
    return detail::join(u"/admin/reservations/", id, u"/refund");
}
inline QString adminUsers()
{
    return path(u"/admin/users");
}
inline QString adminUser(const PathArg &id)
{
    return detail::join(u"/admin/users/", id);
}
inline QString adminWalletAdjustments(const PathArg &user)
{
    return detail::join(u"/admin/users/", user, u"/wallet-adjustments");
}
inline QString adminQueueEntry(const PathArg &concert, const PathArg &user)
{
    return detail::join(u"/admin/concerts/", concert, u"/queue/", user);
}
inline QString adminQueueBlocks(const PathArg &concert)
{
    return detail::join(u"/admin/concerts/", concert, u"/queue-blocks");
}
inline QString adminQueueBlock(const PathArg &concert, const PathArg &user)
{
    return detail::join(u"/admin/concerts/", concert, u"/queue-blocks/", user);
}
// Staff: a concert's pre-queue and the abuse counters (issue 15).
inline QString adminPreQueue(const PathArg &id)
{
    return detail::join(u"/admin/concerts/", id, u"/pre-queue");
}
inline QString adminAbuseCounters()
{
    return path(u"/admin/abuse-counters");
}

// Waiting list for seats that come back (issue 15).
inline QString seatWaits()
{
    return path(u"/seat-waits");
}
inline QString seatWait(const PathArg &id)
{
    return detail::join(u"/seat-waits/", id);
}
inline QString seatWaitDecline(const PathArg &id)
{
    return detail::join(u"/seat-waits/", id, u"/decline");
}
inline QString adminScheduleSeatWaits(const PathArg &id)
{
    return detail::join(u"/admin/schedules/", id, u"/seat-waits");
}

// Query parameters.
namespace query {
inline const QString kAvailable = QStringLiteral("available"); // GET concert schedules: "true"
inline const QString kLimit = QStringLiteral("limit"); // GET ledger, GET admin audit
inline const QString kBefore = QStringLiteral("before"); // GET ledger: entries before this id
inline const QString kQuery = QStringLiteral("query"); // GET admin users: the text searched for
inline const QString kStatus = QStringLiteral("status"); // GET admin top-up orders
inline const QString kConcertId = QStringLiteral("concertId"); // GET admin sales
inline const QString kAction = QStringLiteral("action"); // GET admin audit: an action prefix
inline const QString kActor = QStringLiteral("actor"); // GET admin audit: a staff username
} // namespace query

// Header names.
inline constexpr char kQueueTokenHeader[] = "X-Queue-Token";
inline constexpr char kIdempotencyKeyHeader[] = "Idempotency-Key";
inline constexpr char kRequestIdHeader[] = "X-Request-Id";
inline constexpr char kAcceptLanguageHeader[] = "Accept-Language";

inline constexpr int kMaxSeatsPerHold = 4;
inline constexpr int kSeatsPerSchedule = 50;
inline constexpr int kMaxIdempotencyKeyLength = 255;

} // namespace encore::api
