package dev.waagent.domain.llm.routing;

import dev.waagent.domain.TimeSource;
import dev.waagent.domain.llm.ChatMessage;
import dev.waagent.domain.llm.LlmException;
import dev.waagent.domain.llm.LlmProvider;
import dev.waagent.domain.llm.LlmRequest;
import dev.waagent.domain.llm.LlmResponse;
import dev.waagent.domain.llm.TokenUsage;
import dev.waagent.domain.tenant.Tenant;
import dev.waagent.domain.turn.ReplyGenerator.GeneratedReply;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The chain's decisions, on a clock the test moves. Providers here are scripted implementations of our own
 * port; the wire-level behaviour of the real clients is tested in their modules and through the worker.
 */
class LlmRouterTest {

    private final ManualTime time = new ManualTime();
    private final Tenant tenant = new Tenant("t1", "Shop", "whatsapp", "1", null, null, null, null, null, null,
            ZoneId.of("UTC"), List.of("en"), List.of(), true);

    @Test
    void thePrimaryAnswersWhenItIsUp() {
        Scripted primary = new Scripted("primary", time).answers("hello");
        Scripted secondary = new Scripted("secondary", time).answers("other");
        GeneratedReply reply = router(settings(), primary, secondary).generate(tenant, request("what are your hours?"));
        assertThat(reply.response().text()).isEqualTo("hello");
        assertThat(reply.route().path()).isEqualTo("primary:OK");
        assertThat(secondary.calls).isZero();
    }

    @Test
    void aDeadPrimaryFallsBackToTheNextAndItsOpenCircuitCostsNoCall() {
        Scripted primary = new Scripted("primary", time).fails(LlmException.Kind.UNAVAILABLE, 100);
        Scripted secondary = new Scripted("secondary", time);
        for (int i = 0; i < 4; i++) {
            secondary.answers("from secondary");
        }
        LlmRouter router = router(settings(), primary, secondary);

        for (int turn = 0; turn < 3; turn++) {
            assertThat(router.generate(tenant, request("hi " + turn)).response().text()).isEqualTo("from secondary");
        }
        int callsWhenOpened = primary.calls;
        assertThat(router.status().get(0).circuit()).isEqualTo(CircuitBreaker.State.OPEN);

        Instant before = time.now();
        GeneratedReply reply = router.generate(tenant, request("hi again"));
        assertThat(primary.calls).isEqualTo(callsWhenOpened);
        assertThat(reply.route().path()).isEqualTo("primary:OPEN>secondary:OK");
        assertThat(Duration.between(before, time.now())).isLessThanOrEqualTo(Duration.ofMillis(10));
    }

    @Test
    void anOpenCircuitLetsOneTrialThroughAfterTheCooldownAndClosesOnSuccess() {
        Scripted primary = new Scripted("primary", time).fails(LlmException.Kind.UNAVAILABLE, 6).answers("back");
        LlmRouter router = router(settings(), primary, new Scripted("secondary", time).answers("x"));
        for (int turn = 0; turn < 3; turn++) {
            router.generate(tenant, request("hi"));
        }
        time.advance(Duration.ofSeconds(31));
        assertThat(router.status().get(0).circuit()).isEqualTo(CircuitBreaker.State.HALF_OPEN);
        primary.script.clear();
        primary.answers("back");
        assertThat(router.generate(tenant, request("hi")).response().text()).isEqualTo("back");
        assertThat(router.status().get(0).circuit()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void allRemoteProvidersDownTheLocalLastResortAnswers() {
        Scripted a = new Scripted("a", time).fails(LlmException.Kind.UNAVAILABLE, 10);
        Scripted b = new Scripted("b", time).fails(LlmException.Kind.TIMEOUT, 10);
        GeneratedReply reply = router(settings(), a, b).generate(tenant, request("hello"));
        assertThat(reply.response().provider()).isEqualTo("local");
        assertThat(reply.route().attempts()).endsWith("local:OK");
        assertThat(reply.fallbacks()).isEqualTo(4);
    }

    @Test
    void rateLimitedCallsWaitTheirRetryAfterWithinTheDeadlineThenSucceed() {
        Scripted primary = new Scripted("primary", time)
                .failsWithRetryAfter(Duration.ofSeconds(1)).answers("after the wait");
        GeneratedReply reply = router(settings(), primary).generate(tenant, request("hello"));
        assertThat(reply.response().text()).isEqualTo("after the wait");
        assertThat(time.slept).containsExactly(Duration.ofSeconds(1));
        assertThat(reply.route().path()).isEqualTo("primary:RATE_LIMITED>primary:OK");
    }

    @Test
    void aRetryAfterLongerThanAllowedMovesOnInsteadOfWaiting() {
        Scripted primary = new Scripted("primary", time).failsWithRetryAfter(Duration.ofSeconds(30));
        Scripted secondary = new Scripted("secondary", time).answers("no wait");
        GeneratedReply reply = router(settings(), primary, secondary).generate(tenant, request("hello"));
        assertThat(reply.response().text()).isEqualTo("no wait");
        assertThat(time.slept).isEmpty();
    }

    @Test
    void anInvalidKeyIsNeverRetriedAndMarksTheProviderMisconfigured() {
        Scripted primary = new Scripted("primary", time).fails(LlmException.Kind.MISCONFIGURED, 10);
        Scripted secondary = new Scripted("secondary", time).answers("fallback");
        LlmRouter router = router(settings(), primary, secondary);
        assertThat(router.generate(tenant, request("hello")).response().text()).isEqualTo("fallback");
        assertThat(primary.calls).isEqualTo(1);
        ProviderStatus status = router.status().get(0);
        assertThat(status.misconfigured()).isTrue();
        assertThat(status.lastError()).isEqualTo("MISCONFIGURED");
        router.generate(tenant, request("hello again"));
        assertThat(primary.calls).isEqualTo(1);
    }

    @Test
    void theChainNeverOutlivesTheTurnDeadline() {
        Scripted slow = new Scripted("slow", time).takes(Duration.ofSeconds(8)).fails(LlmException.Kind.TIMEOUT, 10);
        Scripted slower = new Scripted("slower", time).takes(Duration.ofSeconds(8)).fails(LlmException.Kind.TIMEOUT, 10);
        Instant start = time.now();
        GeneratedReply reply = router(settings(), slow, slower).generate(tenant, request("hello", Duration.ofSeconds(20)));
        assertThat(Duration.between(start, time.now())).isLessThanOrEqualTo(Duration.ofSeconds(20));
        assertThat(reply.response().provider()).isEqualTo("local");
        // every call was given what was left of the deadline
        assertThat(slow.timeouts.get(0)).isEqualTo(Duration.ofSeconds(20));
        assertThat(slow.timeouts.get(1)).isLessThanOrEqualTo(Duration.ofSeconds(12));
    }

    @Test
    void simpleTurnsGoToTheCheapProviderAndComplexOnesToTheStrong() {
        Scripted cheap = new Scripted("cheap", time).answers("cheap").answers("cheap");
        Scripted strong = new Scripted("strong", time).answers("strong").answers("strong");
        RoutingSettings settings = new RoutingSettings(List.of("strong", "cheap"), "cheap", "strong", 80, 3,
                Duration.ofSeconds(30), 2, Duration.ofMillis(300), Duration.ofSeconds(2), Duration.ofHours(1));
        LlmRouter router = router(settings, cheap, strong);
        GeneratedReply simple = router.generate(tenant, request("hi!"));
        GeneratedReply complex = router.generate(tenant, request("hi\ndo you have the FX3? and the A7S III? price for 2 days?"));
        assertThat(simple.response().text()).isEqualTo("cheap");
        assertThat(simple.route().complexity()).isEqualTo(TurnComplexity.SIMPLE);
        assertThat(complex.response().text()).isEqualTo("strong");
        assertThat(complex.route().complexity()).isEqualTo(TurnComplexity.COMPLEX);
    }

    @Test
    void repeatedFaqQuestionsAreAnsweredFromTheCacheUntilTheContentChanges() {
        Scripted primary = new Scripted("primary", time).answers("We open at 10.").answers("We open at 11 now.");
        MapCache cache = new MapCache();
        Versions versions = new Versions();
        LlmRouter router = new LlmRouter(List.of(primary), local(), settings(), cache, versions,
                new PriceTable(Map.of("m", new PriceTable.Price(BigDecimal.ONE, BigDecimal.TEN))), RoutingObserver.NONE, time);

        GeneratedReply first = router.generate(tenant, request("What are your opening hours?"));
        GeneratedReply second = router.generate(tenant, request("what are your opening hours"));
        assertThat(first.route().cacheHit()).isFalse();
        assertThat(first.route().costUsd()).isPositive();
        assertThat(second.route().cacheHit()).isTrue();
        assertThat(second.response().text()).isEqualTo("We open at 10.");
        assertThat(primary.calls).isEqualTo(1);

        versions.bump("t1");
        assertThat(router.generate(tenant, request("what are your opening hours?")).response().text()).isEqualTo("We open at 11 now.");
    }

    @Test
    void theAnswerIsReturnedBeforeItsCacheWriteWhichGoesWhereItIsGiven() {
        Scripted primary = new Scripted("primary", time).answers("We open at 10.").answers("We open at 10.");
        MapCache cache = new MapCache();
        List<Runnable> pending = new java.util.ArrayList<>();
        LlmRouter router = new LlmRouter(List.of(primary), local(), settings(), cache, new Versions(),
                PriceTable.empty(), RoutingObserver.NONE, time, pending::add);

        GeneratedReply answered = router.generate(tenant, request("What are your opening hours?"));
        assertThat(answered.response().text()).isEqualTo("We open at 10.");
        assertThat(pending).hasSize(1);
        assertThat(router.generate(tenant, request("what are your opening hours")).route().cacheHit())
                .as("not written yet").isFalse();

        pending.remove(0).run();
        assertThat(router.generate(tenant, request("what are your opening hours?")).route().cacheHit()).isTrue();
    }

    @Test
    void turnsThatDependOnTheConversationOrThePersonAreNeverCached() {
        assertThat(CacheEligibility.keyFor(request("and for 2 days?"), 0)).isEmpty();
        assertThat(CacheEligibility.keyFor(request("can you book it for me"), 0)).isEmpty();
        assertThat(CacheEligibility.keyFor(request("my order status"), 0)).isEmpty();
        assertThat(CacheEligibility.keyFor(request("Where is your shop?"), 0)).isPresent();
    }

    // --- fixtures ---

    private RoutingSettings settings() {
        return new RoutingSettings(List.of(), null, null, 80, 3, Duration.ofSeconds(30), 2,
                Duration.ofMillis(300), Duration.ofSeconds(2), Duration.ofHours(1));
    }

    private LlmRouter router(RoutingSettings settings, LlmProvider... providers) {
        return new LlmRouter(List.of(providers), local(), settings, ResponseCache.NONE, ContentVersions.NONE,
                PriceTable.empty(), RoutingObserver.NONE, time);
    }

    private static LlmProvider local() {
        return new LlmProvider() {
            @Override
            public String name() {
                return "local";
            }

            @Override
            public LlmResponse complete(LlmRequest request) {
                return new LlmResponse("local", "holding", "Our team will reply shortly.", List.of(), TokenUsage.NONE,
                        Duration.ZERO, true);
            }
        };
    }

    private static LlmRequest request(String text) {
        return request(text, Duration.ofSeconds(20));
    }

    private static LlmRequest request(String text, Duration timeout) {
        return new LlmRequest("t1", List.of(ChatMessage.system("You are helpful."), ChatMessage.user(text)), List.of(),
                200, 0.3, timeout, Locale.ENGLISH);
    }

    /** A clock the test moves; sleeping advances it. */
    static final class ManualTime implements TimeSource {
        private Instant now = Instant.parse("2026-11-22T10:00:00Z");
        final List<Duration> slept = new ArrayList<>();

        @Override
        public synchronized Instant now() {
            return now;
        }

        @Override
        public synchronized void sleep(Duration duration) {
            slept.add(duration);
            now = now.plus(duration);
        }

        synchronized void advance(Duration duration) {
            now = now.plus(duration);
        }
    }

    /** A provider following a script of answers and failures; each call may take simulated time. */
    static final class Scripted implements LlmProvider {
        private final String name;
        private final ManualTime time;
        final Deque<Supplier<LlmResponse>> script = new ArrayDeque<>();
        final List<Duration> timeouts = new ArrayList<>();
        private Duration takes = Duration.ofMillis(5);
        int calls;

        Scripted(String name, ManualTime time) {
            this.name = name;
            this.time = time;
        }

        Scripted takes(Duration duration) {
            this.takes = duration;
            return this;
        }

        Scripted answers(String text) {
            script.add(() -> new LlmResponse(name, "m", text, List.of(), new TokenUsage(100, 10, false), takes, false));
            return this;
        }

        Scripted fails(LlmException.Kind kind, int times) {
            for (int i = 0; i < times; i++) {
                script.add(() -> {
                    throw new LlmException(name, kind, null, null, "scripted", null);
                });
            }
            return this;
        }

        Scripted failsWithRetryAfter(Duration retryAfter) {
            script.add(() -> {
                throw new LlmException(name, LlmException.Kind.RATE_LIMITED, 429, retryAfter, "slow down", null);
            });
            return this;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public LlmResponse complete(LlmRequest request) {
            calls++;
            timeouts.add(request.timeout());
            time.advance(takes.compareTo(request.timeout()) > 0 ? request.timeout() : takes);
            Supplier<LlmResponse> next = script.isEmpty() ? () -> {
                throw new LlmException(name, LlmException.Kind.UNAVAILABLE, 503, null, "script exhausted", null);
            } : script.poll();
            return next.get();
        }
    }

    static final class MapCache implements ResponseCache {
        private final Map<String, CachedReply> entries = new HashMap<>();

        @Override
        public Optional<CachedReply> get(String tenantId, String key) {
            return Optional.ofNullable(entries.get(tenantId + key));
        }

        @Override
        public void put(String tenantId, String key, CachedReply reply, Duration ttl) {
            entries.put(tenantId + key, reply);
        }
    }

    static final class Versions implements ContentVersions {
        private final Map<String, Long> versions = new HashMap<>();

        @Override
        public long current(String tenantId) {
            return versions.getOrDefault(tenantId, 0L);
        }

        @Override
        public void bump(String tenantId) {
            versions.merge(tenantId, 1L, Long::sum);
        }
    }
}
