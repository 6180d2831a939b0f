#pragma once
// Backoff: growing, bounded, slightly jittered delays between attempts (retries, reconnects),
// so many clients coming back at once do not hit the server in lockstep. Value type.

namespace encore {

class Backoff {
public:
    explicit Backoff(int firstMs = 500, int maxMs = 8000)
        : m_firstMs(firstMs)
        , m_maxMs(maxMs)
    {
    }

    // The delay before the next attempt; each call doubles it up to the maximum.
    int next();
    void reset() { m_attempts = 0; }
    int attempts() const { return m_attempts; }

private:
    int m_firstMs;
    int m_maxMs;
    int m_attempts = 0;
};

} // namespace encore
