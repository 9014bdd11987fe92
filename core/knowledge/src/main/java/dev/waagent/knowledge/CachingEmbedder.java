package dev.waagent.knowledge;

import dev.waagent.domain.knowledge.Embedder;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Remembers the vectors of recent single texts (queries): a turn searches the knowledge base and the catalog with
 * the same customer text, and a customer often repeats themselves. Batches ({@link #embedAll}) are not cached.
 */
public final class CachingEmbedder implements Embedder, AutoCloseable {

    private final Embedder delegate;
    private final Map<String, float[]> recent;

    public CachingEmbedder(Embedder delegate, int capacity) {
        this.delegate = delegate;
        this.recent = new LinkedHashMap<>(Math.max(16, capacity), 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
                return size() > capacity;
            }
        };
    }

    public Embedder delegate() {
        return delegate;
    }

    @Override
    public String modelName() {
        return delegate.modelName();
    }

    @Override
    public int dimensions() {
        return delegate.dimensions();
    }

    @Override
    public float[] embed(String text) {
        synchronized (recent) {
            float[] cached = recent.get(text);
            if (cached != null) {
                return cached.clone();
            }
        }
        float[] vector = delegate.embed(text);
        synchronized (recent) {
            recent.put(text, vector.clone());
        }
        return vector;
    }

    @Override
    public List<float[]> embedAll(List<String> texts) {
        return delegate.embedAll(texts);
    }

    /** Closes the delegate when it holds resources (an HTTP client). */
    @Override
    public void close() throws Exception {
        if (delegate instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }
}
