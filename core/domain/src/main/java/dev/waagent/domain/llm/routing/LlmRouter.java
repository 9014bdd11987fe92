package dev.waagent.domain.llm.routing;

import dev.waagent.domain.TimeSource;
import dev.waagent.domain.llm.LlmException;
import dev.waagent.domain.llm.LlmProvider;
import dev.waagent.domain.llm.LlmRequest;
import dev.waagent.domain.llm.LlmResponse;
import dev.waagent.domain.llm.TokenUsage;
import dev.waagent.domain.tenant.Tenant;
import dev.waagent.domain.turn.ReplyGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;

/**
 * The reply chain: response cache → the tenant's providers in order (chosen by turn complexity, each behind
 * its own circuit breaker, retried only for transient failures and only within the turn's deadline) → the
 * local last resort, which always answers.
 * <p>
 * This is the one layer that retries: providers make exactly one attempt per call, so a dead provider costs at
 * most {@code maxAttempts} bounded calls, and none at all while its circuit is open.
 */
public final class LlmRouter implements ReplyGenerator {

    private static final Logger LOG = LoggerFactory.getLogger(LlmRouter.class);
    /** Below this a remote call cannot finish: go straight to the last resort. */
    static final Duration MIN_CALL_BUDGET = Duration.ofMillis(250);

    private final Map<String, LlmProvider> providers = new LinkedHashMap<>();
    private final Map<String, ProviderHealth> health = new LinkedHashMap<>();
    private final LlmProvider lastResort;
    private final RoutingSettings settings;
    private final ResponseCache cache;
    private final ContentVersions versions;
    private final PriceTable prices;
    private final RoutingObserver observer;
    private final TimeSource time;
    /** Where answers are written to the response cache: nothing waits for those writes. */
    private final Executor cacheWrites;

    /** Cache writes made by the caller, before the answer is returned (tests, tools, benchmarks of the chain). */
    public LlmRouter(List<LlmProvider> providers, LlmProvider lastResort, RoutingSettings settings, ResponseCache cache,
                     ContentVersions versions, PriceTable prices, RoutingObserver observer, TimeSource time) {
        this(providers, lastResort, settings, cache, versions, prices, observer, time, Runnable::run);
    }

    /**
     * @param cacheWrites where an answer is written to the response cache, so the turn does not wait for the write (the
     *                    process's {@code TurnSideCalls}, which makes the call itself when all its threads are busy). A
     *                    write still going when the process ends or is frozen is lost or late: a later miss, no more
     */
    public LlmRouter(List<LlmProvider> providers, LlmProvider lastResort, RoutingSettings settings, ResponseCache cache,
                     ContentVersions versions, PriceTable prices, RoutingObserver observer, TimeSource time,
                     Executor cacheWrites) {
        this.cacheWrites = java.util.Objects.requireNonNull(cacheWrites, "cacheWrites");
        for (LlmProvider provider : providers) {
            if (provider != lastResort) {
                this.providers.put(provider.name(), provider);
                this.health.put(provider.name(), new ProviderHealth(settings.failureThreshold(), settings.cooldown()));
            }
        }
        this.lastResort = lastResort;
        this.settings = settings;
        this.cache = cache;
        this.versions = versions;
        this.prices = prices;
        this.observer = observer;
        this.time = time;
    }

    @Override
    public GeneratedReply generate(Tenant tenant, LlmRequest request) {
        Instant deadline = time.now().plus(request.timeout());
        TurnComplexity complexity = TurnComplexity.of(request, settings.simpleMaxChars());
        Optional<String> cacheKey = cacheKey(tenant, request);
        if (cacheKey.isPresent()) {
            Optional<ResponseCache.CachedReply> cached = safeCacheGet(tenant.id(), cacheKey.get());
            observer.cacheLookup(tenant.id(), cached.isPresent());
            if (cached.isPresent()) {
                LlmResponse response = new LlmResponse("cache", cached.get().provider() + "/" + cached.get().model(),
                        cached.get().text(), List.of(), TokenUsage.NONE, Duration.ZERO, false);
                return new GeneratedReply(response, 0, new RouteReport(complexity, List.of("cache:HIT"), true, BigDecimal.ZERO));
            }
        }

        List<String> attempts = new ArrayList<>();
        int failures = 0;
        for (LlmProvider provider : chainFor(tenant, complexity)) {
            ProviderHealth state = health.get(provider.name());
            if (remaining(deadline).compareTo(MIN_CALL_BUDGET) < 0) {
                break;
            }
            if (!state.breaker().tryAcquire(time.now())) {
                attempts.add(provider.name() + ":OPEN");
                continue;
            }
            for (int attempt = 1; attempt <= settings.maxAttempts(); attempt++) {
                Duration budget = remaining(deadline);
                Instant started = time.now();
                try {
                    LlmResponse response = provider.complete(request.withTimeout(budget));
                    if (response.text().isBlank() && response.toolCalls().isEmpty()) {
                        throw new LlmException(provider.name(), LlmException.Kind.EMPTY_RESPONSE, null, null, "empty reply", null);
                    }
                    Duration latency = Duration.between(started, time.now());
                    state.succeeded(latency);
                    BigDecimal cost = prices.cost(response.model(), response.usage());
                    observer.providerCalled(new ProviderCall(tenant.id(), provider.name(), response.model(), attempt,
                            latency, response.latency(), response.usage(), cost, null));
                    attempts.add(provider.name() + ":OK");
                    if (cacheKey.isPresent() && !response.needsHuman() && response.toolCalls().isEmpty()) {
                        safeCachePut(tenant.id(), cacheKey.get(),
                                new ResponseCache.CachedReply(response.text(), provider.name(), response.model()));
                    }
                    return new GeneratedReply(response, failures, new RouteReport(complexity, attempts, false, cost));
                } catch (LlmException e) {
                    failures++;
                    attempts.add(provider.name() + ":" + e.kind());
                    Duration failedAfter = Duration.between(started, time.now());
                    observer.providerCalled(new ProviderCall(tenant.id(), provider.name(), null, attempt,
                            failedAfter, failedAfter, TokenUsage.NONE, BigDecimal.ZERO, e.kind()));
                    if (state.failed(e, time.now())) {
                        observer.circuitOpened(provider.name());
                        LOG.warn("circuit of provider {} opened after {}", provider.name(), e.kind());
                    }
                    if (!shouldRetry(e, attempt, state, deadline)) {
                        break;
                    }
                    try {
                        time.sleep(retryWait(e));
                    } catch (InterruptedException interrupted) {
                        Thread.currentThread().interrupt();
                        break;
                    }
                }
            }
        }
        LlmResponse last = lastResort.complete(request);
        attempts.add(lastResort.name() + ":OK");
        return new GeneratedReply(last, failures, new RouteReport(complexity, attempts, false, BigDecimal.ZERO));
    }

    /** Each configured provider's state, for /health. */
    public List<ProviderStatus> status() {
        Instant now = time.now();
        List<ProviderStatus> statuses = new ArrayList<>();
        health.forEach((name, state) -> statuses.add(state.status(name, now)));
        return statuses;
    }

    /** The providers to try for this tenant and turn, in order; names that are not configured are skipped. */
    List<LlmProvider> chainFor(Tenant tenant, TurnComplexity complexity) {
        List<String> order = new ArrayList<>(tenant.providerOrder().isEmpty() ? settings.defaultOrder() : tenant.providerOrder());
        if (order.isEmpty()) {
            order.addAll(providers.keySet());
        }
        String first = complexity == TurnComplexity.SIMPLE ? settings.simpleFirst() : settings.complexFirst();
        if (first != null && order.remove(first)) {
            order.add(0, first);
        }
        List<LlmProvider> chain = new ArrayList<>();
        for (String name : order) {
            LlmProvider provider = providers.get(name);
            if (provider != null && !chain.contains(provider)) {
                chain.add(provider);
            }
        }
        return chain;
    }

    private boolean shouldRetry(LlmException e, int attempt, ProviderHealth state, Instant deadline) {
        if (!e.kind().isTransient() || attempt >= settings.maxAttempts()
                || state.breaker().state(time.now()) != CircuitBreaker.State.CLOSED) {
            return false;
        }
        Duration wait = retryWait(e);
        // Waiting longer than allowed, or past the deadline, is worse than asking the next provider.
        return wait.compareTo(settings.maxRetryWait()) <= 0
                && remaining(deadline).minus(wait).compareTo(MIN_CALL_BUDGET) >= 0;
    }

    private Duration retryWait(LlmException e) {
        return e.retryAfter().orElse(settings.retryBackoff());
    }

    private Duration remaining(Instant deadline) {
        Duration left = Duration.between(time.now(), deadline);
        return left.isNegative() ? Duration.ZERO : left;
    }

    private Optional<String> cacheKey(Tenant tenant, LlmRequest request) {
        try {
            return CacheEligibility.keyFor(request, versions.current(tenant.id()));
        } catch (RuntimeException e) {
            LOG.debug("content version unavailable, cache skipped: {}", e.toString());
            return Optional.empty();
        }
    }

    private Optional<ResponseCache.CachedReply> safeCacheGet(String tenantId, String key) {
        try {
            return cache.get(tenantId, key);
        } catch (RuntimeException e) {
            // The cache is an optimisation: when it fails, ask a provider.
            LOG.debug("response cache read failed: {}", e.toString());
            return Optional.empty();
        }
    }

    private void safeCachePut(String tenantId, String key, ResponseCache.CachedReply reply) {
        try {
            cacheWrites.execute(() -> {
                try {
                    cache.put(tenantId, key, reply, settings.cacheTtl());
                } catch (RuntimeException e) {
                    LOG.debug("response cache write failed: {}", e.toString());
                }
            });
        } catch (RuntimeException rejected) {
            LOG.debug("response cache write not started: {}", rejected.toString());
        }
    }
}
