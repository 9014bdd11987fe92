package dev.waagent.scheduler;

import dev.waagent.domain.Masking;
import dev.waagent.domain.TimeSource;
import dev.waagent.domain.conversation.Conversation;
import dev.waagent.domain.schedule.ActiveConversation;
import dev.waagent.domain.schedule.ConversationMaintenance;
import dev.waagent.domain.schedule.StaffNotices;
import dev.waagent.domain.schedule.TenantTimings;
import dev.waagent.domain.tenant.Tenant;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;

/**
 * {@code context-expiry}: conversations quiet for the tenant's context expiry (30 minutes by default) lose their
 * working context (turns up to now leave the prompt; summary and key facts stay). A second pass gives
 * conversations handed to a person, but quiet past the tenant's handoff timeout, back to the bot and tells the
 * staff.
 * <p>
 * Due work: two checkpoints on the activity timeline ({@code context-expiry} at {@code now - contextExpiry},
 * {@code context-expiry#handoff} at {@code now - handoffTimeout}). Idempotent: expiry is conditional on the
 * activity it expires, the return on the conversation still being handed off and quiet.
 */
@Singleton
public class ContextExpiryJob implements ScheduledJob {

    public static final String NAME = "context-expiry";
    static final String HANDOFF_PASS = NAME + "#handoff";
    static final String NOTICE = "This conversation was quiet past the handoff timeout and is back with the assistant.";
    private static final Logger LOG = LoggerFactory.getLogger(ContextExpiryJob.class);

    private final TimelineSweep sweep;
    private final ConversationMaintenance conversations;
    private final TenantTimings timings;
    private final StaffNotices staff;
    private final JobMetrics metrics;
    private final TimeSource time;

    public ContextExpiryJob(TimelineSweep sweep, ConversationMaintenance conversations, TenantTimings timings,
                            StaffNotices staff, JobMetrics metrics, TimeSource time) {
        this.sweep = sweep;
        this.conversations = conversations;
        this.timings = timings;
        this.staff = staff;
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
        sweep.sweep(NAME, deadline, Duration.ZERO, tenant -> timings.forTenant(tenant.id()).contextExpiry(),
                this::expire, report);
        if (!report.isStoppedByBudget()) {
            sweep.sweep(HANDOFF_PASS, deadline, Duration.ZERO, tenant -> timings.forTenant(tenant.id()).handoffTimeout(),
                    this::returnToBot, report);
        }
        Duration took = Duration.between(started, time.now());
        metrics.jobRan(report, took.toMillis());
        return report.line(took);
    }

    private String expire(Tenant tenant, ActiveConversation due, Instant now) {
        Conversation conversation = due.conversation();
        Instant contextFrom = conversation.memory().contextFrom();
        if (contextFrom != null && !contextFrom.isBefore(due.activityAt())) {
            return "already-expired";
        }
        return conversations.expireContext(conversation.key(), due.activityAt(), now) ? "expired" : "skipped-active";
    }

    private String returnToBot(Tenant tenant, ActiveConversation due, Instant now) {
        Conversation conversation = due.conversation();
        if (!conversation.handedOff()) {
            return "skipped-not-handed-off";
        }
        if (!conversations.returnToBot(conversation.key(), due.activityAt(), now)) {
            return "skipped-active";
        }
        LOG.info("handoff timed out: tenant={} customer={} back with the assistant", tenant.id(),
                Masking.phone(conversation.key().customerId()));
        metrics.handoffReturned(tenant.id());
        staff.notify(tenant, conversation.key(), NOTICE);
        return "returned-to-bot";
    }
}
