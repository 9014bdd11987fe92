package dev.waagent.scheduler;

import dev.waagent.domain.MetricNames;
import dev.waagent.domain.analytics.DailyRollup;
import dev.waagent.lambda.MetricsPublisher;
import dev.waagent.lambda.MetricsPublisher.Metric;
import jakarta.inject.Singleton;
import software.amazon.cloudwatchlogs.emf.model.Unit;

import java.util.LinkedHashMap;
import java.util.Map;

/** Job runs and rolled-up days as EMF lines. */
@Singleton
public class JobMetrics {

    private final MetricsPublisher metrics;

    public JobMetrics(MetricsPublisher metrics) {
        this.metrics = metrics;
    }

    public void jobRan(JobReport report, long tookMillis) {
        Map<String, Metric> values = new LinkedHashMap<>();
        values.put(MetricNames.JOB_RUNS, Metric.count(1));
        values.put(MetricNames.JOB_DUE_READ, Metric.count(report.dueRead()));
        values.put(MetricNames.JOB_ACTIONS, Metric.count(report.actions()));
        values.put(MetricNames.JOB_READ_UNITS, new Metric(report.readUnits(), Unit.COUNT));
        values.put(MetricNames.JOB_STOPPED_BY_BUDGET, Metric.count(report.isStoppedByBudget() ? 1 : 0));
        values.put(MetricNames.JOB_FAILURES, Metric.count(report.failures()));
        values.put(MetricNames.JOB_DURATION, Metric.millis(tookMillis));
        metrics.publish(Map.of(MetricNames.DIM_JOB, report.job()), values);
    }

    public void handoffReturned(String tenantId) {
        metrics.publish(Map.of(MetricNames.DIM_TENANT, tenantId), Map.of(MetricNames.HANDOFFS_RETURNED, Metric.count(1)));
    }

    /** One booking reminder handled: sent as text or template, not sent for want of a template, or failed. */
    public void bookingReminder(String tenantId, String outcome) {
        String metric = switch (outcome) {
            case "reminded-text" -> MetricNames.REMINDERS_SENT_TEXT;
            case "reminded-template" -> MetricNames.REMINDERS_SENT_TEMPLATE;
            case "not-sent-no-template" -> MetricNames.REMINDERS_NO_TEMPLATE;
            case "failed-send" -> MetricNames.REMINDERS_FAILED;
            default -> null;
        };
        if (metric != null) {
            metrics.publish(Map.of(MetricNames.DIM_TENANT, tenantId), Map.of(metric, Metric.count(1)));
        }
    }

    /** Once per tenant-day, when the rollup is stored. */
    public void dayRolledUp(DailyRollup day) {
        Map<String, Metric> values = new LinkedHashMap<>();
        values.put(MetricNames.ROLLUP_MESSAGES_IN, Metric.count(day.messagesIn()));
        values.put(MetricNames.ROLLUP_MESSAGES_OUT, Metric.count(day.messagesOut()));
        values.put(MetricNames.ROLLUP_CONVERSATIONS, Metric.count(day.conversations()));
        values.put(MetricNames.ROLLUP_HANDOFFS, Metric.count(day.handoffs()));
        values.put(MetricNames.ROLLUP_LEADS, Metric.count(day.leads()));
        values.put(MetricNames.ROLLUP_BOOKING_REQUESTS, Metric.count(day.bookingRequests()));
        values.put(MetricNames.ROLLUP_UNANSWERED, Metric.count(day.unansweredQuestions()));
        values.put(MetricNames.ROLLUP_TOKENS, Metric.count(day.tokens()));
        values.put(MetricNames.ROLLUP_COST_USD, new Metric(day.costUsd(), Unit.NONE));
        values.put(MetricNames.ROLLUP_P95_REPLY, Metric.millis(day.p95ReplyMillis()));
        metrics.publish(Map.of(MetricNames.DIM_TENANT, day.tenantId()), values);
    }
}
