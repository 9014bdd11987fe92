package dev.waagent.scheduler;

import dev.waagent.domain.TimeSource;
import dev.waagent.domain.analytics.DailyRollup;
import dev.waagent.domain.analytics.FollowUpLog;
import dev.waagent.domain.analytics.MessageLog;
import dev.waagent.domain.analytics.MessagePage;
import dev.waagent.domain.analytics.RollupAccumulator;
import dev.waagent.domain.analytics.RollupStore;
import dev.waagent.domain.conversation.StoredMessage;
import dev.waagent.domain.tenant.Tenant;
import dev.waagent.domain.tenant.TenantDirectory;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * {@code daily-rollup}: each tenant's completed tenant-local days (yesterday, and up to
 * {@code rollup-lookback-days} missed ones) counted from that day's messages and stored once for the admin
 * analytics API, then emitted as EMF metrics.
 * <p>
 * Due work: the rollup store says which day a tenant was last rolled up; the day's messages come from the
 * tenant's day partitions of the due-index (one query per UTC day the local day touches), never a scan; so do
 * the day's leads and booking requests, from their own day partitions ({@link FollowUpLog}).
 * Idempotent: a day is stored with a conditional put and its metrics emitted only then, so a re-run does
 * nothing. Resumable: the unit is a tenant-day; days stored stay stored, and a day cut short by the budget is
 * dropped and counted again by the next run. Bounded per tenant: tenants take turns a day at a time, and a day
 * beyond {@code rollup-max-messages} is stored truncated.
 */
@Singleton
public class DailyRollupJob implements ScheduledJob {

    public static final String NAME = "daily-rollup";
    private static final Logger LOG = LoggerFactory.getLogger(DailyRollupJob.class);
    /** Room left for storing a day once its messages are read. */
    private static final Duration RESERVE = Duration.ofMillis(500);

    private final TenantDirectory tenants;
    private final MessageLog messages;
    private final RollupStore rollups;
    private final FollowUpLog followUps;
    private final SchedulerSettings settings;
    private final JobMetrics metrics;
    private final TimeSource time;

    public DailyRollupJob(TenantDirectory tenants, MessageLog messages, FollowUpLog followUps, RollupStore rollups,
                          SchedulerSettings settings, JobMetrics metrics, TimeSource time) {
        this.tenants = tenants;
        this.messages = messages;
        this.followUps = followUps;
        this.rollups = rollups;
        this.settings = settings;
        this.metrics = metrics;
        this.time = time;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String run(Duration budget) {
        Instant started = time.now();
        Instant deadline = started.plus(budget);
        JobReport report = new JobReport(NAME);
        List<Deque<LocalDate>> pending = new ArrayList<>();
        List<Tenant> active = TimelineSweep.rotated(tenants.findAll().stream().filter(Tenant::active).toList(), started);
        report.tenants(active.size());
        for (Tenant tenant : active) {
            pending.add(daysToRoll(tenant, started));
        }
        // Round-robin over tenants, one day each per round.
        boolean any = true;
        outer:
        while (any) {
            any = false;
            for (int i = 0; i < active.size(); i++) {
                LocalDate day = pending.get(i).pollFirst();
                if (day == null) {
                    continue;
                }
                any = true;
                if (!rollUp(active.get(i), day, deadline, report)) {
                    report.stoppedByBudget();
                    break outer;
                }
            }
        }
        Duration took = Duration.between(started, time.now());
        metrics.jobRan(report, took.toMillis());
        return report.line(took);
    }

    /** Completed local days not rolled up yet, oldest first. */
    Deque<LocalDate> daysToRoll(Tenant tenant, Instant now) {
        LocalDate yesterday = LocalDate.ofInstant(now, tenant.timezone()).minusDays(1);
        LocalDate first = yesterday.minusDays(settings.getRollupLookbackDays() - 1L);
        Optional<LocalDate> latest = rollups.latestDay(tenant.id());
        if (latest.isPresent() && !latest.get().isBefore(first)) {
            first = latest.get().plusDays(1);
        }
        Deque<LocalDate> days = new ArrayDeque<>();
        for (LocalDate day = first; !day.isAfter(yesterday); day = day.plusDays(1)) {
            days.add(day);
        }
        return days;
    }

    /** @return false when the budget ran out before the day was stored */
    private boolean rollUp(Tenant tenant, LocalDate day, Instant deadline, JobReport report) {
        ZoneId zone = tenant.timezone();
        Instant from = day.atStartOfDay(zone).toInstant();
        Instant to = day.plusDays(1).atStartOfDay(zone).toInstant();
        RollupAccumulator accumulator = new RollupAccumulator(tenant.id(), day, zone);
        String cursor = null;
        do {
            if (!time.now().plus(RESERVE).isBefore(deadline)) {
                return false;
            }
            int limit = Math.min(settings.getRollupPageSize(), settings.getRollupMaxMessages() - accumulator.messages());
            MessagePage page = messages.read(tenant.id(), from, to, cursor, limit);
            report.read(page.messages().size(), page.readUnits());
            for (StoredMessage message : page.messages()) {
                // Staff commands to the business number are not customer traffic.
                if (tenant.staffMember(message.key().customerId()).isEmpty()) {
                    accumulator.add(message);
                }
            }
            cursor = page.nextCursor();
            if (cursor != null && accumulator.messages() >= settings.getRollupMaxMessages()) {
                accumulator.markTruncated();
                LOG.warn("rollup of tenant {} for {} truncated at {} messages", tenant.id(), day, accumulator.messages());
                break;
            }
        } while (cursor != null);
        if (!time.now().plus(RESERVE).isBefore(deadline)) {
            return false;
        }
        FollowUpLog.FollowUpCount requests = followUps.count(tenant.id(), from, to);
        report.read(requests.total(), requests.readUnits());
        accumulator.addFollowUps(requests);
        DailyRollup rollup = accumulator.result(time.now());
        if (rollups.saveIfAbsent(rollup)) {
            metrics.dayRolledUp(rollup);
            report.count("rolled-up");
        } else {
            report.count("already-rolled-up");
        }
        return true;
    }
}
