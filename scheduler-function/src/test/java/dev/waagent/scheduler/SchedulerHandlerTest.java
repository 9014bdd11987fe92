package dev.waagent.scheduler;

import io.micronaut.context.ApplicationContext;
import jakarta.inject.Singleton;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SchedulerHandlerTest {

    @Singleton
    static class EchoJob implements ScheduledJob {
        @Override
        public String name() {
            return "echo";
        }

        @Override
        public String run(Duration budget) {
            return "echo within " + budget.toSeconds() + "s";
        }
    }

    @Test
    void theScheduleNamesTheJobThatRuns() {
        try (ApplicationContext context = ApplicationContext.run(Map.of("wa.metrics.enabled", false))) {
            SchedulerHandler handler = new SchedulerHandler(context);
            assertThat(handler.execute(new JobRequest("echo"))).isEqualTo("echo within 290s");
            assertThatThrownBy(() -> handler.execute(new JobRequest("nope")))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("echo");
        }
    }
}
