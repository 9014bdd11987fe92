package dev.waagent.scheduler;

import java.time.Duration;

/** One scheduled job. Each is idempotent and resumable: a run does at most what fits in its time budget. */
public interface ScheduledJob {

    /** The name the schedule passes, e.g. {@code context-expiry}. */
    String name();

    /**
     * @param budget how long this run may take before the Lambda times out
     * @return a one-line summary of what was done
     */
    String run(Duration budget);
}
