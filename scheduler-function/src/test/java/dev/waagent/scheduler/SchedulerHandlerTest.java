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
        try (ApplicationContext context = ApplicationContext.run(new java.util.HashMap<String, Object>(SchedulerTestProperties.fresh()))) {
            SchedulerHandler handler = new SchedulerHandler(context);
            // No Lambda context: the configured default budget.
            assertThat(handler.execute(new JobRequest("echo"))).isEqualTo("echo within 50s");
            assertThatThrownBy(() -> handler.execute(new JobRequest("nope")))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("echo");
        }
    }
}
