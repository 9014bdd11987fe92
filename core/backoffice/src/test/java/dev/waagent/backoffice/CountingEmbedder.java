package dev.waagent.backoffice;

import dev.waagent.domain.knowledge.Embedder;
import dev.waagent.domain.knowledge.EmbeddingException;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** A fast stand-in for the sentence model (the back office only stores what it returns). */
@Singleton
@Requires(env = "backoffice-test")
public class CountingEmbedder implements Embedder {

    final AtomicInteger texts = new AtomicInteger();
    volatile boolean failing;

    @Override
    public String modelName() {
        return "test-model";
    }

    @Override
    public int dimensions() {
        return 4;
    }

    @Override
    public float[] embed(String text) {
        if (failing) {
            throw new EmbeddingException("embedder down");
        }
        texts.incrementAndGet();
        int h = text.hashCode();
        float[] v = {1, (h & 0xff) / 255f, ((h >> 8) & 0xff) / 255f, ((h >> 16) & 0xff) / 255f};
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        for (int i = 0; i < v.length; i++) {
            v[i] /= (float) Math.sqrt(norm);
        }
        return v;
    }

    @Override
    public List<float[]> embedAll(List<String> all) {
        return all.stream().map(this::embed).toList();
    }
}
