package dev.waagent.domain.reply;

import dev.waagent.domain.TimeSource;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Spaces messages to one customer within Meta's pair rate: one message per 6 s on average, short bursts borrowed
 * from later (a burst of 45 is allowed but must be "paid back"), error 131056 beyond it, then retry after 4^X s.
 * <p>
 * A generic cell rate algorithm: each message moves a theoretical send time forward by {@code interval}; a message
 * may go when that time is at most {@code (burst - 1) × interval} ahead. Recent sends to the customer (from the
 * conversation history) seed it, so a new turn right after the last one waits its turn too. Parts of one reply also
 * keep {@code minGap} between them, so they arrive in order (Meta does not guarantee the order of quick sends).
 * Stateless and thread-safe; {@link #sendInOrder} uses the injected clock to wait.
 */
public final class PairPacer {

    /** Meta's pair rate: one message every 6 seconds to the same customer. */
    public static final Duration META_INTERVAL = Duration.ofSeconds(6);
    /** Meta's largest burst; far above what a reply needs. */
    public static final int META_MAX_BURST = 45;

    private final Duration interval;
    private final int burst;
    private final Duration minGap;

    /** @param burst messages that may go back to back (1 = strict spacing), at most {@value #META_MAX_BURST} */
    public PairPacer(Duration interval, int burst, Duration minGap) {
        this.interval = Objects.requireNonNull(interval, "interval");
        this.minGap = Objects.requireNonNull(minGap, "minGap");
        if (interval.isNegative() || interval.isZero() || minGap.isNegative() || minGap.compareTo(interval) > 0) {
            throw new IllegalArgumentException("need 0 < interval and 0 <= minGap <= interval");
        }
        if (burst < 1 || burst > META_MAX_BURST) {
            throw new IllegalArgumentException("burst must be between 1 and " + META_MAX_BURST);
        }
        this.burst = burst;
    }

    /** 6 s per message, bursts of 3 (a typical multi-part reply goes at once), 1 s between parts. */
    public static PairPacer metaDefaults() {
        return new PairPacer(META_INTERVAL, 3, Duration.ofSeconds(1));
    }

    /**
     * When each of {@code parts} messages may go, in order, starting no earlier than {@code now}.
     *
     * @param recentSends when earlier messages went to this customer (any order; older than a few minutes is ignored)
     */
    public List<Instant> schedule(List<Instant> recentSends, Instant now, int parts) {
        Objects.requireNonNull(now, "now");
        State state = State.seed(recentSends, now, interval, burst);
        List<Instant> times = new ArrayList<>(parts);
        for (int i = 0; i < parts; i++) {
            Instant at = state.earliest(now, tolerance(), minGap);
            times.add(at);
            state = state.sent(at, interval);
        }
        return List.copyOf(times);
    }

    /**
     * Sends {@code parts} in order, each when the pair rate allows (waiting with {@code time}); stops at the first
     * failure, which propagates. The sender records each part as sent, so a retry resumes after the last one sent.
     */
    public <P> void sendInOrder(List<P> parts, List<Instant> recentSends, TimeSource time, PartSender<P> sender)
            throws InterruptedException {
        State state = State.seed(recentSends, time.now(), interval, burst);
        for (P part : parts) {
            Instant now = time.now();
            Instant at = state.earliest(now, tolerance(), minGap);
            if (at.isAfter(now)) {
                time.sleep(Duration.between(now, at));
            }
            sender.send(part);
            state = state.sent(time.now(), interval);
        }
    }

    /** Meta's advice after a 131056: wait 4^X seconds, X = 0 after the first failure, 1 after the second, … */
    public static Duration backoffAfter(int failures) {
        if (failures < 1) {
            return Duration.ZERO;
        }
        return Duration.ofSeconds((long) Math.pow(4, Math.min(failures - 1, 10)));
    }

    private Duration tolerance() {
        return interval.multipliedBy(burst - 1L);
    }

    /** Sends one part; throws to stop the reply (the caller retries later from the first unsent part). */
    @FunctionalInterface
    public interface PartSender<P> {
        void send(P part) throws InterruptedException;
    }

    /** Theoretical arrival time of the next message, and when the last one went. */
    private record State(Instant theoretical, Instant last) {

        static State seed(List<Instant> recentSends, Instant now, Duration interval, int burst) {
            State state = new State(null, null);
            if (recentSends == null) {
                return state;
            }
            // Sends older than the longest burst Meta allows no longer weigh on the rate.
            Instant horizon = now.minus(interval.multipliedBy(META_MAX_BURST));
            List<Instant> sorted = recentSends.stream().filter(Objects::nonNull).filter(t -> t.isAfter(horizon)).sorted().toList();
            for (Instant sent : sorted) {
                state = state.sent(sent, interval);
            }
            return state;
        }

        Instant earliest(Instant now, Duration tolerance, Duration minGap) {
            Instant at = now;
            if (theoretical != null && theoretical.minus(tolerance).isAfter(at)) {
                at = theoretical.minus(tolerance);
            }
            if (last != null && last.plus(minGap).isAfter(at)) {
                at = last.plus(minGap);
            }
            return at;
        }

        State sent(Instant at, Duration interval) {
            Instant base = theoretical == null || at.isAfter(theoretical) ? at : theoretical;
            return new State(base.plus(interval), last == null || at.isAfter(last) ? at : last);
        }
    }
}
