package dev.waagent.domain.intent;

import dev.waagent.domain.knowledge.Embedder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The second stage of intent routing: k-nearest exemplars per intent. A message's score for an intent is the mean
 * cosine similarity of its {@code k} most similar exemplars of that intent; the stage has an opinion only when the
 * best intent scores at least {@code minSimilarity} and leads the runner-up by {@code minMargin}.
 * <p>
 * The exemplars are embedded once, on first use or at {@link #prime()}, with the process's one embedder (vectors of
 * different models are never compared). An embedding failure is no opinion: routing never fails a turn.
 */
public final class EmbeddingIntentStage {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddingIntentStage.class);

    /**
     * The stage's view of one message.
     *
     * @param confident the best intent clears both thresholds
     */
    public record Vote(Intent top, double score, Intent runnerUp, double margin, boolean confident) {
    }

    private final Embedder embedder;
    private final List<IntentExemplars.Exemplar> exemplars;
    private final IntentSettings settings;
    private volatile Map<Intent, List<float[]>> vectors;
    /** The exemplars' mean vector, taken off every vector before comparing; see {@link #centred}. */
    private volatile float[] mean;

    public EmbeddingIntentStage(Embedder embedder, List<IntentExemplars.Exemplar> exemplars, IntentSettings settings) {
        if (exemplars.isEmpty()) {
            throw new IllegalArgumentException("the embedding stage needs exemplars");
        }
        this.embedder = embedder;
        this.exemplars = List.copyOf(exemplars);
        this.settings = settings;
    }

    /** Embeds the exemplars now (the init phase of a function) instead of on the first turn. */
    public void prime() {
        exemplarVectors();
    }

    /** The vote on {@code text}; empty when the text is blank or the embedder failed. */
    public Optional<Vote> vote(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            Map<Intent, List<float[]>> byIntent = exemplarVectors();
            float[] query = centred(embedder.embed(text.strip()), mean);
            Map<Intent, Double> scores = new EnumMap<>(Intent.class);
            byIntent.forEach((intent, list) -> scores.put(intent, meanOfBest(query, list, settings.neighbours())));
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
            boolean confident = best >= settings.minSimilarity() && margin >= settings.minMargin();
            return Optional.of(new Vote(top, best, second, margin, confident));
        } catch (RuntimeException e) {
            LOG.warn("intent embedding unavailable, rules only for this turn: {}", e.toString());
            return Optional.empty();
        }
    }

    private Map<Intent, List<float[]>> exemplarVectors() {
        Map<Intent, List<float[]>> loaded = vectors;
        if (loaded == null) {
            synchronized (this) {
                loaded = vectors;
                if (loaded == null) {
                    long started = System.nanoTime();
                    List<float[]> embedded = embedder.embedAll(exemplars.stream().map(IntentExemplars.Exemplar::text).toList());
                    float[] centre = new float[embedded.get(0).length];
                    for (float[] vector : embedded) {
                        for (int d = 0; d < centre.length; d++) {
                            centre[d] += vector[d] / embedded.size();
                        }
                    }
                    Map<Intent, List<float[]>> byIntent = new EnumMap<>(Intent.class);
                    for (int i = 0; i < exemplars.size(); i++) {
                        byIntent.computeIfAbsent(exemplars.get(i).intent(), intent -> new ArrayList<>())
                                .add(centred(embedded.get(i), centre));
                    }
                    mean = centre;
                    LOG.info("{} intent exemplars embedded with {} in {} ms", exemplars.size(), embedder.modelName(),
                            (System.nanoTime() - started) / 1_000_000);
                    vectors = loaded = byIntent;
                }
            }
        }
        return loaded;
    }

    private static double meanOfBest(float[] query, List<float[]> candidates, int k) {
        double[] similarities = new double[candidates.size()];
        for (int i = 0; i < similarities.length; i++) {
            similarities[i] = dot(query, candidates.get(i));
        }
        Arrays.sort(similarities);
        int take = Math.min(k, similarities.length);
        double sum = 0;
        for (int i = similarities.length - take; i < similarities.length; i++) {
            sum += similarities[i];
        }
        return sum / take;
    }

    /**
     * {@code vector} minus the exemplars' mean, back to unit length. Sentence models put every short chat message in
     * one narrow cone (any two score 0.6–0.8 with bge-small); taking the common direction off leaves what tells the
     * intents apart.
     */
    private static float[] centred(float[] vector, float[] centre) {
        float[] shifted = new float[vector.length];
        double norm = 0;
        for (int d = 0; d < vector.length; d++) {
            shifted[d] = vector[d] - (d < centre.length ? centre[d] : 0);
            norm += shifted[d] * shifted[d];
        }
        double length = Math.sqrt(norm);
        if (length > 0) {
            for (int d = 0; d < shifted.length; d++) {
                shifted[d] /= (float) length;
            }
        }
        return shifted;
    }

    /** Cosine similarity of unit vectors. */
    private static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < Math.min(a.length, b.length); i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }
}
