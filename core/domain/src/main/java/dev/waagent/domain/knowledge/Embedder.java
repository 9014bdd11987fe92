package dev.waagent.domain.knowledge;

import java.util.List;

/**
 * Turns text into a unit-length vector (so a dot product is the cosine similarity). Thread-safe.
 */
public interface Embedder {

    /** Stored with every vector: vectors from different models are never compared. */
    String modelName();

    int dimensions();

    float[] embed(String text);

    /** One vector per text, in order; implementations batch where the model allows. */
    List<float[]> embedAll(List<String> texts);
}
