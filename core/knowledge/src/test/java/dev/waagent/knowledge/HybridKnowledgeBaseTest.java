package dev.waagent.knowledge;

import dev.waagent.domain.knowledge.EntryEmbedding;
import dev.waagent.domain.knowledge.KnowledgeChanged;
import dev.waagent.domain.knowledge.KnowledgeEntry;
import dev.waagent.domain.knowledge.KnowledgeEntryType;
import dev.waagent.domain.knowledge.KnowledgeHit;
import dev.waagent.domain.knowledge.KnowledgeSource;
import io.micronaut.core.annotation.Nullable;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class HybridKnowledgeBaseTest {

    private final InMemorySource source = new InMemorySource();
    private final HashingEmbedder embedder = new HashingEmbedder("hashing-v1");

    @Test
    void findsTheEntryWhoseExampleQuestionMatchesAndNamesTheQuestion() {
        source.put("pune", entry("deposit", "Security deposit", "A refundable deposit of 20% is taken at pick-up.",
                List.of("how much is the deposit", "deposit kitna hai"), List.of("deposit")));
        source.put("pune", entry("hours", "Opening hours", "We are open Monday to Saturday 10:00-20:00.",
                List.of("when are you open", "timing kya hai"), List.of("hours", "timing")));

        List<KnowledgeHit> hits = base(Duration.ofMinutes(5)).search("pune", "deposit kitna lagega?", 5);

        assertThat(hits).isNotEmpty();
        assertThat(hits.get(0).entry().id()).isEqualTo("deposit");
        assertThat(hits.get(0).lexicalScore()).isPositive();
        assertThat(hits.get(0).score()).isBetween(0.0, 1.0);
    }

    @Test
    void aTenantNeverSeesAnotherTenantsEntries() {
        source.put("pune", entry("pune-only", "Sony FX3 rental", "The FX3 rents per day.", List.of(), List.of()));
        source.put("jakarta", entry("jakarta-only", "Toyota Innova Reborn", "Innova stock.", List.of(), List.of()));

        HybridKnowledgeBase base = base(Duration.ofMinutes(5));

        assertThat(base.search("jakarta", "Sony FX3 rental", 10)).extracting(hit -> hit.entry().tenantId())
                .containsOnly("jakarta");
        assertThat(base.search("pune", "Toyota Innova Reborn", 10)).extracting(hit -> hit.entry().id())
                .doesNotContain("jakarta-only");
    }

    @Test
    void aChangeAnnouncedInTheProcessIsSearchableAtOnce() {
        HybridKnowledgeBase base = base(Duration.ofHours(1));
        source.put("pune", entry("hours", "Opening hours", "Open daily.", List.of(), List.of()));
        assertThat(base.search("pune", "drone policy", 3)).extracting(h -> h.entry().id()).doesNotContain("drone");

        source.put("pune", entry("drone", "Drone policy", "Drones need a permit.", List.of("can I rent a drone"), List.of("drone")));
        base.onApplicationEvent(new KnowledgeChanged("pune"));

        assertThat(base.search("pune", "drone policy", 3).get(0).entry().id()).isEqualTo("drone");
    }

    @Test
    void anIndexIsRebuiltOnlyWhenTheRevisionChanges() {
        HybridKnowledgeBase base = base(Duration.ZERO);
        source.put("pune", entry("hours", "Opening hours", "Open daily.", List.of(), List.of()));
        base.search("pune", "hours", 3);
        base.search("pune", "hours", 3);
        assertThat(source.loads.get()).isEqualTo(1);

        source.put("pune", entry("drone", "Drone policy", "Drones need a permit.", List.of(), List.of()));
        base.search("pune", "hours", 3);
        assertThat(source.loads.get()).isEqualTo(2);
    }

    @Test
    void entriesWithoutVectorsOrFromAnotherModelAreEmbeddedOnceAndStoredBack() {
        KnowledgeEntry stale = entry("old", "Opening hours", "Open daily.", List.of("when are you open"), List.of())
                .withEmbedding(new EntryEmbedding("another-model", 2, List.of(new float[]{1, 0}, new float[]{0, 1})));
        source.put("pune", stale);

        HybridKnowledgeBase base = base(Duration.ZERO);
        assertThat(base.search("pune", "when are you open", 1)).isNotEmpty();

        EntryEmbedding stored = source.storedEmbeddings.get("old");
        assertThat(stored.model()).isEqualTo("hashing-v1");
        assertThat(stored.vectors()).hasSize(stale.embeddingTexts().size());
    }

    @Test
    void searchStillAnswersLexicallyWhenTheEmbedderFails() {
        source.put("pune", entry("hours", "Opening hours", "Open daily.", List.of(), List.of("hours")));
        HybridKnowledgeBase base = new HybridKnowledgeBase(source, new FailingEmbedder(), settings(Duration.ZERO));

        List<KnowledgeHit> hits = base.search("pune", "opening hours", 3);

        assertThat(hits).extracting(h -> h.entry().id()).containsExactly("hours");
        assertThat(hits.get(0).semanticScore()).isZero();
    }

    private HybridKnowledgeBase base(Duration checkInterval) {
        return new HybridKnowledgeBase(source, embedder, settings(checkInterval));
    }

    static KnowledgeSettings settings(Duration checkInterval) {
        return new KnowledgeSettings() {
            public Duration getRevisionCheckInterval() {
                return checkInterval;
            }

            public double getSemanticWeight() {
                return 0.6;
            }

            public int getCandidatePool() {
                return 64;
            }

            public int getExactScanLimit() {
                return 6000;
            }

            @Nullable
            public Double getSemanticFloor() {
                return 0.0;
            }

            @Nullable
            public Double getSemanticCeiling() {
                return 1.0;
            }

            public int getQueryCacheSize() {
                return 16;
            }
        };
    }

    private static KnowledgeEntry entry(String id, String title, String content, List<String> questions, List<String> keywords) {
        return new KnowledgeEntry(id, "unset", KnowledgeEntryType.FAQ, title, content, questions, keywords, "general", 0, 1, null);
    }

    /** Tenants' entries in memory; every put bumps the tenant's revision. */
    static final class InMemorySource implements KnowledgeSource {
        final Map<String, List<KnowledgeEntry>> entries = new ConcurrentHashMap<>();
        final Map<String, Long> revisions = new ConcurrentHashMap<>();
        final Map<String, EntryEmbedding> storedEmbeddings = new ConcurrentHashMap<>();
        final AtomicInteger loads = new AtomicInteger();

        void put(String tenantId, KnowledgeEntry entry) {
            KnowledgeEntry owned = new KnowledgeEntry(entry.id(), tenantId, entry.type(), entry.title(), entry.content(),
                    entry.questions(), entry.keywords(), entry.category(), entry.priority(), entry.version(), entry.embedding());
            entries.computeIfAbsent(tenantId, t -> new ArrayList<>()).add(owned);
            revisions.merge(tenantId, 1L, Long::sum);
        }

        @Override
        public long knowledgeRevision(String tenantId) {
            return revisions.getOrDefault(tenantId, 0L);
        }

        @Override
        public List<KnowledgeEntry> activeEntries(String tenantId) {
            loads.incrementAndGet();
            return List.copyOf(entries.getOrDefault(tenantId, List.of()));
        }

        @Override
        public void storeEmbedding(String tenantId, String entryId, long version, EntryEmbedding embedding) {
            storedEmbeddings.put(entryId, embedding);
        }
    }

    private static final class FailingEmbedder implements dev.waagent.domain.knowledge.Embedder {
        public String modelName() {
            return "down";
        }

        public int dimensions() {
            return 8;
        }

        public float[] embed(String text) {
            throw new dev.waagent.domain.knowledge.EmbeddingException("remote embedder unavailable");
        }

        public List<float[]> embedAll(List<String> texts) {
            throw new dev.waagent.domain.knowledge.EmbeddingException("remote embedder unavailable");
        }
    }
}
