package dev.waagent.worker;

import dev.waagent.domain.MetricNames;
import dev.waagent.domain.llm.routing.ProviderCall;
import dev.waagent.domain.llm.routing.RoutingObserver;
import dev.waagent.lambda.MetricsPublisher;
import dev.waagent.lambda.MetricsPublisher.Metric;
import jakarta.inject.Singleton;

import java.util.LinkedHashMap;
import java.util.Map;

/** Provider calls and cache lookups as EMF lines, dimensioned by tenant and provider. */
@Singleton
public class EmfRoutingObserver implements RoutingObserver {

    private final MetricsPublisher metrics;

    public EmfRoutingObserver(MetricsPublisher metrics) {
        this.metrics = metrics;
    }

    @Override
    public void providerCalled(ProviderCall call) {
        Map<String, Metric> values = new LinkedHashMap<>();
        values.put(MetricNames.PROVIDER_CALLS, Metric.count(1));
        values.put(MetricNames.PROVIDER_ERRORS, Metric.count(call.succeeded() ? 0 : 1));
        values.put(MetricNames.PROVIDER_LATENCY, Metric.millis(call.latency().toMillis()));
        if (call.succeeded()) {
            values.put(MetricNames.PROMPT_TOKENS, Metric.count(call.usage().promptTokens()));
            values.put(MetricNames.COMPLETION_TOKENS, Metric.count(call.usage().completionTokens()));
            values.put(MetricNames.COST_USD, new Metric(call.costUsd().doubleValue(), software.amazon.cloudwatchlogs.emf.model.Unit.NONE));
        }
        metrics.publish(Map.of(MetricNames.DIM_TENANT, call.tenantId(), MetricNames.DIM_PROVIDER, call.provider()), values);
    }

    @Override
    public void circuitOpened(String provider) {
        metrics.publish(Map.of(MetricNames.DIM_PROVIDER, provider), Map.of(MetricNames.CIRCUIT_OPENED, Metric.count(1)));
    }

    @Override
    public void cacheLookup(String tenantId, boolean hit) {
        metrics.publish(Map.of(MetricNames.DIM_TENANT, tenantId), Map.of(
                MetricNames.CACHE_HITS, Metric.count(hit ? 1 : 0), MetricNames.CACHE_MISSES, Metric.count(hit ? 0 : 1)));
    }
}
