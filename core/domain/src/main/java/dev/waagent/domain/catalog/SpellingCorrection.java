package dev.waagent.domain.catalog;

import java.util.List;

/**
 * A customer's text with words corrected against the tenant's own vocabulary (catalog names and aliases,
 * knowledge titles and keywords).
 *
 * @param confidence the weakest correction's confidence (1 when nothing was changed)
 */
public record SpellingCorrection(String original, String corrected, double confidence, List<Correction> corrections) {

    public SpellingCorrection {
        corrections = corrections == null ? List.of() : List.copyOf(corrections);
    }

    /** One changed word (or run of words, "fx 3" → "fx3"). */
    public record Correction(String from, String to, double confidence) {
    }

    public boolean changed() {
        return !corrections.isEmpty();
    }

    public static SpellingCorrection unchanged(String text) {
        return new SpellingCorrection(text, text, 1.0, List.of());
    }
}
