package dev.waagent.knowledge.internal;

import dev.waagent.domain.knowledge.EntryEmbedding;
import dev.waagent.domain.knowledge.KnowledgeEntry;
import dev.waagent.domain.knowledge.KnowledgeEntryType;
import dev.waagent.domain.knowledge.KnowledgeHit;
import dev.waagent.knowledge.HashingEmbedder;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class TenantKnowledgeIndexTest {

    private static final HashingEmbedder EMBEDDER = new HashingEmbedder("hashing-v1");
    private static final SemanticCalibration CALIBRATION = new SemanticCalibration(0.0, 1.0);
    private static final String[] GEAR = {"camera", "lens", "gimbal", "tripod", "drone", "light", "monitor", "battery",
            "microphone", "slider", "filter", "cage", "recorder", "teleprompter", "jib"};
    private static final String[] TOPICS = {"price", "deposit", "delivery", "insurance", "damage", "late return",
            "booking", "cancellation", "student discount", "weekend rate", "availability", "pickup time"};

    @Test
    void theCoarsePassOverCentroidsFindsWhatTheExactScanFinds() {
        List<KnowledgeEntry> entries = syntheticEntries(3_000, new Random(7));
        TenantKnowledgeIndex index = TenantKnowledgeIndex.build(1, entries, EMBEDDER.modelName(), HashingEmbedder.DIMENSIONS);
        SearchTuning exact = new SearchTuning(0.6, 64, Integer.MAX_VALUE, CALIBRATION);
        SearchTuning coarse = new SearchTuning(0.6, 64, 0, CALIBRATION);

        Random random = new Random(11);
        int agree = 0;
        int queries = 200;
        for (int i = 0; i < queries; i++) {
            String query = "what is the " + TOPICS[random.nextInt(TOPICS.length)] + " for the "
                    + GEAR[random.nextInt(GEAR.length)] + " model " + random.nextInt(200);
            float[] vector = EMBEDDER.embed(query);
            KnowledgeHit expected = index.search(query, vector, 1, exact).get(0);
            KnowledgeHit actual = index.search(query, vector, 1, coarse).get(0);
            if (expected.entry().id().equals(actual.entry().id())) {
                agree++;
            }
        }
        assertThat(agree).isGreaterThanOrEqualTo(queries * 95 / 100);
    }

    @Test
    void hitsComeBestFirstWithScoresInRange() {
        List<KnowledgeEntry> entries = syntheticEntries(300, new Random(3));
        TenantKnowledgeIndex index = TenantKnowledgeIndex.build(1, entries, EMBEDDER.modelName(), HashingEmbedder.DIMENSIONS);

        List<KnowledgeHit> hits = index.search("gimbal deposit", EMBEDDER.embed("gimbal deposit"), 10,
                new SearchTuning(0.6, 64, 6000, CALIBRATION));

        assertThat(hits).hasSize(10);
        assertThat(hits).extracting(KnowledgeHit::score).isSortedAccordingTo((a, b) -> Double.compare(b, a));
        assertThat(hits).allSatisfy(hit -> assertThat(hit.score()).isBetween(0.0, 1.0));
    }

    @Test
    void entriesWithVectorsFromAnotherModelAreSearchedLexicallyOnly() {
        KnowledgeEntry foreign = new KnowledgeEntry("x", "t", KnowledgeEntryType.FAQ, "Drone permit", "Drones need a permit.",
                List.of(), List.of(), "", 0, 1, new EntryEmbedding("other", 2, List.of(new float[]{1, 0})));
        TenantKnowledgeIndex index = TenantKnowledgeIndex.build(1, List.of(foreign), EMBEDDER.modelName(), HashingEmbedder.DIMENSIONS);

        assertThat(index.vectorCount()).isZero();
        assertThat(index.search("drone permit", EMBEDDER.embed("drone permit"), 3,
                new SearchTuning(0.6, 64, 6000, CALIBRATION))).extracting(h -> h.entry().id()).containsExactly("x");
    }

    static List<KnowledgeEntry> syntheticEntries(int count, Random random) {
        List<KnowledgeEntry> entries = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String gear = GEAR[random.nextInt(GEAR.length)];
            String topic = TOPICS[random.nextInt(TOPICS.length)];
            String title = topic + " for the " + gear + " model " + i;
            List<String> questions = List.of("what is the " + topic + " of " + gear + " " + i,
                    gear + " " + i + " " + topic + " kitna hai");
            String content = "The " + topic + " policy for " + gear + " model " + i + " is explained here.";
            List<float[]> vectors = EMBEDDER.embedAll(KnowledgeEntry.embeddingTexts(title, content, questions));
            entries.add(new KnowledgeEntry("e" + i, "t", KnowledgeEntryType.FAQ, title, content, questions, List.of(gear),
                    "gear", random.nextInt(5), 1, new EntryEmbedding(EMBEDDER.modelName(), HashingEmbedder.DIMENSIONS, vectors)));
        }
        return entries;
    }
}
