package dev.waagent.domain.intent;

import dev.waagent.domain.tenant.Tenant;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A customer turn's intents, in order, by rules, then similarity to the exemplar messages, then the LLM for what is
 * left ambiguous (issue 5). One per process; thread-safe.
 * <ol>
 *   <li>Rules ({@link IntentClassifier}) decide when they match and the similarity stages do not contradict them.</li>
 *   <li>Two similarity stages vote where the rules found nothing (no rule hit, or only a greeting followed by words no
 *   rule explains): sentence embeddings ({@link EmbeddingIntentStage}, English-only in process) and character
 *   n-grams ({@link LexicalIntentStage}, any language, no model). A stage that is confident decides unless the other
 *   is confident of something else; both confident and disagreeing is ambiguous.</li>
 *   <li>The LLM ({@link LlmIntentStage}) is asked when neither settles it: no rule hit and no clear similarity answer
 *   for what the rules left unexplained (unless the best guesses are the rules' default, a general question), or a
 *   confident similarity answer that contradicts a rule hit. A turn of several messages (a burst) is judged message by
 *   message, so a burst goes to the LLM only when one of its messages is ambiguous. When the LLM gives no usable
 *   answer in time, the rules (or, where they found nothing, the similarity stages' answer) stand.</li>
 * </ol>
 * Which stage decided each customer turn goes to the {@link IntentObserver} (a metric per stage).
 */
public final class IntentRouter {

    private final EmbeddingIntentStage embeddings;
    private final LexicalIntentStage lexical;
    private final LlmIntentStage model;
    private final IntentObserver observer;

    /**
     * @param embeddings the sentence-embedding stage; null for none
     * @param lexical    the character n-gram stage; null for none
     * @param model      the LLM stage; null to settle ambiguous turns without a model
     * @param observer   told which stage decided each {@link #resolve} (not {@link #resolveWithoutModel})
     */
    public IntentRouter(EmbeddingIntentStage embeddings, LexicalIntentStage lexical, LlmIntentStage model,
                        IntentObserver observer) {
        this.embeddings = embeddings;
        this.lexical = lexical;
        this.model = model;
        this.observer = observer == null ? IntentObserver.NONE : observer;
    }

    /** The rules alone: what every turn got before the other stages existed. */
    public static IntentRouter rulesOnly() {
        return new IntentRouter(null, null, null, IntentObserver.NONE);
    }

    /** Embeds the exemplars now rather than on the first turn. */
    public void prime() {
        if (embeddings != null) {
            embeddings.prime();
        }
    }

    /** All stages; the LLM stage may take up to {@code budget} (and never more than its own deadline). */
    public IntentResolution resolve(Tenant tenant, String text, Duration budget) {
        IntentResolution resolution = resolveWithoutModel(text);
        if (resolution.ambiguous() && model != null && tenant != null) {
            Optional<List<Intent>> asked = model.classify(tenant, text, budget);
            if (asked.isPresent()) {
                resolution = new IntentResolution(asked.get(), IntentStage.LLM, true);
            }
        }
        if (tenant != null) {
            observer.resolved(tenant.id(), resolution);
        }
        return resolution;
    }

    /** Rules and similarity only: for paths that must not call a model (the chain's last resort). */
    public IntentResolution resolveWithoutModel(String text) {
        IntentClassifier.RuleMatch whole = IntentClassifier.match(text);
        if (text == null || text.isBlank()) {
            return new IntentResolution(whole.intents(), IntentStage.RULES, false);
        }
        // Without a similarity stage, what no rule explains is left to the model.
        IntentResolution rulesAlone = new IntentResolution(whole.intents(), IntentStage.RULES, whole.defaulted());
        if (embeddings == null && lexical == null) {
            return rulesAlone;
        }
        List<String> messages = text.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
        if (messages.size() <= 1) {
            Judged judged = judge(text.strip(), whole);
            return judged == null ? rulesAlone : new IntentResolution(judged.intents(), judged.stage(), judged.ambiguous());
        }
        List<Intent> composed = new ArrayList<>();
        IntentStage decidedBy = IntentStage.RULES;
        boolean ambiguous = false;
        for (String message : messages) {
            Judged judged = judge(message, IntentClassifier.match(message));
            if (judged == null) {
                return rulesAlone; // no similarity stage could vote: no point asking about the other messages
            }
            judged.intents().stream().filter(intent -> !composed.contains(intent)).forEach(composed::add);
            if (decidedBy == IntentStage.RULES) {
                decidedBy = judged.stage();
            }
            ambiguous |= judged.ambiguous();
        }
        if (decidedBy == IntentStage.RULES) {
            // The rules on the whole burst, as they read it (a status question cancels a booking word elsewhere) —
            // unless their only general question is the default for words after a greeting that, line by line, the
            // rules did explain ("hi" / "thank you").
            boolean defaultOnlyAcrossLines = whole.defaulted() && !composed.contains(Intent.GENERAL_QUESTION);
            return new IntentResolution(defaultOnlyAcrossLines ? composed : whole.intents(), IntentStage.RULES, ambiguous);
        }
        // What the rules cancel across the burst stays cancelled ("book the fx3 for saturday / is it confirmed?" asks
        // about a booking, it makes none).
        if (whole.intents().contains(Intent.ORDER_STATUS)) {
            composed.removeIf(intent -> (intent == Intent.BOOKING || intent == Intent.AVAILABILITY)
                    && !whole.intents().contains(intent));
        }
        if (whole.intents().contains(Intent.OUT_OF_SCOPE)) {
            composed.removeIf(intent -> (intent == Intent.AVAILABILITY || intent == Intent.PRICING)
                    && !whole.intents().contains(intent));
        }
        return new IntentResolution(composed.isEmpty() ? whole.intents() : composed, decidedBy, ambiguous);
    }

    /** One message's intents after the similarity stages had their say. */
    private record Judged(List<Intent> intents, IntentStage stage, boolean ambiguous) {
    }

    /**
     * What the similarity stages make of a message: a decided intent (and the stage that decided), or none, with
     * whether they disagree confidently and whether any best guess is something other than a general question.
     */
    private record Opinion(Intent intent, IntentStage stage, boolean conflict, boolean guessesBeyondDefault,
                           List<Intent> confidentTops) {

        boolean decided() {
            return intent != null;
        }

        /** A confident stage names an intent the rules did not find, and no confident stage backs the rules. */
        boolean contradicts(List<Intent> rules) {
            return !confidentTops.isEmpty() && confidentTops.stream().noneMatch(rules::contains);
        }
    }

    /** Null when no similarity stage could vote (the embedder failed or is cooling down and there is no lexical stage). */
    private Judged judge(String message, IntentClassifier.RuleMatch rules) {
        Optional<SimilarityVote> byEmbedding = embeddings == null ? Optional.empty() : embeddings.vote(message);
        Optional<SimilarityVote> byLexical = lexical == null ? Optional.empty() : lexical.vote(message);
        if (byEmbedding.isEmpty() && byLexical.isEmpty()) {
            return embeddings == null && lexical != null
                    // The lexical stage had nothing to read (no word of three letters): the rules stand, as without it.
                    ? new Judged(rules.intents(), IntentStage.RULES, rules.defaulted())
                    : null;
        }
        Opinion opinion = opinion(byEmbedding, byLexical);
        if (rules.nothingMatched()) {
            if (opinion.decided()) {
                return new Judged(List.of(opinion.intent()), opinion.stage(), false);
            }
            // The rules' default and the best guesses agree: a general question, nothing to ask about.
            return new Judged(List.of(Intent.GENERAL_QUESTION), IntentStage.RULES,
                    opinion.conflict() || opinion.guessesBeyondDefault());
        }
        if (rules.defaulted()) {
            // A greeting followed by words no rule explains ("thank you so much", "hi, what documents…").
            if (!opinion.decided()) {
                return new Judged(rules.intents(), IntentStage.RULES, opinion.conflict() || opinion.guessesBeyondDefault());
            }
            if (opinion.intent() == Intent.GREETING) {
                return new Judged(List.of(Intent.GREETING), opinion.stage(), false);
            }
            return new Judged(List.of(Intent.GREETING, opinion.intent()), opinion.stage(), false);
        }
        return new Judged(rules.intents(), IntentStage.RULES, opinion.contradicts(rules.intents()));
    }

    private static Opinion opinion(Optional<SimilarityVote> byEmbedding, Optional<SimilarityVote> byLexical) {
        SimilarityVote embedding = byEmbedding.orElse(null);
        SimilarityVote lexical = byLexical.orElse(null);
        boolean embeddingSure = embedding != null && embedding.confident();
        boolean lexicalSure = lexical != null && lexical.confident();
        boolean beyondDefault = embedding != null && embedding.top() != Intent.GENERAL_QUESTION
                || lexical != null && lexical.top() != Intent.GENERAL_QUESTION;
        List<Intent> tops = new ArrayList<>();
        if (embeddingSure) {
            tops.add(embedding.top());
        }
        if (lexicalSure && !tops.contains(lexical.top())) {
            tops.add(lexical.top());
        }
        if (tops.size() > 1) {
            return new Opinion(null, null, true, beyondDefault, tops);
        }
        if (embeddingSure) {
            return new Opinion(embedding.top(), IntentStage.EMBEDDING, false, beyondDefault, tops);
        }
        if (lexicalSure) {
            return new Opinion(lexical.top(), IntentStage.LEXICAL, false, beyondDefault, tops);
        }
        return new Opinion(null, null, false, beyondDefault, tops);
    }
}
