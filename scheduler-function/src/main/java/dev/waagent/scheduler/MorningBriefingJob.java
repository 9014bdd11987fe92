package dev.waagent.scheduler;

import dev.waagent.domain.TimeSource;
import dev.waagent.domain.analytics.DailyRollup;
import dev.waagent.domain.analytics.RollupDigest;
import dev.waagent.domain.analytics.RollupStore;
import dev.waagent.domain.conversation.StoredMessage;
import dev.waagent.domain.schedule.ActiveConversation;
import dev.waagent.domain.schedule.ActivityTimeline;
import dev.waagent.domain.schedule.ConversationMaintenance;
import dev.waagent.domain.schedule.ConversationTimings;
import dev.waagent.domain.schedule.JobCheckpoints;
import dev.waagent.domain.schedule.TenantTimings;
import dev.waagent.domain.schedule.TimelineCursor;
import dev.waagent.domain.schedule.TimelinePage;
import dev.waagent.domain.tenant.Tenant;
import dev.waagent.domain.tenant.TenantDirectory;
import dev.waagent.domain.staff.StaffNotifier;
import dev.waagent.domain.tenant.StaffContact;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@code morning-briefing}: at the tenant's briefing hour (local time, 8 by default; a run up to three hours late
 * still sends it), the owner gets yesterday's rollup in a few lines and the number of follow-ups pending today.
 * <p>
 * The briefing goes to the tenant's owners ({@link Tenant#owners()}: staff marked owner in the back office, else the
 * first staff member), plus {@code wa.scheduler.tenants.<id>.owner-number} if configured; tenants with neither are
 * skipped. Once per tenant and local day: the briefing is claimed ({@code ONCE#morning-briefing#<date>}) before it
 * is sent. Outside an owner's 24-hour window only a template may go: {@link StaffNotifier} logs and counts it.
 */
@Singleton
public class MorningBriefingJob implements ScheduledJob {

    public static final String NAME = "morning-briefing";
    private static final Logger LOG = LoggerFactory.getLogger(MorningBriefingJob.class);
    private static final Duration LATE_BY_AT_MOST = Duration.ofHours(3);
    private static final int PENDING_SCAN_LIMIT = 200;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);

    private final TenantDirectory tenants;
    private final RollupStore rollups;
    private final ActivityTimeline timeline;
    private final JobCheckpoints claims;
    private final ConversationMaintenance conversations;
    private final StaffNotifier staff;
    private final TenantTimings timings;
    private final Map<String, String> owners;
    private final JobMetrics metrics;
    private final TimeSource time;

    public MorningBriefingJob(TenantDirectory tenants, RollupStore rollups, ActivityTimeline timeline,
                              JobCheckpoints claims, ConversationMaintenance conversations, StaffNotifier staff,
                              TenantTimings timings, List<TenantScheduleOverrides> overrides,
                              JobMetrics metrics, TimeSource time) {
        this.tenants = tenants;
        this.rollups = rollups;
        this.timeline = timeline;
        this.claims = claims;
        this.conversations = conversations;
        this.staff = staff;
        this.timings = timings;
        this.owners = overrides.stream().filter(o -> o.getOwnerNumber() != null && !o.getOwnerNumber().isBlank())
                .collect(Collectors.toMap(TenantScheduleOverrides::getTenantId, TenantScheduleOverrides::getOwnerNumber,
                        (a, b) -> a));
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
        List<Tenant> active = tenants.findAll().stream().filter(Tenant::active).toList();
        report.tenants(active.size());
        for (Tenant tenant : active) {
            if (!time.now().plusSeconds(10).isBefore(deadline)) {
                report.stoppedByBudget();
                break;
            }
            report.count(brief(tenant, report));
        }
        Duration took = Duration.between(started, time.now());
        metrics.jobRan(report, took.toMillis());
        return report.line(took);
    }

    private String brief(Tenant tenant, JobReport report) {
        List<StaffContact> recipients = recipients(tenant);
        if (recipients.isEmpty()) {
            return "skipped-no-owner";
        }
        Instant now = time.now();
        ConversationTimings timing = timings.forTenant(tenant.id());
        ZonedDateTime local = now.atZone(tenant.timezone());
        ZonedDateTime due = local.toLocalDate().atTime(timing.briefingHour(), 0).atZone(tenant.timezone());
        if (local.isBefore(due) || !local.isBefore(due.plus(LATE_BY_AT_MOST))) {
            return "skipped-not-briefing-hour";
        }
        LocalDate today = local.toLocalDate();
        if (!claims.claimOnce(tenant.id(), NAME + "#" + today, now)) {
            return "already-briefed";
        }
        String text = compose(tenant, rollups.find(tenant.id(), today.minusDays(1)), today.minusDays(1),
                pendingFollowUps(tenant, timing, now, report));
        // Free text only inside each owner's 24-hour window; outside it the tenant's staff-alert template (first line as
        // the reason, the figures as the summary), or without one the notifier logs and counts it.
        Map<StaffNotifier.Delivery, Integer> sent = staff.sendToAll(tenant, recipients, text, null);
        if (sent.keySet().stream().anyMatch(StaffNotifier.Delivery::delivered)) {
            return "briefed";
        }
        if (sent.containsKey(StaffNotifier.Delivery.FAILED)) {
            LOG.warn("briefing for tenant={} not sent (not retried: once a day)", tenant.id());
            return "failed-send";
        }
        return "intent-recorded-outside-window";
    }

    /** The tenant's owners ({@link Tenant#owners()}), and the configured owner number if it is not one of them. */
    private List<StaffContact> recipients(Tenant tenant) {
        List<StaffContact> recipients = new ArrayList<>(tenant.owners());
        String configured = owners.get(tenant.id());
        if (configured != null && recipients.stream().noneMatch(owner -> owner.waId().equals(configured))) {
            recipients.add(new StaffContact(configured, "owner", StaffContact.Role.OWNER));
        }
        return recipients;
    }

    /** Our questions still unanswered from the last follow-up delay: they come due for a follow-up today. */
    private int pendingFollowUps(Tenant tenant, ConversationTimings timing, Instant now, JobReport report) {
        int pending = 0;
        int read = 0;
        TimelineCursor cursor = null;
        TimelinePage page;
        do {
            page = timeline.read(tenant.id(), cursor, now.minus(timing.followUpDelay()), now, 50);
            report.read(page.items().size(), page.readUnits());
            for (ActiveConversation conversation : page.items()) {
                cursor = conversation.cursor();
                read++;
                if (conversation.conversation().optedOut() || conversation.conversation().handedOff()) {
                    continue;
                }
                List<StoredMessage> recent = conversations.messagesAfter(conversation.conversation().key(),
                        conversation.activityAt().minusSeconds(1), now, 10);
                StoredMessage last = recent.isEmpty() ? null : recent.get(recent.size() - 1);
                if (last != null && !last.isInbound() && last.text() != null && last.text().contains("?")
                        && !ConversationMaintenance.FOLLOW_UP_TURN.equals(last.turnId())) {
                    pending++;
                }
            }
        } while (page.more() && read < PENDING_SCAN_LIMIT);
        return pending;
    }

    /** Yesterday in six to ten lines. */
    static String compose(Tenant tenant, Optional<DailyRollup> yesterday, LocalDate day, int pendingFollowUps) {
        StringBuilder text = new StringBuilder("Good morning! Yesterday (").append(DAY.format(day)).append(") at ")
                .append(tenant.name()).append(":\n");
        if (yesterday.isEmpty()) {
            text.append("• Yesterday's figures are not ready yet.\n");
        } else {
            RollupDigest.lines(yesterday.get()).forEach(line -> text.append(line).append('\n'));
        }
        text.append("• Today: ").append(pendingFollowUps).append(pendingFollowUps == 1 ? " follow-up pending" : " follow-ups pending");
        return text.toString();
    }
}
