package dev.waagent.llm;

import dev.waagent.domain.llm.ChatMessage;
import dev.waagent.domain.llm.LlmProvider;
import dev.waagent.domain.llm.LlmRequest;
import dev.waagent.domain.llm.LlmResponse;
import dev.waagent.domain.llm.TokenUsage;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last provider of every chain: always available, no network, never throws. It answers honestly in the
 * customer's language ({@link LlmRequest#language()}: English, Hindi in the customer's script, Bahasa
 * Indonesia; English otherwise):
 * <ul>
 *   <li>a message that is only a greeting gets a greeting and an offer to help;</li>
 *   <li>anything else gets "thanks, our team will reply shortly" and {@link LlmResponse#needsHuman()}, so the
 *   conversation is handed to a person. It never invents a fact, a price or an availability.</li>
 * </ul>
 * A {@link KnowledgeAnswerer} may answer first from the tenant's knowledge base when retrieval is confident; by
 * default there is none.
 */
public final class LocalResponder implements LlmProvider {

    public static final String NAME = "local";
    public static final String HOLDING_MODEL = "local-holding-reply";
    public static final String KNOWLEDGE_MODEL = "local-knowledge-answer";

    private static final Logger LOG = LoggerFactory.getLogger(LocalResponder.class);

    private final TokenCounter tokenCounter;
    private final KnowledgeAnswerer knowledge;

    public LocalResponder(TokenCounter tokenCounter) {
        this(tokenCounter, KnowledgeAnswerer.none());
    }

    public LocalResponder(TokenCounter tokenCounter, KnowledgeAnswerer knowledge) {
        this.tokenCounter = Objects.requireNonNull(tokenCounter, "tokenCounter");
        this.knowledge = Objects.requireNonNull(knowledge, "knowledge");
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public LlmResponse complete(LlmRequest request) {
        long start = System.nanoTime();
        try {
            Optional<String> known = knowledgeAnswer(request);
            if (known.isPresent()) {
                return response(request, KNOWLEDGE_MODEL, known.get(), false, start);
            }
            String customerText = request == null ? "" : request.lastUserText();
            LocalReplies replies = LocalReplies.forLanguage(request == null ? Locale.ENGLISH : request.language(), customerText);
            if (Greetings.isGreetingOnly(customerText)) {
                return response(request, HOLDING_MODEL, replies.greeting(), false, start);
            }
            return response(request, HOLDING_MODEL, replies.holding(), true, start);
        } catch (RuntimeException e) {
            // Last resort of the chain: whatever went wrong here, the customer still gets an honest reply.
            LOG.warn("local responder fell back to the plain holding reply: {}", e.toString());
            return new LlmResponse(NAME, HOLDING_MODEL, LocalReplies.ENGLISH.holding(), List.of(),
                    new TokenUsage(0, 0, true), Duration.ofNanos(System.nanoTime() - start), true);
        }
    }

    private Optional<String> knowledgeAnswer(LlmRequest request) {
        if (request == null) {
            return Optional.empty();
        }
        try {
            return knowledge.answer(request).filter(answer -> !answer.isBlank());
        } catch (RuntimeException e) {
            LOG.warn("knowledge answerer failed, holding instead: {}", e.toString());
            return Optional.empty();
        }
    }

    private LlmResponse response(LlmRequest request, String model, String text, boolean needsHuman, long start) {
        List<ChatMessage> prompt = request == null ? List.of() : request.messages();
        TokenUsage usage = new TokenUsage(tokenCounter.count(prompt), tokenCounter.count(text), true);
        return new LlmResponse(NAME, model, text, List.of(), usage, Duration.ofNanos(System.nanoTime() - start), needsHuman);
    }
}
