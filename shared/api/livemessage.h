#pragma once
// The live feed's frames (GET /api/v1/live), both ways: the "type" word of every frame and one
// type per frame shape, which the server and the client both encode and decode with.
// An unknown type from the server is ignored by the client; from a client it closes the socket.

#include "api/wordtable.h"
#include "apierror.h"
#include "models/seat.h"
#include "result.h"

#include <QJsonObject>

namespace encore {

enum class LiveMessageType {
    Auth, // → LiveAuth
    Authenticated, // ← {type, user}
    Subscribe, // → LiveSubscription
    Unsubscribe, // → LiveSubscription
    Ping, // →
    Pong, // ←
    Seats, // ← LiveSeats
    Queue, // ← {type, ...ticket} or LiveTurnEnded
    Error, // ← LiveRefusal
    Account, // ← {type, ...AccountNotice}: staff refunded, cancelled or adjusted something of yours
    Availability, // ← {type, ...SeatAvailability} after subscribing to the availability topic
    SeatOffer, // ← {type, wait: SeatWait}: a seat you waited for is held for you for a short time
};
template<> struct EnumWords<LiveMessageType> {
    static constexpr std::array<EnumWord<LiveMessageType>, 12> words {
        {{LiveMessageType::Auth, u"auth"},
         {LiveMessageType::Authenticated, u"authenticated"},
         {LiveMessageType::Subscribe, u"subscribe"},
         {LiveMessageType::Unsubscribe, u"unsubscribe"},
         {LiveMessageType::Ping, u"ping"},
         {LiveMessageType::Pong, u"pong"},
         {LiveMessageType::Seats, u"seats"},
         {LiveMessageType::Queue, u"queue"},
         {LiveMessageType::Error, u"error"},
         {LiveMessageType::Account, u"account"},
         {LiveMessageType::Availability, u"availability"},
         {LiveMessageType::SeatOffer, u"seatOffer"}}};
};

// {"type": word, ...body}: a frame of the given type.
inline QJsonObject liveMessage(LiveMessageType type, QJsonObject body = {})
{
    body.insert(QStringLiteral("type"), wordOf(type));
    return body;
}

// The frame's type; nullopt for a missing or unknown word.
inline std::optional<LiveMessageType> liveMessageType(const QJsonObject &message)
{
    return enumFromWord<LiveMessageType>(message.value(QStringLiteral("type")).toString());
}

// What a subscription follows; also the "subscription" word of a refusal.
enum class LiveTopic {
    Seats, // one date's seats (customers: with an ACTIVE queue token of its concert)
    Queue, // one's queue ticket
    Availability, // every date's seat counts (the concert list)
};
template<> struct EnumWords<LiveTopic> {
    static constexpr std::array<EnumWord<LiveTopic>, 3> words {
        {{LiveTopic::Seats, u"seats"},
         {LiveTopic::Queue, u"queue"},
         {LiveTopic::Availability, u"availability"}}};
};

// → {type:"auth", token}: the first frame, with the session token.
struct LiveAuth {
    QString token;

    QJsonObject toJson() const;
    static Result<LiveAuth> fromJson(const QJsonObject &json);
    friend bool operator==(const LiveAuth &, const LiveAuth &) = default;
};

// → {type:"subscribe"|"unsubscribe", ...}: seats {scheduleId, queueToken} (staff: {scheduleId,
// role:"staff"}), queue {queueToken} (subscribe only), availability {availability:true}.
// Decoding refuses any other frame (BAD_REQUEST or VALIDATION_FAILED naming the field).
struct LiveSubscription {
    bool subscribe = true; // false: unsubscribe
    LiveTopic topic = LiveTopic::Seats;
    qint64 scheduleId = 0; // Seats
    QString queueToken; // Seats (customers) and Queue
    bool asStaff = false; // Seats: follows any date by the staff role, with no token

    static LiveSubscription seats(qint64 scheduleId, const QString &queueToken);
    static LiveSubscription staffSeats(qint64 scheduleId);
    static LiveSubscription queue(const QString &queueToken);
    static LiveSubscription availability();
    // The unsubscribe frame of the same subscription.
    LiveSubscription ended() const;

    QJsonObject toJson() const;
    static Result<LiveSubscription> fromJson(const QJsonObject &json);
    friend bool operator==(const LiveSubscription &, const LiveSubscription &) = default;
};

// ← {type:"seats", scheduleId, version, full?, seats:[Seat]}: the full map (after a subscription)
// or only the seats that changed, each with its own version.
struct LiveSeats {
    SeatMap map;
    bool full = false;

    QJsonObject toJson() const;
    static Result<LiveSeats> fromJson(const QJsonObject &json);
    friend bool operator==(const LiveSeats &, const LiveSeats &) = default;
};

// ← {type:"queue", status:"ENDED", concertId, error}: the followed queue ticket is over (paid,
// left, expired); the error says why. Any other queue frame is a QueueTicket.
struct LiveTurnEnded {
    qint64 concertId = 0;
    ApiError reason;

    // Whether a queue frame is this one (and not a ticket).
    static bool isEnded(const QJsonObject &json);
    QJsonObject toJson() const;
    static Result<LiveTurnEnded> fromJson(const QJsonObject &json);
};

// ← {type:"error", subscription?, scheduleId?, error}: a subscription refused, or ended with the
// turn that allowed it; the socket stays open.
struct LiveRefusal {
    std::optional<LiveTopic> topic;
    qint64 scheduleId = 0; // Seats
    ApiError error;

    QJsonObject toJson() const;
    static Result<LiveRefusal> fromJson(const QJsonObject &json);
};

} // namespace encore
