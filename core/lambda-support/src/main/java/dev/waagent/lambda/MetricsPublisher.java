package dev.waagent.lambda;

import dev.waagent.domain.MetricNames;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import software.amazon.cloudwatchlogs.emf.logger.MetricsLogger;
import software.amazon.cloudwatchlogs.emf.model.DimensionSet;
import software.amazon.cloudwatchlogs.emf.model.Unit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes CloudWatch EMF lines in the {@link MetricNames#NAMESPACE} namespace: one line per event (a webhook
 * request, a turn, a provider call) carrying all of its metrics. Turned off with {@code wa.metrics.enabled=false} where nobody
 * reads stdout as metrics.
 */
@Singleton
public class MetricsPublisher {

    private final boolean enabled;
    private final String function;

    public MetricsPublisher(@Value("${wa.metrics.enabled:true}") boolean enabled,
                            @Value("${wa.metrics.function:wa-agent}") String function) {
        this.enabled = enabled;
        this.function = function;
    }

    /** A metric value with its unit. */
    public record Metric(double amount, Unit unit) {
        public static Metric count(double amount) {
            return new Metric(amount, Unit.COUNT);
        }

        public static Metric millis(double amount) {
            return new Metric(amount, Unit.MILLISECONDS);
        }
    }

    public void publish(Map<String, String> dimensions, Map<String, Metric> metrics) {
        if (!enabled || metrics.isEmpty()) {
            return;
        }
        try {
            MetricsLogger logger = new MetricsLogger();
            logger.setNamespace(MetricNames.NAMESPACE);
            // One line, several rollups: [Function] for totals, and [Function, X] per dimension (tenant, provider),
            // which is what the dashboard and alarms query.
            List<DimensionSet> sets = new ArrayList<>();
            sets.add(DimensionSet.of(MetricNames.DIM_FUNCTION, function));
            for (Map.Entry<String, String> dimension : dimensions.entrySet()) {
                if (dimension.getValue() != null) {
                    sets.add(DimensionSet.of(MetricNames.DIM_FUNCTION, function, dimension.getKey(), dimension.getValue()));
                }
            }
            logger.setDimensions(sets.toArray(DimensionSet[]::new));
            metrics.forEach((name, value) -> logger.putMetric(name, value.amount(), value.unit()));
            logger.flush();
        } catch (Exception e) {
            // Metrics must never fail a request.
            org.slf4j.LoggerFactory.getLogger(MetricsPublisher.class).debug("metrics not published: {}", e.toString());
        }
    }
}
