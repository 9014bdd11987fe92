package dev.waagent.admin.bench;

import dev.waagent.backoffice.DemoSeeder;
import dev.waagent.backoffice.ImportFormat;
import dev.waagent.backoffice.ImportReport;
import dev.waagent.backoffice.KnowledgeService;
import dev.waagent.backoffice.TenantCommand;
import dev.waagent.backoffice.TenantService;
import dev.waagent.domain.knowledge.Embedder;
import dev.waagent.domain.knowledge.EntryEmbedding;
import dev.waagent.domain.knowledge.KnowledgeBase;
import dev.waagent.domain.knowledge.KnowledgeEntry;
import dev.waagent.domain.knowledge.KnowledgeEntryType;
import dev.waagent.domain.knowledge.KnowledgeHit;
import dev.waagent.knowledge.KnowledgeSettings;
import dev.waagent.knowledge.OnnxEmbedder;
import dev.waagent.knowledge.internal.SearchTuning;
import dev.waagent.knowledge.internal.SemanticCalibration;
import dev.waagent.knowledge.internal.TenantKnowledgeIndex;
import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * The knowledge figures of the README, measured apart from the tests (never a timed unit test):
 * <ol>
 *   <li>query embedding time with the shipped ONNX model (p50/p95 over 300 queries after warm-up);</li>
 *   <li>import of a realistic 1,000-entry knowledge base (JSON, through the back office: validation, ONNX embedding
 *       of ~4,000 texts, one transaction on H2);</li>
 *   <li>search latency on 10,000 entries (~40,000 vectors), excluding the query embedding: p50/p95/p99 over 2,000
 *       searches after 3,000 warm-up searches, for the default two-stage search and for an exhaustive scan;</li>
 *   <li>top-1/top-3 on the labelled paraphrase set of the seeded demo FAQs.</li>
 * </ol>
 * Run: {@code mvn -q -o -pl core/admin test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=dev.waagent.admin.bench.KnowledgeBenchmark}. The 10,000 entries' vectors are real ONNX
 * embeddings, cached in {@code target/bench-cache} after the first run (which embeds ~40,000 texts).
 */
public final class KnowledgeBenchmark {

    private static final String[] GEAR = {"Sony FX3", "Sony FX6", "Sony A7S III", "Sony A7 IV", "Canon EOS R5",
            "Canon 5D Mark IV", "Blackmagic Pocket 6K", "DJI RS 3 Pro gimbal", "DJI RS 3 Mini", "Aputure 300d light",
            "Aputure 600d light", "Godox SL60W light", "Sigma 24-70mm lens", "Sony 24-70 GM II lens", "Sony 70-200 GM lens",
            "Sony 85mm GM lens", "Rode NTG4 microphone", "Rode Wireless Go II", "Atomos Ninja V monitor", "Manfrotto tripod",
            "DJI Mavic 3 drone", "V-mount battery", "CFexpress card", "Tilta follow focus", "SmallRig cage"};
    private static final String[][] TOPICS = {
            {"Rental price of the %s", "The %s rents for a fixed rate per 24 hours; weekly rates cost five days.",
                    "how much is the %s per day|%s rent kitna hai|price of the %s for a week"},
            {"Deposit for the %s", "A refundable security deposit is taken for the %s at pick-up and returned after inspection.",
                    "what deposit for the %s|%s ka deposit kitna|is the %s deposit refundable"},
            {"Availability of the %s", "Check availability of the %s by date; bookings are confirmed on advance payment.",
                    "is the %s available tomorrow|%s free this weekend|can I book the %s"},
            {"Damage policy for the %s", "Accidental damage to the %s is charged at repair cost; the damage waiver caps it.",
                    "what if I damage the %s|%s toot gaya to kya|insurance for the %s"},
            {"Delivery of the %s", "We deliver the %s within city limits for a fee; pick-up from the store is free.",
                    "can you deliver the %s|%s delivery charges|home delivery of the %s"},
            {"Accessories with the %s", "The %s comes with its batteries, charger and caps; cards and cables are extra.",
                    "what comes with the %s|does the %s have batteries|%s ke saath kya milega"},
            {"Late return of the %s", "Returning the %s more than two hours late adds a day's rent.",
                    "what if I return the %s late|%s late fee|can I extend the %s"},
            {"Booking the %s", "Reserve the %s with a 30%% advance by UPI; send dates and the gear list on WhatsApp.",
                    "how do I book the %s|%s booking advance|reserve the %s for saturday"}};

    private KnowledgeBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        // exec:java runs in the directory Maven was started from (the repository root or the module).
        Path cache = (Files.isDirectory(Path.of("core", "admin")) ? Path.of("core", "admin", "target") : Path.of("target"))
                .resolve("bench-cache");
        Files.createDirectories(cache);
        long loadStart = System.nanoTime();
        OnnxEmbedder onnx = new OnnxEmbedder();
        onnx.embed("load");
        System.out.printf("model load (bge-small-en-v1.5-q, first use incl. warm-up): %.0f ms%n", ms(System.nanoTime() - loadStart));

        queryEmbedding(onnx);

        try (ApplicationContext context = ApplicationContext.builder().environments("admin-test").properties(Map.of(
                "datasources.default.url", "jdbc:h2:mem:bench-" + UUID.randomUUID()
                        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
                "datasources.default.driver-class-name", "org.h2.Driver",
                "datasources.default.username", "sa",
                "datasources.default.password", "",
                "flyway.datasources.default.enabled", true)).start()) {
            importThousand(context);
            searchTenThousand(context, onnx, cache);
            quality(context);
        }
    }

    private static void queryEmbedding(Embedder embedder) {
        List<String> queries = new ArrayList<>();
        Random random = new Random(5);
        for (int i = 0; i < 400; i++) {
            String gear = GEAR[random.nextInt(GEAR.length)];
            String[] questions = TOPICS[random.nextInt(TOPICS.length)][2].split("\\|");
            queries.add(questions[random.nextInt(questions.length)].formatted(gear, gear, gear) + (i % 3 == 0 ? " for a wedding shoot next saturday in Baner" : ""));
        }
        for (int i = 0; i < 100; i++) {
            embedder.embed(queries.get(i));
        }
        long[] times = new long[300];
        for (int i = 0; i < times.length; i++) {
            long start = System.nanoTime();
            embedder.embed(queries.get(100 + i));
            times[i] = System.nanoTime() - start;
        }
        System.out.printf("query embedding (ONNX, one short chat message): p50 %.1f ms, p95 %.1f ms (n=%d)%n",
                percentile(times, 50), percentile(times, 95), times.length);
    }

    private static void importThousand(ApplicationContext context) throws IOException {
        TenantService tenants = context.getBean(TenantService.class);
        JsonMapper json = context.getBean(JsonMapper.class);
        String tenant = tenants.create(TenantCommand.fromJson(json.readValue(
                "{\"name\":\"Import Bench\",\"phone_number_id\":\"900000000000001\"}", JsonNode.class))).id();
        List<Map<String, Object>> rows = entries(1_000, 1);
        byte[] file = json.writeValueAsBytes(rows);
        long start = System.nanoTime();
        ImportReport report = context.getBean(KnowledgeService.class).importFile(tenant, ImportFormat.JSON, file);
        long elapsed = System.nanoTime() - start;
        int texts = rows.stream().mapToInt(r -> KnowledgeEntry.embeddingTexts((String) r.get("title"), (String) r.get("content"),
                cast(r.get("questions"))).size()).sum();
        System.out.printf("import of 1,000 entries (%d KB JSON, %d texts embedded, H2): %.1f s (%d imported)%n",
                file.length / 1024, texts, ms(elapsed) / 1000, report.imported());
        long dbStart = System.nanoTime();
        context.getBean(KnowledgeService.class).activeEntries(tenant);
        System.out.printf("  reading them back with vectors (what an index build loads): %.0f ms%n", ms(System.nanoTime() - dbStart));
    }

    private static void searchTenThousand(ApplicationContext context, OnnxEmbedder onnx, Path cache) throws IOException {
        List<Map<String, Object>> rows = entries(10_000, 2);
        List<String> allTexts = new ArrayList<>();
        for (Map<String, Object> row : rows) {
            allTexts.addAll(KnowledgeEntry.embeddingTexts((String) row.get("title"), (String) row.get("content"), cast(row.get("questions"))));
        }
        List<float[]> vectors = cachedEmbeddings(onnx, allTexts, cache.resolve("entries-10000-" + allTexts.hashCode() + ".bin"));
        List<KnowledgeEntry> entries = new ArrayList<>();
        int next = 0;
        for (int i = 0; i < rows.size(); i++) {
            Map<String, Object> row = rows.get(i);
            List<String> questions = cast(row.get("questions"));
            int count = KnowledgeEntry.embeddingTexts((String) row.get("title"), (String) row.get("content"), questions).size();
            entries.add(new KnowledgeEntry("e" + i, "bench", KnowledgeEntryType.FAQ, (String) row.get("title"),
                    (String) row.get("content"), questions, cast(row.get("keywords")), (String) row.get("category"),
                    (Integer) row.get("priority"), 1, new EntryEmbedding(onnx.modelName(), onnx.dimensions(), vectors.subList(next, next + count))));
            next += count;
        }
        long build = System.nanoTime();
        TenantKnowledgeIndex index = TenantKnowledgeIndex.build(1, entries, onnx.modelName(), onnx.dimensions());
        System.out.printf("index build, 10,000 entries / %d vectors: %.0f ms%n", index.vectorCount(), ms(System.nanoTime() - build));

        List<String> queries = new ArrayList<>();
        Random random = new Random(9);
        String[] phrasings = {"how much do I pay for the %s for three days", "%s kal mil jayega kya", "is a deposit needed for the %s",
                "%s deliver kar sakte ho Kothrud", "what happens if the %s gets damaged on set", "batteries included with %s?",
                "I want to reserve the %s", "returning the %s a day late"};
        for (int i = 0; i < 600; i++) {
            queries.add(phrasings[random.nextInt(phrasings.length)].formatted(GEAR[random.nextInt(GEAR.length)]));
        }
        List<float[]> queryVectors = cachedEmbeddings(onnx, queries, cache.resolve("queries-" + queries.hashCode() + ".bin"));

        KnowledgeSettings settings = context.getBean(KnowledgeSettings.class);
        SemanticCalibration calibration = SemanticCalibration.forModel(onnx.modelName());
        SearchTuning twoStage = new SearchTuning(settings.getSemanticWeight(), settings.getCandidatePool(), settings.getExactScanLimit(), calibration);
        SearchTuning exhaustive = new SearchTuning(settings.getSemanticWeight(), settings.getCandidatePool(), Integer.MAX_VALUE, calibration);
        int agree = 0;
        for (int i = 0; i < queries.size(); i++) {
            List<KnowledgeHit> a = index.search(queries.get(i), queryVectors.get(i), 5, twoStage);
            List<KnowledgeHit> b = index.search(queries.get(i), queryVectors.get(i), 5, exhaustive);
            if (!a.isEmpty() && !b.isEmpty() && a.get(0).entry().id().equals(b.get(0).entry().id())) {
                agree++;
            }
        }
        report("two-stage (default)", index, queries, queryVectors, twoStage);
        report("exhaustive scan", index, queries, queryVectors, exhaustive);
        System.out.printf("  two-stage top-1 equals exhaustive top-1 on %d of %d queries%n", agree, queries.size());
    }

    private static void report(String name, TenantKnowledgeIndex index, List<String> queries, List<float[]> vectors, SearchTuning tuning) {
        for (int i = 0; i < 3_000; i++) {
            index.search(queries.get(i % queries.size()), vectors.get(i % queries.size()), 5, tuning);
        }
        long[] times = new long[2_000];
        for (int i = 0; i < times.length; i++) {
            int q = (i * 7) % queries.size();
            long start = System.nanoTime();
            index.search(queries.get(q), vectors.get(q), 5, tuning);
            times[i] = System.nanoTime() - start;
        }
        System.out.printf("search over 10,000 entries, k=5, excluding query embedding, %s: p50 %.2f ms, p95 %.2f ms, p99 %.2f ms, max %.2f ms%n",
                name, percentile(times, 50), percentile(times, 95), percentile(times, 99), percentile(times, 100));
    }

    private static void quality(ApplicationContext context) throws IOException {
        context.getBean(DemoSeeder.class).seedMissing();
        KnowledgeBase knowledge = context.getBean(KnowledgeBase.class);
        int top1 = 0;
        int top3 = 0;
        int total = 0;
        Map<String, int[]> byTenant = new LinkedHashMap<>();
        try (InputStream in = KnowledgeBenchmark.class.getResourceAsStream("/search-quality/labelled-queries.tsv")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cells = line.split("\t");
                List<String> titles = knowledge.search(cells[0].strip(), cells[1].strip(), 3).stream().map(h -> h.entry().title()).toList();
                boolean first = !titles.isEmpty() && titles.get(0).equals(cells[2].strip());
                boolean three = titles.contains(cells[2].strip());
                top1 += first ? 1 : 0;
                top3 += three ? 1 : 0;
                total++;
                int[] counts = byTenant.computeIfAbsent(cells[0].strip(), t -> new int[3]);
                counts[0] += first ? 1 : 0;
                counts[1] += three ? 1 : 0;
                counts[2]++;
            }
        }
        System.out.printf("labelled paraphrases of the demo FAQs: top-1 %d/%d (%.0f%%), top-3 %d/%d (%.0f%%)%n",
                top1, total, 100.0 * top1 / total, top3, total, 100.0 * top3 / total);
        byTenant.forEach((tenant, c) -> System.out.printf("  %s: top-1 %d/%d, top-3 %d/%d%n", tenant, c[0], c[2], c[1], c[2]));
    }

    /** A realistic rental-shop knowledge base: gear × topic × variant, each with 3 example questions. */
    static List<Map<String, Object>> entries(int count, long seed) {
        Random random = new Random(seed);
        List<Map<String, Object>> entries = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int combination = i % (GEAR.length * TOPICS.length);
            int variant = i / (GEAR.length * TOPICS.length);
            String gear = GEAR[combination % GEAR.length] + (variant == 0 ? "" : " kit " + variant);
            String[] topic = TOPICS[combination / GEAR.length];
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("title", topic[0].formatted(gear));
            entry.put("content", topic[1].formatted(gear) + (variant == 0 ? "" : " Kit " + variant + " adds a second battery and a case."));
            List<String> questions = new ArrayList<>();
            for (String question : topic[2].split("\\|")) {
                questions.add(question.replace("%s", gear));
            }
            entry.put("questions", questions);
            entry.put("category", topic[0].split(" ")[0].toLowerCase());
            entry.put("keywords", List.of(gear.split(" ")[0].toLowerCase()));
            entry.put("priority", random.nextInt(10));
            entries.add(entry);
        }
        return entries;
    }

    private static List<float[]> cachedEmbeddings(Embedder embedder, List<String> texts, Path file) throws IOException {
        if (Files.exists(file)) {
            try (DataInputStream in = new DataInputStream(Files.newInputStream(file))) {
                int count = in.readInt();
                int dimensions = in.readInt();
                List<float[]> vectors = new ArrayList<>(count);
                for (int i = 0; i < count; i++) {
                    float[] vector = new float[dimensions];
                    for (int d = 0; d < dimensions; d++) {
                        vector[d] = in.readFloat();
                    }
                    vectors.add(vector);
                }
                return vectors;
            }
        }
        long start = System.nanoTime();
        List<float[]> vectors = new ArrayList<>(texts.size());
        for (int from = 0; from < texts.size(); from += 256) {
            vectors.addAll(embedder.embedAll(texts.subList(from, Math.min(texts.size(), from + 256))));
        }
        System.out.printf("  (embedded %d texts for the cache in %.0f s)%n", texts.size(), ms(System.nanoTime() - start) / 1000);
        try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(file))) {
            out.writeInt(vectors.size());
            out.writeInt(vectors.get(0).length);
            for (float[] vector : vectors) {
                for (float value : vector) {
                    out.writeFloat(value);
                }
            }
        }
        return vectors;
    }

    private static double percentile(long[] nanos, int percentile) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int index = Math.min(sorted.length - 1, (int) Math.ceil(percentile / 100.0 * sorted.length) - 1);
        return sorted[Math.max(0, index)] / 1_000_000.0;
    }

    private static double ms(long nanos) {
        return nanos / 1_000_000.0;
    }

    @SuppressWarnings("unchecked")
    private static <T> T cast(Object value) {
        return (T) value;
    }

}
