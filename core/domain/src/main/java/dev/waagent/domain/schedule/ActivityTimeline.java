package dev.waagent.domain.schedule;

import java.time.Instant;

/**
 * Each tenant's conversations ordered by their last activity: how the scheduler finds due work without reading
 * whole tables. A job keeps its own cursor per tenant and reads only the stretch of the timeline that became due
 * since its last run: a conversation whose last activity lies between the cursor and {@code now - delay}. New
 * activity moves a conversation past every cursor, so it is seen again once it has been quiet long enough.
 */
public interface ActivityTimeline {

    /**
     * Conversations of {@code tenantId} active in {@code (after, upTo]}, or {@code [notBefore, upTo]} when there is
     * no cursor yet, oldest first, at most {@code limit}.
     */
    TimelinePage read(String tenantId, TimelineCursor after, Instant notBefore, Instant upTo, int limit);
}
