package dev.waagent.domain.context;

import dev.waagent.domain.catalog.CatalogLookup;
import dev.waagent.domain.catalog.CatalogMatch;
import dev.waagent.domain.intent.Intent;
import dev.waagent.domain.intent.IntentRouter;
import dev.waagent.domain.knowledge.AgentConfiguration;
import dev.waagent.domain.knowledge.AgentConfigurations;
import dev.waagent.domain.knowledge.KnowledgeBase;
import dev.waagent.domain.knowledge.KnowledgeHit;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the last resort says without a model: catalog prices for the items the customer names (quoted, never
 * invented) and the best knowledge entry when its score clears the tenant's confidence threshold. Empty when
 * neither is confident, so the caller holds honestly instead.
 */
public final class GroundedAnswers {

    private static final Pattern DAYS = Pattern.compile("(\\d{1,2})\\s*(?:days?|din|hari)", Pattern.CASE_INSENSITIVE);
    /** "three days", "teen din", "tiga hari": each language's number words only before its own word for days. */
    private static final Pattern DAY_WORDS = Pattern.compile("\\b(?:(one|two|three|four|five|six|seven|eight|nine|ten)\\s+days?"
            + "|(ek|do|teen|char|chaar|paanch|panch|chhe|che|saat|aath|nau|das)\\s+din"
            + "|(satu|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan|sepuluh)\\s+hari)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern WEEK = Pattern.compile("\\b(?:(?:a|one|1)\\s+week|(?:ek|1)\\s+(?:hafta|hafte)|seminggu|satu minggu|1 minggu)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final List<List<String>> NUMBER_WORDS = List.of(
            List.of("one", "ek", "satu"), List.of("two", "do", "dua"), List.of("three", "teen", "tiga"),
            List.of("four", "char", "chaar", "empat"), List.of("five", "paanch", "panch", "lima"),
            List.of("six", "chhe", "che", "enam"), List.of("seven", "saat", "tujuh"), List.of("eight", "aath", "delapan"),
            List.of("nine", "nau", "sembilan"), List.of("ten", "das", "sepuluh"));
    private static final double CATALOG_CONFIDENCE = 0.75;

    private final KnowledgeBase knowledge;
    private final CatalogLookup catalog;
    private final AgentConfigurations configurations;
    private final IntentRouter intentRouter;

    /** @param intentRouter asked without its LLM stage: this is the answer for when the models failed */
    public GroundedAnswers(KnowledgeBase knowledge, CatalogLookup catalog, AgentConfigurations configurations,
                           IntentRouter intentRouter) {
        this.intentRouter = intentRouter;
        this.knowledge = knowledge;
        this.catalog = catalog;
        this.configurations = configurations;
    }

    public Optional<String> answer(String tenantId, String customerText, Locale language) {
        if (customerText == null || customerText.isBlank()) {
            return Optional.empty();
        }
        List<String> parts = new ArrayList<>();
        List<Intent> intents = intentRouter.resolveWithoutModel(customerText).intents();
        boolean asksPrice = intents.contains(Intent.PRICING) || intents.contains(Intent.AVAILABILITY)
                || intents.contains(Intent.BOOKING);
        if (asksPrice) {
            int days = days(customerText);
            for (CatalogMatch match : catalog.match(tenantId, customerText, 2)) {
                if (match.kind() == CatalogMatch.Kind.SEMANTIC || match.confidence() < CATALOG_CONFIDENCE
                        || match.item().price() == null) {
                    continue;
                }
                parts.add(ComposerPhrases.quote(language, match.item(), days));
            }
        }
        double threshold = configurations.forTenant(tenantId).map(AgentConfiguration::confidenceThreshold).orElse(AgentConfiguration.DEFAULT_CONFIDENCE_THRESHOLD);
        List<KnowledgeHit> hits = knowledge.search(tenantId, customerText, 1);
        if (!hits.isEmpty() && hits.get(0).score() >= threshold) {
            parts.add(hits.get(0).entry().content().strip());
        }
        return parts.isEmpty() ? Optional.empty() : Optional.of(String.join("\n", parts));
    }

    /**
     * The rental length a customer asks about ("for 3 days", "2 din", "3 hari", "three days", "teen din", "tiga hari",
     * "a week", "seminggu"); 1 when none is given.
     */
    public static int days(String text) {
        Matcher matcher = DAYS.matcher(text);
        if (matcher.find()) {
            return Integer.parseInt(matcher.group(1));
        }
        Matcher words = DAY_WORDS.matcher(text);
        if (words.find()) {
            String word = (words.group(1) != null ? words.group(1) : words.group(2) != null ? words.group(2) : words.group(3))
                    .toLowerCase(Locale.ROOT);
            for (int i = 0; i < NUMBER_WORDS.size(); i++) {
                if (NUMBER_WORDS.get(i).contains(word)) {
                    return i + 1;
                }
            }
        }
        return WEEK.matcher(text).find() ? 7 : 1;
    }
}
