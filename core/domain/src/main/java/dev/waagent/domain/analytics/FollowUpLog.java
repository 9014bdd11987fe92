package dev.waagent.domain.analytics;

import java.time.Instant;

/** Every lead and booking request of a tenant by creation time, across conversations: what a day's rollup counts. */
public interface FollowUpLog {

    /** Leads and booking requests of {@code tenantId} created in {@code [from, to)}. */
    FollowUpCount count(String tenantId, Instant from, Instant to);

    /** How many of each kind, and what reading them cost. */
    record FollowUpCount(int leads, int bookingRequests, double readUnits) {

        public static final FollowUpCount NONE = new FollowUpCount(0, 0, 0);

        public int total() {
            return leads + bookingRequests;
        }
    }
}
