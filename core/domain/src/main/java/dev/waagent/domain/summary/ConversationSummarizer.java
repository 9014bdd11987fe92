package dev.waagent.domain.summary;

import dev.waagent.domain.conversation.ConversationMemory;
import dev.waagent.domain.conversation.StoredMessage;
import dev.waagent.domain.llm.LlmRequest;
import dev.waagent.domain.llm.LlmResponse;
import dev.waagent.domain.tenant.Tenant;
import dev.waagent.domain.turn.ReplyGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Summarises a conversation through the LLM chain (cheapest provider first, each behind its circuit breaker,
 * within a deadline), falling back to the {@link ExtractiveSummarizer} when the chain ends at its last resort
 * (a customer-reply responder, which cannot summarise), when an answer has no summary, or when the chain fails.
 */
public final class ConversationSummarizer {

    private static final Logger LOG = LoggerFactory.getLogger(ConversationSummarizer.class);

    private final ReplyGenerator chain;
    private final SummaryRouting routing;
    private final Set<String> notSummarizers;
    private final int maxTokens;
    private final Duration deadline;
    private final ExtractiveSummarizer extractive = new ExtractiveSummarizer();

    /**
     * @param notSummarizers provider names whose answers are not summaries (the chain's last resort, the cache)
     */
    public ConversationSummarizer(ReplyGenerator chain, SummaryRouting routing, Set<String> notSummarizers,
                                  int maxTokens, Duration deadline) {
        this.chain = chain;
        this.routing = routing;
        this.notSummarizers = Set.copyOf(notSummarizers);
        this.maxTokens = maxTokens;
        this.deadline = deadline;
    }

    public ConversationSummary summarize(Tenant tenant, ConversationMemory previous, String customerName,
                                         List<StoredMessage> messages) {
        ConversationSummary fallback = extractive.summarize(previous, customerName, messages);
        if (chain == null) {
            return fallback;
        }
        LlmRequest request = SummaryPrompt.request(tenant, previous, customerName, messages, maxTokens, deadline);
        ReplyGenerator.GeneratedReply generated;
        try {
            generated = chain.generate(withOrder(tenant, routing.cheapestFirst(tenant)), request);
        } catch (RuntimeException e) {
            LOG.warn("summary chain failed for tenant {}: {}; extractive summary used", tenant.id(), e.toString());
            return fallback;
        }
        LlmResponse response = generated.response();
        if (notSummarizers.contains(response.provider()) || generated.route().cacheHit()) {
            return withRoute(fallback, generated.route().path() + ">" + ExtractiveSummarizer.SOURCE);
        }
        SummaryPrompt.ParsedSummary parsed = SummaryPrompt.parse(response.text());
        if (parsed.summary().isBlank()) {
            return withRoute(fallback, generated.route().path() + ":UNPARSED>" + ExtractiveSummarizer.SOURCE);
        }
        // The model's facts first; the pattern-found ones (name, codes, dates) fill in what it left out.
        LinkedHashSet<String> facts = new LinkedHashSet<>(parsed.facts());
        if (facts.isEmpty()) {
            facts.addAll(fallback.keyFacts());
        }
        return new ConversationSummary(parsed.summary(), List.copyOf(facts).subList(0, Math.min(facts.size(),
                ExtractiveSummarizer.MAX_FACTS)), response.provider(), generated.route().path(),
                response.usage().promptTokens(), response.usage().completionTokens(),
                generated.route().costUsd().doubleValue());
    }

    private static ConversationSummary withRoute(ConversationSummary summary, String route) {
        return new ConversationSummary(summary.summary(), summary.keyFacts(), summary.source(), route, 0, 0, 0);
    }

    private static Tenant withOrder(Tenant tenant, List<String> order) {
        if (order == null || order.equals(tenant.providerOrder())) {
            return tenant;
        }
        return new Tenant(tenant.id(), tenant.name(), tenant.channel(), tenant.businessNumberId(),
                tenant.displayPhoneNumber(), tenant.appSecretRef(), tenant.accessTokenRef(), tenant.agentName(),
                tenant.persona(), tenant.businessFacts(), tenant.timezone(), tenant.languages(), order, tenant.active());
    }
}
