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
 * for it outside the lock, so callers are served in arrival order and nobody spins.
 * <p>
 * A wait is capped at {@code maxWait}, well below the send lease: a reply's parts are leased for
 * {@code sendLease + pacing}, so a send still waiting here past its lease could be claimed and sent by another turn's
 * resume while this thread waits. Beyond the cap (or when interrupted) the caller gives its token back and the send
 * fails as retryable. Thread-safe.
 */
public final class NumberThroughput {

    /** What Meta allows a number by default (messages per second, inbound and outbound together). */
    public static final int META_DEFAULT_PER_SECOND = 80;
    /** Longest a send waits for its number by default (the turn's send lease is much longer). */
    public static final Duration DEFAULT_MAX_WAIT = Duration.ofSeconds(10);
    /** {@link ChannelSendException#errorCode()} of a send that would have waited longer than {@code maxWait}. */
    public static final String WAIT_TOO_LONG = "throughput_wait_too_long";

    private final double perSecond;
    private final double burst;
    private final Duration maxWait;
    private final TimeSource time;
    private final ConcurrentMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    /**
     * @param perSecond this instance's share of the number's throughput (may be fractional, e.g. 80 / 100 instances)
     * @param burst     tokens a quiet number saves up, at least 1
     */
    public NumberThroughput(double perSecond, double burst, TimeSource time) {
        this(perSecond, burst, DEFAULT_MAX_WAIT, time);
    }

    /** @param maxWait longest a send may wait for its number (keep it well below the send lease) */
    public NumberThroughput(double perSecond, double burst, Duration maxWait, TimeSource time) {
        if (!(perSecond > 0) || Double.isInfinite(perSecond) || !(burst >= 1)) {
            throw new IllegalArgumentException("need perSecond > 0 and burst >= 1, got " + perSecond + " and " + burst);
        }
        if (maxWait == null || maxWait.isNegative()) {
            throw new IllegalArgumentException("need a maxWait of zero or more, got " + maxWait);
        }
        this.perSecond = perSecond;
        this.burst = burst;
        this.maxWait = maxWait;
        this.time = Objects.requireNonNull(time, "time");
    }

    /**
     * This instance's share of {@code numberPerSecond} when {@code sendingInstances} instances may send on a number at
     * once; a second's worth (at least one message) may go back to back.
     */
    public static NumberThroughput shareOf(int numberPerSecond, int sendingInstances, TimeSource time) {
        return shareOf(numberPerSecond, sendingInstances, DEFAULT_MAX_WAIT, time);
    }

    /** The same, waiting at most {@code maxWait} for a send. */
    public static NumberThroughput shareOf(int numberPerSecond, int sendingInstances, Duration maxWait, TimeSource time) {
        if (numberPerSecond < 1 || sendingInstances < 1) {
            throw new IllegalArgumentException("need numberPerSecond >= 1 and sendingInstances >= 1");
        }
        double share = (double) numberPerSecond / sendingInstances;
        return new NumberThroughput(share, Math.max(1, share), maxWait, time);
    }

    /**
     * Waits until one more message may go on {@code numberId}.
     *
     * @return how long it waited
     * @throws ChannelSendException (retryable, {@link #WAIT_TOO_LONG}) when the wait would pass {@code maxWait}
     * @throws InterruptedException when interrupted while waiting; the token is given back either way
     */
    public Duration acquire(String numberId) throws InterruptedException {
        Bucket bucket = bucket(numberId);
        Duration wait = bucket.take(time.now(), perSecond, burst);
        if (wait.compareTo(maxWait) > 0) {
            bucket.giveBack(burst);
            throw new ChannelSendException("business number " + numberId + " is over its throughput: the send would wait "
                    + wait.toMillis() + " ms (at most " + maxWait.toMillis() + " ms)", WAIT_TOO_LONG, true, null);
        }
        if (!wait.isZero()) {
            try {
                time.sleep(wait);
            } catch (InterruptedException e) {
                bucket.giveBack(burst);
                throw e;
            }
        }
        return wait;
    }

    /** Takes the next token of {@code numberId} and says how long until it is valid (zero: now). */
    Duration reserve(String numberId) {
        return bucket(numberId).take(time.now(), perSecond, burst);
    }

    private Bucket bucket(String numberId) {
        return buckets.computeIfAbsent(Objects.requireNonNull(numberId, "numberId"), id -> new Bucket(burst, time.now()));
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

        /** A token taken but not used (the send gave up): the callers behind keep their slots, later ones go sooner. */
        synchronized void giveBack(double burst) {
            tokens = Math.min(burst, tokens + 1);
        }
    }
}
