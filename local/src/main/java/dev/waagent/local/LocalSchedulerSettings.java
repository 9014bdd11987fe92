package dev.waagent.local;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.NotNull;

import java.time.Duration;

/**
 * {@code wa.local.scheduler.*}: the timer that drives the scheduler's jobs in the local runtime, as EventBridge
 * does in AWS. Off unless asked ({@code java -jar} turns it on from {@code WA_SCHEDULER_ENABLED}, default true), so
 * tests run jobs only through {@code POST /local/scheduler/{job}} or the job beans.
 */
@ConfigurationProperties("wa.local.scheduler")
public interface LocalSchedulerSettings {

    @Bindable(defaultValue = "false")
    boolean isEnabled();

    /** Every job runs once per interval, one after the other. */
    @Bindable(defaultValue = "60s")
    @NotNull
    Duration getInterval();

    /** Budget of one job run (timer or route). */
    @Bindable(defaultValue = "50s")
    @NotNull
    Duration getBudget();
}
