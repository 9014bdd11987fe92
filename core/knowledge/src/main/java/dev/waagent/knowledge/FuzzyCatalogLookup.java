package dev.waagent.knowledge;

import dev.waagent.domain.catalog.CatalogChanged;
import dev.waagent.domain.catalog.CatalogItem;
import dev.waagent.domain.catalog.CatalogLookup;
import dev.waagent.domain.catalog.CatalogMatch;
import dev.waagent.domain.catalog.CatalogSource;
import dev.waagent.domain.catalog.SpellingCorrection;
import dev.waagent.domain.knowledge.Embedder;
import dev.waagent.domain.knowledge.EmbeddingException;
import dev.waagent.domain.knowledge.KnowledgeChanged;
import dev.waagent.knowledge.internal.RevisionedCache;
import dev.waagent.knowledge.internal.SemanticCalibration;
import dev.waagent.knowledge.internal.TenantCatalogIndex;
import dev.waagent.knowledge.internal.TenantKnowledgeIndex;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@link CatalogLookup} the worker uses: per-tenant {@link TenantCatalogIndex} in memory (refreshed like the
 * knowledge index), matching names, aliases and model codes exactly after normalisation, within a small edit
 * distance, or by meaning; and correcting spelling against the tenant's own vocabulary (catalog names and aliases,
 * knowledge titles and keywords). Confidences below the tenant's threshold are meant to be confirmed with the
 * customer ("did you mean the Sony FX3?").
 */
@Singleton
public class FuzzyCatalogLookup implements CatalogLookup {

    public static final int MAX_K = 20;
    private static final Logger LOG = LoggerFactory.getLogger(FuzzyCatalogLookup.class);

    private final CatalogSource catalog;
    private final HybridKnowledgeBase knowledge;
    private final Embedder embedder;
    private final SemanticCalibration calibration;
    private final RevisionedCache<TenantCatalogIndex> indexes;
    /** Item vectors survive index rebuilds: only new or changed items are embedded again. */
    private final Map<String, ItemVector> itemVectors = new ConcurrentHashMap<>();

    public FuzzyCatalogLookup(CatalogSource catalog, HybridKnowledgeBase knowledge, Embedder embedder,
                              KnowledgeSettings settings) {
        this.catalog = catalog;
        this.knowledge = knowledge;
        this.embedder = embedder;
        SemanticCalibration measured = SemanticCalibration.forModel(embedder.modelName());
        this.calibration = new SemanticCalibration(
                Objects.requireNonNullElse(settings.getSemanticFloor(), measured.floor()),
                Objects.requireNonNullElse(settings.getSemanticCeiling(), measured.ceiling()));
        this.indexes = new RevisionedCache<>(this::revision, this::build, settings.getRevisionCheckInterval());
    }

    @Override
    public List<CatalogMatch> match(String tenantId, String text, int k) {
        Objects.requireNonNull(tenantId, "tenantId");
        if (text == null || text.isBlank() || k <= 0) {
            return List.of();
        }
        TenantCatalogIndex index = indexes.get(tenantId);
        if (index.size() == 0) {
            return List.of();
        }
        return index.match(text, embedQuery(text), Math.min(k, MAX_K), calibration);
    }

    @Override
    public SpellingCorrection correct(String tenantId, String text) {
        Objects.requireNonNull(tenantId, "tenantId");
        return indexes.get(tenantId).correct(text);
    }

    @EventListener
    void onCatalogChanged(CatalogChanged event) {
        indexes.markStale(event.tenantId());
    }

    @EventListener
    void onKnowledgeChanged(KnowledgeChanged event) {
        // Knowledge titles and keywords are part of the correction vocabulary.
        indexes.markStale(event.tenantId());
    }

    private long revision(String tenantId) {
        return catalog.catalogRevision(tenantId) * 1_000_003L + knowledge.index(tenantId).revision();
    }

    private TenantCatalogIndex build(String tenantId, long revision) {
        long start = System.nanoTime();
        List<CatalogItem> items = catalog.activeItems(tenantId);
        TenantKnowledgeIndex knowledgeIndex = knowledge.index(tenantId);
        Map<String, float[]> vectors = vectorsFor(items);
        TenantCatalogIndex index = TenantCatalogIndex.build(revision, items, vectors, embedder.dimensions(),
                knowledgeIndex.entries());
        LOG.info("catalog index of tenant {} built: {} items in {} ms", tenantId, index.size(),
                (System.nanoTime() - start) / 1_000_000);
        return index;
    }

    private Map<String, float[]> vectorsFor(List<CatalogItem> items) {
        Map<String, float[]> vectors = new HashMap<>();
        List<CatalogItem> missing = new ArrayList<>();
        for (CatalogItem item : items) {
            ItemVector cached = itemVectors.get(key(item));
            if (cached != null && cached.version() == item.version() && cached.model().equals(embedder.modelName())) {
                vectors.put(item.id(), cached.vector());
            } else {
                missing.add(item);
            }
        }
        if (!missing.isEmpty()) {
            try {
                List<float[]> made = embedder.embedAll(missing.stream().map(TenantCatalogIndex::semanticText).toList());
                for (int i = 0; i < missing.size(); i++) {
                    CatalogItem item = missing.get(i);
                    itemVectors.put(key(item), new ItemVector(item.version(), embedder.modelName(), made.get(i)));
                    vectors.put(item.id(), made.get(i));
                }
            } catch (EmbeddingException e) {
                LOG.warn("{} catalog items without vectors (no semantic matching for them): {}", missing.size(), e.getMessage());
            }
        }
        return vectors;
    }

    private static String key(CatalogItem item) {
        return item.tenantId() + '/' + item.id();
    }

    private float[] embedQuery(String text) {
        try {
            return embedder.embed(text);
        } catch (EmbeddingException e) {
            LOG.warn("catalog query not embedded, matching names only: {}", e.getMessage());
            return null;
        }
    }

    private record ItemVector(long version, String model, float[] vector) {
    }
}
