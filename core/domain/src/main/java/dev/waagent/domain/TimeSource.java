package dev.waagent.domain;

import java.time.Duration;
import java.time.Instant;

/** The one clock of the system: what time it is, and waiting. Tests inject a controllable one. */
public interface TimeSource {

    Instant now();

    void sleep(Duration duration) throws InterruptedException;

    static TimeSource system() {
        return new TimeSource() {
            @Override
            public Instant now() {
                return Instant.now();
            }

            @Override
            public void sleep(Duration duration) throws InterruptedException {
                if (!duration.isNegative() && !duration.isZero()) {
                    Thread.sleep(duration.toMillis());
                }
            }
        };
    }
}
