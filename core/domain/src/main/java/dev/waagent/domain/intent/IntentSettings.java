package dev.waagent.domain.intent;

import java.time.Duration;

/**
 * How the later stages of {@link IntentRouter} decide.
 *
 * @param neighbours    exemplars per intent averaged into its score (k of k-NN)
 * @param minSimilarity the best intent's score below which the embedding stage has no opinion
 * @param minMargin     how far the best intent must lead the runner-up for the embedding stage to have an opinion
 * @param lexicalNeighbours    k of the lexical stage ({@link LexicalIntentStage}: character n-grams, no model)
 * @param lexicalMinSimilarity the lexical stage's minimum best score for an opinion
 * @param lexicalMinMargin     the lexical stage's minimum lead over the runner-up for an opinion
 * @param embeddingCooldown    after an embedder failure, how long the embedding stage sits out (the lexical stage and
 *                             the rules carry on), so a remote embedder that is down is not retried on every turn
 * @param llmEnabled    ask the model about ambiguous turns at all
 * @param llmDeadline   the longest the model may take for a classification (the turn's own deadline may cut it)
 * @param llmMaxTokens  completion budget of a classification: a short JSON list
 */
public record IntentSettings(int neighbours, double minSimilarity, double minMargin, int lexicalNeighbours,
                             double lexicalMinSimilarity, double lexicalMinMargin, Duration embeddingCooldown,
                             boolean llmEnabled, Duration llmDeadline, int llmMaxTokens) {

    public IntentSettings {
        if (neighbours < 1 || lexicalNeighbours < 1) {
            throw new IllegalArgumentException("neighbours must be at least 1");
        }
        if (embeddingCooldown == null || embeddingCooldown.isNegative()) {
            throw new IllegalArgumentException("the embedding cool-down must be zero or more");
        }
    }

    /**
     * The lexical stage's k and thresholds, by leave-one-out over the exemplars (LexicalIntentStageTest): k = 2 has the
     * best top-1 of 1, 2, 3 and 5; at a 0.10 lead its confident votes are 93 % right on about half the exemplars.
     * A 0.06 lead covers more at 90 %, but then item words ("lights" in price exemplars) make it contradict clear rule
     * hits ("do you rent lights") and send more turns to the LLM.
     */
    public static final int LEXICAL_NEIGHBOURS = 2;
    public static final double LEXICAL_MIN_SIMILARITY = 0.15;
    public static final double LEXICAL_MIN_MARGIN = 0.10;

    /**
     * Thresholds chosen by leave-one-out over the exemplars (embedding ones with the default in-process model,
     * bge-small-en-v1.5), never on a test set; see IntentRoutingFiguresTest in core/knowledge.
     */
    public static IntentSettings defaults() {
        return new IntentSettings(5, 0.20, 0.09, LEXICAL_NEIGHBOURS, LEXICAL_MIN_SIMILARITY, LEXICAL_MIN_MARGIN,
                Duration.ofSeconds(60), true, Duration.ofMillis(2500), 40);
    }
}
