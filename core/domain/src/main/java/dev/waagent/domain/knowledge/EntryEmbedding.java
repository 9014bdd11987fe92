package dev.waagent.domain.knowledge;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The vectors of one knowledge entry, all made by one model: the first for title and content, then one per
 * example question ({@link KnowledgeEntry#embeddingTexts()} says which texts, in which order).
 * <p>
 * Stored as a plain binary column (little-endian float32, vector after vector): no pgvector, similarity is
 * computed in the application's per-tenant index.
 */
public record EntryEmbedding(String model, int dimensions, List<float[]> vectors) {

    public EntryEmbedding {
        Objects.requireNonNull(model, "model");
        if (dimensions <= 0) {
            throw new IllegalArgumentException("dimensions must be positive");
        }
        vectors = List.copyOf(vectors);
        for (float[] vector : vectors) {
            if (vector.length != dimensions) {
                throw new IllegalArgumentException("vector of " + vector.length + " floats, expected " + dimensions);
            }
        }
    }

    public byte[] toBytes() {
        ByteBuffer buffer = ByteBuffer.allocate(vectors.size() * dimensions * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (float[] vector : vectors) {
            for (float value : vector) {
                buffer.putFloat(value);
            }
        }
        return buffer.array();
    }

    public static EntryEmbedding fromBytes(String model, int dimensions, byte[] bytes) {
        if (bytes.length % (dimensions * Float.BYTES) != 0) {
            throw new IllegalArgumentException("embedding of " + bytes.length + " bytes is not a whole number of "
                    + dimensions + "-float vectors");
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        List<float[]> vectors = new ArrayList<>();
        while (buffer.hasRemaining()) {
            float[] vector = new float[dimensions];
            for (int i = 0; i < dimensions; i++) {
                vector[i] = buffer.getFloat();
            }
            vectors.add(vector);
        }
        return new EntryEmbedding(model, dimensions, vectors);
    }

    /** True when these vectors were made by {@code embedderModel} for exactly {@code expectedVectors} texts. */
    public boolean fits(String embedderModel, int expectedVectors) {
        return model.equals(embedderModel) && vectors.size() == expectedVectors;
    }
}
