package dev.waagent.scheduler;

import dev.waagent.domain.TimeSource;
import dev.waagent.domain.conversation.Conversation;
import dev.waagent.domain.conversation.ConversationMemory;
import dev.waagent.domain.conversation.StoredMessage;
import dev.waagent.domain.schedule.ActiveConversation;
import dev.waagent.domain.schedule.ConversationMaintenance;
import dev.waagent.domain.schedule.TenantTimings;
import dev.waagent.domain.summary.ConversationSummarizer;
import dev.waagent.domain.summary.ConversationSummary;
import dev.waagent.domain.tenant.Tenant;
import jakarta.inject.Singleton;

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
 */
@Singleton
public class SummariesJob implements ScheduledJob {

    public static final String NAME = "summaries";

    private final TimelineSweep sweep;
    private final ConversationMaintenance conversations;
    private final ConversationSummarizer summarizer;
    private final TenantTimings timings;
    private final SchedulerSettings settings;
    private final JobMetrics metrics;
    private final TimeSource time;

    public SummariesJob(TimelineSweep sweep, ConversationMaintenance conversations, ConversationSummarizer summarizer,
                        TenantTimings timings, SchedulerSettings settings, JobMetrics metrics, TimeSource time) {
        this.sweep = sweep;
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
        sweep.sweep(NAME, started.plus(budget), settings.getSummaryDeadline(),
                tenant -> timings.forTenant(tenant.id()).summaryIdle(), this::summarize, report);
        Duration took = Duration.between(started, time.now());
        metrics.jobRan(report, took.toMillis());
        return report.line(took);
    }

    private String summarize(Tenant tenant, ActiveConversation due, Instant now) {
        Conversation conversation = due.conversation();
        ConversationMemory memory = conversation.memory();
        List<StoredMessage> fresh = conversations.messagesAfter(conversation.key(), memory.summarizedThrough(), now,
                settings.getSummaryMaxMessages());
        if (fresh.size() < timings.forTenant(tenant.id()).summaryMinMessages()) {
            return "skipped-too-few";
        }
        ConversationSummary summary = summarizer.summarize(tenant, memory, conversation.customerName(), fresh);
        Instant through = fresh.get(fresh.size() - 1).receivedAt();
        ConversationMemory updated = new ConversationMemory(summary.summary(), summary.keyFacts(), through,
                memory.contextFrom());
        if (!conversations.saveSummary(conversation.key(), memory.summarizedThrough(), updated, now)) {
            return "skipped-raced";
        }
        return summary.extractive() ? "summarized-extractive" : "summarized-llm";
    }
}
