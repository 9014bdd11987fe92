package dev.waagent.domain.context;

import dev.waagent.domain.catalog.CatalogMatch;
import dev.waagent.domain.catalog.ItemAttributes;
import dev.waagent.domain.memory.KeyFacts;
import dev.waagent.domain.conversation.ReplyAccounting;
import dev.waagent.domain.intent.Intent;
import dev.waagent.domain.knowledge.KnowledgeHit;
import dev.waagent.domain.tools.ToolResult;
import dev.waagent.domain.turn.ReplyGenerator;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A turn's reply after its tool rounds and the price check.
 *
 * @param last             the final model call (provider, model, route)
 * @param promptTokens     summed over every round
 * @param completionTokens summed over every round
 * @param rounds           model calls made (1 + tool rounds)
 * @param handoffReason    set when the model called {@code hand_off}
 */
public record ComposedReply(String text, ReplyGenerator.GeneratedReply last, int promptTokens, int completionTokens,
                            long latencyMillis, int fallbacks, double costUsd, int rounds, List<ToolResult> toolResults,
                            String handoffReason, List<String> priceRepairs, TurnContext context) {

    /** A turn with any of these is answered by tools, bookings, the staff or a greeting: never judged on knowledge. */
    private static final Set<Intent> NOT_JUDGED = Set.of(Intent.GREETING, Intent.BOOKING, Intent.AVAILABILITY,
            Intent.PRICING, Intent.HUMAN_REQUEST, Intent.COMPLAINT, Intent.ORDER_STATUS, Intent.OUT_OF_SCOPE);

    public ComposedReply {
        toolResults = List.copyOf(toolResults);
        priceRepairs = List.copyOf(priceRepairs);
    }

    public boolean handoffRequested() {
        return handoffReason != null;
    }

    /**
     * The conversation's key facts with what this turn learned, when that changed them; they are saved with the
     * reply's record (one write for both), not apart.
     */
    public Optional<List<String>> keyFactsToSave() {
        return context.keyFactsChanged() ? Optional.of(context.keyFacts()) : Optional.empty();
    }

    public ReplyAccounting accounting() {
        var response = last.response();
        return new ReplyAccounting(response.provider(), response.model(), promptTokens, completionTokens, latencyMillis,
                fallbacks, response.needsHuman() || handoffRequested(), costUsd, last.route().cacheHit(),
                last.route().complexity().name(), last.route().path());
    }

    /**
     * How well the business's own data supports this answer, in [0, 1], for the low-confidence handoff; NaN when the
     * turn is not one to judge that way. Only a general question is judged (greetings, bookings, prices,
     * availability, order status, complaints, requests for a person and off-topic chatter have their own paths), and
     * not when:
     * <ul>
     *   <li>the model called {@code hand_off} (that is its own handoff) or the reply is a holding reply that already
     *   promised a person ({@link dev.waagent.domain.llm.LlmResponse#needsHuman()}, counted as not confident anyway);</li>
     *   <li>the customer says we forgot their question: the turn answers that earlier question, whose holding reply
     *   was already counted, and re-judging it would hand off the very customer who is being answered.</li>
     * </ul>
     * For a general question, a tool result from the business's live data (catalog, availability, quote) is full
     * support (a price quote or an availability check is not judged: its intent has its own path). Otherwise the
     * support is the best knowledge hit's blended score (calibrated to be comparable with the tenant's threshold) or
     * an exact catalog match (the customer named an item or alias), or an item the turn asks an attribute of that its
     * catalog entry holds: the item already being discussed ("warnanya apa?" of a car with a colour) or one the
     * customer named closely enough ("kilometernya berapa untuk innova?"); otherwise fuzzy and semantic catalog
     * matches are guesses about which item was meant, not evidence that the question is covered.
     */
    public double confidence() {
        if (handoffRequested() || last.response().needsHuman() || context.forgottenQuestion().isPresent()) {
            return Double.NaN;
        }
        List<Intent> intents = context.intents().intents();
        if (!intents.contains(Intent.GENERAL_QUESTION) || intents.stream().anyMatch(NOT_JUDGED::contains)) {
            return Double.NaN;
        }
        if (toolResults.stream().anyMatch(result -> !result.handoff())) {
            return 1.0;
        }
        double knowledge = context.knowledgeHits().stream().mapToDouble(KnowledgeHit::score).max().orElse(0);
        double named = context.catalogMatches().stream().filter(match -> match.kind() == CatalogMatch.Kind.EXACT
                        || answeredByItsEntry(match, context.customerTurn()))
                .mapToDouble(CatalogMatch::confidence).max().orElse(0);
        return Math.max(0, Math.min(1, Math.max(knowledge, named)));
    }

    /** The catalog entry of {@code match} holds what the turn asks for, and the match is the item in focus or a close one. */
    private static boolean answeredByItsEntry(CatalogMatch match, String customerTurn) {
        boolean meant = match.kind() == CatalogMatch.Kind.IN_FOCUS
                || match.kind() == CatalogMatch.Kind.FUZZY && match.confidence() >= KeyFacts.CLOSE_MATCH;
        return meant && ItemAttributes.asksAbout(customerTurn, match.item());
    }
}
