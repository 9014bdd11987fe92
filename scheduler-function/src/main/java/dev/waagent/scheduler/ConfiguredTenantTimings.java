package dev.waagent.scheduler;

import dev.waagent.domain.schedule.ConversationTimings;
import dev.waagent.domain.schedule.TenantTimings;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Each tenant's timings: the configured defaults, with the tenant's overrides on top. */
@Singleton
public class ConfiguredTenantTimings implements TenantTimings {

    private final ConversationTimings defaults;
    private final Map<String, ConversationTimings> byTenant;

    public ConfiguredTenantTimings(SchedulerSettings settings, List<TenantScheduleOverrides> overrides) {
        this.defaults = settings.defaultTimings();
        this.byTenant = overrides.stream().collect(Collectors.toMap(TenantScheduleOverrides::getTenantId,
                o -> merge(defaults, o), (a, b) -> a));
    }

    @Override
    public ConversationTimings forTenant(String tenantId) {
        return byTenant.getOrDefault(tenantId, defaults);
    }

    private static ConversationTimings merge(ConversationTimings d, TenantScheduleOverrides o) {
        return new ConversationTimings(
                or(o.getContextExpiry(), d.contextExpiry()),
                or(o.getHandoffTimeout(), d.handoffTimeout()),
                or(o.getSummaryIdle(), d.summaryIdle()),
                or(o.getSummaryMinMessages(), d.summaryMinMessages()),
                or(o.getFollowUpDelay(), d.followUpDelay()),
                or(o.getBriefingHour(), d.briefingHour()),
                or(o.getReminderFromHour(), d.reminderFromHour()),
                or(o.getReminderUntilHour(), d.reminderUntilHour()));
    }

    private static <T> T or(T value, T fallback) {
        return value == null ? fallback : value;
    }
}
