package dev.waagent.knowledge.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the closest known word to a misspelt one without comparing against every word: each word is indexed
 * under its single-character deletions (the symmetric-delete idea), so a lookup generates the query's own
 * deletions and checks only the few words that share one. Finds every word within distance 1 and most within 2.
 */
public final class FuzzyVocabulary {

    /** Shorter words have too many neighbours for a correction to mean anything. */
    public static final int MIN_LENGTH = 4;
    private static final int MAX_LENGTH = 24;

    private final Map<String, Integer> frequency;
    private final Map<String, List<String>> byDeletion = new HashMap<>();

    public FuzzyVocabulary(Map<String, Integer> frequency) {
        this.frequency = Map.copyOf(frequency);
        for (String word : this.frequency.keySet()) {
            if (word.length() < MIN_LENGTH || word.length() > MAX_LENGTH) {
                continue;
            }
            byDeletion.computeIfAbsent(word, w -> new ArrayList<>(1)).add(word);
            for (String deletion : deletions(word)) {
                byDeletion.computeIfAbsent(deletion, w -> new ArrayList<>(1)).add(word);
            }
        }
    }

    public boolean contains(String word) {
        return frequency.containsKey(word);
    }

    public int size() {
        return frequency.size();
    }

    /**
     * The known word closest to {@code word} within {@code maxDistance} (ties go to the more frequent word), or empty
     * when {@code word} is itself known, too short, or has no neighbour.
     */
    public Optional<Suggestion> closest(String word, int maxDistance) {
        if (word.length() < MIN_LENGTH || word.length() > MAX_LENGTH || frequency.containsKey(word)) {
            return Optional.empty();
        }
        Set<String> candidates = new HashSet<>();
        List<String> direct = byDeletion.get(word);
        if (direct != null) {
            candidates.addAll(direct);
        }
        for (String deletion : deletions(word)) {
            List<String> found = byDeletion.get(deletion);
            if (found != null) {
                candidates.addAll(found);
            }
        }
        String best = null;
        int bestDistance = maxDistance + 1;
        int bestFrequency = -1;
        int tied = 0;
        for (String candidate : candidates) {
            int distance = EditDistance.bounded(word, candidate, maxDistance);
            if (distance > maxDistance) {
                continue;
            }
            int seen = frequency.getOrDefault(candidate, 0);
            if (distance < bestDistance || (distance == bestDistance && seen > bestFrequency)) {
                tied = distance < bestDistance ? 0 : tied + 1;
                best = candidate;
                bestDistance = distance;
                bestFrequency = seen;
            } else if (distance == bestDistance) {
                tied++;
            }
        }
        return best == null ? Optional.empty() : Optional.of(new Suggestion(best, bestDistance, tied > 0));
    }

    /** @param ambiguous another word was just as close */
    public record Suggestion(String word, int distance, boolean ambiguous) {
    }

    private static List<String> deletions(String word) {
        List<String> out = new ArrayList<>(word.length());
        for (int i = 0; i < word.length(); i++) {
            out.add(word.substring(0, i) + word.substring(i + 1));
        }
        return out;
    }
}
