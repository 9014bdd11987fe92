package dev.waagent.domain.llm.routing;

import dev.waagent.domain.llm.LlmException;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;

/** One provider's breaker, recent latencies and last error. Thread-safe. */
final class ProviderHealth {

    private static final int WINDOW = 64;

    private final CircuitBreaker breaker;
    private final long[] latencies = new long[WINDOW];
    private int recorded;
    private long calls;
    private long failures;
    private boolean misconfigured;
    private String lastError;

    ProviderHealth(int failureThreshold, Duration cooldown) {
        this.breaker = new CircuitBreaker(failureThreshold, cooldown);
    }

    CircuitBreaker breaker() {
        return breaker;
    }

    synchronized void succeeded(Duration latency) {
        calls++;
        latencies[recorded++ % WINDOW] = latency.toMillis();
        misconfigured = false;
        breaker.onSuccess();
    }

    /** @return true when this failure opened the circuit */
    synchronized boolean failed(LlmException e, Instant now) {
        calls++;
        failures++;
        lastError = e.kind().name();
        if (e.kind() == LlmException.Kind.MISCONFIGURED || e.kind() == LlmException.Kind.BAD_REQUEST) {
            // A refused key or request will not fix itself: stop calling until the cooldown, flag it in health.
            misconfigured = true;
            boolean wasOpen = breaker.state(now) == CircuitBreaker.State.OPEN;
            breaker.forceOpen(now);
            return !wasOpen;
        }
        return breaker.onFailure(now);
    }

    synchronized ProviderStatus status(String name, Instant now) {
        long p50 = -1;
        int n = Math.min(recorded, WINDOW);
        if (n > 0) {
            long[] sorted = Arrays.copyOf(latencies, n);
            Arrays.sort(sorted);
            p50 = sorted[(n - 1) / 2];
        }
        return new ProviderStatus(name, breaker.state(now), misconfigured, lastError, p50, calls, failures, breaker.timesOpened());
    }
}
