package dev.waagent.ingest;

import dev.waagent.domain.MetricNames;
import dev.waagent.lambda.MetricsPublisher;
import dev.waagent.lambda.MetricsPublisher.Metric;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** One EMF line per webhook request, whatever the channel. */
@Singleton
public class IngestMetrics {

    private final MetricsPublisher metrics;

    public IngestMetrics(MetricsPublisher metrics) {
        this.metrics = metrics;
    }

    public void answered(IngestResult result, Duration took) {
        Map<String, Metric> values = new LinkedHashMap<>();
        values.put(MetricNames.WEBHOOK_REQUESTS, Metric.count(1));
        values.put(MetricNames.WEBHOOK_LATENCY, Metric.millis(took.toNanos() / 1_000_000.0));
        values.put(MetricNames.WEBHOOK_FAILED, Metric.count(0));
        values.put(MetricNames.WEBHOOK_REJECTED, Metric.count(result.status() >= 400 && result.status() < 500 ? 1 : 0));
        values.put(MetricNames.MESSAGES_RECEIVED, Metric.count(result.messages()));
        values.put(MetricNames.DUPLICATE_DELIVERIES, Metric.count(result.duplicates()));
        values.put(MetricNames.STATUS_UPDATES, Metric.count(result.statuses()));
        values.put(MetricNames.UNKNOWN_TENANT_DROPPED, Metric.count(result.dropped()));
        metrics.publish(Map.of(), values);
    }

    public void failed() {
        metrics.publish(Map.of(), Map.of(MetricNames.WEBHOOK_REQUESTS, Metric.count(1), MetricNames.WEBHOOK_FAILED, Metric.count(1)));
    }
}
