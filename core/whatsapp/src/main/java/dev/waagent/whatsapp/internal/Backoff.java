package dev.waagent.whatsapp.internal;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * Delays between attempts of a Graph API call: exponential from {@code initial}, plus up to 50 % jitter so that many
 * workers throttled together do not retry in lockstep, never above {@code max}.
 * <ul>
 *   <li>A server's {@code Retry-After} wins as given (no jitter); if it exceeds {@code max}, there is no retry now:
 *       waiting that long in a Lambda is worse than failing retryably and letting the queue redeliver later.</li>
 *   <li>The pair rate limit (131056) follows Meta's advice to retry after 4^X seconds (X = 0, 1, 2, …), since only
 *       one message per 6 s may go to the same customer.</li>
 * </ul>
 */
public final class Backoff {

    private final Duration initial;
    private final Duration max;
    private final DoubleSupplier jitter;

    /** @param jitter values in [0, 1); tests pass a constant */
    public Backoff(Duration initial, Duration max, DoubleSupplier jitter) {
        this.initial = Objects.requireNonNull(initial, "initial");
        this.max = Objects.requireNonNull(max, "max");
        this.jitter = Objects.requireNonNull(jitter, "jitter");
    }

    /**
     * @param failedAttempts how many attempts failed so far (1 after the first)
     * @param pairRateLimit  the failure was Meta's pair rate limit
     * @param retryAfter     the server's {@code Retry-After}, or {@code null}
     * @return the wait before the next attempt, or empty when the server asks for longer than {@code max}
     */
    public Optional<Duration> delay(int failedAttempts, boolean pairRateLimit, Duration retryAfter) {
        if (retryAfter != null) {
            return retryAfter.compareTo(max) > 0 ? Optional.empty() : Optional.of(retryAfter);
        }
        int exponent = Math.max(0, Math.min(failedAttempts - 1, 30));
        Duration base = capped(initial.multipliedBy(1L << Math.min(exponent, 20)));
        if (pairRateLimit) {
            Duration meta = capped(Duration.ofSeconds((long) Math.pow(4, Math.min(exponent, 10))));
            base = base.compareTo(meta) >= 0 ? base : meta;
        }
        double spread = Math.max(0.0, Math.min(jitter.getAsDouble(), 1.0)) * 0.5;
        long extraNanos = (long) (base.toNanos() * spread);
        return Optional.of(capped(base.plusNanos(extraNanos)));
    }

    private Duration capped(Duration value) {
        return value.compareTo(max) > 0 ? max : value;
    }
}
