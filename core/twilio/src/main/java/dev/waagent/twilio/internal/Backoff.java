package dev.waagent.twilio.internal;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * Delays between attempts of a Twilio API call: exponential from {@code initial}, plus up to 50 % jitter so workers
 * throttled together do not retry in lockstep, never above {@code max}. A server's {@code Retry-After} wins as given;
 * if it exceeds {@code max} there is no retry now (failing retryably and letting the queue redeliver beats waiting
 * that long in a Lambda).
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
     * @param retryAfter     the server's {@code Retry-After}, or {@code null}
     * @return the wait before the next attempt, or empty when the server asks for longer than {@code max}
     */
    public Optional<Duration> delay(int failedAttempts, Duration retryAfter) {
        if (retryAfter != null) {
            return retryAfter.compareTo(max) > 0 ? Optional.empty() : Optional.of(retryAfter);
        }
        int exponent = Math.max(0, Math.min(failedAttempts - 1, 20));
        Duration base = capped(initial.multipliedBy(1L << exponent));
        double spread = Math.max(0.0, Math.min(jitter.getAsDouble(), 1.0)) * 0.5;
        return Optional.of(capped(base.plusNanos((long) (base.toNanos() * spread))));
    }

    private Duration capped(Duration value) {
        return value.compareTo(max) > 0 ? max : value;
    }
}
