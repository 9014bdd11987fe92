package dev.waagent.load;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What one run measured, as printed and as written to the JSON report.
 *
 * @param failures what makes the run fail (exit 1): lost, duplicated, misrouted or unacknowledged messages, a runtime
 *                 that died, and missed budgets with {@code --enforce-budgets}
 */
public record LoadReport(
        String runTag,
        String startedAt,
        String target,
        String runtime,
        Scenario scenario,
        Webhooks webhooks,
        Replies replies,
        Throughput throughput,
        Replays replays,
        OutboxReads outboxReads,
        List<BudgetCheck> budgets,
        List<String> failures,
        String verdict) {

    /** DESIGN.md section 6. */
    public static final double ACK_P99_BUDGET_MS = 15.0;
    public static final double THROUGHPUT_BUDGET = 200.0;

    public LoadReport {
        budgets = List.copyOf(budgets);
        failures = List.copyOf(failures);
    }

    /**
     * @param mode          {@code open-loop} (paced at {@code rate}) or {@code closed-loop}
     * @param inFlightLimit bound on posts in flight
     * @param tenants       {@code id (phone_number_id)} of each tenant the customers wrote to
     */
    public record Scenario(int customers, int messagesPerCustomer, int plannedMessages, String mode, double rate,
                           int inFlightLimit, int warmup, List<String> tenants) {
    }

    /**
     * @param posts                 HTTP posts made, retries included (replays excluded)
     * @param messagesSent          distinct messages posted
     * @param acknowledged          messages answered 200 (after retries)
     * @param unacknowledged        messages never answered 200
     * @param notSent               planned messages never posted (their customer stalled, failed, or time ran out)
     * @param non200                posts answered with a status other than 200
     * @param ioErrors              posts with no answer (connection error, timeout)
     * @param retries               posts that were retries
     * @param acksReportingDuplicate 200 answers to a first post (a fresh wamid, not a retry) whose {@code duplicates}
     *                              count was above 0
     * @param achievedPostRate      messages posted per second between the first and the last post
     * @param ackLatencyMs          latency of the posts after the warm-up
     */
    public record Webhooks(long posts, long messagesSent, long acknowledged, long unacknowledged, long notSent,
                           long non200, long ioErrors, long retries, long acksReportingDuplicate,
                           double achievedPostRate, LatencySummary ackLatencyMs) {
    }

    /**
     * @param misrouted           replies to one of this run's customers from another tenant's number
     * @param failedGraphAttempts message sends the Graph stand-in answered non-2xx (the worker retries those)
     * @param readReceipts        mark-as-read / typing requests seen (not replies)
     * @param complete            every expected reply arrived before the timeout
     * @param replyLatencyMs      from a message's first post to its reply reaching the Graph stand-in
     */
    public record Replies(long expected, long received, long lost, long duplicated, int customersWithLoss,
                          int customersWithDuplicates, long misrouted, long failedGraphAttempts, long readReceipts,
                          boolean complete, LatencySummary replyLatencyMs) {
    }

    /**
     * @param messages          messages answered (acknowledged and replied)
     * @param firstPost         when the first webhook was posted
     * @param lastReply         when the last expected reply reached the Graph stand-in
     * @param seconds           the span between them
     * @param messagesPerSecond {@code messages / seconds}
     */
    public record Throughput(long messages, String firstPost, String lastReply, double seconds, double messagesPerSecond) {
    }

    /**
     * @param sent                replays posted (already-acknowledged messages, same bytes and signature)
     * @param acknowledged        replays answered 200
     * @param reportedAsDuplicate replays whose answer counted them as {@code duplicates}
     * @param extraReplies        replies the replayed customers received after the replays were posted
     */
    public record Replays(int sent, int acknowledged, int reportedAsDuplicate, long extraReplies) {
    }

    /**
     * The harness's own load on the runtime: {@code GET /local/outbox} reads.
     *
     * @param reads       how many
     * @param meanMs      mean time of one read (request to parsed)
     * @param maxMs       the slowest
     * @param lastBytes   size of the last answer
     * @param incremental the runtime honoured {@code ?after=N} and sent only new entries
     */
    public record OutboxReads(long reads, double meanMs, double maxMs, long lastBytes, boolean incremental) {
    }

    public record BudgetCheck(String budget, String measured, boolean pass) {
    }

    public static List<BudgetCheck> budgets(Webhooks webhooks, Replies replies, Throughput throughput) {
        List<BudgetCheck> checks = new ArrayList<>();
        LatencySummary ack = webhooks.ackLatencyMs();
        checks.add(new BudgetCheck("webhook ack p99 <= 15 ms (warm)",
                ack.count() == 0 ? "not measured" : fmt("%.2f ms", ack.p99()),
                ack.count() > 0 && ack.p99() <= ACK_P99_BUDGET_MS));
        checks.add(new BudgetCheck(">= 200 msg/s end to end (0 ms stub LLM)",
                fmt("%.1f msg/s", throughput.messagesPerSecond()),
                throughput.messagesPerSecond() >= THROUGHPUT_BUDGET));
        checks.add(new BudgetCheck("0 lost", Long.toString(replies.lost()), replies.lost() == 0));
        checks.add(new BudgetCheck("0 duplicated", Long.toString(replies.duplicated()), replies.duplicated() == 0));
        return checks;
    }

    public boolean passed() {
        return failures.isEmpty();
    }

    public void write(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), this);
    }

    public String render() {
        StringBuilder out = new StringBuilder();
        out.append("==== wa-agent load report (run ").append(runTag).append(", ").append(startedAt).append(") ====\n");
        line(out, "target", target);
        line(out, "runtime", runtime);
        line(out, "tenants", String.join(", ", scenario.tenants()));
        line(out, "scenario", fmt("%d customers x %d messages = %d, %s, %d in flight max; one message per customer "
                        + "outstanding (next sent after its reply)", scenario.customers(), scenario.messagesPerCustomer(),
                scenario.plannedMessages(),
                "open-loop".equals(scenario.mode()) ? fmt("open loop at %.0f posts/s", scenario.rate()) : "closed loop",
                scenario.inFlightLimit()));
        line(out, "webhook posts", fmt("%d messages posted (%d posts, %d retries), %d acked 200, %d unacked, "
                        + "%d never sent; %d non-200, %d I/O errors; achieved %.1f posts/s",
                webhooks.messagesSent(), webhooks.posts(), webhooks.retries(), webhooks.acknowledged(),
                webhooks.unacknowledged(), webhooks.notSent(), webhooks.non200(), webhooks.ioErrors(),
                webhooks.achievedPostRate()));
        line(out, "ack latency ms", webhooks.ackLatencyMs().render() + fmt(" after %d warm-up posts", scenario.warmup()));
        line(out, "replies", fmt("expected %d, received %d, lost %d (%d customers), duplicated %d (%d customers), "
                        + "misrouted %d%s", replies.expected(), replies.received(), replies.lost(),
                replies.customersWithLoss(), replies.duplicated(), replies.customersWithDuplicates(), replies.misrouted(),
                replies.complete() ? "" : "  [timed out before every reply was in]"));
        line(out, "reply latency ms", replies.replyLatencyMs().render() + "  (post -> reply at Graph stand-in)");
        line(out, "graph stand-in", fmt("%d read receipts, %d failed send attempts", replies.readReceipts(),
                replies.failedGraphAttempts()));
        line(out, "throughput", fmt("%d messages in %.3f s = %.1f msg/s (first post -> last reply)",
                throughput.messages(), throughput.seconds(), throughput.messagesPerSecond()));
        line(out, "replays", fmt("%d wamids posted again: %d acked 200, %d reported as duplicates, %d extra replies",
                replays.sent(), replays.acknowledged(), replays.reportedAsDuplicate(), replays.extraReplies()));
        line(out, "outbox reads", fmt("%d reads, mean %.1f ms, max %.1f ms, last %d bytes (%s)", outboxReads.reads(),
                outboxReads.meanMs(), outboxReads.maxMs(), outboxReads.lastBytes(),
                outboxReads.incremental() ? "incremental ?after=N" : "whole outbox each read"));
        out.append("budgets (DESIGN.md section 6)\n");
        for (BudgetCheck check : budgets) {
            out.append(fmt("  %-42s %-16s %s%n", check.budget(), check.measured(), check.pass() ? "PASS" : "MISS"));
        }
        line(out, "verdict", verdict + (failures.isEmpty() ? "" : ": " + String.join("; ", failures)));
        return out.toString();
    }

    private static void line(StringBuilder out, String label, String value) {
        out.append(fmt("%-17s %s%n", label, value));
    }

    private static String fmt(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
