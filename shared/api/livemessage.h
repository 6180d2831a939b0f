#pragma once
// LiveMessageType: the "type" word of every live-feed frame (GET /api/v1/live), both ways.
// An unknown type from the server is ignored by the client; from a client it closes the socket.

#include "api/wordtable.h"

#include <QJsonObject>

namespace encore {

enum class LiveMessageType {
    Auth, // → {type, token}
    Authenticated, // ← {type, user}
    Subscribe, // → {type, scheduleId} or {type, queueToken}
    Unsubscribe, // → {type, scheduleId}
    Ping, // →
    Pong, // ←
    Seats, // ← {type, scheduleId, version, full?, seats}
    Queue, // ← {type, ...ticket} or {type, status: "ENDED", concertId, error}
    Error, // ← {type, error} or {type, subscription, scheduleId, error}
    Account, // ← {type, ...AccountNotice}: staff refunded, cancelled or adjusted something of yours
    Availability, // ← {type, ...SeatAvailability} after {type:"subscribe", availability:true}
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

} // namespace encore
