package dev.waagent.admin;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.waagent.domain.analytics.DailyRollup;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code GET /admin/tenants/{id}/analytics?from&to}: the stored daily rollups of the range (oldest first; days not
 * rolled up yet are absent) and their totals.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@Serdeable(naming = SnakeCaseStrategy.class)
public record AnalyticsResponse(String tenantId, LocalDate from, LocalDate to, List<Day> days, Totals totals) {

    /** How many questions the totals list (the most frequent over the range). */
    static final int TOP_QUESTIONS = 10;

    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Serdeable(naming = SnakeCaseStrategy.class)
    public record Day(LocalDate day, String timezone, int messagesIn, int messagesOut, int conversations, int handoffs,
                      Map<String, Integer> handoffReasons, int leads, int bookingRequests,
                      List<Question> topQuestions, int unansweredQuestions, List<String> unansweredSamples, int lowConfidenceQuestions,
                      List<String> lowConfidenceSamples, Map<String, Usage> usageByProvider, long promptTokens,
                      long completionTokens, double costUsd, long p95ReplyMs, int timedReplies, boolean truncated) {

        static Day of(DailyRollup rollup) {
            Map<String, Usage> usage = new TreeMap<>();
            rollup.usageByProvider().forEach((provider, u) -> usage.put(provider, Usage.of(u)));
            return new Day(rollup.day(), rollup.timezone(), rollup.messagesIn(), rollup.messagesOut(),
                    rollup.conversations(), rollup.handoffs(), new TreeMap<>(rollup.handoffReasons()), rollup.leads(),
                    rollup.bookingRequests(),
                    rollup.topQuestions().stream().map(q -> new Question(q.question(), q.count())).toList(),
                    rollup.unansweredQuestions(), rollup.unansweredSamples(), rollup.lowConfidenceQuestions(),
                    rollup.lowConfidenceSamples(), usage,
                    usage.values().stream().mapToLong(Usage::promptTokens).sum(),
                    usage.values().stream().mapToLong(Usage::completionTokens).sum(),
                    rollup.costUsd(), rollup.p95ReplyMillis(), rollup.timedReplies(), rollup.truncated());
        }
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    public record Question(String question, int count) {
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    public record Usage(int replies, long promptTokens, long completionTokens, double costUsd) {

        static Usage of(DailyRollup.ProviderUsage usage) {
            return new Usage(usage.replies(), usage.promptTokens(), usage.completionTokens(), usage.costUsd());
        }

        Usage plus(Usage other) {
            return new Usage(replies + other.replies, promptTokens + other.promptTokens,
                    completionTokens + other.completionTokens, costUsd + other.costUsd);
        }
    }

    /**
     * Sums over the days present. {@code conversations} adds the daily counts (a customer who wrote on two days
     * counts twice); {@code max_p95_reply_ms} is the slowest day's p95 (percentiles do not add up).
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Serdeable(naming = SnakeCaseStrategy.class)
    public record Totals(int daysRolledUp, int messagesIn, int messagesOut, int conversations, int handoffs,
                         Map<String, Integer> handoffReasons, int leads, int bookingRequests,
                         List<Question> topQuestions, int unansweredQuestions, int lowConfidenceQuestions, Map<String, Usage> usageByProvider,
                         long promptTokens, long completionTokens, double costUsd, long maxP95ReplyMs,
                         int timedReplies) {

        static Totals of(List<Day> days) {
            Map<String, Integer> reasons = new TreeMap<>();
            Map<String, Integer> questions = new LinkedHashMap<>();
            Map<String, Usage> usage = new TreeMap<>();
            for (Day day : days) {
                day.handoffReasons().forEach((reason, n) -> reasons.merge(reason, n, Integer::sum));
                day.topQuestions().forEach(q -> questions.merge(q.question(), q.count(), Integer::sum));
                day.usageByProvider().forEach((provider, u) -> usage.merge(provider, u, Usage::plus));
            }
            List<Question> top = questions.entrySet().stream()
                    .sorted(Map.Entry.<String, Integer>comparingByValue().reversed()
                            .thenComparing(Map.Entry.comparingByKey()))
                    .limit(TOP_QUESTIONS)
                    .map(e -> new Question(e.getKey(), e.getValue()))
                    .toList();
            return new Totals(days.size(),
                    days.stream().mapToInt(Day::messagesIn).sum(),
                    days.stream().mapToInt(Day::messagesOut).sum(),
                    days.stream().mapToInt(Day::conversations).sum(),
                    days.stream().mapToInt(Day::handoffs).sum(),
                    reasons,
                    days.stream().mapToInt(Day::leads).sum(),
                    days.stream().mapToInt(Day::bookingRequests).sum(),
                    top,
                    days.stream().mapToInt(Day::unansweredQuestions).sum(),
                    days.stream().mapToInt(Day::lowConfidenceQuestions).sum(),
                    usage,
                    days.stream().mapToLong(Day::promptTokens).sum(),
                    days.stream().mapToLong(Day::completionTokens).sum(),
                    days.stream().mapToDouble(Day::costUsd).sum(),
                    days.stream().mapToLong(Day::p95ReplyMs).max().orElse(0),
                    days.stream().mapToInt(Day::timedReplies).sum());
        }
    }

    static AnalyticsResponse of(String tenantId, LocalDate from, LocalDate to, List<DailyRollup> rollups) {
        List<Day> days = rollups.stream().sorted(Comparator.comparing(DailyRollup::day)).map(Day::of).toList();
        return new AnalyticsResponse(tenantId, from, to, days, Totals.of(days));
    }
}
