package dev.waagent.knowledge;

import dev.waagent.domain.knowledge.Embedder;
import dev.waagent.knowledge.internal.TextAnalysis;
import dev.waagent.knowledge.internal.VectorMath;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** A deterministic stand-in for a sentence model: hashed bag of words. Counts calls so tests can see caching. */
public final class HashingEmbedder implements Embedder {

    public static final int DIMENSIONS = 64;

    private final String model;
    public final AtomicInteger texts = new AtomicInteger();

    public HashingEmbedder(String model) {
        this.model = model;
    }

    @Override
    public String modelName() {
        return model;
    }

    @Override
    public int dimensions() {
        return DIMENSIONS;
    }

    @Override
    public float[] embed(String text) {
        texts.incrementAndGet();
        float[] vector = new float[DIMENSIONS];
        for (String term : TextAnalysis.terms(text)) {
            vector[Math.floorMod(term.hashCode(), DIMENSIONS)] += 1;
        }
        vector[0] += 0.01f; // never the zero vector
        return VectorMath.normalise(vector);
    }

    @Override
    public List<float[]> embedAll(List<String> all) {
        return all.stream().map(this::embed).toList();
    }
}
