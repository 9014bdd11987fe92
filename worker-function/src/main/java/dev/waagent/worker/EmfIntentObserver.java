package dev.waagent.worker;

import dev.waagent.domain.MetricNames;
import dev.waagent.domain.intent.IntentObserver;
import dev.waagent.domain.intent.IntentResolution;
import dev.waagent.domain.intent.IntentStage;
import dev.waagent.lambda.MetricsPublisher;
import dev.waagent.lambda.MetricsPublisher.Metric;
import jakarta.inject.Singleton;

import java.util.LinkedHashMap;
import java.util.Map;

/** Which stage decided each customer turn's intents, as one EMF line per turn, dimensioned by tenant. */
@Singleton
public class EmfIntentObserver implements IntentObserver {

    private static final Map<IntentStage, String> METRICS = Map.of(
            IntentStage.RULES, MetricNames.INTENTS_BY_RULES,
            IntentStage.EMBEDDING, MetricNames.INTENTS_BY_EMBEDDING,
            IntentStage.LEXICAL, MetricNames.INTENTS_BY_LEXICAL,
            IntentStage.LLM, MetricNames.INTENTS_BY_LLM);

    private final MetricsPublisher metrics;

    public EmfIntentObserver(MetricsPublisher metrics) {
        this.metrics = metrics;
    }

    @Override
    public void resolved(String tenantId, IntentResolution resolution) {
        // Zeros for the other stages, so each stage's share is its sum over the sum of all four.
        Map<String, Metric> values = new LinkedHashMap<>();
        for (IntentStage stage : IntentStage.values()) {
            values.put(METRICS.get(stage), Metric.count(stage == resolution.stage() ? 1 : 0));
        }
        metrics.publish(Map.of(MetricNames.DIM_TENANT, tenantId), values);
    }
}
