#pragma once
// Metrics: process-wide Prometheus counters and latency histograms. Thread-safe (one mutex;
// a few hundred ns per request). Rendered by GET /metrics.

#include <QByteArray>
#include <QMap>
#include <QString>

#include <array>
#include <mutex>

namespace encore::server {

class Metrics {
public:
    static Metrics &instance();

    void observeRequest(const QString &route, int status, double seconds);
    // A business event counter, e.g. ("encore_holds_total", "result=\"ok\"").
    void increment(const QString &name, const QString &labels = {}, qint64 by = 1);
    void setGauge(const QString &name, const QString &labels, double value);

    QByteArray render() const;

private:
    static constexpr std::array kBuckets {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05,
                                          0.1,   0.25,   0.5,   1.0,  2.5};
    struct Histogram {
        std::array<quint64, kBuckets.size()> buckets {};
        quint64 count = 0;
        double sum = 0;
    };

    mutable std::mutex m_mutex;
    QMap<QString, Histogram> m_latency; // key: route
    QMap<QString, quint64> m_requests; // key: labels route,status
    QMap<QString, QMap<QString, double>> m_counters; // name → labels → value
    QMap<QString, QMap<QString, double>> m_gauges;
};

} // namespace encore::server
