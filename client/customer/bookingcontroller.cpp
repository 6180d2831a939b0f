#include "bookingcontroller.h"

#include "net/apiclient.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace encore {

namespace {
// Failures worth sending again: the answer is unknown (network) or the server failed.
bool isRetryable(const ApiError &error)
{
    return error.code == ErrorCode::Unavailable || error.code == ErrorCode::Internal;
}
} // namespace

BookingController::BookingController(ApiClient *api, QObject *parent)
    : QObject(parent)
    , m_api(api)
{
}

BookingController::~BookingController() = default;

QString BookingController::keyFor(std::optional<KeyedRequest> &request, const QString &body)
{
    if (!request || request->body != body)
        request = KeyedRequest {body, ApiClient::newIdempotencyKey()};
    return request->key;
}

void BookingController::settle(std::optional<KeyedRequest> &request, const ApiError *error)
{
    // Unavailable is the one answer that leaves it open whether the server did the work.
    if (!error || error->code != ErrorCode::Unavailable)
        request.reset();
}

void BookingController::setBusy(bool busy)
{
    if (busy == m_busy)
        return;
    m_busy = busy;
    Q_EMIT busyChanged(busy);
}

void BookingController::setHold(std::optional<Reservation> hold)
{
    m_hold = std::move(hold);
    if (!m_hold)
        m_payRequest.reset(); // a payment key belongs to the hold it pays
    Q_EMIT holdChanged();
}

void BookingController::hold(const QList<int> &seats)
{
    if (seats.isEmpty() || m_busy || m_scheduleId <= 0)
        return;
    // One order for one choice of seats: the same seats are the same body, byte for byte.
    QList<int> sorted = seats;
    std::sort(sorted.begin(), sorted.end());
    QStringList numbers;
    for (int n : sorted)
        numbers.append(QString::number(n));
    const QString key = keyFor(m_holdRequest, u"%1:%2"_s.arg(m_scheduleId).arg(numbers.join(u',')));
    m_interrupted = Action::None;
    setBusy(true);
    m_api->holdSeats(m_scheduleId, sorted, key, this, [this, sorted](const Result<Reservation> &r) {
        setBusy(false);
        settle(m_holdRequest, r ? nullptr : &r.error());
        if (r) {
            setHold(r.value());
            Q_EMIT held(r.value());
            return;
        }
        if (isRetryable(r.error())) {
            m_interrupted = Action::Hold;
            m_interruptedSeats = sorted;
        }
        Q_EMIT holdFailed(r.error(), sorted);
    });
}

void BookingController::adopt(const Reservation &reservation)
{
    if (m_busy || reservation.status != ReservationStatus::Held)
        return;
    if (m_hold && m_hold->id == reservation.id)
        return;
    m_interrupted = Action::None;
    m_scheduleId = reservation.scheduleId;
    setHold(reservation);
}

void BookingController::pay()
{
    if (!m_hold || m_busy)
        return;
    const QUuid reservationId = m_hold->id;
    const QString key = keyFor(m_payRequest, reservationId.toString(QUuid::WithoutBraces));
    m_interrupted = Action::None;
    setBusy(true);
    m_api->pay(reservationId, key, this, [this, reservationId](const Result<PaymentReceipt> &r) {
        setBusy(false);
        settle(m_payRequest, r ? nullptr : &r.error());
        if (r) {
            setHold(std::nullopt);
            Q_EMIT paid(r.value());
            return;
        }
        const ApiError &e = r.error();
        if (e.code == ErrorCode::ReservationExpired && m_hold && m_hold->id == reservationId)
            setHold(std::nullopt);
        else if (isRetryable(e))
            m_interrupted = Action::Pay;
        Q_EMIT payFailed(e);
    });
}

void BookingController::release()
{
    if (!m_hold)
        return;
    const QUuid id = m_hold->id;
    m_interrupted = Action::None;
    setHold(std::nullopt);
    m_api->cancelReservation(id, this,
                             [this](const Result<Reservation> &r) { Q_EMIT released(r.ok()); });
}

void BookingController::retry()
{
    const Action action = std::exchange(m_interrupted, Action::None);
    if (action == Action::Hold)
        hold(m_interruptedSeats);
    else if (action == Action::Pay)
        pay();
}

void BookingController::forgetHold()
{
    if (m_interrupted == Action::Pay)
        m_interrupted = Action::None;
    if (m_hold)
        setHold(std::nullopt);
}

void BookingController::reservationChanged(const Reservation &reservation)
{
    if (m_hold && m_hold->id == reservation.id && reservation.status != ReservationStatus::Held)
        forgetHold();
}

void BookingController::seatsChanged(const QList<Seat> &seats)
{
    // While a payment is in flight our own seats turn SOLD before its answer arrives.
    if (!m_hold || m_busy)
        return;
    const bool lost = std::any_of(seats.begin(), seats.end(), [this](const Seat &seat) {
        return m_hold->seats.contains(seat.number)
            && !(seat.mine && seat.status == SeatStatus::Held);
    });
    if (lost)
        verifyHold();
}

void BookingController::verifyHold()
{
    if (!m_hold || m_verifying)
        return;
    m_verifying = true;
    const QUuid id = m_hold->id;
    m_api->reservation(id, this, [this, id](const Result<Reservation> &r) {
        m_verifying = false;
        // Our own payment or release may have ended the hold meanwhile: then it is not news.
        if (!r || !m_hold || m_hold->id != id || m_busy || r->status == ReservationStatus::Held)
            return;
        forgetHold();
        Q_EMIT holdEndedElsewhere(r.value());
    });
}

void BookingController::reset()
{
    m_interrupted = Action::None;
    m_holdRequest.reset();
    m_payRequest.reset();
    if (m_hold)
        setHold(std::nullopt);
}

} // namespace encore
