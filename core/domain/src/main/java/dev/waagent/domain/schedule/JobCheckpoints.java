package dev.waagent.domain.schedule;

import java.util.Optional;

/** Where each job stopped on each tenant's timeline, so the next run continues there. */
public interface JobCheckpoints {

    Optional<TimelineCursor> load(String tenantId, String job);

    /** Moves the checkpoint forward; a checkpoint never moves back (two overlapping runs cannot undo progress). */
    void advance(String tenantId, String job, TimelineCursor cursor);

    /**
     * Claims a once-only piece of work of a tenant ({@code morning-briefing#2026-11-22}).
     *
     * @return false when it was claimed before (a re-run does it no second time)
     */
    boolean claimOnce(String tenantId, String key, java.time.Instant now);
}
