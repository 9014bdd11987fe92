package dev.waagent.domain.analytics;

import java.time.Instant;

/** Every message of a tenant by time, across conversations: what a day's rollup reads. */
public interface MessageLog {

    /**
     * Messages of {@code tenantId} received in {@code [from, to)}, oldest first.
     *
     * @param cursor the previous page's {@link MessagePage#nextCursor()}, or null for the first page
     */
    MessagePage read(String tenantId, Instant from, Instant to, String cursor, int limit);
}
