package dev.waagent.knowledge;

import dev.waagent.domain.knowledge.Embedder;
import dev.waagent.domain.knowledge.EmbeddingException;
import dev.waagent.domain.knowledge.EntryEmbedding;
import dev.waagent.domain.knowledge.KnowledgeBase;
import dev.waagent.domain.knowledge.KnowledgeChanged;
import dev.waagent.domain.knowledge.KnowledgeEntry;
import dev.waagent.domain.knowledge.KnowledgeHit;
import dev.waagent.domain.knowledge.KnowledgeSource;
import dev.waagent.knowledge.internal.RevisionedCache;
import dev.waagent.knowledge.internal.SearchTuning;
import dev.waagent.knowledge.internal.SemanticCalibration;
import dev.waagent.knowledge.internal.TenantKnowledgeIndex;
import io.micronaut.context.event.ApplicationEventListener;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The {@link KnowledgeBase} the worker and the admin search use: one in-memory {@link TenantKnowledgeIndex} per
 * tenant, built from the back office on first use and rebuilt when the tenant's knowledge revision changes
 * (checked every {@code wa.knowledge.revision-check-interval}, at once after a change in this process). A search
 * embeds the query (cached) and touches no database.
 * <p>
 * Entries whose stored vectors are missing or come from another model are embedded while the index is built and
 * written back, so changing {@code wa.embeddings.*} re-embeds the knowledge base once.
 */
@Singleton
public class HybridKnowledgeBase implements KnowledgeBase, ApplicationEventListener<KnowledgeChanged> {

    public static final int MAX_K = 50;
    private static final Logger LOG = LoggerFactory.getLogger(HybridKnowledgeBase.class);
    private static final int EMBED_BATCH = 64;

    private final KnowledgeSource source;
    private final Embedder embedder;
    private final SearchTuning tuning;
    private final RevisionedCache<TenantKnowledgeIndex> indexes;

    public HybridKnowledgeBase(KnowledgeSource source, Embedder embedder, KnowledgeSettings settings) {
        this.source = source;
        this.embedder = embedder;
        SemanticCalibration measured = SemanticCalibration.forModel(embedder.modelName());
        SemanticCalibration calibration = new SemanticCalibration(
                Objects.requireNonNullElse(settings.getSemanticFloor(), measured.floor()),
                Objects.requireNonNullElse(settings.getSemanticCeiling(), measured.ceiling()));
        this.tuning = new SearchTuning(settings.getSemanticWeight(), settings.getCandidatePool(),
                settings.getExactScanLimit(), calibration);
        this.indexes = new RevisionedCache<>(source::knowledgeRevision, this::build, settings.getRevisionCheckInterval());
    }

    @Override
    public List<KnowledgeHit> search(String tenantId, String query, int k) {
        Objects.requireNonNull(tenantId, "tenantId");
        if (query == null || query.isBlank() || k <= 0) {
            return List.of();
        }
        TenantKnowledgeIndex index = indexes.get(tenantId);
        if (index.size() == 0) {
            return List.of();
        }
        return index.search(query, embedQuery(query), Math.min(k, MAX_K), tuning);
    }

    /** The tenant's current index (benchmarks and diagnostics). */
    public TenantKnowledgeIndex index(String tenantId) {
        return indexes.get(tenantId);
    }

    @Override
    public void onApplicationEvent(KnowledgeChanged event) {
        indexes.markStale(event.tenantId());
    }

    private float[] embedQuery(String query) {
        try {
            return embedder.embed(query);
        } catch (EmbeddingException e) {
            // Lexical search still answers; the worker's turn must not fail because the embedder did.
            LOG.warn("query not embedded, searching lexically: {}", e.getMessage());
            return null;
        }
    }

    private TenantKnowledgeIndex build(String tenantId, long revision) {
        long start = System.nanoTime();
        List<KnowledgeEntry> entries = new ArrayList<>(source.activeEntries(tenantId));
        int embedded = embedMissing(tenantId, entries);
        TenantKnowledgeIndex index = TenantKnowledgeIndex.build(revision, entries, embedder.modelName(), embedder.dimensions());
        LOG.info("knowledge index of tenant {} built: {} entries, {} vectors ({} entries embedded now) in {} ms",
                tenantId, index.size(), index.vectorCount(), embedded, (System.nanoTime() - start) / 1_000_000);
        return index;
    }

    /** Embeds entries without usable vectors, in place, and stores the vectors back. Returns how many. */
    private int embedMissing(String tenantId, List<KnowledgeEntry> entries) {
        List<Integer> missing = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            KnowledgeEntry entry = entries.get(i);
            if (entry.embedding() == null || !entry.embedding().fits(embedder.modelName(), entry.embeddingTexts().size())) {
                missing.add(i);
            }
        }
        int done = 0;
        for (int from = 0; from < missing.size(); from += EMBED_BATCH) {
            List<Integer> batch = missing.subList(from, Math.min(missing.size(), from + EMBED_BATCH));
            List<String> texts = new ArrayList<>();
            for (int i : batch) {
                texts.addAll(entries.get(i).embeddingTexts());
            }
            List<float[]> vectors;
            try {
                vectors = embedder.embedAll(texts);
            } catch (EmbeddingException e) {
                LOG.warn("{} entries of tenant {} stay without vectors (lexical search only): {}",
                        missing.size() - done, tenantId, e.getMessage());
                return done;
            }
            int next = 0;
            for (int i : batch) {
                KnowledgeEntry entry = entries.get(i);
                int count = entry.embeddingTexts().size();
                EntryEmbedding embedding = new EntryEmbedding(embedder.modelName(), embedder.dimensions(),
                        vectors.subList(next, next + count));
                next += count;
                entries.set(i, entry.withEmbedding(embedding));
                try {
                    source.storeEmbedding(tenantId, entry.id(), entry.version(), embedding);
                } catch (RuntimeException e) {
                    LOG.warn("vectors of entry {} not stored back (kept in memory): {}", entry.id(), e.toString());
                }
                done++;
            }
        }
        return done;
    }
}
