package dev.waagent.domain.turn;

import dev.waagent.domain.TimeSource;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Keeps sends on one business phone number under Meta's throughput (80 messages per second per number by default,
 * 1,000 after Meta's upgrade; error 130429 beyond it), so a burst of replies to many customers of one number waits
 * here instead of being refused and retried.
 * <p>
 * One token bucket per number, in this process only: each number gets {@code perSecond} tokens a second, up to
 * {@code burst} saved. Several instances (Lambda invocations running at once, the scheduler) share Meta's figure, so
 * {@code perSecond} must be this instance's share: the number's throughput divided by how many instances can send at
 * once (the worker's maximum concurrency, plus one for the scheduler). A caller reserves its token and then waits
 * for it outside the lock, so callers are served in arrival order and nobody spins. Thread-safe.
 */
public final class NumberThroughput {

    /** What Meta allows a number by default (messages per second, inbound and outbound together). */
    public static final int META_DEFAULT_PER_SECOND = 80;

    private final double perSecond;
    private final double burst;
    private final TimeSource time;
    private final ConcurrentMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    /**
     * @param perSecond this instance's share of the number's throughput (may be fractional, e.g. 80 / 100 instances)
     * @param burst     tokens a quiet number saves up, at least 1
     */
    public NumberThroughput(double perSecond, double burst, TimeSource time) {
        if (!(perSecond > 0) || Double.isInfinite(perSecond) || !(burst >= 1)) {
            throw new IllegalArgumentException("need perSecond > 0 and burst >= 1, got " + perSecond + " and " + burst);
        }
        this.perSecond = perSecond;
        this.burst = burst;
        this.time = Objects.requireNonNull(time, "time");
    }

    /**
     * This instance's share of {@code numberPerSecond} when {@code sendingInstances} instances may send on a number at
     * once; a second's worth (at least one message) may go back to back.
     */
    public static NumberThroughput shareOf(int numberPerSecond, int sendingInstances, TimeSource time) {
        if (numberPerSecond < 1 || sendingInstances < 1) {
            throw new IllegalArgumentException("need numberPerSecond >= 1 and sendingInstances >= 1");
        }
        double share = (double) numberPerSecond / sendingInstances;
        return new NumberThroughput(share, Math.max(1, share), time);
    }

    /** Waits until one more message may go on {@code numberId}. @return how long it waited */
    public Duration acquire(String numberId) throws InterruptedException {
        Duration wait = reserve(numberId);
        if (!wait.isZero()) {
            time.sleep(wait);
        }
        return wait;
    }

    /** Takes the next token of {@code numberId} and says how long until it is valid (zero: now). */
    Duration reserve(String numberId) {
        Bucket bucket = buckets.computeIfAbsent(Objects.requireNonNull(numberId, "numberId"), id -> new Bucket(burst, time.now()));
        return bucket.take(time.now(), perSecond, burst);
    }

    public double perSecond() {
        return perSecond;
    }

    private static final class Bucket {
        private double tokens;
        private Instant updated;

        Bucket(double tokens, Instant at) {
            this.tokens = tokens;
            this.updated = at;
        }

        synchronized Duration take(Instant now, double perSecond, double burst) {
            if (now.isAfter(updated)) {
                double elapsed = Duration.between(updated, now).toNanos() / 1e9;
                tokens = Math.min(burst, tokens + elapsed * perSecond);
                updated = now;
            }
            // May go below zero: the debt is this caller's wait, and later callers queue behind it.
            tokens -= 1;
            if (tokens >= 0) {
                return Duration.ZERO;
            }
            return Duration.ofNanos((long) Math.ceil(-tokens / perSecond * 1e9));
        }
    }
}
