package dev.waagent.domain.analytics;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Daily rollups per tenant: written once by the scheduler's {@code daily-rollup} job, read by the admin analytics
 * API ({@code GET /admin/tenants/{id}/analytics?from&to}).
 */
public interface RollupStore {

    /** Stores the day once. @return false when the day was already rolled up (a re-run writes nothing) */
    boolean saveIfAbsent(DailyRollup rollup);

    Optional<DailyRollup> find(String tenantId, LocalDate day);

    /** The rolled-up days from {@code from} to {@code to}, both included, oldest first; days not rolled up are absent. */
    List<DailyRollup> between(String tenantId, LocalDate from, LocalDate to);

    /** The newest rolled-up day of the tenant. */
    Optional<LocalDate> latestDay(String tenantId);
}
