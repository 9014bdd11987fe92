package dev.waagent.domain.context;

import dev.waagent.domain.catalog.CatalogMatch;
import dev.waagent.domain.conversation.StoredMessage;
import dev.waagent.domain.intent.IntentResolution;
import dev.waagent.domain.knowledge.KnowledgeHit;
import dev.waagent.domain.llm.LlmRequest;
import dev.waagent.domain.tools.FollowUpRequest;
import dev.waagent.domain.tools.QuotedPrice;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The prompt of one turn and what went into it.
 *
 * @param customerTurn     every unanswered customer message, joined
 * @param catalogPrices    prices of the catalog matches offered in the prompt (a reply may name them)
 * @param statedAmounts    amounts the business states in its facts or the knowledge entries offered (a reply may repeat them)
 * @param forgottenQuestion the earlier question the customer says we forgot, when they say so
 * @param returningTopic   the previous topic of a customer back after context expiry
 * @param keyFacts         the conversation's key facts after this turn's were merged in
 * @param intents          what the customer asks, in order, and which routing stage decided it
 */
public record TurnContext(LlmRequest request, ContextReport report, Locale language, String customerTurn,
                          List<KnowledgeHit> knowledgeHits, List<CatalogMatch> catalogMatches,
                          List<QuotedPrice> catalogPrices, List<BigDecimal> statedAmounts,
                          Optional<StoredMessage> forgottenQuestion,
                          Optional<String> returningTopic, List<String> keyFacts, boolean keyFactsChanged,
                          double confidenceThreshold, IntentResolution intents,
                          List<FollowUpRequest> openRequests) {

    public TurnContext {
        knowledgeHits = List.copyOf(knowledgeHits);
        catalogMatches = List.copyOf(catalogMatches);
        catalogPrices = List.copyOf(catalogPrices);
        statedAmounts = List.copyOf(statedAmounts);
        keyFacts = List.copyOf(keyFacts);
        openRequests = openRequests == null ? List.of() : List.copyOf(openRequests);
    }
}
