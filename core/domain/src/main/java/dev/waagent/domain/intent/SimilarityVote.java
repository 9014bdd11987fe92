package dev.waagent.domain.intent;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;

/**
 * A similarity stage's view of one message ({@link EmbeddingIntentStage}, {@link LexicalIntentStage}): k-nearest
 * exemplars per intent. An intent's score is the mean similarity of its {@code k} most similar exemplars; the stage
 * has an opinion ({@code confident}) only when the best intent scores at least the stage's minimum and leads the
 * runner-up by its minimum margin.
 */
public record SimilarityVote(Intent top, double score, Intent runnerUp, double margin, boolean confident) {

    /**
     * The vote from each exemplar's similarity to the message.
     *
     * @param similarities per intent, the similarity of each of its exemplars (order irrelevant; sorted here)
     */
    static SimilarityVote of(Map<Intent, double[]> similarities, int neighbours, double minScore, double minMargin) {
        Map<Intent, Double> scores = new EnumMap<>(Intent.class);
        similarities.forEach((intent, values) -> scores.put(intent, meanOfBest(values, neighbours)));
        Intent top = null;
        Intent second = null;
        for (Map.Entry<Intent, Double> entry : scores.entrySet()) {
            if (top == null || entry.getValue() > scores.get(top)) {
                second = top;
                top = entry.getKey();
            } else if (second == null || entry.getValue() > scores.get(second)) {
                second = entry.getKey();
            }
        }
        double best = scores.get(top);
        double margin = second == null ? best : best - scores.get(second);
        return new SimilarityVote(top, best, second, margin, best >= minScore && margin >= minMargin);
    }

    private static double meanOfBest(double[] values, int k) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int take = Math.min(k, sorted.length);
        double sum = 0;
        for (int i = sorted.length - take; i < sorted.length; i++) {
            sum += sorted[i];
        }
        return take == 0 ? 0 : sum / take;
    }
}
