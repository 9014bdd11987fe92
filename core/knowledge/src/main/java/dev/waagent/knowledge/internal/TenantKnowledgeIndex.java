package dev.waagent.knowledge.internal;

import dev.waagent.domain.knowledge.KnowledgeEntry;
import dev.waagent.domain.knowledge.KnowledgeHit;
import dev.waagent.knowledge.internal.LexicalIndex.Field;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * One tenant's entries, ready to search: the lexical index, and every entry's vectors packed in one array with a
 * per-entry centroid for the first, coarse pass over large knowledge bases. Immutable; rebuilt when the tenant's
 * knowledge revision changes.
 * <p>
 * An entry's semantic score is its best vector's similarity (title+content or one of its example questions), so
 * a paraphrase of any example question finds the entry.
 */
public final class TenantKnowledgeIndex {

    /** Priority 100 adds this much to the blended score: enough to break ties, never to beat relevance. */
    private static final double PRIORITY_BOOST = 0.03;

    private final long revision;
    private final List<KnowledgeEntry> entries;
    private final LexicalIndex lexical;
    private final int dimensions;
    private final float[] vectors;
    private final int[] firstVector;
    private final float[] centroids;
    private final BitSet withVectors;

    private TenantKnowledgeIndex(long revision, List<KnowledgeEntry> entries, LexicalIndex lexical, int dimensions,
                                 float[] vectors, int[] firstVector, float[] centroids, BitSet withVectors) {
        this.revision = revision;
        this.entries = entries;
        this.lexical = lexical;
        this.dimensions = dimensions;
        this.vectors = vectors;
        this.firstVector = firstVector;
        this.centroids = centroids;
        this.withVectors = withVectors;
    }

    /**
     * @param model      only vectors made by this model are used (others are ignored, as if missing)
     * @param dimensions the model's vector length
     */
    public static TenantKnowledgeIndex build(long revision, List<KnowledgeEntry> entries, String model, int dimensions) {
        List<KnowledgeEntry> ordered = List.copyOf(entries);
        int n = ordered.size();
        List<LexicalIndex.Document> documents = new ArrayList<>(n);
        int totalVectors = 0;
        for (KnowledgeEntry entry : ordered) {
            Map<Field, String> fields = new EnumMap<>(Field.class);
            fields.put(Field.TITLE, entry.title());
            fields.put(Field.CONTENT, entry.content());
            fields.put(Field.QUESTIONS, String.join("\n", entry.questions()));
            fields.put(Field.KEYWORDS, String.join("\n", entry.keywords()));
            fields.put(Field.CATEGORY, entry.category());
            documents.add(new LexicalIndex.Document(fields));
            if (usable(entry, model, dimensions)) {
                totalVectors += entry.embedding().vectors().size();
            }
        }
        float[] vectors = new float[totalVectors * dimensions];
        int[] firstVector = new int[n + 1];
        float[] centroids = new float[n * dimensions];
        BitSet withVectors = new BitSet(n);
        int next = 0;
        for (int i = 0; i < n; i++) {
            firstVector[i] = next;
            KnowledgeEntry entry = ordered.get(i);
            if (!usable(entry, model, dimensions)) {
                continue;
            }
            withVectors.set(i);
            float[] centroid = new float[dimensions];
            for (float[] vector : entry.embedding().vectors()) {
                System.arraycopy(vector, 0, vectors, next * dimensions, dimensions);
                for (int d = 0; d < dimensions; d++) {
                    centroid[d] += vector[d];
                }
                next++;
            }
            System.arraycopy(VectorMath.normalise(centroid), 0, centroids, i * dimensions, dimensions);
        }
        firstVector[n] = next;
        return new TenantKnowledgeIndex(revision, ordered, LexicalIndex.build(documents), dimensions, vectors,
                firstVector, centroids, withVectors);
    }

    private static boolean usable(KnowledgeEntry entry, String model, int dimensions) {
        return entry.embedding() != null && model != null && entry.embedding().model().equals(model)
                && entry.embedding().dimensions() == dimensions && !entry.embedding().vectors().isEmpty();
    }

    public long revision() {
        return revision;
    }

    public int size() {
        return entries.size();
    }

    public int vectorCount() {
        return firstVector[entries.size()];
    }

    public LexicalIndex lexical() {
        return lexical;
    }

    public List<KnowledgeEntry> entries() {
        return entries;
    }

    /**
     * The best {@code k} entries for {@code query}.
     *
     * @param queryVector the query's unit vector from the index's model, or {@code null} to search lexically only
     */
    public List<KnowledgeHit> search(String query, float[] queryVector, int k, SearchTuning tuning) {
        int n = entries.size();
        if (n == 0 || k <= 0) {
            return List.of();
        }
        float[] lexicalScores = new float[n];
        int[] lexicalHits = lexical.score(query, lexicalScores);

        boolean semantic = queryVector != null && queryVector.length == dimensions && vectorCount() > 0;
        float[] semanticScores = semantic ? new float[n] : null;
        int[] bestVector = semantic ? new int[n] : null;
        BitSet candidates = new BitSet(n);
        for (int doc : lexicalHits) {
            candidates.set(doc);
        }
        if (semantic) {
            BitSet exact = vectorCount() <= tuning.exactScanLimit()
                    ? withVectors
                    : coarseCandidates(queryVector, lexicalScores, lexicalHits, tuning.candidatePool());
            for (int doc = exact.nextSetBit(0); doc >= 0; doc = exact.nextSetBit(doc + 1)) {
                scoreExactly(doc, queryVector, semanticScores, bestVector, tuning.calibration());
                candidates.set(doc);
            }
        }

        double semanticWeight = semantic ? tuning.semanticWeight() : 0;
        TopK best = new TopK(k);
        for (int doc = candidates.nextSetBit(0); doc >= 0; doc = candidates.nextSetBit(doc + 1)) {
            double blended = blend(doc, semantic ? semanticScores[doc] : 0, lexicalScores[doc], semanticWeight);
            if (blended > 0) {
                best.offer(doc, blended);
            }
        }
        int[] ranked = best.drainBestFirst();
        List<KnowledgeHit> hits = new ArrayList<>(ranked.length);
        for (int doc : ranked) {
            KnowledgeEntry entry = entries.get(doc);
            double sem = semantic ? semanticScores[doc] : 0;
            double lex = lexicalScores[doc];
            String question = null;
            if (semantic && withVectors.get(doc)) {
                int vector = bestVector[doc] - firstVector[doc];
                // Vector 0 is title+content; vector i is example question i-1 (KnowledgeEntry#embeddingTexts).
                if (vector > 0 && vector - 1 < entry.questions().size()) {
                    question = entry.questions().get(vector - 1);
                }
            }
            hits.add(new KnowledgeHit(entry, round(blend(doc, sem, lex, semanticWeight)), round(sem), round(lex), question));
        }
        return hits;
    }

    private double blend(int doc, double semantic, double lexical, double semanticWeight) {
        double blended = semanticWeight * semantic + (1 - semanticWeight) * lexical;
        if (blended <= 0) {
            return 0;
        }
        return Math.min(1, blended + PRIORITY_BOOST * Math.max(0, Math.min(100, entries.get(doc).priority())) / 100.0);
    }

    /** Large knowledge bases: rank entries by their centroid, keep the best plus the best lexical hits. */
    private BitSet coarseCandidates(float[] queryVector, float[] lexicalScores, int[] lexicalHits, int pool) {
        TopK byCentroid = new TopK(pool);
        for (int doc = withVectors.nextSetBit(0); doc >= 0; doc = withVectors.nextSetBit(doc + 1)) {
            byCentroid.offer(doc, VectorMath.dot(centroids, doc * dimensions, queryVector));
        }
        BitSet chosen = new BitSet(entries.size());
        for (int i = 0; i < byCentroid.size(); i++) {
            chosen.set(byCentroid.id(i));
        }
        if (lexicalHits.length > 0) {
            TopK byLexical = new TopK(pool);
            for (int doc : lexicalHits) {
                byLexical.offer(doc, lexicalScores[doc]);
            }
            for (int i = 0; i < byLexical.size(); i++) {
                if (withVectors.get(byLexical.id(i))) {
                    chosen.set(byLexical.id(i));
                }
            }
        }
        return chosen;
    }

    private void scoreExactly(int doc, float[] queryVector, float[] semanticScores, int[] bestVector,
                              SemanticCalibration calibration) {
        float best = -1;
        int bestIndex = firstVector[doc];
        for (int v = firstVector[doc]; v < firstVector[doc + 1]; v++) {
            float similarity = VectorMath.dot(vectors, v * dimensions, queryVector);
            if (similarity > best) {
                best = similarity;
                bestIndex = v;
            }
        }
        semanticScores[doc] = calibration.calibrate(best);
        bestVector[doc] = bestIndex;
    }

    private static double round(double value) {
        return Math.round(value * 10_000) / 10_000.0;
    }

}
