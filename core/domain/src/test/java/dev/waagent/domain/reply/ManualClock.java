package dev.waagent.domain.reply;

import dev.waagent.domain.TimeSource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A clock that moves only when told to or when something sleeps; sleeps are recorded, none really waits. */
public final class ManualClock implements TimeSource {

    private Instant now;
    private final List<Duration> sleeps = new CopyOnWriteArrayList<>();

    public ManualClock(Instant start) {
        this.now = start;
    }

    @Override
    public synchronized Instant now() {
        return now;
    }

    @Override
    public synchronized void sleep(Duration duration) {
        sleeps.add(duration);
        now = now.plus(duration);
    }

    public synchronized void advance(Duration duration) {
        now = now.plus(duration);
    }

    public List<Duration> sleeps() {
        return List.copyOf(sleeps);
    }
}
