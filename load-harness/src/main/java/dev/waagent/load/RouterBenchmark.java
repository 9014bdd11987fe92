package dev.waagent.load;

import dev.waagent.domain.TimeSource;
import dev.waagent.domain.llm.ChatMessage;
import dev.waagent.domain.llm.LlmException;
import dev.waagent.domain.llm.LlmProvider;
import dev.waagent.domain.llm.LlmRequest;
import dev.waagent.domain.llm.LlmResponse;
import dev.waagent.domain.llm.TokenUsage;
import dev.waagent.domain.llm.routing.ContentVersions;
import dev.waagent.domain.llm.routing.LlmRouter;
import dev.waagent.domain.llm.routing.PriceTable;
import dev.waagent.domain.llm.routing.ResponseCache;
import dev.waagent.domain.llm.routing.RoutingObserver;
import dev.waagent.domain.llm.routing.RoutingSettings;
import dev.waagent.domain.tenant.Tenant;
import org.HdrHistogram.Histogram;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Measures the reply chain itself, apart from any provider's time: the router's overhead per turn with an
 * instant provider, the wait added when the primary is dead and its circuit open, and the response-cache hit rate
 * on a replay of customers asking the same FAQ questions in different words.
 * <p>
 * Run: {@code java -cp load-harness/target/wa-agent-load-harness.jar dev.waagent.load.RouterBenchmark}
 */
public final class RouterBenchmark {

    private static final Tenant TENANT = new Tenant("bench", "Bench Rentals", "whatsapp", "1", null, null, null, null,
            null, null, ZoneId.of("Asia/Kolkata"), List.of("en"), List.of(), true);
    private static final List<String> FAQ = List.of(
            "What are your opening hours?", "what are your opening hours", "What are your opening hours??",
            "Where is your shop?", "where is your shop", "Do you need a deposit?", "do you need a deposit",
            "Do you deliver to Kothrud?", "do you deliver to kothrud?", "Is ID proof required?", "is id proof required",
            "Are you open on Sunday?", "are you open on sunday", "How do I pay?", "how do i pay");
    private static final List<String> STATEFUL = List.of(
            "and for 2 days?", "can you book it for me", "my order 4411 status?", "is it free tomorrow?");

    private RouterBenchmark() {
    }

    public static void main(String[] args) {
        int turns = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        TimeSource time = TimeSource.system();
        LlmProvider instant = provider("instant", false);
        RoutingSettings settings = RoutingSettings.defaults();

        // 1. Overhead per turn: instant primary, no cache eligibility (stateful text), after warm-up.
        LlmRouter router = new LlmRouter(List.of(instant), provider("local", false), settings, ResponseCache.NONE,
                ContentVersions.NONE, PriceTable.empty(), RoutingObserver.NONE, time);
        Histogram overhead = measure(router, turns, "and for 2 days?");

        // 2. Primary dead with its circuit open: how much the dead provider adds to each turn.
        LlmProvider dead = provider("dead", true);
        LlmRouter withDead = new LlmRouter(List.of(dead, instant), provider("local", false), settings, ResponseCache.NONE,
                ContentVersions.NONE, PriceTable.empty(), RoutingObserver.NONE, time);
        for (int i = 0; i < settings.failureThreshold() + 1; i++) {
            withDead.generate(TENANT, request("open the circuit " + i));
        }
        Histogram deadOpen = measure(withDead, turns, "and for 2 days?");

        // 3. Cache hit rate on a replay: 1,000 customers, 80% FAQ questions in varied wording, 20% stateful turns.
        Map<String, ResponseCache.CachedReply> store = new ConcurrentHashMap<>();
        ResponseCache cache = new ResponseCache() {
            @Override
            public Optional<CachedReply> get(String tenantId, String key) {
                return Optional.ofNullable(store.get(tenantId + key));
            }

            @Override
            public void put(String tenantId, String key, CachedReply reply, Duration ttl) {
                store.put(tenantId + key, reply);
            }
        };
        LlmRouter cached = new LlmRouter(List.of(instant), provider("local", false), settings, cache,
                ContentVersions.NONE, PriceTable.empty(), RoutingObserver.NONE, time);
        Random random = new Random(42);
        int faqTurns = 0;
        int hits = 0;
        int total = 1_000;
        for (int i = 0; i < total; i++) {
            boolean faq = random.nextDouble() < 0.8;
            String text = faq ? FAQ.get(random.nextInt(FAQ.size())) : STATEFUL.get(random.nextInt(STATEFUL.size()));
            faqTurns += faq ? 1 : 0;
            if (cached.generate(TENANT, request(text)).route().cacheHit()) {
                hits++;
            }
        }

        System.out.printf(Locale.ROOT, "router overhead per turn (instant provider, %d turns): p50 %.1f us, p99 %.1f us, max %.1f us%n",
                turns, micros(overhead, 50), micros(overhead, 99), overhead.getMaxValue() / 1000.0);
        System.out.printf(Locale.ROOT, "primary dead, circuit open (%d turns): p50 %.1f us, p99 %.1f us (no call reaches it)%n",
                turns, micros(deadOpen, 50), micros(deadOpen, 99));
        System.out.printf(Locale.ROOT, "cache: %d turns (%d FAQ-like, %d stateful), %d hits = %.1f%% of all turns, %.1f%% of FAQ turns%n",
                total, faqTurns, total - faqTurns, hits, 100.0 * hits / total, 100.0 * hits / faqTurns);
    }

    private static Histogram measure(LlmRouter router, int turns, String text) {
        LlmRequest request = request(text);
        for (int i = 0; i < 20_000; i++) {
            router.generate(TENANT, request);
        }
        Histogram histogram = new Histogram(3);
        for (int i = 0; i < turns; i++) {
            long start = System.nanoTime();
            router.generate(TENANT, request);
            histogram.recordValue(System.nanoTime() - start);
        }
        return histogram;
    }

    private static double micros(Histogram histogram, double percentile) {
        return histogram.getValueAtPercentile(percentile) / 1000.0;
    }

    private static LlmRequest request(String text) {
        return new LlmRequest("bench", List.of(ChatMessage.system("You are the assistant of Bench Rentals."),
                ChatMessage.user(text)), List.of(), 300, 0.3, Duration.ofSeconds(20), Locale.ENGLISH);
    }

    private static LlmProvider provider(String name, boolean dead) {
        LlmResponse answer = new LlmResponse(name, "bench-model", "Sure, we can help.", List.of(),
                new TokenUsage(100, 10, false), Duration.ZERO, false);
        return new LlmProvider() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public LlmResponse complete(LlmRequest request) {
                if (dead) {
                    throw new LlmException(name, LlmException.Kind.UNAVAILABLE, 503, null, "down", null);
                }
                return answer;
            }
        };
    }

}
