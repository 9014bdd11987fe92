package dev.waagent.domain.intent;

import dev.waagent.domain.tenant.Tenant;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A customer turn's intents, in order, by rules, then embedding similarity, then the LLM for what is left ambiguous
 * (issue 5). One per process; thread-safe.
 * <ol>
 *   <li>Rules ({@link IntentClassifier}) decide when they match and the embedding stage does not contradict them.</li>
 *   <li>Embeddings ({@link EmbeddingIntentStage}) decide where the rules found nothing (no rule hit, or only a
 *   greeting followed by words no rule explains), when the nearest exemplars clearly agree.</li>
 *   <li>The LLM ({@link LlmIntentStage}) is asked when neither settles it: no rule hit and no clear embedding
 *   answer for what the rules left unexplained (unless the embedding's best guess is the rules' default, a
 *   general question), or a confident embedding answer that contradicts a rule hit. A turn of several messages (a burst) is
 *   judged message by message, so a burst goes to the LLM only when one of its messages is ambiguous. When the LLM
 *   gives no usable answer in time, the rules (or, where they found nothing, the embedding's best guess) stand.</li>
 * </ol>
 */
public final class IntentRouter {

    private final EmbeddingIntentStage embeddings;
    private final LlmIntentStage model;

    /**
     * @param embeddings the similarity stage; null for rules only
     * @param model      the LLM stage; null to settle ambiguous turns without a model
     */
    public IntentRouter(EmbeddingIntentStage embeddings, LlmIntentStage model) {
        this.embeddings = embeddings;
        this.model = model;
    }

    /** The rules alone: what every turn got before the other stages existed. */
    public static IntentRouter rulesOnly() {
        return new IntentRouter(null, null);
    }

    /** Embeds the exemplars now rather than on the first turn. */
    public void prime() {
        if (embeddings != null) {
            embeddings.prime();
        }
    }

    /** All stages; the LLM stage may take up to {@code budget} (and never more than its own deadline). */
    public IntentResolution resolve(Tenant tenant, String text, Duration budget) {
        IntentResolution proposal = resolveWithoutModel(text);
        if (proposal.ambiguous() && model != null && tenant != null) {
            Optional<List<Intent>> asked = model.classify(tenant, text, budget);
            if (asked.isPresent()) {
                return new IntentResolution(asked.get(), IntentStage.LLM, true);
            }
        }
        return proposal;
    }

    /** Rules and embeddings only: for paths that must not call a model (the chain's last resort). */
    public IntentResolution resolveWithoutModel(String text) {
        IntentClassifier.RuleMatch whole = IntentClassifier.match(text);
        if (text == null || text.isBlank()) {
            return new IntentResolution(whole.intents(), IntentStage.RULES, false);
        }
        // Without the embedding stage (or when it fails), what no rule explains is left to the model.
        IntentResolution rulesAlone = new IntentResolution(whole.intents(), IntentStage.RULES, whole.defaulted());
        if (embeddings == null) {
            return rulesAlone;
        }
        List<String> messages = text.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
        if (messages.size() <= 1) {
            Judged judged = judge(text.strip(), whole);
            if (judged == null) {
                return rulesAlone;
            }
            return new IntentResolution(judged.intents(), judged.usedEmbedding() ? IntentStage.EMBEDDING : IntentStage.RULES,
                    judged.ambiguous());
        }
        List<Intent> composed = new ArrayList<>();
        boolean usedEmbedding = false;
        boolean ambiguous = false;
        for (String message : messages) {
            Judged judged = judge(message, IntentClassifier.match(message));
            if (judged == null) {
                return rulesAlone; // the embedder failed: no point asking it about the other messages
            }
            judged.intents().stream().filter(intent -> !composed.contains(intent)).forEach(composed::add);
            usedEmbedding |= judged.usedEmbedding();
            ambiguous |= judged.ambiguous();
        }
        if (!usedEmbedding) {
            // The rules on the whole burst, as they read it (a status question cancels a booking word elsewhere) —
            // unless their only general question is the default for words after a greeting that, line by line, the
            // rules did explain ("hi" / "thank you").
            boolean defaultOnlyAcrossLines = whole.defaulted() && !composed.contains(Intent.GENERAL_QUESTION);
            return new IntentResolution(defaultOnlyAcrossLines ? composed : whole.intents(), IntentStage.RULES, ambiguous);
        }
        return new IntentResolution(composed, IntentStage.EMBEDDING, ambiguous);
    }

    /** One message's intents after the embedding stage had its say. */
    private record Judged(List<Intent> intents, boolean usedEmbedding, boolean ambiguous) {
    }

    /** Null when the embedding stage could not vote (its embedder failed). */
    private Judged judge(String message, IntentClassifier.RuleMatch rules) {
        Optional<EmbeddingIntentStage.Vote> voted = embeddings.vote(message);
        if (voted.isEmpty()) {
            return null;
        }
        EmbeddingIntentStage.Vote vote = voted.get();
        if (rules.nothingMatched()) {
            if (vote.confident()) {
                return new Judged(List.of(vote.top()), true, false);
            }
            // The rules' default and the embedding's best guess agree: a general question, nothing to ask about.
            return new Judged(List.of(Intent.GENERAL_QUESTION), false, vote.top() != Intent.GENERAL_QUESTION);
        }
        if (rules.defaulted()) {
            // A greeting followed by words no rule explains ("thank you so much", "hi, what documents…").
            if (!vote.confident()) {
                return new Judged(rules.intents(), false, vote.top() != Intent.GENERAL_QUESTION);
            }
            if (vote.top() == Intent.GREETING) {
                return new Judged(List.of(Intent.GREETING), true, false);
            }
            return new Judged(List.of(Intent.GREETING, vote.top()), true, false);
        }
        boolean contradicted = vote.confident() && !rules.intents().contains(vote.top());
        return new Judged(rules.intents(), false, contradicted);
    }
}
