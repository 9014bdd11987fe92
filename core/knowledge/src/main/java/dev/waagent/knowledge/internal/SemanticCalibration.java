package dev.waagent.knowledge.internal;

import java.util.Locale;

/**
 * Maps a model's raw cosine similarity to [0, 1]: every model has its own range (unrelated sentences score about
 * 0.45 with BGE-small, about 0.1 with MiniLM), and the blended score must mean the same whatever model a tenant
 * uses, because it is compared with the tenant's confidence threshold.
 *
 * @param floor   cosine at or below which texts are unrelated (→ 0)
 * @param ceiling cosine at or above which texts say the same thing (→ 1)
 */
public record SemanticCalibration(double floor, double ceiling) {

    public SemanticCalibration {
        if (!(ceiling > floor)) {
            throw new IllegalArgumentException("semantic ceiling must be above the floor");
        }
    }

    /** Measured ranges of the models we ship or document; anything else gets a conservative generic range. */
    public static SemanticCalibration forModel(String model) {
        String name = model == null ? "" : model.toLowerCase(Locale.ROOT);
        if (name.contains("bge-small")) {
            return new SemanticCalibration(0.50, 0.90);
        }
        if (name.contains("minilm")) {
            return new SemanticCalibration(0.20, 0.85);
        }
        if (name.contains("text-embedding-3")) {
            return new SemanticCalibration(0.20, 0.75);
        }
        return new SemanticCalibration(0.30, 0.85);
    }

    public float calibrate(float cosine) {
        double scaled = (cosine - floor) / (ceiling - floor);
        return (float) Math.max(0, Math.min(1, scaled));
    }
}
