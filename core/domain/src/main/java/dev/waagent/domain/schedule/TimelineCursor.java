package dev.waagent.domain.schedule;

import java.time.Instant;
import java.util.Objects;

/** A position on a tenant's activity timeline: the last conversation a job has dealt with. */
public record TimelineCursor(Instant activityAt, String customerId) {

    public TimelineCursor {
        Objects.requireNonNull(activityAt, "activityAt");
        Objects.requireNonNull(customerId, "customerId");
    }
}
