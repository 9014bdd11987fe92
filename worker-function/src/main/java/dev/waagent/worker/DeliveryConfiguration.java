package dev.waagent.worker;

import dev.waagent.domain.TimeSource;
import dev.waagent.domain.reply.PairPacer;
import dev.waagent.domain.turn.NumberThroughput;
import dev.waagent.domain.turn.TurnSideCalls;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import java.time.Duration;

/**
 * {@code wa.delivery.*}: how fast the worker (and the scheduler, which sends through the same channel) may send. The
 * defaults are Meta's published limits; see worker-function/README.md.
 */
@ConfigurationProperties("wa.delivery")
public interface DeliveryConfiguration {

    /** Pair rate: one message per this interval to the same customer on average (Meta: 6 s). */
    @Bindable(defaultValue = "6s")
    @NotNull
    Duration getPairInterval();

    /** Messages to one customer that may go back to back before the pair interval applies (Meta allows up to 45). */
    @Bindable(defaultValue = "3")
    @Min(1)
    @Max(PairPacer.META_MAX_BURST)
    int getPairBurst();

    /** Least time between two parts of one reply, so they arrive in order. */
    @Bindable(defaultValue = "1s")
    @NotNull
    Duration getPartGap();

    /** How often the typing indicator is shown again while a turn runs (WhatsApp shows it for up to 25 s). */
    @Bindable(defaultValue = "20s")
    @NotNull
    Duration getTypingRefresh();

    /** At most this many refreshes per turn (0: shown once). */
    @Bindable(defaultValue = "6")
    @Min(0)
    int getTypingMaxRefreshes();

    /** Messages per second Meta allows one business number (80 by default; 1,000 after Meta's upgrade). */
    @Bindable(defaultValue = "" + NumberThroughput.META_DEFAULT_PER_SECOND)
    @Min(1)
    int getThroughputPerNumber();

    /**
     * How many instances may send on one number at once: the worker's reserved (or event-source maximum) concurrency,
     * plus one for the scheduler. Each instance keeps to {@code throughput-per-number / sending-instances}; infra sets
     * it from {@code workerMaxConcurrency} (WA_DELIVERY_SENDING_INSTANCES).
     */
    @Bindable(defaultValue = "1")
    @Min(1)
    int getSendingInstances();

    /**
     * Longest a send waits for its number's throughput; beyond it the send fails as retryable (the trigger comes
     * back). Keep it well below the turn's send lease, or a part still waiting could be claimed by another turn's resume.
     */
    @Bindable(defaultValue = "10s")
    @NotNull
    Duration getThroughputMaxWait();

    /** Threads of the one pool for a turn's side calls ({@code TurnSideCalls}); the caller makes the call when all are busy. */
    @Bindable(defaultValue = "" + TurnSideCalls.DEFAULT_THREADS)
    @Min(1)
    int getSideCallThreads();

    default PairPacer pairPacer() {
        return new PairPacer(getPairInterval(), getPairBurst(), getPartGap());
    }

    default NumberThroughput numberThroughput(TimeSource time) {
        return NumberThroughput.shareOf(getThroughputPerNumber(), getSendingInstances(), getThroughputMaxWait(), time);
    }
}
