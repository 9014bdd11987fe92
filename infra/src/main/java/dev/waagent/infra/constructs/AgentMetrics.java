package dev.waagent.infra.constructs;

import dev.waagent.domain.MetricNames;
import dev.waagent.infra.config.AgentFunction;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.cloudwatch.MathExpression;
import software.amazon.awscdk.services.cloudwatch.Metric;

/**
 * The application's EMF metrics, named only through {@link MetricNames}. The dimension contract with the code
 * ({@code MetricsPublisher}, {@code wa.metrics.function} = {@link AgentFunction#id()}):
 * <ul>
 *   <li>every EMF line carries the dimension set [{@code Function}];</li>
 *   <li>a line about a tenant also carries [{@code Function}, {@code Tenant}], a line about a provider also
 *       [{@code Function}, {@code Provider}] (EMF allows several dimension sets in one line).</li>
 * </ul>
 * Per-function views and alarms use exact [{@code Function}] metrics; per-tenant and per-provider views use
 * {@code SEARCH} so new tenants and providers appear without a redeploy; the per-tenant cost alarm uses exact
 * [{@code Function}, {@code Tenant}] metrics.
 */
public final class AgentMetrics {

    public static final String SUM = "Sum";
    public static final String AVERAGE = "Average";
    public static final String P50 = "p50";
    public static final String P95 = "p95";
    public static final String P99 = "p99";

    private AgentMetrics() {
    }

    /** A metric of one function, dimension {@code Function=<id>}. */
    public static Metric ofFunction(AgentFunction function, String metricName, String statistic, Duration period) {
        return Metric.Builder.create()
                .namespace(MetricNames.NAMESPACE)
                .metricName(metricName)
                .dimensionsMap(Map.of(MetricNames.DIM_FUNCTION, function.id()))
                .statistic(statistic)
                .period(period)
                .label(metricName + (SUM.equals(statistic) ? "" : " " + statistic))
                .build();
    }

    /** A metric of one tenant in one function, dimensions {@code Function=<id>, Tenant=<id>}. */
    public static Metric ofTenant(AgentFunction function, String tenantId, String metricName, String statistic,
                                  Duration period) {
        return Metric.Builder.create()
                .namespace(MetricNames.NAMESPACE)
                .metricName(metricName)
                .dimensionsMap(Map.of(MetricNames.DIM_FUNCTION, function.id(), MetricNames.DIM_TENANT, tenantId))
                .statistic(statistic)
                .period(period)
                .build();
    }

    /**
     * One line per function and value of {@code dimension} ({@link MetricNames#DIM_TENANT} or
     * {@link MetricNames#DIM_PROVIDER}) for {@code metricName}:
     * {@code SEARCH('{WaAgent,Function,Tenant} MetricName="CostUsd"', 'Sum', 86400)}.
     */
    public static MathExpression searchBy(String dimension, String metricName, String statistic, Duration period) {
        return MathExpression.Builder.create()
                .expression(searchExpression(dimension, metricName, statistic, period))
                .usingMetrics(Map.of())
                .label("")
                .period(period)
                .build();
    }

    public static String searchExpression(String dimension, String metricName, String statistic, Duration period) {
        return "SEARCH('{" + MetricNames.NAMESPACE + "," + MetricNames.DIM_FUNCTION + "," + dimension
                + "} MetricName=\"" + metricName + "\"', '"
                + statistic + "', " + (long) period.toSeconds().doubleValue() + ")";
    }
}
