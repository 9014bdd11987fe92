package dev.waagent.domain.analytics;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One tenant's day (in the tenant's time zone), as the admin analytics API serves it.
 *
 * @param conversations          distinct customers who wrote or were written to that day
 * @param handoffReasons         handoffs by reason
 * @param leads                  leads the agent took down that day ({@code create_lead})
 * @param bookingRequests        booking requests the agent took down that day ({@code request_booking})
 * @param topQuestions           the most frequent customer questions, most frequent first
 * @param unansweredQuestions    customer questions still unanswered when the day was rolled up
 * @param lowConfidenceQuestions questions answered by a holding reply (the chain could not really answer):
 *                               candidates for new knowledge-base entries
 * @param usageByProvider        replies, tokens and cost by the provider that answered
 * @param p95ReplyMillis         95th percentile (nearest rank) of the time from a customer's first waiting message
 *                               to the reply, over replies whose messages all fell in the day; 0 when none
 * @param truncated              the day held more messages than one rollup reads; the figures cover the first ones
 */
public record DailyRollup(
        String tenantId,
        LocalDate day,
        String timezone,
        int messagesIn,
        int messagesOut,
        int conversations,
        int handoffs,
        Map<String, Integer> handoffReasons,
        int leads,
        int bookingRequests,
        List<QuestionCount> topQuestions,
        int unansweredQuestions,
        List<String> unansweredSamples,
        int lowConfidenceQuestions,
        List<String> lowConfidenceSamples,
        Map<String, ProviderUsage> usageByProvider,
        long p95ReplyMillis,
        int timedReplies,
        boolean truncated,
        Instant computedAt) {

    public DailyRollup {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(day, "day");
        handoffReasons = handoffReasons == null ? Map.of() : Map.copyOf(handoffReasons);
        topQuestions = topQuestions == null ? List.of() : List.copyOf(topQuestions);
        unansweredSamples = unansweredSamples == null ? List.of() : List.copyOf(unansweredSamples);
        lowConfidenceSamples = lowConfidenceSamples == null ? List.of() : List.copyOf(lowConfidenceSamples);
        usageByProvider = usageByProvider == null ? Map.of() : Map.copyOf(usageByProvider);
    }

    /** Without booking requests (a rollup stored before they were counted, or a caller that has none). */
    public DailyRollup(String tenantId, LocalDate day, String timezone, int messagesIn, int messagesOut,
                       int conversations, int handoffs, Map<String, Integer> handoffReasons, int leads,
                       List<QuestionCount> topQuestions, int unansweredQuestions, List<String> unansweredSamples,
                       int lowConfidenceQuestions, List<String> lowConfidenceSamples,
                       Map<String, ProviderUsage> usageByProvider, long p95ReplyMillis, int timedReplies,
                       boolean truncated, Instant computedAt) {
        this(tenantId, day, timezone, messagesIn, messagesOut, conversations, handoffs, handoffReasons, leads, 0,
                topQuestions, unansweredQuestions, unansweredSamples, lowConfidenceQuestions, lowConfidenceSamples,
                usageByProvider, p95ReplyMillis, timedReplies, truncated, computedAt);
    }

    /** A customer question and how often it was asked. */
    public record QuestionCount(String question, int count) {
    }

    /** What one provider's replies cost. */
    public record ProviderUsage(int replies, long promptTokens, long completionTokens, double costUsd) {

        ProviderUsage plus(long prompt, long completion, double cost) {
            return new ProviderUsage(replies + 1, promptTokens + prompt, completionTokens + completion, costUsd + cost);
        }
    }

    public double costUsd() {
        return usageByProvider.values().stream().mapToDouble(ProviderUsage::costUsd).sum();
    }

    public long tokens() {
        return usageByProvider.values().stream().mapToLong(u -> u.promptTokens() + u.completionTokens()).sum();
    }
}
