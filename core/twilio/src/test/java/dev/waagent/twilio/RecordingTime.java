package dev.waagent.twilio;

import dev.waagent.domain.TimeSource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A test clock: fixed time that only moves when something sleeps; every sleep is recorded, none really waits. */
final class RecordingTime implements TimeSource {

    private volatile Instant now;
    private final List<Duration> sleeps = new CopyOnWriteArrayList<>();

    RecordingTime(Instant start) {
        this.now = start;
    }

    @Override
    public Instant now() {
        return now;
    }

    @Override
    public void sleep(Duration duration) {
        sleeps.add(duration);
        now = now.plus(duration);
    }

    List<Duration> sleeps() {
        return List.copyOf(sleeps);
    }
}
