package dev.waagent.knowledge.internal;

/** Dot products over vectors packed in one float array (cache-friendly scans of thousands of vectors). */
public final class VectorMath {

    private VectorMath() {
    }

    /**
     * Dot product of {@code query} with the vector at {@code offset} in {@code packed}. Eight independent sums let
     * the CPU overlap the additions (the JIT does not vectorise a float reduction: it must keep the order).
     */
    public static float dot(float[] packed, int offset, float[] query) {
        int dimensions = query.length;
        float s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
        int i = 0;
        for (; i + 7 < dimensions; i += 8) {
            int p = offset + i;
            s0 += packed[p] * query[i];
            s1 += packed[p + 1] * query[i + 1];
            s2 += packed[p + 2] * query[i + 2];
            s3 += packed[p + 3] * query[i + 3];
            s4 += packed[p + 4] * query[i + 4];
            s5 += packed[p + 5] * query[i + 5];
            s6 += packed[p + 6] * query[i + 6];
            s7 += packed[p + 7] * query[i + 7];
        }
        for (; i < dimensions; i++) {
            s0 += packed[offset + i] * query[i];
        }
        return ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
    }

    /** Scales {@code vector} in place to unit length (a zero vector stays zero). */
    public static float[] normalise(float[] vector) {
        double sum = 0;
        for (float value : vector) {
            sum += value * value;
        }
        if (sum == 0) {
            return vector;
        }
        float scale = (float) (1.0 / Math.sqrt(sum));
        for (int i = 0; i < vector.length; i++) {
            vector[i] *= scale;
        }
        return vector;
    }
}
