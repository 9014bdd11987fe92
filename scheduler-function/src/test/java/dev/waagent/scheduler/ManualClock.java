package dev.waagent.scheduler;

import dev.waagent.domain.TimeSource;
import dev.waagent.lambda.RuntimeFactory;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.time.Instant;

/**
 * The test clock: moves only when told to, or by a fixed tick on every reading (to cut a run short
 * deterministically without waiting). Sleeps move it, nothing really waits.
 */
@Singleton
@Replaces(bean = TimeSource.class, factory = RuntimeFactory.class)
@Requires(property = "test.manual-clock", value = "true")
public class ManualClock implements TimeSource {

    private Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.HOURS);
    private Duration tick = Duration.ZERO;

    @Override
    public synchronized Instant now() {
        Instant reading = now;
        now = now.plus(tick);
        return reading;
    }

    @Override
    public synchronized void sleep(Duration duration) {
        now = now.plus(duration);
    }

    public synchronized void set(Instant instant) {
        now = instant;
    }

    public synchronized void advance(Duration duration) {
        now = now.plus(duration);
    }

    /** Every reading moves the clock by {@code step} (zero turns ticking off). */
    public synchronized void tickEachReading(Duration step) {
        tick = step;
    }

    public synchronized Instant peek() {
        return now;
    }
}
