package dev.waagent.domain.intent;

import dev.waagent.domain.TimeSource;
import dev.waagent.domain.knowledge.Embedder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A similarity stage of intent routing: k-nearest exemplars per intent by cosine similarity of sentence embeddings
 * ({@link SimilarityVote}); an opinion only when the best intent scores at least {@code minSimilarity} and leads the
 * runner-up by {@code minMargin}.
 * <p>
 * The exemplars are embedded once, on first use or at {@link #prime()}, with the process's one embedder (vectors of
 * different models are never compared). An embedding failure is no opinion: routing never fails a turn. After a
 * failure the stage sits out for {@code wa.intents.embedding-cooldown}, so a remote embedder that is down costs one
 * timeout, not one per turn.
 */
public final class EmbeddingIntentStage {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddingIntentStage.class);

    private final Embedder embedder;
    private final List<IntentExemplars.Exemplar> exemplars;
    private final IntentSettings settings;
    private final TimeSource time;
    /** Until when the stage sits out after an embedder failure; null when it is not cooling down. */
    private volatile Instant coolingUntil;
    private volatile Map<Intent, List<float[]>> vectors;
    /** The exemplars' mean vector, taken off every vector before comparing; see {@link #centred}. */
    private volatile float[] mean;

    /** With the system clock: for tools and tests that never wait out a cool-down. */
    public EmbeddingIntentStage(Embedder embedder, List<IntentExemplars.Exemplar> exemplars, IntentSettings settings) {
        this(embedder, exemplars, settings, TimeSource.system());
    }

    public EmbeddingIntentStage(Embedder embedder, List<IntentExemplars.Exemplar> exemplars, IntentSettings settings,
                                TimeSource time) {
        if (exemplars.isEmpty()) {
            throw new IllegalArgumentException("the embedding stage needs exemplars");
        }
        this.embedder = embedder;
        this.exemplars = List.copyOf(exemplars);
        this.settings = settings;
        this.time = time;
    }

    /** Embeds the exemplars now (the init phase of a function) instead of on the first turn. */
    public void prime() {
        exemplarVectors();
    }

    /**
     * The vote on {@code text}; empty when the text is blank, the embedder failed, or it failed less than the
     * cool-down ago.
     */
    public Optional<SimilarityVote> vote(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        Instant until = coolingUntil;
        if (until != null) {
            if (time.now().isBefore(until)) {
                return Optional.empty();
            }
            coolingUntil = null;
        }
        try {
            Map<Intent, List<float[]>> byIntent = exemplarVectors();
            float[] query = centred(embedder.embed(text.strip()), mean);
            Map<Intent, double[]> similarities = new EnumMap<>(Intent.class);
            byIntent.forEach((intent, list) -> {
                double[] values = new double[list.size()];
                for (int i = 0; i < values.length; i++) {
                    values[i] = dot(query, list.get(i));
                }
                similarities.put(intent, values);
            });
            return Optional.of(SimilarityVote.of(similarities, settings.neighbours(), settings.minSimilarity(),
                    settings.minMargin()));
        } catch (RuntimeException e) {
            coolingUntil = time.now().plus(settings.embeddingCooldown());
            LOG.warn("intent embedding unavailable, embedding stage off for {} s: {}",
                    settings.embeddingCooldown().toSeconds(), e.toString());
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
