package dev.waagent.domain.intent;

import java.time.Duration;

/**
 * How the later stages of {@link IntentRouter} decide.
 *
 * @param neighbours    exemplars per intent averaged into its score (k of k-NN)
 * @param minSimilarity the best intent's score below which the embedding stage has no opinion
 * @param minMargin     how far the best intent must lead the runner-up for the embedding stage to have an opinion
 * @param llmEnabled    ask the model about ambiguous turns at all
 * @param llmDeadline   the longest the model may take for a classification (the turn's own deadline may cut it)
 * @param llmMaxTokens  completion budget of a classification: a short JSON list
 */
public record IntentSettings(int neighbours, double minSimilarity, double minMargin, boolean llmEnabled,
                             Duration llmDeadline, int llmMaxTokens) {

    public IntentSettings {
        if (neighbours < 1) {
            throw new IllegalArgumentException("neighbours must be at least 1");
        }
    }

    /**
     * Thresholds chosen by leave-one-out over the exemplars with the default in-process model (bge-small-en-v1.5),
     * never on the labelled test set; see IntentRoutingFiguresTest in core/knowledge.
     */
    public static IntentSettings defaults() {
        return new IntentSettings(5, 0.20, 0.09, true, Duration.ofMillis(2500), 40);
    }
}
