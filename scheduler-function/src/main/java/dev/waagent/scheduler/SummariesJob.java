package dev.waagent.scheduler;

import dev.waagent.domain.Masking;
import dev.waagent.domain.TimeSource;
import dev.waagent.domain.conversation.Conversation;
import dev.waagent.domain.conversation.ConversationMemory;
import dev.waagent.domain.conversation.StoredMessage;
import dev.waagent.domain.memory.KeyFacts;
import dev.waagent.domain.schedule.ActiveConversation;
import dev.waagent.domain.schedule.ConversationMaintenance;
import dev.waagent.domain.schedule.SummaryMarks;
import dev.waagent.domain.schedule.TenantTimings;
import dev.waagent.domain.schedule.TimelinePage;
import dev.waagent.domain.summary.ConversationSummarizer;
import dev.waagent.domain.summary.ConversationSummary;
import dev.waagent.domain.tenant.Tenant;
import dev.waagent.domain.tenant.TenantDirectory;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * {@code summaries}: conversations quiet for the tenant's summary idle time (10 minutes by default) with at
 * least {@code summary-min-messages} turns the summary does not cover yet get a new summary and key facts,
 * through the LLM chain (cheapest provider first; the extractive summary when the chain cannot). The stored
 * summary then replaces the turns it covers in the worker's prompt.
 * <p>
 * Due work: the {@code summaries} checkpoint on the activity timeline at {@code now - summaryIdle}. Idempotent:
 * the summary is stored only if the stored one still covers what it covered when read
 * ({@code summarizedThrough}); a re-run finds no new turns and writes nothing.
 * <p>
 * Conversations whose turns no longer fit the prompt do not wait to go quiet: the worker marks them
 * ({@link SummaryMarks}) and each run first summarises the marked ones (a page per tenant, at most
 * {@code max-per-tenant}), whatever they hold that the summary does not cover yet, then clears each mark. A mark is
 * handled once: it is cleared only if it is still the one read (a conversation that overflowed again meanwhile is
 * summarised again next run); one whose summary failed keeps its mark and is retried next run. The marks need no
 * checkpoint: what is pending is exactly what is still marked.
 */
@Singleton
public class SummariesJob implements ScheduledJob {

    public static final String NAME = "summaries";
    /** Suffix of the outcomes of marked conversations ({@code summarized-llm-marked}, ...). */
    static final String MARKED = "-marked";

    private static final Logger LOG = LoggerFactory.getLogger(SummariesJob.class);

    private final TimelineSweep sweep;
    private final TenantDirectory tenants;
    private final SummaryMarks marks;
    private final ConversationMaintenance conversations;
    private final ConversationSummarizer summarizer;
    private final TenantTimings timings;
    private final SchedulerSettings settings;
    private final JobMetrics metrics;
    private final TimeSource time;

    public SummariesJob(TimelineSweep sweep, TenantDirectory tenants, SummaryMarks marks,
                        ConversationMaintenance conversations, ConversationSummarizer summarizer,
                        TenantTimings timings, SchedulerSettings settings, JobMetrics metrics, TimeSource time) {
        this.sweep = sweep;
        this.tenants = tenants;
        this.marks = marks;
        this.conversations = conversations;
        this.summarizer = summarizer;
        this.timings = timings;
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
        JobReport report = new JobReport(NAME);
        Instant deadline = started.plus(budget);
        summarizeMarked(deadline, report);
        if (!report.isStoppedByBudget()) {
            sweep.sweep(NAME, deadline, settings.getSummaryDeadline(),
                    tenant -> timings.forTenant(tenant.id()).summaryIdle(), this::summarize, report);
        }
        Duration took = Duration.between(started, time.now());
        metrics.jobRan(report, took.toMillis());
        return report.line(took);
    }

    /** The marked conversations of every active tenant, one page each (bounded per tenant), within the budget. */
    private void summarizeMarked(Instant deadline, JobReport report) {
        List<Tenant> active = TimelineSweep.rotated(tenants.findAll().stream().filter(Tenant::active).toList(), time.now());
        int limit = Math.min(settings.getPageSize(), settings.getMaxPerTenant());
        for (Tenant tenant : active) {
            if (outOfBudget(deadline)) {
                report.stoppedByBudget();
                return;
            }
            TimelinePage page = marks.marked(tenant.id(), time.now(), limit);
            report.read(page.items().size(), page.readUnits());
            for (ActiveConversation marked : page.items()) {
                if (outOfBudget(deadline)) {
                    report.stoppedByBudget();
                    return;
                }
                try {
                    // Anything new is worth summarising here: the turns already overflow the prompt.
                    report.count(summarize(tenant, marked, time.now(), 1) + MARKED);
                } catch (RuntimeException e) {
                    // The mark stays: the next run retries this conversation.
                    report.failed();
                    LOG.warn("{}: tenant={} customer={} marked summary failed, retried next run: {}", NAME, tenant.id(),
                            Masking.phone(marked.conversation().key().customerId()), e.toString());
                    continue;
                }
                marks.clearMark(marked.conversation().key(), marked.activityAt());
            }
            if (page.more()) {
                report.tenantAtLimit();
            }
        }
    }

    private boolean outOfBudget(Instant deadline) {
        return !time.now().plus(settings.getSummaryDeadline()).isBefore(deadline);
    }

    private String summarize(Tenant tenant, ActiveConversation due, Instant now) {
        return summarize(tenant, due, now, timings.forTenant(tenant.id()).summaryMinMessages());
    }

    private String summarize(Tenant tenant, ActiveConversation due, Instant now, int minMessages) {
        Conversation conversation = due.conversation();
        ConversationMemory memory = conversation.memory();
        List<StoredMessage> fresh = conversations.messagesAfter(conversation.key(), memory.summarizedThrough(), now,
                settings.getSummaryMaxMessages());
        if (fresh.isEmpty() || fresh.size() < minMessages) {
            return "skipped-too-few";
        }
        ConversationSummary summary = summarizer.summarize(tenant, memory, conversation.customerName(), fresh);
        Instant through = fresh.get(fresh.size() - 1).receivedAt();
        // The facts each turn extracted (name, item, dates, budget, location) are the newest of their kind: they
        // replace the summary's version of the same key instead of being lost to it.
        List<String> facts = KeyFacts.merge(summary.keyFacts(), KeyFacts.keyedOnly(memory.keyFacts()));
        ConversationMemory updated = new ConversationMemory(summary.summary(), facts, through, memory.contextFrom());
        if (!conversations.saveSummary(conversation.key(), memory, updated, now)) {
            return "skipped-raced";
        }
        return summary.extractive() ? "summarized-extractive" : "summarized-llm";
    }
}
