package dev.waagent.lambda;

import dev.waagent.domain.TimeSource;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/** The one clock. */
@Factory
public class RuntimeFactory {

    @Singleton
    TimeSource timeSource() {
        return TimeSource.system();
    }
}
