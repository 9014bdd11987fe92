package dev.waagent.scheduler;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

/** What one job run did, as counts, and the one line the handler returns. Not thread-safe: one per run. */
public final class JobReport {

    private final String job;
    private final Map<String, Integer> counts = new TreeMap<>();
    private int tenants;
    private int dueRead;
    private double readUnits;
    private int failures;
    private boolean stoppedByBudget;
    private int tenantsAtLimit;

    public JobReport(String job) {
        this.job = job;
    }

    public void count(String outcome) {
        counts.merge(outcome, 1, Integer::sum);
    }

    public void tenants(int tenants) {
        this.tenants = Math.max(this.tenants, tenants);
    }

    public void read(int items, double units) {
        dueRead += items;
        readUnits += units;
    }

    public void failed() {
        failures++;
    }

    public void stoppedByBudget() {
        stoppedByBudget = true;
    }

    public void tenantAtLimit() {
        tenantsAtLimit++;
    }

    public String job() {
        return job;
    }

    public int count(String outcome, int orElse) {
        return counts.getOrDefault(outcome, orElse);
    }

    public Map<String, Integer> counts() {
        return Map.copyOf(counts);
    }

    public int dueRead() {
        return dueRead;
    }

    public double readUnits() {
        return readUnits;
    }

    public int failures() {
        return failures;
    }

    public boolean isStoppedByBudget() {
        return stoppedByBudget;
    }

    public int actions() {
        return counts.entrySet().stream().filter(e -> !e.getKey().startsWith("skipped") && !e.getKey().startsWith("already"))
                .mapToInt(Map.Entry::getValue).sum();
    }

    /** {@code context-expiry: tenants=2 read=40 expired=38 skipped-active=2 readUnits=3.5 tookMs=120 complete} */
    public String line(Duration took) {
        StringBuilder line = new StringBuilder(job).append(": tenants=").append(tenants).append(" read=").append(dueRead);
        counts.forEach((outcome, count) -> line.append(' ').append(outcome).append('=').append(count));
        if (failures > 0) {
            line.append(" failures=").append(failures);
        }
        if (tenantsAtLimit > 0) {
            line.append(" tenantsAtLimit=").append(tenantsAtLimit);
        }
        line.append(String.format(java.util.Locale.ROOT, " readUnits=%.1f tookMs=%d ", readUnits, took.toMillis()));
        line.append(stoppedByBudget ? "stopped: budget (the next run continues)" : tenantsAtLimit > 0
                ? "paused: per-tenant limit (the next run continues)" : "complete");
        return line.toString();
    }
}
