package dev.waagent.worker;

import dev.waagent.domain.MetricNames;
import dev.waagent.domain.conversation.ReplyAccounting;
import dev.waagent.domain.handoff.HandoffReason;
import dev.waagent.domain.turn.TurnObserver;
import dev.waagent.domain.turn.TurnOutcome;
import dev.waagent.lambda.MetricsPublisher;
import dev.waagent.lambda.MetricsPublisher.Metric;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** One EMF line per turn, dimensioned by tenant. */
@Singleton
public class EmfTurnObserver implements TurnObserver {

    private final MetricsPublisher metrics;

    public EmfTurnObserver(MetricsPublisher metrics) {
        this.metrics = metrics;
    }

    @Override
    public void turnFinished(String tenantId, TurnOutcome outcome, ReplyAccounting accounting, Duration took) {
        Map<String, Metric> values = new LinkedHashMap<>();
        values.put(MetricNames.TURNS, Metric.count(1));
        values.put(MetricNames.TURN_DURATION, Metric.millis(took.toMillis()));
        if (outcome == TurnOutcome.REPLIED || outcome == TurnOutcome.RESENT_PENDING || outcome == TurnOutcome.POLICY_REPLY) {
            values.put(MetricNames.REPLIES_SENT, Metric.count(1));
        }
        values.put(MetricNames.HANDOFFS, Metric.count(HandoffReason.ofRoute(accounting.route()).isPresent() ? 1 : 0));
        values.put(MetricNames.OPT_OUTS, Metric.count("OPT_OUT".equals(accounting.route()) ? 1 : 0));
        if (accounting.provider() != null && !"policy".equals(accounting.provider())) {
            // Tokens and cost are counted per provider call (EmfRoutingObserver), not again here.
            values.put(MetricNames.FALLBACKS, Metric.count(accounting.fallbacks()));
            values.put(MetricNames.LOCAL_FALLBACKS, Metric.count("local".equals(accounting.provider()) ? 1 : 0));
        }
        metrics.publish(Map.of(MetricNames.DIM_TENANT, tenantId), values);
    }
}
