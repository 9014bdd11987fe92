package dev.waagent.domain.intent;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A similarity stage of intent routing that needs no model: character n-grams (3 to 5 letters, within words) of the
 * message and of each exemplar, weighted by TF-IDF, compared by cosine, k-nearest exemplars per intent
 * ({@link SimilarityVote}). It reads spelling, not meaning, so it works the same for Hinglish and Bahasa as for
 * English (where the in-process sentence model is English only), and it tolerates the inflections and typos of chat
 * ("kecewa"/"mengecewakan", "booking"/"bookin"). Built once from the exemplars; a vote costs a few postings lookups
 * per n-gram (well under a millisecond), so it runs on every turn. Thread-safe (immutable after construction).
 */
public final class LexicalIntentStage {

    private static final int MIN_GRAM = 3;
    private static final int MAX_GRAM = 5;
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{M}\\p{N}']+");

    private final List<Intent> intents;
    private final Map<String, Integer> ids = new HashMap<>();
    /** Per n-gram id: the exemplars holding it and their weight of it. */
    private final List<int[]> postingExemplars = new ArrayList<>();
    private final List<float[]> postingWeights = new ArrayList<>();
    private final double[] idf;
    private final double unseenIdf;
    private final int neighbours;
    private final double minSimilarity;
    private final double minMargin;

    public LexicalIntentStage(List<IntentExemplars.Exemplar> exemplars, IntentSettings settings) {
        if (exemplars.isEmpty()) {
            throw new IllegalArgumentException("the lexical stage needs exemplars");
        }
        this.neighbours = settings.lexicalNeighbours();
        this.minSimilarity = settings.lexicalMinSimilarity();
        this.minMargin = settings.lexicalMinMargin();
        this.intents = exemplars.stream().map(IntentExemplars.Exemplar::intent).toList();
        List<Map<String, Integer>> counts = exemplars.stream().map(exemplar -> grams(exemplar.text())).toList();
        Map<String, Integer> documentFrequency = new HashMap<>();
        counts.forEach(grams -> grams.keySet().forEach(gram -> documentFrequency.merge(gram, 1, Integer::sum)));
        int n = exemplars.size();
        this.unseenIdf = Math.log((1.0 + n) / 1.0) + 1;
        this.idf = new double[documentFrequency.size()];
        documentFrequency.forEach((gram, df) -> {
            int id = ids.size();
            ids.put(gram, id);
            idf[id] = Math.log((1.0 + n) / (1.0 + df)) + 1;
        });
        List<List<Integer>> postings = new ArrayList<>();
        List<List<Float>> weights = new ArrayList<>();
        for (int i = 0; i < idf.length; i++) {
            postings.add(new ArrayList<>());
            weights.add(new ArrayList<>());
        }
        for (int e = 0; e < n; e++) {
            Map<String, Integer> grams = counts.get(e);
            double norm = 0;
            for (Map.Entry<String, Integer> gram : grams.entrySet()) {
                double w = weight(gram.getValue(), idf[ids.get(gram.getKey())]);
                norm += w * w;
            }
            double length = Math.sqrt(norm);
            for (Map.Entry<String, Integer> gram : grams.entrySet()) {
                int id = ids.get(gram.getKey());
                postings.get(id).add(e);
                weights.get(id).add((float) (weight(gram.getValue(), idf[id]) / length));
            }
        }
        for (int id = 0; id < idf.length; id++) {
            postingExemplars.add(postings.get(id).stream().mapToInt(Integer::intValue).toArray());
            float[] w = new float[weights.get(id).size()];
            for (int i = 0; i < w.length; i++) {
                w[i] = weights.get(id).get(i);
            }
            postingWeights.add(w);
        }
    }

    /** The vote on {@code text}; empty when it has no word of three letters or more. */
    public Optional<SimilarityVote> vote(String text) {
        Map<String, Integer> grams = grams(text);
        if (grams.isEmpty()) {
            return Optional.empty();
        }
        double norm = 0;
        double[] dots = new double[intents.size()];
        for (Map.Entry<String, Integer> gram : grams.entrySet()) {
            Integer id = ids.get(gram.getKey());
            double w = weight(gram.getValue(), id == null ? unseenIdf : idf[id]);
            norm += w * w;
            if (id != null) {
                int[] holders = postingExemplars.get(id);
                float[] holderWeights = postingWeights.get(id);
                for (int i = 0; i < holders.length; i++) {
                    dots[holders[i]] += w * holderWeights[i];
                }
            }
        }
        double length = Math.sqrt(norm);
        Map<Intent, List<Double>> byIntent = new EnumMap<>(Intent.class);
        for (int e = 0; e < dots.length; e++) {
            byIntent.computeIfAbsent(intents.get(e), intent -> new ArrayList<>()).add(dots[e] / length);
        }
        Map<Intent, double[]> similarities = new EnumMap<>(Intent.class);
        byIntent.forEach((intent, values) -> similarities.put(intent, values.stream().mapToDouble(Double::doubleValue).toArray()));
        return Optional.of(SimilarityVote.of(similarities, neighbours, minSimilarity, minMargin));
    }

    /** Sublinear term frequency times inverse document frequency. */
    private static double weight(int count, double idf) {
        return (1 + Math.log(count)) * idf;
    }

    /** The 3- to 5-letter n-grams of each word of the normalized text, the word padded with a space on each side. */
    private static Map<String, Integer> grams(String text) {
        Map<String, Integer> grams = new HashMap<>();
        Matcher word = WORD.matcher(IntentText.normalize(text));
        while (word.find()) {
            String padded = " " + word.group() + " ";
            for (int size = MIN_GRAM; size <= MAX_GRAM; size++) {
                for (int start = 0; start + size <= padded.length(); start++) {
                    grams.merge(padded.substring(start, start + size), 1, Integer::sum);
                }
            }
        }
        return grams;
    }
}
