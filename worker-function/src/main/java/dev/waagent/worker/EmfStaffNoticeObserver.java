package dev.waagent.worker;

import dev.waagent.domain.MetricNames;
import dev.waagent.domain.staff.StaffNotifier;
import dev.waagent.lambda.MetricsPublisher;
import dev.waagent.lambda.MetricsPublisher.Metric;
import jakarta.inject.Singleton;

import java.util.Map;

/**
 * One EMF line per staff notice: sent as text, sent as the staff-alert template (outside the staff number's 24-hour
 * window), held (outside it without a template, or opted out) or failed.
 */
@Singleton
public class EmfStaffNoticeObserver implements StaffNotifier.Observer {

    private final MetricsPublisher metrics;

    public EmfStaffNoticeObserver(MetricsPublisher metrics) {
        this.metrics = metrics;
    }

    @Override
    public void staffNotice(String tenantId, StaffNotifier.Delivery delivery) {
        String metric = switch (delivery) {
            case SENT -> MetricNames.STAFF_NOTICES_SENT;
            case SENT_AS_TEMPLATE -> MetricNames.STAFF_NOTICES_SENT_AS_TEMPLATE;
            case OUTSIDE_WINDOW, OPTED_OUT -> MetricNames.STAFF_NOTICES_HELD;
            case FAILED -> MetricNames.STAFF_NOTICES_FAILED;
        };
        metrics.publish(Map.of(MetricNames.DIM_TENANT, tenantId), Map.of(metric, Metric.count(1)));
    }
}
