package dev.waagent.scheduler;

import dev.waagent.domain.schedule.ConversationTimings;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import java.time.Duration;

/**
 * {@code wa.scheduler.*}: how much each run reads and the default timings (each tenant may override them under
 * {@code wa.scheduler.tenants.<tenant id>.*}, see {@link TenantScheduleOverrides}).
 */
@ConfigurationProperties("wa.scheduler")
public interface SchedulerSettings {

    /** Conversations read from a tenant's activity timeline per query. */
    @Bindable(defaultValue = "50")
    @Min(1)
    @Max(1000)
    int getPageSize();

    /** At most this many conversations per tenant per job run, so one big tenant cannot starve the others. */
    @Bindable(defaultValue = "500")
    @Min(1)
    int getMaxPerTenant();

    /** A job that never ran for a tenant looks back this far, no further. */
    @Bindable(defaultValue = "7d")
    @NotNull
    Duration getMaxLookback();

    /** Budget of a run where no Lambda context says how long is left (local runtime, tests). */
    @Bindable(defaultValue = "50s")
    @NotNull
    Duration getDefaultBudget();

    @Bindable(defaultValue = "30m")
    @NotNull
    Duration getContextExpiry();

    @Bindable(defaultValue = "24h")
    @NotNull
    Duration getHandoffTimeout();

    @Bindable(defaultValue = "10m")
    @NotNull
    Duration getSummaryIdle();

    /** Fewer new messages than this are not summarised. */
    @Bindable(defaultValue = "4")
    @Min(1)
    int getSummaryMinMessages();

    /** New messages read for one summary (the prompt keeps the newest that fit). */
    @Bindable(defaultValue = "200")
    @Min(1)
    int getSummaryMaxMessages();

    @Bindable(defaultValue = "300")
    @Min(32)
    int getSummaryMaxTokens();

    /** The summary chain's deadline; a run does not start a summary with less budget left than this. */
    @Bindable(defaultValue = "20s")
    @NotNull
    Duration getSummaryDeadline();

    @Bindable(defaultValue = "4h")
    @NotNull
    Duration getFollowUpDelay();

    @Bindable(defaultValue = "8")
    @Min(0)
    @Max(23)
    int getBriefingHour();

    /** Completed tenant-local days a rollup catches up on when runs were missed. */
    @Bindable(defaultValue = "3")
    @Min(1)
    int getRollupLookbackDays();

    /** A tenant-day with more messages is rolled up from its first ones and marked truncated. */
    @Bindable(defaultValue = "200000")
    @Min(1)
    int getRollupMaxMessages();

    @Bindable(defaultValue = "500")
    @Min(1)
    @Max(1000)
    int getRollupPageSize();

    /** Booking reminders go the day before, from this tenant-local hour (per tenant: {@code tenants.<id>.reminder-from-hour})... */
    @Bindable(defaultValue = "10")
    @Min(0)
    @Max(23)
    int getReminderFromHour();

    /** ...until this one (exclusive): nobody is reminded at night. */
    @Bindable(defaultValue = "20")
    @Min(1)
    @Max(24)
    int getReminderUntilHour();

    default ConversationTimings defaultTimings() {
        return new ConversationTimings(getContextExpiry(), getHandoffTimeout(), getSummaryIdle(), getSummaryMinMessages(),
                getFollowUpDelay(), getBriefingHour(), getReminderFromHour(), getReminderUntilHour());
    }
}
