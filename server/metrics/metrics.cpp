#include "metrics.h"

using namespace Qt::StringLiterals;

namespace encore::server {

Metrics &Metrics::instance()
{
    static Metrics metrics;
    return metrics;
}

void Metrics::observeRequest(const QString &route, int status, double seconds)
{
    const QString key = u"route=\"%1\",status=\"%2\""_s.arg(route).arg(status);
    std::lock_guard lock(m_mutex);
    ++m_requests[key];
    Histogram &h = m_latency[route];
    ++h.count;
    h.sum += seconds;
    for (std::size_t i = 0; i < kBuckets.size(); ++i) {
        if (seconds <= kBuckets[i])
            ++h.buckets[i];
    }
}

void Metrics::increment(const QString &name, const QString &labels, qint64 by)
{
    std::lock_guard lock(m_mutex);
    m_counters[name][labels] += double(by);
}

void Metrics::setGauge(const QString &name, const QString &labels, double value)
{
    std::lock_guard lock(m_mutex);
    m_gauges[name][labels] = value;
}

QByteArray Metrics::render() const
{
    std::lock_guard lock(m_mutex);
    QString out;
    out += u"# TYPE encore_http_requests_total counter\n"_s;
    for (auto it = m_requests.cbegin(); it != m_requests.cend(); ++it)
        out += u"encore_http_requests_total{%1} %2\n"_s.arg(it.key()).arg(it.value());
    out += u"# TYPE encore_http_request_duration_seconds histogram\n"_s;
    for (auto it = m_latency.cbegin(); it != m_latency.cend(); ++it) {
        const Histogram &h = it.value();
        for (std::size_t i = 0; i < kBuckets.size(); ++i)
            out += u"encore_http_request_duration_seconds_bucket{route=\"%1\",le=\"%2\"} %3\n"_s
                       .arg(it.key())
                       .arg(kBuckets[i])
                       .arg(h.buckets[i]);
        out += u"encore_http_request_duration_seconds_bucket{route=\"%1\",le=\"+Inf\"} %2\n"_s
                   .arg(it.key())
                   .arg(h.count);
        out += u"encore_http_request_duration_seconds_sum{route=\"%1\"} %2\n"_s.arg(it.key()).arg(
            h.sum);
        out += u"encore_http_request_duration_seconds_count{route=\"%1\"} %2\n"_s.arg(it.key()).arg(
            h.count);
    }
    const auto renderFamily = [&out](const QMap<QString, QMap<QString, double>> &family,
                                     QStringView type) {
        for (auto it = family.cbegin(); it != family.cend(); ++it) {
            out += u"# TYPE %1 %2\n"_s.arg(it.key(), type);
            for (auto v = it.value().cbegin(); v != it.value().cend(); ++v) {
                const QString labels = v.key().isEmpty() ? QString() : u"{"_s + v.key() + u"}"_s;
                out += u"%1%2 %3\n"_s.arg(it.key(), labels).arg(v.value(), 0, 'g', 15);
            }
        }
    };
    renderFamily(m_counters, u"counter");
    renderFamily(m_gauges, u"gauge");
    return out.toUtf8();
}

} // namespace encore::server
