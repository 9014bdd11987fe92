package dev.waagent.scheduler;

import dev.waagent.domain.Masking;
import dev.waagent.domain.TimeSource;
import dev.waagent.domain.schedule.ActiveConversation;
import dev.waagent.domain.schedule.ActivityTimeline;
import dev.waagent.domain.schedule.JobCheckpoints;
import dev.waagent.domain.schedule.TimelineCursor;
import dev.waagent.domain.schedule.TimelinePage;
import dev.waagent.domain.tenant.Tenant;
import dev.waagent.domain.tenant.TenantDirectory;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Walks each tenant's activity timeline from the job's checkpoint to {@code now - delay(tenant)}: the
 * conversations that became due since the last run, and nothing else.
 * <ul>
 *   <li>bounded per tenant: tenants take turns a page at a time (starting with a different tenant each minute),
 *       and each gets at most {@code max-per-tenant} conversations per run, so one big tenant cannot starve the
 *       others</li>
 *   <li>resumable: the checkpoint moves after every page (and where a run stops), so the next run continues
 *       there; a conversation handled again after a crash is harmless because every action is conditional</li>
 *   <li>within budget: no conversation is started with less than {@code reserve} of the budget left</li>
 * </ul>
 */
@Singleton
public class TimelineSweep {

    private static final Logger LOG = LoggerFactory.getLogger(TimelineSweep.class);

    /** What a job does with one due conversation; returns the outcome to count. */
    @FunctionalInterface
    public interface Handler {
        String handle(Tenant tenant, ActiveConversation due, Instant now);
    }

    private final TenantDirectory tenants;
    private final ActivityTimeline timeline;
    private final JobCheckpoints checkpoints;
    private final SchedulerSettings settings;
    private final TimeSource time;

    public TimelineSweep(TenantDirectory tenants, ActivityTimeline timeline, JobCheckpoints checkpoints,
                         SchedulerSettings settings, TimeSource time) {
        this.tenants = tenants;
        this.timeline = timeline;
        this.checkpoints = checkpoints;
        this.settings = settings;
        this.time = time;
    }

    /**
     * @param checkpoint the checkpoint's name (a job may keep several, one per pass)
     * @param delay      how long a tenant's conversation must have been quiet to be due
     * @param reserve    budget a single conversation may need
     */
    public void sweep(String checkpoint, Instant deadline, Duration reserve, Function<Tenant, Duration> delay,
                      Handler handler, JobReport report) {
        List<Tenant> active = rotated(tenants.findAll().stream().filter(Tenant::active).toList(), time.now());
        report.tenants(active.size());
        Map<String, TenantProgress> progress = new LinkedHashMap<>();
        for (Tenant tenant : active) {
            progress.put(tenant.id(), new TenantProgress(tenant, checkpoints.load(tenant.id(), checkpoint).orElse(null)));
        }
        List<TenantProgress> open = new ArrayList<>(progress.values());
        while (!open.isEmpty()) {
            for (TenantProgress tenant : List.copyOf(open)) {
                if (outOfBudget(deadline, reserve)) {
                    report.stoppedByBudget();
                    return;
                }
                boolean more = page(checkpoint, tenant, deadline, reserve, delay, handler, report);
                if (!more) {
                    open.remove(tenant);
                } else if (tenant.handled >= settings.getMaxPerTenant()) {
                    report.tenantAtLimit();
                    open.remove(tenant);
                }
                if (report.isStoppedByBudget()) {
                    return;
                }
            }
        }
    }

    /** Reads and handles one page of one tenant. @return whether the tenant may have more due now */
    private boolean page(String checkpoint, TenantProgress tenant, Instant deadline, Duration reserve,
                         Function<Tenant, Duration> delay, Handler handler, JobReport report) {
        Instant now = time.now();
        int limit = Math.min(settings.getPageSize(), settings.getMaxPerTenant() - tenant.handled);
        TimelinePage page = timeline.read(tenant.tenant.id(), tenant.cursor, now.minus(settings.getMaxLookback()),
                now.minus(delay.apply(tenant.tenant)), limit);
        report.read(page.items().size(), page.readUnits());
        TimelineCursor reached = tenant.cursor;
        try {
            for (ActiveConversation due : page.items()) {
                if (outOfBudget(deadline, reserve)) {
                    report.stoppedByBudget();
                    return true;
                }
                try {
                    report.count(handler.handle(tenant.tenant, due, time.now()));
                } catch (RuntimeException e) {
                    // Stop this tenant here: the checkpoint stays before the conversation, the next run retries it.
                    report.failed();
                    LOG.warn("{}: tenant={} customer={} failed, retried next run: {}", checkpoint, tenant.tenant.id(),
                            Masking.phone(due.conversation().key().customerId()), e.toString());
                    return false;
                }
                reached = due.cursor();
                tenant.handled++;
            }
        } finally {
            if (reached != null && !reached.equals(tenant.cursor)) {
                checkpoints.advance(tenant.tenant.id(), checkpoint, reached);
                tenant.cursor = reached;
            }
        }
        return page.more();
    }

    /**
     * The tenants in a different order each minute, so that when runs keep ending on their budget, the tenants at
     * the end of the list are not always the ones left waiting.
     */
    static List<Tenant> rotated(List<Tenant> tenants, Instant now) {
        if (tenants.size() < 2) {
            return tenants;
        }
        int start = (int) Math.floorMod(now.getEpochSecond() / 60, (long) tenants.size());
        List<Tenant> order = new ArrayList<>(tenants.subList(start, tenants.size()));
        order.addAll(tenants.subList(0, start));
        return order;
    }

    private boolean outOfBudget(Instant deadline, Duration reserve) {
        return !time.now().plus(reserve).isBefore(deadline);
    }

    private static final class TenantProgress {
        private final Tenant tenant;
        private TimelineCursor cursor;
        private int handled;

        private TenantProgress(Tenant tenant, TimelineCursor cursor) {
            this.tenant = tenant;
            this.cursor = cursor;
        }
    }
}
