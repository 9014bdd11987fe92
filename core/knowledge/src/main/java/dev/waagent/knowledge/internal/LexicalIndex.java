package dev.waagent.knowledge.internal;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * BM25F over a tenant's entries: each field's term frequencies weighted (keywords and example questions count more
 * than body text), then BM25's saturation and length normalisation. Query words the index doesn't know are
 * matched to their closest indexed word (one or two typos), at a discount.
 * <p>
 * Lexical matching is what serves Hinglish and Bahasa queries: the in-process embedding model is English-only, so
 * an entry whose example questions or keywords are written the way customers write matches on words.
 */
public final class LexicalIndex {

    private static final float K1 = 1.2f;
    private static final float B = 0.75f;
    /** A term found through a typo correction scores this fraction of an exact one. */
    private static final float CORRECTED_TERM_WEIGHT = 0.8f;
    /** Weighted frequency of a "perfect" hit (e.g. in the title and an example question): the normalisation. */
    private static final float IDEAL_WEIGHTED_TF = 4f;

    public enum Field {
        TITLE(2f), QUESTIONS(2f), KEYWORDS(3f), CATEGORY(1f), CONTENT(1f);

        final float weight;

        Field(float weight) {
            this.weight = weight;
        }
    }

    /** One document's text per field. */
    public record Document(Map<Field, String> fields) {
    }

    private record Postings(int[] documents, float[] weightedFrequencies) {
    }

    private final Map<String, Postings> postings;
    private final float[] lengthNorm;
    private final int documentCount;
    private final FuzzyVocabulary vocabulary;

    private LexicalIndex(Map<String, Postings> postings, float[] lengthNorm, int documentCount, FuzzyVocabulary vocabulary) {
        this.postings = postings;
        this.lengthNorm = lengthNorm;
        this.documentCount = documentCount;
        this.vocabulary = vocabulary;
    }

    public static LexicalIndex build(List<Document> documents) {
        int n = documents.size();
        Map<String, Map<Integer, Float>> byTerm = new HashMap<>();
        float[] lengths = new float[n];
        for (int doc = 0; doc < n; doc++) {
            for (Map.Entry<Field, String> field : documents.get(doc).fields().entrySet()) {
                List<String> terms = TextAnalysis.searchTerms(field.getValue());
                lengths[doc] += terms.size() * field.getKey().weight;
                for (String term : terms) {
                    byTerm.computeIfAbsent(term, t -> new HashMap<>()).merge(doc, field.getKey().weight, Float::sum);
                }
            }
        }
        float total = 0;
        for (float length : lengths) {
            total += length;
        }
        float average = n == 0 || total == 0 ? 1 : total / n;
        float[] lengthNorm = new float[n];
        for (int doc = 0; doc < n; doc++) {
            lengthNorm[doc] = K1 * (1 - B + B * lengths[doc] / average);
        }
        Map<String, Postings> postings = new HashMap<>(byTerm.size() * 2);
        Map<String, Integer> frequency = new HashMap<>(byTerm.size() * 2);
        byTerm.forEach((term, docs) -> {
            int[] ids = new int[docs.size()];
            float[] tfs = new float[docs.size()];
            int i = 0;
            for (Map.Entry<Integer, Float> posting : docs.entrySet()) {
                ids[i] = posting.getKey();
                tfs[i++] = posting.getValue();
            }
            postings.put(term, new Postings(ids, tfs));
            frequency.put(term, docs.size());
        });
        return new LexicalIndex(postings, lengthNorm, n, new FuzzyVocabulary(frequency));
    }

    public int documentCount() {
        return documentCount;
    }

    public FuzzyVocabulary vocabulary() {
        return vocabulary;
    }

    /**
     * Scores every document matching {@code query} into {@code scores} (length = document count; documents not
     * touched keep their value) and returns the touched documents. Scores are normalised to [0, 1] by what a
     * document matching every query term strongly would score, so they mean the same across queries.
     */
    public int[] score(String query, float[] scores) {
        Set<String> queryTerms = new LinkedHashSet<>(TextAnalysis.searchTerms(query));
        if (queryTerms.isEmpty() || documentCount == 0) {
            return new int[0];
        }
        float ideal = 0;
        // Scores of untouched documents are stale from earlier queries: the first touch resets them.
        boolean[] seen = new boolean[documentCount];
        int[] touched = new int[64];
        int touchedCount = 0;
        for (String term : queryTerms) {
            float weight = 1f;
            Postings found = postings.get(term);
            if (found == null) {
                int maxDistance = term.length() <= 6 ? 1 : 2;
                var suggestion = vocabulary.closest(term, maxDistance);
                if (suggestion.isPresent() && !ProductCodes.hasDigit(term)) {
                    found = postings.get(suggestion.get().word());
                    weight = CORRECTED_TERM_WEIGHT;
                }
            }
            float idf = found == null ? idf(0) : idf(found.documents().length);
            ideal += idf * (K1 + 1) * IDEAL_WEIGHTED_TF / (IDEAL_WEIGHTED_TF + K1);
            if (found == null) {
                continue;
            }
            int[] documents = found.documents();
            float[] tfs = found.weightedFrequencies();
            for (int i = 0; i < documents.length; i++) {
                int doc = documents[i];
                float tf = tfs[i];
                float contribution = weight * idf * tf * (K1 + 1) / (tf + lengthNorm[doc]);
                if (!seen[doc]) {
                    seen[doc] = true;
                    scores[doc] = 0;
                    if (touchedCount == touched.length) {
                        touched = java.util.Arrays.copyOf(touched, touched.length * 2);
                    }
                    touched[touchedCount++] = doc;
                }
                scores[doc] += contribution;
            }
        }
        int[] result = java.util.Arrays.copyOf(touched, touchedCount);
        for (int doc : result) {
            scores[doc] = ideal <= 0 ? 0 : Math.min(1f, scores[doc] / ideal);
        }
        return result;
    }

    private float idf(int documentFrequency) {
        return (float) Math.log(1 + (documentCount - documentFrequency + 0.5) / (documentFrequency + 0.5));
    }
}
