package dev.waagent.admin;

import dev.waagent.backoffice.DemoSeeder;
import dev.waagent.domain.knowledge.KnowledgeBase;
import dev.waagent.domain.knowledge.KnowledgeHit;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Search quality on a labelled set written for the seeded demo FAQs: paraphrases (never the stored example
 * questions) in English, Hinglish and Bahasa, each with the entry that answers it. Uses the shipped ONNX model.
 * The floors are well under the measured figures (see README): they catch a broken ranking, not noise.
 */
class SearchQualityTest {

    private static ApplicationContext context;

    @BeforeAll
    static void start() {
        context = ApplicationContext.builder().environments("admin-test").properties(Map.of(
                "datasources.default.url", "jdbc:h2:mem:quality-" + UUID.randomUUID()
                        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
                "datasources.default.driver-class-name", "org.h2.Driver",
                "datasources.default.username", "sa",
                "datasources.default.password", "",
                "flyway.datasources.default.enabled", true)).start();
        context.getBean(DemoSeeder.class).seedMissing();
    }

    @AfterAll
    static void stop() {
        if (context != null) {
            context.close();
        }
    }

    @Test
    void paraphrasesOfTheSeededFaqFindTheirEntry() throws IOException {
        List<LabelledQuery> labelled = labelledQueries();
        KnowledgeBase knowledge = context.getBean(KnowledgeBase.class);
        int top1 = 0;
        int top3 = 0;
        List<String> misses = new ArrayList<>();
        for (LabelledQuery query : labelled) {
            List<String> titles = knowledge.search(query.tenantId(), query.text(), 3).stream()
                    .map(KnowledgeHit::entry).map(e -> e.title()).toList();
            if (!titles.isEmpty() && titles.get(0).equals(query.expectedTitle())) {
                top1++;
            }
            if (titles.contains(query.expectedTitle())) {
                top3++;
            } else {
                misses.add(query.text() + " → " + titles);
            }
        }
        System.out.printf("search quality: top-1 %d/%d (%.0f%%), top-3 %d/%d (%.0f%%); top-3 misses: %s%n", top1, labelled.size(),
                100.0 * top1 / labelled.size(), top3, labelled.size(), 100.0 * top3 / labelled.size(), misses);
        assertThat(top1).as("top-1 hits").isGreaterThanOrEqualTo(labelled.size() * 70 / 100);
        assertThat(top3).as("top-3 hits").isGreaterThanOrEqualTo(labelled.size() * 85 / 100);
    }

    record LabelledQuery(String tenantId, String text, String expectedTitle) {
    }

    static List<LabelledQuery> labelledQueries() throws IOException {
        try (InputStream in = SearchQualityTest.class.getResourceAsStream("/search-quality/labelled-queries.tsv")) {
            List<LabelledQuery> queries = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cells = line.split("\t");
                queries.add(new LabelledQuery(cells[0].strip(), cells[1].strip(), cells[2].strip()));
            }
            return queries;
        }
    }
}
